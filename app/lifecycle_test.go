//go:build !windows

package app

import (
	"os"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// SIGTERM asks the window to quit; one that does not finish is ended.
func TestSIGTERMQuitsThenEnds(t *testing.T) {
	quit := make(chan struct{}, 1)
	exited := make(chan struct{}, 1)
	stop := watchSignals(func() { quit <- struct{}{} }, func() { exited <- struct{}{} }, 50*time.Millisecond)
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Skip("cannot signal ourselves:", err)
	}
	select {
	case <-quit:
	case <-time.After(10 * time.Second):
		t.Fatal("SIGTERM did not ask the window to quit")
	}
	// The window never finishes here: the program ends.
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		t.Fatal("a window stuck after SIGTERM was not ended")
	}
}

// A window that closes in time is not ended.
func TestStopBeforeGraceDoesNotExit(t *testing.T) {
	var exited atomic.Bool
	quit := make(chan struct{}, 1)
	stop := watchSignals(func() { quit <- struct{}{} }, func() { exited.Store(true) }, time.Hour)
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	<-quit
	stop()
	if exited.Load() {
		t.Error("ended although the window closed")
	}
}

func TestWaitAtMost(t *testing.T) {
	if !waitAtMost(func() {}, time.Second) {
		t.Error("a finished wait reported as stuck")
	}
	block := make(chan struct{})
	defer close(block)
	if waitAtMost(func() { <-block }, 10*time.Millisecond) {
		t.Error("a stuck wait reported as finished")
	}
}
