package office

import (
	"slices"
	"time"

	"motcua/internal/register"
)

// SuggestApologyDate is the new return date an apology form offers for d:
// the working day after its due date or, when that has passed, after
// today. The clerk changes it as agreed with the handling unit; the window
// and the command line offer the same date.
func (o *Office) SuggestApologyDate(d *register.Dossier) time.Time {
	from := d.DueAt
	if now := o.Now(); now.After(from) {
		from = now
	}
	return o.cfg().cal.AddWorkingDays(from, 1)
}

// OverdueFilter selects the open dossiers past the date last promised
// (before today): what the dashboard counts as "Quá hạn" and the register's
// filter of that name lists.
func (o *Office) OverdueFilter() Filter {
	now := o.Now()
	return Filter{DueBefore: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())}
}

// Matches reports whether d is among the rows f selects (states and due
// date; limit and offset aside): the same rule the store applies, for rows
// already read.
func Matches(d *register.Dossier, f Filter) bool {
	if len(f.States) > 0 && !slices.Contains(f.States, d.State) {
		return false
	}
	if !f.DueBefore.IsZero() {
		open := d.State == register.Received || d.State == register.InProgress || d.State == register.Done
		if !open || !d.EffectiveDue().Before(f.DueBefore) {
			return false
		}
	}
	return true
}
