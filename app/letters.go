package app

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/calendar"
	"motcua/internal/letters"
	"motcua/internal/office"
)

// letterDraft is what the letter form holds, kept between openings until
// the letter is in the queue: an error or a cancel loses nothing typed.
type letterDraft struct {
	editID string // the draft in the queue being fixed; "" for a new letter
	// hadAddress: the draft being fixed has an address, which the office
	// cannot empty.
	hadAddress bool
	kind       letters.Kind
	dossier    string // dossier code; "" for a letter without a dossier
	about      string // the dossier as the form names it
	recipient  string
	address    string
	fields     map[string]string // typed values by merge-field name
}

// letterKindNames are the kinds as the selectors list them.
func letterKindNames() []string {
	var out []string
	for _, k := range letters.Kinds() {
		out = append(out, k.Name())
	}
	return out
}

func letterKindByName(name string) letters.Kind {
	for _, k := range letters.Kinds() {
		if k.Name() == name {
			return k
		}
	}
	return ""
}

// letterFieldLabel names a merge field for the clerk: the date fields say
// which date, the others use the meaning letters.Fields() gives.
func letterFieldLabel(f letters.Field, k letters.Kind) string {
	switch f.Name {
	case "ngay":
		switch k {
		case letters.Birth:
			return "Ngày sinh của cháu"
		case letters.Condolence:
			return "Ngày mất"
		case letters.Marriage:
			return "Ngày đăng ký kết hôn"
		}
		return "Ngày của sự việc"
	case "ngay_hen":
		return "Ngày hẹn trả kết quả mới"
	}
	m := f.Meaning
	if i := strings.Index(m, " ("); i > 0 {
		m = m[:i]
	}
	return capitalise(m)
}

// isDateField reports the fields typed as a date and printed in words.
func isDateField(name string) bool { return name == "ngay" || name == "ngay_hen" }

// letterValue turns what the clerk typed into the field's printed value:
// a date typed 20/11/2026 prints "ngày 20 tháng 11 năm 2026"; a new due
// date prints with the office's return time.
func letterValue(e *env, name, typed string, k letters.Kind) (string, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" || !isDateField(name) {
		return typed, nil
	}
	if strings.HasPrefix(strings.ToLower(typed), "ngày ") || strings.Contains(typed, " giờ ") {
		return typed, nil // already in words
	}
	t, err := parseDate(typed)
	if err != nil {
		return "", fmt.Errorf("%s: %w", strings.ToLower(letterFieldLabel(letters.Field{Name: name}, k)), err)
	}
	if name == "ngay_hen" {
		at := int(e.off.Profile().Hours.ReturnAt)
		t = time.Date(t.Year(), t.Month(), t.Day(), at/60, at%60, 0, 0, calendar.Zone)
		return letters.TimeInWords(t), nil
	}
	return letters.DateInWords(t), nil
}

