//go:build !linux

package app

import (
	"os"
	"time"
)

// Elsewhere than Linux the stall probe counts the waits but knows no CPU
// clocks and no signal to write its report (scripts/bench-window.sh runs
// on Linux).

func currentThreadID() int { return 0 }

func threadCPU(int) time.Duration { return -1 }

func processCPU() time.Duration { return -1 }

func stallSignals() <-chan os.Signal { return nil }
