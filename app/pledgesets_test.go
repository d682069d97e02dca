package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

// An administrator chooses the commune's pledge sets from the staff tab
// (issue 10); the office refuses an empty choice.
func TestChoosePledgeSetsFromTheWindow(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	s := f.outreach()
	all, err := f.off.PledgeSets()
	if err != nil {
		t.Fatal(err)
	}
	chosen, err := f.off.ChosenPledgeSets(context.Background())
	if err != nil || len(chosen) < 2 {
		t.Fatalf("need two printable shipped sets to choose from: %v %v", chosen, err)
	}
	test.Tap(s.staff.setsBtn)
	f.wait()
	d := s.staff.sets
	if d == nil || len(d.checks) != len(all) {
		t.Fatalf("the dialog does not list the %d shipped sets", len(all))
	}
	for _, set := range all {
		c := d.checks[set.Code]
		printable := set.CheckPrintable() == nil
		if c.Checked != printable {
			t.Errorf("set %s ticked %v, want %v (the default choice is every printable set)", set.Code, c.Checked, printable)
		}
		if !printable && !c.Disabled() {
			t.Errorf("set %s without wording can be chosen", set.Code)
		}
		c.SetChecked(false)
	}
	test.Tap(d.save)
	f.wait()
	assertContains(t, f.dialogText(), "Chưa chọn bộ cam kết nào")
	f.tapDialog("Đồng ý")

	keep := chosen[1].Code
	d.checks[keep].SetChecked(true)
	test.Tap(d.save)
	f.wait()
	got, err := f.off.ChosenPledgeSets(context.Background())
	if err != nil || len(got) != 1 || got[0].Code != keep {
		t.Fatalf("chosen after saving: %v %v, want only %s", got, err, keep)
	}
	if o := f.overlay(); o != nil && o.Visible() {
		t.Errorf("the dialog stays open after saving: %s", texts(o))
	}

	// Opening it again shows the saved choice.
	test.Tap(s.staff.setsBtn)
	f.wait()
	for code, c := range s.staff.sets.checks {
		if c.Checked != (code == keep) {
			t.Errorf("reopened: %s ticked %v", code, c.Checked)
		}
	}
}
