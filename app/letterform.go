package app

import (
	"errors"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	// salutation is "Ông", "Bà" or "" (the letter says "Ông/Bà"); nil
	// until chosen, when the form guesses from the name.
	salutation *string
	fields     map[string]string // typed values by merge-field name
	// signer is the name of the chair or vice-chair chosen to sign; ""
	// leaves it to whoever approves the letter.
	signer string
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

// Choices of the form of address; the last prints "Ông/Bà".
const salutationEither = "Chưa rõ (Ông/Bà)"

// signerByApprover is the signer choice that leaves the signature to
// whoever approves the letter (the chair or a vice-chair).
const signerByApprover = "Người duyệt thư ký"

// letterForm is the letter dialog: kind, recipient with "Ông" or "Bà",
// address and the fields the kind's wording needs that the office cannot
// fill (the baby's name for a birth letter). "Đưa vào danh sách chờ
// duyệt" (or Enter in the last field) drafts it for the chair. With
// dr.editID the same form fixes a draft already in the queue: the kind
// stays, and "Lưu thư đã sửa" saves the recipient, address and fields.
type letterForm struct {
	e       *env
	dr      *letterDraft
	done    func(office.Letter) // once the letter is in the queue
	editing bool

	kind       *widget.Select
	salutation *widget.RadioGroup // nil when fixing a draft (its recipient carries it)
	signer     *widget.Select     // who signs: signerByApprover, then the office's Signers
	signers    map[string]string  // signer choice label → name
	recipient  *formEntry
	address    *formEntry
	fields     map[string]*formEntry // the kind's own fields, by name
	form       *fyne.Container
	fixed      int // rows of form.Objects before the kind's own fields
	note       *widget.Label
	ok, cancel *keyButton
	d          *dialog.CustomDialog
	gen        int // bumped per loadNeeds; a stale answer is dropped
}

// openLetterForm shows the letter form for dr; done runs once the letter
// is in the queue.
func openLetterForm(e *env, dr *letterDraft, done func(office.Letter)) *letterForm {
	lf := &letterForm{e: e, dr: dr, done: done, editing: dr.editID != "", fields: map[string]*formEntry{}}
	lf.kind = widget.NewSelect(letterKindNames(), nil)
	lf.recipient = newFormEntry()
	lf.recipient.SetPlaceHolder("Họ tên người nhận, ví dụ: Giàng A Páo")
	if lf.editing {
		// A draft's recipient carries the form of address the letter
		// prints ("Ông Giàng A Páo").
		lf.recipient.SetPlaceHolder("Người nhận có danh xưng, ví dụ: Ông Giàng A Páo")
	}
	lf.recipient.SetText(dr.recipient)
	lf.address = newFormEntry()
	lf.address.SetPlaceHolder("Thôn, xã")
	lf.address.SetText(dr.address)
	lf.address.OnChanged = func(s string) { dr.address = s }

	// One form layout for all rows, so the labels line up; the kind's own
	// fields are the rows after the fixed ones.
	lf.form = container.New(layout.NewFormLayout(), fieldLabel("Loại thư"), lf.kind)
	if dr.about != "" {
		about := widget.NewLabel(dr.about)
		about.Wrapping = fyne.TextWrapWord
		lf.form.Add(fieldLabel("Hồ sơ"))
		lf.form.Add(about)
	}
	lf.form.Add(fieldLabel("Người nhận *"))
	lf.form.Add(lf.recipient)
	if !lf.editing {
		lf.salutation = widget.NewRadioGroup([]string{office.Salutations[0], office.Salutations[1], salutationEither}, nil)
		lf.salutation.Horizontal = true
		lf.salutation.Required = true
		lf.setSalutation()
		lf.salutation.OnChanged = func(s string) {
			v := ""
			if s != salutationEither {
				v = s
			}
			dr.salutation = &v
		}
		lf.form.Add(fieldLabel("Danh xưng"))
		lf.form.Add(lf.salutation)
	}
	lf.recipient.OnChanged = func(s string) {
		dr.recipient = s
		lf.setSalutation()
	}
	lf.form.Add(fieldLabel("Địa chỉ"))
	lf.form.Add(lf.address)
	lf.signer = widget.NewSelect([]string{signerByApprover}, nil)
	lf.signer.SetSelected(signerByApprover)
	lf.form.Add(fieldLabel("Người ký"))
	lf.form.Add(lf.signer)
	lf.fixed = len(lf.form.Objects)
	lf.note = dimLabel("")

	lf.kind.SetSelected(dr.kind.Name())
	if lf.editing {
		lf.kind.Disable() // a draft keeps its kind; another kind is another letter
	}
	lf.kind.OnChanged = func(name string) {
		if k := letterKindByName(name); k != "" && k != dr.kind {
			dr.kind = k
			lf.loadNeeds()
		}
	}

	okLabel, title := "Đưa vào danh sách chờ duyệt", "Soạn thư gửi công dân"
	if lf.editing {
		okLabel, title = "Lưu thư đã sửa", "Sửa thư chờ duyệt"
	}
	lf.cancel = newButton("Hủy", theme.CancelIcon(), nil)
	lf.ok = newButton(okLabel, theme.ConfirmIcon(), lf.submit)
	lf.ok.Importance = widget.HighImportance
	lf.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(lf.form, lf.note), e.win)
	lf.d.SetButtons([]fyne.CanvasObject{lf.cancel, lf.ok})
	lf.cancel.OnTapped = lf.d.Hide
	for _, en := range []*formEntry{lf.recipient, lf.address} {
		en.cancel = lf.d.Hide
	}
	lf.chain()
	lf.d.Resize(fyne.NewSize(640, 0))
	e.showTopic(topicLetter, lf.d, nil, lf.d.Hide)
	lf.loadSigners()
	lf.loadNeeds()
	if dr.recipient == "" {
		e.win.Canvas().Focus(lf.recipient)
	}
	return lf
}

