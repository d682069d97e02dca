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

// Open opens path with the default application, without waiting for it.
func Open(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("không tìm thấy tệp %s: %v", path, err)
	}
	cmd, err := command(runtime.GOOS, path)
	if err != nil {
		return fmt.Errorf("%w; hãy mở tệp %s bằng tay", err, path)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("không mở được tệp %s: %v", path, err)
	}
	go cmd.Wait() // reap it; the viewer lives on after we return
	return nil
}

// Print sends path to the default printer where the system can do that
// without a dialog (Linux with CUPS); elsewhere it opens the viewer so the
// clerk presses its print button. printed reports which happened.
func Print(path string) (printed bool, err error) {
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
