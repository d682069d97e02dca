package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// The stall probe measures how long the UI goroutine is kept from its
// loop: "scrolling or typing never blocks a frame for more than 50 ms"
// (issue 13). Turned on by MOTCUA_STALLS=FILE, it does nothing otherwise.
//
// A goroutine hands the UI goroutine an empty callback (fyne.Do) every
// stallPeriod and records how long it waited before it ran. Fyne's loop
// runs such callbacks between its other work (polling the window's events
// and running their handlers, animations, drawing a frame), so a wait of
// 80 ms means the UI goroutine was busy for about 80 ms: a long frame, a
// slow key or scroll handler, a query run on it. The wait is measured
// after the previous callback ran and a pause, so each block is counted
// once and found to within about stallPeriod. It errs long, never short:
// when a frame ends, Fyne's frame ticker is often ready as well as the
// callback, and Go's select may pick the ticker, so a wait can span a
// second (usually short) loop iteration.
//
// While a callback has waited for more than stallStackAfter, the probe
// takes the UI goroutine's stack every stallStackEvery (up to
// stallStacksPerBlock times per block), which tells painting (Fyne's
// painter, OpenGL's buffer swap) from the program's own code. On Linux it also reads how much CPU the UI thread
// and the whole process used during each block: a block with little CPU
// of its own waited for something else (the machine's load, llvmpipe's
// drawing threads, a lock).
//
// On SIGUSR1 (Unix) the figures since the previous signal, or since the
// start, are written to FILE as one JSON object (a stallReport) and the
// probe starts counting afresh: scripts/bench-window.sh sends one before
// and one after each thing it measures (scrolling, typing a search).
// With MOTCUA_STALLS_PROFILE=DIR each signal also ends the CPU profile of
// the stretch it reports (DIR/stalls-N.prof for the N-th report; the first
// has none) and starts the next; the UI goroutine's share is what runs
// under Fyne's loop: go tool pprof -focus 'gLDriver..runGL' motcua FILE.
const (
	stallPeriod         = 5 * time.Millisecond
	stallLimit          = 50 * time.Millisecond // the figure
	stallStackAfter     = 20 * time.Millisecond // the first look at a long wait's UI stack
	stallStackEvery     = 15 * time.Millisecond // and the next ones
	stallStacksPerBlock = 6
	stallWorstKept      = 8
	stallStackFrames    = 12 // frames from the top of a stack, then only the program's own
)

// stallBounds are the upper bounds of the histogram's buckets; a last
// bucket holds what waited longer than the last bound.
var stallBounds = []time.Duration{
	5 * time.Millisecond, 10 * time.Millisecond, 17 * time.Millisecond, 33 * time.Millisecond,
	50 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond,
}

// stallEvent is one of the longest waits of a report.
type stallEvent struct {
	AtS       float64  `json:"at_s"`        // when the wait began, seconds since the report's start
	Ms        float64  `json:"ms"`          // how long the callback waited
	UICPUMs   float64  `json:"ui_cpu_ms"`   // CPU the UI thread used meanwhile; -1 when unknown
	ProcCPUMs float64  `json:"proc_cpu_ms"` // CPU the whole process used meanwhile; -1 when unknown
	Stacks    []string `json:"ui_stacks,omitempty"`
}

// stallBucket counts the waits up to UpToMs (the last bucket: over OverMs).
type stallBucket struct {
	UpToMs float64 `json:"up_to_ms,omitempty"`
	OverMs float64 `json:"over_ms,omitempty"`
	N      int     `json:"n"`
}

// stallReport is what the probe writes: the waits of one stretch of time.
type stallReport struct {
	Seconds  float64       `json:"seconds"`
	Samples  int           `json:"samples"`
	MaxMs    float64       `json:"max_ms"`
	P50Ms    float64       `json:"p50_ms"`
	P99Ms    float64       `json:"p99_ms"`
	Over50ms int           `json:"over_50ms"` // waits longer than stallLimit
	Hist     []stallBucket `json:"hist"`
	Worst    []stallEvent  `json:"worst"` // the longest, longest first
}

// stallRecorder gathers the waits; safe for concurrent use.
type stallRecorder struct {
	mu    sync.Mutex
	start time.Time
	waits []time.Duration
	worst []stallEvent
}

