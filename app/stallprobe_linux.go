package app

import (
	"os"
	"os/signal"
	"syscall"
	"time"
	"unsafe"
)

// currentThreadID is the calling thread's id.
func currentThreadID() int { return syscall.Gettid() }

// threadCPU is the CPU time thread tid of this process has used, from
// its per-thread CPU clock (the kernel's MAKE_THREAD_CPUCLOCK(tid,
// CPUCLOCK_SCHED)); -1 when tid is 0 or the clock cannot be read.
func threadCPU(tid int) time.Duration {
	if tid <= 0 {
		return -1
	}
	return clockTime(int32(^uint32(tid)<<3) | 2 | 4)
}

// processCPU is the CPU time the whole process has used, -1 when unknown.
func processCPU() time.Duration { return clockTime(2) } // CLOCK_PROCESS_CPUTIME_ID

func clockTime(id int32) time.Duration {
	var ts syscall.Timespec
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, uintptr(id), uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return -1
	}
	return time.Duration(ts.Nano())
}

// stallSignals delivers SIGUSR1: write the report and start afresh.
func stallSignals() <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	return c
}
