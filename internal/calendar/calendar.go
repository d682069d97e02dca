package calendar

import (
	"slices"
	"time"
)

// The years New tabulates. Dates outside them are still answered, by
// applying the same rules on the fly (microseconds instead of nanoseconds).
const (
	tableFirstYear = 1990
	tableLastYear  = 2100
)

// DayInfo describes one day (in Zone) of a Calendar.
//
// Reason says, in Vietnamese, why the day is worked or not: "Ngày làm việc",
// "Thứ Bảy", "Chủ nhật", a holiday's name such as "Tết Nguyên đán" or
// "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Nghỉ bù …" for a compensatory day,
// or the reason of an announced schedule's entry (a swapped day off, a
// make-up working day). Holiday is the name of the public holiday the day is
// part of, also when it falls on a weekend, and empty for ordinary,
// compensatory, swapped and make-up days. Provisional marks a day off that
// the program picked by rule (which weekdays make the Tết break, the Quốc
// khánh adjacent day, and the nghỉ bù they give) in a year whose notice is
// not known yet: shown as "dự kiến", never as the law.
type DayInfo struct {
	Date        time.Time // midnight in Zone
	Working     bool
	Provisional bool
	Reason      string
	Holiday     string
	Lunar       Lunar
}

// Calendar answers working-day questions for one office: its Hours and the
// announced schedules it was built with. It is immutable after New and safe
// for concurrent use.
type Calendar struct {
	hours  Hours
	sched  map[int]*Schedule
	first  int64    // day number of the first tabulated day (1 January tableFirstYear)
	prefix []int32  // prefix[i]: working days among tabulated days [0, i)
	work   []int32  // the tabulated index of every working day, in order
	reason []uint16 // index in texts of each tabulated day's Reason
	holy   []uint16 // index in texts of each tabulated day's Holiday
	prov   []int32  // the tabulated index of every provisional day, in order
	texts  []string
}

// New builds a Calendar from office hours and announced schedules (at most
// one per year; see ParseSchedules). It refuses invalid hours or schedules
// with a Vietnamese error. It tabulates 1990–2100 once, so later questions
// about those years are answered in constant time.
func New(h Hours, schedules ...Schedule) (*Calendar, error) {
	if err := h.Validate(); err != nil {
		return nil, err
	}
	if err := checkSchedules(schedules); err != nil {
		return nil, err
	}
	c := &Calendar{hours: h, sched: make(map[int]*Schedule, len(schedules))}
	for _, s := range schedules {
		s.Off = slices.Clone(s.Off)
		s.Work = slices.Clone(s.Work)
		c.sched[s.Year] = &s
	}
	c.first = daysFromCivil(tableFirstYear, time.January, 1)
	n := int(daysFromCivil(tableLastYear+1, time.January, 1) - c.first)
	c.prefix = make([]int32, n+1)
	c.work = make([]int32, 0, n*5/7)
	c.reason = make([]uint16, n)
	c.holy = make([]uint16, n)
	ids := map[string]uint16{}
	intern := func(s string) uint16 {
		id, ok := ids[s]
		if !ok {
			id = uint16(len(c.texts))
			ids[s] = id
			c.texts = append(c.texts, s)
		}
		return id
	}
	i := 0
	for y := tableFirstYear; y <= tableLastYear; y++ {
		for _, r := range buildYear(y, c.sched[y]) {
			c.prefix[i+1] = c.prefix[i]
			if r.working {
				c.prefix[i+1]++
				c.work = append(c.work, int32(i))
			}
			if r.provisional {
				c.prov = append(c.prov, int32(i))
			}
			c.reason[i] = intern(r.reason)
			c.holy[i] = intern(r.holiday)
			i++
		}
	}
	return c, nil
}

// Hours gives the office hours the calendar counts with.
func (c *Calendar) Hours() Hours { return c.hours }

// Schedule gives a copy of the announced schedule of a year, if there is one.
func (c *Calendar) Schedule(year int) (Schedule, bool) {
	s, ok := c.sched[year]
	if !ok {
		return Schedule{}, false
	}
	cp := *s
	cp.Off = slices.Clone(s.Off)
	cp.Work = slices.Clone(s.Work)
	return cp, true
}

// Day describes t's date in Zone.
func (c *Calendar) Day(t time.Time) DayInfo {
	return c.dayInfo(&walker{c: c}, dayNumber(t))
}

func (c *Calendar) dayInfo(w *walker, dn int64) DayInfo {
	r := w.rec(dn)
	return DayInfo{Date: midnight(dn), Working: r.working, Provisional: r.provisional, Reason: r.reason, Holiday: r.holiday, Lunar: lunarOfJD(int(dn) + jdUnix)}
}

// IsWorkingDay tells whether t's date in Zone is a working day.
func (c *Calendar) IsWorkingDay(t time.Time) bool {
	return c.working(dayNumber(t))
}

