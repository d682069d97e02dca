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

// The window opens small enough for a 1024×768 screen, then as the clerk
// left it.
func TestWindowSizeIsRemembered(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	if got := f.win.Canvas().Size(); got.Width > 1024 || got.Height > 768-40-30 {
		t.Fatalf("opens at %v: wider or taller than a 1024×768 screen with its taskbar", got)
	}
	a := f.shell.env.app
	p := a.Preferences()
	w1 := a.NewWindow(WindowTitle)
	placeWindow(a, w1)
	w1.Resize(fyne.NewSize(1300, 720))
	w1.Close()
	if w, h := p.Float(prefWinW), p.Float(prefWinH); w != 1300 || h != 720 {
		t.Fatalf("remembered %v×%v", w, h)
	}
	w2 := a.NewWindow(WindowTitle)
	defer w2.Close()
	placeWindow(a, w2)
	if got := w2.Canvas().Size(); got != fyne.NewSize(1300, 720) {
		t.Errorf("reopened at %v", got)
	}
	// A window shrunk to nothing is not remembered.
	rememberWindowSize(p, fyne.NewSize(200, 100))
	if got := initialWindowSize(p); got != fyne.NewSize(1300, 720) {
		t.Errorf("after a tiny window: %v", got)
	}
}
