package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/internal/letters"
	"motcua/internal/office"
)

// draft puts a letter in the chair's queue through the office.
func (f *fixture) draft(in office.LetterInput) office.Letter {
	f.t.Helper()
	l, err := f.off.DraftLetter(context.Background(), in)
	if err != nil {
		f.t.Fatal(err)
	}
	return l
}

func (f *fixture) openLetters() *lettersScreen {
	f.shell.tabs.SelectIndex(tabLetters)
	f.wait()
	return f.shell.letters
}

func TestApproveAndPrintNumbersTheDrafts(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 16, 30))
	ctx := context.Background()
	if err := f.off.SetSettings(ctx, map[string]string{"chair_name": "Lê Văn Tuấn", "commune": "Ủy ban nhân dân xã Trung Lý"}); err != nil {
		t.Fatal(err)
	}
	d := f.receive("Lò Văn Sáng", "ket-hon", at(2026, 11, 23, 9, 10))
	f.draft(office.LetterInput{Kind: letters.Marriage, DossierCode: d.Code})
	f.draft(office.LetterInput{Kind: letters.Condolence, Recipient: "Lê Thị Bình", Address: "Thôn Đông",
		Fields: map[string]string{"nguoi_mat": "cụ ông Lê Văn Cường", "ngay": "ngày 22 tháng 11 năm 2026"}})
	s := f.openLetters()
	if len(s.drafts) != 2 {
		t.Fatalf("%d drafts shown", len(s.drafts))
	}
	assertContains(t, texts(s.draftHead), "Thư chờ duyệt (2)")
	if !s.approve.Disabled() {
		t.Error("approve enabled with nothing ticked")
	}
	row := s.draftList.CreateItem()
	s.updateRow(s.drafts, 0, row)
	assertContains(t, texts(row), "Thư chúc mừng kết hôn · Ông/Bà Lò Văn Sáng")
	assertContains(t, texts(row), "soạn 16:30 23/11/2026 · hồ sơ "+d.Code)

	// He reads one before approving.
	s.draftList.Select(1)
	f.wait()
	assertContains(t, texts(s.preview), "vô cùng thương tiếc nhận được tin cụ ông Lê Văn Cường")
	assertContains(t, texts(s.preview), "Lê Văn Tuấn")

	test.Tap(s.selectAll)
	assertContains(t, texts(s.approve), "Duyệt và in 2 thư")
	test.Tap(s.approve)
	assertContains(t, f.dialogText(), "sổ văn bản đi năm 2026")
	f.tapDialog("Có")

	// Numbered 01 and 02 in the outgoing book, printed in one file.
	issued, err := f.off.Letters(ctx, office.LetterIssued, time.Time{})
	if err != nil || len(issued) != 2 {
		t.Fatalf("%d issued (%v)", len(issued), err)
	}
	nums := map[int]bool{}
	for _, l := range issued {
		nums[l.Number] = true
	}
	if !nums[1] || !nums[2] {
		t.Errorf("numbers %v", nums)
	}
	msg := f.dialogText()
	assertContains(t, msg, "2 thư, số 01/UBND đến 02/UBND")
	f.tapDialog("In")
	assertPDF(t, f.lastPrinted(), "Số: 01/UBND", "Số: 02/UBND", "Lò Văn Sáng", "THƯ CHIA BUỒN", "Lê Văn Tuấn")
	if got := f.shell.env.lastDoc.file; got != "thu-so-01-den-02-2026.pdf" {
		t.Errorf("file name %q", got)
	}
	f.tapDialog("Đóng")

	// The queue is empty; the issued list shows the numbers, newest first.
	if len(s.drafts) != 0 || len(s.issued) != 2 {
		t.Fatalf("after approval: %d drafts, %d issued", len(s.drafts), len(s.issued))
	}
	row = s.issuedList.CreateItem()
	s.updateRow(s.issued, 0, row)
	assertContains(t, texts(row), "Số 02/UBND")
	assertContains(t, texts(row), "ngày 23/11/2026")

	// Reprint keeps the numbers.
	s.checked[s.issued[1].ID] = true
	s.updateButtons()
	test.Tap(s.reprint)
	f.wait()
	assertContains(t, f.dialogText(), "số 01/UBND gửi Ông/Bà Lò Văn Sáng")
	f.tapDialog("Đóng")
	again, _ := f.off.Letters(ctx, office.LetterIssued, time.Time{})
	if len(again) != 2 {
		t.Errorf("reprinting issued %d letters", len(again))
	}
}

