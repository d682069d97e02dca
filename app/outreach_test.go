package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
	"motcua/internal/people"
	"motcua/internal/survey"
)

// outreach builds the people screens on the fixture's window.
func (f *fixture) outreach() *outreachScreen {
	f.t.Helper()
	s := newOutreachScreen(f.shell.env)
	f.win.SetContent(s.content)
	s.shown()
	f.wait()
	return s
}

// fill types values into the top dialog's text fields, in order.
func (f *fixture) fill(values ...string) {
	f.t.Helper()
	es := f.dialogEntries()
	if len(es) < len(values) {
		f.t.Fatalf("%d fields for %d values: %s", len(es), len(values), f.dialogText())
	}
	for i, v := range values {
		es[i].SetText(v)
	}
}

func TestOneKeystrokeRatingAfterReturn(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	d := f.receive("Giàng A Páo", "chung-thuc-ban-sao", at(2026, 11, 23, 8, 0))
	p := f.selectDossier(0)
	test.Tap(p.ret)
	f.tapDialog("Có")
	msg := f.dialogText()
	assertContains(t, msg, "Đã trả kết quả hồ sơ "+d.Code)
	assertContains(t, msg, "Người dân có hài lòng không? Nhấn phím 1, 2 hoặc 3")
	foc, ok := f.win.Canvas().Focused().(fyne.Focusable)
	if !ok || foc == nil {
		t.Fatal("nothing takes the rating key")
	}
	foc.TypedRune('2')
	f.wait()
	if o := f.overlay(); o != nil && o.Visible() {
		t.Fatalf("the message stays after the rating: %s", texts(o))
	}
	r, rated, err := f.off.RatingOf(context.Background(), d.Code)
	if err != nil || !rated || r.Level != survey.Neutral || r.Channel != survey.AtCounter {
		t.Fatalf("rating %+v %v %v", r, rated, err)
	}
	// A second rating is refused with a sentence, and the first stays.
	s := f.outreach()
	s.tabs.SelectIndex(1)
	f.wait()
	s.survey.code.SetText(d.Code)
	s.survey.level.SetSelected(levelNames[0])
	test.Tap(s.survey.save)
	f.wait()
	assertContains(t, f.dialogText(), "đã được đánh giá")
	f.tapDialog("Đồng ý")
	if r, _, _ := f.off.RatingOf(context.Background(), d.Code); r.Level != survey.Neutral {
		t.Errorf("the second rating changed the first: %v", r.Level)
	}
	assertContains(t, texts(s.survey.content), "trên 1 phiếu đánh giá")
}

