package app

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/docs"
	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/register"
	"motcua/internal/textvn"
)

// reception is the form at the counter: pick the procedure, type the
// applicant, tick the papers, see the due time, save with Enter.
type reception struct {
	e *env

	procs   []register.Procedure // active procedures, by name
	matches []register.Procedure // those matching the filter
	chosen  *register.Procedure

	procSearch *keyEntry
	procList   *widget.List
	chosenName *widget.Label
	chosenInfo *widget.Label
	// variant picks a special case of the chosen procedure (e.g. "cần xác
	// minh") with its own time limit; shown only when the procedure has one.
	variant    *widget.Select
	variantRow *fyne.Container

	name, address, phone, email, sets *keyEntry
	method                            *widget.Select
	docsBox                           *fyne.Container
	docs                              []*widget.Check
	due                               *widget.Label
	save                              *keyButton
	clear                             *keyButton

	saved     *fyne.Container // the last receipt, hidden until the first save
	savedHead *widget.Label
	savedCode *widget.Label
	savedInfo *widget.Label
	printBtn  *keyButton // prints the last receipt (Ctrl+P)
	lastCode  string     // the dossier saved last, whose receipt prints
	// letterBtn drafts the condolence letter for a death registration
	// just received: the family comes once, so the letter is proposed
	// now, not when the result is returned. letterDr keeps what the form
	// typed until the letter is in the chair's queue.
	letterBtn *keyButton
	letterDr  *letterDraft

	// profileNote says what the commune's profile lacks, with a link to
	// the settings; hidden when it is complete.
	profileNote *fyne.Container
	profileText *widget.Label

	saving     bool
	content    fyne.CanvasObject
	onShortcut func(fyne.Shortcut) bool // the window's shortcuts (set by the shell)
}

// resultMethods are the choices of where the citizen gets the result, in
// the order the form shows them.
var resultMethods = []string{register.AtCounter, register.ByPost, register.Online}

