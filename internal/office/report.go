package office

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"motcua/internal/docs"
	"motcua/internal/letters"
	"motcua/internal/register"
	"motcua/internal/report"
	"motcua/internal/store"
)

// ReportStartDay is the reporting cut-off in force (report.DefaultStartDay
// unless the settings say otherwise).
func (o *Office) ReportStartDay() int {
	if d := o.cfg().profile.ReportStartDay; report.CheckStartDay(d) == nil {
		return d
	}
	return report.DefaultStartDay
}

// ReportPeriod reads a period as the clerk gives it: "2027-01", "2027-Q1",
// "2027-H1" or "2027" with the office's cut-off; or a custom range of whole
// days when from and to are set. Empty means the current reporting month.
func (o *Office) ReportPeriod(spec string, from, to time.Time) (report.Period, error) {
	spec = strings.TrimSpace(spec)
	switch {
	case !from.IsZero() || !to.IsZero():
		if spec != "" {
			return report.Period{}, fmt.Errorf("chọn kỳ báo cáo hoặc khoảng ngày (từ ngày, đến ngày), không chọn cả hai")
		}
		if from.IsZero() || to.IsZero() {
			return report.Period{}, fmt.Errorf("khoảng ngày cần cả ngày đầu và ngày cuối")
		}
		p, err := report.Custom(from, to)
		p.StartDay = o.ReportStartDay() // its trend runs in the office's reporting months
		return p, err
	case spec == "":
		return report.MonthOf(o.Now(), o.ReportStartDay()), nil
	}
	return report.ParsePeriod(spec, o.ReportStartDay())
}

// Report computes the period's figures from the register, with the trend
// of the 12 reporting months ending with the period when trend is set.
func (o *Office) Report(ctx context.Context, p report.Period, trend bool) (report.Report, error) {
	now := o.Now()
	var months []*report.Tally
	if trend {
		for _, m := range report.TrendMonths(p, 12) {
			mt := report.NewTally(m, now)
			if err := o.st.ReportTally(ctx, mt); err != nil {
				return report.Report{}, err
			}
			months = append(months, mt)
		}
	}
	// Counts add up over disjoint periods: a period made of the trend's
	// months is their sum, without reading the register twice.
	t := report.NewTally(p, now)
	covered := p.From
	for _, mt := range months {
		if mt.Period.From.Equal(covered) && !mt.Period.To.After(p.To) {
			t.Merge(mt)
			covered = mt.Period.To
		}
	}
	if !covered.Equal(p.To) {
		t = report.NewTally(p, now)
		if err := o.st.ReportTally(ctx, t); err != nil {
			return report.Report{}, err
		}
	}
	r := report.Build(t)
	r.Commune = o.cfg().profile.Commune
	pp, err := o.peopleFigures(ctx, p)
	if err != nil {
		return report.Report{}, err
	}
	r.WithPeople(pp)
	for _, mt := range months {
		r.Trend = append(r.Trend, report.Point{Period: mt.Period, Total: report.Build(mt).Total})
	}
	return r, nil
}

// ReportBook is the register book of the dossiers received in the period,
// laid out as the paper book's columns.
func (o *Office) ReportBook(ctx context.Context, p report.Period) ([]report.BookRow, error) {
	ds, err := o.st.ReceivedBetween(ctx, p.From, p.To)
	if err != nil {
		return nil, err
	}
	rows := make([]report.BookRow, 0, len(ds))
	for i := range ds {
		if i%stepEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		d := &ds[i]
		r := report.BookRow{EntryNo: d.EntryNo, Code: d.Code, Procedure: d.ProcedureName, Sets: d.Sets,
			Applicant: d.Applicant.Name, Address: d.Applicant.Address, Phone: d.Applicant.Phone, HandlingUnit: d.HandlingUnit,
			ReceivedAt: d.ReceivedAt, DueAt: d.DueAt, ForwardedAt: d.ForwardedAt, ResultAt: d.DoneAt, ReturnedAt: d.ReturnedAt,
			ResultMethod: register.ResultMethodVietnamese(d.ResultMethod), Channel: report.ChannelVietnamese(d.Channel),
			Outcome: d.Outcome.Vietnamese(), State: d.State.Vietnamese()}
		var note []string
		switch d.State {
		case register.Refused:
			note = append(note, "Từ chối: "+d.ClosedReason)
		case register.Withdrawn:
			note = append(note, "Rút hồ sơ")
		case register.SupplementRequested:
			note = append(note, "Chờ bổ sung")
		}
		if d.NewDueAt != nil {
			note = append(note, "Hẹn lại "+d.NewDueAt.Format("02/01/2006"))
		}
		if d.Note != "" {
			note = append(note, d.Note)
		}
		r.Note = strings.Join(note, "; ")
		rows = append(rows, r)
	}
	return rows, nil
}