func TestRatingFromPaperSlipAndItsErrors(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	open := f.receive("Lò Văn Sáng", "chung-thuc-ban-sao", at(2026, 11, 23, 8, 0))
	s := f.outreach()
	s.tabs.SelectIndex(1)
	f.wait()
	sv := s.survey
	sv.code.SetText(open.Code)
	test.Tap(sv.save)
	f.wait()
	assertContains(t, f.dialogText(), "chưa trả kết quả")
	f.tapDialog("Đồng ý")
	ctx := context.Background()
	for _, step := range []func() error{
		func() error { _, err := f.off.MarkDone(ctx, open.Code, time.Time{}); return err },
		func() error { _, err := f.off.Return(ctx, open.Code, time.Time{}); return err },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	sv.code.SetText(open.Code)
	sv.sipas.SetText("5,4,9")
	test.Tap(sv.save)
	f.wait()
	assertContains(t, f.dialogText(), "cần đúng 5 số")
	f.tapDialog("Đồng ý")
	sv.sipas.SetText("5,4,5,4,4")
	sv.level.SetSelected(levelNames[2])
	sv.comment.SetText("Chờ lâu")
	test.Tap(sv.save)
	f.wait()
	assertContains(t, texts(sv.status), "Đã ghi đánh giá hồ sơ "+open.Code+": Không hài lòng")
	r, _, _ := f.off.RatingOf(ctx, open.Code)
	if r.Channel != survey.Paper || r.Factors.Result != 4 || r.Comment != "Chờ lâu" {
		t.Fatalf("rating %+v", r)
	}
}

func TestStaffScreenAddSignAndRefuse(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.outreach()
	st := s.staff
	assertContains(t, texts(st.progress), "Danh sách cán bộ còn trống")
	test.Tap(st.add)
	f.fill("", "Công chức Văn phòng - Thống kê")
	f.tapDialog("Lưu")
	assertContains(t, f.dialogText(), "Họ tên cán bộ không được để trống")
	f.tapDialog("Đồng ý")
	if list, _ := f.off.StaffList(context.Background(), true); len(list) != 0 {
		t.Fatalf("a bad entry was saved: %v", list)
	}
	f.fill("Nguyễn Thị Lan", "Công chức Văn phòng - Thống kê", "0912 345 678", "", "01/03/2020")
	f.tapDialog("Lưu")
	if o := f.overlay(); o != nil && o.Visible() {
		t.Fatalf("the form stayed open: %s", texts(o))
	}
	assertContains(t, texts(st.progress), "Cam kết năm 2026: 0/1 cán bộ đã ký")
	st.list.Select(0)
	f.wait()
	assertContains(t, texts(st.detail), "Chưa ký cam kết năm 2026")
	test.Tap(st.sign)
	f.wait()
	assertContains(t, f.dialogText(), "Nguyễn Thị Lan đã ký cam kết năm 2026")
	f.tapDialog("Đồng ý")
	assertContains(t, texts(st.progress), "1/1 cán bộ đã ký (100%")
	if !st.sign.Disabled() {
		t.Error("sign stays enabled after signing")
	}
	// The pledge form prints; a scan that is not a PDF or image is refused,
	// a PDF is kept.
	test.Tap(st.form)
	f.wait()
	if f.shell.env.lastDoc == nil {
		t.Fatal("no pledge form made")
	}
	assertPDF(t, f.shell.env.lastDoc.data, "BẢN CAM KẾT", "Nguyễn Thị Lan")
	f.tapDialog("Đóng")
	st.attachScan(st.rows[0], "cam-ket.docx", []byte("PK\x03\x04"))
	f.wait()
	assertContains(t, f.dialogText(), "không phải PDF, JPEG hay PNG")
	f.tapDialog("Đồng ý")
	st.attachScan(st.rows[0], "cam-ket.pdf", []byte("%PDF-1.4 ký"))
	f.wait()
	f.tapDialog("Đồng ý")
	assertContains(t, texts(st.detail), "có bản quét cam-ket.pdf")
	// An edit with a bad e-mail is refused and changes nothing.
	test.Tap(st.edit)
	f.fill("Nguyễn Thị Lan", "Công chức Văn phòng - Thống kê", "0912 345 678", "lan-khong-a-cong")
	f.tapDialog("Lưu")
	assertContains(t, f.dialogText(), "thư điện tử \"lan-khong-a-cong\"")
	f.tapDialog("Đồng ý")
	f.fill("Nguyễn Thị Lan", "Công chức Văn phòng - Thống kê", "0912 345 678", "lan@dongvan.gov.vn")
	f.tapDialog("Lưu")
	assertContains(t, texts(st.detail), "lan@dongvan.gov.vn")
	// Someone who has left cannot sign: the office refuses it.
	lan := st.rows[0]
	if _, err := f.off.EndStaff(context.Background(), lan.ID, at(2026, 11, 20, 0, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.SignPledge(context.Background(), office.PledgeInput{Staff: lan.ID, Year: 2027, SignedOn: at(2026, 12, 1, 0, 0)}); err == nil {
		t.Error("a member who left signed")
	}
	st.showAll.SetChecked(true)
	f.wait()
	assertContains(t, st.rowText(0), "đã thôi công tác")
	st.list.Select(0)
	f.wait()
	if !st.sign.Disabled() || !st.end.Disabled() {
		t.Error("actions on a member who left stay enabled")
	}
	_ = people.RoleCounter
}

func TestFeedbackScreenRefusesAHolidayDueDate(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.outreach()
	s.tabs.SelectIndex(2)
	f.wait()
	fb := s.feedback
	test.Tap(fb.add)
	// Content, sender, contact, dossier, handler, due date.
	f.fill("Phòng chờ nóng", "", "", "", "", "24/11/2026")
	f.tapDialog("Lưu")
	assertContains(t, f.dialogText(), "là ngày nghỉ (Ngày Văn hóa Việt Nam")
	f.tapDialog("Đồng ý")
	f.fill("Phòng chờ nóng", "", "", "", "", "")
	f.tapDialog("Lưu")
	if len(fb.rows) != 1 || fb.rows[0].DueOn.Format("02/01/2006") != "08/12/2026" {
		t.Fatalf("rows %+v", fb.rows)
	}
	assertContains(t, texts(fb.summary), "1 phản ánh, kiến nghị: 0 đã trả lời")
	fb.list.Select(0)
	f.wait()
	test.Tap(fb.answer)
	f.fill("Đã lắp quạt")
	f.tapDialog("Lưu")
	assertContains(t, fb.rowText(0), "Đã trả lời đúng hạn")
	if !fb.answer.Disabled() {
		t.Error("answer stays enabled")
	}
}

func TestDialogueScreenNeedsAnOwner(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.outreach()
	s.tabs.SelectIndex(3)
	f.wait()
	dg := s.dialogues
	test.Tap(dg.add)
	f.fill("20/11/2026", "08:00", "Nhà văn hóa thôn Trung", "Lê Văn Tuấn", "", "60", "Đường xuống cấp\nThiếu đèn")
	f.tapDialog("Lưu")
	if len(dg.rows) != 1 || len(dg.rows[0].Issues) != 2 {
		t.Fatalf("rows %+v", dg.rows)
	}
	dg.list.Select(0)
	f.wait()
	test.Tap(dg.commit)
	f.fill("Lắp đèn ngõ 3", "", "31/12/2026")
	f.tapDialog("Lưu")
	assertContains(t, f.dialogText(), "chưa có người chịu trách nhiệm")
	f.tapDialog("Đồng ý")
	f.fill("Lắp đèn ngõ 3", "Công chức Địa chính", "31/12/2026")
	f.tapDialog("Lưu")
	assertContains(t, texts(dg.detail), "Người thực hiện: Công chức Địa chính · hạn 31/12/2026 · Đang thực hiện")
	test.Tap(dg.done)
	f.fill("", "Đã lắp 20 bóng")
	f.tapDialog("Lưu")
	assertContains(t, texts(dg.detail), "Hoàn thành đúng hạn")
	assertContains(t, texts(dg.summary), "1 hoàn thành đúng hạn")
	if !strings.Contains(texts(dg.detail), "Kết quả: Đã lắp 20 bóng") {
		t.Errorf("detail: %s", texts(dg.detail))
	}
}

func TestSentScreenMarksALetterOnce(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	l := f.draft(office.LetterInput{Kind: "thanks", Recipient: "Ông Lò Văn Pọm", Fields: map[string]string{"noi_dung": "ủng hộ quỹ khuyến học"}})
	draft := f.draft(office.LetterInput{Kind: "thanks", Recipient: "Bà Hà Thị Ý", Fields: map[string]string{"noi_dung": "giúp đỡ"}})
	if _, err := f.off.IssueLetters(context.Background(), []string{l.ID}); err != nil {
		t.Fatal(err)
	}
	s := f.outreach()
	s.tabs.SelectIndex(4)
	f.wait()
	sv := s.sent
	if len(sv.rows) != 1 {
		t.Fatalf("only issued letters are listed: %d", len(sv.rows))
	}
	assertContains(t, sv.rowText(0), "chưa gửi")
	sv.list.Select(0)
	f.wait()
	test.Tap(sv.send)
	f.fill("01/11/2026")
	f.tapDialog("Lưu")
	assertContains(t, f.dialogText(), "trước ngày cấp số")
	f.tapDialog("Đồng ý")
	f.fill("")
	f.tapDialog("Lưu")
	assertContains(t, sv.rowText(0), "đã gửi tận tay")
	if !sv.send.Disabled() {
		t.Error("a sent letter can be sent again")
	}
	assertContains(t, texts(sv.counts), "Tháng 11: thư cảm ơn 1/1")
	if _, err := f.off.MarkSent(context.Background(), draft.ID, "post", time.Time{}); err == nil {
		t.Error("a draft was marked sent")
	}
}

func TestDashboardNamesWhoHasNotSigned(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	ctx := context.Background()
	for _, n := range []string{"Nguyễn Thị Lan", "Lê Văn Tuấn"} {
		if _, err := f.off.AddStaff(ctx, office.Staff{Name: n, Role: people.RoleCounter, Start: at(2020, 1, 1, 0, 0)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.off.SignPledge(ctx, office.PledgeInput{Staff: "Nguyễn Thị Lan"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.AddFeedback(ctx, office.FeedbackInput{Channel: survey.Hotline, Content: "Phòng chờ nóng", ReceivedAt: at(2026, 11, 2, 9, 0)}); err != nil {
		t.Fatal(err)
	}
	f.shell.dashboard.reload()
	f.wait()
	p := f.shell.dashboard.people
	assertContains(t, texts(p.content), "Cam kết năm 2026: 1/2 cán bộ đã ký")
	assertContains(t, texts(p.content), "Chưa ký: Lê Văn Tuấn.")
	assertContains(t, texts(p.content), "1 phản ánh, kiến nghị quá hạn chưa trả lời")
	if p.bar.Value != 0.5 {
		t.Errorf("the pledge bar shows %v, want half", p.bar.Value)
	}
	if strings.Contains(texts(f.shell.dashboard.hint), "Cam kết") {
		t.Error("the pledge is said twice, in the hint line too")
	}
	if f.shell.tabs.Items[tabPeople].Text != "Người dân" {
		t.Fatalf("tab %d is %q, not Người dân", tabPeople, f.shell.tabs.Items[tabPeople].Text)
	}
	f.win.Resize(fyne.NewSize(1024, 768))
	if m := f.shell.content.MinSize(); m.Width > 1024 || m.Height > 640 {
		t.Errorf("the dashboard with its people panel needs %v", m)
	}
	test.Tap(p.open)
	f.wait()
	if f.shell.tabs.SelectedIndex() != tabPeople {
		t.Error("the panel's button does not open Người dân")
	}
}
