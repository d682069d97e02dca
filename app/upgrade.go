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
// kill is safe anyway (each step is one transaction). The same window
// first says, when it must, that the program waits for the window closed a
// moment ago (waiting).
type upgradeWindow struct {
	w     fyne.Window
	title *widget.Label
	note  *widget.Label
	step  *widget.Label
	bar   *widget.ProgressBar
}

func newUpgradeWindow(a fyne.App) *upgradeWindow {
	u := &upgradeWindow{w: a.NewWindow(WindowTitle)}
	u.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.step = widget.NewLabel("")
	u.step.Wrapping = fyne.TextWrapWord
	u.bar = widget.NewProgressBar()
	u.note = widget.NewLabel(office.UpgradeNote)
	u.note.Wrapping = fyne.TextWrapWord
	u.note.Importance = widget.WarningImportance
	body := container.NewVBox(u.title, u.step, u.bar, u.note)
	u.w.SetContent(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(theme.InfoIcon())), nil, body))
	u.upgrading()
	u.w.Resize(fyne.NewSize(560, 220))
	u.w.CenterOnScreen()
	return u
}

// waiting says the program waits for the window closed a moment ago,
// which is still saving its exit backup; closing this window gives up
// (giveUp).
func (u *upgradeWindow) waiting(giveUp func()) {
	u.w.SetTitle(WindowTitle + " – đang chờ")
	u.title.SetText("Đang chờ lần đóng phần mềm trước lưu xong")
	u.step.SetText("Cửa sổ vừa đóng đang sao lưu sổ theo dõi hồ sơ. Phần mềm sẽ mở ngay khi việc này xong, thường trong vài giây.")
	u.note.Hide()
	u.bar.Hide()
	u.w.SetCloseIntercept(func() {
		giveUp()
		u.w.Close()
	})
}

// opening: the wait is over and the register opens, a moment in which the
// window cannot be closed.
func (u *upgradeWindow) opening() { u.w.SetCloseIntercept(func() {}) }

// upgrading shows the upgrade's progress (from the start, or after a wait).
func (u *upgradeWindow) upgrading() {
	u.w.SetTitle(WindowTitle + " – đang nâng cấp sổ")
	u.title.SetText("Đang nâng cấp sổ theo dõi hồ sơ lên phiên bản mới")
	u.step.SetText("Đang chuẩn bị…")
	u.note.Show()
	u.bar.Show()
	u.opening() // not while the register is half upgraded
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

// fail replaces the progress with why the register could not be opened
// (an upgrade is left at its last whole step) and a button that ends the
// program.
func (u *upgradeWindow) fail(a fyne.App, text string) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon("Đóng", theme.CancelIcon(), a.Quit)
	closeBtn.Importance = widget.HighImportance
	u.w.SetCloseIntercept(a.Quit)
	u.w.SetContent(container.NewBorder(nil, container.NewCenter(closeBtn),
		container.NewVBox(widget.NewIcon(theme.ErrorIcon())), nil, msg))
	u.w.Resize(fyne.NewSize(560, 260))
}

// upgradeFailed is what the clerk reads when the register could not be
// opened behind the small window.
func upgradeFailed(err error) string {
	return fmt.Sprintf("Chưa nâng cấp xong sổ theo dõi hồ sơ.\n\n%s\n\nHãy chụp màn hình này gửi cán bộ phụ trách công nghệ thông tin.", capitalise(err.Error()))
}

// close takes the window away once the main window is up.
func (u *upgradeWindow) close() { u.w.Close() }
