package app

import (
	"context"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// backupButton is "Sao lưu ra USB" in the status bar: one click, a folder
// (the USB stick), and a verified copy of the register is written there by
// the office (SQLite's online backup, never a file copy of a live database).
func (s *shell) backupButton() *widget.Button {
	b := widget.NewButtonWithIcon("Sao lưu ra USB", theme.DownloadIcon(), func() {
		s.env.askFolder("Chọn ổ USB hoặc thư mục để sao lưu", s.backupTo)
	})
	b.Importance = widget.LowImportance
	return b
}

// backupTo writes the backup into folder off the UI goroutine and says
// where it went, or why it could not.
func (s *shell) backupTo(folder string) {
	e := s.env
	var path string
	e.longTask("Đang sao lưu", "sao lưu sổ theo dõi hồ sơ ra "+folder, func(ctx context.Context) (err error) {
		path, err = e.off.Backup(ctx, folder)
		return err
	}, func(err error) {
		if office.Cancelled(err) {
			return
		}
		if err != nil {
			e.showError(err, nil)
			return
		}
		e.info("Đã sao lưu", "Đã sao lưu sổ theo dõi hồ sơ vào tệp:\n"+path+
			"\n\nHãy tháo USB an toàn rồi cất ở nơi khác máy tính này: khi máy hỏng, bản sao lưu vẫn còn.")
	})
}
