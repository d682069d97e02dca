package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// F1 opens the guide of the screen in view, from a field too.
func TestF1OpensTheScreensGuide(t *testing.T) {
	f := newFixture(t, monday0740)
	f.shell.tabs.SelectIndex(tabReception)
	f.wait()
	f.shell.reception.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	msg := f.dialogText()
	assertContains(t, msg, "Hướng dẫn: Tiếp nhận")
	assertContains(t, msg, "giờ chốt")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	f.shell.tabs.SelectIndex(tabRegister)
	f.win.Canvas().Unfocus()
	f.shell.help()
	assertContains(t, f.dialogText(), "hẹn lại một lần")
	for title := range helpFiles {
		if got := helpText(title); len(got) < 100 {
			t.Errorf("%s: guide %q", title, got)
		}
	}
}
