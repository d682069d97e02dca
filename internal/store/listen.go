package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// Listen calls nudge whenever a desk (this one included) commits a change
// to this register on a PostgreSQL server, about as soon as it is
// committed: a LISTEN on a connection of its own, which is made again
// (every few seconds, up to half a minute apart) while the server is out of
// reach; each time it is back, nudge is called once, since changes made
// meanwhile were not announced. nudge runs on the listener's goroutine and
// must not block. On SQLite, Listen does nothing: the window's polling of
// the change mark is the way there. stop ends the listener.
func (s *Store) Listen(ctx context.Context, nudge func()) (stop func()) {
	if s.pgcfg == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		wait := time.Second
		for first := true; ; first = false {
			heard, _ := s.listenOnce(ctx, nudge, !first)
			if ctx.Err() != nil {
				return
			}
			if heard {
				wait = time.Second
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			wait = min(2*wait, 30*time.Second)
		}
	}()
	return func() { cancel(); <-done }
}

// listenOnce connects, listens and relays notifications for this register's
// schema until the connection breaks or ctx ends; heard: it was listening.
func (s *Store) listenOnce(ctx context.Context, nudge func(), again bool) (heard bool, err error) {
	c, err := pgx.ConnectConfig(ctx, s.pgcfg.Copy())
	if err != nil {
		return false, err
	}
	defer c.Close(context.Background())
	var schema string
	if err := c.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return false, err
	}
	if _, err := c.Exec(ctx, `LISTEN `+changesChannel); err != nil {
		return false, err
	}
	if again {
		nudge() // what was committed while the server was out of reach
	}
	for {
		n, err := c.WaitForNotification(ctx)
		if err != nil {
			return true, err
		}
		if n.Payload == schema {
			nudge()
		}
	}
}
