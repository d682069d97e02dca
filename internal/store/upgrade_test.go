package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// oldRegister makes a SQLite register as an older release left it: schema
// at the version before the audit chain, with dossiers and audit lines.
func oldRegister(t *testing.T, dir string, dossiers int) string {
	t.Helper()
	path := filepath.Join(dir, "old.db")
	st, err := Open(path, Options{MaxMigration: chainMigration(t)})
	if err != nil {
		t.Fatal(err)
	}
	insertDossiers(t, st, dossiers)
	if _, err := st.DB().Exec(`INSERT INTO audit (at, actor, action, entity, entity_id, before, after)
		SELECT received_at, 'Lan', 'receive', 'dossier', id, '', '{}' FROM dossiers`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

// Opening an older register reports each pending step in order, counts
// the rows of the step that walks them, and first copies the register as
// it was to the file the caller names; the copy is whole and still at the
// old schema.
func TestUpgradeReportsProgressAndBacksUpFirst(t *testing.T) {
	dir := t.TempDir()
	path := oldRegister(t, dir, 30)
	from, to, pending := PendingUpgrade(path)
	if !pending || from != chainMigration(t) || to != SchemaVersion {
		t.Fatalf("pending upgrade: %d→%d %v", from, to, pending)
	}
	var got []Progress
	backup := filepath.Join(dir, "sao-luu", "before.db")
	var named int
	s, err := Open(path, Options{
		Progress:      func(p Progress) { got = append(got, p) },
		UpgradeBackup: func(real string, v int) string { named = v; return backup },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if named != from {
		t.Fatalf("backup named for schema %d, want %d", named, from)
	}
	steps := SchemaVersion - from
	var phases []string
	lastStep, rows := 0, false
	for _, p := range got {
		if len(phases) == 0 || phases[len(phases)-1] != p.Phase {
			phases = append(phases, p.Phase)
		}
		if p.Steps != steps || p.From != from || p.To != SchemaVersion {
			t.Fatalf("progress %+v: want %d steps from %d", p, steps, from)
		}
		if p.Phase == PhaseMigrate {
			if p.Step < lastStep || p.Step > steps {
				t.Fatalf("steps out of order: %+v after %d", p, lastStep)
			}
			lastStep = p.Step
			if p.Total > 0 {
				rows = true
				if p.Done > p.Total {
					t.Fatalf("rows %d of %d", p.Done, p.Total)
				}
			}
		}
		if p.Phase == PhaseBackup && p.Backup != backup {
			t.Fatalf("backup phase names %q", p.Backup)
		}
	}
	if strings.Join(phases, ",") != "check,backup,migrate" || lastStep != steps || !rows {
		t.Fatalf("phases %v, last step %d of %d, rows counted %v", phases, lastStep, steps, rows)
	}
	fi, err := Inspect(context.Background(), backup)
	if err != nil || fi.Schema != from || fi.Dossiers != 30 {
		t.Fatalf("pre-upgrade copy: %+v %v", fi, err)
	}
	if _, err := os.Stat(backup + ".tmp"); !os.IsNotExist(err) {
		t.Fatalf("temporary copy left behind: %v", err)
	}
	if _, _, pending := PendingUpgrade(path); pending {
		t.Fatal("still pending after the upgrade")
	}
	// A register already current reports nothing and copies nothing.
	s.Close()
	got = nil
	s2, err := Open(path, Options{Progress: func(p Progress) { got = append(got, p) },
		UpgradeBackup: func(string, int) string { t.Fatal("backup of a current register"); return "" }})
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if len(got) != 0 {
		t.Fatalf("progress on a current register: %+v", got)
	}
}

// No copy, no upgrade: when the pre-upgrade copy cannot be written the
// register is left exactly as it was, and the clerk is told why.
func TestUpgradeRefusedWithoutBackup(t *testing.T) {
	dir := t.TempDir()
	path := oldRegister(t, dir, 3)
	blocker := filepath.Join(dir, "not-a-folder")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{UpgradeBackup: func(string, int) string { return filepath.Join(blocker, "copy.db") }})
	if err == nil || !strings.Contains(err.Error(), "chưa nâng cấp") {
		t.Fatalf("upgrade without a backup: %v", err)
	}
	if from, _, pending := PendingUpgrade(path); !pending || from != chainMigration(t) {
		t.Fatalf("register changed although the upgrade was refused: %d %v", from, pending)
	}
}

// Each step is one transaction: a step that fails (as one killed midway
// does: nothing of it reaches the file) leaves the register at the last
// finished step, whole, and the next open finishes the upgrade.
func TestInterruptedUpgradeResumes(t *testing.T) {
	dir := t.TempDir()
	path := oldRegister(t, dir, 20)
	from := chainMigration(t)
	boom := errors.New("killed")
	migrationHooks["chain-audit"] = func(tx *Tx) error {
		// Half the work done inside the step, then the end.
		if _, err := tx.tx.Exec(`UPDATE audit SET hash = 'half' WHERE n <= 10`); err != nil {
			return err
		}
		return boom
	}
	_, err := Open(path, Options{})
	migrationHooks["chain-audit"] = chainAudit
	if !errors.Is(err, boom) {
		t.Fatalf("open with a failing step: %v", err)
	}
	st, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := st.Version()
	var half int
	st.DB().QueryRow(`SELECT COUNT(*) FROM audit WHERE hash = 'half'`).Scan(&half)
	st.Close()
	if v != from {
		t.Fatalf("version after the failed step: %d, want %d", v, from)
	}
	if half != 0 {
		t.Fatalf("%d rows of the failed step were kept", half)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(); v != SchemaVersion {
		t.Fatalf("resumed upgrade stopped at %d", v)
	}
	if r, err := s.VerifyAudit(context.Background(), 10); err != nil || len(r.Problems) != 0 || r.Entries != 20 {
		t.Fatalf("register after the resumed upgrade: %+v %v", r, err)
	}
}

// The day's check left to the background finds damage: from then on the
// register is read-only exactly as when the check fails at Open.
func TestBackgroundCheckFindsDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insertDossiers(t, s, 3000)
	s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	damage(t, path)
	s, err = Open(path, Options{DeferCheck: true})
	if err != nil {
		t.Fatalf("open with the check deferred: %v", err)
	}
	defer s.Close()
	if s.Damaged() != nil {
		t.Fatal("the deferred check ran at Open")
	}
	// Before the check the register is writable as usual.
	if err := s.Tx(context.Background(), func(tx *Tx) error { return tx.SetSetting("before", "1") }); err != nil {
		t.Fatalf("write before the check: %v", err)
	}
	err = s.CheckInBackground(context.Background())
	if !errors.Is(err, ErrDamaged) || !errors.Is(s.Damaged(), ErrDamaged) {
		t.Fatalf("background check: %v; damaged: %v", err, s.Damaged())
	}
	assertRefusesWrites(t, s)
	if b, _ := os.ReadFile(path + checkSuffix); bytes.Contains(b, []byte("ok ")) {
		t.Fatal("a failed check was remembered as passed")
	}
}

// A sound register checked in the background stays writable, the pass is
// remembered for the day, and writes made while the check runs are kept.
func TestBackgroundCheckOfASoundRegister(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ok.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insertDossiers(t, s, 500)
	s.Close()
	os.Remove(path + checkSuffix)
	s, err = Open(path, Options{DeferCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	done := make(chan error, 1)
	go func() { done <- s.CheckInBackground(context.Background()) }()
	for i := 0; i < 20; i++ {
		if err := s.Tx(context.Background(), func(tx *Tx) error { return tx.SetSetting("k", "v") }); err != nil {
			t.Fatalf("write during the check: %v", err)
		}
	}
	if err := <-done; err != nil || s.Damaged() != nil {
		t.Fatalf("sound register: %v; damaged: %v", err, s.Damaged())
	}
	if err := s.Tx(context.Background(), func(tx *Tx) error { return tx.SetSetting("after", "1") }); err != nil {
		t.Fatalf("write after the check: %v", err)
	}
	if b, err := os.ReadFile(path + checkSuffix); err != nil || !bytes.Contains(b, []byte("ok ")) {
		t.Fatalf("pass not remembered: %q %v", b, err)
	}
}

// A brand-new register is created, not upgraded: nothing reports an
// upgrade (the window and the command line would otherwise say "Sổ được
// tạo bởi phiên bản cũ (lược đồ 0)…" on the first start of a new office).
func TestNewRegisterReportsNoUpgrade(t *testing.T) {
	var got []Progress
	s, err := Open(filepath.Join(t.TempDir(), "new.db"), Options{Progress: func(p Progress) { got = append(got, p) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(got) != 0 {
		t.Fatalf("a new register reported an upgrade: %+v", got)
	}
}