// openLetterForm shows the letter form: kind, recipient, address and the
// fields the kind's wording needs that the office cannot fill (the baby's
// name for a birth letter). "Đưa vào danh sách chờ duyệt" (or Enter in the
// last field) drafts it for the chair; done runs once it is in the queue.
// With dr.editID the same form fixes a draft already in the queue: the kind
// stays, and "Lưu thư đã sửa" saves the recipient, address and fields.
func openLetterForm(e *env, dr *letterDraft, done func(office.Letter)) {
	editing := dr.editID != ""
	kindSel := widget.NewSelect(letterKindNames(), nil)
	recipient := widget.NewEntry()
	recipient.SetPlaceHolder("Họ tên người nhận, ví dụ: Giàng A Páo")
	if editing {
		// A draft's recipient carries the form of address the letter
		// prints ("Ông/Bà Giàng A Páo").
		recipient.SetPlaceHolder("Người nhận có danh xưng, ví dụ: Ông Giàng A Páo")
	}
	recipient.SetText(dr.recipient)
	recipient.OnChanged = func(s string) { dr.recipient = s }
	address := widget.NewEntry()
	address.SetPlaceHolder("Thôn, xã")
	address.SetText(dr.address)
	address.OnChanged = func(s string) { dr.address = s }

	// One form layout for all rows, so the labels line up; the kind's own
	// fields are the rows after the fixed ones.
	form := container.New(layout.NewFormLayout(), fieldLabel("Loại thư"), kindSel)
	if dr.about != "" {
		about := widget.NewLabel(dr.about)
		about.Wrapping = fyne.TextWrapWord
		form.Add(fieldLabel("Hồ sơ"))
		form.Add(about)
	}
	form.Add(fieldLabel("Người nhận *"))
	form.Add(recipient)
	form.Add(fieldLabel("Địa chỉ"))
	form.Add(address)
	fixed := len(form.Objects)
	note := dimLabel("")

	var d *dialog.CustomDialog
	var submit func()
	var gen int
	loadNeeds := func() {
		gen++
		my, kind := gen, dr.kind
		form.Objects = form.Objects[:fixed]
		form.Refresh()
		note.SetText("Đang xem mẫu thư cần những gì…")
		in := office.LetterInput{Kind: kind, DossierCode: dr.dossier}
		e.background(func() {
			needs, err := e.off.LetterNeeds(e.ctx, in)
			e.do(func() {
				if my != gen {
					return
				}
				if err != nil {
					note.SetText("Không đọc được mẫu thư: " + err.Error())
					return
				}
				// What only the family knows first (the baby's name), the
				// dates after.
				sort.SliceStable(needs, func(i, j int) bool { return !isDateField(needs[i].Name) && isDateField(needs[j].Name) })
				chain := []*widget.Entry{recipient, address}
				for _, f := range needs {
					name := f.Name
					en := widget.NewEntry()
					if isDateField(name) {
						en.SetPlaceHolder("ngày/tháng/năm, ví dụ 20/11/2026")
					} else {
						en.SetPlaceHolder("Ví dụ: " + f.Example)
					}
					en.SetText(dr.fields[name])
					en.OnChanged = func(s string) { dr.fields[name] = s }
					form.Add(fieldLabel(letterFieldLabel(f, kind) + " *"))
					form.Add(en)
					chain = append(chain, en)
				}
				// Enter goes to the next field; in the last one it drafts.
				for i, en := range chain {
					if i+1 < len(chain) {
						next := chain[i+1]
						en.OnSubmitted = func(string) { e.win.Canvas().Focus(next) }
					} else {
						en.OnSubmitted = func(string) { submit() }
					}
				}
				if len(needs) == 0 {
					note.SetText("Mẫu " + strings.ToLower(kind.Name()) + " lấy đủ thông tin từ hồ sơ và cài đặt của xã.")
				} else if dr.dossier != "" {
					note.SetText("Các ô có dấu * là thông tin mẫu thư cần mà sổ theo dõi không có.")
				} else {
					note.SetText("Các ô có dấu * là thông tin mẫu thư cần.")
				}
				d.Resize(fyne.NewSize(640, d.MinSize().Height))
				if e.win.Canvas().Focused() == nil {
					focus := chain[0]
					if dr.recipient != "" && len(chain) > 2 {
						focus = chain[2]
					}
					e.win.Canvas().Focus(focus)
				}
			})
		})
	}
	kindSel.SetSelected(dr.kind.Name())
	if editing {
		kindSel.Disable() // a draft keeps its kind; another kind is another letter
	}
	kindSel.OnChanged = func(name string) {
		if k := letterKindByName(name); k != "" && k != dr.kind {
			dr.kind = k
			loadNeeds()
		}
	}

	cancel := widget.NewButtonWithIcon("Hủy", theme.CancelIcon(), nil)
	okLabel, title := "Đưa vào danh sách chờ duyệt", "Soạn thư gửi công dân"
	if editing {
		okLabel, title = "Lưu thư đã sửa", "Sửa thư chờ duyệt"
	}
	ok := widget.NewButtonWithIcon(okLabel, theme.ConfirmIcon(), nil)
	ok.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, note), e.win)
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	cancel.OnTapped = d.Hide
	submit = func() {
		d.Hide()
		in := office.LetterInput{Kind: dr.kind, DossierCode: dr.dossier, Recipient: strings.TrimSpace(dr.recipient),
			Address: strings.TrimSpace(dr.address), Fields: map[string]string{}}
		retry := func() { openLetterForm(e, dr, done) }
		if editing {
			// The office keeps the old recipient or address for an empty
			// one: say so rather than seem to save.
			if in.Recipient == "" {
				e.showError(errors.New("thư cần người nhận: nhập họ tên người nhận, có danh xưng, ví dụ Ông Giàng A Páo"), retry)
				return
			}
			if in.Address == "" && dr.hadAddress {
				e.showError(errors.New("không bỏ trống được địa chỉ của thư đã soạn; sửa địa chỉ, hoặc xóa thư nháp này rồi soạn thư mới không có địa chỉ"), retry)
				return
			}
		}
		for name, typed := range dr.fields {
			v, err := letterValue(e, name, typed, dr.kind)
			if err != nil {
				e.showError(err, retry)
				return
			}
			// A field emptied while fixing a draft goes to the office,
			// which refuses it by name; a new letter just leaves it out.
			if v != "" || editing {
				in.Fields[name] = v
			}
		}
		e.background(func() {
			// The fields of another kind, typed before the kind changed,
			// stay in the draft but do not go to the office.
			needs, err := e.off.LetterNeeds(e.ctx, office.LetterInput{Kind: in.Kind, DossierCode: in.DossierCode})
			if err == nil {
				keep := map[string]string{}
				for _, f := range needs {
					if v, ok := in.Fields[f.Name]; ok {
						keep[f.Name] = v
					}
				}
				in.Fields = keep
			}
			var l office.Letter
			if editing {
				l, err = e.off.UpdateDraft(e.ctx, dr.editID, in.Recipient, in.Address, in.Fields)
			} else {
				l, err = e.off.DraftLetter(e.ctx, in)
			}
			e.do(func() {
				if err != nil {
					e.showError(err, retry)
					return
				}
				if done != nil {
					done(l)
				}
				if e.lettersChanged != nil {
					e.lettersChanged()
				}
				if editing {
					return // the queue's preview shows the letter as fixed
				}
				e.info("Đã đưa thư vào danh sách chờ duyệt",
					"“"+in.Kind.Name()+"” gửi "+l.Recipient+" đang chờ Chủ tịch duyệt, ký trong mục “Thư”.")
			})
		})
	}
	ok.OnTapped = submit
	d.Resize(fyne.NewSize(640, 0))
	e.show(d, nil, d.Hide)
	loadNeeds()
	if dr.recipient == "" {
		e.win.Canvas().Focus(recipient)
	}
}

