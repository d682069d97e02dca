package textvn

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStripInvisible(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn\u202eVăn":          "NguyễnVăn",
		"Ngu\u200byễn Văn An":      "Nguyễn Văn An",
		"\ufeffkhai-sinh":          "khai-sinh",
		"Lê\u2066 Thị\u2069 Hoa":   "Lê Thị Hoa",
		"Trần\tThị\nLan\x00\x07":   "Trần Thị Lan",
		"Nguye\u0302\u0303n":       "Nguyễn",
		"  Đỗ  Đức   Đạt ":         "Đỗ Đức Đạt",
		"Ma\u00adria":              "Maria",
		"A\u200d\u200cB\u2060C":    "ABC",
		"\u061cمرحبا\u200f":        "مرحبا",
		"giữ nguyên: 0912 345 678": "giữ nguyên: 0912 345 678",
	} {
		if got := StripInvisible(in); got != want {
			t.Errorf("StripInvisible(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanMultiline(t *testing.T) {
	in := "\r\n\u202eKính gửi {nguoi_nhan}.  \r\n\r\n\tCảm ơn\u200b ông/bà.\n\n"
	want := "Kính gửi {nguoi_nhan}.\n\n\tCảm ơn ông/bà."
	if got := CleanMultiline(in); got != want {
		t.Errorf("CleanMultiline = %q, want %q", got, want)
	}
}

func FuzzStripInvisible(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn An", "a\u202eb", "\xff\xfe", "Ngu\u200byễn", "\x00", "e\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := StripInvisible(s)
		if strings.ContainsFunc(out, Invisible) {
			t.Fatalf("invisible character left in %q", out)
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("valid input %q became invalid %q", s, out)
		}
		if again := StripInvisible(out); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, again)
		}
		m := CleanMultiline(s)
		if strings.ContainsFunc(m, Invisible) || CleanMultiline(m) != m {
			t.Fatalf("CleanMultiline(%q) = %q", s, m)
		}
	})
}
