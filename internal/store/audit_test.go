package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// chainMigration is the version before the migration that chains the
// audit log (found by its hook, not by number: the list gets renumbered).
func chainMigration(t *testing.T) int {
	for i, m := range migrations {
		if strings.Contains(m, "-- hook: chain-audit") {
			return i
		}
	}
	t.Fatal("no chain-audit migration")
	return 0
}

// Audit lines written before the chain existed are chained when the
// register is upgraded, and verify clean afterwards; an edit of one of
// them is still caught.
func TestOldAuditIsChainedAtUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(path, Options{MaxMigration: chainMigration(t)})
	if err != nil {
		t.Fatal(err)
	}
	insertDossiers(t, st, 2)
	if _, err := st.DB().Exec(`INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES
		(1, 'Lan', 'set_setting', 'setting', 'commune', '', 'UBND xã A'),
		(2, 'Lan', 'receive', 'dossier', '0190a0a0-0000-7000-8000-000000000001', '', '{}'),
		(3, 'Lan', 'receive', 'dossier', '0190a0a0-0000-7000-8000-000000000002', '', '{}')`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	r, err := s.VerifyAudit(ctx, 10)
	if err != nil || len(r.Problems) != 0 || r.Entries != 3 || r.Unlogged != 0 {
		t.Fatalf("upgraded register: %+v %v", r, err)
	}
	// The dossiers got their row hash at the upgrade: an edit now shows.
	s.DB().Exec(`UPDATE dossiers SET applicant_phone = '0999' WHERE entry_no = 2`)
	if r, _ := s.VerifyAudit(ctx, 10); len(r.Problems) != 1 || r.Problems[0].Kind != "dossier_edited" {
		t.Fatalf("edit of an upgraded dossier: %+v", r.Problems)
	}
	s.DB().Exec(`UPDATE audit SET after = 'UBND xã B' WHERE n = 1`)
	if r, _ := s.VerifyAudit(ctx, 10); len(r.Problems) == 0 || r.Problems[0].N != 1 || r.Problems[0].Kind != "edited" {
		t.Fatalf("edit of an old line not caught: %+v", r.Problems)
	}
}
