package app

import (
	"context"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
	"motcua/internal/register"
)

// selectDossier opens the register and selects line i.
func (f *fixture) selectDossier(i int) *detailPane {
	f.t.Helper()
	r := f.openRegister()
	r.row(i)
	f.wait()
	r.list.Select(i)
	f.wait()
	if r.detail.d == nil {
		f.t.Fatal("selecting a row showed nothing")
	}
	return r.detail
}

// enabled lists the action buttons that can be pressed.
func enabled(p *detailPane) string {
	var on []string
	for k, b := range p.buttons {
		if !b.Disabled() {
			on = append(on, k)
		}
	}
	sort.Strings(on)
	return strings.Join(on, " ")
}

func TestDetailShowsFieldsAndTimeline(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	d := f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	shown := texts(p.content)
	for _, want := range []string{
		"Hồ sơ " + d.Code, "Giàng A Páo", "Thôn Trung, xã Trung Lý", "Đăng ký khai sinh (Trong ngày)",
		"07:40 23/11/2026", "16:00 thứ Hai, 23/11/2026", "Đã tiếp nhận",
		"Quá trình giải quyết", "Tiếp nhận hồ sơ", "Chuyển xử lý", "Trả kết quả",
	} {
		assertContains(t, shown, want)
	}
	assertNotContains(t, shown, "Chọn một hồ sơ trong sổ")
}

func TestActionsFollowTheState(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	if got := enabled(p); got != "apologise done forward refuse return supplement withdraw" {
		t.Errorf("received: %s", got)
	}

	// Forward asks the unit, prefilled with the procedure's.
	test.Tap(p.forward)
	assertContains(t, f.dialogText(), "Chuyển xử lý hồ sơ")
	es := f.dialogEntries()
	if len(es) != 1 || es[0].Text != "Công chức Tư pháp - Hộ tịch" {
		t.Fatalf("unit field: %d entries, %q", len(es), es[0].Text)
	}
	f.tapDialog("Chuyển")
	if p.d.State != register.InProgress {
		t.Fatalf("state %s after forwarding", p.d.State)
	}
	assertContains(t, texts(p.content), "Từ Trung tâm Phục vụ hành chính công xã Đông Văn đến Công chức Tư pháp - Hộ tịch")
	assertNotContains(t, texts(p.content), "→")
	if got := enabled(p); got != "apologise done forward refuse return supplement withdraw" {
		t.Errorf("in progress: %s", got)
	}
	// The register row follows.
	assertContains(t, f.rowText(0), "Đang giải quyết")

	test.Tap(p.done)
	assertContains(t, f.dialogText(), "Có kết quả")
	f.tapDialog("Có")
	if p.d.State != register.Done {
		t.Fatalf("state %s", p.d.State)
	}
	if got := enabled(p); got != "return withdraw" {
		t.Errorf("done: %s", got)
	}

	test.Tap(p.ret)
	f.tapDialog("Có")
	assertContains(t, f.dialogText(), "Kết quả: Đúng hạn")
	f.tapDialog("Đồng ý")
	if got := enabled(p); got != "" {
		t.Errorf("returned: %s enabled", got)
	}
	assertContains(t, texts(p.subtitle), "Đã trả kết quả · Đúng hạn")
}

func TestReturnLateSaysQuaHan(t *testing.T) {
	f := newFixture(t, at(2026, 11, 25, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.ret)
	f.tapDialog("Có")
	assertContains(t, f.dialogText(), "Kết quả: Quá hạn")
}

func TestSecondSupplementIsRefusedAndTheTextKept(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)

	test.Tap(p.supplement)
	test.Type(f.dialogEntries()[0], "Thiếu giấy xác nhận của chủ hộ")
	test.Type(f.dialogEntries()[1], "Hồ sơ thiếu giấy tờ theo quy định")
	f.tapDialog("Yêu cầu bổ sung")
	if p.d.State != register.SupplementRequested {
		t.Fatalf("state %s", p.d.State)
	}
	if got := enabled(p); got != "refuse resume withdraw" {
		t.Errorf("waiting for the supplement: %s", got)
	}
	assertContains(t, texts(p.content), "Thiếu giấy xác nhận của chủ hộ")

	test.Tap(p.resume)
	f.tapDialog("Có")
	assertContains(t, f.dialogText(), "Hạn trả kết quả tính lại")
	f.tapDialog("Đồng ý")
	if p.d.State != register.Received {
		t.Fatalf("state %s after resuming", p.d.State)
	}

	// The law allows one supplement request: the button says so before
	// anything is typed.
	if !p.supplement.Disabled() {
		t.Error("a second supplement request can still be started")
	}
}

