package app

import (
	"context"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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
	assertContains(t, texts(p.content), "Trung tâm Phục vụ hành chính công xã → Công chức Tư pháp - Hộ tịch")
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

	// The law allows one supplement request: the office says so.
	test.Tap(p.supplement)
	test.Type(f.dialogEntries()[0], "Thiếu sổ hộ khẩu")
	test.Type(f.dialogEntries()[1], "Hồ sơ thiếu giấy tờ")
	f.tapDialog("Yêu cầu bổ sung")
	msg := f.dialogText()
	assertContains(t, msg, "Lỗi")
	assertContains(t, msg, "pháp luật chỉ cho phép yêu cầu bổ sung một lần")
	f.tapDialog("Đồng ý")
	// Nothing typed is lost: the form comes back as it was.
	es := f.dialogEntries()
	if len(es) != 2 || es[0].Text != "Thiếu sổ hộ khẩu" || es[1].Text != "Hồ sơ thiếu giấy tờ" {
		t.Fatalf("the reason was lost: %d entries", len(es))
	}
	f.tapDialog("Hủy")
	if p.d.State != register.Received {
		t.Errorf("state %s", p.d.State)
	}
	// Cancelling keeps the draft too, until it succeeds.
	test.Tap(p.supplement)
	if es := f.dialogEntries(); es[0].Text != "Thiếu sổ hộ khẩu" {
		t.Errorf("draft lost after cancel: %q", es[0].Text)
	}
	f.tapDialog("Hủy")
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
	f.tapDialog("Đồng ý")
	assertContains(t, texts(p.content), "Hẹn trả mới")

	// Once only.
	test.Tap(p.apologise)
	test.Type(f.dialogEntries()[0], "lần hai")
	f.dialogEntries()[1].SetText("27/11/2026")
	f.tapDialog("Ghi nhận")
	assertContains(t, f.dialogText(), "chỉ cho phép hẹn lại một lần")
	f.tapDialog("Đồng ý")
	f.tapDialog("Hủy")
}

func TestWithdraw(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.withdraw)
	test.Type(f.dialogEntries()[0], "Công dân xin rút")
	f.tapDialog("Rút hồ sơ")
	if p.d.State != register.Withdrawn {
		t.Fatalf("state %s", p.d.State)
	}
	ds, _ := f.off.Show(context.Background(), p.d.Code)
	if ds.ClosedReason != "Công dân xin rút" {
		t.Errorf("saved reason %q", ds.ClosedReason)
	}
}
