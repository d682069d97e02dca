//go:build windows

package filedialog

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

// Windows' own dialogs: GetSaveFileNameW / GetOpenFileNameW (comdlg32)
// for files, SHBrowseForFolderW (shell32) for a folder. They speak the
// language of the Windows installed, as every other program on the PC.
var (
	comdlg32                 = windows.NewLazySystemDLL("comdlg32.dll")
	procGetSaveFileName      = comdlg32.NewProc("GetSaveFileNameW")
	procGetOpenFileName      = comdlg32.NewProc("GetOpenFileNameW")
	procCommDlgExtendedError = comdlg32.NewProc("CommDlgExtendedError")
	shell32                  = windows.NewLazySystemDLL("shell32.dll")
	procSHBrowseForFolder    = shell32.NewProc("SHBrowseForFolderW")
	procSHGetPathFromIDList  = shell32.NewProc("SHGetPathFromIDListW")
	user32                   = windows.NewLazySystemDLL("user32.dll")
	procSendMessage          = user32.NewProc("SendMessageW")
	ole32                    = windows.NewLazySystemDLL("ole32.dll")
	procCoTaskMemFree        = ole32.NewProc("CoTaskMemFree")
)

// openFileName is OPENFILENAMEW.
type openFileName struct {
	StructSize      uint32
	Owner           uintptr
	Instance        uintptr
	Filter          *uint16
	CustomFilter    *uint16
	MaxCustomFilter uint32
	FilterIndex     uint32
	File            *uint16
	MaxFile         uint32
	FileTitle       *uint16
	MaxFileTitle    uint32
	InitialDir      *uint16
	Title           *uint16
	Flags           uint32
	FileOffset      uint16
	FileExtension   uint16
	DefExt          *uint16
	CustData        uintptr
	FnHook          uintptr
	TemplateName    *uint16
	Reserved        uintptr
	Reserved2       uint32
	FlagsEx         uint32
}

// browseInfo is BROWSEINFOW.
type browseInfo struct {
	Owner       uintptr
	Root        uintptr
	DisplayName *uint16
	Title       *uint16
	Flags       uint32
	Fn          uintptr
	LParam      uintptr
	Image       int32
}

const (
	ofnOverwritePrompt = 0x00000002
	ofnHideReadOnly    = 0x00000004
	ofnNoChangeDir     = 0x00000008
	ofnPathMustExist   = 0x00000800
	ofnFileMustExist   = 0x00001000
	ofnExplorer        = 0x00080000
	ofnEnableSizing    = 0x00800000

	bifReturnOnlyFSDirs = 0x0001
	bifEditBox          = 0x0010
	bifNewDialogStyle   = 0x0040
	bffmInitialized     = 1
	bffmSetSelectionW   = 0x0400 + 103

	coinitApartmentThreaded = 0x2
	maxPath                 = 32768
)

func hidden(path string) bool {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return false
	}
	attr, err := windows.GetFileAttributes(p)
	return err == nil && attr&(windows.FILE_ATTRIBUTE_HIDDEN|windows.FILE_ATTRIBUTE_SYSTEM) != 0
}

// nativeParent is the Fyne window's HWND, so Windows keeps its dialog
// over the program and the program waits for it.
func nativeParent(win fyne.Window) (any, bool) {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return nil, false
	}
	var hwnd uintptr
	nw.RunNative(func(ctx any) {
		if wc, ok := ctx.(driver.WindowsWindowContext); ok {
			hwnd = wc.HWND
		}
	})
	return hwnd, true
}

// filterString is the dialog's "Tệp PDF\0*.pdf\0Mọi tệp\0*.*\0\0".
func filterString(fs []Filter) []uint16 {
	var b strings.Builder
	for _, f := range fs {
		var pats []string
		for _, e := range f.Exts {
			pats = append(pats, "*"+strings.ToLower(e))
		}
		if len(pats) == 0 {
			pats = []string{"*.*"}
		}
		b.WriteString(f.Name + "\x00" + strings.Join(pats, ";") + "\x00")
	}
	b.WriteString("\x00")
	return utf16(b.String())
}

