package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func (f *fixture) openSettings() *settingsScreen {
	f.shell.tabs.SelectIndex(tabSettings)
	f.wait()
	return f.shell.settings
}

func TestSettingsValidationKeepsWhatWasTyped(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.openSettings()
	all := texts(s.content)
	for _, want := range []string{"Thông tin xã", "Người ký", "Giờ làm việc", "Khác", "Họ tên người ký", "Giờ chốt nhận hồ sơ trong ngày"} {
		assertContains(t, all, want)
	}
	if !s.save.Disabled() {
		t.Error("Lưu enabled before any change")
	}
	s.entries["chair_name"].SetText("Hà Văn Bình")
	s.entries["sign_as"].SetText("XX")
	assertContains(t, texts(s.status), "Chưa lưu")
	test.Tap(s.save)
	f.wait()
	assertContains(t, f.dialogText(), "Thể thức ký \"XX\" không hợp lệ")
	f.tapDialog("Đồng ý")
	if s.entries["chair_name"].Text != "Hà Văn Bình" || s.entries["sign_as"].Text != "XX" {
		t.Errorf("typed values lost: %q %q", s.entries["chair_name"].Text, s.entries["sign_as"].Text)
	}
	if f.off.Profile().ChairName != "Lê Văn Tuấn" {
		t.Error("a setting was saved although another was wrong")
	}
	// Leaving the screen asks; going back keeps what was typed.
	f.shell.tabs.SelectIndex(tabDashboard)
	assertContains(t, f.dialogText(), "Các thay đổi trong Cài đặt chưa được lưu")
	f.tapDialog("Quay lại Cài đặt")
	if f.shell.tabs.SelectedIndex() != tabSettings {
		t.Fatal("did not go back to the settings")
	}
	f.wait()
	if s.entries["sign_as"].Text != "XX" {
		t.Error("reopening the screen lost the typed value")
	}

	s.entries["sign_as"].SetText("KT")
	test.Tap(s.save)
	f.wait()
	assertContains(t, texts(s.status), "Đã lưu 2 cài đặt")
	p := f.off.Profile()
	if p.ChairName != "Hà Văn Bình" || p.SignAs != "KT" {
		t.Errorf("profile %+v", p)
	}
	if !s.save.Disabled() {
		t.Error("Lưu still enabled after saving")
	}
}

func TestSettingsHoursMoveTheDueLabel(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.pickProcedure("khai sinh")
	assertContains(t, texts(f.shell.reception.due), "16:00 thứ Hai, 23/11/2026 (hôm nay)")
	s := f.openSettings()
	s.entries["hours.return_at"].SetText("16:30")
	test.Tap(s.save)
	f.wait()
	assertContains(t, texts(f.shell.reception.due), "16:30 thứ Hai, 23/11/2026 (hôm nay)")
}

func TestSettingsPrintTheRegisterAndAPledge(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	s := f.openSettings()
	if s.regFrom.Text != "01/01/2026" || s.regTo.Text != "23/11/2026" {
		t.Errorf("register range %s–%s", s.regFrom.Text, s.regTo.Text)
	}
	test.Tap(s.regPrint)
	f.wait()
	assertContains(t, f.dialogText(), "Sổ theo dõi hồ sơ từ 01/01/2026 đến 23/11/2026")
	f.tapDialog("In")
	assertPDF(t, f.lastPrinted(), "Giàng A Páo")
	f.tapDialog("Đóng")

	s.regTo.SetText("31/02/2026")
	test.Tap(s.regPrint)
	f.wait()
	assertContains(t, f.dialogText(), "không có trên lịch")
	f.tapDialog("Đồng ý")

	// The pledge: a name and at least one set.
	s.staffName.SetText("")
	test.Tap(s.pledgePrint)
	f.wait()
	assertContains(t, f.dialogText(), "Họ tên cán bộ ký cam kết không được để trống")
	f.tapDialog("Đồng ý")
	s.staffName.SetText("Nguyễn Thị Lan")
	s.staffTitle.SetText("Công chức Văn phòng - Thống kê")
	test.Tap(s.pledgePrint)
	f.wait()
	assertContains(t, f.dialogText(), "Chưa chọn bộ khẩu hiệu nào")
	f.tapDialog("Đồng ý")
	ticked := false
	for _, o := range s.pledgeBox.Objects {
		if c, ok := o.(*widget.Check); ok && !c.Disabled() && !ticked {
			test.Tap(c)
			ticked = true
		}
	}
	if !ticked {
		t.Fatal("no pledge set can be ticked")
	}
	test.Tap(s.pledgePrint)
	f.wait()
	f.tapDialog("In")
	assertPDF(t, f.lastPrinted(), "Nguyễn Thị Lan")
	if got := f.shell.env.lastDoc.file; got != "ban-cam-ket-nguyen-thi-lan.pdf" {
		t.Errorf("file name %q", got)
	}
}

// Closing the window with unsaved settings asks; "Lưu cài đặt" saves them
// and then closes.
func TestClosingWithUnsavedSettingsAsks(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.openSettings()
	s.entries["chair_name"].SetText("Hà Văn Bình")
	closed := 0
	f.shell.close = func() { closed++ }
	f.shell.closeWindow()
	if closed != 0 {
		t.Fatal("closed without asking")
	}
	assertContains(t, f.dialogText(), "chưa được lưu")
	f.tapDialog("Bỏ thay đổi")
	if s.dirty() {
		t.Error("the change was not dropped")
	}
	if f.off.Profile().ChairName != "Lê Văn Tuấn" {
		t.Error("a dropped change was saved")
	}
	if closed != 1 {
		t.Errorf("closed %d times", closed)
	}
}

// Theme and text size are this PC's choices, applied at once; light by
// default.
func TestDisplayPreferences(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.openSettings()
	applied := 0
	s.applyDisplay = func() { applied++ }
	if s.themeSel.Selected != "Sáng" || s.scaleSel.Selected != "Vừa (100%)" {
		t.Errorf("defaults: %q %q", s.themeSel.Selected, s.scaleSel.Selected)
	}
	s.themeSel.SetSelected("Tối")
	s.scaleSel.SetSelected("Lớn (115%)")
	if applied != 2 {
		t.Errorf("applied %d times", applied)
	}
	th := themeFromPrefs(f.shell.env.app.Preferences())
	if th.variant != theme.VariantDark || !th.forced || th.scale != 1.15 {
		t.Errorf("theme %+v", th)
	}
	if got := th.Size(theme.SizeNameText); got != theme.DefaultTheme().Size(theme.SizeNameText)*1.15 {
		t.Errorf("text size %v", got)
	}
	// Light is the default, whatever the system says.
	f.shell.env.app.Preferences().RemoveValue(prefTheme)
	if th := themeFromPrefs(f.shell.env.app.Preferences()); th.variant != theme.VariantLight || !th.forced {
		t.Error("the default is not light")
	}
}
