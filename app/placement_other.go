//go:build !windows || ci

package app

import (
	"fyne.io/fyne/v2"

	"motcua/app/winplace"
)

// nativePlacement: Fyne has no window position outside Windows; the
// window manager places the window and only its size is remembered.
func nativePlacement(fyne.Window) (winplace.Rect, bool) { return winplace.Rect{}, false }

func restoreNativePlacement(fyne.Window, winplace.Rect) {}
