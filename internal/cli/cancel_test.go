package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/office"
)

// Ctrl+C during `motcua report -o so.xlsx` stops the workbook in its loop:
// the command says it was cancelled, in Vietnamese, and writes no file.
func TestCtrlCStopsAReportAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	now := time.Date(2026, 12, 1, 8, 0, 0, 0, time.Local)
	o, err := office.Open(db, office.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.FillDemoProfile(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Seed(context.Background(), office.SeedOptions{Dossiers: 600, Years: 1, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	o.Close()

	out := filepath.Join(dir, "bao-cao.xlsx")
	ctx, cancel := context.WithCancel(context.Background())
	// The interrupt lands once the book's rows are under way.
	ctx = office.WithProgress(ctx, func(done, total int) {
		if done > 0 {
			cancel()
		}
	})
	var stdout, stderr bytes.Buffer
	code := RunContext(ctx, []string{"--db", db, "report", "--from", "2025-12-01", "--to", "2026-11-30", "-o", out}, &stdout, &stderr)
	if code != ExitError || !strings.Contains(stderr.String(), "Đã hủy theo yêu cầu (Ctrl+C)") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if e.Name() != "c.db" && !strings.HasPrefix(e.Name(), "c.db") && e.Name() != office.BackupFolder {
			t.Errorf("a cancelled report left %s", e.Name())
		}
	}

	// Uncancelled, the same command writes the workbook.
	stderr.Reset()
	if code := RunContext(context.Background(), []string{"--db", db, "report", "--from", "2025-12-01", "--to", "2026-11-30", "-o", out}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
}