// lettersScreen is the chair's letters queue: the drafts waiting for his
// approval, which he ticks, reads and approves and prints in one go, and
// the letters already numbered, to print again.
type lettersScreen struct {
	e *env

	drafts, issued []office.Letter
	checked        map[string]bool // ticked letters, drafts and issued alike
	previewID      string
	previewed      *office.Letter // the letter being read, which "Sửa thư" and "Xóa thư nháp" act on

	draftList, issuedList *widget.List
	draftHead, issuedHead *widget.Label
	selectAll             *widget.Check
	approve, reprint      *widget.Button
	newBtn, templates     *widget.Button
	edit, discard         *widget.Button // fix or drop the draft being read
	busy                  bool           // a fix or a discard is under way
	previewTitle          *widget.Label
	preview               *widget.Label
	content               fyne.CanvasObject

	// newDraft keeps the "Soạn thư mới" form's values until the letter is
	// in the queue.
	newDraft *letterDraft
	editor   *templateEditor // the last "Mẫu thư" dialog opened
}

func newLettersScreen(e *env) *lettersScreen {
	s := &lettersScreen{e: e, checked: map[string]bool{}}
	s.draftHead = heading("Thư chờ duyệt")
	s.issuedHead = heading("Thư đã cấp số")
	s.selectAll = widget.NewCheck("Chọn tất cả", s.tickAll)
	s.approve = widget.NewButtonWithIcon("Duyệt và in", theme.ConfirmIcon(), s.approveChecked)
	s.approve.Importance = widget.HighImportance
	s.reprint = widget.NewButtonWithIcon("In lại", theme.DocumentPrintIcon(), s.reprintChecked)
	s.newBtn = widget.NewButtonWithIcon("Soạn thư mới", theme.ContentAddIcon(), s.newLetter)
	s.templates = widget.NewButtonWithIcon("Mẫu thư", theme.DocumentCreateIcon(), func() { s.editor = openTemplateEditor(e, "") })
	s.edit = widget.NewButtonWithIcon("Sửa thư", theme.DocumentCreateIcon(), s.editDraft)
	s.discard = widget.NewButtonWithIcon("Xóa thư nháp", theme.DeleteIcon(), s.discardDraft)

	s.draftList = widget.NewList(func() int { return len(s.drafts) }, s.createRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { s.updateRow(s.drafts, id, o) })
	s.draftList.OnSelected = func(id widget.ListItemID) {
		if id < len(s.drafts) {
			s.issuedList.UnselectAll()
			s.showPreview(s.drafts[id])
		}
	}
	s.issuedList = widget.NewList(func() int { return len(s.issued) }, s.createRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { s.updateRow(s.issued, id, o) })
	s.issuedList.OnSelected = func(id widget.ListItemID) {
		if id < len(s.issued) {
			s.draftList.UnselectAll()
			s.showPreview(s.issued[id])
		}
	}

	s.previewTitle = heading("Nội dung thư")
	s.previewTitle.Wrapping = fyne.TextWrapWord
	s.preview = widget.NewLabel("Chọn một thư để đọc nội dung.")
	s.preview.Wrapping = fyne.TextWrapWord
	s.preview.Selectable = true

	draftBar := container.NewBorder(nil, nil, s.draftHead, container.NewHBox(s.selectAll, s.approve))
	issuedBar := container.NewBorder(nil, nil, s.issuedHead, s.reprint)
	drafts := container.NewBorder(draftBar, nil, nil, nil, s.draftList)
	issued := container.NewBorder(issuedBar, nil, nil, nil, s.issuedList)
	lists := container.NewVSplit(drafts, issued)
	lists.SetOffset(0.5)
	toolbar := container.NewHBox(s.newBtn, s.templates)
	previewBar := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(s.edit, s.discard)), s.previewTitle)
	previewPane := container.NewBorder(previewBar, nil, nil, nil, container.NewVScroll(s.preview))
	split := container.NewHSplit(container.NewBorder(toolbar, nil, nil, nil, lists), previewPane)
	split.SetOffset(0.55)
	s.content = container.NewPadded(split)
	s.updateButtons()
	return s
}

