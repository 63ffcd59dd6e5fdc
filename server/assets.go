//go:build !builtinassets

package server

import "io/fs"

// builtinAssets returns nil: this binary was built without
// -tags builtinassets and has no GraphiQL assets.
func builtinAssets() fs.FS { return nil }
