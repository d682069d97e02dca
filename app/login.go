package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The window asks who is working when the register uses accounts (a staff
// member has a password and the one-person setting is off): at start, and
// again after idleFor without a key typed or a change saved. The office
// decides what each one may do (office.Login, people.Role.May); the window
// only asks.

// idleFor is how long the window waits, untouched, before asking again.
const idleFor = 15 * time.Minute

type loginGate struct {
	e     *env
	name  *widget.SelectEntry
	pw    *formEntry // F1 in the password field shows the guide, as in every form field
	msg   *widget.Label
	d     *dialog.CustomDialog
	shown bool

	mu   sync.Mutex
	last time.Time
	now  func() time.Time
}

// installLogin shows the login dialog when the register uses accounts, and
// starts the idle watch; stop ends it. Without accounts it only waits for
// the first administrator (the first start, env.accountsOn): the watch
// then starts with the administrator logged in.
func installLogin(s *shell) (stop func()) {
	e := s.env
	on, err := e.off.AccountsOn(e.ctx)
	if err != nil {
		return func() {}
	}
	var t *time.Ticker
	done := make(chan struct{})
	start := func(ask bool) {
		g := newLoginGate(e, time.Now)
		if ask {
			g.show()
		}
		t = time.NewTicker(time.Minute)
		go func(t *time.Ticker) {
			for {
				select {
				case <-done:
					return
				case <-t.C:
					if g.idle() {
						e.do(g.lock)
					}
				}
			}
		}(t)
	}
	if on {
		start(true)
	} else {
		e.accountsOn = func() {
			e.accountsOn = nil
			start(false)
		}
	}
	return func() {
		e.accountsOn = nil
		if t != nil {
			t.Stop()
			close(done)
		}
	}
}

func newLoginGate(e *env, now func() time.Time) *loginGate {
	g := &loginGate{e: e, now: now, last: now()}
	g.name = widget.NewSelectEntry(nil)
	g.name.SetPlaceHolder("Họ và tên cán bộ")
	if list, err := e.off.StaffList(e.ctx, false); err == nil {
		var names []string
		for _, s := range list {
			names = append(names, s.Name)
		}
		g.name.SetOptions(names)
	}
	g.pw = newFormEntry()
	g.pw.Password = true
	g.pw.SetPlaceHolder("Mật khẩu")
	g.pw.submit = g.submit
	g.msg = widget.NewLabel("")
	g.msg.Wrapping = fyne.TextWrapWord
	g.msg.Importance = widget.DangerImportance
	btn := widget.NewButton("Đăng nhập", g.submit)
	btn.Importance = widget.HighImportance
	intro := widget.NewLabel("Sổ theo dõi dùng tài khoản có mật khẩu: hãy chọn tên của mình và nhập mật khẩu để làm việc.")
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, g.name, g.pw, g.msg, btn)
	g.d = dialog.NewCustomWithoutButtons("Ai đang làm việc?", content, e.win)
	g.d.Resize(fyne.NewSize(460, 300))
	// Keys typed anywhere count as work: the idle clock starts again.
	if dc, ok := e.win.Canvas().(desktop.Canvas); ok {
		prev := dc.OnKeyDown()
		dc.SetOnKeyDown(func(ev *fyne.KeyEvent) {
			g.touch()
			if prev != nil {
				prev(ev)
			}
		})
	}
	// So does every change saved.
	for _, f := range []*func(){&e.changed, &e.lettersChanged, &e.settingsChanged} {
		if prev := *f; prev != nil {
			*f = func() { g.touch(); prev() }
		}
	}
	return g
}

func (g *loginGate) touch() {
	g.mu.Lock()
	g.last = g.now()
	g.mu.Unlock()
}

func (g *loginGate) idle() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.now().Sub(g.last) >= idleFor
}

// show asks who is working; the dialog has no way out but logging in.
func (g *loginGate) show() {
	g.pw.SetText("")
	g.shown = true
	g.d.Show()
	g.e.win.Canvas().Focus(g.name)
}

// lock forgets who was working (after idle time) and asks again.
func (g *loginGate) lock() {
	if g.shown {
		return
	}
	g.e.off.Logout()
	g.e.refreshPermits()
	g.e.win.SetTitle(WindowTitle)
	g.msg.SetText("Phần mềm đã khóa sau một thời gian không dùng; hãy đăng nhập lại.")
	g.show()
}

func (g *loginGate) submit() {
	s, err := g.e.off.Login(g.e.ctx, g.name.Text, g.pw.Text)
	g.pw.SetText("")
	if err != nil {
		g.msg.SetText(capitalise(err.Error()))
		return
	}
	g.msg.SetText("")
	g.shown = false
	g.d.Hide()
	g.touch()
	g.e.win.SetTitle(WindowTitle + " – " + s.Label())
	g.e.refreshPermits()
	if g.e.changed != nil {
		g.e.changed()
	}
}