func newReception(e *env) *reception {
	r := &reception{e: e}

	r.procSearch = newKeyEntry("Gõ tên thủ tục, ví dụ: khai sinh")
	r.procSearch.OnChanged = func(string) { r.filter() }
	r.procSearch.onKey = r.pickerKey
	r.procSearch.OnSubmitted = func(string) { r.pickFirst() }
	r.procList = widget.NewList(
		func() int { return len(r.matches) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("Tên thủ tục")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			info := widget.NewLabel("mã · thời hạn")
			info.SizeName = theme.SizeNameCaptionText
			info.Truncation = fyne.TextTruncateEllipsis
			return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), name, info)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(r.matches) {
				return
			}
			p := r.matches[id]
			objs := o.(*fyne.Container).Objects
			objs[0].(*widget.Label).SetText(p.Name)
			objs[1].(*widget.Label).SetText(p.Limit.Vietnamese() + " · " + p.Field + " · mã " + p.Code)
		})
	r.procList.OnSelected = func(id widget.ListItemID) {
		if id < len(r.matches) {
			r.choose(r.matches[id])
		}
	}

	r.chosenName = widget.NewLabel("Chưa chọn thủ tục")
	r.chosenName.TextStyle.Bold = true
	r.chosenName.Wrapping = fyne.TextWrapWord
	r.chosenInfo = widget.NewLabel("Chọn thủ tục ở danh sách bên trái.")
	r.chosenInfo.SizeName = theme.SizeNameCaptionText
	r.chosenInfo.Wrapping = fyne.TextWrapWord

	r.variant = widget.NewSelect(nil, func(string) { r.refreshDue() })
	r.variantRow = container.NewBorder(nil, nil, widget.NewLabel("Trường hợp"), nil, r.variant)
	r.variantRow.Hide()

	r.name = newKeyEntry("Ví dụ: Giàng A Páo")
	r.address = newKeyEntry("Thôn, xã")
	r.phone = newKeyEntry("Ví dụ: 0912 345 678")
	r.email = newKeyEntry("")
	r.sets = newKeyEntry("")
	r.sets.SetText("1")
	// Enter saves from any field once the form is complete (the save
	// button says so); before that it moves to the next field, and in the
	// last one it saves, so the office names what is missing.
	order := []*keyEntry{r.name, r.address, r.phone, r.email, r.sets}
	for i, en := range order {
		en.onShortcut = r.shortcut
		en.OnChanged = func(string) { r.updateSaveLabel() }
		if i+1 < len(order) {
			next := order[i+1]
			en.OnSubmitted = func(string) {
				if r.complete() {
					r.submit()
					return
				}
				r.e.win.Canvas().Focus(next)
			}
		}
	}
	r.sets.OnSubmitted = func(string) { r.submit() }
	r.procSearch.onShortcut = r.shortcut

	labels := make([]string, len(resultMethods))
	for i, m := range resultMethods {
		labels[i] = register.ResultMethodVietnamese(m)
	}
	r.method = widget.NewSelect(labels, nil)
	r.method.SetSelected(labels[0])

	r.docsBox = container.NewVBox()
	r.due = widget.NewLabel("")
	r.due.TextStyle.Bold = true
	r.due.Importance = widget.HighImportance
	r.due.Wrapping = fyne.TextWrapWord
	r.save = newButton(saveLabelPending, theme.DocumentSaveIcon(), r.submit)
	r.save.Importance = widget.HighImportance
	r.clear = newButton("Nhập lại", theme.ContentClearIcon(), r.reset)

	r.savedHead = widget.NewLabel("")
	r.savedHead.Wrapping = fyne.TextWrapWord
	r.savedCode = widget.NewLabel("")
	r.savedCode.TextStyle.Bold = true
	r.savedCode.SizeName = theme.SizeNameHeadingText
	r.savedCode.Selectable = true
	r.savedInfo = widget.NewLabel("")
	r.savedInfo.TextStyle.Bold = true
	r.savedInfo.Wrapping = fyne.TextWrapWord
	savedBg := canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNameSuccess), 0x38))
	savedBg.CornerRadius = theme.InputRadiusSize()
	r.printBtn = newButton("In giấy tiếp nhận (2 liên) – Ctrl+P", theme.DocumentPrintIcon(), r.printReceipt)
	r.printBtn.Importance = widget.HighImportance
	r.letterBtn = newButton("Soạn thư chia buồn…", theme.MailComposeIcon(), r.draftLetter)
	r.letterBtn.Hide()
	r.saved = container.NewStack(savedBg, container.NewBorder(nil, nil,
		container.NewCenter(widget.NewIcon(theme.ConfirmIcon())),
		container.NewCenter(container.NewPadded(container.NewVBox(r.printBtn, r.letterBtn))),
		container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), r.savedHead, r.savedCode, r.savedInfo)))
	r.saved.Hide()

	// Phone and e-mail, sets and result method share a line: the whole
	// form fits a 1100×700 window without scrolling.
	pair := func(a fyne.CanvasObject, label string, b fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWithColumns(2, a, container.NewBorder(nil, nil, widget.NewLabel(label), nil, b))
	}
	form := container.New(layout.NewFormLayout(),
		fieldLabel("Thủ tục"), container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), r.chosenName, r.chosenInfo, r.variantRow),
		fieldLabel("Họ tên người nộp *"), r.name,
		fieldLabel("Địa chỉ"), r.address,
		fieldLabel("Điện thoại"), pair(r.phone, "Thư điện tử", r.email),
		fieldLabel("Số bộ hồ sơ"), container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(70, r.sets.MinSize().Height), r.sets), nil,
			container.NewHBox(widget.NewLabel("   Nhận kết quả"),
				container.NewGridWrap(fyne.NewSize(selectWidth(labels), r.method.MinSize().Height), r.method))),
	)

	left := container.NewBorder(
		container.NewVBox(heading("1. Thủ tục hành chính"), r.procSearch),
		nil, nil, nil, r.procList)
	r.profileText = widget.NewLabel("")
	r.profileText.Wrapping = fyne.TextWrapWord
	r.profileText.Importance = widget.DangerImportance
	r.profileNote = container.NewBorder(nil, nil, nil,
		container.NewCenter(newButton("Mở Cài đặt", theme.SettingsIcon(), func() {
			if r.e.goToSettings != nil {
				r.e.goToSettings()
			}
		})), r.profileText)
	r.profileNote.Hide()
	right := container.NewVBox(
		r.profileNote,
		heading("2. Người nộp hồ sơ"),
		form,
		heading("3. Giấy tờ kèm theo"), r.docsBox,
		widget.NewSeparator(),
		r.due,
		container.NewHBox(r.save, r.clear),
	)
	split := container.NewHSplit(container.NewPadded(left),
		container.NewPadded(container.NewBorder(nil, r.saved, nil, nil, container.NewVScroll(right))))
	split.SetOffset(0.34)
	r.content = split

	r.showDocs()
	r.refreshDue()
	e.background(r.loadProcedures)
	r.refreshProfile()
	return r
}

