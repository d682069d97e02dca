package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
	"motcua/internal/register"
)

func enter(e fyne.Focusable) {
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func (f *fixture) pickProcedure(query string) {
	f.t.Helper()
	r := f.shell.reception
	f.shell.tabs.SelectIndex(tabReception)
	f.wait()
	r.procSearch.SetText("")
	test.Type(r.procSearch, query)
	enter(r.procSearch)
	f.wait()
	if r.chosen == nil {
		f.t.Fatalf("no procedure chosen for %q", query)
	}
}

func TestReceptionSavesWithEnterAndShowsTheCode(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.pickProcedure("khai sinh")
	if got := f.win.Canvas().Focused(); got != r.name {
		t.Errorf("after Enter in the procedure search the focus is on %T, want the name", got)
	}
	test.Type(r.name, "Giàng A Páo")
	if r.save.Text != "Lưu và cấp giấy hẹn (Ctrl+S)" {
		t.Errorf("incomplete form, button %q", r.save.Text)
	}
	enter(r.name) // Enter moves to the next field while the form is incomplete
	f.wait()
	if n, _ := f.off.Count(context.Background(), office.Filter{}); n != 0 {
		t.Fatalf("saved an incomplete form: %d dossiers", n)
	}
	if got := f.win.Canvas().Focused(); got != r.address {
		t.Fatalf("Enter did not move to the address, focus on %T", got)
	}
	test.Type(r.address, "Thôn Trung, xã Trung Lý")
	test.Type(r.phone, "0912345678")
	// Complete: the button says Enter saves, and Enter in any field does.
	if r.save.Text != "Lưu và cấp giấy hẹn (Enter, Ctrl+S)" {
		t.Errorf("complete form, button %q", r.save.Text)
	}
	enter(r.phone)
	f.wait()

	ds, err := f.off.Page(context.Background(), office.Filter{Limit: 10})
	if err != nil || len(ds) != 1 {
		t.Fatalf("want one saved dossier, got %d (%v)", len(ds), err)
	}
	d := ds[0]
	if d.Applicant.Name != "Giàng A Páo" || d.ProcedureCode != "khai-sinh" || d.Applicant.Phone != "0912345678" {
		t.Errorf("saved %+v", d)
	}
	if len(d.Documents) != 2 {
		t.Errorf("the ticked papers were not saved: %q", d.Documents)
	}
	if f.overlay() != nil {
		t.Fatalf("unexpected dialog: %s", f.dialogText())
	}
	shown := texts(r.saved)
	assertContains(t, shown, d.Code)
	assertContains(t, shown, "Số thứ tự 1")
	assertContains(t, shown, "Hẹn trả: 16:00 thứ Hai, 23/11/2026 (hôm nay)")
	// The form is clear for the next citizen, the cursor in the search.
	if r.name.Text != "" || r.address.Text != "" || r.chosen != nil || r.sets.Text != "1" {
		t.Errorf("form not cleared: name %q address %q chosen %v", r.name.Text, r.address.Text, r.chosen)
	}
	if f.win.Canvas().Focused() != r.procSearch {
		t.Error("the cursor is not back in the procedure search")
	}
	// The register and the dashboard know.
	if f.shell.register.length() != 1 {
		t.Errorf("register shows %d rows", f.shell.register.length())
	}
}

func TestReceptionCtrlSSaves(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.pickProcedure("chung thuc ban sao")
	test.Type(r.name, "Nguyễn Thị Hoa")
	r.name.TypedShortcut(&desktopShortcutS)
	f.wait()
	if n, _ := f.off.Count(context.Background(), office.Filter{}); n != 1 {
		t.Fatalf("Ctrl+S in the name field saved %d dossiers", n)
	}
	// A second Ctrl+S on the cleared form explains instead of saving.
	r.name.TypedShortcut(&desktopShortcutS)
	f.wait()
	assertContains(t, f.dialogText(), "Chưa chọn thủ tục hành chính")
}

func TestReceptionEmptyNameShowsErrorAndKeepsTheForm(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.pickProcedure("khai sinh")
	test.Type(r.address, "Thôn Trung, xã Trung Lý")
	test.Type(r.phone, "0912 345 678")
	r.docs[1].SetChecked(false)
	test.Tap(r.save)
	f.wait()

	assertContains(t, f.dialogText(), "Họ tên người nộp hồ sơ không được để trống")
	assertContains(t, f.dialogText(), "Lỗi")
	f.tapDialog("Đồng ý")
	if r.address.Text != "Thôn Trung, xã Trung Lý" || r.phone.Text != "0912 345 678" {
		t.Errorf("typed fields lost: %q %q", r.address.Text, r.phone.Text)
	}
	if r.chosen == nil || r.chosen.Code != "khai-sinh" || r.docs[1].Checked || !r.docs[0].Checked {
		t.Error("procedure or papers lost")
	}
	if n, _ := f.off.Count(context.Background(), office.Filter{}); n != 0 {
		t.Errorf("%d dossiers saved", n)
	}
	if r.saved.Visible() {
		t.Error("a receipt is shown although nothing was saved")
	}
}

func TestReceptionBadPhoneKeepsTheForm(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.pickProcedure("khai sinh")
	test.Type(r.name, "Đỗ Đức Đạt")
	test.Type(r.phone, "12")
	test.Tap(r.save)
	f.wait()
	assertContains(t, f.dialogText(), "Số điện thoại \"12\" không hợp lệ")
	f.tapDialog("Đồng ý")
	if r.name.Text != "Đỗ Đức Đạt" || r.phone.Text != "12" {
		t.Error("form lost")
	}
}

func TestProcedureFilterIgnoresAccents(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	for _, q := range []string{"khai sinh", "dang ky khai sinh", "Đăng ký khai sinh", "DANG KY KHAI SINH", "khai-sinh"} {
		r.procSearch.SetText("")
		test.Type(r.procSearch, q)
		if len(r.matches) == 0 || r.matches[0].Name != "Đăng ký khai sinh" {
			names := []string{}
			for _, p := range r.matches {
				names = append(names, p.Name)
			}
			t.Errorf("%q: first matches %q", q, names)
		}
		// What the list shows: the name, the limit, the code.
		item := r.procList.CreateItem()
		r.procList.UpdateItem(0, item)
		assertContains(t, texts(item), "Đăng ký khai sinh")
		assertContains(t, texts(item), "Trong ngày")
		assertContains(t, texts(item), "khai-sinh")
	}
	r.procSearch.SetText("khong co thu tuc nay")
	if len(r.matches) != 0 {
		t.Errorf("nonsense matched %d", len(r.matches))
	}
	r.procSearch.SetText("")
	if len(r.matches) != len(r.procs) || len(r.procs) < 20 {
		t.Errorf("empty filter shows %d of %d", len(r.matches), len(r.procs))
	}
}

func TestProcedurePickerArrowKeys(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	test.Type(r.procSearch, "khai sinh")
	r.procSearch.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if r.chosen == nil || r.chosen.Name != r.matches[0].Name {
		t.Fatal("Down did not choose the first match")
	}
	r.procSearch.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if r.chosen.Name != r.matches[1].Name {
		t.Errorf("second Down chose %q", r.chosen.Name)
	}
	r.procSearch.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if r.chosen.Name != "Đăng ký khai sinh" {
		t.Errorf("Up chose %q", r.chosen.Name)
	}
	f.wait()
	assertContains(t, texts(r.chosenName), "Đăng ký khai sinh")
}

func TestDueLabelMovesAtTheCutoff(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 14, 59))
	r := f.shell.reception
	assertContains(t, texts(r.due), "chọn thủ tục")
	f.pickProcedure("khai sinh")
	assertContains(t, texts(r.due), "Hạn trả dự kiến: 16:00 thứ Hai, 23/11/2026 (hôm nay)")

	// Past the 15:00 cut-off: the next working day, which skips Tuesday
	// 24/11 (Ngày Văn hóa Việt Nam).
	f.clock.Set(at(2026, 11, 23, 15, 1))
	r.refreshDue() // what the minute ticker does
	f.wait()
	assertContains(t, texts(r.due), "Hạn trả dự kiến: 16:00 thứ Tư, 25/11/2026")

	f.clock.Set(at(2026, 11, 25, 15, 0)) // 15:00 itself is still in time
	r.refreshDue()
	f.wait()
	assertContains(t, texts(r.due), "Hạn trả dự kiến: 16:00 thứ Tư, 25/11/2026 (hôm nay)")
	f.clock.Set(at(2026, 11, 25, 15, 1))
	r.refreshDue()
	f.wait()
	assertContains(t, texts(r.due), "Hạn trả dự kiến: 16:00 thứ Năm, 26/11/2026 (ngày mai)")

	f.clock.Set(at(2026, 11, 27, 15, 30)) // Friday after the cut-off: Monday
	r.refreshDue()
	f.wait()
	assertContains(t, texts(r.due), "16:00 thứ Hai, 30/11/2026")

	// A procedure counted in working days: 3 from Monday, over the holiday.
	f.clock.Set(at(2026, 11, 23, 9, 0))
	f.pickProcedure("xac nhan tinh trang hon nhan")
	assertContains(t, texts(r.due), "16:00 thứ Sáu, 27/11/2026")
}