// loadSigners offers the chair and the vice-chairs the office names as
// signers; the office decides who may sign and how the block reads.
func (lf *letterForm) loadSigners() {
	e, dr := lf.e, lf.dr
	e.background(func() {
		ss, err := e.off.Signers(e.ctx)
		e.do(func() {
			if err != nil {
				lf.note.SetText("Không đọc được danh sách người ký: " + err.Error())
				return
			}
			opts := []string{signerByApprover}
			lf.signers = map[string]string{}
			chosen := signerByApprover
			for _, s := range ss {
				opts = append(opts, s.Label())
				lf.signers[s.Label()] = s.Name
				if s.Name == dr.signer {
					chosen = s.Label()
				}
			}
			lf.signer.Options = opts
			lf.signer.OnChanged = nil
			lf.signer.SetSelected(chosen)
			lf.signer.OnChanged = func(label string) { dr.signer = lf.signers[label] }
		})
	})
}

// setSalutation shows the clerk's choice of "Ông"/"Bà" or, until there is
// one, the office's guess from the recipient's name.
func (lf *letterForm) setSalutation() {
	if lf.salutation == nil {
		return
	}
	var v string
	if lf.dr.salutation != nil {
		v = *lf.dr.salutation
	} else {
		v = office.GuessSalutation(lf.dr.recipient)
	}
	if v == "" {
		v = salutationEither
	}
	if lf.salutation.Selected != v {
		on := lf.salutation.OnChanged
		lf.salutation.OnChanged = nil // a guess is not a choice
		lf.salutation.SetSelected(v)
		lf.salutation.OnChanged = on
	}
}

// salutationValue is what goes to the office: "Ông", "Bà" or "".
func (lf *letterForm) salutationValue() string {
	if lf.salutation == nil || lf.salutation.Selected == salutationEither {
		return ""
	}
	return lf.salutation.Selected
}

// chain makes Enter go from field to field and draft in the last one.
func (lf *letterForm) chain() {
	list := []*formEntry{lf.recipient, lf.address}
	for i := lf.fixed; i < len(lf.form.Objects); i++ {
		if en, ok := lf.form.Objects[i].(*formEntry); ok {
			list = append(list, en)
		}
	}
	for i, en := range list {
		if i+1 < len(list) {
			next := list[i+1]
			en.submit = func() { lf.e.win.Canvas().Focus(next) }
		} else {
			en.submit = lf.submit
		}
		submit := en.submit
		en.OnSubmitted = func(string) { submit() }
	}
}

