package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// selectDraft reads draft i of the queue, as the chair does before fixing it.
func (f *fixture) selectDraft(s *lettersScreen, i int) office.Letter {
	f.t.Helper()
	s.draftList.Select(i)
	f.wait()
	if s.previewed == nil || s.previewed.ID != s.drafts[i].ID {
		f.t.Fatalf("draft %d is not the one being read", i)
	}
	return s.drafts[i]
}

func TestFixingADraftInTheQueue(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 16, 30))
	ctx := context.Background()
	d := f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 9, 10))
	f.draft(office.LetterInput{Kind: letters.Birth, DossierCode: d.Code,
		Fields: map[string]string{"ten_con": "Giàng A S", "ngay": "ngày 20 tháng 11 năm 2026"}})
	s := f.openLetters()
	if !s.edit.Disabled() || !s.discard.Disabled() {
		t.Error("fix and discard enabled with no letter being read")
	}
	l := f.selectDraft(s, 0)
	if s.edit.Disabled() || s.discard.Disabled() {
		t.Fatal("fix or discard disabled for a draft")
	}
	assertContains(t, texts(s.preview), "Giàng A S,")

	// The letter form, filled with the draft; the kind cannot change.
	test.Tap(s.edit)
	f.wait()
	form := f.dialogText()
	assertContains(t, form, "Sửa thư chờ duyệt")
	assertContains(t, form, d.Code+" · Đăng ký khai sinh · Giàng A Páo")
	assertContains(t, form, "Tên cháu bé *")
	assertContains(t, form, "Ngày sinh của cháu *")
	es := f.dialogEntries()
	if len(es) != 4 {
		t.Fatalf("%d entries: %s", len(es), form)
	}
	if es[0].Text != "Ông/Bà Giàng A Páo" || es[1].Text != "Thôn Trung, xã Trung Lý" || es[2].Text != "Giàng A S" || es[3].Text != "ngày 20 tháng 11 năm 2026" {
		t.Errorf("prefilled %q %q %q %q", es[0].Text, es[1].Text, es[2].Text, es[3].Text)
	}
	for _, obj := range visibleObjects(f.overlay()) {
		if sel, ok := obj.(*widget.Select); ok && !sel.Disabled() && !slices.Contains(sel.Options, signerByApprover) {
			t.Error("the kind can be changed on a draft")
		}
	}

	// Emptying the baby's name: the office refuses, naming the field, and
	// the form comes back as typed.
	es[2].SetText("")
	es[3].SetText("21/11/2026")
	f.tapDialog("Lưu thư đã sửa")
	assertContains(t, f.dialogText(), "{ten_con}")
	f.tapDialog("Đồng ý")
	es = f.dialogEntries()
	if len(es) != 4 || es[2].Text != "" || es[3].Text != "21/11/2026" {
		t.Fatalf("the form did not come back as typed")
	}
	if got, _ := f.off.Letters(ctx, office.LetterDraft, time.Time{}); got[0].Fields["ten_con"] != "Giàng A S" {
		t.Errorf("the refused fix was saved: %q", got[0].Fields["ten_con"])
	}
	test.Type(es[2], "Giàng A Sử")
	enter(es[2])
	enter(es[3])
	f.wait()
	if o := f.overlay(); o != nil && o.Visible() {
		t.Fatalf("unexpected dialog: %s", texts(o))
	}

	// Saved, still a draft; the queue and the preview show the fix.
	got, _ := f.off.Letters(ctx, office.LetterDraft, time.Time{})
	if len(got) != 1 || got[0].ID != l.ID || got[0].Fields["ten_con"] != "Giàng A Sử" || got[0].Fields["ngay"] != "ngày 21 tháng 11 năm 2026" {
		t.Fatalf("after the fix: %+v", got)
	}
	if len(s.drafts) != 1 || s.drafts[0].Fields["ten_con"] != "Giàng A Sử" {
		t.Error("the queue was not reloaded")
	}
	assertContains(t, texts(s.preview), "Giàng A Sử")
	assertContains(t, texts(s.preview), "ngày 21 tháng 11 năm 2026")
	if s.previewed == nil || s.previewed.ID != l.ID || s.edit.Disabled() {
		t.Error("the fixed draft is no longer the one being read")
	}

	// Cancel forgets what was typed: the next opening shows the draft.
	test.Tap(s.edit)
	f.wait()
	es = f.dialogEntries()
	es[0].SetText("Bà Vàng Thị Mỷ")
	f.tapDialog("Hủy")
	test.Tap(s.edit)
	f.wait()
	if es = f.dialogEntries(); es[0].Text != "Ông/Bà Giàng A Páo" {
		t.Errorf("a cancelled change came back: %q", es[0].Text)
	}
	// The recipient, fixed, is what the letter prints.
	es[0].SetText("Bà Vàng Thị Mỷ")
	f.tapDialog("Lưu thư đã sửa")
	assertContains(t, s.previewTitle.Text, "gửi Bà Vàng Thị Mỷ")
	assertContains(t, texts(s.preview), "Kính gửi: Bà Vàng Thị Mỷ")

	// Once approved, it can be neither fixed nor discarded.
	test.Tap(s.selectAll)
	test.Tap(s.approve)
	f.tapDialog("Có")
	f.tapDialog("Đóng")
	if s.previewed == nil || s.previewed.Status != office.LetterIssued {
		t.Fatal("the approved letter is not the one being read")
	}
	if !s.edit.Disabled() || !s.discard.Disabled() {
		t.Error("fix or discard enabled for an issued letter")
	}
}

