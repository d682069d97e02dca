package office

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// checkedRegister is a register with a few dossiers and enough other data
// (the upper level's records, which nothing reads at start) that damage in
// the second half of the file hits data pages, not the schema; then it is
// reopened with the day's check left to the background.
func checkedRegister(t *testing.T, damaged bool) (*Office, string) {
	t.Helper()
	if storetest.Engine() == "postgres" {
		t.Skip("the integrity check is SQLite's; a server keeps its own files whole")
	}
	path := filepath.Join(t.TempDir(), "motcua.db")
	o := openAt(t, path, "2026-11-23 08:00")
	receive(t, o, "khai-sinh", "Nguyễn Văn An")
	if _, err := o.Store().DB().Exec(`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 4000)
		INSERT INTO upper_records (agency, kind, id, updated_at, data) SELECT 'X', 'pad', 'r' || i, 1, hex(randomblob(300)) FROM c`); err != nil {
		t.Fatal(err)
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if damaged {
		damageFile(t, path)
	}
	os.Remove(path + ".kiem-tra") // the day's check has not run yet
	clock := vn("2026-11-23 09:00")
	o2, err := Open(path, Options{Now: func() time.Time { return clock }, Actor: "Nguyễn Thị Lan", DeferCheck: true})
	if err != nil {
		t.Fatalf("open with the check deferred: %v", err)
	}
	t.Cleanup(func() { o2.Close() })
	if o2.Damaged() != nil {
		t.Fatal("the deferred check ran at Open")
	}
	return o2, path
}

// damageFile overwrites every other page of the second half of the file,
// as a failing disk does.
func damageFile(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	pages := len(b) / page
	for p := pages / 2; p < pages-1; p += 2 {
		for i := p*page + 8; i < (p+1)*page; i++ {
			b[i] = byte(i * 7)
		}
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The background check finds the damage: from then on the office is
// read-only as a register found damaged at start, the clerk reads one
// sentence saying to restore from a backup, and the finding is recorded
// beside the register.
func TestBackgroundCheckTurnsADamagedRegisterReadOnly(t *testing.T) {
	o, path := checkedRegister(t, true)
	ctx := context.Background()
	// Until the check has run, work goes on as usual.
	receive(t, o, "khai-sinh", "Trần Thị Bình")
	err := o.CheckInBackground(ctx)
	if !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("background check of a damaged register: %v", err)
	}
	msg := err.Error()
	if strings.Count(msg, ".") > 2 || !strings.Contains(msg, "chỉ cho xem") || !strings.Contains(msg, "khôi phục từ bản sao lưu") {
		t.Fatalf("the clerk's sentence: %q", msg)
	}
	if !errors.Is(o.Damaged(), store.ErrDamaged) {
		t.Fatalf("office not read-only: %v", o.Damaged())
	}
	_, err = o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh"})
	if !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("a dossier was received on a damaged register: %v", err)
	}
	b, err := os.ReadFile(path + CheckLogSuffix)
	if err != nil || !strings.Contains(string(b), "2026-11-23 09:00") || !strings.Contains(string(b), "chỉ đọc") {
		t.Fatalf("finding not recorded: %q %v", b, err)
	}
}

// A sound register: the check passes, nothing changes, nothing recorded.
func TestBackgroundCheckOfASoundRegisterChangesNothing(t *testing.T) {
	o, path := checkedRegister(t, false)
	if err := o.CheckInBackground(context.Background()); err != nil {
		t.Fatalf("background check of a sound register: %v", err)
	}
	if o.Damaged() != nil {
		t.Fatalf("sound register marked damaged: %v", o.Damaged())
	}
	receive(t, o, "khai-sinh", "Trần Thị Bình")
	if _, err := os.Stat(path + CheckLogSuffix); !os.IsNotExist(err) {
		t.Fatalf("a check log for a sound register: %v", err)
	}
}