// refreshProfile shows or hides what the commune's profile lacks.
func (r *reception) refreshProfile() {
	r.e.background(func() {
		err := r.e.profileCheck()
		r.e.do(func() {
			if err == nil {
				r.profileNote.Hide()
				return
			}
			r.profileText.SetText(capitalise(err.Error()) + ".")
			r.profileNote.Show()
		})
	})
}

func fieldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Alignment = fyne.TextAlignTrailing
	return l
}

func heading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.Importance = widget.HighImportance
	return l
}

// loadProcedures reads the catalogue (off the UI goroutine).
func (r *reception) loadProcedures() {
	ps, err := r.e.off.Procedures(r.e.ctx)
	r.e.do(func() {
		if err != nil {
			r.e.showError(err, nil)
			return
		}
		active := ps[:0:0]
		for _, p := range ps {
			if !p.Inactive {
				active = append(active, p)
			}
		}
		sort.SliceStable(active, func(i, j int) bool {
			return textvn.Fold(active[i].Name) < textvn.Fold(active[j].Name)
		})
		r.procs = active
		r.filter()
	})
}

// filterProcedures keeps the procedures whose name, code or field contain
// every word of the query, ignoring case and accents ("dang ky khai sinh"
// finds "Đăng ký khai sinh"). The closest names come first: the name
// itself, then names holding the query as a phrase, shorter ones first.
func filterProcedures(ps []register.Procedure, query string) []register.Procedure {
	q := textvn.Fold(query)
	if q == "" {
		return append([]register.Procedure(nil), ps...)
	}
	words := strings.Fields(q)
	type hit struct {
		p    register.Procedure
		rank int
		n    int
	}
	var hits []hit
	for _, p := range ps {
		name := textvn.Fold(p.Name)
		hay := name + " " + textvn.Fold(p.Code) + " " + textvn.Fold(p.Field)
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		rank := 2
		switch {
		case name == q || textvn.Fold(p.Code) == q:
			rank = 0
		case strings.Contains(name, q):
			rank = 1
		}
		hits = append(hits, hit{p, rank, len(name)})
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].rank != hits[j].rank {
			return hits[i].rank < hits[j].rank
		}
		return hits[i].n < hits[j].n
	})
	out := make([]register.Procedure, len(hits))
	for i, h := range hits {
		out[i] = h.p
	}
	return out
}

// filter applies the search box to the list, keeping the chosen procedure
// selected when it is still shown.
func (r *reception) filter() {
	r.matches = filterProcedures(r.procs, r.procSearch.Text)
	r.procList.UnselectAll()
	r.procList.Refresh()
	if r.chosen != nil {
		for i, p := range r.matches {
			if p.Code == r.chosen.Code {
				r.procList.Select(i)
				break
			}
		}
	}
	if len(r.matches) > 0 {
		r.procList.ScrollToTop()
	}
}

