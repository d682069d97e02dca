package bundle

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the test vectors in testdata/")

// vector is one file of testdata/: how it is made and what reading it must
// give (nil: a good bundle).
type vector struct {
	name string
	want error
	make func(t testing.TB, good []byte) []byte
}

func editManifest(t testing.TB, es []entry, edit func(m *Manifest)) []byte {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(find(es, ManifestName), &m); err != nil {
		t.Fatal(err)
	}
	edit(&m)
	raw, err := Canonical(&m)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

var vectors = []vector{
	{"good.zip", nil, func(t testing.TB, good []byte) []byte { return good }},
	{"truncated.zip", ErrCorrupt, func(t testing.TB, good []byte) []byte { return good[:len(good)*2/3] }},
	{"changed-data.zip", ErrHash, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		d := bytes.Replace(find(es, FileDossiers), []byte("Đức"), []byte("Đực"), 1)
		return rawZip(t, replace(es, FileDossiers, d))
	}},
	{"longer-data.zip", ErrSize, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		return rawZip(t, replace(es, FileLetters, append(find(es, FileLetters), "{}\n"...)))
	}},
	{"changed-manifest.zip", ErrSignature, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		return rawZip(t, replace(es, ManifestName, editManifest(t, es, func(m *Manifest) { m.Sequence = 8 })))
	}},
	{"bad-signature.zip", ErrSignature, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		sig := bytes.Clone(find(es, SignatureName))
		sig[10] ^= 1
		return rawZip(t, replace(es, SignatureName, sig))
	}},
	{"wrong-key.zip", ErrWrongKey, func(t testing.TB, good []byte) []byte {
		return goodBundle(t, anotherKey(), testHeader())
	}},
	{"missing-file.zip", ErrMissingFile, func(t testing.TB, good []byte) []byte {
		return rawZip(t, without(entries(t, good), FileLetters))
	}},
	{"missing-signature.zip", ErrMissingFile, func(t testing.TB, good []byte) []byte {
		return rawZip(t, without(entries(t, good), SignatureName))
	}},
	{"extra-file.zip", ErrExtraFile, func(t testing.TB, good []byte) []byte {
		return rawZip(t, append(entries(t, good), entry{name: "notes.txt", data: []byte("thêm vào sau khi ký\n"), method: zip.Deflate}))
	}},
	{"dotdot.zip", ErrUnsafePath, func(t testing.TB, good []byte) []byte {
		return rawZip(t, append(entries(t, good), entry{name: "../evil.jsonl", data: []byte("x"), method: zip.Deflate}))
	}},
	{"absolute.zip", ErrUnsafePath, func(t testing.TB, good []byte) []byte {
		return rawZip(t, append(entries(t, good), entry{name: "/etc/cron.d/evil", data: []byte("x"), method: zip.Deflate}))
	}},
	{"backslash.zip", ErrUnsafePath, func(t testing.TB, good []byte) []byte {
		return rawZip(t, append(entries(t, good), entry{name: `..\evil.jsonl`, data: []byte("x"), method: zip.Deflate}))
	}},
	{"symlink.zip", ErrNotRegular, func(t testing.TB, good []byte) []byte {
		return rawZip(t, append(entries(t, good), entry{name: "link.jsonl", data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777, method: zip.Store}))
	}},
	{"duplicate.zip", ErrDuplicate, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		return rawZip(t, append(es, entry{name: FileDossiers, data: []byte(""), method: zip.Deflate}))
	}},
	{"duplicate-case.zip", ErrDuplicate, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		return rawZip(t, append(es, entry{name: "Dossiers.jsonl", data: []byte(""), method: zip.Deflate}))
	}},
	{"bomb.zip", ErrTooLarge, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		return rawZip(t, append(es, entry{name: "ratings.jsonl", data: make([]byte, 20<<20), method: zip.Deflate}))
	}},
	{"big-manifest.zip", ErrManifestTooLarge, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		return rawZip(t, replace(es, ManifestName, bytes.Repeat([]byte(" "), MaxManifest+1)))
	}},
	{"not-canonical.zip", ErrManifestInvalid, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		raw := append(bytes.Clone(find(es, ManifestName)), '\n')
		return rawZip(t, resign(es, raw, testKey()))
	}},
	{"unknown-field.zip", ErrManifestInvalid, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		raw := bytes.Replace(find(es, ManifestName), []byte(`{"app_version"`), []byte(`{"admin":"1","app_version"`), 1)
		return rawZip(t, resign(es, raw, testKey()))
	}},
	{"version-2.zip", ErrVersion, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		return rawZip(t, resign(es, editManifest(t, es, func(m *Manifest) { m.Format = "motcua-bundle/2" }), testKey()))
	}},
	{"record-count.zip", ErrRecord, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		return rawZip(t, resign(es, editManifest(t, es, func(m *Manifest) { m.Files[0].Records = 3 }), testKey()))
	}},
	{"too-many-entries.zip", ErrTooManyEntries, func(t testing.TB, good []byte) []byte {
		es := entries(t, good)
		for i := 0; len(es) <= MaxEntries; i++ {
			es = append(es, entry{name: fmt.Sprintf("x%02d.json", i), data: []byte("{}"), method: zip.Store})
		}
		return rawZip(t, es)
	}},
}

// TestVectors regenerates every vector and compares it byte for byte with
// testdata/ (run with -update after a deliberate format change, or when a
// new Go release deflates differently), then reads each file and checks it
// is accepted or refused with its kind.
func TestVectors(t *testing.T) {
	good := goodBundle(t, testKey(), testHeader())
	for _, v := range vectors {
		t.Run(v.name, func(t *testing.T) {
			made := v.make(t, good)
			path := filepath.Join("testdata", v.name)
			if *update {
				if err := os.WriteFile(path, made, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			file, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestVectors -update ./internal/bundle)", err)
			}
			if !bytes.Equal(file, made) {
				t.Fatalf("%s differs from what the writer makes now (%d vs %d bytes): the format changed, or Go deflates differently; if deliberate, run go test -run TestVectors -update", path, len(file), len(made))
			}
			_, err = openAll(file, FixedKey(pubOf(testKey())))
			if v.want == nil {
				if err != nil {
					t.Fatalf("good bundle refused: %v", err)
				}
				return
			}
			if !errors.Is(err, v.want) {
				t.Fatalf("got %v, want kind %v", err, v.want)
			}
			if KindName(err) == "" {
				t.Fatalf("kind %v has no name for scripts", v.want)
			}
			var be *Error
			if !errors.As(err, &be) || be.Msg == "" || strings.ToLower(be.Msg) == be.Msg || !utf8.ValidString(be.Msg) {
				t.Fatalf("error %q is not a sentence for people", err)
			}
		})
	}
}
