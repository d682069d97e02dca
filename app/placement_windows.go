//go:build windows && !ci

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"motcua/app/winplace"
)

func hwndOf(w fyne.Window) (hwnd uintptr) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	nw.RunNative(func(ctx any) {
		if wc, ok := ctx.(driver.WindowsWindowContext); ok {
			hwnd = wc.HWND
		}
	})
	return hwnd
}

// nativePlacement is the window's rectangle on the screen.
func nativePlacement(w fyne.Window) (winplace.Rect, bool) {
	if h := hwndOf(w); h != 0 {
		return winplace.Get(h)
	}
	return winplace.Rect{}, false
}

// restoreNativePlacement puts the window back where it was, fitted into
// the work area of the nearest monitor.
func restoreNativePlacement(w fyne.Window, r winplace.Rect) {
	if h := hwndOf(w); h != 0 {
		winplace.Place(h, r)
	}
}
