//go:build !windows || ci

package winkeys

import "fyne.io/fyne/v2"

// Install does nothing here: the fix concerns GLFW's window procedure on
// Windows, and under -tags ci the window is headless.
func Install(fyne.Window) {}
