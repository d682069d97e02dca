package office

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"motcua/assets"
	"motcua/internal/calendar"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
)

// DueProvisional reports whether a dossier's due date rests on a provisional
// day (dự kiến): its count of working days, from receipt (or from the return
// of the completed dossier after a supplement) to the due date, crosses a day
// the program picked by rule in a year whose notice is not known yet. The
// clerk then tells the citizen the date may move. The window shows it beside
// the due date; `--json` prints it as "provisional".
func (o *Office) DueProvisional(d *register.Dossier) bool {
	return o.Calendar().CrossesProvisional(clockStart(d), d.DueAt)
}

// clockStart is the moment a dossier's time limit runs from.
func clockStart(d *register.Dossier) time.Time {
	if d.ResumedAt != nil {
		return *d.ResumedAt
	}
	return d.ReceivedAt
}

// YearStatus is whether a year's calendar is announced or still the
// program's provisional guess.
type YearStatus struct {
	Year           int    `json:"year"`
	Announced      bool   `json:"announced"`       // an announced schedule (shipped or stored) exists
	AwaitingNotice bool   `json:"awaiting_notice"` // Tết or the Quốc khánh adjacent day is provisional (dự kiến)
	Source         string `json:"source,omitempty"`
	Confidence     string `json:"confidence,omitempty"`
	Stored         bool   `json:"stored"` // the office's own schedule replaces the shipped one
	// ShippedDiffers: the office's stored schedule gives other working days
	// than the one shipped with this release (a correction it has not taken:
	// `motcua calendar schedule YEAR shipped` reviews it).
	ShippedDiffers bool `json:"shipped_differs,omitempty"`
}

// CalendarYears lists, from 2021 to four years after this one, whether each
// year's schedule is announced or waits for the Government's notice.
func (o *Office) CalendarYears(ctx context.Context) ([]YearStatus, error) {
	stored, err := o.storedSchedules(ctx)
	if err != nil {
		return nil, err
	}
	cal := o.Calendar()
	var shipped *calendar.Calendar
	if len(stored) > 0 {
		ss, err := calendar.ParseSchedules(assets.CalendarSchedules)
		if err != nil {
			return nil, err
		}
		if shipped, err = calendar.New(o.Profile().Hours, ss...); err != nil {
			return nil, err
		}
	}
	var out []YearStatus
	for y := 2021; y <= o.Now().Year()+4; y++ {
		st := YearStatus{Year: y, Announced: cal.Announced(y), AwaitingNotice: cal.AwaitingNotice(y)}
		if s, ok := cal.Schedule(y); ok {
			st.Source, st.Confidence = s.Source, s.Confidence
		}
		_, st.Stored = stored[y]
		if st.Stored && shipped.Announced(y) {
			st.ShippedDiffers = shipped.YearFingerprint(y) != cal.YearFingerprint(y)
		}
		out = append(out, st)
	}
	return out, nil
}

// YearsAwaitingNotice lists the years (from 2021 to four years ahead) whose
// Tết or Quốc khánh days are still the program's guess.
func (o *Office) YearsAwaitingNotice(ctx context.Context) ([]int, error) {
	ys, err := o.CalendarYears(ctx)
	if err != nil {
		return nil, err
	}
	var out []int
	for _, y := range ys {
		if y.AwaitingNotice {
			out = append(out, y.Year)
		}
	}
	return out, nil
}

func (o *Office) storedSchedules(ctx context.Context) (map[int]calendar.Schedule, error) {
	raws, err := o.st.Schedules(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int]calendar.Schedule{}
	for _, raw := range raws {
		ss, err := calendar.ParseSchedules(append(append([]byte("["), raw...), ']'))
		if err != nil {
			return nil, fmt.Errorf("lịch nghỉ đã lưu bị lỗi: %w", err)
		}
		for _, s := range ss {
			out[s.Year] = s
		}
	}
	return out, nil
}

// ShippedSchedule gives the announced schedule of a year shipped with the
// program, if any.
func ShippedSchedule(year int) (calendar.Schedule, bool, error) {
	ss, err := calendar.ParseSchedules(assets.CalendarSchedules)
	if err != nil {
		return calendar.Schedule{}, false, err
	}
	for _, s := range ss {
		if s.Year == year {
			return s, true, nil
		}
	}
	return calendar.Schedule{}, false, nil
}

// DueChange is one dossier whose due date or outcome a corrected calendar
// changes: the dry run an administrator reads before confirming.
type DueChange struct {
	Code       string           `json:"code"`
	Procedure  string           `json:"procedure"`
	Applicant  string           `json:"applicant"`
	State      register.State   `json:"state"`
	OldDue     time.Time        `json:"old_due"`
	NewDue     time.Time        `json:"new_due"`
	OldOutcome register.Outcome `json:"old_outcome,omitempty"`
	NewOutcome register.Outcome `json:"new_outcome,omitempty"`
}

