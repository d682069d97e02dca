package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// CheckInBackground runs the day's integrity check that Open left to it
// (Options.DeferCheck): quick_check reads every page, 10–30 s on a
// 1,000,000-dossier register, so the window runs it after its first frame.
// It reads through a connection of its own, read-only, so the screens'
// reads and the clerk's writes go on meanwhile (in WAL mode a reader blocks
// no writer). When it finds damage the register becomes read-only from
// then on, as if the check had failed at Open (Damaged, every write
// refused), and the finding is returned (it matches ErrDamaged). A register
// already checked today, one on a server, or one already found damaged
// returns nil at once; so does an interrupted check (ctx ended), which
// then runs again at the next open.
func (s *Store) CheckInBackground(ctx context.Context) error {
	if s.db.d.name() != "sqlite" || s.Damaged() != nil {
		return nil
	}
	db, err := sql.Open("sqlite", sqliteURI(s.path)+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	err = integrityOn(ctx, db, s.path, time.Now(), false)
	switch {
	case err == nil || ctx.Err() != nil:
		return nil
	case errors.Is(err, ErrDamaged):
		if qerr := s.markDamaged(err); qerr != nil {
			return errors.Join(err, qerr)
		}
		return err
	}
	// The check could not run (the file vanished, a lock held for longer
	// than the busy timeout): say so, but a register not shown damaged stays
	// writable; the next open checks again.
	return err
}
