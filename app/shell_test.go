package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestShellNavigationAndStatusBar(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 7, 25))
	s := f.shell
	if s.tabs.SelectedIndex() != tabDashboard {
		t.Error("the window does not open on the dashboard")
	}
	all := texts(s.content)
	for _, want := range []string{"Tổng quan", "Tiếp nhận", "Sổ theo dõi", "Tệp dữ liệu: C:\\Users\\lan", "Phiên bản 0.1.0"} {
		assertContains(t, all, want)
	}
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	// Ctrl+N from anywhere opens the reception with the cursor in the search.
	s.register.search.TypedShortcut(ctrl(fyne.KeyN))
	f.wait()
	if s.tabs.SelectedIndex() != tabReception || f.win.Canvas().Focused() != s.reception.procSearch {
		t.Errorf("Ctrl+N: tab %d, focus %T", s.tabs.SelectedIndex(), f.win.Canvas().Focused())
	}
	// Ctrl+F finds in the register.
	s.reception.name.TypedShortcut(ctrl(fyne.KeyF))
	f.wait()
	if s.tabs.SelectedIndex() != tabRegister || f.win.Canvas().Focused() != s.register.search {
		t.Errorf("Ctrl+F: tab %d", s.tabs.SelectedIndex())
	}
	// Ctrl+S outside the reception saves nothing and swallows nothing else.
	if s.shortcut(ctrl(fyne.KeyS)) {
		t.Error("Ctrl+S handled on the register")
	}
	test.Tap(s.dashboard.receiveBtn)
	if s.tabs.SelectedIndex() != tabReception {
		t.Error("the dashboard button does not open the reception")
	}
	f.wait()
}

func TestDashboardCounts(t *testing.T) {
	// Monday 23/11 10:00; Tuesday 24/11 is a holiday, so the next working
	// day is Wednesday.
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("A", "khai-sinh", at(2026, 11, 23, 8, 0))        // due today
	f.receive("B", "tam-tru", at(2026, 11, 18, 8, 0))          // 3 working days: due today
	f.receive("C", "khai-sinh", at(2026, 11, 20, 8, 0))        // due Friday 20: late
	f.receive("D", "cham-dut-giam-ho", at(2026, 11, 20, 9, 0)) // 2 days: due Wednesday 25
	f.shell.dashboard.reload()
	f.wait()
	db, err := f.off.Dashboard(f.shell.env.ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := f.shell.dashboard
	for _, c := range []struct {
		got  string
		want int
	}{{d.dueToday.Text, db.DueToday}, {d.dueNext.Text, db.DueTomorrow}, {d.overdue.Text, db.Overdue}, {d.open.Text, db.Open}} {
		if c.got != fmtCount(c.want) {
			t.Errorf("shows %s, office says %d", c.got, c.want)
		}
	}
	if db.Overdue != 1 || db.Open != 4 || db.DueTomorrow != 1 {
		t.Errorf("unexpected office numbers %+v", db)
	}
	all := texts(d.content)
	assertContains(t, all, "Hôm nay: thứ Hai, 23/11/2026")
	assertContains(t, all, "Đến hạn hôm nay")
	assertContains(t, all, "Quá hạn")
	assertContains(t, all, "Có hồ sơ quá hạn")
}

func TestEnterAndEscapeCloseMessages(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.pickProcedure("khai sinh")
	f.win.Canvas().Focus(r.address)
	test.Type(r.address, "Thôn Trung")
	r.submit() // no name
	f.wait()
	assertContains(t, f.dialogText(), "Họ tên người nộp hồ sơ không được để trống")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if o := f.overlay(); o != nil && o.Visible() {
		t.Fatalf("Enter left the error open: %s", texts(o))
	}
	if f.win.Canvas().Focused() != r.address {
		t.Error("the cursor did not go back to the field it was in")
	}

	// Escape answers "Không" to a question.
	f.receive("Giàng A Páo", "khai-sinh", monday0740)
	p := f.selectDossier(0)
	test.Tap(p.ret)
	assertContains(t, f.dialogText(), "Trả kết quả")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	f.wait()
	if o := f.overlay(); o != nil && o.Visible() {
		t.Fatalf("Escape left the question open")
	}
	if p.d.State != "received" {
		t.Errorf("Escape changed the dossier to %s", p.d.State)
	}
	// Enter on the focused button asks, Enter again answers yes.
	p.ret.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assertContains(t, f.dialogText(), "Trả kết quả")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.wait()
	if p.d.State != "returned" {
		t.Errorf("Enter, Enter: state %s", p.d.State)
	}
}

// Alt+digit (or Ctrl+digit) opens the tabs, from a field too.
func TestTabsByNumber(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.shell.tabs.SelectIndex(tabReception)
	r.name.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierAlt})
	if got := f.shell.tabs.SelectedIndex(); got != tabRegister {
		t.Fatalf("Alt+3 opened tab %d", got)
	}
	f.shell.register.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierShortcutDefault})
	if got := f.shell.tabs.SelectedIndex(); got != tabDashboard {
		t.Fatalf("Ctrl+1 opened tab %d", got)
	}
}

// Saving without a procedure says so, then puts the cursor in the
// procedure search, not in the name.
func TestNoProcedureFocusesTheProcedureSearch(t *testing.T) {
	f := newFixture(t, monday0740)
	r := f.shell.reception
	f.shell.tabs.SelectIndex(tabReception)
	f.win.Canvas().Focus(r.name)
	test.Type(r.name, "Giàng A Páo")
	r.submit()
	f.wait()
	assertContains(t, f.dialogText(), "Chưa chọn thủ tục hành chính")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.win.Canvas().Focused() != r.procSearch {
		t.Errorf("focus on %T after the message, want the procedure search", f.win.Canvas().Focused())
	}
}

// Ctrl+T returns the result of the dossier open in the register, after
// the question, by keyboard alone.
func TestCtrlTReturnsTheOpenDossier(t *testing.T) {
	f := newFixture(t, monday0740)
	f.receive("Giàng A Páo", "khai-sinh", monday0740)
	p := f.selectDossier(0)
	f.shell.register.search.TypedShortcut(ctrl(fyne.KeyT))
	assertContains(t, f.dialogText(), "Trả kết quả hồ sơ")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.wait()
	if p.d.State != "returned" {
		t.Fatalf("state %s", p.d.State)
	}
}