func TestDiscardingADraftAsksFirst(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 16, 30))
	ctx := context.Background()
	first := f.draft(office.LetterInput{Kind: letters.Thanks, Recipient: "Hà Văn Khánh", Fields: map[string]string{"noi_dung": "giúp đỡ"}})
	if _, err := f.off.IssueLetters(ctx, []string{first.ID}); err != nil {
		t.Fatal(err)
	}
	f.draft(office.LetterInput{Kind: letters.Thanks, Recipient: "Lò Văn Pọm", Fields: map[string]string{"noi_dung": "ủng hộ quỹ khuyến học"}})
	f.draft(office.LetterInput{Kind: letters.Condolence, Recipient: "Lê Thị Bình", Address: "Thôn Đông",
		Fields: map[string]string{"nguoi_mat": "cụ ông Lê Văn Cường", "ngay": "ngày 22 tháng 11 năm 2026"}})
	s := f.openLetters()

	// The issued letter cannot be dropped: its number is taken.
	s.issuedList.Select(0)
	f.wait()
	if !s.edit.Disabled() || !s.discard.Disabled() {
		t.Error("fix or discard enabled for an issued letter")
	}

	f.selectDraft(s, 0)
	s.checked[s.drafts[0].ID] = true
	test.Tap(s.discard)
	assertContains(t, f.dialogText(), "Xóa thư nháp gửi Ông/Bà Lò Văn Pọm?")
	f.tapDialog("Không")
	if len(s.drafts) != 2 {
		t.Fatalf("“Không” discarded: %d drafts", len(s.drafts))
	}
	test.Tap(s.discard)
	f.tapDialog("Có")
	if o := f.overlay(); o != nil && o.Visible() {
		t.Fatalf("unexpected dialog: %s", texts(o))
	}
	ds, _ := f.off.Letters(ctx, office.LetterDraft, time.Time{})
	if len(ds) != 1 || ds[0].Recipient != "Ông/Bà Lê Thị Bình" {
		t.Fatalf("drafts left: %+v", ds)
	}
	if len(s.drafts) != 1 || len(s.checked) != 0 {
		t.Errorf("the queue shows %d drafts, %d ticked", len(s.drafts), len(s.checked))
	}
	assertContains(t, texts(s.draftHead), "Thư chờ duyệt (1)")
	assertContains(t, texts(s.preview), "Chọn một thư để đọc nội dung.")
	if !s.edit.Disabled() || !s.discard.Disabled() || !s.approve.Disabled() {
		t.Error("buttons enabled with nothing read or ticked")
	}

	// The outgoing book never saw the discarded draft: the next number is 02.
	test.Tap(s.selectAll)
	test.Tap(s.approve)
	f.tapDialog("Có")
	assertContains(t, f.dialogText(), "số 02/UBND gửi Ông/Bà Lê Thị Bình")
	f.tapDialog("Đóng")
}

