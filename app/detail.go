package app

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/docs"
	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/people"
	"motcua/internal/register"
)

// detailPane shows one dossier: its fields, its timeline and the
// life-cycle actions its state allows.
type detailPane struct {
	e *env
	d *register.Dossier // nil: nothing selected

	title    *widget.Label
	subtitle *widget.Label
	fields   *fyne.Container
	timeline *fyne.Container
	empty    *widget.Label
	body     *fyne.Container

	forward, done, supplement, resume, apologise, refuse, withdraw, ret *keyButton
	buttons                                                             map[string]*keyButton
	papers                                                              *keyButton    // "Giấy tờ, thư": forms and letters
	permNote                                                            *widget.Label // who may, when the actions are greyed out

	// proposed is the letter the open dossier's procedure proposes, if any.
	proposed letters.Kind
	// letterDrafts keeps a letter form's typed values per dossier until
	// the letter is in the queue.
	letterDrafts map[string]*letterDraft

	busy bool
	// drafts keeps what the clerk typed in an action's dialog, per dossier
	// and action, until the action succeeds: an error or a cancel loses
	// nothing.
	drafts map[string]string
	// units are the handling units of the catalogue, offered when
	// forwarding.
	units []string

	onChanged func(*register.Dossier)
	content   fyne.CanvasObject
}

func newDetail(e *env) *detailPane {
	p := &detailPane{e: e, drafts: map[string]string{}, letterDrafts: map[string]*letterDraft{}}
	p.title = widget.NewLabel("")
	p.title.TextStyle.Bold = true
	p.title.SizeName = theme.SizeNameSubHeadingText
	p.title.Selectable = true
	p.subtitle = widget.NewLabel("")
	p.subtitle.TextStyle.Bold = true
	p.fields = container.New(layout.NewFormLayout())
	p.timeline = container.NewVBox()
	p.empty = widget.NewLabel("Chọn một hồ sơ trong sổ để xem chi tiết, quá trình giải quyết và thao tác.")
	p.empty.Alignment = fyne.TextAlignCenter
	p.empty.Wrapping = fyne.TextWrapWord

	mk := newButton
	p.forward = mk("Chuyển xử lý", theme.MailForwardIcon(), p.doForward)
	p.done = mk("Có kết quả", theme.ConfirmIcon(), p.doDone)
	p.supplement = mk("Yêu cầu bổ sung", theme.DocumentCreateIcon(), p.doSupplement)
	p.resume = mk("Nhận bổ sung", theme.DownloadIcon(), p.doResume)
	p.apologise = mk("Xin lỗi – hẹn lại", theme.HistoryIcon(), p.doApologise)
	p.refuse = mk("Từ chối", theme.CancelIcon(), p.doRefuse)
	p.withdraw = mk("Dừng giải quyết", theme.MediaStopIcon(), p.doStop)
	p.ret = mk("Trả kết quả (Ctrl+T)", theme.MailSendIcon(), p.doReturn)
	p.ret.Importance = widget.HighImportance
	p.papers = newButton("Giấy tờ, thư", theme.DocumentPrintIcon(), p.showPaperMenu)
	p.buttons = map[string]*keyButton{
		"forward": p.forward, "done": p.done, "supplement": p.supplement, "resume": p.resume,
		"apologise": p.apologise, "refuse": p.refuse, "withdraw": p.withdraw, "return": p.ret,
	}
	// The actions sit in two rows above the dossier, so the pane stays low
	// and the register above keeps most of the window.
	actions := container.NewGridWithColumns(4,
		p.forward, p.done, p.ret, p.resume,
		p.supplement, p.apologise, p.refuse, p.withdraw,
	)
	p.permNote = newPermitNote()
	info := container.NewVScroll(p.fields)
	history := container.NewBorder(heading("Quá trình giải quyết"), nil, nil, nil, container.NewVScroll(p.timeline))
	p.body = container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, container.NewCenter(p.papers),
			container.NewHBox(p.title, container.NewCenter(p.subtitle))), actions, p.permNote),
		nil, nil, nil,
		container.NewGridWithColumns(2, info, history))
	p.body.Hide()
	p.content = container.NewPadded(container.NewStack(container.NewCenter(p.empty), p.body))
	e.onPermits(p.updateButtons)

	e.background(func() {
		ps, err := e.off.Procedures(e.ctx)
		if err != nil {
			return // forwarding still works by typing the unit
		}
		seen := map[string]bool{}
		var units []string
		for _, pr := range ps {
			if pr.Unit != "" && !seen[pr.Unit] {
				seen[pr.Unit] = true
				units = append(units, pr.Unit)
			}
		}
		e.do(func() { p.units = units })
	})
	return p
}

