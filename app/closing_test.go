package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/register"
)

// dialogRadio is the radio group of the dialog on top, if any.
func (f *fixture) dialogRadio() *widget.RadioGroup {
	var found *widget.RadioGroup
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch x := o.(type) {
		case *widget.RadioGroup:
			found = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(f.overlay())
	return found
}

func TestRefuseLetsTheClerkChooseWhoRefuses(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.refuse)
	r := f.dialogRadio()
	if r == nil {
		t.Fatal("no choice of refusal while both are allowed")
	}
	if r.Selected != "Từ chối tiếp nhận tại bộ phận một cửa (mẫu 03)" {
		t.Errorf("default %q, want the counter's refusal", r.Selected)
	}
	r.SetSelected("Cơ quan có thẩm quyền từ chối giải quyết sau thẩm định")
	test.Type(f.dialogEntries()[0], "Không đủ điều kiện sau khi thẩm định")
	f.tapDialog("Từ chối")
	if p.d.State != register.Refused {
		t.Fatalf("state %s", p.d.State)
	}
	assertContains(t, f.dialogText(), "sau thẩm định")
	d, err := f.off.Show(context.Background(), p.d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if k, _ := d.Refusal(); k != register.RefuseAfterAppraisal {
		t.Errorf("refusal recorded as %q", k)
	}
}

func TestRefuseAfterForwardingOffersNoCounterRefusal(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	d := f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	if _, err := f.off.Forward(context.Background(), d.Code, "Công an xã", at(2026, 11, 23, 8, 0)); err != nil {
		t.Fatal(err)
	}
	f.shell.register.reload()
	f.wait()
	p := f.selectDossier(0)
	test.Tap(p.refuse)
	if r := f.dialogRadio(); r != nil {
		t.Errorf("a choice %v is offered although only one refusal is allowed", r.Options)
	}
	test.Type(f.dialogEntries()[0], "Không đủ điều kiện")
	f.tapDialog("Từ chối")
	got, err := f.off.Show(context.Background(), p.d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if k, _ := got.Refusal(); k != register.RefuseAfterAppraisal {
		t.Errorf("refusal recorded as %q", k)
	}
}

func TestStopByTheAgencyNeedsAReason(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	if p.withdraw.Text != "Dừng giải quyết" {
		t.Errorf("the stop button reads %q", p.withdraw.Text)
	}
	test.Tap(p.withdraw)
	r := f.dialogRadio()
	if r == nil {
		t.Fatal("no choice of who asks to stop")
	}
	if r.Selected != "Người nộp hồ sơ đề nghị dừng (rút hồ sơ)" {
		t.Errorf("default %q", r.Selected)
	}
	r.SetSelected("Cơ quan giải quyết quyết định dừng (phải nêu lý do)")
	f.tapDialog("Dừng giải quyết")
	assertContains(t, f.dialogText(), "lý do cơ quan dừng giải quyết")
	f.tapDialog("Đồng ý")
	if p.d.State == register.Withdrawn {
		t.Fatal("stopped without a reason")
	}
	// The retried dialog keeps the choice.
	if r := f.dialogRadio(); r == nil || r.Selected != "Cơ quan giải quyết quyết định dừng (phải nêu lý do)" {
		t.Fatalf("the choice was lost: %v", r)
	}
	test.Type(f.dialogEntries()[0], "Hồ sơ thuộc thẩm quyền của cơ quan khác")
	f.tapDialog("Dừng giải quyết")
	if p.d.State != register.Withdrawn {
		t.Fatalf("state %s", p.d.State)
	}
	d, err := f.off.Show(context.Background(), p.d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if by, _ := d.Stopped(); by != register.StopByAgency {
		t.Errorf("stopped by %q, want the agency", by)
	}
	assertContains(t, f.dialogText(), "cơ quan giải quyết quyết định dừng")
}
