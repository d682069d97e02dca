package store

import (
	"context"
	"path/filepath"
	"testing"

	"motcua/internal/register"
	"motcua/internal/store/storetest"
)

// An office that installed the first release has a schema-1 database; the
// current program must upgrade it in place and find its old dossiers.
func TestUpgradeInPlace(t *testing.T) {
	path := storetest.DSN(t, filepath.Join(t.TempDir(), "old.db"))
	old, err := Open(path, Options{MaxMigration: 1})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.Version(); v != 1 {
		t.Fatalf("version %d", v)
	}
	_, err = old.DB().Exec(`INSERT INTO dossiers (id, code, agency, day, seq, year, entry_no, book_no, procedure_code,
		procedure_name, procedure_version, form_set, limit_value, limit_unit, applicant_name, applicant_address,
		result_method, received_at, due_at, state, updated_at)
		VALUES ('0190a0a0-0000-7000-8000-000000000001', 'A-250102-0001', 'A', 20250102, 1, 2025, 1, 1, 'khai-sinh',
		'Đăng ký khai sinh', 1, 'TT01/2018', 0, 'same_day', 'Đỗ Đức Đạt', 'Thôn Đông', 'counter', 1735783200, 1735808400,
		'received', 1735783200)`)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(); v != SchemaVersion {
		t.Fatalf("upgraded to %d, want %d", v, SchemaVersion)
	}
	res, err := s.Search(context.Background(), "do duc dat", 10)
	if err != nil || len(res) != 1 || res[0].Code != "A-250102-0001" || res[0].FormSet != "TT01/2018" {
		t.Fatalf("old dossier after upgrade: %+v %v", res, err)
	}
	// Opening again is a no-op.
	s.Close()
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

func TestNewerDatabaseIsRefused(t *testing.T) {
	path := storetest.DSN(t, filepath.Join(t.TempDir(), "new.db"))
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Engine() == "sqlite" {
		s.DB().Exec("PRAGMA user_version = 999")
	} else if _, err := s.DB().Exec("UPDATE schema_version SET version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(path, Options{}); err == nil {
		t.Fatal("a database from a newer program was opened")
	}
}

func TestFTSQueries(t *testing.T) {
	for in, want := range map[string][2]string{
		"do duc dat":    {`"do" AND "duc" AND "dat"`, `"do" AND "duc" AND "dat"*`},
		"Đỗ  Đức":       {`"do" AND "duc"`, `"do" AND "duc"*`},
		"0912 345 678":  {`"0912345678"`, `"0912345678"*`},
		"0912.345.678":  {`"0912345678"`, `"0912345678"*`},
		`"`:             {``, ``},
		`a"b`:           {`"a" AND "b"`, `"a" AND "b"*`},
		"251122-0001":   {`"251122" AND "0001"`, `"251122" AND "0001"*`},
		"thôn 3, xã Lý": {`"thon" AND "3" AND "xa" AND "ly"`, `"thon" AND "3" AND "xa" AND "ly"*`},
		"NEAR(hoa lan)": {`"near" AND "hoa" AND "lan"`, `"near" AND "hoa" AND "lan"*`},
	} {
		if e, p := ftsQueries(in); e != want[0] || p != want[1] {
			t.Errorf("ftsQueries(%q) = %s | %s, want %s | %s", in, e, p, want[0], want[1])
		}
	}
}

func TestDeepPagesMatchOffsetPaging(t *testing.T) {
	s, err := Open(storetest.DSN(t, filepath.Join(t.TempDir(), "p.db")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.DB().Exec(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 500)
		INSERT INTO dossiers (id, code, agency, day, seq, year, entry_no, book_no, procedure_code, procedure_name,
		procedure_version, form_set, limit_value, limit_unit, applicant_name, result_method, received_at, due_at, state, updated_at)
		SELECT 'id' || i, 'A-250101-' || i, 'A', 20250101, i, 2025, i, 1, 'p', 'P', 1, 'TT03/2025', 1, 'working_days',
		'Người ' || i, 'counter', 1735700000 + i, 1735800000 + i,
		CASE i % 3 WHEN 0 THEN 'returned' WHEN 1 THEN 'received' ELSE 'in_progress' END, 1735700000 + i FROM k`)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	naive := func(where string, limit, offset int) []string {
		rows, err := s.DB().Query(`SELECT code FROM dossiers `+where+` ORDER BY n DESC LIMIT ? OFFSET ?`, limit, offset)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var c string
			rows.Scan(&c)
			out = append(out, c)
		}
		return out
	}
	for _, off := range []int{0, 1, 49, 50, 260, 480, 499, 500, 700} {
		got, err := s.Page(ctx, Filter{Limit: 50, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		want := naive("", 50, off)
		if len(got) != len(want) {
			t.Fatalf("offset %d: %d rows, want %d", off, len(got), len(want))
		}
		for i := range want {
			if got[i].Code != want[i] {
				t.Fatalf("offset %d row %d: %s, want %s", off, i, got[i].Code, want[i])
			}
		}
		got, _ = s.Page(ctx, Filter{Limit: 50, Offset: off, States: []register.State{register.Returned, register.Received}})
		want = naive("WHERE state IN ('returned','received')", 50, off)
		if len(got) != len(want) || len(want) > 0 && got[0].Code != want[0] || len(want) > 0 && got[len(got)-1].Code != want[len(want)-1] {
			t.Fatalf("filtered offset %d: %d rows, want %d", off, len(got), len(want))
		}
	}
}
