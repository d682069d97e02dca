package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"io/fs"
	"testing"
	"time"
)

// testKey is the fixed key of the test vectors; anotherKey signs the
// "wrong key" vector.
func testKey() ed25519.PrivateKey {
	s := sha256.Sum256([]byte("motcua bundle test key 1"))
	return ed25519.NewKeyFromSeed(s[:])
}

func anotherKey() ed25519.PrivateKey {
	s := sha256.Sum256([]byte("motcua bundle test key 2"))
	return ed25519.NewKeyFromSeed(s[:])
}

func pubOf(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

var testClock = time.Date(2026, 12, 1, 8, 0, 0, 0, vietnam)

func testHeader() Header {
	return Header{
		Commune:    Commune{AgencyCode: "000.17.22.H56", Name: "Ủy ban nhân dân xã Đông Văn"},
		From:       time.Date(2026, 11, 1, 0, 0, 0, 0, vietnam),
		To:         time.Date(2026, 11, 30, 0, 0, 0, 0, vietnam),
		Sequence:   7,
		Previous:   "5f0e1c2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100",
		CreatedAt:  testClock,
		AppVersion: "0.1.0",
	}
}

type rec map[string]any

var testFiles = map[string][]rec{
	FileDossiers: {
		{"id": "0192f0aa-0000-7000-8000-000000000001", "code": "000.17.22.H56-261103-0001", "applicant": rec{"name": "Nguyễn Văn Đức"},
			"state": "returned", "outcome": "early", "received_at": "2026-11-03T08:10:00+07:00", "updated_at": "2026-11-05T15:00:00+07:00",
			"events": []rec{{"seq": 1, "kind": "received", "at": "2026-11-03T08:10:00+07:00", "state": "received"}}},
		{"id": "0192f0aa-0000-7000-8000-000000000002", "code": "000.17.22.H56-261103-0002", "applicant": rec{"name": "Trần Thị Hoa <&>"},
			"state": "received", "received_at": "2026-11-03T09:00:00+07:00", "updated_at": "2026-11-03T09:00:00+07:00"},
	},
	FileLetters: {
		{"id": "0192f0aa-0000-7000-8000-0000000000a1", "kind": "thanks", "recipient": "Ông Nguyễn Văn Đức", "status": "issued",
			"drafted_at": "2026-11-05T15:10:00+07:00", "updated_at": "2026-11-05T15:20:00+07:00"},
	},
	FileHolidays: {},
}

// goodBundle writes the good test vector.
func goodBundle(t testing.TB, key ed25519.PrivateKey, h Header) []byte {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b, h)
	for _, name := range []string{FileDossiers, FileHolidays, FileLetters} {
		fw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range testFiles[name] {
			if err := fw.Record(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, _, err := w.Close(key); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// entry is one member of a hand-made zip.
type entry struct {
	name   string
	data   []byte
	mode   fs.FileMode
	method uint16
}

// entries reads a bundle's members in order.
func entries(t testing.TB, b []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		out = append(out, entry{name: f.Name, data: buf.Bytes(), mode: 0o644, method: zip.Deflate})
	}
	return out
}

// rawZip writes members as given, with the fixed clock.
func rawZip(t testing.TB, es []entry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range es {
		h := &zip.FileHeader{Name: e.name, Method: e.method, Modified: testClock.UTC()}
		mode := e.mode
		if mode == 0 {
			mode = 0o644
		}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func replace(es []entry, name string, data []byte) []entry {
	out := append([]entry(nil), es...)
	for i := range out {
		if out[i].name == name {
			out[i].data = data
		}
	}
	return out
}

func without(es []entry, name string) []entry {
	var out []entry
	for _, e := range es {
		if e.name != name {
			out = append(out, e)
		}
	}
	return out
}

func find(es []entry, name string) []byte {
	for _, e := range es {
		if e.name == name {
			return e.data
		}
	}
	return nil
}

// resign replaces the manifest with raw and signs it with key.
func resign(es []entry, raw []byte, key ed25519.PrivateKey) []entry {
	es = replace(es, ManifestName, raw)
	return replace(es, SignatureName, ed25519.Sign(key, signedMessage(raw)))
}

// openAll opens and verifies a bundle with the fixed test key.
func openAll(b []byte, keys Keyring) (*Reader, error) {
	r, err := Open(bytes.NewReader(b), int64(len(b)), keys)
	if err != nil {
		return nil, err
	}
	return r, r.Verify()
}
