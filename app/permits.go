package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/people"
)

// What the one working may do is the office's to say (office.Permit, the
// role table in people); the screens grey out what it refuses and say, in
// a small line beside the buttons, who may. Fyne has no tooltips, so the
// reason is a caption that shows only while something is greyed out.
// The answers are kept until who works changes (login, lock, the first
// administrator): refreshPermits forgets them and redraws every screen's
// buttons.

// permits is what the office answered, per action; nil until asked.
type permits struct {
	answers map[people.Action]error
	hooks   []func()
}

// permit is nil when the one working may do a, else the office's refusal.
func (e *env) permit(a people.Action) error {
	if e.perms.answers == nil {
		e.perms.answers = map[people.Action]error{}
	}
	err, ok := e.perms.answers[a]
	if !ok {
		err = e.off.Permit(e.ctx, a)
		e.perms.answers[a] = err
	}
	return err
}

// may reports whether the one working may do a.
func (e *env) may(a people.Action) bool { return e.permit(a) == nil }

// onPermits runs f (on the UI goroutine) whenever who works changes, and
// once now.
func (e *env) onPermits(f func()) {
	e.perms.hooks = append(e.perms.hooks, f)
	f()
}

// refreshPermits forgets the office's answers and lets every screen ask
// again: after a login, a lock, a new administrator.
func (e *env) refreshPermits() {
	e.perms.answers = nil
	for _, f := range e.perms.hooks {
		f()
	}
}

// newPermitNote is the small line that says who may do what is greyed out.
func newPermitNote() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// shortRefusal is the refusal's first sentence: "Chỉ người quản trị được
// thay đổi cài đặt."
func shortRefusal(a people.Action) string {
	s := people.Refusal(a)
	if i := strings.Index(s, ";"); i > 0 {
		s = s[:i] + "."
	}
	return s
}

// guard greys out objs unless the one working may do a, and shows in note
// (if any) who may; it reports whether a is allowed. Objects the screen
// disabled for its own reasons stay as the screen set them when allowed:
// call guard after the screen's own enabling.
func (e *env) guard(a people.Action, note *widget.Label, objs ...fyne.Disableable) bool {
	ok := e.may(a)
	if !ok {
		for _, o := range objs {
			o.Disable()
		}
	}
	if note != nil {
		if ok {
			note.Hide()
		} else {
			note.SetText(shortRefusal(a))
			note.Show()
		}
	}
	return ok
}

// guardAll is guard over several actions sharing one note: the first
// refused one names who may.
func (e *env) guardAll(note *widget.Label, groups map[people.Action][]fyne.Disableable) {
	var refused []string
	for _, a := range permitOrder {
		objs, ok := groups[a]
		if !ok {
			continue
		}
		if !e.guard(a, nil, objs...) {
			refused = append(refused, shortRefusal(a))
		}
	}
	if note == nil {
		return
	}
	if len(refused) == 0 {
		note.Hide()
		return
	}
	note.SetText(strings.Join(refused, " "))
	note.Show()
}

// permitOrder keeps guardAll's sentences in a stable order.
var permitOrder = []people.Action{
	people.ActReceive, people.ActHandle, people.ActDraftLetter, people.ActRate, people.ActFeedback,
	people.ActIssueLetter, people.ActSign,
	people.ActCatalogue, people.ActCalendar, people.ActTemplates, people.ActSettings, people.ActStaff,
	people.ActRestore, people.ActBackdate, people.ActImport,
}
