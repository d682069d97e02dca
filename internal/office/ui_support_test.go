package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/letters"
)

func names(fs []letters.Field) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return strings.Join(out, " ")
}

func TestLetterNeedsNamesWhatTheClerkMustType(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 10:00")
	ctx := context.Background()
	birth := receive(t, o, "khai-sinh", "Giàng A Páo")
	marriage := receive(t, o, "ket-hon", "Lò Văn Sáng")
	for _, c := range []struct {
		in   LetterInput
		want string
	}{
		// The register knows the father, not the baby nor the birth date.
		{LetterInput{Kind: letters.Birth, DossierCode: birth.Code}, "ngay ten_con"},
		{LetterInput{Kind: letters.Birth, DossierCode: birth.Code, Fields: map[string]string{"ten_con": "Giàng A Sử"}}, "ngay"},
		// The marriage date is the dossier's.
		{LetterInput{Kind: letters.Marriage, DossierCode: marriage.Code}, ""},
		{LetterInput{Kind: letters.Condolence}, "ngay nguoi_mat"},
		{LetterInput{Kind: letters.Thanks, Recipient: "Ông Lò Văn Pọm"}, "noi_dung"},
		{LetterInput{Kind: letters.Apology}, "thu_tuc ma_ho_so ly_do ngay_hen"},
	} {
		got, err := o.LetterNeeds(ctx, c.in)
		if err != nil {
			t.Fatal(err)
		}
		if names(got) != c.want {
			t.Errorf("%s %s: needs %q, want %q", c.in.Kind, c.in.DossierCode, names(got), c.want)
		}
	}
	// What it names is what DraftLetter refuses without.
	_, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Birth, DossierCode: birth.Code})
	if err == nil || !strings.Contains(err.Error(), "{ten_con}") {
		t.Errorf("draft without the baby's name: %v", err)
	}
	if _, err := o.LetterNeeds(ctx, LetterInput{Kind: "wedding"}); err == nil {
		t.Error("an unknown kind was accepted")
	}
	if n, _ := o.Letters(ctx, "", time.Time{}); len(n) != 0 {
		t.Errorf("LetterNeeds drafted %d letters", len(n))
	}
}
