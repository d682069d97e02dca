package app

import (
	"fyne.io/fyne/v2"

	"motcua/app/winplace"
)

// The window's remembered size and (where the native window can be
// reached) position, in the app's preferences.
const (
	prefWinW = "window.width"
	prefWinH = "window.height"
	prefWinX = "window.x"
	prefWinY = "window.y"
)

// defaultWindowSize fits a 1024×768 screen with its taskbar and the
// window's title bar: the smallest screen at a counter. Larger screens get
// the same until the clerk resizes; the size is then remembered.
var defaultWindowSize = fyne.NewSize(1000, 660)

// minRememberedSize keeps a window shrunk by accident from coming back
// unusable.
var minRememberedSize = fyne.NewSize(800, 500)

// initialWindowSize is the remembered size, or the default.
func initialWindowSize(p fyne.Preferences) fyne.Size {
	w := p.FloatWithFallback(prefWinW, 0)
	h := p.FloatWithFallback(prefWinH, 0)
	if w < float64(minRememberedSize.Width) || h < float64(minRememberedSize.Height) {
		return defaultWindowSize
	}
	return fyne.NewSize(float32(w), float32(h))
}

// rememberWindowSize stores the window's size for the next start.
func rememberWindowSize(p fyne.Preferences, size fyne.Size) {
	if size.Width < minRememberedSize.Width || size.Height < minRememberedSize.Height {
		return
	}
	p.SetFloat(prefWinW, float64(size.Width))
	p.SetFloat(prefWinH, float64(size.Height))
}

// savedPlacement is the remembered native rectangle, if any.
func savedPlacement(p fyne.Preferences) (winplace.Rect, bool) {
	r := winplace.Rect{
		X: p.IntWithFallback(prefWinX, 0), Y: p.IntWithFallback(prefWinY, 0),
		W: p.IntWithFallback(prefWinW+".px", 0), H: p.IntWithFallback(prefWinH+".px", 0),
	}
	return r, !r.Empty()
}

// rememberPlacement stores the native rectangle.
func rememberPlacement(p fyne.Preferences, r winplace.Rect) {
	if r.Empty() {
		return
	}
	p.SetInt(prefWinX, r.X)
	p.SetInt(prefWinY, r.Y)
	p.SetInt(prefWinW+".px", r.W)
	p.SetInt(prefWinH+".px", r.H)
}

// placeWindow sizes w as last time (or to fit a 1024×768 screen) and
// remembers its size, and where possible its position, when it closes.
// restore runs once the window is shown.
func placeWindow(a fyne.App, w fyne.Window) (restore func()) {
	p := a.Preferences()
	w.Resize(initialWindowSize(p))
	w.SetOnClosed(func() {
		rememberWindowSize(p, w.Canvas().Size())
		if r, ok := nativePlacement(w); ok {
			rememberPlacement(p, r)
		}
	})
	return func() {
		if r, ok := savedPlacement(p); ok {
			restoreNativePlacement(w, r)
		}
	}
}
