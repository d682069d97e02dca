package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
)

// A procedure with special cases (marriage with verification) offers them
// at reception; the due label and the saved dossier follow the choice. A
// procedure without any shows no choice.
func TestReceptionVariantPicker(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.pickProcedure("dang ky ket hon")
	if r.chosen.Code != "ket-hon" {
		t.Fatalf("chose %s", r.chosen.Code)
	}
	if !r.variantRow.Visible() || len(r.variant.Options) != 2 || r.variant.SelectedIndex() != 0 || r.variantCode() != "" {
		t.Fatalf("variant choice: visible %v, options %v, selected %d", r.variantRow.Visible(), r.variant.Options, r.variant.SelectedIndex())
	}
	f.wait()
	assertContains(t, texts(r.due), "16:00 thứ Hai, 23/11/2026 (hôm nay)")
	r.variant.SetSelectedIndex(1)
	f.wait()
	// 5 working days from Monday 23/11/2026, Tuesday 24/11 a holiday: Tuesday 01/12.
	assertContains(t, texts(r.due), "16:00 thứ Ba, 01/12/2026")
	test.Type(r.name, "Lò Văn A")
	r.submit()
	f.wait()
	ds, err := f.off.Page(context.Background(), office.Filter{Limit: 10})
	if err != nil || len(ds) != 1 {
		t.Fatalf("saved %d dossiers (%v)", len(ds), err)
	}
	if d := ds[0]; d.Variant != "xac-minh" || d.DueAt.Format("2006-01-02") != "2026-12-01" {
		t.Errorf("saved variant %q due %s", d.Variant, d.DueAt)
	}
	f.pickProcedure("khai sinh")
	if r.variantRow.Visible() || r.variantCode() != "" {
		t.Error("khai sinh has no special case: the choice must be hidden")
	}
}
