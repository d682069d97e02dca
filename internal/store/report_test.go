package store

import (
	"context"
	"fmt"
	"motcua/internal/store/storetest"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/register"
	"motcua/internal/report"
)

func rday(m time.Month, d, h int) time.Time {
	y := 2027
	if m == 12 || m == 11 {
		y = 2026
	}
	return time.Date(y, m, d, h, 0, 0, 0, calendar.Zone)
}

func rp(t time.Time) *time.Time { return &t }

// reportFixture is a small register with the edge cases; the report for
// January 2027 (cut-off 15th: 15/12/2026–14/01/2027) as of 20/01/2027 is
// counted by hand in TestReportTallyByHand.
func reportFixture() []*register.Dossier {
	due := rday(1, 8, 16)
	ds := []*register.Dossier{
		{ProcedureCode: "A", State: register.Returned, ReceivedAt: rday(1, 5, 8), DueAt: due, ReturnedAt: rp(rday(1, 7, 8)), Outcome: register.Early},
		// returned on its due day after the due hour: on time
		{ProcedureCode: "A", State: register.Returned, ReceivedAt: rday(1, 5, 8), DueAt: due, ReturnedAt: rp(rday(1, 8, 17)), Outcome: register.OnTime},
		// rescheduled, returned on the new date: late by law, promise kept
		{ProcedureCode: "A", State: register.Returned, ReceivedAt: rday(1, 5, 8), DueAt: due, NewDueAt: rp(rday(1, 12, 16)), ApologyAt: rp(rday(1, 7, 9)), ReturnedAt: rp(rday(1, 12, 23)), Outcome: register.Late},
		// rescheduled and late again, online
		{ProcedureCode: "B", Channel: register.Online, State: register.Returned, ReceivedAt: rday(1, 5, 8), DueAt: due, NewDueAt: rp(rday(1, 11, 16)), ApologyAt: rp(rday(1, 7, 9)), ReturnedAt: rp(rday(1, 13, 9)), Outcome: register.Late},
		{ProcedureCode: "B", State: register.Refused, ReceivedAt: rday(1, 6, 8), DueAt: due, UpdatedAt: rday(1, 6, 9)},
		{ProcedureCode: "B", Channel: register.ByPost, State: register.Withdrawn, ReceivedAt: rday(1, 6, 8), DueAt: due, UpdatedAt: rday(1, 9, 9)},
		// refused after the period: not counted as refused
		{ProcedureCode: "B", State: register.Refused, ReceivedAt: rday(1, 14, 8), DueAt: due, UpdatedAt: rday(1, 15, 9)},
		{ProcedureCode: "A", State: register.InProgress, ReceivedAt: rday(1, 10, 8), DueAt: rday(1, 14, 16)},
		{ProcedureCode: "A", State: register.Done, ReceivedAt: rday(1, 14, 8), DueAt: rday(1, 20, 16)},
		{ProcedureCode: "A", State: register.SupplementRequested, ReceivedAt: rday(1, 3, 8), DueAt: rday(1, 6, 16), SupplementAt: rp(rday(1, 4, 8))},
		{ProcedureCode: "A", State: register.Returned, ReceivedAt: rday(12, 10, 8), DueAt: rday(12, 18, 16), SupplementAt: rp(rday(12, 11, 8)), ReturnedAt: rp(rday(12, 18, 8)), Outcome: register.OnTime},
		{ProcedureCode: "A", State: register.Returned, ReceivedAt: rday(1, 14, 9), DueAt: rday(1, 19, 16), ReturnedAt: rp(rday(1, 16, 8)), Outcome: register.Early},
		{ProcedureCode: "A", State: register.Returned, ReceivedAt: rday(11, 10, 8), DueAt: rday(11, 18, 16), ReturnedAt: rp(rday(11, 18, 8)), Outcome: register.OnTime},
	}
	for i, d := range ds {
		d.ID = fmt.Sprintf("id-%02d", i)
		d.Code = fmt.Sprintf("X-%02d", i)
		d.Year, d.EntryNo, d.BookNo, d.Sets = 2027, i+1, 1, 1
		d.ProcedureName = map[string]string{"A": "Đăng ký khai sinh", "B": "Chứng thực bản sao"}[d.ProcedureCode]
		d.Applicant.Name = "Nguyễn Văn An"
		d.Limit = calendar.Limit{Value: 3, Unit: calendar.WorkingDays}
		d.ResultMethod = register.AtCounter
		if d.UpdatedAt.IsZero() {
			d.UpdatedAt = d.ReceivedAt
		}
	}
	return ds
}

func openFixture(t testing.TB, ds []*register.Dossier) *Store {
	s, err := Open(storetest.DSN(t, filepath.Join(t.TempDir(), "r.db")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	err = s.Tx(context.Background(), func(tx *Tx) error {
		for i, d := range ds {
			if err := tx.InsertDossier("X", i+1, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReportTallyByHand(t *testing.T) {
	ds := reportFixture()
	s := openFixture(t, ds)
	p, _ := report.ParsePeriod("2027-01", 15)
	now := rday(1, 20, 10)
	tl := report.NewTally(p, now)
	if err := s.ReportTally(context.Background(), tl); err != nil {
		t.Fatal(err)
	}
	r := report.Build(tl)
	f := r.Total
	got := fmt.Sprintf("received %d open %d overdue %d suppl %d apol %d | returned %d early %d on time %d late %d | refused %d withdrawn %d | rescheduled %d kept %d late %d",
		f.Received, f.InProgress, f.OverdueNow, f.Supplements, f.Apologies, f.Returned, f.Early, f.OnTime, f.Late, f.Refused, f.Withdrawn, f.Rescheduled, f.RescheduledKept, f.RescheduledLate)
	want := "received 11 open 3 overdue 1 suppl 1 apol 2 | returned 5 early 1 on time 2 late 2 | refused 1 withdrawn 1 | rescheduled 2 kept 1 late 1"
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	// 3 of 5 by the statutory date; 4 of 5 if the new dates counted.
	if f.Rate != 0.6 || f.RateAgainstNewDay != 0.8 {
		t.Errorf("rate %v, against new dates %v", f.Rate, f.RateAgainstNewDay)
	}
	// Hours 48, 81, 183, 193, 192: median 183 h = 7.6 d; mean 697/5 h = 5.8 d.
	if f.MedianDays != 7.6 || f.AvgDays != 5.8 {
		t.Errorf("days: median %v mean %v", f.MedianDays, f.AvgDays)
	}
	var online report.Channel
	for _, c := range r.Channels {
		if c.Channel == report.ChannelOnline {
			online = c
		}
	}
	if online.Received != 1 || online.Late != 1 || online.Rate != 0 {
		t.Errorf("online %+v", online)
	}

	// The same rows counted in Go (the upper level's path) agree.
	rows := report.NewTally(p, now)
	for _, d := range ds {
		rows.Add(report.RowOf(d))
	}
	if a, b := fmt.Sprintf("%+v", report.Build(rows).Procedures), fmt.Sprintf("%+v", r.Procedures); a != b {
		t.Errorf("rows and SQL disagree:\nrows %s\n sql %s", a, b)
	}
}