func TestRefuseWithoutReasonKeepsTheDialog(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.refuse)
	f.tapDialog("Từ chối")
	assertContains(t, f.dialogText(), "Chưa nhập lý do từ chối")
	f.tapDialog("Đồng ý")
	test.Type(f.dialogEntries()[0], "Không thuộc thẩm quyền của xã")
	f.tapDialog("Từ chối")
	if p.d.State != register.Refused {
		t.Fatalf("state %s", p.d.State)
	}
	// The refusal paper is offered at once, and Enter prints it.
	assertContains(t, f.dialogText(), "In phiếu từ chối tiếp nhận giải quyết hồ sơ")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.wait()
	assertPDF(t, f.lastPrinted(), "Không thuộc thẩm quyền của xã")
	f.tapDialog("Đóng")
	assertContains(t, texts(p.content), "Không thuộc thẩm quyền của xã")
	if got := enabled(p); got != "" {
		t.Errorf("refused: %s enabled", got)
	}
}

func TestApologyShowsTheWarnings(t *testing.T) {
	// Due today at 16:00: the apology comes later than the law wants.
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.apologise)
	es := f.dialogEntries()
	if len(es) != 2 || es[1].Text != "25/11/2026" {
		t.Fatalf("apology form: %d entries, date %q", len(es), es[1].Text)
	}
	test.Type(es[0], "Chờ xác minh của công an xã")
	es[1].SetText("31/02/2026")
	f.tapDialog("Ghi nhận")
	assertContains(t, f.dialogText(), "không có trên lịch")
	f.tapDialog("Đồng ý")
	es = f.dialogEntries()
	if es[0].Text != "Chờ xác minh của công an xã" {
		t.Fatal("reason lost after a wrong date")
	}
	es[1].SetText("26/11/2026")
	f.tapDialog("Ghi nhận")
	msg := f.dialogText()
	assertContains(t, msg, "Hẹn trả mới: 16:00 thứ Năm, 26/11/2026")
	assertContains(t, msg, "Lưu ý: Văn bản xin lỗi phải gửi chậm nhất 01 ngày làm việc trước hạn trả")
	assertContains(t, msg, "In văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (khổ A4)")
	f.tapDialog("Để sau")
	assertContains(t, texts(p.content), "Hẹn trả mới")

	// Once only: the button is greyed out.
	if !p.apologise.Disabled() {
		t.Error("a second apology can still be started")
	}
}

// A clerk types the reason, presses Tab and types the date: the date lands
// in the date field, the reason holds no tab, and Ctrl+Enter records it.
func TestTabLeavesTheReasonBox(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.apologise)
	c := f.win.Canvas()
	es := f.dialogEntries()
	if c.Focused() == nil {
		t.Fatal("the apology form opens without a focused field")
	}
	typeFocused(c, "Chờ xác minh")
	pressTab(c, false)
	c.Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	typeFocused(c, "08/12/2026")
	// And back: Shift+Tab returns to the reason, typing goes on there.
	pressTab(c, true)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	typeFocused(c, "\tcủa công an")
	if strings.Contains(es[0].Text, "\t") || strings.Contains(es[0].Text, "08/12") {
		t.Fatalf("reason %q", es[0].Text)
	}
	if es[1].Text != "08/12/2026" {
		t.Fatalf("date %q", es[1].Text)
	}
	assertContains(t, f.dialogText(), "Ctrl+Enter")
	c.Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	f.wait()
	assertContains(t, f.dialogText(), "Hẹn trả mới: 16:00 thứ Ba, 08/12/2026")
	d, _ := f.off.Show(context.Background(), p.d.Code)
	if d.ApologyReason != "Chờ xác minhcủa công an" {
		t.Errorf("saved reason %q", d.ApologyReason)
	}
}

func TestWithdraw(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.withdraw)
	test.Type(f.dialogEntries()[0], "Công dân xin rút")
	f.tapDialog("Dừng giải quyết")
	if p.d.State != register.Withdrawn {
		t.Fatalf("state %s", p.d.State)
	}
	if by, _ := p.d.Stopped(); by != register.StopByApplicant {
		t.Errorf("stopped by %q, want the applicant", by)
	}
	ds, _ := f.off.Show(context.Background(), p.d.Code)
	if ds.ClosedReason != "Công dân xin rút" {
		t.Errorf("saved reason %q", ds.ClosedReason)
	}
}

