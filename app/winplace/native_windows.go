//go:build windows

package winplace

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32              = windows.NewLazySystemDLL("user32.dll")
	procGetWindowRect   = user32.NewProc("GetWindowRect")
	procSetWindowPos    = user32.NewProc("SetWindowPos")
	procMonitorFromRect = user32.NewProc("MonitorFromRect")
	procGetMonitorInfo  = user32.NewProc("GetMonitorInfoW")
)

type rect struct{ Left, Top, Right, Bottom int32 }

type monitorInfo struct {
	Size    uint32
	Monitor rect
	Work    rect
	Flags   uint32
}

const (
	monitorDefaultToNearest = 2
	swpNoZOrder             = 0x0004
	swpNoActivate           = 0x0010
)

func fromRect(r rect) Rect {
	return Rect{int(r.Left), int(r.Top), int(r.Right - r.Left), int(r.Bottom - r.Top)}
}

// Get is the window's rectangle on the screen.
func Get(hwnd uintptr) (Rect, bool) {
	var r rect
	ok, _, _ := procGetWindowRect.Call(hwnd, uintptr(unsafe.Pointer(&r)))
	return fromRect(r), ok != 0
}

// WorkArea is the work area of the monitor nearest to r.
func WorkArea(r Rect) Rect {
	wr := rect{int32(r.X), int32(r.Y), int32(r.X + r.W), int32(r.Y + r.H)}
	mon, _, _ := procMonitorFromRect.Call(uintptr(unsafe.Pointer(&wr)), monitorDefaultToNearest)
	if mon == 0 {
		return Rect{}
	}
	mi := monitorInfo{Size: uint32(unsafe.Sizeof(monitorInfo{}))}
	if ok, _, _ := procGetMonitorInfo.Call(mon, uintptr(unsafe.Pointer(&mi))); ok == 0 {
		return Rect{}
	}
	return fromRect(mi.Work)
}

// Place moves and sizes the window to r, fitted into the work area of the
// monitor nearest to it.
func Place(hwnd uintptr, r Rect) bool {
	r = Fit(r, WorkArea(r))
	ok, _, _ := procSetWindowPos.Call(hwnd, 0, uintptr(r.X), uintptr(r.Y), uintptr(r.W), uintptr(r.H), swpNoZOrder|swpNoActivate)
	return ok != 0
}
