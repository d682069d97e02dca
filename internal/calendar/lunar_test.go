package calendar

import (
	"strings"
	"testing"
	"time"
)

// day parses "2006-01-02" as midnight in Zone.
func day(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02", s, Zone)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// at parses "2006-01-02 15:04" (or with seconds) in Zone.
func moment(tb testing.TB, s string) time.Time {
	tb.Helper()
	layout := "2006-01-02 15:04"
	if len(s) > len(layout) {
		layout = "2006-01-02 15:04:05"
	}
	t, err := time.ParseInLocation(layout, s, Zone)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func TestTetDates(t *testing.T) {
	for _, c := range []struct {
		year int
		tet  string
	}{
		{2019, "2019-02-05"}, {2020, "2020-01-25"}, {2021, "2021-02-12"}, {2022, "2022-02-01"},
		{2023, "2023-01-22"}, {2024, "2024-02-10"}, {2025, "2025-01-29"}, {2026, "2026-02-17"},
		{2027, "2027-02-06"}, {2028, "2028-01-26"}, {2029, "2029-02-13"},
		// The new moon of February 2030 is at 16:07 UT: 23:07 in Vietnam on
		// 02/02 but 00:07 on 03/02 in China. Chinese calendars say 03/02.
		{2030, "2030-02-02"},
		// Years where the Vietnamese and Chinese new years differ.
		{1985, "1985-01-21"}, // China: 1985-02-20 (the VN month 11 falls a month earlier)
		{2007, "2007-02-17"}, // China: 2007-02-18
		{1969, "1969-02-16"}, // China: 1969-02-17
	} {
		got, err := LunarToSolar(Lunar{Day: 1, Month: 1, Year: c.year})
		if err != nil {
			t.Fatal(err)
		}
		if want := day(t, c.tet); !got.Equal(want) || got.Location() != Zone {
			t.Errorf("mùng 1 Tết %d = %v, want %v", c.year, got, want)
		}
		if l := SolarToLunar(day(t, c.tet)); l != (Lunar{Day: 1, Month: 1, Year: c.year}) {
			t.Errorf("SolarToLunar(%s) = %+v", c.tet, l)
		}
	}
}

func TestHungKingsDates(t *testing.T) {
	for year, want := range map[int]string{
		2023: "2023-04-29", 2024: "2024-04-18", 2025: "2025-04-07", 2026: "2026-04-26",
		2027: "2027-04-16", 2028: "2028-04-04", 2029: "2029-04-23", 2030: "2030-04-12",
	} {
		got, err := LunarToSolar(Lunar{Day: 10, Month: 3, Year: year})
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(day(t, want)) {
			t.Errorf("10/3/%d âm lịch = %s, want %s", year, got.Format("2006-01-02"), want)
		}
	}
}

func TestLeapMonths(t *testing.T) {
	// The leap month of each lunar year 2010–2040 (0: none), Vietnamese calendar.
	want := map[int]int{2012: 4, 2014: 9, 2017: 6, 2020: 4, 2023: 2, 2025: 6, 2028: 5, 2031: 3, 2033: 11, 2036: 6, 2039: 5}
	for y := 2010; y <= 2040; y++ {
		got := 0
		for m := 1; m <= 12; m++ {
			if _, err := LunarToSolar(Lunar{Day: 1, Month: m, Year: y, Leap: true}); err == nil {
				if got != 0 {
					t.Errorf("%d has two leap months", y)
				}
				got = m
			}
		}
		if got != want[y] {
			t.Errorf("leap month of %d = %d, want %d", y, got, want[y])
		}
	}
	// 2025's leap sixth month runs 25/07 – 22/08.
	if l := SolarToLunar(day(t, "2025-07-25")); l != (Lunar{1, 6, 2025, true}) {
		t.Errorf("2025-07-25 = %+v", l)
	}
	if l := SolarToLunar(day(t, "2025-08-23")); l != (Lunar{1, 7, 2025, false}) {
		t.Errorf("2025-08-23 = %+v", l)
	}
}

// Every day 1900–2100 converts to a lunar date and back, and consecutive days
// give consecutive lunar dates.
func TestLunarRoundTrip(t *testing.T) {
	start, end := daysFromCivil(1900, 1, 1), daysFromCivil(2101, 1, 1)
	prev := SolarToLunar(midnight(start - 1))
	for dn := start; dn < end; dn++ {
		d := midnight(dn)
		l := SolarToLunar(d)
		back, err := LunarToSolar(l)
		if err != nil || !back.Equal(d) {
			t.Fatalf("%s → %+v → %v, %v", d.Format("2006-01-02"), l, back, err)
		}
		switch {
		case l.Day == prev.Day+1 && l.Month == prev.Month && l.Year == prev.Year && l.Leap == prev.Leap:
		case l.Day == 1 && (prev.Day == 29 || prev.Day == 30):
			next := prev.Month + 1
			if l.Leap {
				next = prev.Month
			}
			if next == 13 {
				next = 1
			}
			if l.Month != next || (l.Month == 1 && l.Year != prev.Year+1) || (l.Month != 1 && l.Year != prev.Year) {
				t.Fatalf("%s: %+v follows %+v", d.Format("2006-01-02"), l, prev)
			}
		default:
			t.Fatalf("%s: %+v follows %+v", d.Format("2006-01-02"), l, prev)
		}
		prev = l
	}
}

// Hồ Ngọc Đức's original takes the month start from the kth or (k+1)th new
// moon; on 2054-05-07 the true new moon falls at 00:03 on 05-08 and it needs
// the (k-1)th.
func TestLunarMonthStartEdge(t *testing.T) {
	if l := SolarToLunar(day(t, "2054-05-07")); l.Day != 30 {
		t.Errorf("2054-05-07 = %+v, want the 30th of a month", l)
	}
	if l := SolarToLunar(day(t, "2054-05-08")); l.Day != 1 {
		t.Errorf("2054-05-08 = %+v, want the 1st of a month", l)
	}
}

func TestSolarToLunarZone(t *testing.T) {
	// 2026-02-16 18:30 UTC is 01:30 on mùng 1 Tết in Vietnam.
	utc := time.Date(2026, 2, 16, 18, 30, 0, 0, time.UTC)
	if l := SolarToLunar(utc); l != (Lunar{1, 1, 2026, false}) {
		t.Errorf("SolarToLunar(%v) = %+v", utc, l)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	if l := SolarToLunar(utc.In(ny)); l != (Lunar{1, 1, 2026, false}) {
		t.Errorf("SolarToLunar(%v) = %+v", utc.In(ny), l)
	}
}

func TestLunarToSolarErrors(t *testing.T) {
	for _, c := range []struct {
		l    Lunar
		want string
	}{
		{Lunar{1, 13, 2026, false}, "tháng âm lịch 13"},
		{Lunar{0, 1, 2026, false}, "ngày âm lịch 0"},
		{Lunar{31, 1, 2026, false}, "ngày âm lịch 31"},
		{Lunar{30, 12, 2025, false}, "chỉ có 29 ngày"}, // tháng Chạp Ất Tỵ: 18/01–16/02/2026
		{Lunar{1, 4, 2025, true}, "không có tháng 4 nhuận"},
		{Lunar{1, 1, 2026, true}, "không có tháng nhuận"},
	} {
		_, err := LunarToSolar(c.l)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("LunarToSolar(%+v) error = %v, want it to mention %q", c.l, err, c.want)
		}
	}
	if got, err := LunarToSolar(Lunar{29, 12, 2025, false}); err != nil || !got.Equal(day(t, "2026-02-16")) {
		t.Errorf("29/12/2025 âm lịch = %v, %v", got, err)
	}
}

func TestLunarText(t *testing.T) {
	if s := (Lunar{1, 1, 2026, false}).String(); s != "01/01/2026 âm lịch" {
		t.Errorf("String = %q", s)
	}
	if s := (Lunar{15, 6, 2025, true}).String(); s != "15/06/2025 âm lịch (nhuận)" {
		t.Errorf("String = %q", s)
	}
	for y, want := range map[int]string{1984: "Giáp Tý", 1985: "Ất Sửu", 2000: "Canh Thìn", 2023: "Quý Mão",
		2024: "Giáp Thìn", 2025: "Ất Tỵ", 2026: "Bính Ngọ", 2027: "Đinh Mùi", 2030: "Canh Tuất", 1899: "Kỷ Hợi"} {
		if got := (Lunar{Year: y}).YearName(); got != want {
			t.Errorf("YearName(%d) = %q, want %q", y, got, want)
		}
	}
}
