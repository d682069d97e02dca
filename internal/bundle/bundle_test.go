package bundle

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"b":1,"a":[true,false,"x"]}`, `{"a":[true,false,"x"],"b":1}`},
		{`{ "tên" : "Nguyê\u0303n", "a\"b":"<&>\u2028" }`, "{\"a\\\"b\":\"<&>\u2028\",\"tên\":\"Nguyễn\"}"},
		{`{"c":"line\nbreak\ttab\u0001"}`, `{"c":"line\u000abreak\u0009tab\u0001"}`},
		{`{"n":-12,"z":0}`, `{"n":-12,"z":0}`},
	} {
		got, err := Canonicalize([]byte(c.in))
		if err != nil || string(got) != c.want {
			t.Errorf("Canonicalize(%s) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{`{"a":1.5}`, `{"a":null}`, `{"a":1e3}`, `{} {}`, `{"a":`} {
		if got, err := Canonicalize([]byte(bad)); err == nil {
			t.Errorf("Canonicalize(%s) = %s, want an error", bad, got)
		}
	}
}

func TestFingerprint(t *testing.T) {
	pub := pubOf(testKey())
	fp := Fingerprint(pub)
	if len(fp) != 19 || strings.Count(fp, "-") != 3 || fp != strings.ToUpper(fp) {
		t.Fatalf("fingerprint %q is not four groups of four", fp)
	}
	id, ok := KeyIDFromFingerprint(" " + strings.ToLower(strings.ReplaceAll(fp, "-", " ")) + " ")
	if !ok || id != KeyID(pub) {
		t.Fatalf("typed fingerprint gives %q, %v; want %q", id, ok, KeyID(pub))
	}
	if _, ok := KeyIDFromFingerprint("3F2A-91C0-7B44-E0DZ"); ok {
		t.Fatal("a fingerprint with Z was accepted")
	}
	back, err := ParsePublicKey(EncodePublicKey(pub))
	if err != nil || !back.Equal(pub) {
		t.Fatalf("public key round trip: %v", err)
	}
}

var fastKDF = KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

func TestSealOpen(t *testing.T) {
	priv := testKey()
	s, err := Seal(priv, []byte("mật khẩu của xã"), fastKDF, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := MarshalSealed(s)
	if strings.Contains(text, string(priv.Seed())) || bytes.Contains([]byte(text), priv.Seed()) {
		t.Fatal("the seed is stored in clear")
	}
	s2, err := UnmarshalSealed(text)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s2.Open([]byte("mật khẩu của xã"))
	if err != nil || !got.Equal(priv) {
		t.Fatalf("open with the right passphrase: %v", err)
	}
	if _, err := s2.Open([]byte("mật khẩu của xa")); !errors.Is(err, ErrPassphrase) {
		t.Fatalf("wrong passphrase gave %v", err)
	}
	s2.PublicKey = pubOf(anotherKey())
	if _, err := s2.Open([]byte("mật khẩu của xã")); err == nil {
		t.Fatal("a sealed key moved under another public key opened")
	}
	if _, err := Seal(priv, []byte("ngắn"), fastKDF, rand.Reader); !errors.Is(err, ErrPassphrase) {
		t.Fatalf("a short passphrase gave %v", err)
	}
}

func TestRecordsStream(t *testing.T) {
	h := testHeader()
	var b bytes.Buffer
	w := NewWriter(&b, h)
	fw, _ := w.Create(FileDossiers)
	long := strings.Repeat("Đông Văn ", 20000) // longer than the read buffer
	for i := 0; i < 3; i++ {
		if err := fw.Record(rec{"id": string(rune('a' + i)), "updated_at": "2026-11-03T09:00:00+07:00", "note": long}); err != nil {
			t.Fatal(err)
		}
	}
	m, id, err := w.Close(testKey())
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(bytes.NewReader(b.Bytes()), int64(b.Len()), FixedKey(pubOf(testKey())))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID() != id || r.Manifest().Files[0].Records != 3 || m.Sequence != 7 {
		t.Fatalf("manifest %+v id %s", r.Manifest(), r.ID())
	}
	var ids []string
	err = r.Records(FileDossiers, func(line []byte) error {
		id, _, err := RecordKey(FileDossiers, line)
		ids = append(ids, id)
		return err
	})
	if err != nil || strings.Join(ids, "") != "abc" {
		t.Fatalf("records %v, %v", ids, err)
	}
	if err := r.Records(FilePledges, func([]byte) error { t.Fatal("a missing file has records"); return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestRecordKeyRefuses(t *testing.T) {
	for _, line := range []string{`{"updated_at":"2026-11-03T09:00:00+07:00"}`, `{"id":"","updated_at":"2026-11-03T09:00:00+07:00"}`,
		`{"id":"a"}`, `{"id":"a","updated_at":"3/11/2026"}`, `not json`} {
		if _, _, err := RecordKey("x.jsonl", []byte(line)); !errors.Is(err, ErrRecord) {
			t.Errorf("RecordKey(%s) = %v", line, err)
		}
	}
}

func TestTrustFingerprintAndRotation(t *testing.T) {
	old, next := testKey(), anotherKey()
	good := goodBundle(t, old, testHeader())
	if _, err := openAll(good, TrustFingerprint(strings.ToLower(Fingerprint(pubOf(old))))); err != nil {
		t.Fatalf("confirmed fingerprint refused: %v", err)
	}
	if _, err := openAll(good, TrustFingerprint(Fingerprint(pubOf(next)))); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("another fingerprint gave %v", err)
	}
	if _, err := openAll(good, TrustFingerprint("12")); !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("a malformed fingerprint gave %v", err)
	}

	// The registered key is old; a bundle signed by next is accepted only
	// with old's rotation statement for next.
	registered := func(m *Manifest) (ed25519.PublicKey, error) {
		if m.Signer.KeyID == KeyID(pubOf(old)) {
			return pubOf(old), nil
		}
		return m.RotatedFrom(pubOf(old))
	}
	h := testHeader()
	if _, err := openAll(goodBundle(t, next, h), KeyringFunc(registered)); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("a new key without rotation gave %v", err)
	}
	h.Rotation = NewRotation(old, pubOf(next))
	if _, err := openAll(goodBundle(t, next, h), KeyringFunc(registered)); err != nil {
		t.Fatalf("a rotated key refused: %v", err)
	}
	stranger := anotherKeyN(3)
	h.Rotation = NewRotation(stranger, pubOf(next))
	if _, err := openAll(goodBundle(t, next, h), KeyringFunc(registered)); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("a rotation signed by a stranger gave %v", err)
	}
	h.Rotation = NewRotation(old, pubOf(stranger))
	if _, err := openAll(goodBundle(t, next, h), KeyringFunc(registered)); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("a rotation to another key gave %v", err)
	}
}

func anotherKeyN(n byte) ed25519.PrivateKey {
	seed := bytes.Repeat([]byte{n}, ed25519.SeedSize)
	return ed25519.NewKeyFromSeed(seed)
}

// TestEveryByte flips each byte of the good bundle in turn: the reader
// either refuses it or reads exactly the signed content (bytes of a zip
// that carry no content, such as a local header's time, may change
// without harm).
func TestEveryByte(t *testing.T) {
	good := goodBundle(t, testKey(), testHeader())
	want := contents(t, good)
	for i := range good {
		b := bytes.Clone(good)
		b[i] ^= 0x5a
		r, err := openAll(b, FixedKey(pubOf(testKey())))
		if err != nil {
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("byte %d: error %v is not a bundle.Error", i, err)
			}
			continue
		}
		if got := contents(t, b); got != want || r.ID() != ID(find(entries(t, good), ManifestName)) {
			t.Fatalf("byte %d changed the content and was accepted", i)
		}
	}
}

func contents(t *testing.T, b []byte) string {
	var s strings.Builder
	for _, e := range entries(t, b) {
		s.WriteString(e.name + "\x00" + string(e.data) + "\x00")
	}
	return s.String()
}

// Raw lines written with Write count as records, as Record's do.
func TestWriteCountsLines(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, testHeader())
	fw, _ := w.Create(FileRatings)
	fw.Write([]byte(`{"id":"a","updated_at":"2026-11-03T09:00:00+07:00"}` + "\n" + `{"id":"b",`))
	fw.Write([]byte(`"updated_at":"2026-11-03T09:00:00+07:00"}` + "\n"))
	fw.Record(rec{"id": "c", "updated_at": "2026-11-03T09:00:00+07:00"})
	m, _, err := w.Close(testKey())
	if err != nil || m.Files[0].Records != 3 {
		t.Fatalf("records %+v, %v", m.Files, err)
	}
	if _, err := openAll(b.Bytes(), FixedKey(pubOf(testKey()))); err != nil {
		t.Fatal(err)
	}
}
