package calendar

import (
	"math/rand"
	"testing"
	"time"
)

var (
	threeDays  = Limit{3, WorkingDays}
	oneDay     = Limit{1, WorkingDays}
	twoDays    = Limit{2, WorkingDays}
	sixteenH   = Limit{16, WorkingHours}
	eightH     = Limit{8, WorkingHours}
	fourH      = Limit{4, WorkingHours}
	oneH       = Limit{1, WorkingHours}
	sameDay    = Limit{Unit: SameDay}
	dueLayout  = "2006-01-02 15:04 Mon"
	dueLayoutS = "2006-01-02 15:04"
)

func TestDue(t *testing.T) {
	c := newCal(t, shipped(t)...)
	for _, w := range []struct {
		name     string
		received string
		limit    Limit
		due      string
	}{
		// Working days: the day of receipt is not counted; due at 16:00.
		{"3 days across Tết 2026", "2026-02-13 10:00", threeDays, "2026-02-25 16:00"},
		{"3 days, Monday", "2026-03-09 08:00", threeDays, "2026-03-12 16:00"},
		{"3 days, Wednesday evening", "2026-03-11 18:30", threeDays, "2026-03-16 16:00"},
		{"1 day before 30/4–1/5 2026", "2026-04-29 10:00", oneDay, "2026-05-04 16:00"},
		{"2 days across 1/1 and the swapped 2/1/2026", "2025-12-31 09:00", twoDays, "2026-01-06 16:00"},
		{"make-up Saturday 10/01/2026 counts", "2026-01-08 10:00", threeDays, "2026-01-12 16:00"},
		{"make-up Saturday 10/01/2026 is a due day", "2026-01-09 10:00", oneDay, "2026-01-10 16:00"},
		{"received on the make-up Saturday", "2026-01-10 09:00", oneDay, "2026-01-12 16:00"},
		{"make-up Saturday 26/04/2025", "2025-04-25 10:00", oneDay, "2025-04-26 16:00"},
		{"swapped Friday 02/05/2025", "2025-04-29 10:00", oneDay, "2025-05-05 16:00"},
		{"received on a Sunday", "2026-03-08 10:00", oneDay, "2026-03-09 16:00"},
		{"received on a Saturday counter", "2026-03-07 09:00", threeDays, "2026-03-11 16:00"},
		{"received on a holiday", "2026-02-17 09:00", oneDay, "2026-02-23 16:00"},
		{"across 24/11/2026", "2026-11-23 10:00", oneDay, "2026-11-25 16:00"},
		{"across Giỗ Tổ and its nghỉ bù 2026", "2026-04-24 10:00", oneDay, "2026-04-28 16:00"},
		{"across Quốc khánh 2025", "2025-08-29 10:00", oneDay, "2025-09-03 16:00"},
		{"rules 2028: 30/4 Sunday, 1/5, nghỉ bù 2/5", "2028-04-28 10:00", oneDay, "2028-05-03 16:00"},
		{"rules 2027: Tết", "2027-02-03 10:00", twoDays, "2027-02-12 16:00"},
		{"20 days", "2026-02-02 10:00", Limit{20, WorkingDays}, "2026-03-09 16:00"},

		// Same day: cut-off 15:00, compared to the minute.
		{"same day 14:59", "2026-03-03 14:59", sameDay, "2026-03-03 16:00"},
		{"same day 15:00", "2026-03-03 15:00", sameDay, "2026-03-03 16:00"},
		{"same day 15:00:59", "2026-03-03 15:00:59", sameDay, "2026-03-03 16:00"},
		{"same day 15:01", "2026-03-03 15:01", sameDay, "2026-03-04 16:00"},
		{"same day before opening", "2026-03-03 06:30", sameDay, "2026-03-03 16:00"},
		{"same day at lunch", "2026-03-03 12:00", sameDay, "2026-03-03 16:00"},
		{"same day after closing", "2026-03-03 17:30", sameDay, "2026-03-04 16:00"},
		{"same day Friday after 15:00", "2026-03-06 15:30", sameDay, "2026-03-09 16:00"},
		{"same day Friday before 15:00", "2026-03-06 14:00", sameDay, "2026-03-06 16:00"},
		{"same day on the eve of Tết", "2026-02-13 15:01", sameDay, "2026-02-23 16:00"},
		{"same day on the eve of 30/4", "2026-04-29 16:00", sameDay, "2026-05-04 16:00"},
		{"same day 31/12", "2026-12-31 15:30", sameDay, "2027-01-04 16:00"},
		{"same day Sunday", "2026-03-08 09:00", sameDay, "2026-03-09 16:00"},
		{"same day Saturday counter", "2026-03-07 09:00", sameDay, "2026-03-09 16:00"},
		{"same day on 24/11/2026", "2026-11-24 09:00", sameDay, "2026-11-25 16:00"},
		{"same day on the make-up Saturday", "2026-01-10 09:00", sameDay, "2026-01-10 16:00"},
		{"same day on the swapped Friday", "2026-01-02 09:00", sameDay, "2026-01-05 16:00"},

		// Working hours: office time 07:00–11:30, 13:30–17:00 (8 hours a day).
		{"16h from 10:00 Monday", "2026-03-09 10:00", sixteenH, "2026-03-11 10:00"},
		{"16h from 07:00", "2026-03-09 07:00", sixteenH, "2026-03-10 17:00"},
		{"16h before opening", "2026-03-09 06:00", sixteenH, "2026-03-10 17:00"},
		{"16h at lunch", "2026-03-09 12:00", sixteenH, "2026-03-11 11:30"},
		{"16h at 11:30", "2026-03-09 11:30", sixteenH, "2026-03-11 11:30"},
		{"16h at 13:30", "2026-03-09 13:30", sixteenH, "2026-03-11 11:30"},
		{"16h at 13:31", "2026-03-09 13:31", sixteenH, "2026-03-11 13:31"},
		{"16h at 17:00", "2026-03-09 17:00", sixteenH, "2026-03-11 17:00"},
		{"16h after closing", "2026-03-09 19:45", sixteenH, "2026-03-11 17:00"},
		{"16h on Sunday", "2026-03-08 10:00", sixteenH, "2026-03-10 17:00"},
		{"16h Friday", "2026-03-06 10:00", sixteenH, "2026-03-10 10:00"},
		{"16h Friday 15:45", "2026-03-06 15:45", sixteenH, "2026-03-10 15:45"},
		{"8h across Tết", "2026-02-13 14:00", eightH, "2026-02-23 14:00"},
		{"8h from 09:15", "2026-03-09 09:15", eightH, "2026-03-10 09:15"},
		{"4h from 08:00 crosses lunch", "2026-03-09 08:00", fourH, "2026-03-09 14:00"},
		{"4h from 07:30 ends at 11:30", "2026-03-09 07:30", fourH, "2026-03-09 11:30"},
		{"1h from 10:30 ends at 11:30", "2026-03-09 10:30", oneH, "2026-03-09 11:30"},
		{"1h from 11:00", "2026-03-09 11:00", oneH, "2026-03-09 14:00"},
		{"1h from 16:30", "2026-03-09 16:30", oneH, "2026-03-10 07:30"},
		{"1h from 16:00 ends at 17:00", "2026-03-09 16:00", oneH, "2026-03-09 17:00"},
		{"24h across the make-up Saturday", "2026-01-08 10:00", Limit{24, WorkingHours}, "2026-01-12 10:00"},
		{"16h on 24/11/2026", "2026-11-23 15:00", sixteenH, "2026-11-26 15:00"},

		// Invalid limits are read as same-day, the strictest.
		{"0 days", "2026-03-03 10:00", Limit{0, WorkingDays}, "2026-03-03 16:00"},
		{"-2 hours", "2026-03-03 15:30", Limit{-2, WorkingHours}, "2026-03-04 16:00"},
		{"unknown unit", "2026-03-03 10:00", Limit{3, "weeks"}, "2026-03-03 16:00"},
	} {
		got := c.Due(moment(t, w.received), w.limit)
		if want := moment(t, w.due); !got.Equal(want) || got.Location() != Zone {
			t.Errorf("%s: Due(%s, %s) = %s, want %s", w.name, w.received, w.limit, got.Format(dueLayout), want.Format(dueLayout))
		}
		if got.Before(moment(t, w.received)) {
			t.Errorf("%s: due %s before receipt %s", w.name, got.Format(dueLayout), w.received)
		}
	}
}

