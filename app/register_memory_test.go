package app

import (
	"testing"

	"motcua/internal/register"
)

// Page Up/Down counts the lines on screen with the height of a real row.
func TestRegisterRowHeightIsARowsHeight(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	r := f.openRegister()
	if got, want := rowHeight(), r.createRow().MinSize().Height; got != want {
		t.Errorf("rowHeight() = %v, a row is %v high", got, want)
	}
}

// The register keeps at most maxPages pages of rows, those nearest the
// rows on screen.
func TestRegisterKeepsPagesNearTheScreen(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	r := f.openRegister()
	r.mu.Lock()
	defer r.mu.Unlock()
	for p := 0; p < 3*maxPages; p++ {
		r.pages[p] = []register.Dossier{{Code: "x"}}
	}
	near := maxPages + 2
	r.evict(near)
	if len(r.pages) != maxPages {
		t.Fatalf("%d pages kept, want %d", len(r.pages), maxPages)
	}
	for p := range r.pages {
		if d := p - near; d > maxPages/2 || d < -maxPages/2 {
			t.Errorf("page %d kept, far from page %d on screen", p, near)
		}
	}
}
