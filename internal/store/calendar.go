package store

import (
	"context"
	"database/sql"
	"time"

	"motcua/internal/register"
)

// ReconciledYears gives, per year, the fingerprint of the working days the
// register's due dates were last checked against (calendar.YearFingerprint).
func (s *Store) ReconciledYears(ctx context.Context) (map[int]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT year, fingerprint FROM calendar_reconciled`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var y int
		var fp string
		if err := rows.Scan(&y, &fp); err != nil {
			return nil, err
		}
		out[y] = fp
	}
	return out, rows.Err()
}

// SetReconciled records that the register's due dates in year agree with
// the calendar whose fingerprint is fp.
func (tx *Tx) SetReconciled(year int, fp string, at time.Time) error {
	_, err := tx.exec(`INSERT INTO calendar_reconciled (year, fingerprint, reconciled_at) VALUES (?,?,?)
		ON CONFLICT (year) DO UPDATE SET fingerprint = excluded.fingerprint, reconciled_at = excluded.reconciled_at`, year, fp, at.Unix())
	return err
}

// ReceivedRange gives the first and last receipt times in the register; ok
// is false when it holds no dossier.
func (s *Store) ReceivedRange(ctx context.Context) (first, last time.Time, ok bool, err error) {
	var lo, hi sql.NullInt64
	if err = s.db.QueryRowContext(ctx, `SELECT MIN(received_at), MAX(received_at) FROM dossiers`).Scan(&lo, &hi); err != nil || !lo.Valid {
		return
	}
	return at(lo.Int64), at(hi.Int64), true, nil
}

// DossiersTouching lists, without their events, the dossiers whose count of
// days may cross [from, to]: received by to and due from from on. Only their
// due date and outcome are meant to be recomputed.
func (s *Store) DossiersTouching(ctx context.Context, from, to time.Time) ([]*register.Dossier, error) {
	return dossiersTouching(ctx, s.db, from, to)
}

// DossiersTouching is the same, inside the transaction.
func (tx *Tx) DossiersTouching(from, to time.Time) ([]*register.Dossier, error) {
	return dossiersTouching(context.Background(), tx.tx, from, to)
}

func dossiersTouching(ctx context.Context, q querier, from, to time.Time) ([]*register.Dossier, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE received_at <= ? AND due_at >= ? ORDER BY received_at, code`,
		to.Unix(), from.Unix())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*register.Dossier
	for rows.Next() {
		d, _, err := scanDossier(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// SetEventOutcome corrects the result-so-far of one event of a dossier (a
// hand-over classified against a due date that a schedule correction moved).
func (tx *Tx) SetEventOutcome(dossierID string, seq int, outcome register.Outcome) error {
	_, err := tx.exec(`UPDATE events SET outcome = ? WHERE seq = ? AND dossier_n = (SELECT n FROM dossiers WHERE id = ?)`,
		string(outcome), seq, dossierID)
	return err
}
