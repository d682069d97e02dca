package report

import (
	"fmt"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/register"
)

func day(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, calendar.Zone)
}

func tp(t time.Time) *time.Time { return &t }

func TestParsePeriod(t *testing.T) {
	cases := []struct {
		in       string
		start    int
		from, to time.Time
		label    string
	}{
		{"2027-01", 15, day(2026, 12, 15, 0), day(2027, 1, 15, 0), "Tháng 01/2027"},
		{"2027-01", 1, day(2027, 1, 1, 0), day(2027, 2, 1, 0), "Tháng 01/2027"},
		{"2027-Q1", 15, day(2026, 12, 15, 0), day(2027, 3, 15, 0), "Quý I/2027"},
		{"2027-q4", 1, day(2027, 10, 1, 0), day(2028, 1, 1, 0), "Quý IV/2027"},
		{"2027-H1", 15, day(2026, 12, 15, 0), day(2027, 6, 15, 0), "6 tháng đầu năm 2027"},
		{"2027-H2", 1, day(2027, 7, 1, 0), day(2028, 1, 1, 0), "6 tháng cuối năm 2027"},
		{"2027", 15, day(2026, 12, 15, 0), day(2027, 12, 15, 0), "Năm 2027"},
		{"2027", 1, day(2027, 1, 1, 0), day(2028, 1, 1, 0), "Năm 2027"},
	}
	for _, c := range cases {
		p, err := ParsePeriod(c.in, c.start)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if !p.From.Equal(c.from) || !p.To.Equal(c.to) || p.Label != c.label {
			t.Errorf("%s/%d = %s..%s %q, want %s..%s %q", c.in, c.start, p.From, p.To, p.Label, c.from, c.to, c.label)
		}
	}
	for _, bad := range []string{"2027-13", "2027-Q5", "27-01", "2027-H3", "tháng 1", "1999"} {
		if _, err := ParsePeriod(bad, 15); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := ParsePeriod("2027", 29); err == nil {
		t.Error("cut-off 29 accepted")
	}
	p, _ := ParsePeriod("2027-01", 15)
	if p.Range() != "15/12/2026 – 14/01/2027" {
		t.Errorf("range %q", p.Range())
	}
}

func TestMonthOfAndTrend(t *testing.T) {
	if got := MonthOf(day(2027, 1, 20, 10), 15).Key; got != "2027-02" {
		t.Errorf("20/01 with cut-off 15 in %s, want 2027-02", got)
	}
	if got := MonthOf(day(2027, 1, 14, 23), 15).Key; got != "2027-01" {
		t.Errorf("14/01 in %s", got)
	}
	if got := MonthOf(day(2027, 12, 20, 10), 15).Key; got != "2028-01" {
		t.Errorf("20/12/2027 in %s", got)
	}
	if got := MonthOf(day(2027, 1, 20, 10), 1).Key; got != "2027-01" {
		t.Errorf("calendar month of 20/01: %s", got)
	}
	for _, sd := range []int{1, 15} {
		y, _ := ParsePeriod("2027", sd)
		tr := TrendMonths(y, 12)
		if len(tr) != 12 || tr[0].Key != "2027-01" || tr[11].Key != "2027-12" {
			t.Fatalf("trend of 2027 (cut-off %d): %s … %s", sd, tr[0].Key, tr[11].Key)
		}
		for i := 1; i < 12; i++ {
			if !tr[i].From.Equal(tr[i-1].To) {
				t.Errorf("gap between %s and %s", tr[i-1].Key, tr[i].Key)
			}
		}
		if !tr[0].From.Equal(y.From) || !tr[11].To.Equal(y.To) {
			t.Errorf("trend does not cover the year (cut-off %d)", sd)
		}
	}
	q, _ := ParsePeriod("2027-Q1", 15)
	tr := TrendMonths(q, 12)
	if tr[11].Key != "2027-03" || tr[0].Key != "2026-04" {
		t.Errorf("trend of Q1: %s … %s", tr[0].Key, tr[11].Key)
	}
}

// fixture is a small register with every edge case, hand-counted below.
// Period: January 2027 with the 15th cut-off, [15/12/2026, 15/01/2027).
func fixture() []Row {
	due := day(2027, 1, 8, 16)
	return []Row{
		// 1. returned early
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.Returned, ReceivedAt: day(2027, 1, 5, 8), DueAt: due, ReturnedAt: tp(day(2027, 1, 7, 8)), Outcome: register.Early},
		// 2. returned on its due date, after the due hour: still on time
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.Returned, ReceivedAt: day(2027, 1, 5, 8), DueAt: due, ReturnedAt: tp(day(2027, 1, 8, 17)), Outcome: register.OnTime},
		// 3. late, rescheduled, returned on the new date: late by law, kept its promise
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.Returned, ReceivedAt: day(2027, 1, 5, 8), DueAt: due, NewDueAt: tp(day(2027, 1, 12, 16)), ApologyAt: tp(day(2027, 1, 7, 9)), ReturnedAt: tp(day(2027, 1, 12, 9)), Outcome: register.Late},
		// 4. late, rescheduled and late again, online
		{ProcedureCode: "B", ProcedureName: "Chứng thực", Channel: ChannelOnline, State: register.Returned, ReceivedAt: day(2027, 1, 5, 8), DueAt: due, NewDueAt: tp(day(2027, 1, 11, 16)), ApologyAt: tp(day(2027, 1, 7, 9)), ReturnedAt: tp(day(2027, 1, 13, 9)), Outcome: register.Late},
		// 5. refused in the period: outside the rate
		{ProcedureCode: "B", ProcedureName: "Chứng thực", State: register.Refused, ReceivedAt: day(2027, 1, 6, 8), DueAt: due, ClosedAt: tp(day(2027, 1, 6, 9))},
		// 6. withdrawn in the period: outside the rate
		{ProcedureCode: "B", ProcedureName: "Chứng thực", Channel: ChannelPost, State: register.Withdrawn, ReceivedAt: day(2027, 1, 6, 8), DueAt: due, ClosedAt: tp(day(2027, 1, 9, 9))},
		// 7. open and overdue now (now = 20/01)
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.InProgress, ReceivedAt: day(2027, 1, 10, 8), DueAt: day(2027, 1, 14, 16)},
		// 8. open, due today: not overdue
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.Received, ReceivedAt: day(2027, 1, 14, 8), DueAt: day(2027, 1, 20, 16)},
		// 9. waiting for a supplement, past due: paused, not overdue
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.SupplementRequested, ReceivedAt: day(2027, 1, 3, 8), DueAt: day(2027, 1, 6, 16), SupplementAt: tp(day(2027, 1, 4, 8))},
		// 10. received before the period, returned inside it after a supplement, on time
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.Returned, ReceivedAt: day(2026, 12, 10, 8), DueAt: day(2026, 12, 18, 16), SupplementAt: tp(day(2026, 12, 11, 8)), ReturnedAt: tp(day(2026, 12, 18, 8)), Outcome: register.OnTime},
		// 11. received inside, returned after the period: received only
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.Returned, ReceivedAt: day(2027, 1, 14, 9), DueAt: day(2027, 1, 19, 16), ReturnedAt: tp(day(2027, 1, 16, 8)), Outcome: register.Early},
		// 12. outside altogether
		{ProcedureCode: "A", ProcedureName: "Khai sinh", State: register.Returned, ReceivedAt: day(2026, 11, 10, 8), DueAt: day(2026, 11, 18, 16), ReturnedAt: tp(day(2026, 11, 18, 8)), Outcome: register.OnTime},
	}
}