// Report output formats.
const (
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
	FormatCSV  = "csv"
)

// WriteReport renders a report as a PDF in the Decree 30 layout, a
// workbook (the report, per procedure, 12 months and the period's register
// book) or CSV.
func (o *Office) WriteReport(ctx context.Context, w io.Writer, r report.Report, format string) error {
	return stopped(ctx, o.writeReport(ctx, w, r, format))
}

func (o *Office) writeReport(ctx context.Context, w io.Writer, r report.Report, format string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	switch format {
	case FormatPDF:
		f, err := Fonts()
		if err != nil {
			return err
		}
		return docs.ReportPDF(w, f, o.DocProfile(), docs.ReportInput{Report: r, UpperLevel: o.cfg().profile.UpperLevel})
	case FormatXLSX:
		book, err := o.ReportBook(ctx, r.Period)
		if err != nil {
			return err
		}
		step := stepper(ctx, len(book))
		if err := report.WriteXLSXStep(w, r, book, step); err != nil {
			return err
		}
		reportDone(ctx, len(book))
		return nil
	case FormatCSV:
		return report.WriteCSV(w, r)
	}
	return fmt.Errorf("định dạng %q không có: dùng pdf, xlsx hoặc csv", format)
}

// peopleFigures are the period's figures of the people-and-outreach
// records: satisfaction of the dossiers returned in the period, feedback
// received in it and answered on time, letters issued in it by kind, and
// the staff who signed the pledge for the period's year, and the dialogues
// held in it with their commitments done.
func (o *Office) peopleFigures(ctx context.Context, p report.Period) (report.People, error) {
	var pf report.People
	sat, err := o.Satisfaction(ctx, p.From, p.Last())
	if err != nil {
		return pf, err
	}
	pf.Satisfaction = report.NewRatio(sat.Satisfied, sat.Rated)
	pf.Rated = report.NewRatio(sat.Rated, sat.Returned)
	fs, err := o.FeedbackList(ctx, p.From, p.Last())
	if err != nil {
		return pf, err
	}
	fb := o.SummarizeFeedback(fs)
	pf.FeedbackOnTime = report.NewRatio(fb.OnTime, fb.Received)
	ls, err := o.st.Letters(ctx, store.LetterFilter{DraftedFrom: p.From.AddDate(-1, 0, 0), DraftedTo: p.To})
	if err != nil {
		return pf, err
	}
	pf.Letters = map[string]int{}
	for _, l := range ls {
		if l.IssuedAt != nil && !l.IssuedAt.Before(p.From) && l.IssuedAt.Before(p.To) {
			pf.Letters[letters.Kind(l.Kind).Name()]++
		}
	}
	pr, err := o.PledgeProgress(ctx, p.Last().Year())
	if err != nil {
		return pf, err
	}
	pf.Pledged = report.NewRatio(pr.Signed, pr.Staff)
	pf.NotPledged = pr.Missing
	// Dialogues held in the period, and what became of their commitments.
	ds, err := o.Dialogues(ctx, p.From, p.Last())
	if err != nil {
		return pf, err
	}
	dsum := o.DialogueSummary(ds)
	held := dsum.Dialogues
	pf.Dialogues = &held
	pf.CommitmentsDone = report.NewRatio(dsum.DoneOnTime+dsum.DoneLate, dsum.Commitments)
	return pf, nil
}
