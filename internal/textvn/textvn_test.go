package textvn

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đỗ Đức Đạt", "do duc dat"},
		{"do duc dat", "do duc dat"},
		{norm.NFD.String("Đỗ Đức Đạt"), "do duc dat"},
		{"  NGUYỄN   Thị\u00a0Hoa ", "nguyen thi hoa"},
		{"Giàng A Páo", "giang a pao"},
		{"Hoàng Ặ Ự Ễ", "hoang a u e"},
		{"Phường 5, Q.Ba Đình", "phuong 5, q.ba dinh"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanNormalisesAndTrims(t *testing.T) {
	nfd := norm.NFD.String("Nguyễn Văn Ặn")
	if got := Clean("  " + nfd + "\t\n"); got != "Nguyễn Văn Ặn" {
		t.Fatalf("Clean(NFD) = %q", got)
	}
	if !norm.NFC.IsNormalString(Clean(nfd)) {
		t.Fatal("Clean did not return NFC")
	}
	for in, want := range map[string]string{
		"a  b":      "a b",
		"a\u00a0b":  "a b",
		" a":        "a",
		"a ":        "a",
		"a\x00b":    "ab",
		"tidy text": "tidy text",
		"\u200bxin": "xin",
		"":          "",
		"   ":       "",
		"Lê\nThị  ": "Lê Thị",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if !IsBlank(" \u00a0\t") || IsBlank(" x ") {
		t.Fatal("IsBlank wrong")
	}
}

func TestDigits(t *testing.T) {
	if got := Digits("0912.345 678"); got != "0912345678" {
		t.Fatal(got)
	}
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Nguyễn Thị Minh Khai, thôn Đông Văn, xã Trung Lý")
	}
}
