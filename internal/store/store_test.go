package store

import (
	"context"
	"path/filepath"
	"testing"
)

// An office that installed the first release has a schema-1 database; the
// current program must upgrade it in place and find its old dossiers.
func TestUpgradeInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
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
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Exec("PRAGMA user_version = 999")
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
