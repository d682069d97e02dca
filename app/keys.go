package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyButton is a button that Enter presses when it has the focus, as
// Space does: a clerk who tabs to "Lưu" presses Enter, not Space.
type keyButton struct {
	widget.Button
}

// newButton is a keyButton with a label, an icon and what it does.
func newButton(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
		return
	case fyne.KeyF1:
		if helpFor(b) {
			return
		}
	}
	b.Button.TypedKey(k)
}

// keyList is a list that lets its screen see keys first (Page Up/Down,
// Home/End in the register); the arrows and Space stay the list's own.
type keyList struct {
	widget.List
	onKey func(*fyne.KeyEvent) bool
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *keyList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyF1 && helpFor(l) {
		return
	}
	if l.onKey != nil && l.onKey(k) {
		return
	}
	l.List.TypedKey(k)
}
