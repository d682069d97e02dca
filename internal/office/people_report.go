package office

import (
	"context"
	"time"

	"motcua/internal/people"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/survey"
)

// PeopleFigures are the people-and-outreach figures of a reporting period,
// for report.Report.WithPeople: satisfaction of the dossiers returned in the
// period, feedback received in it answered on time, letters issued by kind,
// the pledge of the period's last year, dialogues held and their
// commitments done. A figure stays nil while the register keeps no record
// it counts, so the report names it as unavailable.
func (o *Office) PeopleFigures(ctx context.Context, p report.Period) (report.People, error) {
	var out report.People
	from, to := p.From, p.To
	rs, err := o.st.Ratings(ctx, from, to)
	if err != nil {
		return out, err
	}
	if len(rs) > 0 {
		returned, err := o.st.CountReturned(ctx, from, to)
		if err != nil {
			return out, err
		}
		s := survey.Summarize(rs, returned)
		out.Satisfaction = report.NewRatio(s.Satisfied, s.Rated)
		out.Rated = report.NewRatio(s.Rated, s.Returned)
	}
	fs, err := o.FeedbackList(ctx, from, to.AddDate(0, 0, -1))
	if err != nil {
		return out, err
	}
	if len(fs) > 0 {
		s := o.SummarizeFeedback(fs)
		out.FeedbackOnTime = report.NewRatio(s.OnTime, s.Received)
	}
	ls, err := o.st.Letters(ctx, storeLetterFilter(from, to))
	if err != nil {
		return out, err
	}
	// The register always keeps its letters: none issued is a figure (0),
	// not a missing one.
	out.Letters = map[string]int{}
	for _, l := range ls {
		if l.IssuedAt == nil || l.IssuedAt.Before(from) || !l.IssuedAt.Before(to) {
			continue
		}
		out.Letters[l.Kind]++
	}
	staff, err := o.st.StaffList(ctx)
	if err != nil {
		return out, err
	}
	if len(staff) > 0 {
		last := to.Add(-time.Second)
		year := last.Year()
		gs, err := o.st.Signings(ctx, year)
		if err != nil {
			return out, err
		}
		pr := people.PledgeProgress(staff, gs, year, minTime(last, o.Now()))
		out.Pledged, out.NotPledged = report.NewRatio(pr.Signed, pr.Staff), pr.Missing
	}
	ds, err := o.st.Dialogues(ctx, from, to)
	if err != nil {
		return out, err
	}
	if len(ds) > 0 {
		s := o.DialogueSummary(ds)
		n := s.Dialogues
		out.Dialogues = &n
		out.CommitmentsDone = report.NewRatio(s.DoneOnTime+s.DoneLate, s.Commitments)
	}
	return out, nil
}

// storeLetterFilter selects letters that may have been issued in [from, to):
// drafted up to a month before the period.
func storeLetterFilter(from, to time.Time) store.LetterFilter {
	return store.LetterFilter{DraftedFrom: from.AddDate(0, -1, 0), DraftedTo: to}
}
