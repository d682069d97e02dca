package office

import (
	"context"

	"motcua/internal/store"
)

// ChangeMark is a number that moves whenever any desk (or this one) saves a
// change to the register. The window keeps the mark of what it shows and
// calls ChangedSince when it gets the focus, or every few seconds, and
// reloads its lists only when something changed: one cheap query, no rows
// read. With PostgreSQL this is how one desk sees another desk's new
// dossiers without restarting.
func (o *Office) ChangeMark(ctx context.Context) (int64, error) { return o.st.ChangeMark(ctx) }

// ChangedSince reports whether anything was saved since mark, and the mark
// to keep from now on.
func (o *Office) ChangedSince(ctx context.Context, mark int64) (bool, int64, error) {
	return o.st.ChangedSince(ctx, mark)
}

// DatabaseCheck is what "test the connection" found.
type DatabaseCheck struct {
	Engine   string `json:"engine"` // "sqlite" or "postgres"
	Address  string `json:"address"`
	Version  int    `json:"schema_version"`
	Dossiers int    `json:"dossiers"`
}

// CheckDatabase opens the register at dsn (a file or a postgres:// URL)
// without changing anything, for the settings' "test the connection"
// button: it reports what it found, or the one sentence that says why not.
func CheckDatabase(ctx context.Context, dsn string) (DatabaseCheck, error) {
	st, err := store.Open(dsn, store.Options{ReadOnly: true})
	if err != nil {
		return DatabaseCheck{}, err
	}
	defer st.Close()
	c := DatabaseCheck{Engine: st.Engine(), Address: st.Path()}
	if c.Version, err = st.Version(); err != nil {
		return c, store.Explain(err)
	}
	if c.Version == 0 {
		return c, nil // an empty database: the program will create the register in it
	}
	c.Dossiers, err = st.Count(ctx, store.Filter{})
	return c, store.Explain(err)
}

// OnChange calls nudge soon after any desk saves a change to a register on
// a PostgreSQL server (a LISTEN/NOTIFY nudge, reconnecting by itself when
// the server comes back); nudge must not block. On SQLite it does nothing:
// ChangedSince on a timer is the way there, and stays the fallback on a
// server too. stop ends it.
func (o *Office) OnChange(ctx context.Context, nudge func()) (stop func()) {
	return o.st.Listen(ctx, nudge)
}
