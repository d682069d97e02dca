package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/store/storetest"
)

// nudged waits for a nudge; the bound only keeps a broken listener from
// hanging the test (how fast the nudge comes is not what is checked).
func nudged(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(60 * time.Second):
		t.Fatalf("no nudge: %s", what)
	}
}

func drain(ch <-chan struct{}) {
	for {
		select {
		case <-ch:
		default:
			return
		}
	}
}

// A desk listening on the server hears another desk's commit: an ordinary
// write transaction and a receive (whose mark is pipelined after its COMMIT).
func TestListenHearsOtherDesks(t *testing.T) {
	if storetest.Engine() != "postgres" {
		t.Skip("LISTEN/NOTIFY: PostgreSQL pass only")
	}
	dsn := storetest.DSN(t, filepath.Join(t.TempDir(), "r.db"))
	a, err := Open(dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ch := make(chan struct{}, 16)
	listening := make(chan struct{})
	stop := a.Listen(context.Background(), func() { ch <- struct{}{} })
	defer stop()
	// The listener is up once a nudge of its own register arrives: poke
	// until one does (a commit made before LISTEN is not heard).
	go func() {
		for {
			select {
			case <-listening:
				return
			case <-time.After(100 * time.Millisecond):
				b.Tx(context.Background(), func(tx *Tx) error { return tx.SetSetting("poke", "1") })
			}
		}
	}()
	nudged(t, ch, "listener never heard a commit")
	close(listening)
	time.Sleep(300 * time.Millisecond) // let the last poke land, then forget it
	drain(ch)
	mark, _ := a.ChangeMark(context.Background())
	d := lateDossier(1, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	if err := receiveOne(b, d, nil); err != nil {
		t.Fatal(err)
	}
	nudged(t, ch, "a receive on another desk")
	if changed, _, err := a.ChangedSince(context.Background(), mark); err != nil || !changed {
		t.Fatalf("nudged but the change mark did not move: %v %v", changed, err)
	}
}

// The listener comes back with the server and says so once; then it hears
// commits again.
func TestListenReconnects(t *testing.T) {
	if storetest.Engine() != "postgres" {
		t.Skip("LISTEN/NOTIFY: PostgreSQL pass only")
	}
	srv := storetest.StartServer(t)
	s, err := Open(srv.URL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ch := make(chan struct{}, 16)
	stop := s.Listen(context.Background(), func() { ch <- struct{}{} })
	defer stop()
	for { // up when its first nudge arrives
		s.Tx(context.Background(), func(tx *Tx) error { return tx.SetSetting("poke", "1") })
		select {
		case <-ch:
		case <-time.After(200 * time.Millisecond):
			continue
		}
		break
	}
	srv.Stop()
	drain(ch)
	srv.Start()
	nudged(t, ch, "the listener did not come back with the server")
	drain(ch)
	if err := s.Tx(context.Background(), func(tx *Tx) error { return tx.SetSetting("after", "1") }); err != nil {
		// the pool may hand out one dead connection first
		if err := s.Tx(context.Background(), func(tx *Tx) error { return tx.SetSetting("after", "1") }); err != nil {
			t.Fatal(err)
		}
	}
	nudged(t, ch, "a commit after the server came back")
}