// Rows computes a report straight from rows, as the upper level does.
func rowsReport(p Period, now time.Time, rows []Row) Report { return FromRows(p, now, rows) }

func TestFiguresByHand(t *testing.T) {
	p, _ := ParsePeriod("2027-01", 15)
	r := rowsReport(p, day(2027, 1, 20, 10), fixture())
	f := r.Total
	want := Figures{Received: 10, InProgress: 3, OverdueNow: 1, Supplements: 1, Apologies: 2,
		Returned: 5, Early: 1, OnTime: 2, Late: 2, Refused: 1, Withdrawn: 1, Rescheduled: 2, RescheduledKept: 1, RescheduledLate: 1}
	got := f
	got.Rate, got.HasRate, got.RateAgainstNewDay, got.AvgDays, got.MedianDays = 0, false, 0, 0, 0
	got.hours, got.suppl, got.goodEff = nil, 0, 0
	if !sameCounts(got, want) {
		t.Errorf("figures\n got %+v\nwant %+v", got, want)
	}
	if !f.HasRate || f.Rate != 3.0/5 {
		t.Errorf("rate %v, want 3/5 (refused and withdrawn outside)", f.Rate)
	}
	if f.RateAgainstNewDay != 4.0/5 {
		t.Errorf("rate against new dates %v, want 4/5", f.RateAgainstNewDay)
	}
	// Hours: 48, 81, 169, 193, 192 → mean 683/5 = 136.6 h = 5.69 d; median 169 h = 7.04 d.
	if f.AvgDays != 5.7 || f.MedianDays != 7.0 {
		t.Errorf("days avg %v median %v, want 5.7 and 7.0", f.AvgDays, f.MedianDays)
	}
	if len(r.Procedures) != 2 || r.Procedures[0].Code != "A" || r.Procedures[0].Received != 7 || r.Procedures[0].Returned != 4 {
		t.Errorf("procedures %+v", r.Procedures)
	}
	b := r.Procedures[1]
	if b.Received != 3 || b.Returned != 1 || b.Late != 1 || b.Refused != 1 || b.Withdrawn != 1 || b.Rate != 0 || !b.HasRate {
		t.Errorf("procedure B %+v", b)
	}
	ch := map[string]Channel{}
	for _, c := range r.Channels {
		ch[c.Channel] = c
	}
	if len(r.Channels) != 3 || ch[ChannelCounter].Received != 8 || ch[ChannelOnline].Received != 1 || ch[ChannelPost].Received != 1 || ch[ChannelOnline].Late != 1 {
		t.Errorf("channels %+v", r.Channels)
	}
	// Time indicator (2·1 + 1·2 + 0·2)/5 = 0.8; contacts: one returned dossier had a supplement → (2·4 + 1)/5 = 1.8.
	s := r.Score
	if s.Label != EstimateLabel || s.TimeIndicator != 0.8 || s.ContactIndicator != 1.8 || s.Progress != 12 || s.HasSatisfaction {
		t.Errorf("score %+v", s)
	}
	if len(r.Unavailable) != 5 {
		t.Errorf("people figures missing: %v", r.Unavailable)
	}
	r.WithPeople(People{Satisfaction: NewRatio(9, 10)})
	if !r.Score.HasSatisfaction || r.Score.Satisfaction != 16.2 || len(r.Unavailable) != 4 {
		t.Errorf("with satisfaction: %+v %v", r.Score, r.Unavailable)
	}
}

