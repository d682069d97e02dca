package app

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
)

// The settings screen saves the register this desk opens from the next
// start: checked first, then written to the desk's file; the clerk is told
// to restart. An address that does not open is not saved.
func TestSettingsSavesTheDesksRegister(t *testing.T) {
	dir := t.TempDir()
	if runtime.GOOS == "windows" {
		t.Setenv("APPDATA", dir)
	} else {
		t.Setenv("XDG_DATA_HOME", dir)
	}
	t.Setenv("MOTCUA_DB", "")
	os.Unsetenv("MOTCUA_DB")
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	other := filepath.Join(t.TempDir(), "so-chung.db")
	o, err := office.Open(other, office.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	s := f.openSettings()

	s.checks.dbAddr.SetText("postgres://lan:matkhau@127.0.0.1:1/motcua?connect_timeout=2")
	test.Tap(s.checks.dbSave)
	f.wait()
	assertContains(t, s.checks.dbResult.Text, "Chưa lưu")
	assertNotContains(t, s.checks.dbResult.Text, "matkhau")
	if saved, _ := office.SavedDeskDB(); saved != "" {
		t.Fatalf("an address that does not open was saved: %q", saved)
	}

	s.checks.dbAddr.SetText(other)
	test.Tap(s.checks.dbSave)
	f.wait()
	assertContains(t, s.checks.dbResult.Text, "Đã lưu cho quầy này")
	assertContains(t, s.checks.dbResult.Text, "mở lại phần mềm")
	if got, err := office.DeskDB(); err != nil || got != other {
		t.Fatalf("the desk opens %q (%v), want %q", got, err, other)
	}
}
