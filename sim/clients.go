package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// secretFor derives a stable per-instance secret from the seed.
func secretFor(seed uint64, instance, client string) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("klantgraaf-sim/%d/%s/%s", seed, instance, client)))
	return hex.EncodeToString(h[:16])
}

// defaultClients are the credentials each instance accepts: a full client and
// a restricted one (read-only, confidentiality ceiling zaakvertrouwelijk) so
// tests can show that different rights see different data.
func defaultClients(seed uint64, instance string, api data.APIKind) []*provider.Client {
	return []*provider.Client{
		{ID: "klantgraaf", Secret: secretFor(seed, instance, "klantgraaf"), Scopes: []string{"*"},
			MaxVertrouwelijkheid: data.ZeerGeheim, MaxVertrouwelijkheidName: data.ZeerGeheim.String()},
		{ID: "klantgraaf-beperkt", Secret: secretFor(seed, instance, "klantgraaf-beperkt"), Scopes: readScopes(api),
			MaxVertrouwelijkheid: data.Zaakvertrouwelijk, MaxVertrouwelijkheidName: data.Zaakvertrouwelijk.String()},
	}
}

func readScopes(api data.APIKind) []string {
	switch api {
	case data.APIZaken:
		return []string{"zaken.lezen"}
	case data.APICatalogi:
		return []string{"catalogi.lezen"}
	case data.APIDocumenten:
		return []string{"documenten.lezen"}
	case data.APIKlanten:
		return []string{"klanten.lezen"}
	case data.APIContactmomenten:
		return []string{"contactmomenten.lezen"}
	case data.APIVerzoeken:
		return []string{"verzoeken.lezen"}
	case data.APIKlantinteracties:
		return []string{"klantinteracties.lezen"}
	case data.APIContactgegevens:
		return []string{"contactgegevens.lezen"}
	}
	return nil
}
