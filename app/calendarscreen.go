package app

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/calendar"
	"motcua/internal/office"
	"motcua/internal/register"
	"motcua/internal/textvn"
)

// calendarScreen is the office's calendar: a month of working days with
// the lunar date under each day, the holidays, compensatory, swapped and
// make-up days with their source; and "Tính hạn", the due time of a
// procedure received at a given moment, as a citizen asks "khi nào có kết
// quả?".
type calendarScreen struct {
	e *env

	month   time.Time // first day of the month shown
	title   *widget.Label
	grid    *fyne.Container
	dayInfo *widget.Label // the day clicked: what it is and why

	procs   []register.Procedure
	proc    *widget.SelectEntry
	at      *widget.Entry
	answer  *widget.Label
	compute *keyButton

	// The schedule correction: which dossiers' due dates the calendar in
	// force would move, shown before they are recomputed.
	review       *widget.Label
	check, apply *keyButton
	pending      office.CalendarReview
	permNote     *widget.Label // who may apply, when greyed out

	content fyne.CanvasObject
}

func newCalendarScreen(e *env) *calendarScreen {
	c := &calendarScreen{e: e}
	now := e.off.Now()
	c.month = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, calendar.Zone)
	c.title = heading("")
	c.title.SizeName = theme.SizeNameSubHeadingText
	c.grid = container.NewGridWithColumns(7)
	c.dayInfo = widget.NewLabel("Bấm vào một ngày để xem ngày đó nghỉ hay làm việc, và theo quy định nào.")
	c.dayInfo.Wrapping = fyne.TextWrapWord
	prev := newButton("Tháng trước", theme.NavigateBackIcon(), func() { c.show(c.month.AddDate(0, -1, 0)) })
	next := newButton("Tháng sau", theme.NavigateNextIcon(), func() { c.show(c.month.AddDate(0, 1, 0)) })
	today := newButton("Hôm nay", theme.HomeIcon(), func() {
		n := c.e.off.Now()
		c.show(time.Date(n.Year(), n.Month(), 1, 0, 0, 0, 0, calendar.Zone))
	})
	legend := container.NewHBox(
		swatch(offTint), widget.NewLabel("Ngày nghỉ"),
		swatch(makeUpTint), widget.NewLabel("Ngày làm bù"))
	monthBar := container.NewBorder(nil, nil, container.NewHBox(prev, today, next), nil, container.NewCenter(c.title))
	month := container.NewBorder(monthBar, container.NewVBox(legend, container.NewPadded(c.dayInfo)), nil, nil, c.grid)

	// Tính hạn.
	c.proc = widget.NewSelectEntry(nil)
	c.proc.SetPlaceHolder("Gõ tên thủ tục, ví dụ: khai sinh")
	c.at = widget.NewEntry()
	c.at.SetPlaceHolder("giờ:phút ngày/tháng/năm")
	c.at.SetText(now.Format("15:04 02/01/2006"))
	c.answer = widget.NewLabel("")
	c.answer.Wrapping = fyne.TextWrapWord
	c.compute = newButton("Tính hạn", theme.ConfirmIcon(), c.computeDue)
	c.compute.Importance = widget.HighImportance
	c.at.OnSubmitted = func(string) { c.computeDue() }
	c.proc.OnSubmitted = func(string) { c.computeDue() }
	c.proc.OnChanged = func(s string) { c.filterProcs(s) }
	c.review = widget.NewLabel("Khi lịch nghỉ được sửa (thông báo chính thức, ngày dự kiến được xác nhận), kiểm tra xem hạn trả của hồ sơ nào thay đổi trước khi áp dụng.")
	c.review.Wrapping = fyne.TextWrapWord
	c.check = newButton("Kiểm tra hạn trả theo lịch hiện hành", theme.SearchIcon(), c.checkCorrections)
	c.apply = newButton("Áp dụng", theme.ConfirmIcon(), c.applyCorrections)
	c.apply.Importance = widget.HighImportance
	c.apply.Hide()
	c.permNote = newPermitNote()
	e.onPermits(c.guardApply)
	due := container.NewVBox(
		heading("Tính hạn trả kết quả"),
		container.New(layout.NewFormLayout(),
			fieldLabel("Thủ tục"), c.proc,
			fieldLabel("Tiếp nhận lúc"), container.NewBorder(nil, nil, nil, datePicker(e, c.at, true), c.at)),
		container.NewHBox(layout.NewSpacer(), c.compute),
		c.answer,
		widget.NewSeparator(),
		heading("Điều chỉnh theo lịch nghỉ"),
		c.review,
		container.NewHBox(layout.NewSpacer(), c.check, c.apply),
		c.permNote,
	)
	split := container.NewHSplit(container.NewPadded(month), container.NewPadded(container.NewVScroll(due)))
	split.SetOffset(0.58)
	c.content = split
	c.show(c.month)
	e.background(func() {
		ps, err := e.off.Procedures(e.ctx)
		e.do(func() {
			if err == nil {
				for _, p := range ps {
					if !p.Inactive {
						c.procs = append(c.procs, p)
					}
				}
				sort.SliceStable(c.procs, func(i, j int) bool { return textvn.Fold(c.procs[i].Name) < textvn.Fold(c.procs[j].Name) })
				c.filterProcs("")
			}
		})
	})
	return c
}

