package store

import (
	"context"
	"math/rand/v2"
	"time"
)

// maxAttempts bounds the runs of one transaction that keeps meeting other
// desks' writes (PostgreSQL serialization failures).
const maxAttempts = 12

func backoff(attempt int) {
	time.Sleep(time.Duration(attempt)*time.Millisecond + time.Duration(rand.IntN(2000))*time.Microsecond)
}

// committed runs after each committed transaction: it moves the change mark
// other desks poll. On PostgreSQL the mark is a sequence, bumped after the
// commit (never before: a desk that saw the new mark must find the new rows)
// and outside any transaction, so desks never wait on each other for it.
//
// The same statement nudges the desks that listen (Listen): its NOTIFY is
// delivered when it commits, after the change it announces. marked: the
// transaction already sent it, pipelined after its COMMIT (ReceiveDossier).
func (s *Store) committed(marked bool) {
	s.local.Add(1)
	if s.db.d.name() == "postgres" && !marked {
		_, _ = s.db.Exec(markSQL)
	}
}

// markSQL moves the change mark and tells the listening desks which
// register (schema) changed.
const markSQL = `SELECT nextval('change_seq'), pg_notify('` + changesChannel + `', current_schema())`

// changesChannel is the LISTEN/NOTIFY channel of every register on a server.
const changesChannel = "motcua_changes"

// ChangeMark is a number that moves whenever this program or another desk
// commits a change to the register. A window keeps the mark of what it
// shows and asks ChangedSince when it gets the focus (or on a timer): one
// cheap query, no rows read.
func (s *Store) ChangeMark(ctx context.Context) (int64, error) {
	var v int64
	var err error
	if s.db.d.name() == "postgres" {
		err = s.db.QueryRowContext(ctx, `SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM change_seq`).Scan(&v)
	} else {
		// data_version moves when another connection (another program) has
		// committed; this program's own commits are counted in s.local.
		err = s.db.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
		v = v<<32 + s.local.Load()
	}
	return v, Explain(err)
}

// ChangedSince reports whether anything was committed since mark was read,
// and the current mark.
func (s *Store) ChangedSince(ctx context.Context, mark int64) (bool, int64, error) {
	now, err := s.ChangeMark(ctx)
	if err != nil {
		return false, mark, err
	}
	return now != mark, now, nil
}
