package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// tabPeople is the "Người dân" tab, appended after "Báo cáo" in buildShell
// (TestDashboardPeoplePanel checks it).
const tabPeople = tabBundles + 2

// peoplePanel is the dashboard's small people panel (issue 10): the share
// of current staff who signed this year's pledge with the names of those
// who have not, and the citizens' feedback and dialogue commitments past
// their due dates. Three lines, so the dashboard still fits 1024×768.
type peoplePanel struct {
	pledge   *widget.Label
	bar      *widget.ProgressBar
	missing  *widget.Label
	feedback *widget.Label
	commits  *widget.Label
	open     *widget.Button
	content  fyne.CanvasObject
}

func newPeoplePanel(open func()) *peoplePanel {
	p := &peoplePanel{}
	p.pledge = widget.NewLabel("")
	p.pledge.TextStyle.Bold = true
	p.pledge.Truncation = fyne.TextTruncateEllipsis
	p.bar = widget.NewProgressBar()
	p.bar.TextFormatter = func() string { return fmt.Sprintf("%.0f%%", p.bar.Value*100) }
	p.missing = widget.NewLabel("")
	p.missing.Truncation = fyne.TextTruncateEllipsis
	p.feedback = widget.NewLabel("")
	p.feedback.TextStyle.Bold = true
	p.feedback.Truncation = fyne.TextTruncateEllipsis
	p.commits = widget.NewLabel("")
	p.commits.Truncation = fyne.TextTruncateEllipsis
	btn := widget.NewButtonWithIcon("Mở Người dân", theme.AccountIcon(), open)
	p.open = btn
	left := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(140, p.bar.MinSize().Height), p.bar), p.pledge), p.missing)
	right := container.NewVBox(container.NewBorder(nil, nil, nil, btn, p.feedback), p.commits)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	p.content = container.NewStack(bg, container.NewGridWithColumns(2, left, right))
	return p
}

// show puts the office's figures in the panel (UI goroutine).
func (p *peoplePanel) show(a office.PeopleAlerts, err error) {
	if err != nil {
		p.pledge.SetText("Không đọc được số liệu cán bộ, phản ánh.")
		p.missing.SetText(capitalise(err.Error()))
		p.feedback.SetText("")
		p.commits.SetText("")
		return
	}
	pl := a.Pledge
	switch {
	case pl.Staff == 0:
		p.pledge.SetText(fmt.Sprintf("Cam kết năm %d: chưa có danh sách cán bộ", pl.Year))
		p.bar.SetValue(0)
		p.missing.SetText("Thêm cán bộ ở thẻ Người dân để theo dõi việc ký cam kết.")
	default:
		p.pledge.SetText(fmt.Sprintf("Cam kết năm %d: %d/%d cán bộ đã ký", pl.Year, pl.Signed, pl.Staff))
		p.bar.SetValue(float64(pl.Signed) / float64(pl.Staff))
		if len(pl.Missing) == 0 {
			p.missing.SetText("Tất cả cán bộ đang công tác đã ký.")
		} else {
			p.missing.SetText("Chưa ký: " + strings.Join(pl.Missing, ", ") + ".")
		}
	}
	if n := len(a.Feedback); n > 0 {
		p.feedback.Importance = widget.DangerImportance
		p.feedback.SetText(fmt.Sprintf("%d phản ánh, kiến nghị quá hạn chưa trả lời", n))
	} else {
		p.feedback.Importance = widget.MediumImportance
		p.feedback.SetText("Không có phản ánh, kiến nghị quá hạn")
	}
	if n := len(a.Commitments); n > 0 {
		p.commits.SetText(fmt.Sprintf("%d cam kết tại hội nghị đối thoại đã quá hạn.", n))
	} else {
		p.commits.SetText("Không có cam kết đối thoại quá hạn.")
	}
}
