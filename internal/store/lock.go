package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrInUse is returned by Lock when another copy of the program holds the
// database.
var ErrInUse = errors.New("cơ sở dữ liệu đang được mở bởi một cửa sổ phần mềm khác")

// InstanceLock keeps a second copy of the desktop program off the same
// database: two windows on one register would each show stale rows and
// confuse the clerk. The lock is released by the OS if the program dies.
type InstanceLock struct{ f *os.File }

// Lock takes the instance lock of the database at dbPath. For a register
// on a PostgreSQL server (a URL) the lock is this desk's only.
func Lock(dbPath string) (*InstanceLock, error) {
	if IsURL(dbPath) {
		dbPath = deskLockPath(dbPath)
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục dữ liệu %s: %v", filepath.Dir(dbPath), err)
	}
	f, err := os.OpenFile(dbPath+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("không tạo được tệp khóa bên cạnh %s: %v", dbPath, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%w (%s). Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại", ErrInUse, dbPath)
	}
	_ = f.Truncate(0)
	_, _ = fmt.Fprintf(f, "%d\n", os.Getpid())
	return &InstanceLock{f: f}, nil
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
