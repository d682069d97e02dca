package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// adminStep is the first start's last step, on a register without
// passwords: the first administrator's name and password (typed twice),
// or "Bỏ qua" for a one-person office. The office decides what an
// administrator may do and that the first password is theirs
// (office.CreateFirstAdministrator); the step only asks.
type adminStep struct {
	e                *env
	name, position   *formEntry
	password, repeat *formEntry
	create, skip     *keyButton
	d                *dialog.CustomDialog
	created          func(office.Staff) // tests record it
}

func newAdminStep(e *env, name string) *adminStep {
	a := &adminStep{e: e}
	a.name = newFormEntry()
	a.name.SetPlaceHolder("Họ và tên người quản trị")
	a.name.SetText(name)
	a.position = newFormEntry()
	a.position.SetPlaceHolder("Ví dụ: Công chức Văn phòng - Thống kê")
	a.password = newFormEntry()
	a.password.Password = true
	a.password.SetPlaceHolder("Ít nhất 8 ký tự, nên gồm chữ và số")
	a.repeat = newFormEntry()
	a.repeat.Password = true
	a.repeat.SetPlaceHolder("Gõ lại đúng mật khẩu trên")
	for _, en := range []*formEntry{a.name, a.position, a.password, a.repeat} {
		en.submit, en.cancel = a.doCreate, a.doSkip
	}

	saved := widget.NewLabel("Thông tin của xã đã được lưu.")
	saved.TextStyle.Bold = true
	why := widget.NewLabel("Nếu nhiều người cùng dùng phần mềm, hãy tạo tài khoản người quản trị. Từ đó mỗi người đăng nhập bằng họ tên và mật khẩu của mình, sổ ghi rõ ai tiếp nhận, ai phát hành thư; người quản trị thêm cán bộ và đặt mật khẩu cho từng người.")
	why.Wrapping = fyne.TextWrapWord
	login := widget.NewLabel("Khi đăng nhập, gõ họ và tên này (có dấu hay không dấu đều được) và mật khẩu. Hãy ghi nhớ mật khẩu: quên thì phải nhờ người quản trị khác đặt lại.")
	login.Wrapping = fyne.TextWrapWord
	login.SizeName = theme.SizeNameCaptionText
	skipWhy := widget.NewLabel("Chỉ một người dùng máy này? Bấm “Bỏ qua”: không cần đăng nhập, mọi việc đều làm được, sổ ghi tên cán bộ tiếp nhận. Sau này văn phòng có thêm người thì đặt mật khẩu cho người quản trị bằng lệnh motcua staff passwd.")
	skipWhy.Wrapping = fyne.TextWrapWord
	skipWhy.SizeName = theme.SizeNameCaptionText
	form := container.New(layout.NewFormLayout(),
		fieldLabel("Họ và tên *"), a.name,
		fieldLabel("Chức vụ"), a.position,
		fieldLabel("Mật khẩu *"), a.password,
		fieldLabel("Nhập lại mật khẩu *"), a.repeat,
	)
	a.skip = newButton("Bỏ qua – một người dùng, không đặt mật khẩu", theme.NavigateNextIcon(), a.doSkip)
	a.create = newButton("Tạo người quản trị", theme.AccountIcon(), a.doCreate)
	a.create.Importance = widget.HighImportance
	a.d = dialog.NewCustomWithoutButtons("Người quản trị phần mềm",
		container.NewVBox(saved, why, form, login, skipWhy), e.win)
	a.d.SetButtons([]fyne.CanvasObject{a.skip, a.create})
	return a
}

// show opens the step with the focus on the name.
func (a *adminStep) show() {
	a.e.showTopic(topicFirstStart, a.d, a.doCreate, a.doSkip)
	size := a.e.win.Canvas().Size()
	a.d.Resize(fyne.NewSize(min(720, max(size.Width-20, 320)), 0))
	a.e.win.Canvas().Focus(a.name)
}

// doCreate asks the office to create the administrator; a refusal (the
// two passwords differ, too short) keeps what was typed but the passwords.
func (a *adminStep) doCreate() {
	in := office.FirstAdmin{Name: a.name.Text, Position: a.position.Text, Password: a.password.Text, Repeat: a.repeat.Text}
	a.d.Hide()
	a.e.background(func() {
		s, err := a.e.off.CreateFirstAdministrator(a.e.ctx, in)
		a.e.do(func() {
			if err != nil {
				a.password.SetText("")
				a.repeat.SetText("")
				a.e.showError(err, a.show)
				return
			}
			a.e.win.SetTitle(WindowTitle + " – " + s.Label())
			a.e.refreshPermits()
			if a.e.accountsOn != nil {
				a.e.accountsOn() // the window now locks after idle time
			}
			if a.created != nil {
				a.created(s)
			}
			if a.e.changed != nil {
				a.e.changed()
			}
			a.e.info("Đã tạo người quản trị", s.Name+" là người quản trị và đang đăng nhập. Từ lần mở sau, mỗi người đăng nhập bằng họ tên và mật khẩu của mình. Bấm “Tiếp nhận” (Ctrl+N) để nhận hồ sơ đầu tiên.")
		})
	})
}

// doSkip leaves the register without passwords: a one-person office.
func (a *adminStep) doSkip() {
	a.d.Hide()
	a.e.info("Đã sẵn sàng", "Phần mềm dùng không cần mật khẩu. Bấm “Tiếp nhận” (Ctrl+N) để nhận hồ sơ đầu tiên.")
}
