package app

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
)

// A key that lands on a line whose page is not read yet (End, or Page
// Down across a page's end) marks that line at once, empties the detail
// (which must never show another dossier than the marked line) and fills
// it when the page comes; the next key goes on from that line. Before,
// the line went unrecorded and every later Page Down landed on it again:
// the real window stuck at the 100th line.
func TestKeysLandingOnAnUnreadPage(t *testing.T) {
	f, r, n := pagedRegister(t)
	press := func(k fyne.KeyName) {
		f.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
	press(fyne.KeyPageDown)
	f.wait()
	if r.detail.d == nil || r.listSelected <= 0 {
		t.Fatalf("Page Down marked line %d", r.listSelected)
	}
	// As End or Page Down do after scrolling, while the page is still
	// being read.
	// The page is not read yet, whatever the test window showed, and the
	// loader is busy: the request waits.
	r.mu.Lock()
	delete(r.pages, (n-1)/pageSize)
	r.loading = true
	r.mu.Unlock()
	r.list.Select(n - 1)
	if r.listSelected != n-1 {
		t.Fatalf("selecting marked line %d, want %d", r.listSelected, n-1)
	}
	if r.detail.d != nil {
		t.Errorf("while its page is read, the detail shows %s", r.detail.d.Applicant.Name)
	}
	r.mu.Lock()
	r.loading = false
	r.mu.Unlock()
	r.e.background(r.loadPages) // the loader, free again, reads what was asked
	f.wait()
	if d := r.detail.d; d == nil || d.Applicant.Name != "Công dân 0" {
		t.Fatalf("after its page came, the detail shows %+v", d)
	}
	press(fyne.KeyPageUp)
	f.wait()
	if r.listSelected >= n-1 || r.listSelected < pageSize/2 {
		t.Errorf("Page Up from the last line marked line %d", r.listSelected)
	}
	if d := r.detail.d; d == nil || d.Code != r.row(r.listSelected).Code {
		t.Errorf("the detail does not show the marked line %d", r.listSelected)
	}
}

// Page Down goes line by screenful through the whole register, across
// its pages, and ends on the last line.
func TestPageDownCrossesPages(t *testing.T) {
	f, r, n := pagedRegister(t)
	prev := -1
	for range n {
		f.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		f.wait()
		if r.listSelected <= prev {
			t.Fatalf("Page Down from line %d marked line %d", prev, r.listSelected)
		}
		if prev = r.listSelected; prev == n-1 {
			break
		}
	}
	if d := r.detail.d; prev != n-1 || d == nil || d.Applicant.Name != "Công dân 0" {
		t.Fatalf("Page Down stopped at line %d of %d (%+v)", prev, n, d)
	}
}

// pagedRegister is a register of a page and a half of dossiers, open with
// the list focused; n is the number of lines.
func pagedRegister(t *testing.T) (f *fixture, r *registerScreen, n int) {
	f = newFixture(t, at(2026, 11, 23, 10, 0))
	n = pageSize + pageSize/2
	for i := range n {
		f.receive("Công dân "+strconv.Itoa(i), "khai-sinh", at(2026, 11, 23, 7, 40))
	}
	r = f.openRegister()
	f.win.Canvas().Focus(r.list)
	return f, r, n
}
