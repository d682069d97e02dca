package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The register's "Đến ngày": a date typed (or picked beside the field)
// moves the list, newest first under the state filter, to the dossiers
// received that day, or to the newest received before it when the day had
// none. The office finds the row (office.RowOfDay); the window scrolls
// there and opens that dossier.

// dayField builds the field and its date picker.
func (r *registerScreen) dayField() fyne.CanvasObject {
	r.day = newKeyEntry("ngày/tháng/năm")
	r.day.OnSubmitted = func(string) { r.jumpToDay() }
	// A whole date typed (or picked) moves at once; a shorter one ("5/11/26")
	// waits for Enter, since "05/11/20" is already a date of 2020.
	r.day.OnChanged = func(s string) {
		if s = strings.TrimSpace(s); len(s) == len("02/01/2006") {
			if _, err := parseDate(s); err == nil {
				r.jumpToDay()
			}
		}
	}
	w := fyne.MeasureText(r.day.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 3*theme.InnerPadding()
	return container.NewHBox(widget.NewLabel("Đến ngày"),
		container.NewGridWrap(fyne.NewSize(w, r.day.MinSize().Height), r.day),
		datePicker(r.e, &r.day.Entry, false))
}

// jumpToDay moves the register to the day in the field.
func (r *registerScreen) jumpToDay() {
	day, err := parseDate(r.day.Text)
	if err != nil {
		r.count.SetText(capitalise(err.Error()) + ".")
		return
	}
	filter := r.currentFilter()
	which := "nào"
	if i := r.state.SelectedIndex(); i > 0 {
		which = "nào ở mục “" + r.state.Selected + "”"
	}
	r.e.background(func() {
		at, err := r.e.off.RowOfDay(r.e.ctx, filter, day)
		r.e.do(func() {
			switch {
			case err != nil:
				r.count.SetText("Không tìm được ngày trong sổ: " + err.Error())
				return
			case at.Dossier == nil:
				r.count.SetText("Không có hồ sơ " + which + " tiếp nhận từ ngày " + fmtDate(day) + " trở về trước.")
				return
			}
			// First in the line, which the window's width may cut short.
			note := "Ngày " + fmtDate(day) + ": từ dòng " + fmtCount(at.Row+1) + "."
			if !at.OnDay {
				note = "Ngày " + fmtDate(day) + " không có hồ sơ; đã chuyển đến ngày gần nhất trước đó, " +
					fmtDate(at.Dossier.ReceivedAt) + " (dòng " + fmtCount(at.Row+1) + ")."
			}
			// The whole register under the state filter, not a search.
			onChanged := r.search.OnChanged
			r.search.OnChanged = nil
			r.search.SetText("")
			r.search.OnChanged = onChanged
			r.stopTimer()
			r.query = ""
			old := r.listSelected
			r.selected, r.selectedIdx, r.listSelected = at.Dossier.Code, -1, -1
			if old >= 0 {
				r.list.RefreshItem(old)
			}
			r.jump = &dayJump{row: at.Row, note: note}
			r.detail.show(*at.Dossier)
			r.reload()
		})
	})
}

// dayJump is a move waiting for the register's count.
type dayJump struct {
	row  int
	note string
}

// landJump scrolls to the row of a move, once the register under the
// filter is counted; the line is marked when its page has been read.
func (r *registerScreen) landJump(total int) {
	j := r.jump
	r.jump = nil
	if j == nil || j.row >= total {
		return
	}
	r.list.ScrollTo(j.row)
	r.count.SetText(j.note + " " + fmtCount(total) + " hồ sơ, mới nhất ở trên cùng.")
}
