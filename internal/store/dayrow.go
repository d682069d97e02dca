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
// before then. Both steps walk an index: received_at for the dossier, the
// row number (or state, n) for the count of the lines above it.
func (s *Store) RowReceivedBefore(ctx context.Context, f Filter, before time.Time) (row int, d *register.Dossier, ok bool, err error) {
	where, args := f.where()
	cond := " WHERE received_at < ?"
	if where != "" {
		cond = where + " AND received_at < ?"
	}
	args = append(args, before.Unix())
	var n int64
	err = s.db.QueryRowContext(ctx, `SELECT n FROM dossiers`+cond+` ORDER BY received_at DESC, n DESC LIMIT 1`, args...).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, false, nil
	}
	if err != nil {
		return 0, nil, false, err
	}
	where, args = f.where()
	cond = " WHERE n > ?"
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