// createRow is one letter: a tick box, then two lines.
func (s *lettersScreen) createRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	line1 := widget.NewLabel("Thư chúc mừng khai sinh · Ông/Bà Giàng A Páo")
	line1.TextStyle.Bold = true
	line1.Truncation = fyne.TextTruncateEllipsis
	line2 := widget.NewLabel("soạn 07:40 23/11/2026 · hồ sơ 000.00.00.H00-261123-0000")
	line2.SizeName = theme.SizeNameCaptionText
	line2.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, check, nil,
		container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), line1, line2))
}

func (s *lettersScreen) updateRow(ls []office.Letter, id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(ls) {
		return
	}
	l := ls[id]
	c := o.(*fyne.Container)
	var check *widget.Check
	var lines *fyne.Container
	for _, obj := range c.Objects {
		switch x := obj.(type) {
		case *widget.Check:
			check = x
		case *fyne.Container:
			lines = x
		}
	}
	check.OnChanged = nil
	check.SetChecked(s.checked[l.ID])
	id0 := l.ID
	check.OnChanged = func(on bool) {
		s.checked[id0] = on
		s.updateButtons()
	}
	line1 := lines.Objects[0].(*widget.Label)
	line2 := lines.Objects[1].(*widget.Label)
	head := letters.Kind(l.Kind).Name() + " · " + l.Recipient
	var info []string
	if l.Status == office.LetterIssued {
		head = "Số " + letters.Reference(l.Number, l.Symbol) + " · " + head
		if l.IssuedAt != nil {
			info = append(info, "ngày "+fmtDate(*l.IssuedAt))
		}
	} else {
		info = append(info, "soạn "+fmtStamp(l.DraftedAt))
	}
	if code := l.Fields["ma_ho_so"]; code != "" {
		info = append(info, "hồ sơ "+code)
	}
	if l.Address != "" {
		info = append(info, l.Address)
	}
	line1.SetText(head)
	line2.SetText(strings.Join(info, " · "))
}

