package app

import (
	"context"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// buttonsLabelled walks o for the buttons with this text.
func buttonsLabelled(o fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			out = append(out, x)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, buttonsLabelled(c, text)...)
		}
	}
	return out
}

func TestSettingsListsLimitsToConfirmAndConfirmsOne(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.openSettings()
	ctx := context.Background()
	before, err := f.off.UnconfirmedLimits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) == 0 {
		t.Skip("the shipped catalogue has no unconfirmed limit")
	}
	all := texts(s.checks.limits)
	assertContains(t, all, before[0].Name)
	assertContains(t, all, "Căn cứ:")
	assertContains(t, all, "Độ tin cậy:")
	btns := buttonsLabelled(s.checks.limits, "Đã đối chiếu")
	if len(btns) != len(before) {
		t.Fatalf("%d buttons for %d limits", len(btns), len(before))
	}
	test.Tap(btns[0])
	assertContains(t, f.dialogText(), before[0].Name)
	f.tapDialog("Đã đối chiếu")
	f.wait()
	after, err := f.off.UnconfirmedLimits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)-1 {
		t.Fatalf("after confirming: %d limits wait, want %d", len(after), len(before)-1)
	}
	if got := len(buttonsLabelled(s.checks.limits, "Đã đối chiếu")); got != len(after) {
		t.Errorf("the list did not refresh: %d buttons for %d limits", got, len(after))
	}
}

func TestSettingsShowsProvisionalYears(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.openSettings()
	years, err := f.off.YearsAwaitingNotice(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := s.checks.years.Text
	if len(years) == 0 {
		assertContains(t, got, "thông báo chính thức")
		return
	}
	assertContains(t, got, "dự kiến")
	for _, y := range years {
		assertContains(t, got, strconv.Itoa(y))
	}
}

func TestSettingsPaperIsAChoice(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.openSettings()
	en := s.entries["form_paper"]
	if en == nil {
		t.Fatal("no form_paper setting on the screen")
	}
	all := texts(s.content)
	assertContains(t, all, "A4 (mặc định, Nghị định 30)")
	var sel *widget.Select
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Select:
			for _, opt := range x.Options {
				if opt == "Hai liên A5 trên một tờ A4" {
					sel = x
				}
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(s.form)
	if sel == nil {
		t.Fatal("no paper drop-down")
	}
	sel.SetSelected("Hai liên A5 trên một tờ A4")
	if en.Text != "A5x2" {
		t.Fatalf("the setting is %q, want A5x2", en.Text)
	}
	test.Tap(s.save)
	f.wait()
	if got := f.off.Profile().FormPaper; got != "A5x2" {
		t.Errorf("saved paper %q, want A5x2", got)
	}
	if sel.Selected != "Hai liên A5 trên một tờ A4" {
		t.Errorf("drop-down shows %q after saving", sel.Selected)
	}
}

func TestSettingsChecksTheDatabase(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Nguyễn Văn An", "khai-sinh", at(2026, 11, 23, 9, 0))
	s := f.openSettings()
	test.Tap(s.checks.dbCheck)
	f.wait()
	got := s.checks.dbResult.Text
	assertContains(t, got, "Kết nối được: SQLite")
	assertContains(t, got, "có 1 hồ sơ")

	s.checks.dbAddr.SetText("postgres://lan:matkhau@127.0.0.1:1/motcua?connect_timeout=2")
	test.Tap(s.checks.dbCheck)
	f.wait()
	got = s.checks.dbResult.Text
	assertContains(t, got, "Không kết nối được")
	assertNotContains(t, got, "matkhau")
}

func TestStatusBarHidesTheDatabasePassword(t *testing.T) {
	f := newFixtureAt(t, at(2026, 11, 23, 10, 0), "postgres://lan:matkhau@192.168.1.10/motcua", true)
	got := f.shell.status.Text
	assertContains(t, got, "Cơ sở dữ liệu PostgreSQL: postgres://lan:")
	assertContains(t, got, "192.168.1.10/motcua")
	assertNotContains(t, got, "matkhau")
}