// After an apology the new date is what the register, the dashboard and
// the detail show, and the one allowed apology cannot be started again.
func TestApologyNewDateShownEverywhere(t *testing.T) {
	// Wednesday 25/11 10:00; the dossier was due Monday 23/11.
	f := newFixture(t, at(2026, 11, 25, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	assertContains(t, f.rowText(0), "quá hạn")
	test.Tap(p.apologise)
	es := f.dialogEntries()
	test.Type(es[0], "Chờ xác minh của công an xã")
	if es[1].Text != "26/11/2026" {
		t.Errorf("suggested %q", es[1].Text)
	}
	f.tapDialog("Ghi nhận")
	f.tapDialog("Để sau")
	if !p.apologise.Disabled() {
		t.Error("the apology can be started twice")
	}
	row := f.rowText(0)
	assertContains(t, row, "16:00 26/11/2026")
	assertContains(t, row, "hẹn lại · đến hạn")
	assertNotContains(t, row, "quá hạn")
	assertContains(t, texts(p.subtitle), "Hẹn lại 26/11/2026")

	d := f.shell.dashboard
	d.reload()
	f.wait()
	if len(d.pressing) != 1 {
		t.Fatalf("pressing %d", len(d.pressing))
	}
	item := d.pressList.CreateItem()
	d.updatePressRow(0, item)
	assertContains(t, texts(item), "16:00 thứ Năm, 26/11/2026 (ngày mai, hẹn lại)")
	if d.overdue.Text != "0" || d.dueNext.Text != "1" {
		t.Errorf("dashboard: %s overdue, %s due next working day", d.overdue.Text, d.dueNext.Text)
	}
	assertNotContains(t, texts(d.content), "Có hồ sơ quá hạn")
}

// A supplement list typed as numbered lines stays on its lines and prints
// numbered once, without repeating itself as a reason.
func TestSupplementListPrintsOnce(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.supplement)
	f.dialogEntries()[0].SetText("1. Giấy xác nhận của chủ hộ\n2. Bản sao sổ hộ khẩu")
	f.dialogEntries()[1].SetText("Hồ sơ thiếu giấy tờ theo quy định")
	f.tapDialog("Yêu cầu bổ sung")
	if p.d.SupplementReason != "Giấy xác nhận của chủ hộ\nBản sao sổ hộ khẩu" {
		t.Fatalf("saved %q", p.d.SupplementReason)
	}
	f.tapDialog("In ngay")
	text := pdfText(t, f.lastPrinted())
	if text == "" {
		t.Skip("pdftotext is not installed")
	}
	assertContains(t, text, "1. Giấy xác nhận của chủ hộ")
	assertContains(t, text, "2. Bản sao sổ hộ khẩu")
	assertNotContains(t, text, "1. 1.")
	if n := strings.Count(text, "Giấy xác nhận của chủ hộ"); n != 1 {
		t.Errorf("the list prints %d times", n)
	}
	assertContains(t, text, "Hồ sơ thiếu giấy tờ theo quy định")
}

// Enter in the forward dialog's field forwards.
func TestForwardWithEnter(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.forward)
	es := f.dialogEntries()
	es[0].SetText("Công an xã")
	es[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.wait()
	if p.d.Holder != "Công an xã" {
		t.Fatalf("holder %q", p.d.Holder)
	}
}

// TestDetailReusesItsLabels: going from dossier to dossier shows only the
// chosen one's fields and timeline, with the labels of the previous one
// reused, not added to (Fyne kept each label made for a minute: paging the
// register grew the window's memory by tens of MB).
func TestDetailReusesItsLabels(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	full, err := f.off.Receive(context.Background(), office.ReceiveInput{
		ProcedureCode: "khai-sinh", At: at(2026, 11, 23, 7, 40),
		Applicant: register.Applicant{Name: "Giàng A Páo", Address: "Thôn Trung, xã Trung Lý", Phone: "0912 345 678", Email: "pao@example.vn"},
		Note:      "Mang theo giấy chứng sinh bản chính",
	})
	if err != nil {
		t.Fatal(err)
	}
	plain := f.receive("Lò Thị Mai", "khai-sinh", at(2026, 11, 23, 8, 5)) // line 0, newest first
	p := f.selectDossier(1)
	shown := texts(p.content)
	for _, want := range []string{full.Code, "0912 345 678", "pao@example.vn", "Mang theo giấy chứng sinh bản chính"} {
		assertContains(t, shown, want)
	}
	fields, events := len(p.fields.Objects), len(p.timeline.Objects)
	firstField, firstEvent := p.fields.Objects[0], p.timeline.Objects[0]

	r := f.openRegister()
	for i := 0; i < 20; i++ {
		r.list.Select(i % 2)
		f.wait()
	}
	r.list.Select(0)
	f.wait()
	shown = texts(p.content)
	assertContains(t, shown, plain.Code)
	assertContains(t, shown, "Lò Thị Mai")
	for _, gone := range []string{"Giàng A Páo", "0912 345 678", "pao@example.vn", "Mang theo giấy chứng sinh", "Điện thoại", "Ghi chú"} {
		assertNotContains(t, shown, gone)
	}
	if len(p.fields.Objects) != fields || len(p.timeline.Objects) != events ||
		p.fields.Objects[0] != firstField || p.timeline.Objects[0] != firstEvent {
		t.Fatalf("labels: fields %d then %d, timeline %d then %d; the pane should reuse its labels",
			fields, len(p.fields.Objects), events, len(p.timeline.Objects))
	}
}
