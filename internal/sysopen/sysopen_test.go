package sysopen

import (
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
