package office

import (
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
