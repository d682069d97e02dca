package office

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// cancelAfter is a context that reports progress into seen and cancels
// itself once a report says at least n items are done: the cancel lands
// in the middle of the task's loop, at a known point, with no timing.
type cancelAfter struct {
	mu     sync.Mutex
	seen   []int
	totals []int
}

func (c *cancelAfter) ctx(n int) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	return WithProgress(ctx, func(done, total int) {
		c.mu.Lock()
		c.seen = append(c.seen, done)
		c.totals = append(c.totals, total)
		c.mu.Unlock()
		if done >= n {
			cancel()
		}
	})
}

func (c *cancelAfter) last() (done, total int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.seen) == 0 {
		return -1, -1
	}
	return c.seen[len(c.seen)-1], c.totals[len(c.totals)-1]
}

// noFiles fails when dir holds any file (a half-written output or a
// temporary one left behind).
func noFiles(t *testing.T, dir string) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		t.Errorf("a cancelled task left %s in %s", e.Name(), dir)
	}
}

// seededOffice is a register of 1,500 dossiers over a year.
func seededOffice(t *testing.T) *Office {
	t.Helper()
	o := openAt(t, filepath.Join(t.TempDir(), "c.db"), "2026-12-01 08:00")
	if _, err := o.Seed(context.Background(), SeedOptions{Dossiers: 1500, Years: 1, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestCancelledRegisterBookStopsEarly(t *testing.T) {
	o := seededOffice(t)
	from, to := vn("2025-12-01 00:00"), vn("2026-11-30 00:00")

	// Uncancelled, the progress runs to its total.
	var full cancelAfter
	var buf bytes.Buffer
	if err := o.PrintRegister(full.ctx(1<<30), &buf, from, to); err != nil {
		t.Fatal(err)
	}
	done, total := full.last()
	if total < 2000 || done != total || buf.Len() == 0 {
		t.Fatalf("a whole book reported %d of %d and wrote %d bytes", done, total, buf.Len())
	}

	var c cancelAfter
	buf.Reset()
	err := o.PrintRegister(c.ctx(total/2), &buf, from, to)
	if !Cancelled(err) {
		t.Fatalf("a cancelled book returned %v", err)
	}
	if d, _ := c.last(); d > total/2+stepEvery {
		t.Errorf("the book went on to %d of %d after the cancel at %d", d, total, total/2)
	}
	if buf.Len() != 0 {
		t.Errorf("a cancelled book wrote %d bytes", buf.Len())
	}
}

func TestCancelledReportWorkbookStopsEarly(t *testing.T) {
	o := seededOffice(t)
	ctx := context.Background()
	p, err := o.ReportPeriod("", vn("2025-12-01 00:00"), vn("2026-11-30 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := o.Report(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	var c cancelAfter
	var buf bytes.Buffer
	err = o.WriteReport(c.ctx(stepEvery), &buf, r, FormatXLSX)
	if !Cancelled(err) {
		t.Fatalf("a cancelled workbook returned %v", err)
	}
	if d, total := c.last(); d > 2*stepEvery || total < 1000 {
		t.Errorf("the workbook went on to row %d of %d after the cancel at %d", d, total, stepEvery)
	}
	if buf.Len() != 0 {
		t.Errorf("a cancelled workbook wrote %d bytes", buf.Len())
	}
	// A task cancelled before it starts does nothing, in every format.
	gone, cancel := context.WithCancel(ctx)
	cancel()
	for _, f := range []string{FormatPDF, FormatCSV, FormatXLSX} {
		if err := o.WriteReport(gone, &buf, r, f); !Cancelled(err) || buf.Len() != 0 {
			t.Errorf("%s: %v, %d bytes", f, err, buf.Len())
		}
	}
}

func TestCancelledExportLeavesNoFileAndNoNumber(t *testing.T) {
	dir := t.TempDir()
	o, _ := commune(t, dir, "000.00.01.H56", "Xã Đông Văn", 1500, 3)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := o.Export(ctx, ExportRequest{Period: yearPeriod(), Path: filepath.Join(out, "goi.zip"), Passphrase: []byte(pass), AppVersion: "test",
		Progress: func(n int) {
			calls++
			cancel() // at the first report: 500 records written
		}})
	if !Cancelled(err) {
		t.Fatalf("a cancelled export returned %v", err)
	}
	if calls != 1 {
		t.Errorf("the export reported %d times after its cancel", calls)
	}
	noFiles(t, out)
	// The sequence number was not used: the next export is number 1.
	res := export(t, o, yearPeriod(), filepath.Join(out, "goi.zip"))
	if res.Sequence != 1 {
		t.Errorf("after a cancelled export the next one is number %d", res.Sequence)
	}
}

func TestCancelledBackupLeavesNoFile(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "b.db"), "2026-12-01 08:00")
	receive(t, o, "khai-sinh", "Nguyễn Văn An")
	usb := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := o.Backup(ctx, usb); !Cancelled(err) {
		t.Fatalf("a cancelled backup returned %v", err)
	}
	noFiles(t, usb)
	path, err := o.Backup(context.Background(), usb)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != usb {
		t.Fatalf("backup went to %s", path)
	}
	es, _ := os.ReadDir(usb)
	if len(es) != 1 {
		t.Errorf("a backup left %d files, want just itself", len(es))
	}
}

func TestCancelledImportAddsNothing(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "i.db"), "2026-12-01 08:00")
	ctx := context.Background()
	var rows [][]any
	for i := 0; i < 300; i++ {
		rows = append(rows, []any{i + 1, "", "Đăng ký khai sinh", "Nguyễn Văn An", "Thôn Đông", "", fmt.Sprintf("02/11/2026 %02d:%02d", 7+i/60, i%60), "", "", ""})
	}
	plan, err := o.PlanImport(ctx, bytes.NewReader(registerXLSX(t, rows)), "so.xlsx", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Ready) < 200 {
		t.Fatalf("only %d rows ready: %v", len(plan.Ready), plan.Problems)
	}
	var c cancelAfter
	if _, err := o.ApplyImport(c.ctx(stepEvery), plan); !Cancelled(err) {
		t.Fatalf("a cancelled import returned %v", err)
	}
	if n := o.countDossiers(t); n != 0 {
		t.Errorf("a cancelled import left %d dossiers in the register", n)
	}
	if d, _ := c.last(); d > 2*stepEvery {
		t.Errorf("the import went on to row %d after the cancel", d)
	}
}