func TestMinuteTickerRefreshesTheDueLabel(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 14, 59))
	r := f.shell.reception
	f.pickProcedure("khai sinh")
	f.clock.Set(at(2026, 11, 23, 15, 1))
	stop := f.shell.startTicker(10 * time.Millisecond)
	defer stop()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		f.wait()
		if r.due.Text == "Hạn trả dự kiến: 16:00 thứ Tư, 25/11/2026" {
			return
		}
	}
	t.Errorf("the ticker never moved the due label: %q", r.due.Text)
}

func TestReceptionResultMethodAndSets(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.pickProcedure("thuong tru")
	test.Type(r.name, "Lò Văn Sáng")
	r.sets.SetText("2")
	r.method.SetSelected(register.ResultMethodVietnamese(register.ByPost))
	test.Tap(r.save)
	f.wait()
	ds, _ := f.off.Page(context.Background(), office.Filter{Limit: 1})
	if len(ds) != 1 || ds[0].Sets != 2 || ds[0].ResultMethod != register.ByPost {
		t.Fatalf("saved %+v", ds)
	}
	// A number that is not one.
	f.pickProcedure("thuong tru")
	test.Type(r.name, "Lò Văn Sáng")
	r.sets.SetText("hai")
	test.Tap(r.save)
	f.wait()
	assertContains(t, f.dialogText(), "không phải là một số")
}
