package store

import (
	"path/filepath"
	"testing"
)

// The one-pass hashes are exactly those dossierRowHash makes one dossier
// at a time, for dossiers with one step, several steps, NULL columns and
// none at all, and the last audit entry found is each dossier's own.
func TestBulkRowHashesMatchOneByOne(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "h.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	insertDossiers(t, s, 12)
	db := s.DB()
	for _, q := range []string{
		`INSERT INTO events (dossier_n, seq, kind, at, state, note) SELECT n, 2, 'forwarded', received_at + 60, 'in_progress', 'Đã chuyển' FROM dossiers WHERE n % 3 = 0`,
		`INSERT INTO events (dossier_n, seq, kind, at, state) SELECT n, 3, 'done', received_at + 120, 'done' FROM dossiers WHERE n % 6 = 0`,
		`DELETE FROM events WHERE dossier_n = 5`,
		`UPDATE dossiers SET new_due_at = due_at + 86400, note = 'hẹn lại' WHERE n = 4`,
		`INSERT INTO audit (at, actor, action, entity, entity_id) SELECT 1, 'Lan', 'receive', 'dossier', id FROM dossiers WHERE n <= 8`,
		`INSERT INTO audit (at, actor, action, entity, entity_id) SELECT 2, 'Lan', 'return', 'dossier', id FROM dossiers WHERE n <= 4`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	var all []dossierHashRow
	err = bulkRowHashes(db, true, nil, func(r dossierHashRow) error {
		all = append(all, r)
		return nil
	})
	if err != nil || len(all) != 12 {
		t.Fatalf("walked %d dossiers: %v", len(all), err)
	}
	for _, r := range all {
		want, err := dossierRowHash(db, r.id)
		if err != nil {
			t.Fatal(err)
		}
		if r.hashString() != want {
			t.Errorf("dossier %d (%s): bulk %s, one by one %s", r.n, r.id, r.hashString(), want)
		}
		var last int64
		db.QueryRow(`SELECT COALESCE(MAX(n), 0) FROM audit WHERE entity = 'dossier' AND entity_id = ?`, r.id).Scan(&last)
		if r.lastAudit != last {
			t.Errorf("dossier %d: last audit entry %d, want %d", r.n, r.lastAudit, last)
		}
	}
}
