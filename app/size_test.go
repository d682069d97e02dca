package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestWindowFitsAnOldScreen: the counter PCs have 1366×768 screens (some
// 1280×720) with a taskbar; no screen may force the window larger than
// 1024×640, whatever is selected or saved.
func TestWindowFitsAnOldScreen(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	max := fyne.NewSize(1024, 640)
	check := func(what string) {
		t.Helper()
		m := f.shell.content.MinSize()
		if m.Width > max.Width || m.Height > max.Height {
			t.Errorf("%s: the window needs at least %v", what, m)
		}
		t.Logf("%s: min %v", what, m)
	}
	check("start")
	f.pickProcedure("khai sinh")
	test.Type(f.shell.reception.name, "Giàng A Páo")
	f.shell.reception.submit()
	f.wait()
	f.pickProcedure("khai sinh")
	check("reception with a receipt shown")
	f.selectDossier(0)
	check("register with a dossier selected")
}
