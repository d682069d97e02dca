package calendar

import (
	"math/rand"
	"slices"
	"sync"
	"testing"
	"time"
)

func newCal(tb testing.TB, s ...Schedule) *Calendar {
	tb.Helper()
	c, err := New(DefaultHours(), s...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// checkYear checks every day of a year: a weekday is worked unless listed in
// off, a Saturday or Sunday is off unless listed in work. It also checks that
// Holidays lists exactly those days plus weekend holidays.
func checkYear(t *testing.T, c *Calendar, year int, off, work []string) {
	t.Helper()
	offSet, workSet := map[string]bool{}, map[string]bool{}
	for _, d := range off {
		if day(t, d).Year() != year || isWeekend(dayNumber(day(t, d))) {
			t.Fatalf("bad test data: %s is not a weekday of %d", d, year)
		}
		offSet[d] = true
	}
	for _, d := range work {
		if !isWeekend(dayNumber(day(t, d))) {
			t.Fatalf("bad test data: %s is not a weekend day", d)
		}
		workSet[d] = true
	}
	var listed []string
	for d := day(t, itoa4(year)+"-01-01"); d.Year() == year; d = d.AddDate(0, 0, 1) {
		key := d.Format("2006-01-02")
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		want := (!weekend && !offSet[key]) || workSet[key]
		info := c.Day(d)
		if info.Working != want || c.IsWorkingDay(d) != want {
			t.Errorf("%s (%s): working = %v (%s), want %v", key, d.Weekday(), info.Working, info.Reason, want)
		}
		if !info.Date.Equal(d) || info.Date.Location() != Zone {
			t.Errorf("%s: Date = %v", key, info.Date)
		}
		if weekend != info.Working && info.Reason == "" {
			t.Errorf("%s: no reason", key)
		}
		if weekend == want || (weekend && info.Holiday != "") {
			listed = append(listed, key)
		}
	}
	var got []string
	for _, h := range c.Holidays(year) {
		got = append(got, h.Date.Format("2006-01-02"))
	}
	if !slices.Equal(got, listed) {
		t.Errorf("Holidays(%d) = %v\nwant %v", year, got, listed)
	}
}

func itoa4(y int) string { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") }

func span(t *testing.T, from, to string) []string {
	var out []string
	for d := day(t, from); !d.After(day(t, to)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			out = append(out, d.Format("2006-01-02"))
		}
	}
	return out
}

func join(lists ...[]string) []string { return slices.Concat(lists...) }

func TestYear2025Announced(t *testing.T) {
	c := newCal(t, shipped(t)...)
	checkYear(t, c, 2025, join(
		[]string{"2025-01-01"},
		span(t, "2025-01-27", "2025-01-31"), // Tết: Sat 25/01 – Sun 02/02
		[]string{"2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"},
	), []string{"2025-04-26"})
}

func TestYear2026Announced(t *testing.T) {
	c := newCal(t, shipped(t)...)
	checkYear(t, c, 2026, join(
		[]string{"2026-01-01", "2026-01-02"},
		span(t, "2026-02-16", "2026-02-20"), // Tết: Sat 14/02 – Sun 22/02
		[]string{"2026-04-27", "2026-04-30", "2026-05-01"},
		// Thông báo 9441/TB-BNV: off Sat 29/08 – Wed 02/09, Mon 31/08 swapped
		// with the make-up Saturday 22/08, Tue 01/09 the adjacent day.
		[]string{"2026-08-31", "2026-09-01", "2026-09-02", "2026-11-24"},
	), []string{"2026-01-10", "2026-08-22"})
}

// The announced years 2021–2024, as the notices give them (REFERENCE §5 and
// the independent dataset that cites the same notices).
func TestYears2021To2024Announced(t *testing.T) {
	c := newCal(t, shipped(t)...)
	// 2021 (4875/TB-LĐTBXH): Tết Wed 10/02 – Tue 16/02; Giỗ Tổ Wed 21/04;
	// 1/5 Saturday → Mon 03/05; Quốc khánh Thu 02/09 + Fri 03/09.
	checkYear(t, c, 2021, join(
		[]string{"2021-01-01"}, span(t, "2021-02-10", "2021-02-16"),
		[]string{"2021-04-21", "2021-04-30", "2021-05-03", "2021-09-02", "2021-09-03"},
	), nil)
	// 2022 (119/TB-LĐTBXH): 1/1 Saturday → Mon 03/01; Tết Mon 31/01 – Fri 04/02;
	// Giỗ Tổ Sun 10/04 → Mon 11/04; 30/4 and 1/5 on the weekend → Mon 02, Tue 03/05;
	// Quốc khánh Thu 01/09 + Fri 02/09.
	checkYear(t, c, 2022, join(
		[]string{"2022-01-03"}, span(t, "2022-01-31", "2022-02-04"),
		[]string{"2022-04-11", "2022-05-02", "2022-05-03", "2022-09-01", "2022-09-02"},
	), nil)
	// 2023 (5034/TB-LĐTBXH): 1/1 Sunday → Mon 02/01; Tết Fri 20/01 – Thu 26/01;
	// Giỗ Tổ Sat 29/04 and 30/4 Sunday → Tue 02, Wed 03/05; Quốc khánh Fri 01/09,
	// Sat 02/09 → Mon 04/09.
	checkYear(t, c, 2023, join(
		[]string{"2023-01-02"}, span(t, "2023-01-20", "2023-01-26"),
		[]string{"2023-05-01", "2023-05-02", "2023-05-03", "2023-09-01", "2023-09-04"},
	), nil)
	// 2024 (5015/TB-LĐTBXH, 1570/TB-LĐTBXH): Tết Thu 08/02 – Wed 14/02; Giỗ Tổ
	// Thu 18/04; Mon 29/04 off, swapped with the make-up Sat 04/05; Quốc khánh
	// Mon 02/09 + Tue 03/09.
	checkYear(t, c, 2024, join(
		[]string{"2024-01-01"}, span(t, "2024-02-08", "2024-02-14"),
		[]string{"2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03"},
	), []string{"2024-05-04"})
}

// Without the announced schedules, the rules alone give 2025 and 2026 except
// for the swapped days, which no rule can guess.
func TestYears2025And2026FromRules(t *testing.T) {
	c := newCal(t)
	checkYear(t, c, 2025, join(
		[]string{"2025-01-01"}, span(t, "2025-01-27", "2025-01-31"),
		[]string{"2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"},
	), nil)
	checkYear(t, c, 2026, join(
		[]string{"2026-01-01"}, span(t, "2026-02-16", "2026-02-20"),
		[]string{"2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02", "2026-11-24"},
	), nil)
}

func TestYears2027To2030FromRules(t *testing.T) {
	c := newCal(t, shipped(t)...)
	// 2027: Tết mùng 1 Sat 06/02 → Tết days Thu 04 – Mon 08, nghỉ bù Tue 09, Wed 10;
	// Giỗ Tổ Fri 16/04; 1/5 Saturday → Mon 03/05; 2/9 Thursday → 3/9.
	checkYear(t, c, 2027, join(
		[]string{"2027-01-01"}, span(t, "2027-02-04", "2027-02-10"),
		[]string{"2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03", "2027-11-24"},
	), nil)
	// 2028: 1/1 Saturday → Mon 03/01; Tết mùng 1 Wed 26/01 → Mon 24 – Fri 28;
	// Giỗ Tổ Tue 04/04; 30/4 Sunday → Tue 02/05 (Mon 01/05 is a holiday);
	// 2/9 Saturday → 1/9 Friday and Mon 04/09.
	checkYear(t, c, 2028, join(
		[]string{"2028-01-03"}, span(t, "2028-01-24", "2028-01-28"),
		[]string{"2028-04-04", "2028-05-01", "2028-05-02", "2028-09-01", "2028-09-04", "2028-11-24"},
	), nil)
	// 2029: Tết mùng 1 Tue 13/02 → Sun 11 – Thu 15, nghỉ bù Fri 16; Giỗ Tổ Mon 23/04;
	// 2/9 Sunday → 3/9 Monday and nghỉ bù Tue 04/09; 24/11 Saturday: no nghỉ bù
	// (Ngày Văn hóa Việt Nam is outside Bộ luật Lao động Điều 112(1)).
	checkYear(t, c, 2029, join(
		[]string{"2029-01-01"}, span(t, "2029-02-12", "2029-02-16"),
		[]string{"2029-04-23", "2029-04-30", "2029-05-01", "2029-09-03", "2029-09-04"},
	), nil)
	// 2030: Tết mùng 1 Sat 02/02 (Vietnam; 03/02 in China) → Thu 31/01 – Mon 04/02,
	// nghỉ bù Tue 05, Wed 06; Giỗ Tổ Fri 12/04; 2/9 Monday → 3/9; 24/11 Sunday:
	// no nghỉ bù.
	checkYear(t, c, 2030, join(
		[]string{"2030-01-01"}, span(t, "2030-01-31", "2030-02-06"),
		[]string{"2030-04-12", "2030-04-30", "2030-05-01", "2030-09-02", "2030-09-03"},
	), nil)
}

// The default Tết and Quốc khánh rules reproduce the announced state-sector
// breaks of past years (swaps aside).
func TestDefaultRulesAgainstHistory(t *testing.T) {
	c := newCal(t)
	for _, b := range []struct{ name, from, to string }{
		{"Tết 2017", "2017-01-26", "2017-02-01"},
		{"Tết 2018", "2018-02-14", "2018-02-20"},
		{"Tết 2019", "2019-02-02", "2019-02-10"},
		{"Tết 2020", "2020-01-23", "2020-01-29"},
		{"Tết 2021", "2021-02-10", "2021-02-16"},
		{"Tết 2022", "2022-01-29", "2022-02-06"},
		{"Tết 2023", "2023-01-20", "2023-01-26"},
		{"Tết 2024", "2024-02-08", "2024-02-14"},
		{"Tết 2025", "2025-01-25", "2025-02-02"},
		{"Tết 2026", "2026-02-14", "2026-02-22"},
		{"Giỗ Tổ, 30/4 và 1/5 năm 2023", "2023-04-29", "2023-05-03"},
		{"Quốc khánh 2020 (một ngày)", "2020-09-02", "2020-09-02"},
		{"Quốc khánh 2021", "2021-09-02", "2021-09-05"},
		{"Quốc khánh 2022", "2022-09-01", "2022-09-04"},
		{"Quốc khánh 2023", "2023-09-01", "2023-09-04"},
		{"Quốc khánh 2024", "2024-08-31", "2024-09-03"},
		{"Quốc khánh 2025", "2025-08-30", "2025-09-02"},
	} {
		from, to := day(t, b.from), day(t, b.to)
		if !c.IsWorkingDay(from.AddDate(0, 0, -1)) || !c.IsWorkingDay(to.AddDate(0, 0, 1)) {
			t.Errorf("%s: the break is longer than %s – %s", b.name, b.from, b.to)
		}
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			if c.IsWorkingDay(d) {
				t.Errorf("%s: %s is a working day", b.name, d.Format("2006-01-02"))
			}
		}
	}
}

func TestDayReasons(t *testing.T) {
	c := newCal(t, shipped(t)...)
	for _, w := range []struct {
		date    string
		working bool
		reason  string
		holiday string
	}{
		{"2026-01-01", false, NameNewYear, NameNewYear},
		{"2026-01-02", false, "Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026", ""},
		{"2026-01-05", true, ReasonWorking, ""},
		{"2026-01-10", true, "Làm bù cho thứ Sáu 02/01/2026", ""},
		{"2026-01-17", false, ReasonSaturday, ""},
		{"2026-01-18", false, ReasonSunday, ""},
		{"2026-02-14", false, NameTet, NameTet},
		{"2026-02-17", false, NameTet, NameTet},
		{"2026-02-23", true, ReasonWorking, ""},
		{"2026-04-26", false, NameHungKings, NameHungKings},
		{"2026-04-27", false, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", ""},
		{"2026-04-30", false, NameVictory, NameVictory},
		{"2026-05-01", false, NameLabour, NameLabour},
		{"2026-08-22", true, "Làm bù cho thứ Hai 31/08/2026 (Thông báo 9441/TB-BNV)", ""},
		{"2026-08-31", false, "Nghỉ hoán đổi, làm bù thứ Bảy 22/08/2026 (Thông báo 9441/TB-BNV)", ""},
		{"2026-09-01", false, NameNationalAdj, NameNationalAdj},
		{"2026-09-02", false, NameNational, NameNational},
		{"2026-11-24", false, NameCulture, NameCulture},
		{"2025-04-26", true, "Làm bù cho thứ Sáu 02/05/2025", ""},
		{"2025-05-02", false, "Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025", ""},
		{"2025-11-24", true, ReasonWorking, ""}, // 24/11 is a holiday from 2026 only
		{"2027-02-06", false, NameTet, NameTet},
		{"2027-02-09", false, "Nghỉ bù Tết Nguyên đán", ""},
		{"2027-09-03", false, NameNationalAdj, NameNationalAdj},
		{"2028-01-01", false, NameNewYear, NameNewYear},
		{"2028-01-03", false, "Nghỉ bù Tết Dương lịch", ""},
		{"2028-04-30", false, NameVictory, NameVictory},
		{"2028-05-02", false, "Nghỉ bù Ngày Chiến thắng (30/4)", ""},
		{"2029-09-04", false, "Nghỉ bù Quốc khánh (2/9)", ""},
		{"2029-11-24", false, NameCulture, NameCulture},
		{"2029-11-26", true, ReasonWorking, ""}, // no nghỉ bù for 24/11
		{"2030-11-25", true, ReasonWorking, ""},
		{"2006-04-07", true, ReasonWorking, ""}, // Giỗ Tổ 10/3 lunar, a paid holiday from 2007
		{"2007-04-26", false, NameHungKings, NameHungKings},
	} {
		got := c.Day(day(t, w.date))
		if got.Working != w.working || got.Reason != w.reason || got.Holiday != w.holiday {
			t.Errorf("Day(%s) = %v %q %q; want %v %q %q", w.date, got.Working, got.Reason, got.Holiday, w.working, w.reason, w.holiday)
		}
	}
	if l := c.Day(day(t, "2026-04-26")).Lunar; l != (Lunar{10, 3, 2026, false}) {
		t.Errorf("Lunar of Giỗ Tổ 2026 = %+v", l)
	}
}

func TestHolidays2026(t *testing.T) {
	c := newCal(t, shipped(t)...)
	var got []string
	for _, h := range c.Holidays(2026) {
		got = append(got, h.Date.Format("01-02")+" "+h.Reason)
	}
	want := []string{
		"01-01 Tết Dương lịch",
		"01-02 Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026",
		"01-10 Làm bù cho thứ Sáu 02/01/2026",
		"02-14 Tết Nguyên đán", "02-15 Tết Nguyên đán", "02-16 Tết Nguyên đán", "02-17 Tết Nguyên đán",
		"02-18 Tết Nguyên đán", "02-19 Tết Nguyên đán", "02-20 Tết Nguyên đán", "02-21 Tết Nguyên đán",
		"02-22 Tết Nguyên đán",
		"04-26 Giỗ Tổ Hùng Vương (10/3 âm lịch)",
		"04-27 Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)",
		"04-30 Ngày Chiến thắng (30/4)",
		"05-01 Ngày Quốc tế Lao động (1/5)",
		"08-22 Làm bù cho thứ Hai 31/08/2026 (Thông báo 9441/TB-BNV)",
		"08-31 Nghỉ hoán đổi, làm bù thứ Bảy 22/08/2026 (Thông báo 9441/TB-BNV)",
		"09-01 Quốc khánh (ngày liền kề 2/9)",
		"09-02 Quốc khánh (2/9)",
		"11-24 Ngày Văn hóa Việt Nam (24/11)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Holidays(2026):\n%q\nwant\n%q", got, want)
	}
}

// How an announced schedule combines with the rules.
func TestScheduleOverrides(t *testing.T) {
	// A schedule with only a swap far from Tết keeps the default Tết and Quốc khánh.
	swapOnly := newCal(t, Schedule{Year: 2027,
		Off:  []Entry{{Date: "2027-04-29", Reason: "Nghỉ hoán đổi"}},
		Work: []Entry{{Date: "2027-04-24"}}})
	if swapOnly.IsWorkingDay(day(t, "2027-02-08")) || swapOnly.IsWorkingDay(day(t, "2027-09-03")) {
		t.Error("a swap-only schedule dropped the default Tết or Quốc khánh days")
	}
	if swapOnly.IsWorkingDay(day(t, "2027-04-29")) || !swapOnly.IsWorkingDay(day(t, "2027-04-24")) {
		t.Error("swap not applied")
	}
	if r := swapOnly.Day(day(t, "2027-04-24")).Reason; r != ReasonMakeUp {
		t.Errorf("make-up day without reason: %q", r)
	}

	// A schedule giving Tết replaces the default Tết days and their nghỉ bù:
	// here 2027's Tết announced as Fri 05/02 – Sun 14/02 with Mon 08 – Fri 12 off.
	tet := newCal(t, Schedule{Year: 2027, Off: append([]Entry{{Date: "2027-02-05", Reason: "Tết Nguyên đán"}},
		entries(span(t, "2027-02-08", "2027-02-12"), "")...)})
	for _, w := range []struct {
		date    string
		working bool
	}{{"2027-02-03", true}, {"2027-02-04", true}, {"2027-02-05", false}, {"2027-02-10", false}, {"2027-02-12", false}, {"2027-02-15", true}} {
		if tet.IsWorkingDay(day(t, w.date)) != w.working {
			t.Errorf("announced Tết 2027: %s working = %v", w.date, !w.working)
		}
	}
	if h := tet.Day(day(t, "2027-02-11")); h.Holiday != NameTet || h.Reason != NameTet {
		t.Errorf("announced Tết day without reason: %+v", h)
	}

	// A schedule naming 3/9 as 2026's adjacent day replaces the default 1/9.
	natl := newCal(t, Schedule{Year: 2026, Off: []Entry{{Date: "2026-09-03", Reason: "Quốc khánh"}}})
	if !natl.IsWorkingDay(day(t, "2026-09-01")) || natl.IsWorkingDay(day(t, "2026-09-03")) || natl.IsWorkingDay(day(t, "2026-09-02")) {
		t.Error("announced 3/9 did not replace the default 1/9")
	}
	if h := natl.Day(day(t, "2026-09-03")); h.Holiday != NameNationalAdj {
		t.Errorf("3/9/2026 holiday = %q", h.Holiday)
	}

	// A Work entry wins over everything, even a rule holiday or a nghỉ bù.
	work := newCal(t, Schedule{Year: 2026, Work: []Entry{{Date: "2026-04-27", Reason: "Làm việc theo thông báo"}}})
	if h := work.Day(day(t, "2026-04-27")); !h.Working || h.Reason != "Làm việc theo thông báo" || h.Holiday != "" {
		t.Errorf("Work entry on a nghỉ bù: %+v", h)
	}
	// An Off entry on a fixed holiday keeps the holiday's name.
	fixed := newCal(t, Schedule{Year: 2026, Off: []Entry{{Date: "2026-04-30", Reason: "Nghỉ lễ"}}})
	if h := fixed.Day(day(t, "2026-04-30")); h.Reason != NameVictory {
		t.Errorf("30/4 reason = %q", h.Reason)
	}
	// An Off entry without reason elsewhere.
	extra := newCal(t, Schedule{Year: 2026, Off: []Entry{{Date: "2026-06-15"}}})
	if h := extra.Day(day(t, "2026-06-15")); h.Working || h.Reason != ReasonAnnounced {
		t.Errorf("bare Off entry: %+v", h)
	}
}

func entries(dates []string, reason string) []Entry {
	var out []Entry
	for _, d := range dates {
		out = append(out, Entry{Date: d, Reason: reason})
	}
	return out
}

// The table (1990–2100) and the on-the-fly rules agree, including across the
// table's edges and for years with a schedule.
func TestOutsideTable(t *testing.T) {
	c := newCal(t, Schedule{Year: 2150, Off: []Entry{{Date: "2150-06-01", Reason: "Nghỉ"}}})
	for _, y := range []int{1989, 1990, 2100, 2101, 2150} {
		recs := buildYear(y, c.sched[y])
		jan1 := daysFromCivil(y, 1, 1)
		for i, r := range recs {
			if got := c.Day(midnight(jan1 + int64(i))); got.Working != r.working || got.Reason != r.reason || got.Holiday != r.holiday {
				t.Fatalf("%v: %+v, want %+v", midnight(jan1+int64(i)), got, r)
			}
		}
	}
	if c.IsWorkingDay(day(t, "2150-06-01")) {
		t.Error("schedule for 2150 ignored")
	}
	// Thu 30/12/2100 + 2: Fri 31/12 (1); 1/1/2101 is a Saturday, so Mon 03/01
	// is its nghỉ bù; Tue 04/01 (2).
	if got := c.AddWorkingDays(day(t, "2100-12-30"), 2); !got.Equal(day(t, "2101-01-04")) {
		t.Errorf("AddWorkingDays across 2100/2101 = %v", got)
	}
	if got := c.AddWorkingDays(day(t, "2101-01-04"), -2); !got.Equal(day(t, "2100-12-30")) {
		t.Errorf("AddWorkingDays back across 2101/2100 = %v", got)
	}
	if got := c.WorkingDaysBetween(day(t, "1989-12-29"), day(t, "1990-01-03")); got != c.bruteCount(day(t, "1989-12-29"), day(t, "1990-01-03")) {
		t.Errorf("WorkingDaysBetween across 1989/1990 = %d", got)
	}
}

// bruteCount counts working days in (a, b] one day at a time, straight from
// the rules (buildYear), bypassing the table.
func (c *Calendar) bruteCount(a, b time.Time) int {
	years := map[int][]dayRec{}
	n := 0
	for dn := dayNumber(a) + 1; dn <= dayNumber(b); dn++ {
		y := midnight(dn).Year()
		if years[y] == nil {
			years[y] = buildYear(y, c.sched[y])
		}
		if years[y][dn-daysFromCivil(y, 1, 1)].working {
			n++
		}
	}
	return n
}

// AddWorkingDays, NextWorkingDay and WorkingDaysBetween agree with counting
// one day at a time, in and out of the table.
func TestWorkingDayArithmetic(t *testing.T) {
	c := newCal(t, shipped(t)...)
	rng := rand.New(rand.NewSource(1))
	for k := 0; k < 3000; k++ {
		var base time.Time
		switch k % 3 {
		case 0:
			base = day(t, "2024-06-01").AddDate(0, 0, rng.Intn(2500))
		case 1:
			base = day(t, "1985-01-01").AddDate(0, 0, rng.Intn(3000)) // straddles 1990
		default:
			base = day(t, "2098-01-01").AddDate(0, 0, rng.Intn(1500)) // straddles 2100
		}
		base = base.Add(time.Duration(rng.Intn(86400)) * time.Second)
		n := 1 + rng.Intn(40)
		got := c.AddWorkingDays(base, n)
		if !c.IsWorkingDay(got) || got.Location() != Zone || got.Hour() != 0 {
			t.Fatalf("AddWorkingDays(%v, %d) = %v", base, n, got)
		}
		if cnt := c.bruteCount(base, got); cnt != n {
			t.Fatalf("AddWorkingDays(%v, %d) = %v, which is %d working days on", base, n, got, cnt)
		}
		if cnt := c.WorkingDaysBetween(base, got); cnt != n {
			t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", base, got, cnt, n)
		}
		if cnt := c.WorkingDaysBetween(got, base); cnt != -n {
			t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", got, base, cnt, -n)
		}
		if n == 1 && !c.NextWorkingDay(base).Equal(got) {
			t.Fatalf("NextWorkingDay(%v) = %v, want %v", base, c.NextWorkingDay(base), got)
		}
		// Counting back from the result lands on the last working day not after base.
		back := c.AddWorkingDays(got, -n)
		want := dayStart(base)
		for !c.IsWorkingDay(want) {
			want = want.AddDate(0, 0, -1)
		}
		if !back.Equal(want) {
			t.Fatalf("AddWorkingDays(%v, %d) = %v, want %v", got, -n, back, want)
		}
	}
	if d := day(t, "2026-02-13"); !c.AddWorkingDays(d.Add(15*time.Hour), 0).Equal(d) {
		t.Error("AddWorkingDays(t, 0) is not t's date")
	}
	if got := c.WorkingDaysBetween(day(t, "2026-01-01"), day(t, "2027-01-01")); got != c.bruteCount(day(t, "2026-01-01"), day(t, "2027-01-01")) {
		t.Errorf("working days in 2026: %d", got)
	}
	if got := c.WorkingDaysBetween(day(t, "1950-01-01"), day(t, "2150-01-01")); got != c.bruteCount(day(t, "1950-01-01"), day(t, "2150-01-01")) {
		t.Errorf("working days 1950–2150: %d", got)
	}
	if got := c.WorkingDaysBetween(day(t, "2026-02-13"), day(t, "2026-02-13").Add(20*time.Hour)); got != 0 {
		t.Errorf("same day: %d", got)
	}
}

func dayStart(t time.Time) time.Time { return midnight(dayNumber(t)) }

// The working days of 2026 for a Saturday-counter: the make-up Saturday 10/01
// counts, the Tết week does not.
func TestWorkingDaysIn2026(t *testing.T) {
	c := newCal(t, shipped(t)...)
	// 261 weekdays, 11 weekdays off (01-01, 01-02, 16–20/02, 27/04, 30/04, 01/05,
	// 31/08, 01/09, 02/09, 24/11: 14), plus 2 make-up Saturdays.
	if got := c.WorkingDaysBetween(day(t, "2025-12-31"), day(t, "2026-12-31")); got != 261-14+2 {
		t.Errorf("working days in 2026 = %d", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := newCal(t, shipped(t)...)
	want := c.Due(moment(t, "2026-02-13 10:00"), Limit{3, WorkingDays})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				if got := c.Due(moment(t, "2026-02-13 10:00"), Limit{3, WorkingDays}); !got.Equal(want) {
					t.Error("concurrent Due differs")
					return
				}
				_ = c.Day(day(t, "2150-01-01"))
			}
		}()
	}
	wg.Wait()
}

// Odd instants (a zero time.Time from a caller's bug, far years) must not panic.
func TestOddInstants(t *testing.T) {
	c := newCal(t)
	for _, tm := range []time.Time{{}, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1582, 10, 10, 12, 0, 0, 0, time.UTC),
		time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 0, 0, time.UTC)} {
		for _, l := range []Limit{{3, WorkingDays}, {16, WorkingHours}, {Unit: SameDay}} {
			if due := c.Due(tm, l); due.Before(tm) {
				t.Errorf("Due(%v, %s) = %v", tm, l, due)
			}
		}
		_ = c.Day(tm)
		_ = c.Holidays(tm.Year())
		_ = c.WorkingDaysBetween(tm, tm.AddDate(0, 1, 0))
	}
	// Year 1: 1 January is a holiday; the Gregorian calendar extends backwards.
	if d := c.Day(time.Date(1, 1, 1, 12, 0, 0, 0, Zone)); d.Working || d.Reason != NameNewYear {
		t.Errorf("1/1/0001: %+v", d)
	}
}