func utf16(s string) []uint16 {
	// windows.UTF16FromString refuses NULs; the filter needs them.
	out := make([]uint16, 0, len(s)+1)
	for _, part := range strings.Split(s, "\x00") {
		u, _ := windows.UTF16FromString(part)
		out = append(out, u...) // u ends with its own NUL
	}
	return out[:len(out)-1]
}

func ptr(s string) *uint16 {
	if s == "" {
		return nil
	}
	p, _ := windows.UTF16PtrFromString(s)
	return p
}

func native(parent any, k Kind, o Options) (string, error) {
	hwnd, _ := parent.(uintptr)
	// A Windows dialog runs its own message loop on the thread that opens
	// it, with COM set up there; keep this goroutine on one thread.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, coinitApartmentThreaded); err == nil {
		defer windows.CoUninitialize()
	}
	if k == OpenFolder {
		return browseFolder(hwnd, o)
	}
	file := make([]uint16, maxPath)
	if k == SaveFile && o.Name != "" {
		copy(file[:maxPath-1], utf16(o.Name))
	}
	ofn := openFileName{
		Owner:      hwnd,
		File:       &file[0],
		MaxFile:    maxPath,
		InitialDir: ptr(o.Folder),
		Title:      ptr(o.Title),
		Flags:      ofnExplorer | ofnNoChangeDir | ofnHideReadOnly | ofnPathMustExist | ofnEnableSizing,
	}
	ofn.StructSize = uint32(unsafe.Sizeof(ofn))
	if len(o.Filters) > 0 {
		f := filterString(o.Filters)
		ofn.Filter = &f[0]
		ofn.FilterIndex = 1
		if len(o.Filters[0].Exts) > 0 {
			ofn.DefExt = ptr(strings.TrimPrefix(strings.ToLower(o.Filters[0].Exts[0]), "."))
		}
	}
	proc := procGetOpenFileName
	if k == SaveFile {
		proc = procGetSaveFileName
		ofn.Flags |= ofnOverwritePrompt
	} else {
		ofn.Flags |= ofnFileMustExist
	}
	if err := proc.Find(); err != nil {
		return "", fmt.Errorf("%w: %v", errNoNative, err)
	}
	ok, _, _ := proc.Call(uintptr(unsafe.Pointer(&ofn)))
	runtime.KeepAlive(file)
	if ok == 0 {
		code, _, _ := procCommDlgExtendedError.Call()
		if code == 0 {
			return "", nil // the clerk cancelled
		}
		return "", fmt.Errorf("%w: CommDlgExtendedError 0x%x", errNoNative, code)
	}
	return windows.UTF16ToString(file), nil
}

var (
	browseCallbackOnce sync.Once
	browseCallback     uintptr
)

// browseFolder shows the folder picker, opened on o.Folder.
func browseFolder(hwnd uintptr, o Options) (string, error) {
	if err := procSHBrowseForFolder.Find(); err != nil {
		return "", fmt.Errorf("%w: %v", errNoNative, err)
	}
	browseCallbackOnce.Do(func() {
		// Windows calls back once the dialog is up: select the start folder.
		browseCallback = syscall.NewCallback(func(w, msg, lparam, data uintptr) uintptr {
			if msg == bffmInitialized && data != 0 {
				procSendMessage.Call(w, bffmSetSelectionW, 1, data)
			}
			return 0
		})
	})
	display := make([]uint16, windows.MAX_PATH)
	start := ptr(filepath.Clean(o.Folder))
	bi := browseInfo{
		Owner:       hwnd,
		DisplayName: &display[0],
		Title:       ptr(o.Title),
		Flags:       bifReturnOnlyFSDirs | bifNewDialogStyle | bifEditBox,
		Fn:          browseCallback,
		LParam:      uintptr(unsafe.Pointer(start)),
	}
	pidl, _, _ := procSHBrowseForFolder.Call(uintptr(unsafe.Pointer(&bi)))
	runtime.KeepAlive(start)
	if pidl == 0 {
		return "", nil // cancelled
	}
	defer procCoTaskMemFree.Call(pidl)
	buf := make([]uint16, maxPath)
	ok, _, _ := procSHGetPathFromIDList.Call(pidl, uintptr(unsafe.Pointer(&buf[0])))
	if ok == 0 {
		return "", errors.New("the chosen folder is not on a disk (a network place or a phone?)")
	}
	return windows.UTF16ToString(buf), nil
}
