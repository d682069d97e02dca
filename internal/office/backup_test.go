package office

import (
	"context"
	"errors"
	"motcua/internal/store/storetest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/register"
	"motcua/internal/store"
)

// A backup taken while the register is in use restores to exactly the
// dossiers it held; the restore keeps the current register aside and
// counts, before asking, the dossiers the backup lacks.
func TestBackupRestoreRoundTrip(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("backups beside a SQLite file; a server is backed up with pg_dump")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "data #1", "motcua.db")
	o, clock := openClock(t, path, "2026-11-23 08:00")
	ctx := context.Background()
	a := receive(t, o, "khai-sinh", "Nguyễn Văn An")
	receive(t, o, "khai-sinh", "Trần Thị Bình")
	usb := filepath.Join(dir, "USB")
	os.Mkdir(usb, 0o755)
	file, err := o.Backup(ctx, usb)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(file), "motcua-sao-luu-2026-11-23-0800") {
		t.Fatalf("backup named %s", file)
	}
	// After the backup: one new dossier and one new step.
	*clock = clock.Add(time.Hour)
	receive(t, o, "tam-tru", "Lê Văn Cường")
	if _, err := o.Forward(ctx, a.Code, "Công chức Tư pháp - Hộ tịch", time.Time{}); err != nil {
		// khai-sinh is same-day; forwarding may not apply; use return instead
		if _, err := o.Return(ctx, a.Code, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	o.Close()

	var asked RestorePlan
	_, err = Restore(ctx, path, file, vn("2026-11-23 10:00"), func(p RestorePlan) bool { asked = p; return false })
	if !errors.Is(err, ErrRestoreCancelled) {
		t.Fatalf("cancelled restore: %v", err)
	}
	if asked.Newer != 2 || asked.CurrentDossiers != 3 || asked.SourceDossiers != 2 || !strings.Contains(asked.Warning(), "2 hồ sơ") {
		t.Fatalf("plan: %+v %s", asked, asked.Warning())
	}
	plan, err := Restore(ctx, path, file, vn("2026-11-23 10:00"), func(RestorePlan) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	o2 := openAt(t, path, "2026-11-23 10:01")
	if n, _ := o2.Count(ctx, Filter{}); n != 2 {
		t.Fatalf("restored register has %d dossiers", n)
	}
	d, err := o2.Show(ctx, a.Code)
	if err != nil || d.State != register.Received {
		t.Fatalf("restored dossier: %v %v", d, err)
	}
	// The replaced register is kept, whole.
	aside, err := Open(plan.Aside, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer aside.Close()
	if n, _ := aside.Count(ctx, Filter{}); n != 3 {
		t.Fatalf("kept register has %d dossiers", n)
	}
}

func TestRestoreChecksTheFileFirst(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("backups beside a SQLite file; a server is backed up with pg_dump")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "motcua.db")
	o := openAt(t, path, "2026-11-23 08:00")
	receive(t, o, "khai-sinh", "Nguyễn Văn An")
	ctx := context.Background()
	bad := filepath.Join(dir, "bad.db")
	os.WriteFile(bad, []byte(strings.Repeat("không phải sqlite ", 500)), 0o644)
	newer := filepath.Join(dir, "newer.db")
	if _, err := o.Backup(ctx, newer); err != nil {
		t.Fatal(err)
	}
	o.Close()
	nw, _ := Open(newer, Options{})
	nw.Store().DB().Exec("PRAGMA user_version = 9999")
	nw.Close()
	for _, src := range []string{bad, newer, filepath.Join(dir, "missing.db"), path} {
		called := false
		if _, err := Restore(ctx, path, src, vn("2026-11-23 09:00"), func(RestorePlan) bool { called = true; return true }); err == nil || called {
			t.Fatalf("restore from %s was not refused before asking: %v", src, err)
		}
	}
	// Refused while the window holds the register.
	good := filepath.Join(dir, "good.db")
	o1 := openAt(t, path, "2026-11-23 09:00")
	if _, err := o1.Backup(ctx, good); err != nil {
		t.Fatal(err)
	}
	o1.Close()
	lock, err := store.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, path, good, vn("2026-11-23 09:00"), func(RestorePlan) bool { return true }); err == nil || !strings.Contains(err.Error(), "cửa sổ") {
		t.Fatalf("restore beside the window: %v", err)
	}
	lock.Release()
	if _, err := Restore(ctx, path, good, vn("2026-11-23 09:00"), nil); err != nil {
		t.Fatal(err)
	}
	o2 := openAt(t, path, "2026-11-23 09:01")
	if n, _ := o2.Count(ctx, Filter{}); n != 1 {
		t.Fatalf("a refused restore changed the register: %d", n)
	}
	if r, err := o2.VerifyAudit(ctx); err != nil || len(r.Problems) != 0 {
		t.Fatalf("restored register's audit: %+v %v", r.Problems, err)
	}
	var action string
	o2.Store().DB().QueryRow(`SELECT action FROM audit ORDER BY n DESC LIMIT 1`).Scan(&action)
	if action != "restore" {
		t.Fatalf("the restore is not in the audit: %q", action)
	}
}

func TestDailyBackupsKeepThirtyDays(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("backups beside a SQLite file; a server is backed up with pg_dump")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "motcua.db")
	o, clock := openClock(t, path, "2026-11-23 08:00")
	ctx := context.Background()
	receive(t, o, "khai-sinh", "Nguyễn Văn An")
	old := filepath.Join(BackupDir(path), "motcua-2026-10-01.db")
	os.MkdirAll(BackupDir(path), 0o755)
	os.WriteFile(old, []byte("x"), 0o644)
	other := filepath.Join(BackupDir(path), "ghi-chu.db")
	os.WriteFile(other, []byte("x"), 0o644)
	first, err := o.DailyBackup(ctx)
	if err != nil || first == "" {
		t.Fatalf("first daily backup: %q %v", first, err)
	}
	if again, err := o.DailyBackup(ctx); err != nil || again != "" {
		t.Fatalf("second open of the day made another backup: %q %v", again, err)
	}
	receive(t, o, "khai-sinh", "Trần Thị Bình")
	if _, err := o.ExitBackup(ctx); err != nil {
		t.Fatal(err)
	}
	if fi, err := storeInspect(first); err != nil || fi != 2 {
		t.Fatalf("exit backup holds %d dossiers: %v", fi, err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Fatal("a backup older than 30 days was kept")
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatal("a file not made by the automatic backup was removed")
	}
	*clock = clock.AddDate(0, 0, 1)
	if next, err := o.DailyBackup(ctx); err != nil || !strings.Contains(next, "2026-11-24") {
		t.Fatalf("next day's backup: %q %v", next, err)
	}
	if NewestGoodBackup(ctx, path) == "" {
		t.Fatal("no good backup found")
	}
}

// The demo register lives beside the real one (DemoPath), so both back up
// into the same folder: each keeps its own daily file, the demo's exit
// backup never overwrites the real register's, and a restore of the real
// register is never offered the demo's copy.
func TestBackupsOfTwoRegistersInOneFolderStayApart(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("backups beside a SQLite file; a server is backed up with pg_dump")
	}
	dir := t.TempDir()
	real, demo := filepath.Join(dir, "motcua.db"), DemoPath(filepath.Join(dir, "motcua.db"))
	ctx := context.Background()
	o, _ := openClock(t, real, "2026-11-23 08:00")
	receive(t, o, "khai-sinh", "Nguyễn Văn An")
	receive(t, o, "khai-sinh", "Trần Thị Bình")
	realCopy, err := o.ExitBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := openClock(t, demo, "2026-11-23 08:00")
	receive(t, d, "khai-sinh", "Lò Văn Pọm")
	demoCopy, err := d.ExitBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if realCopy == demoCopy {
		t.Fatalf("both registers back up to %s", realCopy)
	}
	if n, err := storeInspect(realCopy); err != nil || n != 2 {
		t.Fatalf("the real register's backup holds %d dossiers after the demo's backup: %v", n, err)
	}
	if got := NewestGoodBackup(ctx, real); got != realCopy {
		t.Fatalf("a restore of the real register is offered %q, not %q", got, realCopy)
	}
	if got := NewestGoodBackup(ctx, demo); got != demoCopy {
		t.Fatalf("a restore of the demo register is offered %q, not %q", got, demoCopy)
	}
}

