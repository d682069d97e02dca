package app

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/internal/docs"
	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/register"
)

func TestCtrlPPrintsTheReceiptJustSaved(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception

	// Nothing saved yet: it says what to do instead.
	f.shell.tabs.SelectIndex(tabReception)
	r.procSearch.TypedShortcut(ctrl(fyne.KeyP))
	f.wait()
	assertContains(t, f.dialogText(), "Chưa lưu hồ sơ nào")
	f.tapDialog("Đồng ý")

	f.pickProcedure("khai sinh")
	test.Type(r.name, "Giàng A Páo")
	test.Type(r.address, "Thôn Trung, xã Trung Lý")
	r.name.TypedShortcut(&desktopShortcutS)
	f.wait()
	assertContains(t, texts(r.saved), "In giấy tiếp nhận (2 liên)")

	// One key after saving: the receipt goes to the printer.
	r.procSearch.TypedShortcut(ctrl(fyne.KeyP))
	f.wait()
	msg := f.dialogText()
	assertContains(t, msg, "Đã gửi tới máy in (khổ A4, 2 liên)")
	pdf := f.lastPrinted()
	assertPDF(t, pdf, "Giàng A Páo", "Liên 1: lưu", "Liên 2: giao người nộp", r.lastCode)
	doc := f.shell.env.lastDoc
	if doc.file != "giay-hen-"+r.lastCode+".pdf" {
		t.Errorf("file name %q", doc.file)
	}
	// Enter closes the message; the form is ready for the next citizen.
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if o := f.overlay(); o != nil && o.Visible() {
		t.Errorf("Enter left the dialog open: %s", texts(o))
	}

	// On Windows the viewer opens and the clerk prints from there.
	f.sys.viaViewer = true
	test.Tap(r.printBtn)
	f.wait()
	assertContains(t, f.dialogText(), "bấm nút In (hoặc Ctrl+P) trong chương trình đó")
	f.tapDialog("Xem")
	if len(f.sys.opened) != 1 {
		t.Errorf("Xem opened %d files", len(f.sys.opened))
	}
	f.tapDialog("Đóng")
}

// menuItems lists the paper menu's items as "label" or "label (tắt)".
func menuItems(p *detailPane) map[string]*fyne.MenuItem {
	out := map[string]*fyne.MenuItem{}
	for _, it := range p.paperMenu().Items {
		if !it.IsSeparator {
			out[it.Label] = it
		}
	}
	return out
}

func enabledForms(p *detailPane) string {
	var on []string
	for _, f := range p.e.off.Papers(p.d) {
		if it := menuItems(p)["In "+lowerFirst(f.Label)]; it != nil && !it.Disabled {
			on = append(on, string(f.Kind))
		}
	}
	return strings.Join(on, " ")
}

