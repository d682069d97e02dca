package calendar

import "time"

// Due gives the moment a result is due (ngày giờ hẹn trả kết quả) for a
// dossier received at receivedAt under limit l, in Zone, to the minute:
//
//   - WorkingDays n: the nth working day after the day of receipt (that day
//     not counted), at Hours.ReturnAt.
//   - SameDay: the day of receipt at ReturnAt when it is a working day and the
//     receipt clock, to the minute, is not after Cutoff (15:00:59 is still
//     15:00 and in time; 15:01 is late); otherwise the next working day at
//     ReturnAt. Never before the receipt: received after ReturnAt but by the
//     cut-off (possible only with unusual hours) it is due at Close.
//   - CalendarDays n: the nth day after the day of receipt, at ReturnAt; when
//     that day is not a working day, the next working day (Bộ luật Dân sự
//     2015 Điều 148).
//   - WorkingHours n: n hours of office time (Open–LunchStart and
//     LunchEnd–Close of working days) counted from the receipt minute, or from
//     the start of the next office period when received outside office time.
//     Work that ends exactly at a period's end is due at that end (11:30, not 13:30).
//
// A limit with a value below 1, or an unknown unit, is treated as SameDay,
// the strictest reading; callers should check Limit.Validate first.
func (c *Calendar) Due(receivedAt time.Time, l Limit) time.Time {
	sec := receivedAt.Unix() + zoneOffset
	dn := floorDiv(sec, secPerDay)
	secOfDay := sec - dn*secPerDay
	m := Clock(secOfDay / 60)
	h := &c.hours
	switch {
	case l.Unit == WorkingDays && l.Value >= 1:
		return at(c.addWorking(dn, l.Value), h.ReturnAt)
	case l.Unit == WorkingHours && l.Value >= 1:
		return c.dueHours(dn, m, l.Value*60)
	case l.Unit == CalendarDays && l.Value >= 1:
		end := dn + int64(l.Value)
		if !c.working(end) {
			end = c.addWorking(end, 1)
		}
		return at(end, h.ReturnAt)
	}
	if m <= h.Cutoff && c.working(dn) {
		if secOfDay <= int64(h.ReturnAt)*60 {
			return at(dn, h.ReturnAt)
		}
		due := h.Close
		if up := Clock((secOfDay + 59) / 60); up > due {
			due = up
		}
		return at(dn, due)
	}
	return at(c.addWorking(dn, 1), h.ReturnAt)
}

// dueHours counts rem minutes of office time from clock m of day dn.
func (c *Calendar) dueHours(dn int64, m Clock, rem int) time.Time {
	h := &c.hours
	perDay := h.dayMinutes()
	done := perDay // nothing left of a day off
	if c.working(dn) {
		done = h.elapsed(m)
	}
	left := perDay - done
	if rem <= left {
		return at(dn, h.clockAt(done+rem))
	}
	rem -= left
	k := (rem + perDay - 1) / perDay // the working day on which the count ends
	return at(c.addWorking(dn, k), h.clockAt(rem-(k-1)*perDay))
}

// at is clock clk of day number dn, in Zone.
func at(dn int64, clk Clock) time.Time {
	return time.Unix(dn*secPerDay+int64(clk)*60-zoneOffset, 0).In(Zone)
}