// pickerKey moves through the procedure list with the arrow keys while the
// search box keeps the focus.
func (r *reception) pickerKey(k *fyne.KeyEvent) bool {
	if len(r.matches) == 0 {
		return false
	}
	cur := -1
	if r.chosen != nil {
		for i, p := range r.matches {
			if p.Code == r.chosen.Code {
				cur = i
			}
		}
	}
	switch k.Name {
	case fyne.KeyDown:
		if cur+1 < len(r.matches) {
			r.procList.Select(cur + 1)
		}
		return true
	case fyne.KeyUp:
		if cur > 0 {
			r.procList.Select(cur - 1)
		}
		return true
	}
	return false
}

// pickFirst is Enter in the search box: take the highlighted procedure, or
// the best match, and go on to the applicant's name.
func (r *reception) pickFirst() {
	if len(r.matches) == 0 {
		return
	}
	found := false
	if r.chosen != nil {
		for _, p := range r.matches {
			found = found || p.Code == r.chosen.Code
		}
	}
	if !found {
		r.procList.Select(0)
	}
	r.e.win.Canvas().Focus(r.name)
}

// choose makes p the procedure of the dossier being received.
func (r *reception) choose(p register.Procedure) {
	if r.chosen != nil && r.chosen.Code == p.Code {
		return
	}
	r.chosen = &p
	r.chosenName.SetText(p.Name)
	info := "Thời hạn: " + p.Limit.Vietnamese() + " · Lĩnh vực: " + p.Field
	if p.Unit != "" {
		info += " · Chuyển đến: " + p.Unit
	}
	r.chosenInfo.SetText(info)
	r.showVariants()
	r.showDocs()
	r.refreshDue()
	r.updateSaveLabel()
}

// complete reports whether the form holds what a dossier needs: the
// procedure, the applicant's name and address.
func (r *reception) complete() bool {
	return r.chosen != nil && strings.TrimSpace(r.name.Text) != "" && strings.TrimSpace(r.address.Text) != ""
}

// Labels of the save button: Enter saves only a complete form.
const (
	saveLabelReady   = "Lưu và cấp giấy hẹn (Enter, Ctrl+S)"
	saveLabelPending = "Lưu và cấp giấy hẹn (Ctrl+S)"
)

// updateSaveLabel says on the save button whether Enter saves now.
func (r *reception) updateSaveLabel() {
	label := saveLabelPending
	if r.complete() {
		label = saveLabelReady
	}
	if r.save.Text != label {
		r.save.SetText(label)
	}
}

// variantStandard is the variant choice that keeps the standard limit.
const variantStandard = "Thông thường"

// showVariants offers the chosen procedure's special cases (each with its
// own limit), the standard one selected; hidden when there are none.
func (r *reception) showVariants() {
	if r.chosen == nil || len(r.chosen.Variants) == 0 {
		r.variant.Options = nil
		r.variant.ClearSelected()
		r.variantRow.Hide()
		return
	}
	opts := []string{variantStandard + " (" + r.chosen.Limit.Vietnamese() + ")"}
	for _, v := range r.chosen.Variants {
		opts = append(opts, v.Name+" ("+v.Limit.Vietnamese()+")")
	}
	r.variant.Options = opts
	r.variant.SetSelectedIndex(0)
	r.variantRow.Show()
}

// variantCode is the code of the selected variant, empty for the standard limit.
func (r *reception) variantCode() string {
	i := r.variant.SelectedIndex()
	if r.chosen == nil || i < 1 || i > len(r.chosen.Variants) {
		return ""
	}
	return r.chosen.Variants[i-1].Code
}

// showDocs lists the chosen procedure's papers as checkboxes, all ticked:
// the clerk unticks what the citizen did not bring.
func (r *reception) showDocs() {
	r.docs = nil
	r.docsBox.RemoveAll()
	switch {
	case r.chosen == nil:
		r.docsBox.Add(dimLabel("Chọn thủ tục để xem danh mục giấy tờ."))
	case len(r.chosen.Documents) == 0:
		r.docsBox.Add(dimLabel("Danh mục thủ tục chưa ghi thành phần hồ sơ."))
	default:
		for _, d := range r.chosen.Documents {
			c := widget.NewCheck(d, nil)
			c.SetChecked(true)
			r.docs = append(r.docs, c)
			r.docsBox.Add(c)
		}
	}
}