func storeInspect(path string) (int, error) {
	o, err := Open(path, Options{})
	if err != nil {
		return 0, err
	}
	defer o.Close()
	return o.Count(context.Background(), Filter{})
}

func TestSeedRefusesARealRegister(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "s.db"), "2026-11-20 10:00")
	ctx := context.Background()
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 50, Years: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 50, Years: 1, Seed: 2}); err != nil {
		t.Fatalf("a demo register could not take more demo data: %v", err)
	}
	receive(t, o, "khai-sinh", "Nguyễn Văn Thật")
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 50, Years: 1}); err == nil || !strings.Contains(err.Error(), "1 hồ sơ thật") {
		t.Fatalf("seeding a register with a real dossier: %v", err)
	}
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 5, Years: 100000}); err == nil {
		t.Fatal("--years 100000 accepted")
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "p.db"), "2026-11-20 10:00")
	ctx := context.Background()
	before, _ := o.Procedures(ctx)
	ps := []register.Procedure{before[0], before[1]}
	ps[0].Name += " (sửa)"
	ps[1].Code = ""
	if _, err := o.SaveProcedures(ctx, ps); err == nil {
		t.Fatal("an import with a bad procedure was accepted")
	}
	after, _ := o.Procedures(ctx)
	if after[0].Name != before[0].Name || after[0].Version != before[0].Version {
		t.Fatal("part of a refused import was saved")
	}
}

