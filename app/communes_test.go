package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"motcua/internal/bundle"
	"motcua/internal/office"
)

// The upper-level profile (issue 11): the window opens on the communes
// table, not the counter, and reception cannot be reached.
func TestUpperLevelOpensOnCommunes(t *testing.T) {
	ctx := context.Background()
	// A commune exports November's bundle.
	xa := newFixture(t, at(2026, 12, 1, 9, 0))
	xa.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	if xa.off.IsUpperLevel() || xa.shell.tabs.Items[tabReception].Disabled() || xa.shell.tabs.SelectedIndex() != tabDashboard || xa.shell.communes != nil {
		t.Fatal("the commune's window does not open on the dashboard with reception enabled")
	}
	kdf := &bundle.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}
	if _, err := xa.off.KeysInit(ctx, office.KeyRequest{Passphrase: []byte("mật khẩu của xã"), KDF: kdf}); err != nil {
		t.Fatal(err)
	}
	zip := filepath.Join(t.TempDir(), "nov.zip")
	res, err := xa.off.Export(ctx, office.ExportRequest{Period: office.MonthPeriod(2026, 11), Path: zip, Passphrase: []byte("mật khẩu của xã"), AppVersion: "0.1.0"})
	if err != nil {
		t.Fatal(err)
	}

	// The upper level's PC, in its profile, imports it.
	a := test.NewTempApp(t)
	clk := &clock{t: at(2026, 12, 2, 9, 0)}
	o, err := office.Open(filepath.Join(t.TempDir(), "tinh.db"), office.Options{Now: clk.Now, Actor: "Hà"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	if err := o.SetSettings(ctx, map[string]string{"profile.mode": office.ModeUpper}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Import(ctx, zip, res.Fingerprint); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow(WindowTitle)
	s := buildShell(a, w, o, "tinh.db", "0.1.0", true)
	t.Cleanup(s.env.wait)
	t.Cleanup(w.Close)
	s.env.wait()

	sel := s.tabs.Selected()
	if sel == nil || sel.Text != "Các xã" {
		t.Fatalf("the upper level opens on %v, want the communes", sel)
	}
	if !s.tabs.Items[tabReception].Disabled() {
		t.Error("reception is reachable in the upper-level profile")
	}
	if s.shortcut(ctrl(fyne.KeyN)) {
		t.Error("Ctrl+N opens reception in the upper-level profile")
	}
	s.shortcut(&desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierAlt})
	s.dashboard.goTo(tabReception)
	if s.tabs.SelectedIndex() == tabReception || s.dashboard.receiveBtn.Visible() {
		t.Error("reception can be opened from Alt+2 or the dashboard in the upper-level profile")
	}
	cs := s.communes
	if cs.month.Text != "11/2026" {
		t.Errorf("month offered %q, want the previous month", cs.month.Text)
	}
	if len(cs.rows) != 3 {
		t.Fatalf("rows %v, want header, one commune, total", cs.rows)
	}
	row := strings.Join(cs.rows[1], "|")
	for _, want := range []string{"000.17.22.H56", "|1|", "|đủ|"} {
		if !strings.Contains(row, want) {
			t.Errorf("commune row %q lacks %q", row, want)
		}
	}
	if cs.rows[1][5] != "1" || cs.rows[2][5] != "1" || !strings.HasPrefix(cs.rows[2][0], "Tổng hợp 1 xã") {
		t.Errorf("received column: %v / %v", cs.rows[1], cs.rows[2])
	}
	assertContains(t, texts(cs.status), "Các xã đều đã gửi đủ kỳ")

	// October was not sent: the commune shows as not sent.
	cs.month.SetText("10/2026")
	test.Tap(cs.show)
	s.env.wait()
	if cs.rows[1][4] != "CHƯA" || cs.rows[1][5] != "0" {
		t.Errorf("October row %v", cs.rows[1])
	}
	assertContains(t, texts(cs.status), "Chưa gửi đủ kỳ")
	cs.month.SetText("tháng mười")
	test.Tap(cs.show)
	s.env.wait()
	assertContains(t, texts(cs.status), "không đúng dạng tháng/năm")

	// The profile is a choice in the settings.
	s.tabs.SelectIndex(tabSettings)
	s.env.wait()
	if en := s.settings.entries["profile.mode"]; en == nil || en.Text != office.ModeUpper {
		t.Errorf("the settings do not offer the profile: %v", en)
	}

	// The import action leads to the bundle check and import.
	test.Tap(cs.doImp)
	s.env.wait()
	if s.tabs.SelectedIndex() != tabBundles {
		t.Error("the import button does not open the bundle import")
	}
}
