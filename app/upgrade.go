package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/store"
)

// upgradeWindow is the small window shown before the main one while a
// register made by an older release is upgraded (seconds at 100,000
// dossiers, a minute or more at 1,000,000): which step, how far, and not to
// turn the computer off. Closing it is refused while the upgrade runs; a
// kill is safe anyway (each step is one transaction).
type upgradeWindow struct {
	w    fyne.Window
	step *widget.Label
	bar  *widget.ProgressBar
	body *fyne.Container
}

func newUpgradeWindow(a fyne.App) *upgradeWindow {
	u := &upgradeWindow{w: a.NewWindow(WindowTitle + " – đang nâng cấp sổ")}
	title := widget.NewLabelWithStyle("Đang nâng cấp sổ theo dõi hồ sơ lên phiên bản mới", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.step = widget.NewLabel("Đang chuẩn bị…")
	u.step.Wrapping = fyne.TextWrapWord
	u.bar = widget.NewProgressBar()
	note := widget.NewLabel(office.UpgradeNote)
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.WarningImportance
	u.body = container.NewVBox(title, u.step, u.bar, note)
	u.w.SetContent(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(theme.InfoIcon())), nil, u.body))
	u.w.SetCloseIntercept(func() {}) // not while the register is half upgraded
	u.w.Resize(fyne.NewSize(560, 220))
	u.w.CenterOnScreen()
	return u
}

// show puts the window on screen.
func (u *upgradeWindow) show() { u.w.Show() }

// update shows p; it may be called from any goroutine.
func (u *upgradeWindow) update(p office.UpgradeProgress) {
	text, frac := office.UpgradeText(p), upgradeFraction(p)
	fyne.Do(func() {
		u.step.SetText(text)
		u.bar.SetValue(frac)
	})
}

// upgradeFraction is the share of the whole upgrade done: the steps
// finished, plus the rows done of the step under way.
func upgradeFraction(p office.UpgradeProgress) float64 {
	if p.Phase != store.PhaseMigrate || p.Steps == 0 {
		return 0
	}
	f := float64(p.Step - 1)
	if p.Total > 0 {
		f += float64(p.Done) / float64(p.Total)
	}
	return f / float64(p.Steps)
}

// fail replaces the progress with why the upgrade stopped and a button
// that ends the program (the register is left at its last whole step).
func (u *upgradeWindow) fail(a fyne.App, err error) {
	msg := widget.NewLabel(fmt.Sprintf("Chưa nâng cấp xong sổ theo dõi hồ sơ.\n\n%s\n\nHãy chụp màn hình này gửi cán bộ phụ trách công nghệ thông tin.", capitalise(err.Error())))
	msg.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon("Đóng", theme.CancelIcon(), a.Quit)
	closeBtn.Importance = widget.HighImportance
	u.w.SetCloseIntercept(a.Quit)
	u.w.SetContent(container.NewBorder(nil, container.NewCenter(closeBtn),
		container.NewVBox(widget.NewIcon(theme.ErrorIcon())), nil, msg))
	u.w.Resize(fyne.NewSize(560, 260))
}

// close takes the window away once the main window is up.
func (u *upgradeWindow) close() { u.w.Close() }
