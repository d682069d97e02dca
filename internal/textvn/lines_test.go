package textvn

import "testing"

func TestCleanLines(t *testing.T) {
	for in, want := range map[string]string{
		"1. Giấy khai sinh\r\n\r\n2.  Sổ hộ khẩu  \n": "1. Giấy khai sinh\n2. Sổ hộ khẩu",
		"  một dòng\t": "một dòng",
		"\n\n":         "",
	} {
		if got := CleanLines(in); got != want {
			t.Errorf("CleanLines(%q) = %q, want %q", in, got, want)
		}
	}
}
