package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"motcua/assets"
)

// helpFiles name each tab's guide in assets/help, by the tab's title.
var helpFiles = map[string]string{
	"Tổng quan":   "tong-quan.md",
	"Tiếp nhận":   "tiep-nhan.md",
	"Sổ theo dõi": "so-theo-doi.md",
	"Thư":         "thu.md",
	"Cài đặt":     "cai-dat.md",
	"Lịch":        "lich.md",
}

// helpText is the guide of the screen titled title, or a sentence saying
// there is none yet.
func helpText(title string) string {
	if name, ok := helpFiles[title]; ok {
		if b, err := assets.Help.ReadFile("help/" + name); err == nil {
			return string(b)
		}
	}
	return "# " + title + "\n\nChưa có hướng dẫn riêng cho màn hình này. Các phím dùng chung: Ctrl+N tiếp nhận hồ sơ mới, Ctrl+F tìm trong sổ, Ctrl+P in, Alt+1…9 chuyển màn hình, Enter xác nhận, Esc đóng hộp thoại."
}

// help shows the guide of the screen in view (F1); Enter or Escape closes
// it.
func (s *shell) help() {
	title := s.tabs.Selected().Text
	text := widget.NewRichTextFromMarkdown(helpText(title))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Hướng dẫn: "+title, "Đóng", container.NewVScroll(text), s.env.win)
	size := s.env.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(720, size.Width-40), min(520, size.Height-40)))
	s.env.show(d, d.Hide, d.Hide)
}
