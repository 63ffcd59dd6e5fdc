//go:build builtinassets

package server

import (
	"embed"
	"io/fs"
)

// assetsFS holds server/assets; `make assets` fills assets/dist before the
// build. The directory always exists (assets/README.md is committed), so the
// binary builds with the tag even when the files are missing, and the
// server then reports the assets as not built.
//
//go:embed assets
var assetsFS embed.FS

// builtinAssets returns the embedded assets/dist directory, or nil when it
// is absent.
func builtinAssets() fs.FS {
	dist, err := fs.Sub(assetsFS, "assets/dist")
	if err != nil {
		return nil
	}
	if _, err := fs.Stat(dist, "."); err != nil {
		return nil
	}
	return dist
}
