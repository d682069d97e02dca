package office

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/bundle"
	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/survey"
)

// A busy commune's year: 30,000 dossiers with their events, 3,000 letters
// and a rating for most returned dossiers, made once per benchmark process.
var busyYear struct {
	once sync.Once
	dir  string
	o    *Office
	path string // the year's bundle
	pub  ed25519.PublicKey
	err  error
}

func busyCommune(b *testing.B) (*Office, string) {
	b.Helper()
	busyYear.once.Do(func() {
		busyYear.dir, busyYear.err = os.MkdirTemp("", "motcua-bundle-bench-")
		if busyYear.err != nil {
			return
		}
		now := vn("2026-12-01 08:00")
		o, err := Open(filepath.Join(busyYear.dir, "busy.db"), Options{Now: func() time.Time { return now }, Fast: true})
		if err != nil {
			busyYear.err = err
			return
		}
		ctx := context.Background()
		if err := o.SetSettings(ctx, map[string]string{"agency_code": "000.17.22.H56", "commune": "Ủy ban nhân dân xã Đông Văn"}); err != nil {
			busyYear.err = err
			return
		}
		// The rest of a whole profile (place, signer): nothing is seeded
		// under placeholders.
		if err := o.FillDemoProfile(ctx); err != nil {
			busyYear.err = err
			return
		}
		if _, err := o.Seed(ctx, SeedOptions{Dossiers: 30000, Years: 1, Seed: 11}); err != nil {
			busyYear.err = err
			return
		}
		busyYear.err = o.st.Tx(ctx, func(tx *store.Tx) error {
			for i := 0; i < 3000; i++ {
				at := now.AddDate(0, 0, -i/9)
				issued := at.Add(time.Hour)
				if err := tx.SaveLetter(store.Letter{ID: newID(), Kind: "thanks", Recipient: fmt.Sprintf("Ông Nguyễn Văn %d", i),
					Fields: map[string]string{"noi_dung": "ủng hộ quỹ khuyến học"}, Paragraphs: []string{"Ủy ban nhân dân xã trân trọng cảm ơn."},
					Status: "issued", Year: 2026, Number: i + 1, Symbol: "TCO-UBND", DraftedAt: at, IssuedAt: &issued}); err != nil {
					return err
				}
			}
			return nil
		})
		if busyYear.err != nil {
			return
		}
		// A rating for four returned dossiers in five.
		type ret struct {
			id, code string
			at       int64
		}
		var rs []ret
		rows, err := o.st.DB().Query(`SELECT id, code, returned_at FROM dossiers WHERE returned_at IS NOT NULL ORDER BY n`)
		if err != nil {
			busyYear.err = err
			return
		}
		for rows.Next() {
			var r ret
			if err := rows.Scan(&r.id, &r.code, &r.at); err != nil {
				busyYear.err = err
				rows.Close()
				return
			}
			rs = append(rs, r)
		}
		rows.Close()
		busyYear.err = o.st.Tx(ctx, func(tx *store.Tx) error {
			for i, r := range rs {
				if i%5 == 4 {
					continue
				}
				at := time.Unix(r.at, 0)
				if err := tx.InsertRating(survey.Rating{ID: newID(), DossierID: r.id, DossierCode: r.code, ReturnedAt: at,
					Level: survey.Level(1 + i%7/6), Channel: survey.AtCounter, CapturedBy: "Nguyễn Thị Lan", RatedAt: at, CreatedAt: at, UpdatedAt: at}); err != nil {
					return err
				}
			}
			return nil
		})
		if busyYear.err != nil {
			return
		}
		if _, busyYear.err = o.KeysInit(ctx, KeyRequest{Passphrase: []byte(pass), KDF: testKDF}); busyYear.err != nil {
			return
		}
		busyYear.o = o
		busyYear.path = filepath.Join(busyYear.dir, "year.zip")
		_, busyYear.err = o.Export(ctx, ExportRequest{Period: yearPeriod(), Path: busyYear.path, Passphrase: []byte(pass)})
		if busyYear.err == nil {
			var k KeyInfo
			k, busyYear.err = o.KeysShow(ctx)
			busyYear.pub, _ = bundle.ParsePublicKey(k.PublicKey)
		}
	})
	if busyYear.err != nil {
		b.Fatal(busyYear.err)
	}
	return busyYear.o, busyYear.path
}

