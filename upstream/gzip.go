package upstream

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// MaxCompressionRatio bounds how many bytes one compressed byte may expand
// to: a gzip answer that expands further (past the first ratioSlack bytes)
// is refused as TooLarge before it is decompressed in full. Real JSON
// compresses about 5 to 30 times; gzip itself reaches about 1000.
const MaxCompressionRatio = 100

// ratioSlack is the decompressed size below which the ratio is not checked,
// so small, very repetitive answers always pass.
const ratioSlack = 256 << 10

// readChunk is the unit in which a compressed body is decompressed.
const readChunk = 32 << 10

// readBody reads resp's body, bounded by MaxResponseBytes. The client asks
// for gzip itself (the transport's own transparent decompression is off), so
// a gzip body is decompressed here, with the bound applied to the
// decompressed bytes and the compression ratio capped: a small body that
// inflates to gigabytes costs no more than the bound in memory.
func (c *Client) readBody(req *http.Request, resp *http.Response) ([]byte, error) {
	limit := c.cfg.MaxResponseBytes
	if resp.ContentLength > limit {
		return nil, c.tooLarge(req, resp.StatusCode)
	}
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
		if err != nil {
			return nil, err
		}
		if int64(len(body)) > limit {
			return nil, c.tooLarge(req, resp.StatusCode)
		}
		return body, nil
	case "gzip", "x-gzip":
		body, err := c.gunzip(req, resp, limit)
		if err != nil {
			return nil, err
		}
		// The body is no longer what these headers describe.
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = int64(len(body))
		resp.Uncompressed = true
		return body, nil
	default:
		return nil, &Error{Op: req.Method, Kind: Decode, Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Status: resp.StatusCode,
			Detail: fmt.Sprintf("unsupported content encoding %q (only gzip was asked for)", enc)}
	}
}

// countingReader counts the bytes read through it and keeps the first
// error of the underlying reader.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

func (c *Client) gunzip(req *http.Request, resp *http.Response, limit int64) ([]byte, error) {
	in := &countingReader{r: io.LimitReader(resp.Body, limit+1)}
	// A failure of the connection itself is returned as it is, to be
	// classified like any transport error; anything else is a bad body.
	fail := func(err error) error {
		if in.err != nil && !errors.Is(in.err, io.EOF) {
			return in.err
		}
		if in.n > limit {
			return c.tooLarge(req, resp.StatusCode)
		}
		return &Error{Op: req.Method, Kind: Decode, Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Status: resp.StatusCode,
			Detail: "invalid gzip body", Err: err}
	}
	zr, err := gzip.NewReader(in)
	if errors.Is(err, io.EOF) && in.n == 0 {
		return nil, nil // no body at all (HEAD, 204, 304)
	}
	if err != nil {
		return nil, fail(err)
	}
	var out bytes.Buffer
	buf := make([]byte, readChunk)
	for {
		n, err := zr.Read(buf)
		out.Write(buf[:n])
		size := int64(out.Len())
		if size > limit {
			return nil, c.tooLarge(req, resp.StatusCode)
		}
		if size > ratioSlack && size > MaxCompressionRatio*max(in.n, 1) {
			return nil, &Error{Op: req.Method, Kind: TooLarge, Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Status: resp.StatusCode,
				Detail: fmt.Sprintf("gzip body expands more than %d:1 (%d bytes from %d)", MaxCompressionRatio, size, in.n)}
		}
		if errors.Is(err, io.EOF) {
			return out.Bytes(), nil
		}
		if err != nil {
			return nil, fail(err)
		}
	}
}