// CalendarReview is what a schedule correction would change (or, once
// applied, changed): the years concerned and the dossiers whose due date or
// outcome moves. Applied tells whether the recomputation was saved.
type CalendarReview struct {
	Years   []int       `json:"years"`
	Changes []DueChange `json:"changes"`
	Applied bool        `json:"applied"`
}

// changes computes, with calendar cal, the dossiers of the register whose
// due date (compared by day) or outcome would differ from what is stored,
// among those whose count may cross the given years.
func changes(ds []*register.Dossier, cal *calendar.Calendar) ([]DueChange, []*register.Dossier) {
	var out []DueChange
	var changed []*register.Dossier
	for _, d := range ds {
		due := cal.Due(clockStart(d), d.Limit)
		outcome := d.Outcome
		if d.ReturnedAt != nil && d.Outcome != "" {
			outcome = register.Classify(*d.ReturnedAt, due)
		}
		if sameDay(due, d.DueAt) && outcome == d.Outcome {
			continue
		}
		out = append(out, DueChange{Code: d.Code, Procedure: d.ProcedureName, Applicant: d.Applicant.Name, State: d.State,
			OldDue: d.DueAt, NewDue: due, OldOutcome: d.Outcome, NewOutcome: outcome})
		c := *d
		c.DueAt, c.Outcome, c.Events = due, outcome, nil
		changed = append(changed, &c)
	}
	return out, changed
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.In(calendar.Zone).Date()
	by, bm, bd := b.In(calendar.Zone).Date()
	return ay == by && am == bm && ad == bd
}

// yearsSpan is the instants from 1 January of the first year to the end of
// 31 December of the last.
func yearsSpan(years []int) (time.Time, time.Time) {
	lo, hi := slices.Min(years), slices.Max(years)
	return time.Date(lo, time.January, 1, 0, 0, 0, 0, calendar.Zone), time.Date(hi+1, time.January, 1, 0, 0, 0, 0, calendar.Zone).Add(-time.Second)
}

