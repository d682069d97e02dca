// Package sysopen hands a finished file to the operating system: open it in
// the user's PDF viewer, or send it to the printer. Fyne cannot print, so
// "In" means the system's print path: `lp` on Linux (CUPS), the viewer on
// Windows, where the ShellExecute "print" verb fails whenever Edge is the
// default PDF viewer (Windows 10 and 11 out of the box) and the viewer's
// own print button always works.
package sysopen

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// ErrNoViewer is returned when nothing on the PC can open the file.
var ErrNoViewer = errors.New("máy tính chưa có chương trình mở tệp PDF")

// command builds the command that opens path; a variable so tests can see it.
func command(goos, path string) (*exec.Cmd, error) {
	switch goos {
	case "windows":
		// rundll32 url.dll,FileProtocolHandler opens with the default app and,
		// unlike "cmd /c start", never misreads a path with spaces or "&".
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", path), nil
	case "darwin":
		return exec.Command("open", path), nil
	}
	for _, p := range []string{"xdg-open", "gio"} {
		if bin, err := exec.LookPath(p); err == nil {
			if p == "gio" {
				return exec.Command(bin, "open", path), nil
			}
			return exec.Command(bin, path), nil
		}
	}
	return nil, ErrNoViewer
}

// ViewerEnv names the environment variable that turns the hand-off off:
// with MOTCUA_VIEWER=none nothing is opened or printed (a test under Xvfb
// keeps its screenshots free of a viewer's window), and Open and Print
// say so with ErrViewerOff, so the window reports what really happened.
const ViewerEnv = "MOTCUA_VIEWER"

// ErrViewerOff is returned by Open and Print when ViewerEnv is "none".
var ErrViewerOff = errors.New("chương trình xem PDF và máy in đã được tắt (" + ViewerEnv + "=none) nên tài liệu không được mở hay in")

// viewerOff reports whether ViewerEnv turns the hand-off off.
func viewerOff() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(ViewerEnv))) {
	case "none", "off", "0":
		return true
	}
	return false
}

// Open opens path with the default application, without waiting for it.
func Open(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("không tìm thấy tệp %s: %v", path, err)
	}
	if viewerOff() {
		return ErrViewerOff
	}
	cmd, err := command(runtime.GOOS, path)
	if err != nil {
		return fmt.Errorf("%w; hãy mở tệp %s bằng tay", err, path)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("không mở được tệp %s: %v", path, err)
	}
	// The launchers (xdg-open, rundll32, open) hand the file on and exit
	// at once; one that exits with an error found no viewer that works.
	// A launcher still running after a moment is the viewer itself.
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("chương trình xem PDF không mở được tệp %s (%v)", path, err)
		}
	case <-time.After(launchWait):
	}
	return nil
}

// launchWait is how long Open waits for the launcher's verdict.
const launchWait = 3 * time.Second

// Print sends path to the default printer where the system can do that
// without a dialog (Linux with CUPS); elsewhere it opens the viewer so the
// clerk presses its print button. printed reports which happened.
func Print(path string) (printed bool, err error) {
	if viewerOff() {
		if _, err := os.Stat(path); err != nil {
			return false, fmt.Errorf("không tìm thấy tệp %s: %v", path, err)
		}
		return false, ErrViewerOff
	}
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		if lp, err := exec.LookPath("lp"); err == nil {
			out, err := exec.Command(lp, "--", path).CombinedOutput()
			if err == nil {
				return true, nil
			}
			return false, fmt.Errorf("máy in từ chối lệnh in (%s); tệp vẫn được giữ ở %s", string(out), path)
		}
	}
	return false, Open(path)
}
