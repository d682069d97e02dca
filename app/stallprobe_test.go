package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func msd(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }

func TestStallSummaryCountsAndPercentiles(t *testing.T) {
	var waits []time.Duration
	for _, m := range []float64{1, 4, 5, 6, 12, 20, 40, 50, 51, 60, 120, 700} {
		waits = append(waits, msd(m))
	}
	rep := stallSummary(waits, nil, 3*time.Second)
	if rep.Samples != 12 || rep.Seconds != 3 {
		t.Fatalf("samples %d, seconds %v", rep.Samples, rep.Seconds)
	}
	if rep.MaxMs != 700 || rep.Over50ms != 4 { // 50 exactly is not over
		t.Errorf("max %v, over 50 ms %d; want 700 and 4", rep.MaxMs, rep.Over50ms)
	}
	if rep.P50Ms != 20 || rep.P99Ms != 700 {
		t.Errorf("p50 %v, p99 %v; want 20 and 700", rep.P50Ms, rep.P99Ms)
	}
	want := []int{3, 1, 1, 1, 2, 2, 1, 0, 1} // ≤5, ≤10, ≤17, ≤33, ≤50, ≤100, ≤200, ≤500, >500
	if len(rep.Hist) != len(want) {
		t.Fatalf("%d buckets, want %d", len(rep.Hist), len(want))
	}
	total := 0
	for i, b := range rep.Hist {
		if b.N != want[i] {
			t.Errorf("bucket %d (%+v): %d, want %d", i, b, b.N, want[i])
		}
		total += b.N
	}
	if total != rep.Samples {
		t.Errorf("buckets hold %d waits of %d", total, rep.Samples)
	}
	if last := rep.Hist[len(rep.Hist)-1]; last.OverMs != 500 || last.UpToMs != 0 {
		t.Errorf("last bucket %+v, want over 500 ms", last)
	}
	if empty := stallSummary(nil, nil, time.Second); empty.MaxMs != 0 || empty.Samples != 0 || empty.Worst == nil {
		t.Errorf("empty report %+v", empty)
	}
}

func TestStallRecorderKeepsTheLongestAndStartsAfresh(t *testing.T) {
	t0 := time.Unix(1000, 0)
	r := newStallRecorder(t0)
	for i := range 20 {
		// 0, 10, 20 … 190 ms, out of order.
		m := float64((i * 7 % 20) * 10)
		r.add(t0.Add(time.Duration(i)*time.Second), msd(m), msd(m/2), -1, []string{fmt.Sprint(m)})
	}
	rep := r.take(t0.Add(30 * time.Second))
	if rep.Samples != 20 || rep.Seconds != 30 || rep.MaxMs != 190 || rep.Over50ms != 14 {
		t.Fatalf("report %+v", rep)
	}
	if len(rep.Worst) != stallWorstKept {
		t.Fatalf("%d worst kept, want %d", len(rep.Worst), stallWorstKept)
	}
	for i, ev := range rep.Worst {
		want := float64(190 - 10*i)
		if ev.Ms != want || ev.UICPUMs != want/2 || ev.ProcCPUMs != -1 || len(ev.Stacks) != 1 || ev.Stacks[0] != fmt.Sprint(want) {
			t.Errorf("worst[%d] = %+v, want %v ms", i, ev, want)
		}
		// The wait of m ms was the i-th added, i·7 ≡ m/10 (mod 20).
		if at := int(ev.AtS); at*7%20*10 != int(want) {
			t.Errorf("worst[%d] began at %v s", i, ev.AtS)
		}
	}
	next := r.take(t0.Add(32 * time.Second))
	if next.Samples != 0 || len(next.Worst) != 0 || next.Seconds != 2 {
		t.Errorf("after a take: %+v", next)
	}
}

func TestStallReportFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "stalls.json")
	rep := stallSummary([]time.Duration{msd(3), msd(80)}, []stallEvent{{AtS: 1.5, Ms: 80, UICPUMs: 61.5, ProcCPUMs: 90, Stacks: []string{"running: a < b"}}}, 2*time.Second)
	for range 2 { // the second write replaces the first
		if err := writeStallReport(path, rep); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(b), "\n"); lines != 1 || !strings.HasSuffix(string(b), "}\n") {
		t.Errorf("the report is not one line of JSON: %q", b)
	}
	// The names scripts/bench-window.sh and scripts/bench.sh read.
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"seconds", "samples", "max_ms", "p50_ms", "p99_ms", "over_50ms", "hist", "worst"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("no %q in %s", k, b)
		}
	}
	got, err := readStallReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.MaxMs != 80 || got.Over50ms != 1 || got.Samples != 2 || len(got.Worst) != 1 || got.Worst[0].UICPUMs != 61.5 || got.Worst[0].Stacks[0] != "running: a < b" {
		t.Errorf("read back %+v", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left beside the report: %v", entries)
	}
	if err := os.WriteFile(path, []byte("{half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readStallReport(path); err == nil {
		t.Error("a broken report was read without an error")
	}
}

const fakeStacks = `goroutine 7 [select]:
motcua/app.stallLoop(0xc000123456)
	/src/app/stallprobe.go:300 +0x1a5
created by motcua/app.startStallProbe in goroutine 1
	/src/app/stallprobe.go:280 +0x85

goroutine 1 [syscall, locked to thread]:
github.com/go-gl/gl/v2.1/gl._Cfunc_glowTexImage2D(0x7f, 0xde1)
	_cgo_gotypes.go:100 +0x4a
github.com/go-gl/gl/v2.1/gl.TexImage2D(...)
	/mod/gl/package.go:1 +0x10
fyne.io/fyne/v2/internal/painter/gl.(*painter).newGlTextTexture(0xc0001, {0x1, 0x2})
	/mod/painter/gl/texture.go:1 +0x10
fyne.io/fyne/v2/internal/painter/gl.(*painter).getTexture(...)
	/mod/painter/gl/texture.go:2 +0x10
fyne.io/fyne/v2/internal/driver/glfw.(*gLDriver).drawSingleFrame(0xc0002)
	/mod/glfw/loop.go:1 +0x10
fyne.io/fyne/v2/internal/driver/glfw.(*gLDriver).runGL(0xc0002)
	/mod/glfw/loop.go:190 +0x10
fyne.io/fyne/v2/internal/driver/glfw.(*gLDriver).Run(0xc0002)
	/mod/glfw/driver.go:1 +0x10
motcua/app.Run({{0x0, 0x0}, {0x1, 0x2}})
	/src/app/run.go:100 +0x10
main.main()
	/src/main.go:10 +0x10
`

func TestUIStackFindsFynesLoopInShort(t *testing.T) {
	got := uiStack(fakeStacks)
	want := "syscall, locked to thread: github.com/go-gl/gl/v2.1/gl._Cfunc_glowTexImage2D < github.com/go-gl/gl/v2.1/gl.TexImage2D < " +
		"fyne.io/fyne/v2/internal/painter/gl.(*painter).newGlTextTexture < fyne.io/fyne/v2/internal/painter/gl.(*painter).getTexture < " +
		"fyne.io/fyne/v2/internal/driver/glfw.(*gLDriver).drawSingleFrame < fyne.io/fyne/v2/internal/driver/glfw.(*gLDriver).runGL < " +
		"fyne.io/fyne/v2/internal/driver/glfw.(*gLDriver).Run < motcua/app.Run < main.main"
	if got != want {
		t.Errorf("uiStack =\n%s\nwant\n%s", got, want)
	}
	if s := uiStack("goroutine 5 [running]:\nmain.f()\n\tx.go:1 +0x1\n"); s != "" {
		t.Errorf("no UI goroutine, yet %q", s)
	}
	// Without Fyne's loop, goroutine 1 stands for it (this test binary's).
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	if s := uiStack(string(buf[:n])); !strings.Contains(s, "testing.") {
		t.Errorf("goroutine 1 of a test binary: %q", s)
	}
}

func TestCondenseStackKeepsTheProgramsOwnFramesDeepDown(t *testing.T) {
	var b strings.Builder
	b.WriteString("goroutine 1 [running]:\n")
	for i := range 20 {
		fmt.Fprintf(&b, "fyne.io/fyne/v2/widget.f%d(0x1)\n\t/x.go:1 +0x1\n", i)
		if i == 15 {
			b.WriteString("motcua/app.(*registerScreen).updateRow(0x1, 0x2)\n\t/r.go:1 +0x1\n")
			b.WriteString("motcua/app.(*registerScreen).updateRow(0x1, 0x2)\n\t/r.go:1 +0x1\n") // recursion shows once
		}
	}
	got := condenseStack(b.String())
	parts := strings.Split(strings.TrimPrefix(got, "running: "), " < ")
	want := []string{}
	for i := range stallStackFrames {
		want = append(want, fmt.Sprintf("fyne.io/fyne/v2/widget.f%d", i))
	}
	want = append(want, "…", "motcua/app.(*registerScreen).updateRow", "…")
	if strings.Join(parts, "|") != strings.Join(want, "|") {
		t.Errorf("condensed:\n%s", got)
	}
}

// readStallReport reads a report writeStallReport wrote.
func readStallReport(path string) (stallReport, error) {
	var rep stallReport
	b, err := os.ReadFile(path)
	if err != nil {
		return rep, err
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return rep, fmt.Errorf("%s: %w", path, err)
	}
	return rep, nil
}
