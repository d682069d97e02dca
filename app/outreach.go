package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/register"
	"motcua/internal/survey"
)

// outreachScreen gathers the people side of the model in one tab of the
// navigation, with a sub-tab per area: staff and their pledges, citizens'
// ratings, feedback, dialogue conferences.
type outreachScreen struct {
	e         *env
	staff     *staffScreen
	survey    *surveyScreen
	feedback  *feedbackScreen
	dialogues *dialogueScreen
	sent      *sentScreen
	tabs      *container.AppTabs
	content   fyne.CanvasObject
}

func newOutreachScreen(e *env) *outreachScreen {
	s := &outreachScreen{e: e}
	s.staff = newStaffScreen(e)
	s.survey = newSurveyScreen(e)
	s.feedback = newFeedbackScreen(e)
	s.dialogues = newDialogueScreen(e)
	s.sent = newSentScreen(e)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Cán bộ, cam kết", s.staff.content),
		container.NewTabItem("Hài lòng", s.survey.content),
		container.NewTabItem("Phản ánh, kiến nghị", s.feedback.content),
		container.NewTabItem("Đối thoại", s.dialogues.content),
		container.NewTabItem("Thư đã gửi", s.sent.content),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.shown() }
	s.content = s.tabs
	return s
}

// shown reloads the open sub-tab.
func (s *outreachScreen) shown() {
	switch s.tabs.SelectedIndex() {
	case 0:
		s.staff.reload()
	case 1:
		s.survey.reload()
	case 2:
		s.feedback.reload()
	case 3:
		s.dialogues.reload()
	case 4:
		s.sent.reload()
	}
}

// outreachScreens are the navigation entries the people side adds.
func outreachScreens(e *env) []screen {
	s := newOutreachScreen(e)
	return []screen{{"Người dân", theme.AccountIcon(), s.content, s.shown}}
}

// formRow is one labelled field of a formDialog.
type formRow struct {
	label string
	field fyne.CanvasObject
}

// formDialog shows rows in one aligned form. "Lưu" runs act off the UI
// goroutine; on an error the message is shown and the form stays open
// with what was typed; on success the form closes and done runs. Enter in
// the last one-line field saves, Escape cancels.
func formDialog(e *env, title string, rows []formRow, act func() error, done func()) dialog.Dialog {
	form := container.New(layout.NewFormLayout())
	var entries []*formEntry
	for _, r := range rows {
		form.Add(fieldLabel(r.label))
		form.Add(r.field)
		if fe, ok := r.field.(*formEntry); ok {
			entries = append(entries, fe)
		}
	}
	var d *dialog.CustomDialog
	saving := false
	submit := func() {
		if saving {
			return
		}
		saving = true
		e.background(func() {
			err := act()
			e.do(func() {
				saving = false
				if err != nil {
					e.showError(err, nil)
					return
				}
				d.Hide()
				if done != nil {
					done()
				}
			})
		})
	}
	for i, fe := range entries {
		fe.cancel = func() { d.Hide() }
		if i+1 < len(entries) {
			next := entries[i+1]
			fe.submit = func() { e.win.Canvas().Focus(next) }
		} else {
			fe.submit = submit
		}
	}
	save := newButton("Lưu", theme.DocumentSaveIcon(), submit)
	save.Importance = widget.HighImportance
	cancel := newButton("Hủy", theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, save), nil, nil, form), e.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	e.show(d, submit, d.Hide)
	if len(entries) > 0 {
		e.win.Canvas().Focus(entries[0])
	}
	return d
}

// entryWith is a one-line form field with a placeholder.
func entryWith(placeholder string) *formEntry {
	fe := newFormEntry()
	fe.SetPlaceHolder(placeholder)
	return fe
}

// ratingKeys takes the one keystroke of a rating: 1, 2 or 3. It is
// focused while the "result returned" message is open.
type ratingKeys struct {
	widget.BaseWidget
	rate  func(survey.Level)
	close func()
}

func newRatingKeys(rate func(survey.Level), close func()) *ratingKeys {
	k := &ratingKeys{rate: rate, close: close}
	k.ExtendBaseWidget(k)
	return k
}

func (k *ratingKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack())
}
func (k *ratingKeys) FocusGained() {}
func (k *ratingKeys) FocusLost()   {}
func (k *ratingKeys) TypedRune(r rune) {
	switch r {
	case '1', '2', '3':
		k.rate(survey.Level(r - '0'))
	}
}
func (k *ratingKeys) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		k.close()
	case fyne.Key1, fyne.Key2, fyne.Key3:
		k.TypedRune(rune(ev.Name[0]))
	}
}

// showReturned tells the clerk the result was returned and asks, right
// there, how satisfied the citizen is: one keystroke (1 hài lòng, 2 bình
// thường, 3 không hài lòng) records the rating at the counter; Enter or
// "Đồng ý" closes without one. then runs once the message is closed.
func showReturned(e *env, d *register.Dossier, msg string, then func()) {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	status := dimLabel("Người dân có hài lòng không? Nhấn phím 1, 2 hoặc 3; Enter để bỏ qua.")
	var dlg *dialog.CustomDialog
	done := false
	code := d.Code
	rate := func(l survey.Level) {
		if done {
			return
		}
		done = true
		e.background(func() {
			_, err := e.off.Rate(e.ctx, office.RateInput{Code: code, Level: l})
			e.do(func() {
				dlg.Hide()
				if err != nil {
					e.showError(err, nil)
					return
				}
			})
		})
	}
	var btns []fyne.CanvasObject
	for _, l := range []survey.Level{survey.Satisfied, survey.Neutral, survey.Dissatisfied} {
		btns = append(btns, newButton(string(rune('0'+l))+" · "+l.Vietnamese(), nil, func() { rate(l) }))
	}
	keys := newRatingKeys(rate, func() { dlg.Hide() })
	body := container.NewVBox(text, widget.NewSeparator(), status, container.NewGridWithColumns(3, btns...), keys)
	dlg = dialog.NewCustom("Đã trả kết quả", "Đồng ý", body, e.win)
	if then != nil {
		dlg.SetOnClosed(then)
	}
	e.show(dlg, dlg.Hide, dlg.Hide)
	e.win.Canvas().Focus(keys)
}

// truncLabel is a list row's label: one line, cut with an ellipsis.
func truncLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