// dimLabel is a wrapped line of status or hint text. It is not italic:
// the window draws no italic text (memtune.go).
func dimLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// refreshDue asks the office when a dossier received now would be due. It
// runs when the procedure changes and every minute, because the 15:00
// cut-off moves a same-day result to the next working day.
func (r *reception) refreshDue() {
	if r.chosen == nil {
		r.due.SetText("Hạn trả dự kiến: chọn thủ tục để xem.")
		return
	}
	code, variant := r.chosen.Code, r.variantCode()
	r.e.background(func() {
		est, err := r.e.off.DueFor(r.e.ctx, code, variant, time.Time{})
		now := r.e.off.Now()
		r.e.do(func() {
			if r.chosen == nil || r.chosen.Code != code || r.variantCode() != variant {
				return
			}
			if err != nil {
				r.due.SetText("Hạn trả dự kiến: không tính được (" + err.Error() + ")")
				return
			}
			text := "Hạn trả dự kiến: " + fmtDueFrom(est.Due, now)
			if est.Provisional {
				text += " (tính qua ngày nghỉ dự kiến, chưa có thông báo chính thức: báo người nộp hạn có thể thay đổi)"
			}
			r.due.SetText(text)
		})
	})
}

// shortcut handles Ctrl+S and passes the rest to the window.
func (r *reception) shortcut(s fyne.Shortcut) bool {
	if r.onShortcut != nil {
		return r.onShortcut(s)
	}
	return false
}

// input collects the form; an error means the form itself cannot be read
// (nothing chosen, a number that is not one). Everything else is for the
// office to judge.
func (r *reception) input() (office.ReceiveInput, error) {
	if r.chosen == nil {
		return office.ReceiveInput{}, errors.New("chưa chọn thủ tục hành chính. Gõ tên thủ tục vào ô “Thủ tục hành chính” bên trái rồi chọn trong danh sách")
	}
	sets := 0
	if s := strings.TrimSpace(r.sets.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return office.ReceiveInput{}, errors.New("số bộ hồ sơ “" + s + "” không phải là một số; nhập số bộ, ví dụ 1")
		}
		sets = n
	}
	method := register.AtCounter
	for _, m := range resultMethods {
		if register.ResultMethodVietnamese(m) == r.method.Selected {
			method = m
		}
	}
	var docs []string
	for _, c := range r.docs {
		if c.Checked {
			docs = append(docs, c.Text)
		}
	}
	return office.ReceiveInput{
		ProcedureCode: r.chosen.Code,
		Applicant: register.Applicant{
			Name: r.name.Text, Address: r.address.Text, Phone: r.phone.Text, Email: r.email.Text,
		},
		Sets:         sets,
		Documents:    docs,
		ResultMethod: method,
		Variant:      r.variantCode(),
	}, nil
}

// submit saves the dossier. On an error the form stays as typed and the
// focus goes back where it was.
func (r *reception) submit() {
	if r.saving {
		return // a second Enter while the first save runs
	}
	focused := r.e.win.Canvas().Focused()
	refocus := func() {
		if focused != nil {
			r.e.win.Canvas().Focus(focused)
		}
	}
	in, err := r.input()
	if err != nil {
		if r.chosen == nil {
			// What is missing is the procedure: the cursor goes there.
			refocus = func() { r.e.win.Canvas().Focus(r.procSearch) }
		}
		r.e.showError(err, refocus)
		return
	}
	r.saving = true
	r.save.Disable()
	r.e.background(func() {
		// Nothing is issued under placeholders: the office says what the
		// profile lacks, and the clerk is offered the settings.
		if err := r.e.profileCheck(); err != nil {
			r.e.do(func() {
				r.saving = false
				r.save.Enable()
				r.profileText.SetText(capitalise(err.Error()) + ".")
				r.profileNote.Show()
				r.e.confirmAction("Chưa đủ thông tin của xã", capitalise(err.Error())+".", "Mở Cài đặt", func() {
					if r.e.goToSettings != nil {
						r.e.goToSettings()
					}
				}, refocus)
			})
			return
		}
		d, err := r.e.off.Receive(r.e.ctx, in)
		now := r.e.off.Now()
		var kind letters.Kind
		if err == nil {
			kind, _, _ = r.e.off.ProposeLetter(r.e.ctx, d, letters.AtReceive)
		}
		r.e.do(func() {
			r.saving = false
			r.save.Enable()
			if err != nil {
				r.e.showError(err, refocus)
				return
			}
			r.showSaved(d, now, kind)
			r.reset()
			if r.e.changed != nil {
				r.e.changed()
			}
		})
	})
}

