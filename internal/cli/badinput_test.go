package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The loose parses the issue found are refused with a sentence, and the
// register is not touched by any of them.
func TestLooseInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte("  \n\n"), 0o644)
	badUTF8 := filepath.Join(dir, "bad.json")
	os.WriteFile(badUTF8, []byte(`[{"code":"x","name":"Nguy`+"\xff"+`n","field":"a","limit":{"value":1,"unit":"working_days"},"version":1}]`), 0o644)
	upper := filepath.Join(dir, "upper.json")
	os.WriteFile(upper, []byte(`[{"code":"khai_sinh","name":"Khai sinh","field":"a","limit":{"value":1,"unit":"working_days"},"version":1}]`), 0o644)
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"calendar", "holidays", "2026abc"}, "không hợp lệ"},
		{[]string{"calendar", "holidays", "0000"}, "không hợp lệ"},
		{[]string{"calendar", "schedule", "2026x"}, "không hợp lệ"},
		{[]string{"calendar", "day", "0000-01-01"}, "ngoài khoảng"},
		{[]string{"calendar", "due", "--limit", "0d"}, "lớn hơn 0"},
		{[]string{"calendar", "due", "--limit", "-3d"}, ""},
		{[]string{"letters", "--status", "weird"}, "không có"},
		{[]string{"bench", "--samples", "-1"}, "--samples"},
		{[]string{"seed", "--dossiers", "10", "--years", "100000"}, "--years"},
		{[]string{"receive", "--procedure", "khai-sinh", "--applicant", "A", "--at", "0000-01-01 08:00"}, "ngoài khoảng"},
		{[]string{"receive", "--procedure", "khai-sinh", "--applicant", strings.Repeat("Nguyễn ", 40)}, "quá giới hạn"},
		{[]string{"receive", "--procedure", "khai-sinh", "--applicant", "An", "--note", strings.Repeat("ghi chú dài ", 10000)}, "Ghi chú dài"},
		{[]string{"receive", "--procedure", "khai-sinh", "--applicant", "Nguy\xffn"}, "UTF-8"},
		{[]string{"letter-template", "thanks", "--set", empty}, "trống"},
		{[]string{"procedures", "import", badUTF8}, "UTF-8"},
		{[]string{"procedures", "import", upper}, "không được dùng"},
		{[]string{"procedures", "import", empty}, "trống"},
	} {
		_, errs, code := run(t, db, monday, c.args...)
		if code == 0 || !strings.Contains(errs, c.says) {
			t.Errorf("%q: exit %d, %s", c.args, code, errs)
		}
	}
	out, _, _ := run(t, db, monday, "search", "--json", "nguyen")
	if strings.TrimSpace(out) != "[]" {
		t.Fatalf("a refused input left a dossier: %s", out)
	}
	// A name with a right-to-left override and a zero-width space is stored clean.
	out, errs, code := run(t, db, monday, "receive", "--procedure", "khai-sinh", "--applicant", "Ngu\u200byễn \u202eVăn An", "--json")
	if code != 0 || !strings.Contains(out, `"name": "Nguyễn Văn An"`) {
		t.Fatalf("invisible characters kept: %s %s", out, errs)
	}
	// A search word starting with "-" goes after "--".
	if _, errs, code := run(t, db, monday, "search", "--", "-a"); code != 0 {
		t.Fatalf("search -- -a: %s", errs)
	}
}
