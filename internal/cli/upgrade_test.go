package cli

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/internal/store"
)

// A command on a register made by an older release says on stderr that it
// is upgrading, step by step, and not to turn the computer off; stdout
// carries only the command's answer. The next command says nothing.
func TestCommandLineShowsUpgradeProgress(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := store.Open(path, store.Options{MaxMigration: 4})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	var out, errb bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errb, Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }, ctx: t.Context()}
	if code := e.run([]string{"--db", path, "letters"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	steps := store.SchemaVersion - 4
	for _, want := range []string{"lược đồ 4", "không tắt máy tính", "Đang kiểm tra tệp dữ liệu", "Đang sao lưu sổ trước khi nâng cấp",
		"bước 1/", "bước " + itoa(steps) + "/" + itoa(steps)} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	if strings.Contains(out.String(), "nâng cấp") {
		t.Errorf("progress on stdout: %s", out.String())
	}
	out.Reset()
	errb.Reset()
	if code := e.run([]string{"--db", path, "letters"}); code != 0 || strings.Contains(errb.String(), "nâng cấp") {
		t.Fatalf("second command: exit %d, stderr %q", code, errb.String())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
