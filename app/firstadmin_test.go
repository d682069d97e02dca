package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/internal/people"
)

// fillWizard types a complete profile and starts the real register.
func fillWizard(f *fixture) *wizard {
	w := newWizard(f.shell.env, nil)
	w.show()
	test.Type(w.commune, "Trung Lý")
	test.Type(w.agency, "000.17.22.H56")
	test.Type(w.chair, "Lò Văn Pọm")
	test.Type(w.clerk, "Đỗ Văn Quản")
	f.tapDialog("Bắt đầu sổ thật")
	return w
}

// After the profile, the first start creates the first administrator:
// name (from the clerk's field), password typed twice; a mismatch keeps
// the name and asks again; then the office runs with accounts and the
// administrator is logged in.
func TestWizardCreatesTheFirstAdministrator(t *testing.T) {
	f := newFixtureAt(t, monday0740, "/tmp/motcua.db", false)
	stop := installLogin(f.shell) // no accounts yet: it waits for the administrator
	defer stop()
	if f.shell.env.accountsOn == nil {
		t.Fatal("the login does not wait for the first administrator")
	}
	w := fillWizard(f)
	msg := f.dialogText()
	assertContains(t, msg, "Thông tin của xã đã được lưu")
	assertContains(t, msg, "Người quản trị phần mềm")
	assertContains(t, msg, "Bỏ qua – một người dùng, không đặt mật khẩu")
	assertContains(t, msg, "không cần đăng nhập, mọi việc đều làm được")
	a := w.admin
	if a == nil || a.name.Text != "Đỗ Văn Quản" {
		t.Fatal("the administrator's name is not the clerk's")
	}
	if f.win.Canvas().Focused() != a.name {
		t.Error("the focus is not on the name")
	}
	test.Type(a.position, "Công chức Văn phòng - Thống kê")
	test.Type(a.password, "trung-ly-2026")
	test.Type(a.repeat, "trung-ly-2027")
	f.tapDialog("Tạo người quản trị")
	assertContains(t, f.dialogText(), "Hai lần nhập mật khẩu không giống nhau")
	if on, _ := f.off.AccountsOn(context.Background()); on {
		t.Fatal("a refused administrator turned accounts on")
	}
	f.tapDialog("Đồng ý")
	assertContains(t, f.dialogText(), "Người quản trị phần mềm")
	if a.name.Text != "Đỗ Văn Quản" || a.position.Text == "" || a.password.Text != "" || a.repeat.Text != "" {
		t.Fatalf("after the refusal: name %q position %q, passwords %q %q", a.name.Text, a.position.Text, a.password.Text, a.repeat.Text)
	}
	test.Type(a.password, "trung-ly-2026")
	test.Type(a.repeat, "trung-ly-2026")
	a.repeat.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter creates
	f.wait()
	assertContains(t, f.dialogText(), "Đỗ Văn Quản là người quản trị và đang đăng nhập")
	ctx := context.Background()
	if on, _ := f.off.AccountsOn(ctx); !on {
		t.Fatal("accounts are not on")
	}
	if who, ok := f.off.Who(); !ok || who.Role != people.RoleAdmin || who.Position != "Công chức Văn phòng - Thống kê" {
		t.Fatalf("logged in: %+v %v", who, ok)
	}
	assertContains(t, f.win.Title(), "Đỗ Văn Quản")
	if f.shell.env.accountsOn != nil {
		t.Error("the idle watch did not start with the first administrator")
	}
}

// "Bỏ qua": a one-person office keeps working without passwords.
func TestWizardSkipsTheAdministratorForOnePerson(t *testing.T) {
	f := newFixtureAt(t, monday0740, "/tmp/motcua.db", false)
	fillWizard(f)
	f.tapDialog("Bỏ qua – một người dùng, không đặt mật khẩu")
	assertContains(t, f.dialogText(), "không cần mật khẩu")
	ctx := context.Background()
	if on, _ := f.off.AccountsOn(ctx); on {
		t.Fatal("accounts on after skipping")
	}
	if list, _ := f.off.StaffList(ctx, true); len(list) != 0 {
		t.Fatalf("staff entered: %+v", list)
	}
	if !f.off.May(ctx, people.ActSettings) {
		t.Error("a one-person office may not change its settings")
	}
}

// A register that already has a password (set from the command line) goes
// straight to work: no second first administrator.
func TestWizardWithPasswordsAsksNoAdministrator(t *testing.T) {
	f := newFixtureAt(t, monday0740, "/tmp/motcua.db", false)
	ctx := context.Background()
	s, err := f.off.AddStaff(ctx, people.Staff{Name: "Đỗ Văn Quản", Role: people.RoleAdmin})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.SetPassword(ctx, s.ID, "trung-ly-2026"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.Login(ctx, s.Name, "trung-ly-2026"); err != nil {
		t.Fatal(err)
	}
	w := fillWizard(f)
	if w.admin != nil {
		t.Fatal("the administrator step opened again")
	}
	assertContains(t, f.dialogText(), "Đã sẵn sàng")
}
