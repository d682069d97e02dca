package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/letters"
)

func TestDraftsCanBeFixedOrDiscardedButNotIssuedLetters(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "l.db"), "2026-11-23 16:30")
	ctx := context.Background()
	d := receive(t, o, "khai-sinh", "Giàng A Páo")
	l, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Birth, DossierCode: d.Code,
		Fields: map[string]string{"ten_con": "Giàng A S", "ngay": "ngày 20 tháng 11 năm 2026"}})
	if err != nil {
		t.Fatal(err)
	}
	l, err = o.UpdateDraft(ctx, l.ID, "", "", map[string]string{"ten_con": "Giàng A Sử"})
	if err != nil || l.Fields["ten_con"] != "Giàng A Sử" {
		t.Fatalf("update: %v %v", l.Fields, err)
	}
	if _, err := o.UpdateDraft(ctx, l.ID, "", "", map[string]string{"ten_vo": "x"}); err == nil || !strings.Contains(err.Error(), "ten_vo") {
		t.Fatalf("unknown field: %v", err)
	}
	if _, err := o.UpdateDraft(ctx, l.ID, "", "", map[string]string{"ten_con": " "}); err == nil {
		t.Fatal("emptied a needed field")
	}
	issued, err := o.IssueLetters(ctx, []string{l.ID})
	if err != nil || issued[0].Number != 1 || !strings.Contains(strings.Join(issued[0].Paragraphs, " "), "Giàng A Sử") {
		t.Fatalf("issue: %+v %v", issued, err)
	}
	if _, err := o.UpdateDraft(ctx, l.ID, "x", "", nil); err == nil {
		t.Fatal("changed an issued letter")
	}
	if err := o.DiscardDraft(ctx, l.ID); err == nil || !strings.Contains(err.Error(), "không xóa được") {
		t.Fatalf("discarded an issued letter: %v", err)
	}
	l2, _ := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Ông Lò Văn Pọm", Fields: map[string]string{"noi_dung": "ủng hộ quỹ khuyến học"}})
	if err := o.DiscardDraft(ctx, l2.ID); err != nil {
		t.Fatal(err)
	}
	if ds, _ := o.Letters(ctx, LetterDraft, o.Now()); len(ds) != 0 {
		t.Fatalf("draft still queued: %d", len(ds))
	}
	// The next number is 02: discarding a draft never touched the book.
	l3, _ := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Bà Hà Thị Ý", Fields: map[string]string{"noi_dung": "giúp đỡ"}})
	if got, _ := o.IssueLetters(ctx, []string{l3.ID}); got[0].Number != 2 {
		t.Fatalf("number %d", got[0].Number)
	}
}
