package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/people"
)

// staffWithPasswords enters an administrator, a clerk of the counter and a
// chair, each with a password: the office then runs with accounts.
func staffWithPasswords(t *testing.T, f *fixture) {
	t.Helper()
	ctx := context.Background()
	var ids []string
	for _, s := range []people.Staff{
		{Name: "Đỗ Văn Quản", Role: people.RoleAdmin},
		{Name: "Nguyễn Thị Lan", Role: people.RoleCounter, Position: "Công chức Văn phòng - Thống kê (Văn thư, Một cửa)"},
		{Name: "Lò Văn Pọm", Role: people.RoleChair},
	} {
		added, err := f.off.AddStaff(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, added.ID)
	}
	// The first password is the administrator's, who then sets the others.
	for i, pw := range []string{"mat-khau-admin", "mat-khau-counter", "mat-khau-chair"} {
		if _, err := f.off.SetPassword(ctx, ids[i], pw); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := f.off.Login(ctx, ids[0], pw); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.off.Logout()
}

// loginAs logs name in as the login window does.
func loginAs(t *testing.T, f *fixture, name string, role people.Role) {
	t.Helper()
	g := newLoginGate(f.shell.env, f.clock.Now)
	g.name.SetText(name)
	g.pw.SetText(map[people.Role]string{people.RoleAdmin: "mat-khau-admin", people.RoleCounter: "mat-khau-counter", people.RoleChair: "mat-khau-chair"}[role])
	g.submit()
	f.wait()
	if who, ok := f.off.Who(); !ok || who.Name != name {
		t.Fatalf("%s did not log in: %s", name, g.msg.Text)
	}
}

// The screens grey out what the one logged in may not do, and say who
// may; the office decides. A clerk of the counter handles dossiers and
// drafts letters but neither issues letters, signs bundles, nor changes
// settings, the calendar or the staff register; a chair issues and signs.
func TestScreensGreyOutWhatTheRoleMayNotDo(t *testing.T) {
	f := newFixture(t, monday0740)
	d := f.receive("Giàng A Páo", "khai-sinh", monday0740)
	staffWithPasswords(t, f)
	e := f.shell.env
	staff := newStaffScreen(e)
	reports := newReportScreen(e)
	letters, settings, bundles, cal := f.shell.letters, f.shell.settings, f.shell.bundles, f.shell.calendar
	register := f.openRegister()
	register.detail.show(*d)
	f.wait()
	settings.reload()
	bundles.shown()
	f.wait()
	// A draft ticked in the queue, as the chair does before "Duyệt và in".
	letters.drafts = []office.Letter{{ID: "thu-1", Status: office.LetterDraft}}
	letters.checked["thu-1"] = true
	cal.apply.Show() // a correction reviewed

	check := func(who, what string, disabled bool, enabled bool) {
		t.Helper()
		if disabled == enabled {
			t.Errorf("%s: %s is %s", who, what, map[bool]string{true: "greyed out", false: "enabled"}[disabled])
		}
	}

	// Accounts on and nobody logged in yet (the login dialog is up): even
	// the counter's work is greyed out, and the pane says why.
	e.refreshPermits()
	check("nobody", "“Trả kết quả”", register.detail.ret.Disabled(), false)
	assertContains(t, register.detail.permNote.Text, "Chỉ cán bộ có tên trong danh sách cán bộ được xử lý hồ sơ.")

	loginAs(t, f, "Nguyễn Thị Lan", people.RoleCounter)
	letters.updateButtons()
	cal.guardApply()
	who := "clerk"
	check(who, "“Duyệt và in”", letters.approve.Disabled(), false)
	check(who, "“Mẫu thư”", letters.templates.Disabled(), false)
	check(who, "“Soạn thư mới”", letters.newBtn.Disabled(), true)
	assertContains(t, letters.permNote.Text, "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã được phát hành thư.")
	if !letters.permNote.Visible() {
		t.Error("clerk: the letters queue does not say who may issue")
	}
	check(who, "“Lưu cài đặt”", settings.save.Disabled(), false)
	check(who, "the commune's name", settings.entries["commune"].Disabled(), false)
	assertContains(t, settings.permNote.Text, "Chỉ người quản trị được thay đổi cài đặt.")
	settings.checks.reload()
	f.wait()
	confirmed := 0
	for _, o := range visibleObjects(settings.checks.limits) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Đã đối chiếu" {
			confirmed++
			check(who, "“Đã đối chiếu” (a procedure's limit)", b.Disabled(), false)
		}
	}
	if confirmed == 0 {
		t.Error("no limit to confirm in the settings")
	}
	assertContains(t, texts(settings.checks.limits), "Chỉ người quản trị được nhập, sửa hoặc xác nhận thủ tục hành chính.")
	check(who, "“Áp dụng” (calendar)", cal.apply.Disabled(), false)
	assertContains(t, cal.permNote.Text, "Chỉ người quản trị được nhập hoặc sửa lịch nghỉ")
	check(who, "“Xuất gói đã ký”", bundles.exportBtn.Disabled(), false)
	check(who, "“Tạo khóa ký”", bundles.keyInit.Disabled(), false)
	assertContains(t, bundles.signNote.Text, "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã được tạo khóa ký")
	check(who, "“Nhập sổ Excel…”", reports.imp.Disabled(), false)
	assertContains(t, texts(reports.content), "Chỉ người quản trị được nhập sổ giấy")
	check(who, "“Thêm cán bộ…”", staff.add.Disabled(), false)
	assertContains(t, staff.permNote.Text, "Chỉ người quản trị được sửa danh sách cán bộ")
	check(who, "“Trả kết quả”", register.detail.ret.Disabled(), true)
	check(who, "“Chuyển xử lý”", register.detail.forward.Disabled(), true)
	if register.detail.permNote.Visible() {
		t.Error("clerk: the detail pane says the clerk may not handle dossiers")
	}

	loginAs(t, f, "Lò Văn Pọm", people.RoleChair)
	bundles.shown()
	f.wait()
	who = "chair"
	check(who, "“Duyệt và in”", letters.approve.Disabled(), true)
	check(who, "“Mẫu thư”", letters.templates.Disabled(), false)
	assertNotContains(t, letters.permNote.Text, "phát hành thư")
	check(who, "“Xuất gói đã ký”", bundles.exportBtn.Disabled(), true)
	check(who, "“Tạo khóa ký”", bundles.keyInit.Disabled(), true)
	if bundles.signNote.Visible() {
		t.Error("chair: the bundle screen still says who may sign")
	}
	check(who, "“Lưu cài đặt”", settings.save.Disabled(), false)
	check(who, "“Thêm cán bộ…”", staff.add.Disabled(), false)
	check(who, "“Áp dụng” (calendar)", cal.apply.Disabled(), false)
	check(who, "“Trả kết quả”", register.detail.ret.Disabled(), true)

	// The administrator administers but does not issue.
	loginAs(t, f, "Đỗ Văn Quản", people.RoleAdmin)
	who = "administrator"
	check(who, "“Duyệt và in”", letters.approve.Disabled(), false)
	check(who, "“Mẫu thư”", letters.templates.Disabled(), true)
	check(who, "the commune's name", settings.entries["commune"].Disabled(), true)
	check(who, "“Thêm cán bộ…”", staff.add.Disabled(), true)
	check(who, "“Áp dụng” (calendar)", cal.apply.Disabled(), true)
	check(who, "“Nhập sổ Excel…”", reports.imp.Disabled(), true)
	assertNotContains(t, texts(reports.content), "Chỉ người quản trị được nhập sổ giấy")
	if settings.permNote.Visible() || staff.permNote.Visible() || cal.permNote.Visible() {
		t.Error("administrator: a screen still says only the administrator may")
	}
	// What is greyed out is what the office refuses.
	for _, a := range []people.Action{people.ActIssueLetter, people.ActSettings, people.ActSign, people.ActStaff} {
		if e.may(a) != f.off.May(context.Background(), a) {
			t.Errorf("%s: the window and the office disagree", a)
		}
	}
}

// Without passwords (a one-person office) nothing is greyed out.
func TestNothingGreyedOutWithoutAccounts(t *testing.T) {
	f := newFixture(t, monday0740)
	f.wait()
	s := f.shell
	s.letters.drafts = []office.Letter{{ID: "thu-1", Status: office.LetterDraft}}
	s.letters.checked["thu-1"] = true
	s.letters.updateButtons()
	if s.letters.approve.Disabled() || s.letters.templates.Disabled() || s.letters.permNote.Visible() {
		t.Error("the letters queue greys out without accounts")
	}
	if s.bundles.exportBtn.Disabled() || s.bundles.signNote.Visible() {
		t.Error("the bundle screen greys out without accounts")
	}
	if s.settings.permNote.Visible() {
		t.Error("the settings grey out without accounts")
	}
}
