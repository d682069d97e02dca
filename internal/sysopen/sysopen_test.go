package sysopen

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWindowsCommandKeepsPathWhole(t *testing.T) {
	p := `C:\Users\Lan\Giấy hẹn & thư\giay-hen.pdf`
	cmd, err := command("windows", p)
	if err != nil {
		t.Fatal(err)
	}
	if len(cmd.Args) != 3 || cmd.Args[2] != p || !strings.Contains(cmd.Args[1], "FileProtocolHandler") {
		t.Fatalf("args %q", cmd.Args)
	}
}

func TestOpenMissingFile(t *testing.T) {
	err := Open(filepath.Join(t.TempDir(), "khong-co.pdf"))
	if err == nil || !strings.Contains(err.Error(), "không tìm thấy tệp") {
		t.Fatalf("got %v", err)
	}
}

// MOTCUA_VIEWER=none opens and prints nothing, and says so.
func TestViewerOffOpensNothingAndSaysSo(t *testing.T) {
	p := filepath.Join(t.TempDir(), "giay-hen.pdf")
	if err := os.WriteFile(p, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(ViewerEnv, "none")
	if err := Open(p); !errors.Is(err, ErrViewerOff) {
		t.Fatalf("Open: %v", err)
	}
	printed, err := Print(p)
	if printed || !errors.Is(err, ErrViewerOff) || !strings.Contains(err.Error(), "không được mở hay in") {
		t.Fatalf("Print: %v %v", printed, err)
	}
	if _, err := Print(filepath.Join(t.TempDir(), "khong-co.pdf")); err == nil || !strings.Contains(err.Error(), "không tìm thấy tệp") {
		t.Fatalf("Print of a missing file: %v", err)
	}
}
