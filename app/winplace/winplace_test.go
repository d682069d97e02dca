package winplace

import "testing"

func TestFit(t *testing.T) {
	screen := Rect{0, 0, 1024, 728} // 1024×768 less a 40-pixel taskbar
	for _, c := range []struct {
		name    string
		in, out Rect
	}{
		{"inside stays", Rect{10, 20, 1000, 700}, Rect{10, 20, 1000, 700}},
		{"too wide shrinks", Rect{0, 0, 1100, 700}, Rect{0, 0, 1024, 700}},
		{"off the right edge moves back", Rect{300, 10, 1000, 600}, Rect{24, 10, 1000, 600}},
		{"on an unplugged monitor comes back", Rect{1500, -200, 900, 600}, Rect{124, 0, 900, 600}},
		{"too tall shrinks", Rect{0, 0, 800, 900}, Rect{0, 0, 800, 728}},
	} {
		if got := Fit(c.in, screen); got != c.out {
			t.Errorf("%s: Fit(%v) = %v, want %v", c.name, c.in, got, c.out)
		}
	}
	if got := Fit(Rect{1, 2, 3, 4}, Rect{}); got != (Rect{1, 2, 3, 4}) {
		t.Errorf("empty area changed the rectangle: %v", got)
	}
}
