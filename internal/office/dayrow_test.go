package office

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/register"
)

// "Đến ngày" finds the newest dossier received on a day, or before it when
// the day had none, at its row of the register under the state filter.
func TestRowOfDayUnderTheStateFilter(t *testing.T) {
	o, clock := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-16 09:00")
	ctx := context.Background()
	receive(t, o, "khai-sinh", "Ngày Mười Sáu A")
	*clock = vn("2026-11-16 15:00")
	b := receive(t, o, "khai-sinh", "Ngày Mười Sáu B")
	*clock = vn("2026-11-17 10:00")
	c := receive(t, o, "khai-sinh", "Ngày Mười Bảy C")
	*clock = vn("2026-11-19 08:00")
	d := receive(t, o, "khai-sinh", "Ngày Mười Chín D")
	if _, err := o.Forward(ctx, c.Code, "Công chức Tư pháp - Hộ tịch", time.Time{}); err != nil {
		t.Fatal(err)
	}
	check := func(f Filter, day string, row int, want *register.Dossier, onDay bool) {
		t.Helper()
		got, err := o.RowOfDay(ctx, f, vn(day+" 12:00"))
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			if got.Dossier != nil {
				t.Fatalf("%s: %+v, want nothing", day, got)
			}
			return
		}
		if got.Dossier == nil || got.Dossier.Code != want.Code || got.Row != row || got.OnDay != onDay {
			t.Fatalf("%s: row %d %v onDay %v, want row %d %s onDay %v", day, got.Row, got.Dossier, got.OnDay, row, want.Code, onDay)
		}
		// The row is where the register's page shows that dossier.
		page, err := o.Page(ctx, Filter{States: f.States, DueBefore: f.DueBefore, Limit: 1, Offset: row})
		if err != nil || len(page) != 1 || page[0].Code != want.Code {
			t.Fatalf("%s: the page at row %d holds %v (%v)", day, row, page, err)
		}
	}
	all := Filter{}
	check(all, "2026-11-19", 0, d, true)
	check(all, "2026-11-17", 1, c, true)
	check(all, "2026-11-18", 1, c, false)
	check(all, "2026-11-16", 2, b, true)
	check(all, "2026-11-15", 0, nil, false)
	check(all, "2026-12-01", 0, d, false)
	waiting := Filter{States: []register.State{register.Received}}
	check(waiting, "2026-11-17", 1, b, false) // C was forwarded: not in the filter
	check(waiting, "2026-11-16", 1, b, true)
	check(waiting, "2026-11-19", 0, d, true)
	// "Quá hạn": the same-day procedures of the 16th and the 17th are
	// overdue on the 19th, the one received that morning not yet.
	overdue := o.OverdueFilter()
	check(overdue, "2026-11-19", 0, c, false)
	check(overdue, "2026-11-17", 0, c, true)
	check(overdue, "2026-11-16", 1, b, true)
	check(Filter{States: []register.State{register.Refused}}, "2026-11-19", 0, nil, false)
}
