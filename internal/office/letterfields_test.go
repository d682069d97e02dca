package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/letters"
)

func TestGuessSalutation(t *testing.T) {
	for name, want := range map[string]string{
		"Nguyễn Thị Hoa": "Bà", "Trần Văn Minh": "Ông", "Giàng A Páo": "", "Văn": "", "Lê Thị": "",
	} {
		if got := GuessSalutation(name); got != want {
			t.Errorf("GuessSalutation(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestLetterFieldsMeanTheSameEverywhere(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	if got := LetterFieldLabel(letters.Field{Name: "ngay"}, letters.Birth); got != "Ngày sinh của cháu" {
		t.Errorf("birth date label %q", got)
	}
	v, err := o.LetterFieldValue("ngay", "20/11/2026", letters.Condolence)
	if err != nil || v != "ngày 20 tháng 11 năm 2026" {
		t.Errorf("date in words %q %v", v, err)
	}
	if _, err := o.LetterFieldValue("ngay", "31/02/2026", letters.Condolence); err == nil || !strings.Contains(err.Error(), "ngày mất") {
		t.Errorf("a wrong date: %v", err)
	}
	// The chosen form of address is what the letter prints.
	d := receive(t, o, "khai-sinh", "Lò Văn Sáng")
	l, err := o.DraftLetter(context.Background(), LetterInput{Kind: letters.Thanks, DossierCode: d.Code, Salutation: "Ông",
		Fields: map[string]string{"noi_dung": "đã đóng góp ý kiến"}})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(l.Paragraphs, "\n") + l.Recipient
	if strings.Contains(text, "Ông/Bà") || !strings.Contains(text, "Ông Lò Văn Sáng") {
		t.Errorf("letter reads: %s", text)
	}
}
