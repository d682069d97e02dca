package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/register"
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
	people   *peoplePanel // staff pledges and overdue feedback (dashpeople.go)

	receiveBtn  *widget.Button
	registerBtn *widget.Button
	content     fyne.CanvasObject

	// The open dossiers due by the end of the next working day, overdue
	// first: what to act on this morning.
	pressing  []register.Dossier
	pressHead *widget.Label
	pressCap  fyne.CanvasObject // the list's column headings
	pressList *widget.List
	pressCols []column
	now       time.Time // when pressing was read

	// goToTab switches the navigation (set by the shell).
	goToTab func(int)
	// openDossier shows a dossier in the register's detail (set by the shell).
	openDossier func(register.Dossier)
}

// pressingLimit is how many pressing dossiers the dashboard lists.
const pressingLimit = 20

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
	d.updated.SizeName = theme.SizeNameCaptionText

	d.receiveBtn = widget.NewButtonWithIcon("Tiếp nhận hồ sơ mới (Ctrl+N)", theme.DocumentCreateIcon(), func() { d.goTo(tabReception) })
	d.receiveBtn.Importance = widget.HighImportance
	d.registerBtn = widget.NewButtonWithIcon("Mở sổ theo dõi hồ sơ", theme.ListIcon(), func() { d.goTo(tabRegister) })
	refresh := widget.NewButtonWithIcon("Cập nhật số liệu", theme.ViewRefreshIcon(), d.reload)
	d.people = newPeoplePanel(func() { d.goTo(tabPeople) })

	d.pressHead = heading("Hồ sơ cần xử lý")
	d.pressCols = pressingColumns()
	d.pressList = widget.NewList(func() int { return len(d.pressing) }, d.createPressRow, d.updatePressRow)
	d.pressList.OnSelected = func(id widget.ListItemID) {
		d.pressList.UnselectAll()
		if id < len(d.pressing) && d.openDossier != nil {
			d.openDossier(d.pressing[id])
		}
	}
	header := make([]fyne.CanvasObject, len(pressingHeadings))
	for i, h := range pressingHeadings {
		l := widget.NewLabel(h)
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		header[i] = l
	}
	d.pressCap = container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground)),
		container.New(&columnsLayout{d.pressCols}, header...))

	d.content = container.NewPadded(container.NewBorder(
		container.NewVBox(
			d.today,
			cards,
			d.hint,
			d.people.content,
			container.NewHBox(d.receiveBtn, d.registerBtn, refresh),
			d.updated,
			d.pressHead,
			d.pressCap,
		), nil, nil, nil,
		d.pressList))
	return d
}

var pressingHeadings = []string{"Mã hồ sơ", "Người nộp", "Thủ tục", "Hạn trả"}

func pressingColumns() []column {
	pad := 2*theme.InnerPadding() + theme.Padding()
	w := func(sample string, bold bool) float32 {
		return fyne.MeasureText(sample, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width + pad
	}
	return []column{
		{width: w("000.00.00.H00-261123-0000", false)},
		{weight: 1},
		{weight: 1.3},
		{width: w("00:00 thứ Năm, 00/00/0000 (ngày mai, hẹn lại) · đến hạn", true)},
	}
}

func (d *dashboard) createPressRow() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(d.pressCols))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	cells[3].(*widget.Label).TextStyle.Bold = true
	return container.NewStack(tintRect(), container.New(&columnsLayout{d.pressCols}, cells...))
}

func (d *dashboard) updatePressRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(d.pressing) {
		return
	}
	p := d.pressing[id]
	st := o.(*fyne.Container)
	cells := st.Objects[1].(*fyne.Container).Objects
	set := func(i int, s string) { cells[i].(*widget.Label).SetText(s) }
	set(0, p.Code)
	set(1, p.Applicant.Name)
	set(2, p.ProcedureName)
	u := d.e.off.UrgencyOf(&p)
	due := fmtPromised(&p, d.now)
	if w := urgencyWord(u); w != "" {
		due += " · " + w // the tint's meaning in words too: never colour alone
	}
	set(3, due)
	tint := st.Objects[0].(*canvas.Rectangle)
	c := dueSoonTint
	if u == office.Overdue {
		c = overdueTint
	}
	if tint.FillColor != c {
		tint.FillColor = c
		tint.Refresh()
	}
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
		var pressing []register.Dossier
		if err == nil {
			pressing, err = d.e.off.Pressing(d.e.ctx, pressingLimit)
		}
		alerts, aerr := d.e.off.PeopleAlerts(d.e.ctx) // the pledge, overdue feedback and commitments
		now := d.e.off.Now()
		d.e.do(func() {
			d.today.SetText("Hôm nay: " + weekdayName(now) + ", " + fmtDate(now))
			if err != nil {
				d.hint.SetText("Không đọc được số liệu: " + err.Error())
				return
			}
			d.show(db)
			traceOnce("số liệu tổng quan lên màn hình")
			d.people.show(alerts, aerr)
			d.showPressing(pressing, now)
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

// showPressing lists the dossiers to act on, the late ones first.
func (d *dashboard) showPressing(ps []register.Dossier, now time.Time) {
	d.pressing, d.now = ps, now
	if len(ps) == 0 {
		d.pressCap.Hide()
	} else {
		d.pressCap.Show()
	}
	switch {
	case len(ps) == 0:
		d.pressHead.SetText("Hồ sơ cần xử lý: không có hồ sơ nào đến hạn trước hết ngày làm việc tiếp theo.")
	case len(ps) >= pressingLimit:
		d.pressHead.SetText("Hồ sơ cần xử lý: " + fmtCount(len(ps)) + " hồ sơ đầu tiên, quá hạn ở trên cùng (bấm vào một hồ sơ để mở)")
	default:
		d.pressHead.SetText("Hồ sơ cần xử lý: " + fmtCount(len(ps)) + " hồ sơ, quá hạn ở trên cùng (bấm vào một hồ sơ để mở)")
	}
	d.pressList.Refresh()
}
