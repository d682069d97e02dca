package cli

import (
	"os"

	"golang.org/x/sys/unix"
)

// withoutEcho turns off the terminal's echo while a passphrase is typed;
// ok is false when f is not a terminal (a pipe, a file).
func withoutEcho(f *os.File) (restore func(), ok bool) {
	fd := int(f.Fd())
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return func() {}, false
	}
	old := *t
	t.Lflag &^= unix.ECHO
	t.Lflag |= unix.ICANON | unix.ISIG
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, t); err != nil {
		return func() {}, false
	}
	return func() { _ = unix.IoctlSetTermios(fd, unix.TCSETS, &old) }, true
}
