package bundle

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead feeds damaged bundles to the reader: it must never panic, never
// read past its limits, and every refusal must be a *bundle.Error.
// CI: go test -run=^$ -fuzz=FuzzRead -fuzztime=10s ./internal/bundle
func FuzzRead(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.zip"))
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	keys := FixedKey(pubOf(testKey()))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := Open(bytes.NewReader(b), int64(len(b)), keys)
		if err != nil {
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("refusal %v is not a bundle.Error", err)
			}
			return
		}
		if err := r.Verify(); err != nil {
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("refusal %v is not a bundle.Error", err)
			}
			return
		}
		for _, f := range r.Manifest().Files {
			rc, err := r.OpenFile(f.Name)
			if err != nil {
				t.Fatal(err)
			}
			n, err := io.Copy(io.Discard, rc)
			if err != nil || n != f.Size {
				t.Fatalf("verified file %s read %d of %d bytes: %v", f.Name, n, f.Size, err)
			}
		}
	})
}
