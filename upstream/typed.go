package upstream

import (
	"bytes"
	"context"
	"encoding/json"
)

// GetJSON fetches urlOrPath and decodes the answer into a new T.
func GetJSON[T any](ctx context.Context, c *Client, urlOrPath string) (*T, error) {
	var v T
	if _, err := c.Get(ctx, urlOrPath, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// GetArray fetches a list the spec defines as a plain JSON array. Should
// the provider answer with a paginated object instead, its pages are
// followed (up to DefaultMaxPages) and their results returned.
func GetArray[T any](ctx context.Context, c *Client, urlOrPath string) ([]T, error) {
	var raw json.RawMessage
	resp, err := c.Get(ctx, urlOrPath, &raw)
	if err != nil {
		return nil, err
	}
	if t := bytes.TrimLeft(raw, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		var p Page[T]
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, decodeError(c, resp, err)
		}
		return All(ctx, c, &p, DefaultMaxPages)
	}
	var out []T
	if len(raw) == 0 {
		return out, nil
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, decodeError(c, resp, err)
	}
	return out, nil
}

// PostJSON sends body and decodes the answer into a new T.
func PostJSON[T any](ctx context.Context, c *Client, urlOrPath string, body any) (*T, error) {
	var v T
	if _, err := c.Post(ctx, urlOrPath, body, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// PostPage sends body (a _zoek search) and decodes the paginated answer.
func PostPage[T any](ctx context.Context, c *Client, urlOrPath string, body any) (*Page[T], error) {
	return PostJSON[Page[T]](ctx, c, urlOrPath, body)
}

// PutJSON replaces the resource and decodes the answer into a new T.
func PutJSON[T any](ctx context.Context, c *Client, urlOrPath string, body any) (*T, error) {
	var v T
	if _, err := c.Put(ctx, urlOrPath, body, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// PatchJSON partially updates the resource and decodes the answer into a
// new T.
func PatchJSON[T any](ctx context.Context, c *Client, urlOrPath string, body any) (*T, error) {
	var v T
	if _, err := c.Patch(ctx, urlOrPath, body, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

func decodeError(c *Client, r *Response, err error) *Error {
	return &Error{Op: r.Method, Kind: Decode, Source: c.cfg.Name, Method: r.Method, URL: r.URL, Status: r.StatusCode,
		Detail: "unexpected JSON shape", Err: err}
}
