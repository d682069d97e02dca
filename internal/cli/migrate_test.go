package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

func runRaw(t *testing.T, now time.Time, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errb, Now: func() time.Time { return now }, ctx: t.Context()}
	code := e.run(args)
	return out.String(), errb.String(), code
}

// An office moves from its SQLite file to a PostgreSQL server and back:
// every table arrives whole (counts and row hashes agree), search finds the
// same dossiers, the next receive continues the numbering, and a target that
// already holds data is refused.
func TestMigrateToPostgreSQLAndBack(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("runs once, in the SQLite pass: it uses both engines itself")
	}
	pg := storetest.NewSchema(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "office.db")
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.Local)
	ctx := context.Background()
	o, err := office.Open(file, office.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.FillDemoProfile(ctx); err != nil { // nothing is issued under placeholders
		t.Fatal(err)
	}
	if _, err := o.Seed(ctx, office.SeedOptions{Dossiers: 300, Years: 1, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	d, err := o.Receive(ctx, office.ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Đỗ Đức Đạt", Phone: "0912 345 678"}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := o.DraftLetter(ctx, office.LetterInput{Kind: letters.Thanks, Recipient: "Ông Lò Văn Pọm", Fields: map[string]string{"noi_dung": "giúp đỡ"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.IssueLetters(ctx, []string{l.ID}); err != nil {
		t.Fatal(err)
	}
	before, err := o.Store().TableHashes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantSearch, _ := o.Search(ctx, "nguyen thi", 50)
	o.Close()

	out, errs, code := runRaw(t, now, "migrate", "--from", file, "--to", pg)
	if code != 0 {
		t.Fatalf("migrate: %s", errs)
	}
	if !strings.Contains(out, "Đã chuyển") || !strings.Contains(out, "dossiers") || !strings.Contains(out, "kiểm tra khớp") {
		t.Fatalf("report: %s", out)
	}
	p, err := office.Open(pg, office.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	onPG, err := p.Store().TableHashes(ctx)
	if err != nil || !slices.Equal(onPG, before) {
		t.Fatalf("tables on PostgreSQL differ:\n%v\n%v (%v)", onPG, before, err)
	}
	if got, err := p.Show(ctx, d.Code); err != nil || got.Applicant.Name != "Đỗ Đức Đạt" || len(got.Events) != len(d.Events) {
		t.Fatalf("dossier after the move: %v", err)
	}
	gotSearch, _ := p.Search(ctx, "nguyen thi", 50)
	if codes(gotSearch) != codes(wantSearch) || len(wantSearch) == 0 {
		t.Fatalf("search differs after the move:\n%s\n%s", codes(gotSearch), codes(wantSearch))
	}
	if res, _ := p.Search(ctx, "do duc dat", 5); len(res) != 1 || res[0].Code != d.Code {
		t.Fatalf("đ after the move: %v", res)
	}
	next, err := p.Receive(ctx, office.ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Sau khi chuyển"}})
	if err != nil || next.EntryNo != d.EntryNo+1 {
		t.Fatalf("receive after the move: %v %v (previous entry %d)", next, err, d.EntryNo)
	}
	after, _ := p.Store().TableHashes(ctx)
	p.Close()

	// A target with data is refused, and left alone.
	if _, errs, code := runRaw(t, now, "migrate", "--from", file, "--to", pg); code == 0 || !strings.Contains(errs, "đã có dữ liệu") {
		t.Fatalf("non-empty target: %d %s", code, errs)
	}
	// And back to a new file.
	back := filepath.Join(dir, "back.db")
	if _, errs, code := runRaw(t, now, "migrate", "--from", pg, "--to", back, "--json"); code != 0 {
		t.Fatalf("migrate back: %s", errs)
	}
	s, err := store.Open(back, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ := s.TableHashes(ctx); !slices.Equal(got, after) {
		t.Fatalf("tables back in SQLite differ:\n%v\n%v", got, after)
	}
	if res, _ := s.Search(ctx, "sau khi chuyen", 5); len(res) != 1 {
		t.Fatalf("search index rebuilt in SQLite: %v", res)
	}
}

func codes(ds []register.Dossier) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Code + " ")
	}
	return b.String()
}

// A move that fails half-way leaves the target as it was: here a value
// SQLite kept in an integer column but PostgreSQL refuses, in a table copied
// after the dossiers.
func TestMigrateIsAllOrNothing(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("runs once, in the SQLite pass: it uses both engines itself")
	}
	pg := storetest.NewSchema(t)
	file := filepath.Join(t.TempDir(), "office.db")
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.Local)
	ctx := context.Background()
	o, err := office.Open(file, office.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.FillDemoProfile(ctx); err != nil { // nothing is issued under placeholders
		t.Fatal(err)
	}
	if _, err := o.Receive(ctx, office.ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Một"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Store().DB().Exec(`INSERT INTO calendar_schedules (year, data, updated_at) VALUES (2030, '{}', 'không phải số')`); err != nil {
		t.Fatal(err)
	}
	o.Close()
	if _, errs, code := runRaw(t, now, "migrate", "--from", file, "--to", pg); code == 0 {
		t.Fatal("a move that could not copy every row succeeded")
	} else if !strings.Contains(errs, "calendar_schedules") {
		t.Fatalf("the failure does not name the table: %s", errs)
	}
	s, err := store.Open(pg, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx, store.Filter{}); n != 0 {
		t.Fatalf("%d dossiers left on the server by a failed move", n)
	}
}
