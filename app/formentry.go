package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// formEntry is a field of a dialog form. Tab and Shift+Tab always leave
// it, a multi-line reason box included: a clerk who tabs to the next field
// must not type the date into the reason (an apology, allowed once, was
// saved that way). Ctrl+Enter submits the form from any field, Enter from
// a one-line field; Escape cancels.
type formEntry struct {
	widget.Entry
	submit, cancel func()
}

// newFormEntry is a one-line field.
func newFormEntry() *formEntry {
	e := &formEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// newReasonEntry is a multi-line box for a reason, wrapped, three lines
// high.
func newReasonEntry() *formEntry {
	e := &formEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(3)
	return e
}

// AcceptsTab is false: the window moves the focus on Tab instead of
// typing a tab character.
func (e *formEntry) AcceptsTab() bool { return false }

func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if e.cancel != nil {
			e.cancel()
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine && e.submit != nil {
			e.submit()
			return
		}
	case fyne.KeyTab:
		return // never a tab character, whoever delivers the key
	case fyne.KeyF1:
		if helpFor(e) {
			return
		}
	}
	e.Entry.TypedKey(k)
}

func (e *formEntry) TypedRune(r rune) {
	if r == '\t' {
		return
	}
	e.Entry.TypedRune(r)
}

func (e *formEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.submit != nil &&
		(cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		(cs.Modifier == fyne.KeyModifierShortcutDefault || cs.Modifier == fyne.KeyModifierControl) {
		e.submit()
		return
	}
	e.Entry.TypedShortcut(s)
}
