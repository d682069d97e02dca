package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
	"motcua/internal/register"
	"motcua/internal/store"
)

// startedOn builds the window on a register opened as Run opens it (the
// day's check deferred), damaged first when asked, and runs the start-up
// checks as Run does after the first frame.
func startedOn(t *testing.T, damaged bool) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "motcua.db")
	clk := &clock{t: at(2026, 11, 23, 9, 0)}
	o, err := office.Open(path, office.Options{Now: clk.Now, Actor: "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.FillDemoProfile(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Data nothing reads at start, so damage in the file's second half
	// hits it rather than the schema or the dossiers.
	if _, err := o.Store().DB().Exec(`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 4000)
		INSERT INTO upper_records (agency, kind, id, updated_at, data) SELECT 'X', 'pad', 'r' || i, 1, hex(randomblob(300)) FROM c`); err != nil {
		t.Fatal(err)
	}
	o.Close()
	if damaged {
		b, _ := os.ReadFile(path)
		for p := len(b) / 4096 / 2; p < len(b)/4096-1; p += 2 {
			for i := p*4096 + 8; i < (p+1)*4096; i++ {
				b[i] = byte(i * 7)
			}
		}
		os.WriteFile(path, b, 0o644)
	}
	os.Remove(path + ".kiem-tra")
	o, err = office.Open(path, office.Options{Now: clk.Now, Actor: "Lan", DeferCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	a := test.NewTempApp(t)
	w := a.NewWindow(WindowTitle)
	s := buildShell(a, w, o, path, "0.1.0", true)
	t.Cleanup(s.env.wait)
	t.Cleanup(w.Close)
	s.env.wait()
	old := startupChecksAfter
	startupChecksAfter = 0
	t.Cleanup(func() { startupChecksAfter = old })
	startupChecks(s.env, o, context.Background())
	s.env.wait()
	return &fixture{t: t, shell: s, clock: clk, win: w, off: o, sys: &sysRecorder{}}
}

// Damage found after the window showed: the clerk reads one sentence
// saying to restore from a backup, and nothing more can be saved.
func TestStartupCheckFindsDamageAfterTheWindowShows(t *testing.T) {
	f := startedOn(t, true)
	assertContains(t, f.dialogText(), "khôi phục từ bản sao lưu")
	if !errors.Is(f.off.Damaged(), store.ErrDamaged) {
		t.Fatalf("office still writable: %v", f.off.Damaged())
	}
	_, err := f.off.Receive(context.Background(), office.ReceiveInput{ProcedureCode: "khai-sinh",
		Applicant: register.Applicant{Name: "Nguyễn Văn An", Phone: "0912345678", Address: "Thôn Đông"}})
	if !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("a dossier was received after the damage was found: %v", err)
	}
}

// A sound register: no dialog, reception goes on, and today's backup is
// made once the check has passed.
func TestStartupCheckOfASoundRegisterChangesNothing(t *testing.T) {
	f := startedOn(t, false)
	if f.overlay() != nil {
		t.Fatalf("a dialog on a sound register: %s", f.dialogText())
	}
	if f.off.Damaged() != nil {
		t.Fatal(f.off.Damaged())
	}
	if _, err := f.off.Receive(context.Background(), office.ReceiveInput{ProcedureCode: "khai-sinh",
		Applicant: register.Applicant{Name: "Nguyễn Văn An", Phone: "0912345678", Address: "Thôn Đông"}}); err != nil {
		t.Fatal(err)
	}
	day := filepath.Join(office.BackupDir(f.off.Path()), "motcua-"+f.off.Now().Format("2006-01-02")+".db")
	if _, err := os.Stat(day); err != nil {
		t.Fatalf("no backup after the check passed: %v", err)
	}
}