// showSaved tells the clerk what to write on the paper and say to the
// citizen: the code, the entry number and the due time. For a death
// registration (kind: the letter its procedure proposes) it offers the
// condolence letter while the family is at the counter; the congratulations
// on a birth or a marriage wait for the result to be returned.
func (r *reception) showSaved(d *register.Dossier, now time.Time, kind letters.Kind) {
	r.savedHead.SetText("Đã tiếp nhận hồ sơ " + d.ProcedureName + " của " + d.Applicant.Name + ". Mã hồ sơ:")
	r.savedCode.SetText(d.Code)
	r.savedInfo.SetText("Số thứ tự " + strconv.Itoa(d.EntryNo) + " (quyển số " + strconv.Itoa(d.BookNo) + ") · Hẹn trả: " + fmtDueFrom(d.DueAt, now))
	r.lastCode = d.Code
	r.letterDr = nil
	r.letterBtn.Hide()
	if kind != "" { // the office proposes at reception only what cannot wait
		r.letterBtn.SetText("Soạn " + lowerFirst(kind.Name()) + "…")
		r.letterDr = &letterDraft{kind: kind, dossier: d.Code, recipient: d.Applicant.Name, address: d.Applicant.Address,
			about: d.Code + " · " + d.ProcedureName + " · " + d.Applicant.Name, fields: map[string]string{}}
		r.letterBtn.Show()
	}
	r.saved.Show()
}

// draftLetter opens the letter form for the death registration saved last:
// it asks what the register does not know (the deceased and the date of
// death). Once the letter is in the queue the button goes.
func (r *reception) draftLetter() {
	dr := r.letterDr
	if dr == nil {
		return
	}
	openLetterForm(r.e, dr, func(office.Letter) {
		if r.letterDr == dr {
			r.letterDr = nil
			r.letterBtn.Hide()
		}
	})
}

// printReceipt prints the receipt of the dossier saved last, two copies
// ("Liên 1" for the office, "Liên 2" for the citizen): one key
// after saving. The dialog that follows offers to view, save or reprint.
func (r *reception) printReceipt() {
	if r.lastCode == "" {
		r.e.info("Chưa có giấy để in", "Chưa lưu hồ sơ nào trong lần mở phần mềm này. Muốn in lại giấy tiếp nhận của hồ sơ cũ, mở hồ sơ trong Sổ theo dõi rồi bấm “Giấy tờ, thư”.")
		return
	}
	printForm(r.e, formByKind(r.e, docs.FormReceipt), r.lastCode, true)
}

// reset clears the form for the next citizen (the last receipt stays on
// show) and puts the cursor in the procedure search.
func (r *reception) reset() {
	r.chosen = nil
	r.procSearch.SetText("")
	r.filter()
	for _, en := range []*keyEntry{r.name, r.address, r.phone, r.email} {
		en.SetText("")
	}
	r.sets.SetText("1")
	r.method.SetSelected(register.ResultMethodVietnamese(register.AtCounter))
	r.chosenName.SetText("Chưa chọn thủ tục")
	r.chosenInfo.SetText("Chọn thủ tục ở danh sách bên trái.")
	r.showDocs()
	r.refreshDue()
	r.updateSaveLabel()
	r.e.win.Canvas().Focus(r.procSearch)
}

// shown is called each time the clerk opens the screen.
func (r *reception) shown() {
	r.refreshProfile()
	if r.chosen == nil {
		r.e.win.Canvas().Focus(r.procSearch)
	} else {
		r.e.win.Canvas().Focus(r.name)
	}
	r.refreshDue()
}