func TestDetailPrintsTheFormsItsHistoryHas(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	d := f.receive("Đỗ Đức Đạt", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	if got := enabledForms(p); got != "receipt control" {
		t.Errorf("received: %s", got)
	}

	// The receipt from the menu: view, save or print.
	menuItems(p)["In "+lowerFirst(formByKind(p.e, "receipt").Label)].Action()
	f.wait()
	assertContains(t, f.dialogText(), "Tài liệu đã sẵn sàng")
	f.tapDialog("In")
	assertPDF(t, f.lastPrinted(), "Đỗ Đức Đạt", d.Code)
	f.tapDialog("Đóng")

	test.Tap(p.supplement)
	test.Type(f.dialogEntries()[0], "Thiếu giấy xác nhận của chủ hộ")
	test.Type(f.dialogEntries()[1], "Hồ sơ thiếu giấy tờ theo quy định")
	f.tapDialog("Yêu cầu bổ sung")
	if got := enabledForms(p); got != "receipt control supplement" {
		t.Errorf("supplement requested: %s", got)
	}
	menuItems(p)["In "+lowerFirst(formByKind(p.e, "supplement").Label)].Action()
	f.wait()
	f.tapDialog("In")
	assertPDFWords(t, f.lastPrinted(), "Thiếu giấy xác nhận của chủ hộ")
	f.tapDialog("Đóng")

	test.Tap(p.refuse)
	test.Type(f.dialogEntries()[0], "Không thuộc thẩm quyền của xã")
	f.tapDialog("Từ chối")
	// Refused at the counter while waiting for the supplement: form 03, and
	// no stop notice (a refusal is not a stop).
	if got := enabledForms(p); got != "receipt control supplement refusal" {
		t.Errorf("refused: %s", got)
	}
	menuItems(p)["In "+lowerFirst(formByKind(p.e, "refusal").Label)].Action()
	f.wait()
	f.tapDialog("In")
	assertPDFWords(t, f.lastPrinted(), "Không thuộc thẩm quyền của xã")
	f.tapDialog("Đóng")

	// A form the history lacks is refused by the office in Vietnamese
	// (the menu greys it out; the office is the rule's home).
	printForm(f.shell.env, formByKind(f.shell.env, "apology"), d.Code, false)
	f.wait()
	assertContains(t, f.dialogText(), "chưa có văn bản xin lỗi")
}

func TestReturningABirthProposesTheLetter(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 15, 40))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.ret)
	f.tapDialog("Có")
	assertContains(t, f.dialogText(), "Kết quả: Đúng hạn")
	f.tapDialog("Đồng ý")
	msg := f.dialogText()
	assertContains(t, msg, "Soạn thư chúc mừng gửi công dân?")
	assertContains(t, msg, "Thư chúc mừng khai sinh")
	f.tapDialog("Có")
	f.wait()

	// The form asks what the register does not know: the baby and the
	// birth date.
	form := f.dialogText()
	assertContains(t, form, "Giàng A Páo")
	assertContains(t, form, "Tên cháu bé *")
	assertContains(t, form, "Ngày sinh của cháu *")
	es := f.dialogEntries()
	if len(es) != 4 || es[0].Text != "Giàng A Páo" || es[1].Text != "Thôn Trung, xã Trung Lý" {
		t.Fatalf("form entries: %d", len(es))
	}
	// Without the baby's name the office says what is missing, and the
	// date typed stays.
	es[3].SetText("20/11/2026")
	f.tapDialog("Đưa vào danh sách chờ duyệt")
	assertContains(t, f.dialogText(), "{ten_con}")
	f.tapDialog("Đồng ý")
	es = f.dialogEntries()
	if len(es) != 4 || es[3].Text != "20/11/2026" {
		t.Fatalf("the date was lost: %d entries", len(es))
	}
	// The baby's name comes first, where the cursor is; Enter walks to the
	// date and Enter there drafts.
	if f.focusedEntry() != es[2] {
		t.Errorf("the cursor is not in the baby's name")
	}
	test.Type(es[2], "Giàng A Sử")
	enter(es[2])
	enter(es[3])
	f.wait()
	assertContains(t, f.dialogText(), "đang chờ Chủ tịch duyệt")
	f.tapDialog("Đồng ý")

	ls, err := f.off.Letters(context.Background(), office.LetterDraft, time.Time{})
	if err != nil || len(ls) != 1 {
		t.Fatalf("%d drafts (%v)", len(ls), err)
	}
	l := ls[0]
	if l.Kind != "birth" || l.Fields["ten_con"] != "Giàng A Sử" || l.Fields["ngay"] != "ngày 20 tháng 11 năm 2026" || l.Recipient != "Ông/Bà Giàng A Páo" {
		t.Errorf("draft %+v", l)
	}
	// The chair's queue shows it.
	f.shell.tabs.SelectIndex(tabLetters)
	f.wait()
	if len(f.shell.letters.drafts) != 1 {
		t.Errorf("the queue shows %d drafts", len(f.shell.letters.drafts))
	}
}

func TestReturningAnotherProcedureProposesNothing(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Đỗ Đức Đạt", "thuong-tru", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	test.Tap(p.ret)
	f.tapDialog("Có")
	f.tapDialog("Đồng ý")
	if o := f.overlay(); o != nil && o.Visible() {
		t.Errorf("unexpected dialog: %s", texts(o))
	}
	if p.d.State != register.Returned {
		t.Errorf("state %s", p.d.State)
	}
}