// The same moment given in another zone gives the same due time, in Zone.
func TestDueAnyZone(t *testing.T) {
	c := newCal(t, shipped(t)...)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	zones := []*time.Location{time.UTC, ny, time.FixedZone("UTC-12", -12*3600), time.FixedZone("UTC+14", 14*3600)}
	for _, s := range []string{"2026-02-13 10:00", "2026-03-03 15:00", "2026-03-03 15:01", "2026-03-09 00:30", "2026-03-08 23:59", "2026-11-01 06:00"} {
		vn := moment(t, s)
		for _, l := range []Limit{threeDays, sixteenH, sameDay, oneH} {
			want := c.Due(vn, l)
			for _, z := range zones {
				if got := c.Due(vn.In(z), l); !got.Equal(want) || got.Location() != Zone || got.Format(dueLayoutS) != want.Format(dueLayoutS) {
					t.Errorf("Due(%v, %s) = %v, want %v", vn.In(z), l, got, want)
				}
			}
		}
	}
	// Fri 13/02/2026 10:00 in Vietnam is Thu 12/02 22:00 in New York.
	if got := c.Due(time.Date(2026, 2, 12, 22, 0, 0, 0, ny), threeDays); got.Format(dueLayoutS) != "2026-02-25 16:00" {
		t.Errorf("from New York: %s", got.Format(dueLayout))
	}
	if got := c.Due(time.Date(2026, 2, 13, 3, 0, 0, 0, time.UTC), threeDays); got.Format(dueLayoutS) != "2026-02-25 16:00" {
		t.Errorf("from UTC: %s", got.Format(dueLayout))
	}
	// 2026-03-03 08:00 UTC is 15:00 in Vietnam (in time); 08:01 UTC is 15:01 (too late).
	if got := c.Due(time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC), sameDay); got.Format(dueLayoutS) != "2026-03-03 16:00" {
		t.Errorf("same day 08:00 UTC: %s", got.Format(dueLayout))
	}
	if got := c.Due(time.Date(2026, 3, 3, 8, 1, 0, 0, time.UTC), sameDay); got.Format(dueLayoutS) != "2026-03-04 16:00" {
		t.Errorf("same day 08:01 UTC: %s", got.Format(dueLayout))
	}
}