// reload reads the queue again, keeping what is ticked.
func (s *lettersScreen) reload() {
	s.e.background(func() {
		drafts, err1 := s.e.off.Letters(s.e.ctx, office.LetterDraft, time.Time{})
		issued, err2 := s.e.off.Letters(s.e.ctx, office.LetterIssued, time.Time{})
		s.e.do(func() {
			if err := errors.Join(err1, err2); err != nil {
				s.draftHead.SetText("Không đọc được danh sách thư: " + err.Error())
				return
			}
			// The newest numbers first: last week's letters are the ones
			// printed again.
			for i, j := 0, len(issued)-1; i < j; i, j = i+1, j-1 {
				issued[i], issued[j] = issued[j], issued[i]
			}
			s.drafts, s.issued = drafts, issued
			keep := map[string]bool{}
			for _, l := range append(append([]office.Letter(nil), drafts...), issued...) {
				if s.checked[l.ID] {
					keep[l.ID] = true
				}
			}
			s.checked = keep
			s.draftHead.SetText("Thư chờ duyệt (" + strconv.Itoa(len(drafts)) + ")")
			s.issuedHead.SetText("Thư đã cấp số (" + strconv.Itoa(len(issued)) + ")")
			s.draftList.UnselectAll()
			s.issuedList.UnselectAll()
			s.draftList.Refresh()
			s.issuedList.Refresh()
			s.updateButtons()
			// The letter being read stays selected, in the list it is now
			// in (it may have been numbered or fixed meanwhile); a letter
			// no longer there (discarded) leaves the preview empty.
			if s.previewID == "" {
				return
			}
			for i, l := range drafts {
				if l.ID == s.previewID {
					s.draftList.Select(i)
					return
				}
			}
			for i, l := range issued {
				if l.ID == s.previewID {
					s.issuedList.Select(i)
					return
				}
			}
			s.clearPreview()
		})
	})
}

// checkedOf lists the ticked letters among ls, in their order.
func (s *lettersScreen) checkedOf(ls []office.Letter) []office.Letter {
	var out []office.Letter
	for _, l := range ls {
		if s.checked[l.ID] {
			out = append(out, l)
		}
	}
	return out
}

func (s *lettersScreen) updateButtons() {
	n := len(s.checkedOf(s.drafts))
	if n == 0 {
		s.approve.SetText("Duyệt và in")
		s.approve.Disable()
	} else {
		s.approve.SetText("Duyệt và in " + strconv.Itoa(n) + " thư")
		s.approve.Enable()
	}
	m := len(s.checkedOf(s.issued))
	if m == 0 {
		s.reprint.SetText("In lại")
		s.reprint.Disable()
	} else {
		s.reprint.SetText("In lại " + strconv.Itoa(m) + " thư")
		s.reprint.Enable()
	}
	// Only a draft can be fixed or dropped: an issued letter's number and
	// wording are on paper.
	if l := s.previewed; l != nil && l.Status == office.LetterDraft && !s.busy {
		s.edit.Enable()
		s.discard.Enable()
	} else {
		s.edit.Disable()
		s.discard.Disable()
	}
	// "Chọn tất cả" shows whether every draft is ticked, without ticking.
	s.selectAll.OnChanged = nil
	s.selectAll.SetChecked(len(s.drafts) > 0 && n == len(s.drafts))
	s.selectAll.OnChanged = s.tickAll
}

// tickAll ticks or unticks every draft.
func (s *lettersScreen) tickAll(on bool) {
	for _, l := range s.drafts {
		s.checked[l.ID] = on
	}
	s.draftList.Refresh()
	s.updateButtons()
}

// lettersTitle names a batch of letters: "3 thư, số 01/UBND đến 03/UBND".
func lettersTitle(ls []office.Letter) (title, file string) {
	lo, hi := ls[0], ls[0]
	for _, l := range ls {
		if l.Year < lo.Year || l.Year == lo.Year && l.Number < lo.Number {
			lo = l
		}
		if l.Year > hi.Year || l.Year == hi.Year && l.Number > hi.Number {
			hi = l
		}
	}
	if len(ls) == 1 {
		return letters.Kind(lo.Kind).Name() + " số " + letters.Reference(lo.Number, lo.Symbol) + " gửi " + lo.Recipient,
			"thu-so-" + letters.FormatNumber(lo.Number) + "-" + strconv.Itoa(lo.Year) + ".pdf"
	}
	return strconv.Itoa(len(ls)) + " thư, số " + letters.Reference(lo.Number, lo.Symbol) + " đến " + letters.Reference(hi.Number, hi.Symbol),
		"thu-so-" + letters.FormatNumber(lo.Number) + "-den-" + letters.FormatNumber(hi.Number) + "-" + strconv.Itoa(hi.Year) + ".pdf"
}

// printLetters renders issued letters into one PDF and offers it.
func (s *lettersScreen) printLetters(ls []office.Letter) {
	title, file := lettersTitle(ls)
	s.e.makeDocument(title, file, "khổ A4, mỗi thư một trang",
		func(w io.Writer) error { return s.e.off.RenderLetters(s.e.ctx, w, ls) },
		func(doc *document) { s.e.offer(doc, false) })
}

