package cli

import (
	"bytes"
	"motcua/internal/store/storetest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/office"
)

// A letter gets its number only if its PDF was written: an output folder
// that does not exist, or a directory given as the file, leaves the
// outgoing book as it was and nothing in the issued list; the next letter
// that is written gets number 1. An issued letter can be printed again by
// its number.
func TestLetterNumberOnlyWhenWritten(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	for _, bad := range []string{filepath.Join(dir, "no-such-folder", "x.pdf"), dir} {
		_, errs, code := run(t, db, monday, "print", "letter", "--kind", "thanks", "--to", "Ông Lò Văn Pọm",
			"--field", "noi_dung=ủng hộ xây nhà văn hóa", "-o", bad)
		if code == 0 || !strings.Contains(errs, "chưa được cấp số") {
			t.Fatalf("print to %s: exit %d, %s", bad, code, errs)
		}
	}
	out, errs, code := run(t, db, monday, "letters", "--json")
	if code != 0 || strings.TrimSpace(out) != "null" && strings.TrimSpace(out) != "[]" {
		t.Fatalf("a failed print left letters behind: %s %s", out, errs)
	}
	good := filepath.Join(dir, "thư.pdf")
	out, errs, code = run(t, db, monday, "print", "letter", "--kind", "thanks", "--to", "Ông Lò Văn Pọm",
		"--field", "noi_dung=ủng hộ xây nhà văn hóa", "-o", good, "--json")
	if code != 0 || !strings.Contains(out, `"number": 1`) {
		t.Fatalf("first written letter: %s %s", out, errs)
	}
	first, _ := os.ReadFile(good)
	again := filepath.Join(dir, "in lại #1.pdf")
	out, errs, code = run(t, db, monday, "print", "letter", "--number", "1/2026", "-o", again, "--json")
	if code != 0 || !strings.Contains(out, `"number": 1`) {
		t.Fatalf("reprint: %s %s", out, errs)
	}
	if b, _ := os.ReadFile(again); len(b) == 0 || len(b) != len(first) {
		t.Fatalf("reprint differs in size: %d vs %d", len(b), len(first))
	}
	for _, bad := range []string{"2/2026", "1/2025", "abc", "1/0000", "0/2026"} {
		if _, errs, code := run(t, db, monday, "print", "letter", "--number", bad, "-o", filepath.Join(dir, "x.pdf")); code == 0 {
			t.Fatalf("reprint of %s: %s", bad, errs)
		}
	}
}

// A damaged register is opened read-only: commands that read still answer
// (with the warning), changes are refused with a sentence saying what to do.
func TestDamagedRegisterReadOnlyFromTheCommandLine(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("damages a SQLite file's pages")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if _, errs, code := run(t, db, monday, "seed", "--dossiers", "3000", "--years", "1"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, db, monday, "backup", "-o", filepath.Join(dir, "sao-luu", "d-2026-11-22.db")); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(db)
	const page = 4096
	for p := len(b) / page / 2; p < len(b)/page-1; p += 3 {
		for i := p*page + 8; i < (p+1)*page; i++ {
			b[i] = byte(i * 13)
		}
	}
	os.WriteFile(db, b, 0o644)
	os.Remove(db + ".kiem-tra")
	_, errs, code := run(t, db, monday, "procedures")
	if code != 0 || !strings.Contains(errs, "Cảnh báo") || !strings.Contains(errs, "bị hỏng") || !strings.Contains(errs, "d-2026-11-22.db") {
		t.Fatalf("read of a damaged register: exit %d, %s", code, errs)
	}
	_, errs, code = run(t, db, monday, "receive", "--procedure", "khai-sinh", "--applicant", "Lò Văn Pọm")
	if code == 0 || !strings.Contains(errs, "chỉ mở để xem") {
		t.Fatalf("write to a damaged register: exit %d, %s", code, errs)
	}
}

func TestAuditVerifyCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	out, errs, code := run(t, db, monday, "receive", "--procedure", "chung-thuc-ban-sao", "--applicant", "Nguyễn Văn An",
		"--at", "2026-11-20 08:00", "--json")
	if code != 0 || !strings.Contains(out, `"backdated": true`) {
		t.Fatalf("backdated receive: %s %s", out, errs)
	}
	var d struct{ Code string }
	mustJSON(t, out, &d)
	if out, _, _ := run(t, db, monday, "show", d.Code); !strings.Contains(out, "ghi lùi ngày") {
		t.Fatalf("show does not mark the backdated step:\n%s", out)
	}
	out, errs, code = run(t, db, monday, "audit", "verify")
	if code != 0 || !strings.Contains(out, "Nhật ký nguyên vẹn") {
		t.Fatalf("verify of a clean register: %d %s %s", code, out, errs)
	}
	o, err := office.Open(storetest.DSN(t, db), office.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o.Store().DB().Exec(`UPDATE dossiers SET applicant_name = 'Người Khác'`)
	o.Close()
	out, errs, code = run(t, db, monday, "audit", "verify", "--json")
	if code != ExitError || !strings.Contains(errs, "đã bị sửa ngoài phần mềm") || !strings.Contains(out, "dossier_edited") {
		t.Fatalf("verify of an edited register: %d %s %s", code, out, errs)
	}
}

func TestBackupRestoreCommands(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("restores a SQLite file in place; a server is restored with pg_restore (office.Restore refuses a URL)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	for _, name := range []string{"Nguyễn Văn An", "Trần Thị Bình"} {
		if _, errs, code := run(t, db, monday, "receive", "--procedure", "khai-sinh", "--applicant", name); code != 0 {
			t.Fatal(errs)
		}
	}
	usb := filepath.Join(dir, "USB")
	os.Mkdir(usb, 0o755)
	out, errs, code := run(t, db, monday, "backup", "-o", usb, "--json")
	if code != 0 || !strings.Contains(out, `"dossiers": 2`) {
		t.Fatalf("backup: %s %s", out, errs)
	}
	var b struct{ File string }
	mustJSON(t, out, &b)
	run(t, db, monday, "receive", "--procedure", "khai-sinh", "--applicant", "Lê Văn Cường")

	// Answered "không": nothing changes.
	var o, e bytes.Buffer
	env := &Env{Stdout: &o, Stderr: &e, Now: func() time.Time { return monday }, ctx: t.Context(), Stdin: strings.NewReader("không\n")}
	if code := env.run([]string{"--db", db, "restore", b.File}); code == 0 || !strings.Contains(e.String(), "1 hồ sơ") {
		t.Fatalf("restore answered no: %d %s", code, e.String())
	}
	if n := countIn(t, db); n != 3 {
		t.Fatalf("after a refused restore: %d dossiers", n)
	}
	out, errs, code = run(t, db, monday, "restore", b.File, "--yes")
	if code != 0 || !strings.Contains(out, "Đã khôi phục") || !strings.Contains(out, "được giữ ở") {
		t.Fatalf("restore --yes: %d %s %s", code, out, errs)
	}
	if n := countIn(t, db); n != 2 {
		t.Fatalf("after the restore: %d dossiers", n)
	}
}

func countIn(t *testing.T, db string) int {
	t.Helper()
	o, err := office.Open(db, office.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	n, err := o.Count(t.Context(), office.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
