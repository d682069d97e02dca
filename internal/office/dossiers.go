package office

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/textvn"
)

// ReceiveInput is what the reception form or `motcua receive` gives.
type ReceiveInput struct {
	ProcedureCode string
	Applicant     register.Applicant
	At            time.Time // zero: now
	Sets          int
	Documents     []string
	ResultMethod  string
	Channel       string // received through: counter (default), post, online
	Note          string
	Variant       string // the procedure's variant chosen at reception (e.g. "xac-minh"); empty: the standard limit
}

// Receive registers a new dossier: code, entry number and due date are
// assigned and saved with the first event and its audit line, durably, in
// one transaction.
func (o *Office) Receive(ctx context.Context, in ReceiveInput) (*register.Dossier, error) {
	if err := o.requireProfile("tiếp nhận hồ sơ"); err != nil {
		return nil, err
	}
	if err := checkReceiveInput(&in); err != nil {
		return nil, err
	}
	at := o.at(in.At)
	if err := o.checkAt(at); err != nil {
		return nil, err
	}
	if err := o.canAt(ctx, people.ActReceive, in.At); err != nil {
		return nil, err
	}
	code := textvn.Clean(in.ProcedureCode)
	if code == "" {
		return nil, errors.New("chưa chọn thủ tục hành chính")
	}
	var d *register.Dossier
	// The lock of the register is taken only when the numbers are given
	// (TxLateLock): reading the procedure and building the dossier do not
	// make other desks wait.
	err := o.st.TxLateLock(ctx, func(tx *store.Tx) error {
		p, err := tx.Procedure(code)
		if err != nil {
			return err
		}
		if p, err = p.WithVariant(in.Variant); err != nil {
			return err
		}
		d, err = register.Receive(register.Intake{
			Procedure: p, Applicant: in.Applicant, At: at, Actor: o.name(), Counter: o.cfg().profile.CounterName,
			Sets: in.Sets, Documents: in.Documents, ResultMethod: in.ResultMethod, Channel: in.Channel, FormSet: o.cfg().profile.FormSet, Note: in.Note,
		}, o.cfg().cal)
		if err != nil {
			return err
		}
		d.ID = newID()
		d.Variant = textvn.Clean(in.Variant)
		d.BookNo = o.cfg().profile.BookNo
		back := o.backdated(in.At)
		if back && len(d.Events) > 0 {
			d.Events[0].Backdated = true
		}
		return tx.ReceiveDossier(o.cfg().profile.AgencyCode, d, func(seq, entry int) (store.Audit, error) {
			if seq > 9999 {
				return store.Audit{}, fmt.Errorf("đã hết số thứ tự mã hồ sơ trong ngày %s (tối đa 9999)", d.ReceivedAt.Format("02/01/2006"))
			}
			d.Code = register.FormatCode(o.cfg().profile.AgencyCode, d.ReceivedAt, seq)
			d.EntryNo = entry
			return store.Audit{At: o.Now(), Actor: o.actor, Action: "receive", Entity: "dossier", EntityID: d.ID, After: snapshot(d), BackdatedTo: backdatedTo(back, at)}, nil
		})
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// snapshot is the audit form of a dossier: its fields without the events,
// which the events table keeps.
func snapshot(d *register.Dossier) string {
	c := *d
	c.Events = nil
	b, _ := json.Marshal(&c)
	return string(b)
}

// change loads a dossier, applies one rule-checked step, and saves it with
// its audit line. Nothing is saved when the rule refuses.
func (o *Office) change(ctx context.Context, code, action string, at time.Time, fn func(d *register.Dossier) error) (*register.Dossier, error) {
	return o.changeAs(ctx, code, at, func(d *register.Dossier) (string, error) { return action, fn(d) })
}

// changeAs is change for a step whose audit action depends on what the rule
// found (a late supplement request is audited as such).
func (o *Office) changeAs(ctx context.Context, code string, at time.Time, fn func(d *register.Dossier) (string, error)) (*register.Dossier, error) {
	if err := o.checkAt(o.at(at)); err != nil {
		return nil, err
	}
	if err := o.canAt(ctx, people.ActHandle, at); err != nil {
		return nil, err
	}
	var d *register.Dossier
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if d, err = tx.DossierByCode(textvn.Clean(code)); err != nil {
			return err
		}
		before := snapshot(d)
		steps := len(d.Events)
		action, err := fn(d)
		if err != nil {
			return err
		}
		back := o.backdated(at)
		if back && len(d.Events) > steps {
			d.Events[len(d.Events)-1].Backdated = true
		}
		if err := tx.UpdateDossier(d); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: action, Entity: "dossier", EntityID: d.ID, Before: before, After: snapshot(d), BackdatedTo: backdatedTo(back, o.at(at))})
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// checkAt refuses a back-dated or forward-dated step that is surely a
// typing slip: a time in the future (beyond a few minutes of clock drift
// between PCs) or before the register could exist.
func (o *Office) checkAt(at time.Time) error {
	if at.After(o.Now().Add(10 * time.Minute)) {
		return fmt.Errorf("thời điểm %s ở tương lai; kiểm tra lại ngày giờ nhập (và đồng hồ của máy tính)", at.Format("15:04 02/01/2006"))
	}
	if at.Year() < 2000 {
		return fmt.Errorf("thời điểm %s quá xa trong quá khứ; kiểm tra lại năm", at.Format("15:04 02/01/2006"))
	}
	return nil
}

// backdatedSlack is how far before now a typed time may be and still count
// as "now" (clocks of two PCs, the minute it takes to type).
const backdatedSlack = 10 * time.Minute

// backdated reports whether a step typed with time at (zero: now) is a
// back-dated entry of an earlier paper record. Such steps are allowed and
// marked in the event and the audit. The rule that only an administrator
// may back-date beyond the current day belongs with the staff roles:
// BackdatedBeyondToday is the test they need.
func (o *Office) backdated(at time.Time) bool {
	return !at.IsZero() && o.Now().Sub(at) > backdatedSlack
}

// BackdatedBeyondToday reports whether a step at at would be back-dated to
// an earlier day than today (the roles work allows that to administrators
// only).
func (o *Office) BackdatedBeyondToday(at time.Time) bool {
	return o.backdated(at) && at.Before(dayStart(o.Now()))
}

// backdatedTo is the audit's record of the time a back-dated step claims.
func backdatedTo(back bool, at time.Time) *time.Time {
	if !back {
		return nil
	}
	return &at
}

func (o *Office) step(at time.Time) register.Step {
	return register.Step{At: o.at(at), Actor: o.name()}
}

// Forward hands the dossier to a unit.
func (o *Office) Forward(ctx context.Context, code, to string, at time.Time) (*register.Dossier, error) {
	if err := cleanAll("unit", &to); err != nil {
		return nil, err
	}
	return o.change(ctx, code, "forward", at, func(d *register.Dossier) error {
		_, err := d.Forward(o.step(at), to)
		return err
	})
}

// MarkDone records that the result is back at the counter.
func (o *Office) MarkDone(ctx context.Context, code string, at time.Time) (*register.Dossier, error) {
	return o.change(ctx, code, "done", at, func(d *register.Dossier) error {
		_, err := d.MarkDone(o.step(at), o.cfg().profile.CounterName)
		return err
	})
}

// Resume records the completed dossier; the time limit restarts.
func (o *Office) Resume(ctx context.Context, code string, at time.Time) (*register.Dossier, error) {
	return o.change(ctx, code, "resume", at, func(d *register.Dossier) error {
		_, err := d.Resume(o.step(at), o.cfg().profile.CounterName, o.cfg().cal)
		return err
	})
}

// Apologise records the apology and the new date; warnings say when the
// apology came later than the law wants.
func (o *Office) Apologise(ctx context.Context, code, reason string, newDate, at time.Time) (*register.Dossier, []string, error) {
	if err := cleanAll("reason", &reason); err != nil {
		return nil, nil, err
	}
	var warnings []string
	d, err := o.change(ctx, code, "apologise", at, func(d *register.Dossier) error {
		var err error
		_, warnings, err = d.Apologise(o.step(at), reason, newDate, o.cfg().cal)
		return err
	})
	return d, warnings, err
}

// Withdraw closes the dossier at the citizen's request.
func (o *Office) Withdraw(ctx context.Context, code, reason string, at time.Time) (*register.Dossier, error) {
	if err := cleanAll("reason", &reason); err != nil {
		return nil, err
	}
	return o.change(ctx, code, "withdraw", at, func(d *register.Dossier) error {
		_, err := d.Withdraw(o.step(at), reason)
		return err
	})
}

// Return hands the result to the citizen.
func (o *Office) Return(ctx context.Context, code string, at time.Time) (*register.Dossier, error) {
	return o.change(ctx, code, "return", at, func(d *register.Dossier) error {
		_, err := d.Return(o.step(at))
		return err
	})
}

// Show loads one dossier with its events.
func (o *Office) Show(ctx context.Context, code string) (*register.Dossier, error) {
	return o.st.DossierByCode(ctx, textvn.Clean(code))
}

// Search finds dossiers by name, address, phone or code, ignoring accents.
func (o *Office) Search(ctx context.Context, query string, limit int) ([]register.Dossier, error) {
	return o.st.Search(ctx, query, limit)
}

// Filter selects register rows (state, due before, limit, offset).
type Filter = store.Filter

// Page lists register rows, newest first.
func (o *Office) Page(ctx context.Context, f Filter) ([]register.Dossier, error) {
	return o.st.Page(ctx, f)
}

// Count counts register rows.
func (o *Office) Count(ctx context.Context, f Filter) (int, error) {
	return o.st.Count(ctx, f)
}

// Due returns the due time a dossier of the procedure received at at would
// get: the reception form shows it before saving.
func (o *Office) Due(ctx context.Context, procedureCode string, at time.Time) (time.Time, error) {
	ps, err := o.st.Procedures(ctx)
	if err != nil {
		return time.Time{}, err
	}
	for _, p := range ps {
		if p.Code == procedureCode {
			return o.cfg().cal.Due(o.at(at), p.Limit), nil
		}
	}
	return time.Time{}, store.NotFound("không có thủ tục mã %q trong danh mục", procedureCode)
}

// Urgency is how pressing an open dossier is, for colours and the dashboard.
type Urgency int

const (
	Calm    Urgency = iota
	DueSoon         // due today or on the next working day
	Overdue         // past its due date
)

// UrgencyOf judges an open dossier against the office clock, by the date
// the citizen was last promised (an apology's new date moves it).
func (o *Office) UrgencyOf(d *register.Dossier) Urgency {
	if !d.State.Open() || d.State == register.SupplementRequested {
		return Calm
	}
	now := o.Now()
	due := d.EffectiveDue()
	switch register.Classify(now, due) {
	case register.Late:
		return Overdue
	case register.OnTime:
		return DueSoon
	}
	if o.cfg().cal.WorkingDaysBetween(now, due) <= 1 {
		return DueSoon
	}
	return Calm
}

// Dashboard is what the clerk sees first in the morning.
type Dashboard struct {
	Open        int `json:"open"`
	DueToday    int `json:"due_today"`
	DueTomorrow int `json:"due_next_working_day"`
	Overdue     int `json:"overdue"`
}

// Dashboard counts open dossiers by urgency.
func (o *Office) Dashboard(ctx context.Context) (Dashboard, error) {
	var db Dashboard
	now := o.Now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, calendar.Zone)
	next := o.cfg().cal.NextWorkingDay(today)
	open := []register.State{register.Received, register.InProgress, register.Done}
	var err error
	if db.Open, err = o.st.Count(ctx, store.Filter{States: open}); err != nil {
		return db, err
	}
	if db.Overdue, err = o.st.Count(ctx, store.Filter{DueBefore: today}); err != nil {
		return db, err
	}
	toToday, err := o.st.Count(ctx, store.Filter{DueBefore: today.AddDate(0, 0, 1)})
	if err != nil {
		return db, err
	}
	toNext, err := o.st.Count(ctx, store.Filter{DueBefore: next.AddDate(0, 0, 1)})
	if err != nil {
		return db, err
	}
	db.DueToday = toToday - db.Overdue
	db.DueTomorrow = toNext - toToday
	return db, nil
}

// IsNotFound reports a missing dossier or procedure.
func IsNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }

// Pressing lists the open dossiers due by the end of the next working day,
// overdue first: what the clerk must act on this morning (return, chase the
// handling unit, or apologise at least one working day before the due date).
func (o *Office) Pressing(ctx context.Context, limit int) ([]register.Dossier, error) {
	if limit <= 0 {
		limit = 100
	}
	next := o.cfg().cal.NextWorkingDay(o.Now())
	return o.st.OpenDueBefore(ctx, next.AddDate(0, 0, 1), limit)
}