func newStallRecorder(now time.Time) *stallRecorder { return &stallRecorder{start: now} }

// add records one wait that began at posted. uiCPU and procCPU are the CPU
// used meanwhile (negative: unknown); stacks, the UI goroutine's stacks
// taken during it.
func (r *stallRecorder) add(posted time.Time, wait, uiCPU, procCPU time.Duration, stacks []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.waits = append(r.waits, wait)
	if len(r.worst) == stallWorstKept && wait <= msDuration(r.worst[len(r.worst)-1].Ms) {
		return
	}
	ev := stallEvent{AtS: round3(posted.Sub(r.start).Seconds()), Ms: ms(wait), UICPUMs: ms(uiCPU), ProcCPUMs: ms(procCPU), Stacks: stacks}
	if uiCPU < 0 {
		ev.UICPUMs = -1
	}
	if procCPU < 0 {
		ev.ProcCPUMs = -1
	}
	i, _ := slices.BinarySearchFunc(r.worst, ev.Ms, func(e stallEvent, t float64) int {
		switch {
		case e.Ms > t:
			return -1
		case e.Ms < t:
			return 1
		}
		return 0
	})
	r.worst = slices.Insert(r.worst, i, ev)
	if len(r.worst) > stallWorstKept {
		r.worst = r.worst[:stallWorstKept]
	}
}

// take returns the report of what was recorded since the last take (or the
// start) and starts afresh at now.
func (r *stallRecorder) take(now time.Time) stallReport {
	r.mu.Lock()
	waits, worst, start := r.waits, r.worst, r.start
	r.waits, r.worst, r.start = nil, nil, now
	r.mu.Unlock()
	return stallSummary(waits, worst, now.Sub(start))
}

// stallSummary makes the report of a stretch of waits.
func stallSummary(waits []time.Duration, worst []stallEvent, span time.Duration) stallReport {
	rep := stallReport{Seconds: round3(span.Seconds()), Samples: len(waits), Worst: worst}
	if rep.Worst == nil {
		rep.Worst = []stallEvent{}
	}
	counts := make([]int, len(stallBounds)+1)
	for _, w := range waits {
		i, _ := slices.BinarySearch(stallBounds, w) // the first bound ≥ w
		counts[i]++
		if w > stallLimit {
			rep.Over50ms++
		}
	}
	for i, b := range stallBounds {
		rep.Hist = append(rep.Hist, stallBucket{UpToMs: ms(b), N: counts[i]})
	}
	rep.Hist = append(rep.Hist, stallBucket{OverMs: ms(stallBounds[len(stallBounds)-1]), N: counts[len(stallBounds)]})
	if len(waits) > 0 {
		sorted := slices.Clone(waits)
		slices.Sort(sorted)
		rep.MaxMs = ms(sorted[len(sorted)-1])
		rep.P50Ms = ms(percentile(sorted, 50))
		rep.P99Ms = ms(percentile(sorted, 99))
	}
	return rep
}

// percentile is the p-th percentile of sorted (nearest rank).
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p+99)/100 - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) float64 { return round3(float64(d) / float64(time.Millisecond)) }

func msDuration(m float64) time.Duration { return time.Duration(m * float64(time.Millisecond)) }

func round3(f float64) float64 {
	if f < 0 {
		return -round3(-f)
	}
	return float64(int64(f*1000+0.5)) / 1000
}