// approveChecked numbers the ticked drafts in the outgoing book, freezing
// their wording, and prints them all in one PDF.
func (s *lettersScreen) approveChecked() {
	ls := s.checkedOf(s.drafts)
	if len(ls) == 0 {
		return
	}
	year := strconv.Itoa(s.e.off.Now().Year())
	s.e.confirm("Duyệt và in thư",
		"Duyệt "+strconv.Itoa(len(ls))+" thư? Mỗi thư được cấp số trong sổ văn bản đi năm "+year+
			" và không sửa được nội dung nữa; sau đó các thư được in cùng một lần để Chủ tịch ký, đóng dấu.",
		func(yes bool) {
			if !yes {
				return
			}
			ids := make([]string, len(ls))
			for i, l := range ls {
				ids[i] = l.ID
			}
			s.approve.Disable()
			s.e.background(func() {
				issued, err := s.e.off.IssueLetters(s.e.ctx, ids)
				s.e.do(func() {
					s.updateButtons()
					if err != nil {
						s.e.showError(err, nil)
						return
					}
					for _, l := range issued {
						delete(s.checked, l.ID)
					}
					if s.e.lettersChanged != nil {
						s.e.lettersChanged()
					}
					s.printLetters(issued)
				})
			})
		})
}

// reprintChecked prints the ticked issued letters again, numbers unchanged.
func (s *lettersScreen) reprintChecked() {
	if ls := s.checkedOf(s.issued); len(ls) > 0 {
		s.printLetters(ls)
	}
}

// newLetter opens the form for a letter without a dossier (thanks, say).
func (s *lettersScreen) newLetter() {
	if s.newDraft == nil {
		s.newDraft = &letterDraft{kind: letters.Thanks, fields: map[string]string{}}
	}
	openLetterForm(s.e, s.newDraft, func(office.Letter) { s.newDraft = nil })
}

// editDraft opens the letter form on the draft being read, filled with its
// recipient, address and the values the clerk typed; "Lưu thư đã sửa"
// saves them (the office checks the wording again). A cancel forgets the
// changes, since the preview shows the draft as saved; an error reopens the
// form as typed.
func (s *lettersScreen) editDraft() {
	if s.previewed == nil || s.previewed.Status != office.LetterDraft || s.busy {
		return
	}
	l := *s.previewed
	kind := letters.Kind(l.Kind)
	code := ""
	if l.DossierID != "" {
		code = l.Fields["ma_ho_so"]
	}
	s.busy = true
	s.updateButtons()
	s.e.background(func() {
		// The fields the form shows are those the office cannot fill:
		// what was typed when the letter was drafted.
		needs, err := s.e.off.LetterNeeds(s.e.ctx, office.LetterInput{Kind: kind, DossierCode: code})
		s.e.do(func() {
			s.busy = false
			s.updateButtons()
			if err != nil {
				s.e.showError(err, nil)
				return
			}
			dr := &letterDraft{editID: l.ID, kind: kind, dossier: code, recipient: l.Recipient, address: l.Address,
				hadAddress: l.Address != "", fields: map[string]string{}}
			if code != "" {
				dr.about = code + " · " + l.Fields["thu_tuc"] + " · " + l.Fields["ho_ten"]
			}
			for _, f := range needs {
				dr.fields[f.Name] = l.Fields[f.Name]
			}
			openLetterForm(s.e, dr, nil)
		})
	})
}

// discardDraft drops the draft being read from the queue, after asking.
// The outgoing book is untouched: a draft has no number yet.
func (s *lettersScreen) discardDraft() {
	if s.previewed == nil || s.previewed.Status != office.LetterDraft || s.busy {
		return
	}
	l := *s.previewed
	s.e.confirm("Xóa thư nháp",
		"Xóa thư nháp gửi "+l.Recipient+"?\n“"+letters.Kind(l.Kind).Name()+"” chưa được cấp số; xóa rồi thì không lấy lại được.",
		func(yes bool) {
			if !yes {
				return
			}
			s.busy = true
			s.updateButtons()
			s.e.background(func() {
				err := s.e.off.DiscardDraft(s.e.ctx, l.ID)
				s.e.do(func() {
					s.busy = false
					s.updateButtons()
					if err != nil {
						s.e.showError(err, nil)
						// It may have been approved meanwhile: show it as it is.
						if s.e.lettersChanged != nil {
							s.e.lettersChanged()
						}
						return
					}
					delete(s.checked, l.ID)
					if s.previewID == l.ID {
						s.clearPreview()
					}
					if s.e.lettersChanged != nil {
						s.e.lettersChanged()
					}
				})
			})
		})
}

