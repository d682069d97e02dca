package store

import (
	"context"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/register"
	"motcua/internal/report"
)

// vnOffset shifts unix seconds to Vietnam's calendar day (UTC+7, no summer
// time), so (t + vnOffset) / 86400 numbers the day as register.Classify does.
var vnOffset = func() int64 { _, off := time.Date(2026, 1, 1, 0, 0, 0, 0, calendar.Zone).Zone(); return int64(off) }()

// Report queries sum the register in SQL, by procedure and channel, so a
// year's report reads a few hundred grouped rows instead of every dossier.
// Only returned dossiers have a returned_at, so the returned query names no
// state: with "state = 'returned'" SQLite (without statistics) walked the
// state index over every returned dossier of every year (2.5 s at 1,000,000
// dossiers) instead of the returned_at range.
// Day boundaries come from Go (Vietnam time) as unix seconds; the SQL is
// plain enough for both engines.
const (
	reportReceivedQ = `SELECT procedure_code, MAX(procedure_name), channel, COUNT(*),
		SUM(CASE WHEN state IN ('received','in_progress','supplement_requested','done') THEN 1 ELSE 0 END),
		SUM(CASE WHEN state IN ('received','in_progress','done') AND due_at < ? THEN 1 ELSE 0 END),
		SUM(CASE WHEN supplement_at IS NOT NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN apology_at IS NOT NULL THEN 1 ELSE 0 END)
		FROM dossiers WHERE received_at >= ? AND received_at < ?
		GROUP BY procedure_code, channel`
	reportReturnedQ = `SELECT procedure_code, MAX(procedure_name), channel, outcome,
		CASE WHEN new_due_at IS NULL THEN ''
			WHEN (returned_at + ?) / 86400 < (new_due_at + ?) / 86400 THEN 'early'
			WHEN (returned_at + ?) / 86400 = (new_due_at + ?) / 86400 THEN 'on_time'
			ELSE 'late' END,
		CASE WHEN supplement_at IS NULL THEN 0 ELSE 1 END,
		(returned_at - received_at) / 3600,
		COUNT(*)
		FROM dossiers WHERE returned_at >= ? AND returned_at < ?
		GROUP BY procedure_code, channel, outcome, 5, 6, 7`
	reportClosedQ = `SELECT procedure_code, MAX(procedure_name), channel, state, COUNT(*)
		FROM dossiers WHERE state IN ('refused','withdrawn') AND updated_at >= ? AND updated_at < ?
		GROUP BY procedure_code, channel, state`
)

// ReportTally counts the register into t for t.Period, as of t.Now, by the
// rules of report.Tally.Add.
func (s *Store) ReportTally(ctx context.Context, t *report.Tally) error {
	from, to := t.Period.From.Unix(), t.Period.To.Unix()
	rows, err := s.db.QueryContext(ctx, reportReceivedQ, report.OverdueBefore(t.Now).Unix(), from, to)
	if err != nil {
		return err
	}
	for rows.Next() {
		var code, name, ch string
		var n, open, overdue, suppl, apol int
		if err := rows.Scan(&code, &name, &ch, &n, &open, &overdue, &suppl, &apol); err != nil {
			rows.Close()
			return err
		}
		c := t.Cell(code, name, ch)
		c.Received += n
		c.InProgress += open
		c.OverdueNow += overdue
		c.Supplements += suppl
		c.Apologies += apol
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = s.db.QueryContext(ctx, reportReturnedQ, vnOffset, vnOffset, vnOffset, vnOffset, from, to)
	if err != nil {
		return err
	}
	for rows.Next() {
		var code, name, ch, outcome, res string
		var sup, hours, n int
		if err := rows.Scan(&code, &name, &ch, &outcome, &res, &sup, &hours, &n); err != nil {
			rows.Close()
			return err
		}
		c := t.Cell(code, name, ch)
		c.Returned += n
		good := false
		switch register.Outcome(outcome) {
		case register.Early:
			c.Early += n
			good = true
		case register.OnTime:
			c.OnTime += n
			good = true
		default:
			c.Late += n
		}
		if res != "" {
			c.Rescheduled += n
			switch register.Outcome(res) {
			case register.Early:
				c.ResEarly += n
			case register.OnTime:
				c.ResOnTime += n
			default:
				c.ResLate += n
			}
			good = res != string(register.Late)
		}
		if good {
			c.GoodEffective += n
		}
		if sup == 1 {
			c.ReturnedWithSuppl += n
		}
		if c.Hours == nil {
			c.Hours = map[int]int{}
		}
		c.Hours[hours] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = s.db.QueryContext(ctx, reportClosedQ, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code, name, ch, state string
		var n int
		if err := rows.Scan(&code, &name, &ch, &state, &n); err != nil {
			return err
		}
		c := t.Cell(code, name, ch)
		if register.State(state) == register.Refused {
			c.Refused += n
		} else {
			c.Withdrawn += n
		}
	}
	return rows.Err()
}
