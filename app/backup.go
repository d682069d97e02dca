package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// backupButton is "Sao lưu ra USB" in the status bar: one click, a folder
// (the USB stick), and a verified copy of the register is written there by
// the office (SQLite's online backup, never a file copy of a live database).
func (s *shell) backupButton() *widget.Button {
	b := widget.NewButtonWithIcon("Sao lưu ra USB", theme.DownloadIcon(), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				s.env.showError(err, nil)
				return
			}
			if dir != nil {
				s.backupTo(dir.Path())
			}
		}, s.env.win)
		d.Show()
	})
	b.Importance = widget.LowImportance
	return b
}

// backupTo writes the backup into folder off the UI goroutine and says
// where it went, or why it could not.
func (s *shell) backupTo(folder string) {
	e := s.env
	e.background(func() {
		path, err := e.off.Backup(e.ctx, folder)
		e.do(func() {
			if err != nil {
				e.showError(err, nil)
				return
			}
			e.info("Đã sao lưu", "Đã sao lưu sổ theo dõi hồ sơ vào tệp:\n"+path+
				"\n\nHãy tháo USB an toàn rồi cất ở nơi khác máy tính này: khi máy hỏng, bản sao lưu vẫn còn.")
		})
	})
}
