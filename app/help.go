package app

import (
	"sync"

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

// Dialogs with a guide of their own (env.showTopic), by file, with the
// title of their guide.
const (
	topicHandling   = "xu-ly-ho-so.md" // the dossier's actions: forward, supplement, apology, refusal, stop, return
	topicLetter     = "soan-thu.md"    // the letter form
	topicFirstStart = "bat-dau.md"     // the first-start wizard and its administrator
)

var topicTitles = map[string]string{
	topicHandling:   "Xử lý hồ sơ",
	topicLetter:     "Soạn thư",
	topicFirstStart: "Bắt đầu sử dụng",
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

// topicText is the guide of a dialog's topic.
func topicText(topic string) (string, bool) {
	b, err := assets.Help.ReadFile("help/" + topic)
	return string(b), err == nil
}

// showTopic is env.show for a dialog with a guide of its own: F1 while it
// is open shows that guide.
func (e *env) showTopic(topic string, d dialog.Dialog, onEnter, onEscape func()) {
	e.show(d, onEnter, onEscape)
	e.top.topic = topic
}

// helpInView is the title and text of the guide for what is in view: the
// dialog on top when it has its own guide, else the screen's. An empty
// title means the guide is already open.
func (s *shell) helpInView() (title, text string) {
	e := s.env
	if top := e.top; top != nil && !top.closed && e.win.Canvas().Overlays().Top() != nil {
		if top.guide {
			return "", ""
		}
		if top.topic != "" {
			if text, ok := topicText(top.topic); ok {
				return topicTitles[top.topic], text
			}
		}
	}
	title = s.tabs.Selected().Text
	return title, helpText(title)
}

// help shows the guide of the screen or dialog in view (F1); Enter or
// Escape closes it and returns to where the clerk was.
func (s *shell) help() {
	title, md := s.helpInView()
	if title == "" {
		return
	}
	text := widget.NewRichTextFromMarkdown(md)
	text.Wrapping = fyne.TextWrapWord
	focused := s.env.win.Canvas().Focused()
	d := dialog.NewCustom("Hướng dẫn: "+title, "Đóng", container.NewVScroll(text), s.env.win)
	d.SetOnClosed(func() {
		if focused != nil {
			s.env.win.Canvas().Focus(focused) // back into the field being typed
		}
	})
	size := s.env.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(720, size.Width-40), min(520, size.Height-40)))
	s.env.show(d, d.Hide, d.Hide)
	s.env.top.guide = true
	s.env.win.Canvas().Unfocus() // F1 and Enter now belong to the guide
}

// helpByCanvas holds each window's F1 (shell.help), by canvas: a focused
// button or field of a dialog, which takes F1 before the window does,
// hands it on through helpFor.
var helpByCanvas sync.Map

// helpFor shows the guide of the window holding o; false when o is in no
// window with a guide.
func helpFor(o fyne.CanvasObject) bool {
	a := fyne.CurrentApp()
	if a == nil {
		return false
	}
	c := a.Driver().CanvasForObject(o)
	if c == nil {
		return false
	}
	f, ok := helpByCanvas.Load(c)
	if !ok {
		return false
	}
	f.(func())()
	return true
}