// NextWorkingDay gives midnight of the first working day strictly after t's date.
func (c *Calendar) NextWorkingDay(t time.Time) time.Time {
	return midnight(c.addWorking(dayNumber(t), 1))
}

// AddWorkingDays gives midnight of the nth working day after t's date, the
// day of t not counted (Bộ luật Dân sự 2015 Điều 147): n = 1 is the next
// working day. n = 0 gives t's date itself; a negative n counts back, so -1
// is the last working day strictly before t's date.
func (c *Calendar) AddWorkingDays(t time.Time, n int) time.Time {
	return midnight(c.addWorking(dayNumber(t), n))
}

// WorkingDaysBetween counts the working days after a's date up to and
// including b's date; when b's date is before a's it gives minus the count
// of working days after b's date up to and including a's.
func (c *Calendar) WorkingDaysBetween(a, b time.Time) int {
	da, db := dayNumber(a), dayNumber(b)
	if db < da {
		return -c.countWorking(db, da)
	}
	return c.countWorking(da, db)
}

// Holidays lists, in date order, the days of a solar year that depart from
// the plain Monday–Friday week: every weekday that is not worked, every
// Saturday or Sunday that is worked, and every Saturday or Sunday on which a
// holiday falls (so a view can show why the following Monday is a nghỉ bù).
func (c *Calendar) Holidays(year int) []DayInfo {
	w := &walker{c: c}
	jan1 := daysFromCivil(year, time.January, 1)
	end := daysFromCivil(year+1, time.January, 1)
	var out []DayInfo
	for dn := jan1; dn < end; dn++ {
		r := w.rec(dn)
		we := isWeekend(dn)
		if we == r.working || (we && r.holiday != "") {
			out = append(out, c.dayInfo(w, dn))
		}
	}
	return out
}

// tabulated gives the table index of day number dn, or -1.
func (c *Calendar) tabulated(dn int64) int {
	i := dn - c.first
	if i < 0 || i >= int64(len(c.reason)) {
		return -1
	}
	return int(i)
}

func (c *Calendar) working(dn int64) bool {
	if i := c.tabulated(dn); i >= 0 {
		return c.prefix[i+1] > c.prefix[i]
	}
	return (&walker{c: c}).rec(dn).working
}

// addWorking is AddWorkingDays on day numbers.
func (c *Calendar) addWorking(dn int64, n int) int64 {
	if n == 0 {
		return dn
	}
	if i := c.tabulated(dn); i >= 0 {
		var pos int64
		if n > 0 {
			pos = int64(c.prefix[i+1]) + int64(n) - 1
		} else {
			pos = int64(c.prefix[i]) + int64(n)
		}
		if pos >= 0 && pos < int64(len(c.work)) {
			return c.first + int64(c.work[pos])
		}
	}
	w := &walker{c: c}
	step := int64(1)
	if n < 0 {
		step, n = -1, -n
	}
	d := dn
	for n > 0 {
		d += step
		if w.rec(d).working {
			n--
		}
	}
	return d
}

// countWorking counts the working days in (x, y], x ≤ y.
func (c *Calendar) countWorking(x, y int64) int {
	lo, hi := c.first, c.first+int64(len(c.reason)) // the table holds [lo, hi)
	count := 0
	w := &walker{c: c}
	d := x + 1
	for ; d <= y && d < lo; d++ {
		if w.rec(d).working {
			count++
		}
	}
	if d <= y && d < hi {
		top := min(y, hi-1)
		count += int(c.prefix[top-lo+1] - c.prefix[d-lo])
		d = top + 1
	}
	for ; d <= y; d++ {
		if w.rec(d).working {
			count++
		}
	}
	return count
}

// walker classifies days one after another, from the table when it can and
// otherwise by building (and keeping, for the walk's duration) one year.
type walker struct {
	c    *Calendar
	year int
	jan1 int64
	recs []dayRec
}

func (w *walker) rec(dn int64) dayRec {
	c := w.c
	if i := c.tabulated(dn); i >= 0 {
		_, prov := slices.BinarySearch(c.prov, int32(i))
		return dayRec{working: c.prefix[i+1] > c.prefix[i], provisional: prov, reason: c.texts[c.reason[i]], holiday: c.texts[c.holy[i]]}
	}
	if w.recs == nil || dn < w.jan1 || dn >= w.jan1+int64(len(w.recs)) {
		w.year = time.Unix(dn*secPerDay, 0).UTC().Year()
		w.jan1 = daysFromCivil(w.year, time.January, 1)
		w.recs = buildYear(w.year, c.sched[w.year])
	}
	if i := dn - w.jan1; i >= 0 && i < int64(len(w.recs)) {
		return w.recs[i]
	}
	// Only for instants beyond what time.Time can name a year for.
	switch weekdayOf(dn) {
	case time.Saturday:
		return dayRec{reason: ReasonSaturday}
	case time.Sunday:
		return dayRec{reason: ReasonSunday}
	}
	return dayRec{working: true, reason: ReasonWorking}
}