func TestReceivingADeathOffersTheCondolenceLetter(t *testing.T) {
	f := newFixture(t, monday0740)
	ctx := context.Background()
	r := f.shell.reception

	// A birth: the congratulations wait for the result.
	f.pickProcedure("dang ky khai sinh")
	test.Type(r.name, "Giàng A Páo")
	test.Tap(r.save)
	f.wait()
	if r.letterBtn.Visible() {
		t.Error("a birth offers a letter at reception")
	}

	// A death: the family is at the counter now.
	f.pickProcedure("dang ky khai tu")
	test.Type(r.name, "Lò Thị Dung")
	test.Type(r.address, "Bản Mòng, xã Trung Lý")
	test.Tap(r.save)
	f.wait()
	code := r.lastCode
	assertContains(t, texts(r.saved), "Soạn thư chia buồn…")
	if m := f.shell.content.MinSize(); m.Width > 1024 || m.Height > 640 {
		t.Errorf("the banner with its letter button needs %v", m)
	}
	test.Tap(r.letterBtn)
	f.wait()
	form := f.dialogText()
	assertContains(t, form, "Thư chia buồn")
	assertContains(t, form, code+" · Đăng ký khai tử · Lò Thị Dung")
	assertContains(t, form, "Người đã mất, có danh xưng *")
	assertContains(t, form, "Ngày mất *")
	es := f.dialogEntries()
	if len(es) != 4 || es[0].Text != "Lò Thị Dung" || es[1].Text != "Bản Mòng, xã Trung Lý" {
		t.Fatalf("form: %d entries", len(es))
	}
	if f.focusedEntry() != es[2] {
		t.Error("the cursor is not on the deceased")
	}
	// A cancel keeps what was typed.
	test.Type(es[2], "cụ ông Lò Văn Pọm")
	f.tapDialog("Hủy")
	test.Tap(r.letterBtn)
	f.wait()
	es = f.dialogEntries()
	if es[2].Text != "cụ ông Lò Văn Pọm" {
		t.Fatalf("the deceased was lost: %q", es[2].Text)
	}
	test.Type(es[3], "21/11/2026")
	enter(es[3])
	f.wait()
	assertContains(t, f.dialogText(), "đang chờ Chủ tịch duyệt")
	f.tapDialog("Đồng ý")
	if r.letterBtn.Visible() {
		t.Error("the button stays after the letter is in the queue")
	}
	ls, _ := f.off.Letters(ctx, office.LetterDraft, time.Time{})
	if len(ls) != 1 || ls[0].Kind != "condolence" || ls[0].Fields["ma_ho_so"] != code ||
		ls[0].Fields["nguoi_mat"] != "cụ ông Lò Văn Pọm" || ls[0].Fields["ngay"] != "ngày 21 tháng 11 năm 2026" {
		t.Fatalf("drafts %+v", ls)
	}

	// At return the letter is not asked for again.
	p := f.selectDossier(0)
	if p.d.Code != code {
		t.Fatalf("selected %s", p.d.Code)
	}
	test.Tap(p.ret)
	f.tapDialog("Có")
	assertContains(t, f.dialogText(), "Đã trả kết quả")
	f.tapDialog("Đồng ý")
	if o := f.overlay(); o != nil && o.Visible() {
		t.Errorf("asked again at return: %s", texts(o))
	}
}

func TestReturningADeathWithoutALetterStillProposesIt(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 15, 40))
	f.receive("Lò Thị Dung", "khai-tu", at(2026, 11, 23, 7, 40))
	// A letter of another kind for the dossier does not count.
	d := f.receive("Lò Thị Dung", "khai-tu", at(2026, 11, 23, 7, 50))
	f.draft(office.LetterInput{Kind: letters.Thanks, DossierCode: d.Code, Fields: map[string]string{"noi_dung": "giúp đỡ"}})
	p := f.selectDossier(0)
	if p.d.Code != d.Code {
		t.Fatalf("selected %s", p.d.Code)
	}
	test.Tap(p.ret)
	f.tapDialog("Có")
	f.tapDialog("Đồng ý")
	msg := f.dialogText()
	assertContains(t, msg, "Soạn thư chia buồn gửi gia đình?")
	f.tapDialog("Có")
	assertContains(t, f.dialogText(), "Ngày mất *")
	f.tapDialog("Hủy")
}

