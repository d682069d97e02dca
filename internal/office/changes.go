package office

import "context"

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
