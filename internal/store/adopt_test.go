package store

import (
	"context"
	"path/filepath"
	"testing"
)

// demoRegister is a register an older release's seeder made: dossiers
// without a single audit line, at the schema before the audit chain; two
// of them were later received through the program (with audit lines).
func demoRegister(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	st, err := Open(path, Options{MaxMigration: chainMigration(t)})
	if err != nil {
		t.Fatal(err)
	}
	insertDossiers(t, st, 40)
	if _, err := st.DB().Exec(`INSERT INTO audit (at, actor, action, entity, entity_id, before, after)
		SELECT received_at, 'Lan', 'receive', 'dossier', id, '', '{}' FROM dossiers WHERE n > 38`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

// The seeded dossiers verify as "có trước nhật ký" after the upgrade, not
// as added outside the program.
func TestUpgradeAdoptsDossiersFromBeforeTheChain(t *testing.T) {
	s, err := Open(demoRegister(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.VerifyAudit(context.Background(), 10)
	if err != nil || len(r.Problems) != 0 || r.Unlogged != 0 || r.Adopted != 38 || r.Dossiers != 40 {
		t.Fatalf("upgraded demo register: %+v %v", r, err)
	}
	// Opening again adopts nothing more.
	s.Close()
	s, err = Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var entries int
	s.DB().QueryRow(`SELECT COUNT(*) FROM audit WHERE action = ?`, adoptAction).Scan(&entries)
	if entries != 1 {
		t.Fatalf("%d adoption entries", entries)
	}
}

// A dossier slipped in without an audit line after the upgrade is still
// caught, whether above the adopted rows or in their place; so is an
// adopted row deleted, and a forged adoption entry breaks the chain.
func TestAdoptionDoesNotHideLaterInsertions(t *testing.T) {
	cases := []struct{ name, sql, kind string }{
		{"inserted after", `INSERT INTO dossiers (id, code, agency, day, seq, year, entry_no, book_no, procedure_code, procedure_name, procedure_version, form_set, limit_value, limit_unit, applicant_name, result_method, received_at, due_at, state, updated_at)
			VALUES ('x', 'X-1', 'X', 1, 1, 2026, 999, 1, 'khai-sinh', 'K', 1, 'F', 0, 'same_day', 'Giả', 'counter', 1, 1, 'received', 1)`, "unlogged"},
		{"inserted in a gap", `UPDATE dossiers SET id = 'forged-0001', code = 'X-2' WHERE n = 7`, "adopted_changed"},
		{"adopted row deleted", `DELETE FROM events WHERE dossier_n = 9; DELETE FROM dossiers WHERE n = 9`, "adopted_changed"},
		{"adoption entry edited", `UPDATE audit SET after = replace(after, '"dossiers":38', '"dossiers":39') WHERE action = 'adopt_unlogged'`, "edited"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(demoRegister(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.DB().Exec(c.sql); err != nil {
				t.Fatal(err)
			}
			r, err := s.VerifyAudit(context.Background(), 10)
			if err != nil {
				t.Fatal(err)
			}
			switch c.kind {
			case "unlogged":
				if r.Unlogged != 1 || r.Adopted != 38 {
					t.Fatalf("%s: unlogged %d, adopted %d", c.name, r.Unlogged, r.Adopted)
				}
			default:
				if len(r.Problems) == 0 || r.Problems[0].Kind != c.kind {
					t.Fatalf("%s not caught as %s: %+v", c.name, c.kind, r.Problems)
				}
			}
		})
	}
}
