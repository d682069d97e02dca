//go:build !linux && !windows

package filedialog

import "fyne.io/fyne/v2"

// nativeParent: no native dialog here, the Fyne one asks.
func nativeParent(fyne.Window) (any, bool) { return nil, false }

func native(any, Kind, Options) (string, error) { return "", errNoNative }

func hidden(string) bool { return false }