func yearPeriod() Period {
	p, _ := DaysPeriod(vn("2025-12-01 00:00"), vn("2026-12-01 00:00"))
	return p
}

// BenchmarkExportYear: export a busy commune's year (target ≤ 2 s).
func BenchmarkExportYear(b *testing.B) {
	o, _ := busyCommune(b)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		res, err := o.Export(context.Background(), ExportRequest{Period: yearPeriod(), Path: filepath.Join(dir, fmt.Sprintf("y%d.zip", i)), Passphrase: []byte(pass)})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(res.Bytes)/1e6, "MB")
			m := &bundle.Manifest{Files: res.Files}
			for _, name := range []string{bundle.FileDossiers, bundle.FileRatings, bundle.FileLetters} {
				f, _ := m.File(name)
				b.ReportMetric(float64(f.Records), strings.TrimSuffix(name, ".jsonl"))
			}
		}
	}
}

// BenchmarkVerifyYear: verify that bundle completely (target ≤ 1 s).
func BenchmarkVerifyYear(b *testing.B) {
	_, path := busyCommune(b)
	b.ResetTimer()
	for b.Loop() {
		_, _, f, err := VerifyBundle(path, bundle.FixedKey(busyYear.pub))
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkImport100Communes: import 100 bundles from 100 communes (a
// month each, 300 dossiers with their events) into one upper-level
// database (target ≤ 30 s).
func BenchmarkImport100Communes(b *testing.B) {
	_, path := busyCommune(b)
	dossiers := readDossierLines(b, path)
	dir := b.TempDir()
	type made struct{ path, fp string }
	var bundles []made
	for c := 0; c < 100; c++ {
		seed := sha256.Sum256([]byte(fmt.Sprintf("commune %d", c)))
		key := ed25519.NewKeyFromSeed(seed[:])
		var buf bytes.Buffer
		w := bundle.NewWriter(&buf, bundle.Header{
			Commune: bundle.Commune{AgencyCode: fmt.Sprintf("000.17.%02d.H56", c), Name: fmt.Sprintf("Ủy ban nhân dân xã Số %d", c)},
			From:    vn("2026-11-01 00:00"), To: vn("2026-11-30 00:00"), Sequence: 1, CreatedAt: vn("2026-12-01 08:00"), AppVersion: "bench",
		})
		fw, _ := w.Create(bundle.FileDossiers)
		for _, line := range dossiers[c*300 : (c+1)*300] {
			fw.Write(line)
		}
		if _, _, err := w.Close(key); err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("c%d.zip", c))
		os.WriteFile(p, buf.Bytes(), 0o644)
		bundles = append(bundles, made{p, bundle.Fingerprint(key.Public().(ed25519.PublicKey))})
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		up, err := Open(filepath.Join(dir, fmt.Sprintf("up%d.db", i)), Options{Now: func() time.Time { return vn("2026-12-02 09:00") }})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, m := range bundles {
			if _, err := up.Import(context.Background(), m.path, m.fp); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		if n, _ := up.st.UpperRecordCount(context.Background(), "000.17.99.H56", "dossiers"); n != 300 {
			b.Fatalf("the last commune has %d dossiers, want 300", n)
		}
		up.Close()
		b.StartTimer()
	}
}

func readDossierLines(b *testing.B, path string) [][]byte {
	_, r, f, err := VerifyBundle(path, bundle.FixedKey(busyYear.pub))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out [][]byte
	err = r.Records(bundle.FileDossiers, func(line []byte) error {
		var d register.Dossier
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		out = append(out, append(bytes.Clone(line), '\n'))
		return nil
	})
	if err != nil || len(out) < 30000 {
		b.Fatalf("%d dossiers in the year's bundle: %v", len(out), err)
	}
	return out
}