// writeStallReport writes rep to path as one line of JSON, through a file
// beside it renamed into place, so a reader never sees half a report.
func writeStallReport(path string, rep stallReport) error {
	b, err := json.Marshal(rep)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".stalls-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(append(b, '\n'))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// uiStack is the UI goroutine's stack in short, out of the text of
// runtime.Stack(buf, true): the goroutine running Fyne's loop (runGL), else
// goroutine 1. "" when neither is found.
func uiStack(all string) string {
	var block string
	for b := range strings.SplitSeq(all, "\n\n") {
		if strings.Contains(b, "(*gLDriver).runGL") {
			block = b
			break
		}
		if strings.HasPrefix(b, "goroutine 1 [") && block == "" {
			block = b
		}
	}
	if block == "" {
		return ""
	}
	return condenseStack(block)
}

// condenseStack turns one goroutine's block of runtime.Stack text into
// "state: f1 < f2 < …": the innermost stallStackFrames functions, then
// only the program's own (motcua/…) further down, without arguments, file
// names or repeats.
func condenseStack(block string) string {
	sc := bufio.NewScanner(strings.NewReader(block))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var state string
	var frames []string
	n, skipped := 0, false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "goroutine "):
			if i, j := strings.IndexByte(line, '['), strings.LastIndexByte(line, ']'); i >= 0 && j > i {
				state = line[i+1 : j]
			}
			continue
		case strings.HasPrefix(line, "\t"), line == "", strings.HasPrefix(line, "created by "):
			continue
		}
		fn := line
		if i := strings.LastIndexByte(fn, '('); i > 0 && strings.HasSuffix(fn, ")") {
			fn = fn[:i]
		}
		n++
		if n > stallStackFrames && !strings.HasPrefix(fn, "motcua/") {
			skipped = true
			continue
		}
		if skipped {
			frames = append(frames, "…")
			skipped = false
		}
		if len(frames) > 0 && frames[len(frames)-1] == fn {
			continue
		}
		frames = append(frames, fn)
	}
	if skipped {
		frames = append(frames, "…")
	}
	s := strings.Join(frames, " < ")
	if state != "" {
		s = state + ": " + s
	}
	return s
}

// stallUITID is the UI thread's id (Linux), learnt in the first callback.
var stallUITID atomic.Int64

// startStallProbe starts the probe when MOTCUA_STALLS names a file. Call it
// once the Fyne app exists.
func startStallProbe() {
	path := os.Getenv("MOTCUA_STALLS")
	if path == "" {
		return
	}
	sig := stallSignals()
	if sig == nil {
		log.Printf("MOTCUA_STALLS: the stall probe runs on Linux only")
		return
	}
	rec := newStallRecorder(time.Now())
	profiles := os.Getenv("MOTCUA_STALLS_PROFILE")
	go func() {
		stopProfile := func() {}
		for n := 1; ; n++ {
			<-sig
			if err := writeStallReport(path, rec.take(time.Now())); err != nil {
				log.Printf("MOTCUA_STALLS: %v", err)
			}
			if profiles != "" {
				stopProfile()
				stopProfile = stallProfile(filepath.Join(profiles, fmt.Sprintf("stalls-%d.prof", n+1)))
			}
		}
	}()
	go stallLoop(rec)
}

// stallProfile starts a CPU profile into path and returns what ends it
// (nothing to end when it could not start).
func stallProfile(path string) (stop func()) {
	stop, err := cpuProfile(path)
	if err != nil {
		log.Printf("MOTCUA_STALLS_PROFILE: %v", err)
		return func() {}
	}
	return stop
}

// stallLoop posts the callbacks and records their waits, forever.
func stallLoop(rec *stallRecorder) {
	ran := make(chan time.Time, 1)
	callback := func() {
		if stallUITID.Load() == 0 {
			stallUITID.Store(int64(currentThreadID()))
		}
		ran <- time.Now()
	}
	buf := make([]byte, 1<<20)
	timer := time.NewTimer(time.Hour)
	for {
		tid := int(stallUITID.Load())
		ui0, proc0 := threadCPU(tid), processCPU()
		posted := time.Now()
		fyne.Do(callback)
		var stacks []string
		timer.Reset(stallStackAfter)
		var at time.Time
	wait:
		for {
			select {
			case at = <-ran:
				break wait
			case <-timer.C:
				if len(stacks) < stallStacksPerBlock {
					n := runtime.Stack(buf, true)
					if s := uiStack(string(buf[:n])); s != "" {
						stacks = append(stacks, s)
					}
				}
				timer.Reset(stallStackEvery)
			}
		}
		timer.Stop()
		ui, proc := time.Duration(-1), time.Duration(-1)
		if ui1 := threadCPU(tid); ui0 >= 0 && ui1 >= 0 && tid != 0 {
			ui = ui1 - ui0
		}
		if proc1 := processCPU(); proc0 >= 0 && proc1 >= 0 {
			proc = proc1 - proc0
		}
		rec.add(posted, at.Sub(posted), ui, proc, stacks)
		time.Sleep(stallPeriod)
	}
}