// A window that only looked at the register closes without copying it
// again (7 s at 1,000,000 dossiers, with the register locked meanwhile);
// any change since today's backup, from this program, another one on the
// same file, or a session that ended without its exit backup, still
// refreshes it.
func TestExitBackupOnlyWhenTheRegisterChanged(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("backups beside a SQLite file; a server is backed up with pg_dump")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "motcua.db")
	session := func() *Office {
		o, _ := openClock(t, path, "2026-11-23 08:00")
		return o
	}
	exit := func(o *Office) string {
		t.Helper()
		got, err := o.ExitBackup(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != "" {
			// As on a large register, the copy ends well before the close
			// folds the log into the register's file.
			past := time.Now().Add(-time.Minute)
			os.Chtimes(got, past, past)
		}
		if err := o.Close(); err != nil {
			t.Fatal(err)
		}
		return got
	}
	holds := func(backup string, want int) {
		t.Helper()
		fi, err := store.Inspect(ctx, backup) // read-only: the backup's date stays
		if err != nil || fi.Dossiers != want {
			t.Fatalf("the backup holds %d dossiers, want %d: %v", fi.Dossiers, want, err)
		}
	}

	o := session()
	receive(t, o, "khai-sinh", "Nguyễn Văn An")
	backup := exit(o)
	if backup == "" {
		t.Fatal("a session that received a dossier made no exit backup")
	}
	holds(backup, 1)
	before, _ := os.Stat(backup)
	// Only looking: nothing is copied.
	if got := exit(session()); got != "" {
		t.Fatalf("a session that changed nothing copied the register again to %s", got)
	}
	holds(backup, 1)

	// Another program on the same file (the command line) receives while
	// this window only looks: the window's exit backs that up.
	o = session()
	other := session()
	receive(t, other, "khai-sinh", "Trần Thị Bình")
	if got := exit(o); got != backup {
		t.Fatalf("a change made by another program beside the window was not backed up: %q", got)
	}
	other.Close()
	holds(backup, 2)

	// A session that ended without its exit backup (the PC lost power
	// after the change was saved): the next exit backs its change up.
	o = session()
	receive(t, o, "khai-sinh", "Lò Văn Pọm")
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if got := exit(session()); got != backup {
		t.Fatal("the change of a session that ended without its exit backup was not backed up")
	}
	holds(backup, 3)
	if after, _ := os.Stat(backup); !after.ModTime().After(before.ModTime()) {
		t.Fatal("the backup was not refreshed")
	}
}