// The clerk picks Ông or Bà; the form guesses from the name and the letter
// prints the choice instead of "Ông/Bà".
func TestLetterFormSalutation(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	p.draftLetter(letters.Thanks)
	f.wait()
	var radio *widget.RadioGroup
	for _, o := range visibleObjects(f.overlay()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			radio = r
		}
	}
	if radio == nil {
		t.Fatalf("no Ông/Bà choice: %s", f.dialogText())
	}
	if radio.Selected != "Chưa rõ (Ông/Bà)" {
		t.Errorf("guessed %q for Giàng A Páo", radio.Selected)
	}
	es := f.dialogEntries()
	es[0].SetText("Nguyễn Thị Hoa")
	if radio.Selected != "Bà" {
		t.Errorf("guessed %q for Nguyễn Thị Hoa", radio.Selected)
	}
	es[0].SetText("Giàng A Páo")
	radio.SetSelected("Ông")
	for _, en := range es[2:] {
		if en.Text == "" {
			en.SetText("đã góp ý cho bộ phận một cửa")
		}
	}
	f.tapDialog("Đưa vào danh sách chờ duyệt")
	assertContains(t, f.dialogText(), "Ông Giàng A Páo")
	assertNotContains(t, f.dialogText(), "Ông/Bà")
}

// signerSelect is the letter form's choice of signer.
func (f *fixture) signerSelect() *widget.Select {
	f.t.Helper()
	for _, o := range visibleObjects(f.overlay()) {
		if sel, ok := o.(*widget.Select); ok && slices.Contains(sel.Options, signerByApprover) {
			return sel
		}
	}
	f.t.Fatalf("no choice of signer: %s", f.dialogText())
	return nil
}

// The letter form offers the chair and the vice-chairs as signers; the draft keeps the
// choice, the queue shows the block it will print, and fixing the draft changes it.
func TestLetterFormOffersTheSigners(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	p.draftLetter(letters.Thanks)
	f.wait()
	sel := f.signerSelect()
	want := []string{signerByApprover, "Lê Văn Tuấn (Chủ tịch)", "Phạm Thị Hòa (Phó Chủ tịch)", "Hà Văn Bình (Phó Chủ tịch)"}
	if !slices.Equal(sel.Options, want) || sel.Selected != signerByApprover {
		t.Fatalf("signers offered %q (chosen %q), want %q", sel.Options, sel.Selected, want)
	}
	sel.SetSelected("Hà Văn Bình (Phó Chủ tịch)")
	for _, en := range f.dialogEntries()[2:] {
		if en.Text == "" {
			en.SetText("đã góp ý cho bộ phận một cửa")
		}
	}
	f.tapDialog("Đưa vào danh sách chờ duyệt")
	assertContains(t, f.dialogText(), "người ký: Hà Văn Bình (Phó Chủ tịch)")
	f.tapDialog("Đồng ý")
	ls, err := f.off.Letters(context.Background(), office.LetterDraft, time.Time{})
	if err != nil || len(ls) != 1 || ls[0].Signer.Name != "Hà Văn Bình" || ls[0].Signer.Role != letters.SignerViceChair {
		t.Fatalf("draft %+v %v", ls, err)
	}

	s := f.openLetters()
	f.selectDraft(s, 0)
	row := newLetterRow()
	row.Set(ls[0], false, nil)
	assertContains(t, row.line2.Text, "ký: Hà Văn Bình (Phó Chủ tịch)")
	assertContains(t, s.preview.Text, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHà Văn Bình")
	test.Tap(s.edit)
	f.wait()
	sel = f.signerSelect()
	if sel.Selected != "Hà Văn Bình (Phó Chủ tịch)" {
		t.Fatalf("the draft's signer is not shown: %q", sel.Selected)
	}
	sel.SetSelected(signerByApprover)
	f.tapDialog("Lưu thư đã sửa")
	f.wait()
	if ls, _ := f.off.Letters(context.Background(), office.LetterDraft, time.Time{}); ls[0].Signer.Valid() {
		t.Fatalf("signer still %+v", ls[0].Signer)
	}
	assertContains(t, s.preview.Text, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Tuấn")
	assertContains(t, s.preview.Text, "Người duyệt thư ký")
}