func TestMergeIsSum(t *testing.T) {
	p, _ := ParsePeriod("2027-01", 15)
	now := day(2027, 1, 20, 10)
	rows := fixture()
	a, b := NewTally(p, now), NewTally(p, now)
	for i, r := range rows {
		if i%2 == 0 {
			a.Add(r)
		} else {
			b.Add(r)
		}
	}
	if got, want := Combine(p, now, a, b).Total, rowsReport(p, now, rows).Total; got.Received != want.Received || got.Rate != want.Rate || got.MedianDays != want.MedianDays {
		t.Errorf("merged %+v, want %+v", got, want)
	}
}

func TestDurations(t *testing.T) {
	if a, m := durations(nil); a != 0 || m != 0 {
		t.Error("empty")
	}
	a, m := durations(map[int]int{24: 1, 48: 2, 240: 1})
	if a != 3.8 || m != 2 { // (24+96+240)/4 = 90 h = 3.75 d
		t.Errorf("avg %v median %v", a, m)
	}
	_, m = durations(map[int]int{24: 1, 72: 1})
	if m != 2 {
		t.Errorf("even median %v", m)
	}
}

func TestPercent(t *testing.T) {
	if Percent(0.9523, true) != "95,2%" || Percent(0, false) != "—" {
		t.Error(Percent(0.9523, true))
	}
}

func sameCounts(a, b Figures) bool {
	a.hours, b.hours = nil, nil
	a.Rate, a.HasRate, a.RateAgainstNewDay, a.AvgDays, a.MedianDays, a.suppl, a.goodEff = 0, false, 0, 0, 0, 0, 0
	b.Rate, b.HasRate, b.RateAgainstNewDay, b.AvgDays, b.MedianDays, b.suppl, b.goodEff = 0, false, 0, 0, 0, 0, 0
	return fmt.Sprint(a) == fmt.Sprint(b)
}
