package app

import (
	"runtime"
	"testing"
)

// threadCPU reads the clock of the thread it is given: read from that very
// thread, it lies between two readings of the thread's own clock.
func TestThreadCPUReadsTheGivenThreadsClock(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	tid := currentThreadID()
	for range 3 {
		before := clockTime(3) // CLOCK_THREAD_CPUTIME_ID
		got := threadCPU(tid)
		after := clockTime(3)
		if before < 0 || got < before || got > after {
			t.Fatalf("threadCPU(%d) = %v, outside this thread's %v…%v", tid, got, before, after)
		}
	}
	if threadCPU(0) != -1 {
		t.Error("thread 0 has a CPU clock")
	}
	if processCPU() < clockTime(3) {
		t.Error("the process used less CPU than one of its threads")
	}
}