// show displays the row at once, then the full dossier with its events.
func (p *detailPane) show(row register.Dossier) {
	p.set(&row)
	p.proposed = ""
	code := row.Code
	p.e.background(func() {
		d, err := p.e.off.Show(p.e.ctx, code)
		var kind letters.Kind
		if err == nil {
			kind, _ = p.e.off.ProposedLetter(p.e.ctx, d)
		}
		p.e.do(func() {
			if p.d == nil || p.d.Code != code {
				return // another row was chosen meanwhile
			}
			if err != nil {
				p.e.showError(err, nil)
				return
			}
			p.proposed = kind
			p.set(d)
		})
	})
}

// clear empties the pane: no dossier, no actions.
func (p *detailPane) clear() {
	p.d = nil
	p.proposed = ""
	p.body.Hide()
	p.empty.Show()
	p.updateButtons()
}

// set fills the pane with d.
func (p *detailPane) set(d *register.Dossier) {
	p.d = d
	p.empty.Hide()
	p.body.Show()
	p.title.SetText("Hồ sơ " + d.Code)
	sub := "· " + d.State.Vietnamese()
	p.subtitle.Importance = widget.MediumImportance
	switch {
	case d.Outcome != "":
		sub += " · " + d.Outcome.Vietnamese()
		if d.Outcome == register.Late {
			p.subtitle.Importance = widget.DangerImportance
		}
	case d.NewDueAt != nil && p.e.off.UrgencyOf(d) != office.Overdue:
		sub += " · Hẹn lại " + fmtDate(*d.NewDueAt)
		if p.e.off.UrgencyOf(d) == office.DueSoon {
			p.subtitle.Importance = widget.WarningImportance
		}
	case p.e.off.UrgencyOf(d) == office.Overdue:
		sub += " · Quá hạn"
		p.subtitle.Importance = widget.DangerImportance
	case p.e.off.UrgencyOf(d) == office.DueSoon:
		sub += " · Sắp đến hạn"
		p.subtitle.Importance = widget.WarningImportance
	}
	p.subtitle.SetText(sub)

	fields := labelPool{box: p.fields}
	add := func(k, v string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		fields.add(k, true, false)
		fields.add(v, false, true)
	}
	add("Người nộp", d.Applicant.Name)
	add("Địa chỉ", d.Applicant.Address)
	add("Điện thoại", d.Applicant.Phone)
	add("Thư điện tử", d.Applicant.Email)
	add("Thủ tục", d.ProcedureName+" ("+d.Limit.Vietnamese()+")")
	add("Số thứ tự", strconv.Itoa(d.EntryNo)+" · quyển số "+strconv.Itoa(d.BookNo))
	recv := fmtStamp(d.ReceivedAt)
	if d.ReceivedBy != "" {
		recv += " · " + d.ReceivedBy
	}
	add("Tiếp nhận", recv)
	due := fmtDue(d.DueAt)
	if d.State.Open() && p.e.off.DueProvisional(d) {
		due += " (tính qua ngày nghỉ dự kiến: có thể thay đổi khi có thông báo chính thức)"
	}
	add("Hạn trả", due)
	if d.NewDueAt != nil {
		add("Hẹn trả mới", fmtDue(*d.NewDueAt))
	}
	add("Trạng thái", d.State.Vietnamese())
	if d.Outcome != "" {
		add("Kết quả", d.Outcome.Vietnamese())
	}
	add("Đang ở", d.Holder)
	add("Đơn vị giải quyết", d.HandlingUnit)
	add("Nhận kết quả", register.ResultMethodVietnamese(d.ResultMethod))
	add("Số bộ hồ sơ", strconv.Itoa(d.Sets))
	add("Giấy tờ kèm theo", strings.Join(d.Documents, "; "))
	add("Nội dung bổ sung", d.SupplementReason)
	add("Lý do hẹn lại", d.ApologyReason)
	switch d.State {
	case register.Refused:
		add("Lý do từ chối", d.ClosedReason)
	case register.Withdrawn:
		if by, ok := d.Stopped(); ok {
			add("Dừng giải quyết", by.Vietnamese())
		}
		add("Lý do dừng", d.ClosedReason)
	}
	add("Ghi chú", d.Note)
	fields.finish()

	timeline := labelPool{box: p.timeline}
	if len(d.Events) == 0 {
		timeline.add("Đang tải…", false, true)
	}
	for _, ev := range d.Events {
		head := fmtStamp(ev.At) + "  " + ev.Kind.Vietnamese()
		var parts []string
		if ev.From != "" || ev.To != "" {
			switch {
			case ev.From == "":
				parts = append(parts, "Đến: "+ev.To)
			case ev.To == "":
				parts = append(parts, "Từ: "+ev.From)
			default:
				// In words: the theme font draws "→" badly on some PCs.
				parts = append(parts, "Từ "+ev.From+" đến "+ev.To)
			}
		}
		if ev.Outcome != "" {
			parts = append(parts, ev.Outcome.Vietnamese())
		}
		if ev.Actor != "" {
			who := ev.Actor
			if !strings.HasPrefix(strings.ToLower(who), "cán bộ") {
				who = "cán bộ " + who
			}
			parts = append(parts, who)
		}
		text := strings.Join(parts, " · ")
		if ev.Note != "" {
			if text != "" {
				text += "\n"
			}
			text += ev.Note
		}
		timeline.add(head, true, false)
		if text != "" {
			timeline.add(text, false, true)
		}
	}
	timeline.finish()
	p.updateButtons()
}

