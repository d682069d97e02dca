// Package winplace keeps the main window on the screen it opens on: it
// clamps a remembered window rectangle into a monitor's work area (the
// screen less its taskbar), and on Windows reads and moves the native
// window. Fyne has no API for a window's position, so the position is
// remembered only where the native window can be reached.
package winplace

// Rect is a window or screen rectangle in pixels.
type Rect struct{ X, Y, W, H int }

// Empty reports a rectangle without area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Fit moves and shrinks r so that it lies wholly inside area: a window
// remembered on a larger screen, or placed on a monitor since unplugged,
// opens whole on the screen at hand. An empty area leaves r as it is.
func Fit(r, area Rect) Rect {
	if area.Empty() {
		return r
	}
	r.W = min(r.W, area.W)
	r.H = min(r.H, area.H)
	if r.X+r.W > area.X+area.W {
		r.X = area.X + area.W - r.W
	}
	if r.Y+r.H > area.Y+area.H {
		r.Y = area.Y + area.H - r.H
	}
	r.X = max(r.X, area.X)
	r.Y = max(r.Y, area.Y)
	return r
}