func TestDueOtherHours(t *testing.T) {
	// A counter without a lunch break, late cut-off, results at 11:00.
	h := Hours{Open: 8 * 60, LunchStart: 12 * 60, LunchEnd: 12 * 60, Close: 16 * 60, Cutoff: 16 * 60, ReturnAt: 11 * 60}
	c, err := New(h)
	if err != nil {
		t.Fatal(err)
	}
	if c.Hours() != h {
		t.Error("Hours() differs")
	}
	for _, w := range []struct {
		received string
		limit    Limit
		due      string
	}{
		{"2026-03-03 10:00", sameDay, "2026-03-03 11:00"},
		{"2026-03-03 11:00:00", sameDay, "2026-03-03 11:00"},
		{"2026-03-03 11:00:01", sameDay, "2026-03-03 16:00"}, // after ReturnAt: due at closing, never before receipt
		{"2026-03-03 15:59", sameDay, "2026-03-03 16:00"},
		{"2026-03-03 16:00:30", sameDay, "2026-03-03 16:01"}, // in time to the minute, due not before receipt
		{"2026-03-03 16:01", sameDay, "2026-03-04 11:00"},
		{"2026-03-03 10:00", Limit{8, WorkingHours}, "2026-03-04 10:00"},
		{"2026-03-03 10:00", Limit{2, WorkingHours}, "2026-03-03 12:00"},
		{"2026-03-03 10:00", Limit{6, WorkingHours}, "2026-03-03 16:00"},
		{"2026-03-03 10:00", Limit{7, WorkingHours}, "2026-03-04 09:00"},
		{"2026-03-03 10:00", oneDay, "2026-03-04 11:00"},
	} {
		if got := c.Due(moment(t, w.received), w.limit); got.Format(dueLayoutS) != w.due {
			t.Errorf("Due(%s, %s) = %s, want %s", w.received, w.limit, got.Format(dueLayout), w.due)
		}
	}
}

// Due agrees with a slow simulation (one minute of office time at a time) for
// thousands of receipts in and out of the tabulated years.
func TestDueAgainstSimulation(t *testing.T) {
	c := newCal(t, shipped(t)...)
	h := c.Hours()
	rng := rand.New(rand.NewSource(2))
	limits := []Limit{oneDay, threeDays, {7, WorkingDays}, sameDay, oneH, fourH, eightH, sixteenH, {40, WorkingHours}}
	for k := 0; k < 4000; k++ {
		base := day(t, "2024-12-01")
		if k%4 == 3 {
			base = day(t, "2100-11-01") // the table ends with 2100
		}
		received := base.Add(time.Duration(rng.Int63n(int64(500 * 24 * time.Hour))))
		if k%5 == 0 {
			received = received.Truncate(time.Minute)
		}
		l := limits[k%len(limits)]
		got := c.Due(received, l)
		want := simulateDue(c, h, received, l)
		if !got.Equal(want) {
			t.Fatalf("Due(%s, %s) = %s, simulation %s", received.Format("2006-01-02 15:04:05 Mon"), l, got.Format(dueLayout), want.Format(dueLayout))
		}
	}
}

// simulateDue is Due written the slow, obvious way.
func simulateDue(c *Calendar, h Hours, received time.Time, l Limit) time.Time {
	received = received.In(Zone)
	d := dayStart(received)
	minute := Clock(received.Hour()*60 + received.Minute())
	atClock := func(d time.Time, c Clock) time.Time { return d.Add(time.Duration(c) * time.Minute) }
	nextWorking := func(d time.Time) time.Time {
		for d = d.AddDate(0, 0, 1); !c.Day(d).Working; d = d.AddDate(0, 0, 1) {
		}
		return d
	}
	switch l.Unit {
	case WorkingDays:
		for i := 0; i < l.Value; i++ {
			d = nextWorking(d)
		}
		return atClock(d, h.ReturnAt)
	case WorkingHours:
		inOffice := func(m Clock) bool { return (m >= h.Open && m < h.LunchStart) || (m >= h.LunchEnd && m < h.Close) }
		left := l.Value * 60
		m := minute
		for {
			if c.Day(d).Working {
				for ; m < 24*60; m++ {
					if inOffice(m) {
						left--
						if left == 0 {
							return atClock(d, m+1)
						}
					}
				}
			}
			d, m = d.AddDate(0, 0, 1), 0
		}
	}
	if c.Day(d).Working && minute <= h.Cutoff {
		return atClock(d, h.ReturnAt)
	}
	return atClock(nextWorking(d), h.ReturnAt)
}
