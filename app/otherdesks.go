package app

import (
	"time"

	"fyne.io/fyne/v2"
)

// watchOtherDesks keeps the window in step with changes saved by another
// desk (PostgreSQL) or another program on the same file (the command line):
// every `every`, and when the window comes back to the foreground, it asks
// the office whether anything was committed since the screens were last
// loaded. The question is one cheap query that reads no rows; the screens
// reload only when the answer is yes. A lost connection is said once in the
// status bar, and the line is restored when the server answers again. On
// PostgreSQL a LISTEN/NOTIFY nudge asks the same question within about a
// second of another desk's save.
func (s *shell) watchOtherDesks(every time.Duration) (stop func()) {
	e := s.env
	mark, err := e.off.ChangeMark(e.ctx)
	if err != nil {
		mark = -1
	}
	statusText := s.status.Text
	lost := false
	check := make(chan struct{}, 1)
	nudge := func() {
		select {
		case check <- struct{}{}:
		default:
		}
	}
	if a := fyne.CurrentApp(); a != nil {
		a.Lifecycle().SetOnEnteredForeground(nudge)
	}
	// On a server, another desk's commit also nudges at once (LISTEN/NOTIFY);
	// the timer stays as the fallback.
	stopListen := e.off.OnChange(e.ctx, nudge)
	t := time.NewTicker(every)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-t.C:
			case <-check:
			}
			changed, now, err := e.off.ChangedSince(e.ctx, mark)
			switch {
			case err != nil && !lost:
				lost = true
				msg := "Không đọc được sổ theo dõi hồ sơ: " + err.Error()
				e.do(func() { s.status.SetText(msg) })
			case err == nil && lost:
				lost = false
				e.do(func() { s.status.SetText(statusText) })
				changed = true
			}
			if err == nil {
				mark = now
			}
			if changed && e.changed != nil {
				e.do(e.changed)
			}
		}
	}()
	return func() { stopListen(); t.Stop(); close(done) }
}
