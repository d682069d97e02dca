package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"motcua/internal/register"
)

// RowReceivedBefore finds where the register, newest entry first under f
// (its states and due filter; Limit and Offset are ignored), reaches the
// dossiers received before before: the newest such dossier and its row
// (0 is the top line). ok is false when no dossier under f was received
// before then. Row numbers follow the order of entry, which is the order
// of receipt but for a paper record entered late, so the boundary is the
// row of the latest receipt before then, found in the received_at index,
// and under f the newest row at or below it; every step is an index seek
// on both engines (no sort of the rows a state holds).
func (s *Store) RowReceivedBefore(ctx context.Context, f Filter, before time.Time) (row int, d *register.Dossier, ok bool, err error) {
	var bound int64
	err = s.db.QueryRowContext(ctx, `SELECT n FROM dossiers WHERE received_at < ? ORDER BY received_at DESC, n DESC LIMIT 1`, before.Unix()).Scan(&bound)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, false, nil
	}
	if err != nil {
		return 0, nil, false, err
	}
	n, found, err := s.newestAtOrBelow(ctx, f, bound)
	if err != nil || !found {
		return 0, nil, false, err
	}
	where, args := f.where()
	cond := " WHERE n > ?"
	if where != "" {
		cond = where + " AND n > ?"
	}
	args = append(args, n)
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers`+cond, args...).Scan(&row); err != nil {
		return 0, nil, false, err
	}
	rows, err := s.list(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE n = ?`, n)
	if err != nil {
		return 0, nil, false, err
	}
	if len(rows) != 1 {
		return 0, nil, false, NotFound("không đọc được hồ sơ số %d của sổ", n)
	}
	return row, &rows[0], true, nil
}

// newestAtOrBelow is the highest row number at or below bound under f.
// A filter of states alone asks each state's (state, n) index for its
// maximum: one seek each, where "state IN (…) ORDER BY n DESC" would sort
// every row of those states.
func (s *Store) newestAtOrBelow(ctx context.Context, f Filter, bound int64) (int64, bool, error) {
	if len(f.States) == 0 && f.DueBefore.IsZero() {
		return bound, true, nil
	}
	var best sql.NullInt64
	max := func(query string, args ...any) error {
		var n sql.NullInt64
		if err := s.db.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
			return err
		}
		if n.Valid && (!best.Valid || n.Int64 > best.Int64) {
			best = n
		}
		return nil
	}
	if f.DueBefore.IsZero() {
		for _, st := range f.States {
			if err := max(`SELECT MAX(n) FROM dossiers WHERE state = ? AND n <= ?`, string(st), bound); err != nil {
				return 0, false, err
			}
		}
	} else {
		where, args := f.where()
		if err := max(`SELECT MAX(n) FROM dossiers`+where+` AND n <= ?`, append(args, bound)...); err != nil {
			return 0, false, err
		}
	}
	return best.Int64, best.Valid, nil
}
