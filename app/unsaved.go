package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// askUnsavedSettings asks what to do with settings typed and not saved,
// when the clerk leaves the settings tab or closes the window: save them,
// drop them, or go back to them. then runs after saving or dropping.
func (s *shell) askUnsavedSettings(then func()) {
	msg := widget.NewLabel("Các thay đổi trong Cài đặt chưa được lưu. Lưu lại trước khi rời đi?")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	save := newButton("Lưu cài đặt", theme.DocumentSaveIcon(), func() {
		d.Hide()
		s.settings.saveThen(then)
	})
	save.Importance = widget.HighImportance
	drop := newButton("Bỏ thay đổi", theme.DeleteIcon(), func() {
		d.Hide()
		s.settings.fill(true)
		if then != nil {
			then()
		}
	})
	back := newButton("Quay lại Cài đặt", theme.NavigateBackIcon(), func() {
		d.Hide()
		s.tabs.SelectIndex(tabSettings)
	})
	d = dialog.NewCustomWithoutButtons("Cài đặt chưa lưu", msg, s.env.win)
	d.SetButtons([]fyne.CanvasObject{back, drop, save})
	d.Resize(fyne.NewSize(560, 0))
	s.env.show(d, save.OnTapped, back.OnTapped)
}

// leavingTab runs when the navigation moves from tab from: settings left
// with unsaved changes ask first.
func (s *shell) leavingTab(from int) {
	if from == tabSettings && s.tabs.SelectedIndex() != tabSettings && s.settings.dirty() {
		s.askUnsavedSettings(nil)
	}
}

// closeWindow is the window's close button: unsaved settings ask first.
func (s *shell) closeWindow() {
	if s.settings.dirty() {
		s.tabs.SelectIndex(tabSettings)
		s.askUnsavedSettings(s.close)
		return
	}
	s.close()
}
