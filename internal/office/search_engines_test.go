package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/textvn"
)

// The same register on both engines answers every search with the same
// dossiers in the same order: names with and without marks (đ included),
// a given name alone, a word being typed, phones, codes, nothing. The
// register is larger than the newest-rows window PostgreSQL's search walks
// first, so both of its steps answer some of these.
func TestSearchSameOnBothEngines(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("runs once, in the SQLite pass: it opens both engines itself")
	}
	pg := storetest.NewSchema(t)
	ctx := context.Background()
	clock := vn("2026-11-23 16:00")
	open := func(dsn string) *Office {
		o, err := Open(dsn, Options{Now: func() time.Time { return clock }})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { o.Close() })
		if err := o.FillDemoProfile(ctx); err != nil { // nothing is issued under placeholders
			t.Fatal(err)
		}
		// Twenty namesakes first: the oldest rows, far beyond the window.
		// (Counted as sample data, so that the seeder still fills the register.)
		for i := 0; i < 20; i++ {
			receive(t, o, "khai-sinh", "Lê Quý Đôn")
		}
		if err := o.st.Tx(ctx, func(tx *store.Tx) error { return tx.SetSetting(seededKey, "20") }); err != nil {
			t.Fatal(err)
		}
		if _, err := o.Seed(ctx, SeedOptions{Dossiers: 7000, Years: 2, Seed: 11}); err != nil {
			t.Fatal(err)
		}
		return o
	}
	lite, post := open(filepath.Join(t.TempDir(), "s.db")), open(pg)
	sample, err := lite.Page(ctx, Filter{Limit: 40, Offset: 6500}) // old rows, beyond the window
	if err != nil || len(sample) == 0 {
		t.Fatal(err)
	}
	queries := []string{"le quy don", "Lê Quý Đ", "nguyen", "nguyen van", "Nguyễn Thị", "tran thi h", "đ", "duc", "Đức", "dong van", "xyz khong co", "0912", ""}
	for _, d := range sample[:10] {
		queries = append(queries, d.Applicant.Name, textvn.Fold(d.Applicant.Name), d.Code, d.Applicant.Phone)
		if w := strings.Fields(d.Applicant.Name); len(w) > 1 {
			queries = append(queries, w[len(w)-1], textvn.Fold(strings.Join(w[:len(w)-1], " ")+" "+w[len(w)-1][:1]))
		}
	}
	for _, q := range queries {
		for _, limit := range []int{50, 7} {
			a, err := lite.Search(ctx, q, limit)
			if err != nil {
				t.Fatal(err)
			}
			b, err := post.Search(ctx, q, limit)
			if err != nil {
				t.Fatal(err)
			}
			if codesOf(a) != codesOf(b) {
				t.Errorf("search %q (limit %d):\n sqlite   %s\n postgres %s", q, limit, codesOf(a), codesOf(b))
			}
		}
	}
}

func codesOf(ds []register.Dossier) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Code[len(d.Code)-11:] + " ")
	}
	return b.String()
}