// PendingCorrections is the review of the calendar in force against the
// register: for every year from the first receipt to the year after the
// last, the calendar's working days are compared with those the register's
// due dates were last checked against (a shipped correction, such as the
// fixed Quốc khánh 2026, or a schedule saved without review, shows here).
// Years where no dossier changes are recorded as checked at once (nothing is
// recomputed); the others are returned with their dossiers, to be confirmed
// with ApplyCorrections. Nothing is recomputed here.
func (o *Office) PendingCorrections(ctx context.Context) (CalendarReview, error) {
	rev := CalendarReview{Changes: []DueChange{}}
	first, last, ok, err := o.st.ReceivedRange(ctx)
	if err != nil || !ok {
		return rev, err
	}
	done, err := o.st.ReconciledYears(ctx)
	if err != nil {
		return rev, err
	}
	cal := o.Calendar()
	var quiet []int
	for y := first.Year(); y <= last.Year()+1; y++ {
		if done[y] == cal.YearFingerprint(y) {
			continue
		}
		from, to := yearsSpan([]int{y})
		ds, err := o.st.DossiersTouching(ctx, from, to)
		if err != nil {
			return rev, err
		}
		ch, _ := changes(ds, cal)
		if len(ch) == 0 {
			quiet = append(quiet, y)
			continue
		}
		rev.Years = append(rev.Years, y)
		rev.Changes = append(rev.Changes, ch...)
	}
	if len(quiet) > 0 {
		err := o.st.Tx(ctx, func(tx *store.Tx) error {
			for _, y := range quiet {
				if err := tx.SetReconciled(y, cal.YearFingerprint(y), o.Now()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return rev, err
		}
	}
	rev.Changes = dedupe(rev.Changes)
	return rev, nil
}

func dedupe(cs []DueChange) []DueChange {
	seen := map[string]bool{}
	out := cs[:0]
	for _, c := range cs {
		if !seen[c.Code] {
			seen[c.Code] = true
			out = append(out, c)
		}
	}
	return out
}

// ApplyCorrections recomputes, with the calendar in force, the due date and
// outcome of every dossier PendingCorrections lists for the given years,
// each with its audit line, and records the years as checked, in one
// transaction. It is the administrator's confirmation: call it only after
// showing the review.
func (o *Office) ApplyCorrections(ctx context.Context, years []int) (CalendarReview, error) {
	if err := o.can(ctx, people.ActCalendar); err != nil {
		return CalendarReview{}, err
	}
	rev := CalendarReview{Years: years, Changes: []DueChange{}, Applied: true}
	if len(years) == 0 {
		return rev, nil
	}
	cal := o.Calendar()
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		ch, err := recompute(tx, cal, years, o.actor, o.Now(), "calendar_correction")
		rev.Changes = ch
		return err
	})
	return rev, err
}

// recompute saves the changes cal makes to the dossiers that may cross years,
// with an audit line each, and records the years as checked.
func recompute(tx *store.Tx, cal *calendar.Calendar, years []int, actor string, now time.Time, action string) ([]DueChange, error) {
	// Year by year, as PendingCorrections reviews them: a span over several
	// years would also take in the years between, which nobody reviewed.
	var ds []*register.Dossier
	seen := map[string]bool{}
	for _, y := range years {
		from, to := yearsSpan([]int{y})
		list, err := tx.DossiersTouching(from, to)
		if err != nil {
			return nil, err
		}
		for _, d := range list {
			if !seen[d.ID] {
				seen[d.ID] = true
				ds = append(ds, d)
			}
		}
	}
	ch, changed := changes(ds, cal)
	for i, d := range changed {
		c := ch[i]
		before, _ := json.Marshal(map[string]any{"due_at": c.OldDue, "outcome": c.OldOutcome})
		after, _ := json.Marshal(map[string]any{"due_at": c.NewDue, "outcome": c.NewOutcome, "years": years})
		d.UpdatedAt = now
		if err := tx.UpdateDossier(d); err != nil {
			return nil, err
		}
		// The hand-overs since the clock started were classified against the
		// old due date: the control slip follows the new one.
		full, err := tx.DossierByCode(d.Code)
		if err != nil {
			return nil, err
		}
		for _, e := range full.Events {
			if e.Outcome == "" || e.At.Before(clockStart(d)) {
				continue
			}
			if o := register.Classify(e.At, c.NewDue); o != e.Outcome {
				if err := tx.SetEventOutcome(d.ID, e.Seq, o); err != nil {
					return nil, err
				}
			}
		}
		if err := tx.AppendAudit(store.Audit{At: now, Actor: actor, Action: action, Entity: "dossier", EntityID: d.ID,
			Before: string(before), After: string(after)}); err != nil {
			return nil, err
		}
	}
	for _, y := range years {
		if err := tx.SetReconciled(y, cal.YearFingerprint(y), now); err != nil {
			return nil, err
		}
	}
	if ch == nil {
		ch = []DueChange{}
	}
	return ch, nil
}

// ImportSchedule is the administrator's entry of an announced schedule (a
// new notice, or a correction). Without apply it is a dry run: it lists the
// dossiers whose due date or outcome the schedule would change, and saves
// nothing. With apply it saves the schedule, recomputes those dossiers (an
// audit line each) and records the year as checked, in one transaction.
func (o *Office) ImportSchedule(ctx context.Context, s calendar.Schedule, apply bool) (CalendarReview, error) {
	rev := CalendarReview{Years: []int{s.Year}, Changes: []DueChange{}}
	if apply {
		if err := o.can(ctx, people.ActCalendar); err != nil {
			return rev, err
		}
	}
	data, err := json.Marshal(s)
	if err != nil {
		return rev, err
	}
	if _, err := calendar.ParseSchedules(append(append([]byte("["), data...), ']')); err != nil {
		return rev, err
	}
	scheds, err := o.schedules(ctx)
	if err != nil {
		return rev, err
	}
	next := []calendar.Schedule{s}
	for _, x := range scheds {
		if x.Year != s.Year {
			next = append(next, x)
		}
	}
	cal, err := calendar.New(o.Profile().Hours, next...)
	if err != nil {
		return rev, err
	}
	if !apply {
		from, to := yearsSpan(rev.Years)
		ds, err := o.st.DossiersTouching(ctx, from, to)
		if err != nil {
			return rev, err
		}
		if ch, _ := changes(ds, cal); ch != nil {
			rev.Changes = ch
		}
		return rev, nil
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		old, err := o.oldSchedule(tx, s.Year)
		if err != nil {
			return err
		}
		if err := tx.SaveSchedule(s.Year, data, o.Now()); err != nil {
			return err
		}
		if err := tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "save_schedule", Entity: "calendar",
			EntityID: strconv.Itoa(s.Year), Before: old, After: string(data)}); err != nil {
			return err
		}
		ch, err := recompute(tx, cal, rev.Years, o.actor, o.Now(), "calendar_correction")
		rev.Changes = ch
		return err
	})
	if err != nil {
		return rev, err
	}
	rev.Applied = true
	return rev, o.reload(ctx)
}

// DueEstimate is the due time a dossier received at a moment would get, as
// the reception form shows it before saving, and whether it rests on a
// provisional (dự kiến) day off.
type DueEstimate struct {
	Due         time.Time `json:"due_at"`
	Provisional bool      `json:"provisional"`
}

// DueFor estimates the due time of a dossier of a procedure, under one of
// its variants (empty: the standard limit), received at (zero: now).
func (o *Office) DueFor(ctx context.Context, procedureCode, variant string, at time.Time) (DueEstimate, error) {
	ps, err := o.st.Procedures(ctx)
	if err != nil {
		return DueEstimate{}, err
	}
	for _, p := range ps {
		if p.Code != procedureCode {
			continue
		}
		if p, err = p.WithVariant(variant); err != nil {
			return DueEstimate{}, err
		}
		from := o.at(at)
		cal := o.Calendar()
		due := cal.Due(from, p.Limit)
		return DueEstimate{Due: due, Provisional: cal.CrossesProvisional(from, due)}, nil
	}
	return DueEstimate{}, store.NotFound("không có thủ tục mã %q trong danh mục", procedureCode)
}