// When the viewer fails, "In" says so instead of claiming the document
// opened, tells where the file is and opens its folder on request.
func TestPrintingSaysWhenTheViewerFailed(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	p := f.selectDossier(0)
	f.sys.viaViewer = true
	f.sys.noViewer = errors.New("máy tính chưa có chương trình mở tệp PDF")
	printForm(f.shell.env, formByKind(f.shell.env, docs.FormReceipt), p.d.Code, true)
	f.wait()
	msg := f.dialogText()
	assertNotContains(t, msg, "Đã mở tài liệu")
	assertContains(t, msg, "chưa có chương trình mở tệp PDF")
	assertContains(t, msg, "Tài liệu đã được lưu ở:")
	f.tapDialog("Mở thư mục chứa tệp")
	if len(f.sys.opened) != 1 || strings.HasSuffix(f.sys.opened[0], ".pdf") {
		t.Fatalf("opened %q, want the folder", f.sys.opened)
	}
	// The document dialog under it says nothing was printed.
	msg = f.dialogText()
	assertContains(t, msg, "Chưa in được")
	assertNotContains(t, msg, "bấm nút In (hoặc Ctrl+P)")
}

// assertPDFWords is assertPDF with the text's line breaks read as spaces:
// a sentence may wrap anywhere on the printed form.
func assertPDFWords(t *testing.T, data []byte, wants ...string) {
	t.Helper()
	text := strings.Join(strings.Fields(pdfText(t, data)), " ")
	if text == "" {
		return
	}
	for _, w := range wants {
		assertContains(t, text, w)
	}
}

// A paper the People's Committee signs (the apology) offers the chair and
// the vice-chairs in a submenu; the one picked signs "KT. CHỦ TỊCH", while
// the counter's own papers offer no choice.
func TestApologyPaperOffersTheViceChairsAsSigners(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	d := f.receive("Đỗ Đức Đạt", "cai-chinh-ho-tich", at(2026, 11, 23, 7, 40))
	if _, _, err := f.off.Apologise(context.Background(), d.Code, "Cần xác minh thêm nơi ở", at(2026, 12, 10, 0, 0), at(2026, 11, 23, 10, 0)); err != nil {
		t.Fatal(err)
	}
	p := f.selectDossier(0)
	if it := menuItems(p)["In "+lowerFirst(formByKind(p.e, "receipt").Label)]; it == nil || it.ChildMenu != nil {
		t.Fatalf("the receipt, signed by the counter, offers signers: %+v", it)
	}
	it := menuItems(p)["In "+lowerFirst(formByKind(p.e, "apology").Label)]
	if it == nil || it.Disabled || it.ChildMenu == nil {
		t.Fatalf("the apology offers no signer: %+v", it)
	}
	var labels []string
	var vice *fyne.MenuItem
	for _, s := range it.ChildMenu.Items {
		labels = append(labels, s.Label)
		if strings.Contains(s.Label, "Phạm Thị Hòa") {
			vice = s
		}
	}
	if !strings.Contains(labels[0], "người ký thường lệ") || vice == nil {
		t.Fatalf("signers offered: %q", labels)
	}
	vice.Action()
	f.wait()
	f.tapDialog("In")
	assertPDF(t, f.lastPrinted(), d.Code, "KT. CHỦ TỊCH", "Phạm Thị Hòa")
	f.tapDialog("Đóng")

	// A residence dossier's papers are the commune police's: no choice.
	r := f.receive("Vàng Thị Mỷ", "thuong-tru", at(2026, 11, 23, 8, 0))
	if _, _, err := f.off.Apologise(context.Background(), r.Code, "Cần xác minh thêm nơi ở", at(2026, 12, 10, 0, 0), at(2026, 11, 23, 10, 0)); err != nil {
		t.Fatal(err)
	}
	rd, err := f.off.Show(context.Background(), r.Code)
	if err != nil {
		t.Fatal(err)
	}
	for _, pp := range f.off.Papers(rd) {
		if pp.ChooseSigner {
			t.Errorf("the police's %s offers the committee's signers", pp.Kind)
		}
	}
}