// Tints of the month view; each day also says in words what it is. Plain
// colours: no theme may be asked before the app exists (the command line
// shares this binary).
var (
	offTint    = color.NRGBA{R: 0xE5, G: 0x39, B: 0x35, A: 0x30}
	makeUpTint = color.NRGBA{R: 0x29, G: 0x79, B: 0xFF, A: 0x40}
)

var weekdayHeads = []string{"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"}

// show draws the month starting at first.
func (c *calendarScreen) show(first time.Time) {
	c.month = first
	c.title.SetText(fmt.Sprintf("Tháng %d năm %d", first.Month(), first.Year()))
	c.grid.RemoveAll()
	for _, h := range weekdayHeads {
		l := widget.NewLabel(h)
		l.TextStyle.Bold = true
		l.Alignment = fyne.TextAlignCenter
		c.grid.Add(l)
	}
	days := c.e.off.Month(first.Year(), first.Month())
	lead := (int(first.Weekday()) + 6) % 7 // Monday first
	for i := 0; i < lead; i++ {
		c.grid.Add(layout.NewSpacer())
	}
	today := c.e.off.Now()
	for _, d := range days {
		c.grid.Add(c.dayCell(d, sameDate(d.Date, today)))
	}
}

func sameDate(a, b time.Time) bool {
	a, b = a.In(calendar.Zone), b.In(calendar.Zone)
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// dayWord is what a day is, in words, for its cell: never colour alone.
func dayWord(d office.CalendarDay) string {
	if d.Provisional {
		return "Dự kiến" // a day off picked by rule, the notice not yet out
	}
	wd := d.Date.Weekday()
	switch {
	case d.Working && (wd == time.Saturday || wd == time.Sunday):
		return "Làm bù"
	case d.Working:
		return ""
	case d.Holiday != "":
		return "Nghỉ lễ"
	case strings.HasPrefix(d.Reason, calendar.ReasonCompensation):
		return "Nghỉ bù"
	case wd == time.Saturday || wd == time.Sunday:
		return ""
	}
	return "Nghỉ"
}

// dayCell is one day: the solar date, the lunar date, and a word when the
// day is not an ordinary one.
func (c *calendarScreen) dayCell(d office.CalendarDay, today bool) fyne.CanvasObject {
	num := canvas.NewText(strconv.Itoa(d.Date.Day()), theme.Color(theme.ColorNameForeground))
	num.TextStyle.Bold = true
	num.TextSize = theme.TextSize() * 1.3
	lunar := strconv.Itoa(d.Lunar.Day)
	if d.Lunar.Day == 1 {
		lunar += "/" + strconv.Itoa(d.Lunar.Month)
		if d.Lunar.Leap {
			lunar += " nhuận"
		}
	}
	lunarText := canvas.NewText("âm "+lunar, theme.Color(theme.ColorNamePlaceHolder))
	lunarText.TextSize = theme.CaptionTextSize()
	word := canvas.NewText(dayWord(d), theme.Color(theme.ColorNameForeground))
	word.TextSize = theme.CaptionTextSize()
	word.TextStyle.Bold = true
	// The day's number with its word beside it, the lunar date below: two
	// lines fit a month on a 768-pixel-high screen.
	top := container.NewHBox(num, container.NewCenter(word))
	tint := canvas.NewRectangle(noTint)
	switch {
	case !d.Working:
		tint.FillColor = offTint
	case dayWord(d) != "":
		tint.FillColor = makeUpTint
	}
	if today {
		tint.StrokeColor = theme.Color(theme.ColorNamePrimary)
		tint.StrokeWidth = 2
	}
	tint.CornerRadius = 4
	info := d
	tap := widget.NewButton("", func() { c.showDay(info) })
	tap.Importance = widget.LowImportance
	return container.NewStack(tint, tap, container.NewPadded(
		container.New(layout.NewCustomPaddedVBoxLayout(0), top, lunarText)))
}

// showDay says what the day is and where that comes from.
func (c *calendarScreen) showDay(d office.CalendarDay) {
	s := weekdayName(d.Date) + ", " + d.Date.Format("02/01/2006") + " (" + d.Lunar.String() + ", năm " + d.Lunar.YearName() + "): "
	if d.Working {
		s += "ngày làm việc"
		if r := d.Reason; r != calendar.ReasonWorking && r != "" {
			s += " – " + r
		}
	} else {
		s += "ngày nghỉ – " + d.Reason
	}
	s += "."
	if d.Provisional {
		s += "\nDỰ KIẾN: phần mềm chọn ngày này theo quy tắc vì chưa có thông báo chính thức của năm; ngày có thể thay đổi khi có thông báo."
	}
	if d.Source != "" {
		s += "\nTheo: " + d.Source
	}
	c.dayInfo.SetText(s)
}

// filterProcs offers the procedures whose name contains what is typed.
func (c *calendarScreen) filterProcs(q string) {
	var names []string
	for _, p := range filterProcedures(c.procs, q) {
		names = append(names, p.Name)
	}
	if len(names) > 30 {
		names = names[:30]
	}
	c.proc.SetOptions(names)
}

// computeDue answers "khi nào có kết quả?" for the chosen procedure and
// receipt time.
func (c *calendarScreen) computeDue() {
	var code string
	matches := filterProcedures(c.procs, c.proc.Text)
	for _, p := range matches {
		if p.Name == c.proc.Text {
			code = p.Code
		}
	}
	if code == "" && len(matches) > 0 {
		code = matches[0].Code
	}
	if code == "" {
		c.answer.SetText("Chưa chọn thủ tục: gõ tên thủ tục rồi chọn trong danh sách.")
		return
	}
	at, err := parseStamp(c.at.Text)
	if err != nil {
		c.answer.SetText(capitalise(err.Error()) + ".")
		return
	}
	c.e.background(func() {
		ex, err := c.e.off.ExplainDue(c.e.ctx, code, at)
		c.e.do(func() {
			if err != nil {
				c.answer.SetText(capitalise(err.Error()) + ".")
				return
			}
			s := ex.Procedure.Name + " (" + ex.Procedure.Limit.Vietnamese() + ")\n" +
				"Tiếp nhận: " + fmtDue(ex.ReceivedAt) + "\n" +
				"Hạn trả kết quả: " + fmtDue(ex.Due) + "\n" +
				"Số ngày làm việc tính từ ngày tiếp nhận: " + strconv.Itoa(ex.WorkingDays)
			if len(ex.DaysOff) > 0 {
				var off []string
				for _, d := range ex.DaysOff {
					off = append(off, d.Date.Format("02/01")+" ("+d.Reason+")")
				}
				s += "\nKhông tính các ngày nghỉ: " + strings.Join(off, ", ")
			}
			if ex.Provisional {
				s += "\nLưu ý: hạn này tính qua ngày nghỉ dự kiến (chưa có thông báo chính thức); hãy báo người dân ngày hẹn có thể thay đổi."
			}
			c.answer.SetText(s)
		})
	})
}

// parseStamp reads "15:04 02/01/2006" or a date alone (then 08:00).
func parseStamp(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	clock := "08:00"
	if i := strings.Index(s, " "); i > 0 && strings.Contains(s[:i], ":") {
		clock, s = s[:i], strings.TrimSpace(s[i+1:])
	}
	d, err := parseDate(s)
	if err != nil {
		return time.Time{}, err
	}
	cl, err := calendar.ParseClock(clock)
	if err != nil {
		return time.Time{}, err
	}
	return d.Add(time.Duration(cl) * time.Minute), nil
}

// shown is called each time the screen is opened.
func (c *calendarScreen) shown() {}

// datePicker is a small button beside a date field that opens a month to
// pick from; typing ngày/tháng/năm in the field still works. With
// keepClock the field's "giờ:phút " prefix stays.
func datePicker(e *env, en *widget.Entry, keepClock bool) *keyButton {
	var b *keyButton
	b = newButton("", theme.CalendarIcon(), func() {
		start := e.off.Now()
		text := en.Text
		prefix := ""
		if keepClock {
			if i := strings.Index(text, " "); i > 0 && strings.Contains(text[:i], ":") {
				prefix, text = text[:i+1], text[i+1:]
			}
		}
		if t, err := parseDate(text); err == nil {
			start = t
		}
		var pop *widget.PopUp
		cal := widget.NewCalendar(start, func(t time.Time) {
			en.SetText(prefix + fmtDate(t))
			pop.Hide()
		})
		pop = widget.NewPopUp(cal, e.win.Canvas())
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		pop.ShowAtPosition(pos.Add(fyne.NewPos(0, b.Size().Height)))
	})
	return b
}

// checkCorrections shows which dossiers' due dates or outcomes the calendar
// in force would change; nothing is recomputed yet.
func (c *calendarScreen) checkCorrections() {
	c.review.SetText("Đang kiểm tra…")
	c.apply.Hide()
	c.e.background(func() {
		rev, err := c.e.off.PendingCorrections(c.e.ctx)
		c.e.do(func() {
			if err != nil {
				c.review.SetText(capitalise(err.Error()) + ".")
				return
			}
			c.pending = rev
			if len(rev.Changes) == 0 {
				c.review.SetText("Hạn trả của mọi hồ sơ đã khớp với lịch hiện hành; không có gì cần điều chỉnh.")
				return
			}
			var lines []string
			for i, ch := range rev.Changes {
				if i == 8 {
					lines = append(lines, "… và "+fmtCount(len(rev.Changes)-i)+" hồ sơ khác")
					break
				}
				lines = append(lines, ch.Code+" ("+ch.Applicant+"): hạn "+fmtDate(ch.OldDue)+" thành "+fmtDate(ch.NewDue))
			}
			var years []string
			for _, y := range rev.Years {
				years = append(years, strconv.Itoa(y))
			}
			c.review.SetText("Lịch năm " + strings.Join(years, ", ") + " đổi hạn trả của " + fmtCount(len(rev.Changes)) +
				" hồ sơ:\n" + strings.Join(lines, "\n") + "\nBấm “Áp dụng” để tính lại hạn trả các hồ sơ này (có ghi nhật ký).")
			c.apply.SetText("Áp dụng cho " + fmtCount(len(rev.Changes)) + " hồ sơ")
			c.apply.Show()
			c.guardApply()
		})
	})
}

// applyCorrections recomputes the reviewed years, after a question.
func (c *calendarScreen) applyCorrections() {
	rev := c.pending
	if len(rev.Years) == 0 {
		return
	}
	c.e.confirm("Tính lại hạn trả", "Tính lại hạn trả của "+fmtCount(len(rev.Changes))+" hồ sơ theo lịch hiện hành?", func(yes bool) {
		if !yes {
			return
		}
		c.apply.Hide()
		c.e.background(func() {
			done, err := c.e.off.ApplyCorrections(c.e.ctx, rev.Years)
			c.e.do(func() {
				if err != nil {
					c.e.showError(err, nil)
					return
				}
				c.review.SetText("Đã tính lại hạn trả của " + fmtCount(len(done.Changes)) + " hồ sơ.")
				if c.e.changed != nil {
					c.e.changed()
				}
			})
		})
	})
}
