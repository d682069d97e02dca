package docs

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var (
	dumpDir   = flag.String("dump", "", "write every case's PDF into this folder, to look at or compare bytes")
	dumpPaper = flag.String("dumppaper", "", "the forms' paper in the sample profile (A4, A5, A5x2); default A4")
)

// TestDump writes every case's PDF: go test ./internal/docs -run TestDump -dump DIR [-dumppaper A5].
func TestDump(t *testing.T) {
	if *dumpDir == "" {
		t.Skip("run with -dump DIR")
	}
	for _, c := range cases(t) {
		if err := os.WriteFile(filepath.Join(*dumpDir, c.name+".pdf"), render(t, c.render), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
