package office

import (
	"context"
	"time"

	"motcua/internal/people"
	"motcua/internal/survey"
)

// OverdueCommitment is a commitment made at a dialogue still not done after
// its deadline, with the dialogue it was made at.
type OverdueCommitment struct {
	Dialogue   string            `json:"dialogue"` // "ĐT 02/2026"
	Commitment survey.Commitment `json:"commitment"`
}

// PeopleAlerts is what the people side puts on the dashboard: this year's
// pledge (target 100%, with the names still to sign), feedback past its due
// date and dialogue commitments past their deadline.
type PeopleAlerts struct {
	Pledge      people.Progress     `json:"pledge"`
	Feedback    []survey.Feedback   `json:"overdue_feedback"`
	Commitments []OverdueCommitment `json:"overdue_commitments"`
}

// PeopleAlerts gathers the dashboard's people figures in one call.
func (o *Office) PeopleAlerts(ctx context.Context) (PeopleAlerts, error) {
	var a PeopleAlerts
	var err error
	if a.Pledge, err = o.PledgeProgress(ctx, 0); err != nil {
		return a, err
	}
	if a.Feedback, err = o.OverdueFeedback(ctx); err != nil {
		return a, err
	}
	ds, err := o.Dialogues(ctx, time.Time{}, time.Time{})
	if err != nil {
		return a, err
	}
	now := o.Now()
	for _, d := range ds {
		for _, c := range d.Commitments {
			if c.DoneOn == nil && c.Late(now) {
				a.Commitments = append(a.Commitments, OverdueCommitment{Dialogue: d.Ref(), Commitment: c})
			}
		}
	}
	return a, nil
}
