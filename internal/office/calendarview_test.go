package office

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func TestMonthSaysWhereEachDayComesFrom(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	days := o.Month(2026, time.September)
	if len(days) != 30 {
		t.Fatalf("%d days in September", len(days))
	}
	two := days[1] // 2/9/2026
	if two.Working || two.Holiday == "" || two.Source == "" {
		t.Errorf("2/9: %+v", two)
	}
	if l := days[0].Lunar; l.Day == 0 || l.Month == 0 {
		t.Errorf("no lunar date on 1/9: %+v", l)
	}
	plain := days[14] // Tuesday 15/9/2026
	if !plain.Working || plain.Source != "" {
		t.Errorf("15/9: %+v", plain)
	}
}

func TestExplainDueCountsWorkingDaysAndSkipsDaysOff(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	// Friday 20/11 09:00, a 03-working-day procedure: the weekend is
	// skipped.
	ex, err := o.ExplainDue(context.Background(), "xac-nhan-hon-nhan", time.Date(2026, 11, 20, 9, 0, 0, 0, calendar.Zone))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := o.Due(context.Background(), "xac-nhan-hon-nhan", time.Date(2026, 11, 20, 9, 0, 0, 0, calendar.Zone))
	if !ex.Due.Equal(want) {
		t.Errorf("due %v, reception says %v", ex.Due, want)
	}
	if ex.WorkingDays < 1 || len(ex.DaysOff) < 2 {
		t.Errorf("counted %d working days, %d days off", ex.WorkingDays, len(ex.DaysOff))
	}
	if _, err := o.ExplainDue(context.Background(), "khong-co", time.Time{}); !IsNotFound(err) {
		t.Errorf("unknown procedure: %v", err)
	}
}