// loadNeeds asks the office which fields the kind's wording lacks and adds
// a row for each.
func (lf *letterForm) loadNeeds() {
	e, dr := lf.e, lf.dr
	lf.gen++
	my, kind := lf.gen, dr.kind
	lf.form.Objects = lf.form.Objects[:lf.fixed]
	lf.form.Refresh()
	lf.fields = map[string]*formEntry{}
	lf.chain()
	lf.note.SetText("Đang xem mẫu thư cần những gì…")
	in := office.LetterInput{Kind: kind, DossierCode: dr.dossier}
	e.background(func() {
		needs, err := e.off.LetterNeeds(e.ctx, in)
		e.do(func() {
			if my != lf.gen {
				return
			}
			if err != nil {
				lf.note.SetText("Không đọc được mẫu thư: " + err.Error())
				return
			}
			// What only the family knows first (the baby's name), the
			// dates after.
			sort.SliceStable(needs, func(i, j int) bool {
				return !office.IsDateField(needs[i].Name) && office.IsDateField(needs[j].Name)
			})
			for _, f := range needs {
				name := f.Name
				en := newFormEntry()
				en.cancel = lf.d.Hide
				if office.IsDateField(name) {
					en.SetPlaceHolder("ngày/tháng/năm, ví dụ 20/11/2026")
				} else {
					en.SetPlaceHolder("Ví dụ: " + f.Example)
				}
				en.SetText(dr.fields[name])
				en.OnChanged = func(s string) { dr.fields[name] = s }
				lf.form.Add(fieldLabel(office.LetterFieldLabel(f, kind) + " *"))
				lf.form.Add(en)
				lf.fields[name] = en
			}
			lf.chain()
			switch {
			case len(needs) == 0:
				lf.note.SetText("Mẫu " + strings.ToLower(kind.Name()) + " lấy đủ thông tin từ hồ sơ và cài đặt của xã.")
			case dr.dossier != "":
				lf.note.SetText("Các ô có dấu * là thông tin mẫu thư cần mà sổ theo dõi không có.")
			default:
				lf.note.SetText("Các ô có dấu * là thông tin mẫu thư cần.")
			}
			lf.d.Resize(fyne.NewSize(640, lf.d.MinSize().Height))
			if e.win.Canvas().Focused() == nil {
				var focus fyne.Focusable = lf.recipient
				if dr.recipient != "" {
					focus = lf.address
					for _, f := range needs {
						focus = lf.fields[f.Name]
						break
					}
				}
				e.win.Canvas().Focus(focus)
			}
		})
	})
}

// submit drafts the letter (or saves the fixed draft) off the UI
// goroutine; an error reopens the form as typed.
func (lf *letterForm) submit() {
	e, dr, editing, done := lf.e, lf.dr, lf.editing, lf.done
	lf.d.Hide()
	in := office.LetterInput{Kind: dr.kind, DossierCode: dr.dossier, Recipient: strings.TrimSpace(dr.recipient),
		Address: strings.TrimSpace(dr.address), Salutation: lf.salutationValue(), Fields: map[string]string{}, Signer: dr.signer}
	retry := func() { openLetterForm(e, dr, done) }
	if editing {
		// The office keeps the old recipient or address for an empty one:
		// say so rather than seem to save.
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
		v, err := e.off.LetterFieldValue(name, typed, dr.kind)
		if err != nil {
			e.showError(err, retry)
			return
		}
		// A field emptied while fixing a draft goes to the office, which
		// refuses it by name; a new letter just leaves it out.
		if v != "" || editing {
			in.Fields[name] = v
		}
	}
	e.background(func() {
		// The fields of another kind, typed before the kind changed, stay
		// in the draft but do not go to the office.
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
			if err == nil {
				l, err = e.off.SetDraftSigner(e.ctx, dr.editID, in.Signer)
			}
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
			who := "Chủ tịch duyệt, ký trong mục “Thư”"
			if l.Signer.Valid() {
				who = "duyệt trong mục “Thư”; người ký: " + l.Signer.Label()
			}
			e.info("Đã đưa thư vào danh sách chờ duyệt", "“"+in.Kind.Name()+"” gửi "+l.Recipient+" đang chờ "+who+".")
		})
	})
}
