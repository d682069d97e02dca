package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// ErrInUse is returned by Lock when another copy of the program holds the
// database.
var ErrInUse = errors.New("cơ sở dữ liệu đang được mở bởi một cửa sổ phần mềm khác")

// InstanceLock keeps a second copy of the desktop program off the same
// database: two windows on one register would each show stale rows and
// confuse the clerk. The lock is released by the OS if the program dies.
type InstanceLock struct{ f *os.File }

// Lock takes the instance lock of the database at dbPath. The lock file
// sits beside the real database file (links resolved), so a shortcut or a
// symbolic link to the register meets the same lock.
//
// For a register on a PostgreSQL server (a URL) several desks share the
// register, so the lock is this desk's only (see deskLockPath).
func Lock(dbPath string) (*InstanceLock, error) {
	if IsURL(dbPath) {
		dbPath = deskLockPath(dbPath)
	}
	real, err := RealPath(dbPath)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục dữ liệu %s: %v", filepath.Dir(real), err)
	}
	f, err := os.OpenFile(LockPath(real), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("không tạo được tệp khóa bên cạnh %s: %v", real, err)
	}
	if err := lockFile(f); err != nil {
		// The lock is the operating system's: it goes with the process
		// that held it, so a holder is alive. Name it, so a window that
		// hangs can be ended in the task manager.
		busy := &InUseError{Path: real}
		b := make([]byte, 64)
		n, _ := f.ReadAt(b, 0)
		var state string
		fmt.Sscanf(string(b[:n]), "%d %s", &busy.PID, &state)
		busy.Closing = state == closingMark
		f.Close()
		return nil, busy
	}
	// The process id helps whoever finds the lock file; the lock itself is
	// the OS lock, so a failed write is reported but the file stays usable.
	if err := writeHolder(f, ""); err != nil {
		unlockFile(f)
		f.Close()
		return nil, fmt.Errorf("không ghi được tệp khóa %s (ổ đĩa đầy hoặc không có quyền ghi): %v", LockPath(real), err)
	}
	return &InstanceLock{f: f}, nil
}

// writeHolder makes the lock file f say which process holds it and, when
// state is closingMark, that it is closing: "1234" or "1234 closing".
func writeHolder(f *os.File, state string) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	line := strconv.Itoa(os.Getpid())
	if state != "" {
		line += " " + state
	}
	_, err := f.WriteAt([]byte(line+"\n"), 0)
	return err
}

// InUseError is ErrInUse with what the lock file tells of the program
// holding the register.
type InUseError struct {
	Path string // the register's real path
	PID  int    // the holder's process, 0 when unknown
	// Closing: the holder's window has closed and it is finishing its
	// work (the exit backup); the register is free in a few seconds.
	Closing bool
}

func (e *InUseError) Error() string {
	who := ""
	if e.PID > 0 {
		who = fmt.Sprintf(", tiến trình số %d", e.PID)
	}
	return fmt.Sprintf("%v (%s%s). Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại", ErrInUse, e.Path, who)
}

// Is makes errors.Is(err, ErrInUse) true.
func (e *InUseError) Is(target error) bool { return target == ErrInUse }

// closingMark follows the process id in the lock file of a program that
// is closing.
const closingMark = "closing"

// Closing tells a program started on the register meanwhile that this one
// has closed its window and only finishes (its exit backup, seconds on a
// large register): that program waits for the register (LockWhenFree)
// instead of saying it is open in another window.
func (l *InstanceLock) Closing() {
	if l == nil || l.f == nil {
		return
	}
	_ = writeHolder(l.f, closingMark) // best effort: a start then says the register is open
}

// LockWhenFree is Lock, waiting while the holder is closing (checking
// every poll) until ctx ends. A holder that is not closing is reported at
// once, as by Lock.
func LockWhenFree(ctx context.Context, dbPath string, poll time.Duration) (*InstanceLock, error) {
	for {
		l, err := Lock(dbPath)
		var busy *InUseError
		if err == nil || !errors.As(err, &busy) || !busy.Closing {
			return l, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(poll):
		}
	}
}

// LockPath is the lock file of the database whose real path is real.
func LockPath(real string) string { return real + ".lock" }

// WindowHolds reports whether a desktop window holds the register at
// dbPath right now. The command line uses it to say that its change went
// through beside the open window (SQLite serialises the two writers).
func WindowHolds(dbPath string) bool {
	real, err := RealPath(dbPath)
	if err != nil {
		return false
	}
	f, err := os.OpenFile(LockPath(real), os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := lockFile(f); err != nil {
		return true
	}
	unlockFile(f)
	return false
}

// Release frees the lock.
func (l *InstanceLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	unlockFile(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}
