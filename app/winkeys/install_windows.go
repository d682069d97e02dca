//go:build windows && !ci

package winkeys

import (
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

const (
	gwlpWndProc  = ^uintptr(3) // GWLP_WNDPROC (-4)
	wmNCDestroy  = 0x0082
	retryEvery   = 50 * time.Millisecond
	retryAttempt = 200 // 10 s: long enough for a window shown after Install
)

var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	procGetWindowLongPtr = user32.NewProc("GetWindowLongPtrW")
	procSetWindowLongPtr = user32.NewProc("SetWindowLongPtrW")
	procCallWindowProc   = user32.NewProc("CallWindowProcW")
	procDefWindowProc    = user32.NewProc("DefWindowProcW")
	procIsWindow         = user32.NewProc("IsWindow")

	// One callback for every window: syscall.NewCallback's are never freed
	// and limited in number, so it is made once.
	callbackOnce sync.Once
	callback     uintptr

	mu    sync.Mutex
	hooks = map[uintptr]*hook{} // by HWND
)

type hook struct {
	prev   uintptr // the window procedure before ours (GLFW's)
	filter Filter  // touched only on the window's thread
}

// Install fixes backspaces sent as Unicode packets for the window w (see
// the package comment). Call it from the goroutine that builds the window
// (where Fyne runs it; the hookup is right after w.Show()) or inside
// fyne.Do. If the native window does not exist yet, Install tries again on
// Fyne's goroutine for 10 seconds. Calling it again for the same window does
// nothing; windows that are not GLFW windows are left alone.
func Install(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	if hwnd := nativeHandle(nw); hwnd != 0 {
		installHWND(hwnd)
		return
	}
	go func() {
		var done atomic.Bool
		for range retryAttempt {
			time.Sleep(retryEvery)
			if done.Load() {
				return
			}
			fyne.Do(func() {
				if hwnd := nativeHandle(nw); hwnd != 0 && !done.Load() {
					installHWND(hwnd)
					done.Store(true)
				}
			})
		}
	}()
}

func nativeHandle(nw driver.NativeWindow) (hwnd uintptr) {
	nw.RunNative(func(ctx any) {
		if wc, ok := ctx.(driver.WindowsWindowContext); ok {
			hwnd = wc.HWND
		}
	})
	return hwnd
}

// installHWND puts wndProc in front of the window's procedure, once.
func installHWND(hwnd uintptr) {
	callbackOnce.Do(func() { callback = syscall.NewCallback(wndProc) })
	if ok, _, _ := procIsWindow.Call(hwnd); ok == 0 {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	if _, done := hooks[hwnd]; done {
		return
	}
	prev, _, _ := procGetWindowLongPtr.Call(hwnd, gwlpWndProc)
	if prev == 0 || prev == callback {
		return
	}
	// Registered before the swap, so that a message arriving meanwhile (the
	// swap may run on another thread than the window's) finds its way on.
	h := &hook{prev: prev}
	hooks[hwnd] = h
	old, _, err := procSetWindowLongPtr.Call(hwnd, gwlpWndProc, callback)
	if old == 0 { // prev was not 0, so this is a failure
		delete(hooks, hwnd)
		fyne.LogError("winkeys: SetWindowLongPtrW", err)
		return
	}
	h.prev = old
}

func wndProc(hwnd, msg, wParam, lParam uintptr) uintptr {
	mu.Lock()
	h := hooks[hwnd]
	var prev uintptr
	if h != nil {
		prev = h.prev
	}
	mu.Unlock()
	if h == nil { // cannot happen; never leave a window without a procedure
		r, _, _ := procDefWindowProc.Call(hwnd, msg, wParam, lParam)
		return r
	}

	switch {
	case msg == wmNCDestroy: // the last message: forget the window
		r, _, _ := procCallWindowProc.Call(prev, hwnd, msg, wParam, lParam)
		mu.Lock()
		delete(hooks, hwnd)
		mu.Unlock()
		return r
	case h.filter.Step(uint32(msg), wParam) == Convert:
		procCallWindowProc.Call(prev, hwnd, wmKeyDown, vkBack, backDownLParam)
		procCallWindowProc.Call(prev, hwnd, wmKeyUp, vkBack, backUpLParam)
		return 0
	}
	r, _, _ := procCallWindowProc.Call(prev, hwnd, msg, wParam, lParam)
	return r
}
