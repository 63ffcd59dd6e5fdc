package sim

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// AuditEntry records who asked what, as the providers' audit trails do.
type AuditEntry struct {
	Time               time.Time `json:"time"`
	Instance           string    `json:"instance"`
	ClientID           string    `json:"clientId"`
	UserID             string    `json:"userId"`
	UserRepresentation string    `json:"userRepresentation"`
	Method             string    `json:"method"`
	Path               string    `json:"path"`
}

// auditLog is a bounded ring of audit entries.
type auditLog struct {
	mu      sync.Mutex
	entries []AuditEntry
	next    int
	full    bool
}

const auditSize = 10_000

func (a *auditLog) add(e AuditEntry) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.entries == nil {
		a.entries = make([]AuditEntry, auditSize)
	}
	a.entries[a.next] = e
	a.next = (a.next + 1) % auditSize
	if a.next == 0 {
		a.full = true
	}
}

func (a *auditLog) list() []AuditEntry {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.full {
		return append([]AuditEntry(nil), a.entries[:a.next]...)
	}
	out := append([]AuditEntry(nil), a.entries[a.next:]...)
	return append(out, a.entries[:a.next]...)
}

func (a *auditLog) reset() {
	a.mu.Lock()
	a.entries, a.next, a.full = nil, 0, false
	a.mu.Unlock()
}

// zgwClaims are the claims the ZGW providers read from the JWT.
type zgwClaims struct {
	ClientID           string `json:"client_id"`
	UserID             string `json:"user_id"`
	UserRepresentation string `json:"user_representation"`
	jwt.RegisteredClaims
}

// authenticate verifies the ZGW JWT (HS256, per-client secret) or, for the
// Klantinteracties family, the Token key. It records the audit entry and
// returns the request with the client in its context, or writes a 401.
func (in *Instance) authenticate(w http.ResponseWriter, r *http.Request) (*http.Request, bool) {
	h := r.Header.Get("Authorization")
	if in.Spec.API == data.APIKlantinteracties || in.Spec.API == data.APIContactgegevens {
		tok, ok := strings.CutPrefix(h, "Token ")
		if ok {
			for _, c := range in.clients {
				if c.Secret == strings.TrimSpace(tok) {
					in.audit.add(AuditEntry{Time: time.Now(), Instance: in.Spec.Name, ClientID: c.ID, Method: r.Method, Path: r.URL.RequestURI()})
					return r.WithContext(provider.WithClient(r.Context(), c)), true
				}
			}
		}
		provider.WriteProblem(w, http.StatusUnauthorized, "not_authenticated", "Authenticatiegegevens zijn niet opgegeven.", "Ongeldige token.")
		return r, false
	}
	raw, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || raw == "" {
		provider.WriteProblem(w, http.StatusUnauthorized, "not_authenticated", "Authenticatiegegevens zijn niet opgegeven.", "Authenticatiegegevens zijn niet opgegeven.")
		return r, false
	}
	var claims zgwClaims
	var client *provider.Client
	_, err := jwt.ParseWithClaims(raw, &claims, func(t *jwt.Token) (any, error) {
		id := claims.ClientID
		if id == "" {
			id = claims.Issuer
		}
		for _, c := range in.clients {
			if c.ID == id {
				client = c
				return []byte(c.Secret), nil
			}
		}
		return nil, jwt.ErrTokenUnverifiable
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuedAt(), jwt.WithLeeway(5*time.Minute))
	if err != nil || client == nil {
		provider.WriteProblem(w, http.StatusUnauthorized, "not_authenticated", "Ongeldige authenticatiegegevens.", "JWT kon niet gevalideerd worden: "+errText(err))
		return r, false
	}
	if claims.IssuedAt == nil {
		provider.WriteProblem(w, http.StatusUnauthorized, "not_authenticated", "Ongeldige authenticatiegegevens.", "De claim 'iat' ontbreekt.")
		return r, false
	}
	in.audit.add(AuditEntry{Time: time.Now(), Instance: in.Spec.Name, ClientID: client.ID, UserID: claims.UserID,
		UserRepresentation: claims.UserRepresentation, Method: r.Method, Path: r.URL.RequestURI()})
	return r.WithContext(provider.WithClient(r.Context(), client)), true
}

func errText(err error) string {
	if err == nil {
		return "onbekende client"
	}
	return err.Error()
}