// clearPreview shows no letter.
func (s *lettersScreen) clearPreview() {
	s.previewID, s.previewed = "", nil
	s.draftList.UnselectAll()
	s.issuedList.UnselectAll()
	s.previewTitle.SetText("Nội dung thư")
	s.preview.SetText("Chọn một thư để đọc nội dung.")
	s.updateButtons()
}

// showPreview shows the letter as it will print: for a draft, the wording
// in force filled with its values; for an issued letter, its frozen text.
func (s *lettersScreen) showPreview(l office.Letter) {
	s.previewID = l.ID
	s.previewed = &l
	s.updateButtons()
	s.previewTitle.SetText(letters.Kind(l.Kind).Name() + " gửi " + l.Recipient)
	id := l.ID
	s.e.background(func() {
		paras := l.Paragraphs
		var err error
		if l.Status != office.LetterIssued {
			var src string
			if src, err = s.e.off.LetterTemplate(s.e.ctx, letters.Kind(l.Kind)); err == nil {
				paras, err = letters.Render(src, l.Fields)
			}
		}
		p := s.e.off.Profile()
		s.e.do(func() {
			if s.previewID != id {
				return
			}
			if err != nil {
				s.preview.SetText("Thư này chưa in được với mẫu thư hiện tại: " + err.Error())
				return
			}
			var b strings.Builder
			if l.Status == office.LetterIssued {
				b.WriteString("Số: " + letters.Reference(l.Number, l.Symbol))
				if l.IssuedAt != nil {
					b.WriteString(", " + letters.DateInWords(*l.IssuedAt))
				}
				b.WriteString("\n\n")
			} else {
				b.WriteString("(Chưa duyệt: số và ngày được cấp khi Chủ tịch duyệt.)\n\n")
			}
			b.WriteString(letters.Kind(l.Kind).Title() + "\n\n")
			b.WriteString("Kính gửi: " + l.Recipient + "\n")
			if l.Address != "" {
				b.WriteString("Địa chỉ: " + l.Address + "\n")
			}
			b.WriteString("\n" + strings.Join(paras, "\n\n") + "\n\n")
			b.WriteString(p.SignAs + ". " + strings.ToUpper(p.Commune) + "\n" + strings.ToUpper(p.ChairTitle) + "\n\n" + p.ChairName)
			s.preview.SetText(b.String())
		})
	})
}

// shown is called each time the screen is opened.
func (s *lettersScreen) shown() { s.reload() }

// openTemplateEditor lets the chair change a kind's wording: a text box,
// the merge fields it may use, "Lưu mẫu" (refused, naming the field, for a
// field that does not exist) and "Khôi phục mẫu mặc định". What is typed
// for each kind survives switching kinds and errors.
func openTemplateEditor(e *env, start letters.Kind) *templateEditor {
	te := &templateEditor{e: e, edits: map[letters.Kind]string{}}
	if start == "" {
		start = letters.Kinds()[0]
	}
	te.kind = start
	te.kindSel = widget.NewSelect(letterKindNames(), nil)
	te.text = widget.NewMultiLineEntry()
	te.text.Wrapping = fyne.TextWrapWord
	te.text.SetMinRowsVisible(14)
	te.text.OnChanged = func(s string) {
		if !te.loading {
			te.edits[te.kind] = s
		}
	}
	te.status = dimLabel("")

	var help strings.Builder
	for _, f := range letters.Fields() {
		help.WriteString("{" + f.Name + "}  " + f.Meaning + "\n")
	}
	helpText := widget.NewLabel(strings.TrimSpace(help.String()))
	helpText.Wrapping = fyne.TextWrapWord
	helpText.SizeName = theme.SizeNameCaptionText
	rules := widget.NewLabel("Mỗi đoạn cách nhau một dòng trống. Tên trường đặt trong ngoặc nhọn; viết hoa chữ đầu ({Co_quan}) để in hoa chữ đầu. Phần tiêu đề, “Kính gửi”, chữ ký và nơi nhận do phần mềm tự in.")
	rules.Wrapping = fyne.TextWrapWord
	rules.SizeName = theme.SizeNameCaptionText

	te.save = widget.NewButtonWithIcon("Lưu mẫu", theme.DocumentSaveIcon(), te.doSave)
	te.save.Importance = widget.HighImportance
	te.restore = widget.NewButtonWithIcon("Khôi phục mẫu mặc định", theme.ContentUndoIcon(), te.doRestore)
	closeBtn := widget.NewButtonWithIcon("Đóng", theme.CancelIcon(), nil)

	left := container.NewBorder(
		container.New(layout.NewFormLayout(), fieldLabel("Loại thư"), te.kindSel), te.status, nil, nil, te.text)
	right := container.NewBorder(heading("Trường dùng được"), nil, nil, nil,
		container.NewVScroll(container.NewVBox(helpText, widget.NewSeparator(), rules)))
	split := container.NewHSplit(left, right)
	split.SetOffset(0.62)

	d := dialog.NewCustomWithoutButtons("Mẫu thư", split, e.win)
	d.SetButtons([]fyne.CanvasObject{te.save, te.restore, closeBtn})
	closeBtn.OnTapped = te.close
	size := e.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(960, size.Width-40), min(600, size.Height-40)))
	te.d = d
	te.kindSel.SetSelected(start.Name())
	te.kindSel.OnChanged = func(name string) {
		if k := letterKindByName(name); k != "" && k != te.kind {
			te.kind = k
			te.load()
		}
	}
	e.show(d, nil, te.close)
	te.load()
	return te
}