// updateButtons greys out what the dossier's state does not allow.
func (p *detailPane) updateButtons() {
	for key, b := range p.buttons {
		ok := p.d != nil && !p.busy
		ok = ok && p.d.Can(register.Action(key))
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if p.d != nil {
		p.papers.Enable()
	} else {
		p.papers.Disable()
	}
	// The office says whether the one working may handle dossiers.
	guarded := make([]fyne.Disableable, 0, len(p.buttons))
	for _, b := range p.buttons {
		guarded = append(guarded, b)
	}
	p.e.guard(people.ActHandle, p.permNote, guarded...)
}

// act runs one change off the UI goroutine. On success the pane shows the
// changed dossier and after runs; on an error the office's message is shown
// and retry (if any) reopens the form as it was typed.
func (p *detailPane) act(do func(code string) (*register.Dossier, []string, error), retry func(), after func(d *register.Dossier, warnings []string)) {
	if p.d == nil || p.busy {
		return
	}
	code := p.d.Code
	p.busy = true
	p.updateButtons()
	p.e.background(func() {
		d, warnings, err := do(code)
		p.e.do(func() {
			p.busy = false
			if err != nil {
				p.updateButtons()
				p.e.showError(err, retry)
				return
			}
			if p.d != nil && p.d.Code == code {
				p.set(d)
			} else {
				p.updateButtons()
			}
			if after != nil {
				after(d, warnings)
			}
			if p.onChanged != nil {
				p.onChanged(d)
			}
		})
	})
}

// draftEntry is an entry whose text survives errors and cancels. Tab
// leaves it, even a multi-line reason box (see formEntry).
func (p *detailPane) draftEntry(key, initial string, multiline bool) *formEntry {
	en := newFormEntry()
	if multiline {
		en = newReasonEntry()
	}
	key = p.d.Code + "/" + key
	if s, ok := p.drafts[key]; ok {
		initial = s
	}
	en.SetText(initial)
	en.OnChanged = func(s string) { p.drafts[key] = s }
	return en
}

func (p *detailPane) forgetDrafts(action string) {
	prefix := p.d.Code + "/" + action
	for k := range p.drafts {
		if strings.HasPrefix(k, prefix) {
			delete(p.drafts, k)
		}
	}
}

// form shows a dialog with the given fields; ok runs on confirmation.
func (p *detailPane) form(title, confirm string, items []*widget.FormItem, ok func()) dialog.Dialog {
	for _, it := range items {
		if fe, isEntry := it.Widget.(*formEntry); isEntry && fe.MultiLine && it.HintText == "" {
			it.HintText = "Ctrl+Enter: " + strings.ToLower(confirm) + " · Tab: sang ô tiếp theo"
		}
	}
	d := dialog.NewForm(title, confirm, "Hủy", items, func(yes bool) {
		if yes {
			ok()
		}
	}, p.e.win)
	d.Resize(fyne.NewSize(560, 0))
	// Enter in a one-line field, Ctrl+Enter anywhere, confirms; Escape
	// cancels. The reason boxes say so, as they take Enter as a new line.
	for _, it := range items {
		fe, ok := it.Widget.(*formEntry)
		if c, isBox := it.Widget.(*fyne.Container); isBox && !ok {
			for _, o := range c.Objects { // a field with its date picker
				if x, isEntry := o.(*formEntry); isEntry {
					fe, ok = x, true
				}
			}
		}
		if ok {
			fe.submit, fe.cancel = d.Submit, d.Hide
			if !fe.MultiLine {
				fe.OnSubmitted = func(string) { d.Submit() }
			}
		}
	}
	p.e.showTopic(topicHandling, d, d.Submit, d.Hide)
	// The cursor goes straight into the first field: the clerk types at once.
	if len(items) > 0 {
		if f, ok := items[0].Widget.(fyne.Focusable); ok {
			p.e.win.Canvas().Focus(f)
		}
	}
	return d
}

func (p *detailPane) noun() string {
	return "hồ sơ " + p.d.Code + " (" + p.d.Applicant.Name + ")"
}

func (p *detailPane) doForward() {
	if p.d == nil {
		return
	}
	unit := widget.NewSelectEntry(p.units)
	key := p.d.Code + "/forward.unit"
	initial := p.d.HandlingUnit
	if initial == p.d.Holder {
		initial = ""
	}
	if s, ok := p.drafts[key]; ok {
		initial = s
	}
	unit.SetText(initial)
	unit.OnChanged = func(s string) { p.drafts[key] = s }
	d := p.form("Chuyển xử lý "+p.noun(), "Chuyển", []*widget.FormItem{
		widget.NewFormItem("Chuyển đến", unit),
	}, func() {
		to := unit.Text
		p.act(func(code string) (*register.Dossier, []string, error) {
			d, err := p.e.off.Forward(p.e.ctx, code, to, time.Time{})
			return d, nil, err
		}, p.doForward, func(*register.Dossier, []string) { p.forgetDrafts("forward") })
	})
	// Enter in the unit's field forwards, as in every one-line field.
	if fd, ok := d.(*dialog.FormDialog); ok {
		unit.OnSubmitted = func(string) { fd.Submit() }
	}
}

func (p *detailPane) doDone() {
	if p.d == nil {
		return
	}
	p.e.confirm("Có kết quả", "Ghi nhận kết quả giải quyết "+p.noun()+" đã về bộ phận một cửa, chờ trả cho người dân?",
		func(yes bool) {
			if !yes {
				return
			}
			p.act(func(code string) (*register.Dossier, []string, error) {
				d, err := p.e.off.MarkDone(p.e.ctx, code, time.Time{})
				return d, nil, err
			}, nil, nil)
		})
}

func (p *detailPane) doSupplement() {
	if p.d == nil {
		return
	}
	items := p.draftEntry("supplement.items", "", true)
	items.SetPlaceHolder("Ghi đầy đủ mọi giấy tờ cần bổ sung, mỗi dòng một nội dung: pháp luật chỉ cho yêu cầu bổ sung một lần")
	reason := p.draftEntry("supplement.reason", "", true)
	reason.SetPlaceHolder("Lý do yêu cầu bổ sung, in trên phiếu")
	p.form("Yêu cầu bổ sung "+p.noun(), "Yêu cầu bổ sung", []*widget.FormItem{
		widget.NewFormItem("Nội dung cần bổ sung", items),
		widget.NewFormItem("Lý do", reason),
	}, func() {
		list, why := items.Text, reason.Text
		p.act(func(code string) (*register.Dossier, []string, error) {
			return p.e.off.RequestSupplement(p.e.ctx, code, list, why, time.Time{})
		}, p.doSupplement, func(d *register.Dossier, warnings []string) {
			p.forgetDrafts("supplement")
			msg := "Đã ghi nhận yêu cầu bổ sung hồ sơ " + d.Code + ". Thời hạn giải quyết tạm dừng cho tới khi người dân nộp đủ giấy tờ."
			if len(warnings) > 0 {
				msg += "\n\nLưu ý: " + strings.Join(warnings, "\n")
			}
			p.offerPaper(d, docs.FormSupplement, "Đã yêu cầu bổ sung", msg)
		})
	})
}

func (p *detailPane) doResume() {
	if p.d == nil {
		return
	}
	p.e.confirm("Nhận bổ sung", "Người dân đã nộp đủ giấy tờ bổ sung cho "+p.noun()+"? Thời hạn giải quyết sẽ tính lại từ hôm nay.",
		func(yes bool) {
			if !yes {
				return
			}
			p.act(func(code string) (*register.Dossier, []string, error) {
				d, err := p.e.off.Resume(p.e.ctx, code, time.Time{})
				return d, nil, err
			}, nil, func(d *register.Dossier, _ []string) {
				p.e.info("Đã nhận hồ sơ bổ sung", "Hạn trả kết quả tính lại: "+fmtDue(d.DueAt)+".")
			})
		})
}

func (p *detailPane) doApologise() {
	if p.d == nil {
		return
	}
	reason := p.draftEntry("apologise.reason", "", true)
	reason.SetPlaceHolder("Lý do chậm trả kết quả")
	suggest := p.e.off.SuggestApologyDate(p.d)
	date := p.draftEntry("apologise.date", fmtDate(suggest), false)
	date.SetPlaceHolder("ngày/tháng/năm")
	p.form("Xin lỗi và hẹn lại ngày trả "+p.noun(), "Ghi nhận", []*widget.FormItem{
		widget.NewFormItem("Lý do", reason),
		widget.NewFormItem("Ngày hẹn trả mới", container.NewBorder(nil, nil, nil, datePicker(p.e, &date.Entry, false), date)),
	}, func() {
		text, day := reason.Text, date.Text
		p.act(func(code string) (*register.Dossier, []string, error) {
			nd, err := parseDate(day)
			if err != nil {
				return nil, nil, err
			}
			return p.e.off.Apologise(p.e.ctx, code, text, nd, time.Time{})
		}, p.doApologise, func(d *register.Dossier, warnings []string) {
			p.forgetDrafts("apologise")
			msg := "Đã ghi nhận văn bản xin lỗi."
			if d.NewDueAt != nil {
				msg += " Hẹn trả mới: " + fmtDue(*d.NewDueAt) + "."
			}
			title := "Đã hẹn lại ngày trả"
			if len(warnings) > 0 {
				title = "Đã hẹn lại ngày trả – lưu ý"
				msg += "\n\nLưu ý: " + strings.Join(warnings, "\n")
			}
			p.offerPaper(d, docs.FormApology, title, msg)
		})
	})
}

func (p *detailPane) doReturn() {
	if p.d == nil {
		return
	}
	p.e.confirm("Trả kết quả", "Trả kết quả "+p.noun()+" cho người dân ngay bây giờ?",
		func(yes bool) {
			if !yes {
				return
			}
			var kind letters.Kind
			var propose bool
			p.act(func(code string) (*register.Dossier, []string, error) {
				d, err := p.e.off.Return(p.e.ctx, code, time.Time{})
				if err == nil {
					kind, propose, _ = p.e.off.ProposeLetter(p.e.ctx, d, letters.AtReturn)
				}
				return d, nil, err
			}, nil, func(d *register.Dossier, _ []string) {
				var then func()
				if propose {
					then = func() { p.proposeLetter(d, kind) }
				}
				showReturned(p.e, d,
					"Đã trả kết quả hồ sơ "+d.Code+".\nHạn trả: "+fmtDue(d.DueAt)+".\nKết quả: "+d.Outcome.Vietnamese()+".", then)
			})
		})
}

// offerPaper tells what was recorded and offers to print the paper the
// citizen takes away (the supplement request, the apology, the refusal) at
// once, as the receipt is after reception. Enter prints; Escape closes.
func (p *detailPane) offerPaper(d *register.Dossier, kind docs.FormKind, title, msg string) {
	f, ok := p.e.off.StepPaper(d, kind)
	if !ok {
		p.e.info(title, msg)
		return
	}
	label := widget.NewLabel(msg + "\n\nIn " + lowerFirst(f.Title) + " (" + f.Sheet + ") để giao cho người dân?")
	label.Wrapping = fyne.TextWrapWord
	var dlg *dialog.CustomDialog
	code := d.Code
	printBtn := newButton("In ngay", theme.DocumentPrintIcon(), func() {
		dlg.Hide()
		printForm(p.e, f, code, true)
	})
	printBtn.Importance = widget.HighImportance
	later := newButton("Để sau", theme.CancelIcon(), func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(title, label, p.e.win)
	dlg.SetButtons([]fyne.CanvasObject{later, printBtn})
	dlg.Resize(fyne.NewSize(560, 0))
	p.e.show(dlg, printBtn.OnTapped, dlg.Hide)
}

// labelPool fills a container with labels from one dossier to the next,
// reusing the labels the previous dossier left instead of making new ones:
// paging down the register showed a dossier per key press, and each made
// some forty labels that Fyne's renderer cache kept for a minute (about
// 20 MB after sixty presses at 1,000,000 dossiers).
type labelPool struct {
	box  *fyne.Container
	used int
}

// add shows text in the next label, bold (a heading) or wrapped (a value).
func (lp *labelPool) add(text string, bold, wrap bool) {
	var l *widget.Label
	if lp.used < len(lp.box.Objects) {
		l = lp.box.Objects[lp.used].(*widget.Label)
	} else {
		l = widget.NewLabel("")
		lp.box.Add(l)
	}
	lp.used++
	l.TextStyle = fyne.TextStyle{Bold: bold}
	l.Wrapping = fyne.TextWrapOff
	if wrap {
		l.Wrapping = fyne.TextWrapWord
	}
	l.Text = text
	l.Show()
	l.Refresh()
}

// finish hides the labels this dossier did not use.
func (lp *labelPool) finish() {
	for _, o := range lp.box.Objects[lp.used:] {
		l := o.(*widget.Label)
		if l.Text != "" || l.Visible() {
			l.Text = ""
			l.Hide()
		}
	}
	lp.box.Refresh()
}
