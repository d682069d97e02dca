package app

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// Start-up milestones for measuring the cold start (MOTCUA_TRACE=1):
// each is printed once on stderr with the time since the process began,
// e.g. when the dashboard's numbers were first put on screen.
var (
	processStart = time.Now()
	traceOn      = os.Getenv("MOTCUA_TRACE") != ""
	traced       sync.Map
)

func traceOnce(milestone string) {
	if !traceOn {
		return
	}
	if _, done := traced.LoadOrStore(milestone, true); done {
		return
	}
	fmt.Fprintf(os.Stderr, "motcua: %s sau %d ms\n", milestone, time.Since(processStart).Milliseconds())
}
