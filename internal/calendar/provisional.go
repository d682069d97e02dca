package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"
)

// Announced reports whether the calendar holds an announced schedule for
// year: the Government's notice (or an administrator's entry of it) decides
// that year's Tết break, Quốc khánh adjacent day and swaps. Years without one
// from 2021 on use the program's rules, whose picks are provisional.
func (c *Calendar) Announced(year int) bool {
	_, ok := c.sched[year]
	return ok
}

// AwaitingNotice reports whether year's Tết break or Quốc khánh adjacent day
// is still the program's guess (no announced schedule gives it): such a year
// waits for the Government's notice.
func (c *Calendar) AwaitingNotice(year int) bool {
	if year < provisionalFrom {
		return false
	}
	jan1 := daysFromCivil(year, time.January, 1)
	end := daysFromCivil(year+1, time.January, 1)
	w := &walker{c: c}
	for dn := jan1; dn < end; dn++ {
		if w.rec(dn).provisional {
			return true
		}
	}
	return false
}

// ProvisionalDays lists, in date order, the provisional days (see DayInfo)
// from a's date to b's date, both included.
func (c *Calendar) ProvisionalDays(a, b time.Time) []time.Time {
	da, db := dayNumber(a), dayNumber(b)
	if db < da {
		da, db = db, da
	}
	var out []time.Time
	lo, hi := c.first, c.first+int64(len(c.reason))
	w := &walker{c: c}
	for dn := da; dn <= db; dn++ {
		if dn >= lo && dn < hi {
			// Jump through the table's sorted list instead of walking day by day.
			i, _ := slices.BinarySearch(c.prov, int32(dn-lo))
			for ; i < len(c.prov) && c.first+int64(c.prov[i]) <= db; i++ {
				out = append(out, midnight(c.first+int64(c.prov[i])))
			}
			dn = hi - 1
			continue
		}
		if w.rec(dn).provisional {
			out = append(out, midnight(dn))
		}
	}
	return out
}

// CrossesProvisional reports whether a count from receivedAt to due passes
// a provisional day (the day of receipt and the due day included): the due
// date then rests on the program's guess of a notice not yet issued, and the
// clerk should tell the citizen it may move.
func (c *Calendar) CrossesProvisional(receivedAt, due time.Time) bool {
	da, db := dayNumber(receivedAt), dayNumber(due)
	if db < da {
		da, db = db, da
	}
	if i := c.tabulated(da); i >= 0 && c.tabulated(db) >= 0 {
		k, _ := slices.BinarySearch(c.prov, int32(i))
		return k < len(c.prov) && c.first+int64(c.prov[k]) <= db
	}
	return len(c.ProvisionalDays(receivedAt, due)) > 0
}

// YearFingerprint is a short digest of which days of year are worked. Two
// calendars with the same fingerprint for a year count every due date in it
// alike; a register remembers the fingerprint its due dates were checked
// against, so a corrected schedule (or a corrected rule) is noticed.
func (c *Calendar) YearFingerprint(year int) string {
	jan1 := daysFromCivil(year, time.January, 1)
	end := daysFromCivil(year+1, time.January, 1)
	bits := make([]byte, (end-jan1+7)/8)
	for dn := jan1; dn < end; dn++ {
		if c.working(dn) {
			k := dn - jan1
			bits[k/8] |= 1 << (k % 8)
		}
	}
	sum := sha256.Sum256(bits)
	return hex.EncodeToString(sum[:8])
}
