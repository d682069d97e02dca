package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A program started while another one closes (its window gone, its exit
// backup under way) waits for the register instead of saying it is open in
// another window; one started beside an open window is told at once.
func TestLockWaitsForAClosingHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "motcua.db")
	holder, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Release()

	_, err = Lock(path)
	var busy *InUseError
	if !errors.As(err, &busy) || !errors.Is(err, ErrInUse) {
		t.Fatalf("a second lock: %v", err)
	}
	if busy.Closing || busy.PID != os.Getpid() || !strings.Contains(err.Error(), "tiến trình số "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("an open holder read as %+v: %v", busy, err)
	}
	// Not closing: no wait, however long the caller would allow.
	if l, err := LockWhenFree(context.Background(), path, time.Millisecond); l != nil || !errors.Is(err, ErrInUse) {
		t.Fatalf("waited for a window that is open: %v %v", l, err)
	}

	holder.Closing()
	_, err = Lock(path)
	if !errors.As(err, &busy) || !busy.Closing || busy.PID != os.Getpid() {
		t.Fatalf("a closing holder read as %+v: %v", busy, err)
	}
	// Closing, and still not done when the caller stops waiting.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if l, err := LockWhenFree(ctx, path, time.Millisecond); l != nil || !errors.Is(err, ErrInUse) {
		t.Fatalf("a wait given up: %v %v", l, err)
	}

	got := make(chan error, 1)
	var next *InstanceLock
	go func() {
		var err error
		next, err = LockWhenFree(context.Background(), path, time.Millisecond)
		got <- err
	}()
	holder.Release()
	if err := <-got; err != nil {
		t.Fatalf("the register was freed, yet: %v", err)
	}
	defer next.Release()
	if _, err := Lock(path); !errors.As(err, &busy) || busy.Closing {
		t.Fatalf("the new holder reads as %+v: %v", busy, err)
	}
}
