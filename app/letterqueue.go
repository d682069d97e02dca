package app

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/people"
)

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
	permNote              *widget.Label  // who may, when something is greyed out
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
	s.permNote = newPermitNote()
	drafts := container.NewBorder(container.NewVBox(draftBar, s.permNote), nil, nil, nil, s.draftList)
	issued := container.NewBorder(issuedBar, nil, nil, nil, s.issuedList)
	lists := container.NewVSplit(drafts, issued)
	lists.SetOffset(0.5)
	toolbar := container.NewHBox(s.newBtn, s.templates)
	previewBar := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(s.edit, s.discard)), s.previewTitle)
	previewPane := container.NewBorder(previewBar, nil, nil, nil, container.NewVScroll(s.preview))
	split := container.NewHSplit(container.NewBorder(toolbar, nil, nil, nil, lists), previewPane)
	split.SetOffset(0.55)
	s.content = container.NewPadded(split)
	e.onPermits(s.updateButtons)
	return s
}

// createRow is one letter of a list.
func (s *lettersScreen) createRow() fyne.CanvasObject { return newLetterRow() }

func (s *lettersScreen) updateRow(ls []office.Letter, id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(ls) {
		return
	}
	l := ls[id]
	o.(*letterRow).Set(l, s.checked[l.ID], func(on bool) {
		s.checked[l.ID] = on
		s.updateButtons()
	})
}

// letterRow is one letter in the queue: a tick box, the kind and the
// recipient (with its number once issued), then when and for which
// dossier.
type letterRow struct {
	widget.BaseWidget
	check        *widget.Check
	line1, line2 *widget.Label
}

func newLetterRow() *letterRow {
	r := &letterRow{check: widget.NewCheck("", nil)}
	r.line1 = widget.NewLabel("Thư chúc mừng khai sinh · Ông/Bà Giàng A Páo")
	r.line1.TextStyle.Bold = true
	r.line1.Truncation = fyne.TextTruncateEllipsis
	r.line2 = widget.NewLabel("soạn 07:40 23/11/2026 · hồ sơ 000.00.00.H00-261123-0000")
	r.line2.SizeName = theme.SizeNameCaptionText
	r.line2.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *letterRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.check, nil,
		container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), r.line1, r.line2)))
}

// Set shows l, ticked or not; ticked runs when the clerk ticks it.
func (r *letterRow) Set(l office.Letter, checked bool, ticked func(bool)) {
	r.check.OnChanged = nil
	r.check.SetChecked(checked)
	r.check.OnChanged = ticked
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
	if l.Signer.Valid() {
		info = append(info, "ký: "+l.Signer.Label())
	}
	if code := l.Fields["ma_ho_so"]; code != "" {
		info = append(info, "hồ sơ "+code)
	}
	if l.Address != "" {
		info = append(info, l.Address)
	}
	r.line1.SetText(head)
	r.line2.SetText(strings.Join(info, " · "))
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
	// The office says who may issue, draft and edit the templates.
	s.newBtn.Enable()
	s.templates.Enable()
	s.e.guardAll(s.permNote, map[people.Action][]fyne.Disableable{
		people.ActIssueLetter: {s.approve},
		people.ActDraftLetter: {s.newBtn, s.edit, s.discard},
		people.ActTemplates:   {s.templates},
	})
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
				hadAddress: l.Address != "", fields: map[string]string{}, signer: l.Signer.Name}
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
		sig := s.e.off.LetterSignature(l) // the block as the letter prints it: its own signer, or the usual one
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
			b.WriteString(strings.Join(sig[:len(sig)-1], "\n") + "\n\n" + sig[len(sig)-1])
			if !l.Signer.Valid() && l.Status != office.LetterIssued {
				b.WriteString("\n(Người duyệt thư ký; chọn người ký khác bằng “Sửa thư”.)")
			}
			s.preview.SetText(b.String())
		})
	})
}

// shown is called each time the screen is opened.
func (s *lettersScreen) shown() { s.reload() }
