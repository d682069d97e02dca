package office

import (
	"context"
	"time"

	"motcua/internal/register"
)

// DayRow is where the register, newest first, reaches a day: the window's
// "Đến ngày" moves its list there.
type DayRow struct {
	// Row is the line of Dossier in the register under the filter (0 is
	// the top line).
	Row int
	// Dossier is the newest dossier received on the day or, when none was,
	// the newest received before it; nil when none was received by then.
	Dossier *register.Dossier
	// OnDay is true when Dossier was received on the day asked for.
	OnDay bool
}

// RowOfDay finds the dossiers received on day (a calendar day in the
// office's time zone) in the register under f, newest entry first: the
// row of the newest one, or of the newest received before the day when
// nothing was received on it.
func (o *Office) RowOfDay(ctx context.Context, f Filter, day time.Time) (DayRow, error) {
	loc := o.Now().Location()
	y, m, dd := day.In(loc).Date()
	start := time.Date(y, m, dd, 0, 0, 0, 0, loc)
	row, d, ok, err := o.st.RowReceivedBefore(ctx, f, start.AddDate(0, 0, 1))
	if err != nil || !ok {
		return DayRow{}, err
	}
	return DayRow{Row: row, Dossier: d, OnDay: !d.ReceivedAt.Before(start)}, nil
}
