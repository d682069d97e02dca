package app

import (
	"fmt"
	"image"
	"log"
	"net"
	"net/http"
	_ "net/http/pprof" // served only when MOTCUA_PPROF names an address
	"os"
	"runtime/pprof"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// startProbe serves Go's profiles (heap, goroutines, CPU) on the address
// MOTCUA_PPROF names, e.g. MOTCUA_PPROF=127.0.0.1:6061, so that where the
// window's memory and time go can be measured on a real register:
//
//	go tool pprof -sample_index=inuse_space http://127.0.0.1:6061/debug/pprof/heap
//
// Without the variable nothing listens. Only a loopback address is taken:
// the profiles show register data.
func startProbe() {
	startCPUProfile()
	addr := os.Getenv("MOTCUA_PPROF")
	if addr == "" {
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil || !(host == "127.0.0.1" || host == "localhost" || host == "::1") {
		log.Printf("MOTCUA_PPROF=%q: only a loopback address with a port is served (127.0.0.1:6061)", addr)
		return
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Printf("MOTCUA_PPROF: %v", err)
		return
	}
	go func() { _ = http.Serve(ln, nil) }()
}

// stopCPUProfile ends the start-up CPU profile (nil: none is being taken).
var stopCPUProfile func()

// startCPUProfile profiles the start, up to the first frame with the
// dashboard's numbers, into the file MOTCUA_CPUPROFILE names (which also
// turns traceFirstFrame on).
func startCPUProfile() {
	path := os.Getenv("MOTCUA_CPUPROFILE")
	if path == "" {
		return
	}
	stop, err := cpuProfile(path)
	if err != nil {
		log.Printf("MOTCUA_CPUPROFILE: %v", err)
		return
	}
	stopCPUProfile = stop
}

// cpuProfile starts a CPU profile into the file path and returns what
// ends it.
func cpuProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// traceFirstFrame, when MOTCUA_FIRST_FRAME (or MOTCUA_CPUPROFILE) is set, prints to stderr the
// moment the first frame showing what ready reports is drawn, as
// "first-frame-unix-ns N" (scripts/bench-window.sh subtracts the moment
// it started the program). ready runs on the UI goroutine. The frame is
// caught by a transparent one-pixel raster put over the window once ready
// is true: the painter calls its generator while drawing that frame. It is
// taken away again at once.
func traceFirstFrame(w fyne.Window, ready func() bool) {
	if os.Getenv("MOTCUA_FIRST_FRAME") == "" && stopCPUProfile == nil {
		return
	}
	go func() {
		for {
			done := false
			fyne.DoAndWait(func() {
				if !ready() {
					return
				}
				done = true
				var once sync.Once
				var probe *canvas.Raster
				probe = canvas.NewRaster(func(int, int) image.Image {
					once.Do(func() {
						fmt.Fprintf(os.Stderr, "first-frame-unix-ns %d\n", time.Now().UnixNano())
						if stopCPUProfile != nil {
							go stopCPUProfile()
						}
						fyne.Do(func() { w.Canvas().Overlays().Remove(probe) })
					})
					return image.NewNRGBA(image.Rect(0, 0, 1, 1))
				})
				probe.Resize(fyne.NewSize(1, 1))
				w.Canvas().Overlays().Add(probe)
			})
			if done {
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
}
