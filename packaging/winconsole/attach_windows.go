//go:build windows

package winconsole

import (
	"log"
	"os"
	"syscall"
)

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
	procSetStdHandle  = kernel32.NewProc("SetStdHandle")
)

const (
	attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	fileTypeUnknown     = 0          // FILE_TYPE_UNKNOWN
)

// Attach connects the GUI exe to its parent's console; see the package doc. Call it on the
// command-line path (and before printing an error the window could not show), not before
// opening the window.
func Attach() {
	needOut := !valid(syscall.STD_OUTPUT_HANDLE)
	needErr := !valid(syscall.STD_ERROR_HANDLE)
	if !needOut && !needErr {
		return // both redirected to files or pipes, or a console program started us with ours
	}
	if r, _, err := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 && err != syscall.ERROR_ACCESS_DENIED {
		// Started from Explorer or a shortcut: there is no console to attach to.
		// (ERROR_ACCESS_DENIED means the process already has a console, as under Wine: use it.)
		return
	}
	name, _ := syscall.UTF16PtrFromString("CONOUT$")
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
		syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	if needOut {
		setStd(syscall.STD_OUTPUT_HANDLE, h)
		syscall.Stdout = h
		os.Stdout = os.NewFile(uintptr(h), "/dev/stdout")
	}
	if needErr {
		setStd(syscall.STD_ERROR_HANDLE, h)
		syscall.Stderr = h
		os.Stderr = os.NewFile(uintptr(h), "/dev/stderr")
		// The standard logger captured the old, invalid os.Stderr at init.
		log.SetOutput(os.Stderr)
	}
}

// valid reports whether the process's standard handle is usable (a console, file or pipe).
func valid(std int) bool {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, _ := syscall.GetFileType(h)
	return t != fileTypeUnknown
}

// setStd also makes the handle the process's standard handle, so that the Go runtime's own
// messages (panics) and child processes see it.
func setStd(std int, h syscall.Handle) {
	procSetStdHandle.Call(uintptr(uint32(std)), uintptr(h))
}