// close closes the editor, asking first when a wording was changed and not
// saved.
func (te *templateEditor) close() {
	if len(te.edits) == 0 {
		te.d.Hide()
		return
	}
	var names []string
	for _, k := range letters.Kinds() {
		if _, ok := te.edits[k]; ok {
			names = append(names, strings.ToLower(k.Name()))
		}
	}
	te.e.confirm("Đóng mà không lưu?",
		"Mẫu "+strings.Join(names, ", ")+" đã sửa nhưng chưa lưu. Đóng thì các thay đổi này mất. Vẫn đóng?",
		func(yes bool) {
			if yes {
				te.d.Hide()
			}
		})
}

// templateEditor is the "Mẫu thư" dialog.
type templateEditor struct {
	e       *env
	d       dialog.Dialog
	kind    letters.Kind
	edits   map[letters.Kind]string // typed and not yet saved, by kind
	loading bool

	kindSel       *widget.Select
	text          *widget.Entry
	status        *widget.Label
	save, restore *widget.Button
}

// load shows the kind's wording: what was typed and not saved, else the
// wording in force.
func (te *templateEditor) load() {
	kind := te.kind
	if s, ok := te.edits[kind]; ok {
		te.setText(s)
		te.status.SetText("Chưa lưu các thay đổi của mẫu " + strings.ToLower(kind.Name()) + ".")
		return
	}
	te.status.SetText("")
	te.e.background(func() {
		src, err := te.e.off.LetterTemplate(te.e.ctx, kind)
		te.e.do(func() {
			if te.kind != kind {
				return
			}
			if err != nil {
				te.e.showError(err, nil)
				return
			}
			te.setText(strings.TrimSpace(src))
		})
	})
}

func (te *templateEditor) setText(s string) {
	te.loading = true
	te.text.SetText(s)
	te.loading = false
}

// doSave saves the wording; the office refuses an unknown field by name,
// and the text stays as typed.
func (te *templateEditor) doSave() {
	kind, src := te.kind, te.text.Text
	te.save.Disable()
	te.e.background(func() {
		err := te.e.off.SetLetterTemplate(te.e.ctx, kind, src)
		te.e.do(func() {
			te.save.Enable()
			if err != nil {
				te.e.showError(err, nil)
				return
			}
			delete(te.edits, kind)
			if te.kind == kind {
				te.status.SetText("Đã lưu mẫu " + strings.ToLower(kind.Name()) + ". Thư soạn từ nay và thư đang chờ duyệt dùng mẫu này.")
			}
		})
	})
}

// doRestore puts back the shipped wording, after asking.
func (te *templateEditor) doRestore() {
	kind := te.kind
	te.e.confirm("Khôi phục mẫu mặc định",
		"Bỏ mẫu "+strings.ToLower(kind.Name())+" của xã và dùng lại mẫu có sẵn của phần mềm?",
		func(yes bool) {
			if !yes {
				return
			}
			te.e.background(func() {
				err := te.e.off.SetLetterTemplate(te.e.ctx, kind, "")
				te.e.do(func() {
					if err != nil {
						te.e.showError(err, nil)
						return
					}
					delete(te.edits, kind)
					if te.kind == kind {
						te.load()
						te.status.SetText("Đã khôi phục mẫu " + strings.ToLower(kind.Name()) + " mặc định.")
					}
				})
			})
		})
}
