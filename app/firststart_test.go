package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
)

// A register just created issues nothing under placeholders: reception
// names what the profile lacks and opens the settings.
func TestReceptionNamesTheMissingProfile(t *testing.T) {
	f := newFixtureAt(t, monday0740, "/tmp/motcua.db", false)
	r := f.shell.reception
	f.pickProcedure("khai sinh")
	f.wait()
	assertContains(t, texts(r.content), "Mã cơ quan")
	test.Type(r.name, "Giàng A Páo")
	test.Type(r.address, "Thôn Trung")
	r.submit()
	f.wait()
	msg := f.dialogText()
	assertContains(t, msg, "còn thiếu")
	assertContains(t, msg, "Họ tên người ký")
	if n, _ := f.off.Count(context.Background(), office.Filter{}); n != 0 {
		t.Fatalf("%d dossiers issued under placeholders", n)
	}
	f.tapDialog("Mở Cài đặt")
	if f.shell.tabs.SelectedIndex() != tabSettings {
		t.Error("the settings did not open")
	}
}

// The first-start wizard saves the commune's profile; reception then
// receives.
func TestWizardStartsTheRealRegister(t *testing.T) {
	f := newFixtureAt(t, monday0740, "/tmp/motcua.db", false)
	if first, _ := f.off.FirstStart(context.Background()); !first {
		t.Fatal("a new register is not a first start")
	}
	demo := 0
	w := newWizard(f.shell.env, func() { demo++ })
	w.show()
	test.Type(w.commune, "Trung Lý")
	test.Type(w.agency, "000.17.22.H56")
	test.Type(w.chair, "Lò Văn Pọm")
	test.Type(w.province, "Thanh Hóa")
	test.Type(w.address, "Thôn Trung, xã Trung Lý")
	test.Type(w.viceChairs, "Hà Thị Mai; Vi Văn Nam")
	f.tapDialog("Bắt đầu sổ thật")
	assertContains(t, f.dialogText(), "Thông tin của xã đã được lưu")
	p := f.off.Profile()
	if p.Province != "Thanh Hóa" || p.Address != "Thôn Trung, xã Trung Lý" || p.ViceChairs != "Hà Thị Mai; Vi Văn Nam" {
		t.Errorf("province, address or vice-chairs lost: %+v", p)
	}
	if p.Commune != "Ủy ban nhân dân xã Trung Lý" || p.PlaceName != "Trung Lý" || p.AgencyCode != "000.17.22.H56" || p.ChairName != "Lò Văn Pọm" {
		t.Errorf("profile %+v", p)
	}
	if err := f.off.CheckProfile(context.Background()); err != nil {
		t.Errorf("still incomplete: %v", err)
	}
	if demo != 0 {
		t.Error("the demo opened")
	}
}

func TestWizardMissingFieldsKeepTheWizard(t *testing.T) {
	f := newFixtureAt(t, monday0740, "/tmp/motcua.db", false)
	w := newWizard(f.shell.env, nil)
	w.show()
	test.Type(w.commune, "Trung Lý")
	f.tapDialog("Bắt đầu sổ thật")
	assertContains(t, f.dialogText(), "Mã cơ quan")
	f.tapDialog("Đồng ý")
	if w.commune.Text != "Trung Lý" {
		t.Error("the wizard lost what was typed")
	}
	assertContains(t, f.dialogText(), "Bắt đầu sổ thật")
}

func TestWizardOffersTheDemo(t *testing.T) {
	f := newFixtureAt(t, monday0740, "/tmp/motcua.db", false)
	demo := 0
	w := newWizard(f.shell.env, func() { demo++ })
	w.show()
	f.tapDialog("Dùng dữ liệu mẫu để tập")
	if demo != 1 {
		t.Errorf("demo opened %d times", demo)
	}
}

// A demo register says so on every screen, and is a living office.
func TestDemoRegisterIsMarkedAndAlive(t *testing.T) {
	f := newFixtureAt(t, monday0740, office.DemoPath("/tmp/motcua.db"), false)
	if err := prepareDemo(context.Background(), f.off); err != nil {
		t.Fatal(err)
	}
	for _, tab := range []int{tabDashboard, tabReception, tabRegister, tabLetters, tabSettings} {
		f.shell.tabs.SelectIndex(tab)
		f.wait()
		assertContains(t, texts(f.win.Content()), "DỮ LIỆU MẪU")
	}
	db, _ := f.off.Dashboard(context.Background())
	if db.DueToday == 0 || db.Overdue == 0 {
		t.Errorf("the demo is not a living office: %+v", db)
	}
}
