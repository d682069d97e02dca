package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
	"motcua/internal/people"
	"motcua/internal/register"
)

func TestLoginDialogAsksWhoIsWorkingAndAgainAfterIdleTime(t *testing.T) {
	f := newFixture(t, monday0740)
	ctx := context.Background()
	// Without passwords the window asks nothing.
	if stop := installLogin(f.shell); f.overlay() != nil {
		t.Fatalf("login asked without accounts: %s", f.dialogText())
	} else {
		stop()
	}
	for _, s := range []office.Staff{
		{Name: "Đỗ Văn Quản", Role: people.RoleAdmin, Start: monday0740},
		{Name: "Nguyễn Thị Lan", Role: people.RoleCounter, Start: monday0740},
	} {
		if _, err := f.off.AddStaff(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.off.SetPassword(ctx, "Đỗ Văn Quản", "quản trị 2026"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.Login(ctx, "Đỗ Văn Quản", "quản trị 2026"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.SetPassword(ctx, "Nguyễn Thị Lan", "một cửa 2026"); err != nil {
		t.Fatal(err)
	}
	f.off.Logout()

	g := newLoginGate(f.shell.env, f.clock.Now)
	g.show()
	assertContains(t, f.dialogText(), "Ai đang làm việc?")
	entries := f.dialogEntries()
	if len(entries) != 2 {
		t.Fatalf("entries: %d", len(entries))
	}
	// A wrong password: the dialog stays, says so, and nobody is in.
	test.Type(entries[0], "Nguyễn Thị Lan")
	test.Type(entries[1], "sai mật khẩu")
	f.tapDialog("Đăng nhập")
	assertContains(t, f.dialogText(), "Họ tên hoặc mật khẩu không đúng")
	if _, ok := f.off.Who(); ok {
		t.Fatal("logged in with a wrong password")
	}
	// Behind the dialog the office refuses changes.
	_, err := f.off.Receive(ctx, office.ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Giàng A Páo"}})
	if err == nil {
		t.Fatal("received with nobody logged in")
	}
	test.Type(entries[1], "một cửa 2026")
	f.tapDialog("Đăng nhập")
	if f.overlay() != nil {
		t.Fatalf("dialog still shown: %s", f.dialogText())
	}
	if who, ok := f.off.Who(); !ok || who.Name != "Nguyễn Thị Lan" {
		t.Fatalf("who: %+v", who)
	}
	if !strings.Contains(f.win.Title(), "Nguyễn Thị Lan (Cán bộ một cửa)") {
		t.Errorf("title %q", f.win.Title())
	}
	f.receive("Giàng A Páo", "khai-sinh", time.Time{})

	// Idle: not yet after 14 minutes, then the window locks and asks again.
	f.clock.Set(monday0740.Add(14 * time.Minute))
	if g.idle() {
		t.Fatal("idle too early")
	}
	f.clock.Set(monday0740.Add(idleFor + time.Minute))
	if !g.idle() {
		t.Fatal("not idle")
	}
	g.lock()
	assertContains(t, f.dialogText(), "đã khóa sau một thời gian không dùng")
	if _, ok := f.off.Who(); ok {
		t.Fatal("still logged in after idle time")
	}
}

// The password field is a form field like the others: Enter logs in, and
// F1 there shows the guide instead of being swallowed.
func TestLoginPasswordFieldTakesEnterAndF1(t *testing.T) {
	f := newFixture(t, monday0740)
	ctx := context.Background()
	if _, err := f.off.AddStaff(ctx, office.Staff{Name: "Đỗ Văn Quản", Role: people.RoleAdmin, Start: monday0740}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.SetPassword(ctx, "Đỗ Văn Quản", "quản trị 2026"); err != nil {
		t.Fatal(err)
	}
	f.off.Logout()
	g := newLoginGate(f.shell.env, f.clock.Now)
	g.show()
	login := f.overlay()
	f.win.Canvas().Focus(g.pw)
	f.pressF1()
	assertContains(t, f.dialogText(), "Hướng dẫn")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.overlay() != login {
		t.Fatal("Escape did not return to the login")
	}
	test.Type(g.name, "Đỗ Văn Quản")
	test.Type(g.pw, "quản trị 2026")
	g.pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.wait()
	if who, ok := f.off.Who(); !ok || who.Name != "Đỗ Văn Quản" {
		t.Fatalf("Enter in the password did not log in: %s", g.msg.Text)
	}
}