func TestNewLetterAsksTheKindsFields(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.openLetters()
	test.Tap(s.newBtn)
	f.wait()
	form := f.dialogText()
	assertContains(t, form, "Thư cảm ơn")
	assertContains(t, form, "Việc được cảm ơn *")
	es := f.dialogEntries()
	if len(es) != 3 {
		t.Fatalf("%d entries", len(es))
	}
	test.Type(es[0], "Lò Văn Pọm")
	test.Type(es[2], "ủng hộ 50 triệu đồng xây dựng nhà văn hóa thôn")
	f.tapDialog("Đưa vào danh sách chờ duyệt")
	f.tapDialog("Đồng ý")
	if len(s.drafts) != 1 || s.drafts[0].Fields["noi_dung"] != "ủng hộ 50 triệu đồng xây dựng nhà văn hóa thôn" {
		t.Fatalf("drafts %+v", s.drafts)
	}
	// A fresh form next time.
	test.Tap(s.newBtn)
	f.wait()
	if es := f.dialogEntries(); es[0].Text != "" {
		t.Errorf("the last letter's recipient stayed: %q", es[0].Text)
	}
	f.tapDialog("Hủy")
}

func TestTemplateEditorRefusesAnUnknownField(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.openLetters()
	test.Tap(s.templates)
	f.wait()
	te := s.editor
	te.kindSel.SetSelected(letters.Marriage.Name())
	f.wait()
	assertContains(t, te.text.Text, "đã đăng ký kết hôn {ngay}")
	help := f.dialogText()
	assertContains(t, help, "{ten_con}")
	assertContains(t, help, "tên cháu bé")

	wrong := "Chúc mừng {nguoi_nhan} và {ten_vo}."
	te.text.SetText(wrong)
	test.Tap(te.save)
	f.wait()
	msg := f.dialogText()
	assertContains(t, msg, "{ten_vo}")
	assertContains(t, msg, "Mẫu thư dùng trường không có")
	f.tapDialog("Đồng ý")
	if te.text.Text != wrong {
		t.Errorf("the text was lost: %q", te.text.Text)
	}
	src, _ := f.off.LetterTemplate(context.Background(), letters.Marriage)
	if strings.Contains(src, "ten_vo") {
		t.Error("the wrong template was saved")
	}

	// Another kind and back: the unsaved text is still there.
	te.kindSel.SetSelected(letters.Birth.Name())
	f.wait()
	assertContains(t, te.text.Text, "{ten_con}")
	te.kindSel.SetSelected(letters.Marriage.Name())
	f.wait()
	if te.text.Text != wrong {
		t.Errorf("switching kinds lost the text: %q", te.text.Text)
	}

	// Closing with unsaved changes asks first.
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	assertContains(t, f.dialogText(), "Mẫu thư chúc mừng kết hôn đã sửa nhưng chưa lưu")
	f.tapDialog("Không")
	assertContains(t, f.dialogText(), "Trường dùng được")

	te.text.SetText("Chúc mừng {nguoi_nhan} đã kết hôn {ngay}.")
	test.Tap(te.save)
	f.wait()
	assertContains(t, texts(te.status), "Đã lưu mẫu thư chúc mừng kết hôn")
	src, _ = f.off.LetterTemplate(context.Background(), letters.Marriage)
	if src != "Chúc mừng {nguoi_nhan} đã kết hôn {ngay}." {
		t.Errorf("saved %q", src)
	}

	test.Tap(te.restore)
	f.tapDialog("Có")
	assertContains(t, te.text.Text, "Nhân dịp trọng đại này")
	def, _ := letters.DefaultTemplate(letters.Marriage)
	if src, _ = f.off.LetterTemplate(context.Background(), letters.Marriage); src != def {
		t.Error("the default was not restored")
	}
}
