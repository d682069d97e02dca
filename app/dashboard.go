package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// dashboard is what the clerk sees at 07:25: how many dossiers fall due
// today and on the next working day, how many are late, how many are open.
type dashboard struct {
	e *env

	today    *widget.Label // "Hôm nay: thứ Hai, 23/11/2026"
	dueToday *canvas.Text
	dueNext  *canvas.Text
	overdue  *canvas.Text
	open     *canvas.Text
	hint     *widget.Label // what to do about the numbers
	updated  *widget.Label

	receiveBtn  *widget.Button
	registerBtn *widget.Button
	content     fyne.CanvasObject

	// goToTab switches the navigation (set by the shell).
	goToTab func(int)
}

func newDashboard(e *env) *dashboard {
	d := &dashboard{e: e}
	d.today = widget.NewLabel("")
	d.today.TextStyle.Bold = true
	d.today.SizeName = theme.SizeNameSubHeadingText

	big := func() *canvas.Text {
		t := canvas.NewText("–", theme.Color(theme.ColorNameForeground))
		t.TextSize = 44
		t.TextStyle.Bold = true
		t.Alignment = fyne.TextAlignCenter
		return t
	}
	d.dueToday, d.dueNext, d.overdue, d.open = big(), big(), big(), big()
	card := func(num *canvas.Text, title, sub string) fyne.CanvasObject {
		l := widget.NewLabel(title)
		l.Alignment = fyne.TextAlignCenter
		l.TextStyle.Bold = true
		l.Wrapping = fyne.TextWrapWord
		s := widget.NewLabel(sub)
		s.Alignment = fyne.TextAlignCenter
		s.TextStyle.Italic = true
		s.SizeName = theme.SizeNameCaptionText
		s.Wrapping = fyne.TextWrapWord
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bg.CornerRadius = theme.InputRadiusSize()
		return container.NewStack(bg, container.NewPadded(container.NewVBox(num, l, s)))
	}
	cards := container.NewGridWithColumns(4,
		card(d.dueToday, "Đến hạn hôm nay", "chưa trả kết quả"),
		card(d.dueNext, "Đến hạn ngày làm việc tiếp theo", "cần chuẩn bị hoặc xin lỗi, hẹn lại"),
		card(d.overdue, "Quá hạn", "đã qua ngày hẹn trả"),
		card(d.open, "Đang giải quyết", "tất cả hồ sơ chưa trả"),
	)
	d.hint = widget.NewLabel("")
	d.hint.Wrapping = fyne.TextWrapWord
	d.updated = widget.NewLabel("")
	d.updated.TextStyle.Italic = true
	d.updated.SizeName = theme.SizeNameCaptionText

	d.receiveBtn = widget.NewButtonWithIcon("Tiếp nhận hồ sơ mới (Ctrl+N)", theme.DocumentCreateIcon(), func() { d.goTo(tabReception) })
	d.receiveBtn.Importance = widget.HighImportance
	d.registerBtn = widget.NewButtonWithIcon("Mở sổ theo dõi hồ sơ", theme.ListIcon(), func() { d.goTo(tabRegister) })
	refresh := widget.NewButtonWithIcon("Cập nhật số liệu", theme.ViewRefreshIcon(), d.reload)

	d.content = container.NewPadded(container.NewVBox(
		d.today,
		cards,
		d.hint,
		container.NewHBox(d.receiveBtn, d.registerBtn, refresh),
		d.updated,
	))
	return d
}

func (d *dashboard) goTo(tab int) {
	if d.goToTab != nil {
		d.goToTab(tab)
	}
}

// reload asks the office for fresh numbers, off the UI goroutine.
func (d *dashboard) reload() {
	d.e.background(func() {
		db, err := d.e.off.Dashboard(d.e.ctx)
		now := d.e.off.Now()
		d.e.do(func() {
			d.today.SetText("Hôm nay: " + weekdayName(now) + ", " + fmtDate(now))
			if err != nil {
				d.hint.SetText("Không đọc được số liệu: " + err.Error())
				return
			}
			d.show(db)
			d.updated.SetText("Số liệu lúc " + now.Format("15:04") + "; tự cập nhật vài phút một lần.")
		})
	})
}

func (d *dashboard) show(db office.Dashboard) {
	set := func(t *canvas.Text, n int, warn color.Color) {
		t.Text = fmtCount(n)
		t.Color = theme.Color(theme.ColorNameForeground)
		if n > 0 && warn != nil {
			t.Color = warn
		}
		t.Refresh()
	}
	set(d.dueToday, db.DueToday, theme.Color(theme.ColorNameWarning))
	set(d.dueNext, db.DueTomorrow, nil)
	set(d.overdue, db.Overdue, theme.Color(theme.ColorNameError))
	set(d.open, db.Open, nil)
	switch {
	case db.Overdue > 0:
		d.hint.SetText("Có hồ sơ quá hạn (tô đỏ trong sổ theo dõi): trả kết quả ngay khi có, và gửi văn bản xin lỗi nếu chưa gửi.")
	case db.DueTomorrow > 0:
		d.hint.SetText("Hồ sơ đến hạn ngày làm việc tiếp theo mà chưa có kết quả: văn bản xin lỗi, hẹn lại phải gửi chậm nhất 01 ngày làm việc trước hạn, tức là hôm nay.")
	case db.DueToday > 0:
		d.hint.SetText("Hồ sơ đến hạn hôm nay được tô vàng trong sổ theo dõi.")
	default:
		d.hint.SetText("Không có hồ sơ nào sắp đến hạn.")
	}
}
