//go:build windows

package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// The lock is on one byte far past the file's end (4 GiB), not on its
// first byte: Windows refuses other programs a read of a locked range, and
// a program that finds the register in use reads the holder's process id
// and whether it is closing from the start of the file (lock.go).
func lockOverlapped() *windows.Overlapped { return &windows.Overlapped{OffsetHigh: 1} }

func lockFile(f *os.File) error {
	ol := lockOverlapped()
	return windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
}

func unlockFile(f *os.File) {
	ol := lockOverlapped()
	_ = windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
}
