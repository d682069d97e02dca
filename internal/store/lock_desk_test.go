package store

import (
	"errors"
	"os"
	"testing"
)

// Two desks (two PCs) open the same register on a server; one desk cannot
// open it twice. A URL never becomes a lock file beside a file named
// "postgres:".
func TestDeskLockIsPerDesk(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	wd, _ := os.Getwd()
	dir := t.TempDir()
	os.Chdir(dir)
	defer os.Chdir(wd)
	url := "postgres://desk@server.local/motcua?sslmode=disable"
	l1, err := Lock(url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(url); !errors.Is(err, ErrInUse) {
		t.Fatalf("second window on the same desk: %v", err)
	}
	other, err := Lock("postgres://desk@server.local/other")
	if err != nil {
		t.Fatalf("another register from the same desk: %v", err)
	}
	other.Release()
	l1.Release()
	l2, err := Lock(url)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l2.Release()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("files made in the working folder: %v", entries)
	}
}
