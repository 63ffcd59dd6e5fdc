package upstream

import (
	"context"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// EndUser is the person on whose behalf the gateway calls an upstream. It
// ends up in the user_id and user_representation claims of the ZGW JWT, and
// so in the upstream's audit trail.
type EndUser struct {
	ID             string
	Representation string
}

type endUserKey struct{}

// WithEndUser returns a context carrying the end user.
func WithEndUser(ctx context.Context, u EndUser) context.Context {
	return context.WithValue(ctx, endUserKey{}, u)
}

// EndUserFrom returns the end user carried by ctx.
func EndUserFrom(ctx context.Context) (EndUser, bool) {
	u, ok := ctx.Value(endUserKey{}).(EndUser)
	return u, ok
}

// ZGWClaims is the JWT payload the ZGW APIs expect.
type ZGWClaims struct {
	Issuer             string `json:"iss"`
	IssuedAt           int64  `json:"iat"`
	ClientID           string `json:"client_id"`
	UserID             string `json:"user_id"`
	UserRepresentation string `json:"user_representation"`
}

// GetExpirationTime and the other jwt.Claims methods make ZGWClaims usable
// with the jwt package.
func (c ZGWClaims) GetExpirationTime() (*jwt.NumericDate, error) { return nil, nil }

// GetIssuedAt implements jwt.Claims.
func (c ZGWClaims) GetIssuedAt() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(timeFromUnix(c.IssuedAt)), nil
}

// GetNotBefore implements jwt.Claims.
func (c ZGWClaims) GetNotBefore() (*jwt.NumericDate, error) { return nil, nil }

// GetIssuer implements jwt.Claims.
func (c ZGWClaims) GetIssuer() (string, error) { return c.Issuer, nil }

// GetSubject implements jwt.Claims.
func (c ZGWClaims) GetSubject() (string, error) { return "", nil }

// GetAudience implements jwt.Claims.
func (c ZGWClaims) GetAudience() (jwt.ClaimStrings, error) { return nil, nil }

// signJWT builds a fresh HS256 token for the end user in ctx.
func (c *Client) signJWT(ctx context.Context) (string, error) {
	u, _ := EndUserFrom(ctx)
	a := c.credential(ctx)
	claims := ZGWClaims{
		Issuer:             a.ClientID,
		IssuedAt:           c.now().Unix(),
		ClientID:           a.ClientID,
		UserID:             u.ID,
		UserRepresentation: u.Representation,
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(a.Secret))
}

// authorize sets the Authorization header. It is called only for requests
// whose URL this client owns.
func (c *Client) authorize(req *http.Request) error {
	a := c.credential(req.Context())
	switch a.Type {
	case AuthZGWJWT:
		tok, err := c.signJWT(req.Context())
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	case AuthToken:
		req.Header.Set("Authorization", "Token "+a.Token)
	default:
		req.Header.Del("Authorization")
	}
	return nil
}
