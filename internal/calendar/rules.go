package calendar

import (
	"sort"
	"time"
)

// Holiday names, as Bộ luật Lao động 2019 Điều 112 names them.
const (
	NameNewYear     = "Tết Dương lịch"
	NameTet         = "Tết Nguyên đán"
	NameHungKings   = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
	NameVictory     = "Ngày Chiến thắng (30/4)"
	NameLabour      = "Ngày Quốc tế Lao động (1/5)"
	NameNational    = "Quốc khánh (2/9)"
	NameNationalAdj = "Quốc khánh (ngày liền kề 2/9)"
	NameCulture     = "Ngày Văn hóa Việt Nam (24/11)"
)

// Reasons given for days that are not holidays.
const (
	ReasonWorking      = "Ngày làm việc"
	ReasonSaturday     = "Thứ Bảy"
	ReasonSunday       = "Chủ nhật"
	ReasonCompensation = "Nghỉ bù " // followed by the holiday's name
	ReasonMakeUp       = "Làm bù"   // a Work entry without a reason
	ReasonAnnounced    = "Nghỉ theo lịch công bố"
)

// The years from which a rule applies.
const (
	hungKingsFrom   = 2007 // Giỗ Tổ a paid holiday (Bộ luật Lao động sửa đổi 2007)
	tetFiveDaysFrom = 2013 // Tết 5 days instead of 4 (Bộ luật Lao động 2012)
	nationalAdjFrom = 2021 // Quốc khánh 2 days (Bộ luật Lao động 2019)
	cultureFrom     = 2026 // 24/11 Ngày Văn hóa Việt Nam
	provisionalFrom = 2021 // the first year shipped with an announced schedule; rule picks from here on are provisional
	tetWindow       = 10   // days either side of mùng 1 in which a schedule's day off belongs to Tết
)

// dayRec is the classification of one day.
type dayRec struct {
	working     bool
	provisional bool // a day off the program picked by rule, in a year whose notice does not say (dự kiến)
	reason      string
	holiday     string
}

// daysFromCivil is the day number (days since 1970-01-01) of a Gregorian date.
func daysFromCivil(y int, m time.Month, d int) int64 {
	return int64(jdFromDate(d, int(m), y) - jdUnix)
}

// weekdayOf is the weekday of a day number (1970-01-01 was a Thursday).
func weekdayOf(dn int64) time.Weekday {
	return time.Weekday(mod(int(dn%7)+4, 7))
}

func isWeekend(dn int64) bool {
	w := weekdayOf(dn)
	return w == time.Saturday || w == time.Sunday
}

func isLeapYear(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// nationalAdjacent is the default Quốc khánh adjacent day, as an offset from
// 2/9 (-1 for 1/9, +1 for 3/9), by the weekday of 2/9: a weekday neighbour,
// the one that joins the weekend when both are weekdays, and 1/9 when 2/9 is
// a Wednesday.
func nationalAdjacent(w time.Weekday) int64 {
	switch w {
	case time.Monday, time.Thursday, time.Sunday:
		return +1
	}
	return -1
}

// buildYear classifies every day of solar year y from the rules and, when s
// is not nil, the announced schedule of that year. It is the single source of
// truth: New tabulates it, and dates outside the table are classified by it
// on the fly.
func buildYear(y int, s *Schedule) []dayRec {
	jan1 := daysFromCivil(y, time.January, 1)
	n := 365
	if isLeapYear(y) {
		n = 366
	}
	recs := make([]dayRec, n)
	for i := range recs {
		switch weekdayOf(jan1 + int64(i)) {
		case time.Saturday:
			recs[i] = dayRec{reason: ReasonSaturday}
		case time.Sunday:
			recs[i] = dayRec{reason: ReasonSunday}
		default:
			recs[i] = dayRec{working: true, reason: ReasonWorking}
		}
	}
	idx := func(m time.Month, d int) int { return int(daysFromCivil(y, m, d) - jan1) }

	tet1 := -1
	if jd, err := jdOfLunar(Lunar{Day: 1, Month: 1, Year: y}); err == nil {
		tet1 = jd - jdUnix - int(jan1)
	}
	natl := idx(time.September, 2)

	// The schedule's Off days, and whether they carry the year's Tết and
	// Quốc khánh picks (then the default picks are not made).
	var tetPicked, natlPicked bool
	type dated struct {
		i int
		e Entry
	}
	var offs, works []dated
	if s != nil {
		for _, e := range s.Off {
			i := entryIndex(e, jan1, n)
			if i < 0 {
				continue // New refuses such schedules; be safe anyway
			}
			offs = append(offs, dated{i, e})
			if tet1 >= 0 && abs(i-tet1) <= tetWindow {
				tetPicked = true
			}
			if i != natl && abs(i-natl) <= 2 {
				natlPicked = true
			}
		}
		for _, e := range s.Work {
			if i := entryIndex(e, jan1, n); i >= 0 {
				works = append(works, dated{i, e})
			}
		}
	}

	type hol struct {
		i    int
		name string
		prov bool // its nghỉ bù is provisional
	}
	var hols []hol
	// add makes day i a holiday; prov marks a day the rules picked where the
	// year's notice would decide (the Tết days, the Quốc khánh adjacent day)
	// and no notice is known: such days, and the nghỉ bù they give, are
	// provisional (dự kiến).
	add := func(i int, name string, prov, provComp bool) {
		if i < 0 || i >= n {
			return
		}
		recs[i] = dayRec{reason: name, holiday: name, provisional: prov && !isWeekend(jan1+int64(i))}
		hols = append(hols, hol{i, name, prov || provComp})
	}
	provTet := y >= provisionalFrom && !tetPicked
	provNatl := y >= provisionalFrom && !natlPicked
	add(idx(time.January, 1), NameNewYear, false, false)
	if tet1 >= 0 && !tetPicked {
		first := tet1 - 1
		if y >= tetFiveDaysFrom {
			first = tet1 - 2
		}
		for i := first; i <= tet1+2; i++ {
			add(i, NameTet, provTet, false)
		}
	}
	if y >= hungKingsFrom {
		if jd, err := jdOfLunar(Lunar{Day: 10, Month: 3, Year: y}); err == nil {
			add(jd-jdUnix-int(jan1), NameHungKings, false, false)
		}
	}
	add(idx(time.April, 30), NameVictory, false, false)
	add(idx(time.May, 1), NameLabour, false, false)
	add(natl, NameNational, false, provNatl) // law; its nghỉ bù depends on the adjacent pick
	if y >= nationalAdjFrom && !natlPicked {
		add(natl+int(nationalAdjacent(weekdayOf(jan1+int64(natl)))), NameNationalAdj, provNatl, false)
	}
	if y >= cultureFrom {
		add(idx(time.November, 24), NameCulture, false, false)
	}

	// Nghỉ bù (Bộ luật Lao động 2019 Điều 111(3)): a holiday of Article
	// 112(1) on a Saturday or Sunday, or on a day another holiday already
	// took, gives the next weekday that is not itself off. Holidays are taken
	// in date order so stacked ones take the following days in turn. 24/11 is
	// set outside Article 112(1) and gives none (see the package doc).
	sort.SliceStable(hols, func(a, b int) bool { return hols[a].i < hols[b].i })
	taken := map[int]bool{}
	for _, h := range hols {
		clash := taken[h.i]
		taken[h.i] = true
		if h.name == NameCulture {
			continue
		}
		if !isWeekend(jan1+int64(h.i)) && !clash {
			continue
		}
		j := h.i + 1
		for j < n && !recs[j].working {
			j++
		}
		if j < n {
			recs[j] = dayRec{reason: ReasonCompensation + h.name, provisional: h.prov}
		}
	}

	// The schedule last: its Off days, then its Work days, win.
	for _, o := range offs {
		i, e := o.i, o.e
		if recs[i].holiday != "" {
			continue // a fixed holiday keeps its own name
		}
		r := dayRec{reason: e.Reason}
		switch {
		case tet1 >= 0 && abs(i-tet1) <= tetWindow:
			r.holiday = NameTet
		case y >= nationalAdjFrom && abs(i-natl) == 1 && !isWeekend(jan1+int64(i)):
			r.holiday = NameNationalAdj
		}
		if r.reason == "" {
			r.reason = r.holiday
		}
		if r.reason == "" {
			r.reason = ReasonAnnounced
		}
		recs[i] = r
	}
	for _, w := range works {
		r := dayRec{working: true, reason: w.e.Reason}
		if r.reason == "" {
			r.reason = ReasonMakeUp
		}
		recs[w.i] = r
	}
	return recs
}

// entryIndex is the day of the year of a validated entry, or -1.
func entryIndex(e Entry, jan1 int64, n int) int {
	d, err := time.Parse("2006-01-02", e.Date)
	if err != nil {
		return -1
	}
	i := int(daysFromCivil(d.Year(), d.Month(), d.Day()) - jan1)
	if i < 0 || i >= n {
		return -1
	}
	return i
}

func abs(a int) int {
	if a < 0 {
		return -a
	}
	return a
}
