package office

import (
	"context"
	"errors"
)

// A long task (a year's register book, a report workbook, a bundle, a
// backup, an Excel import) runs under a context the window or the command
// line cancels: "Hủy" or Ctrl+C. Its loops check the context every few
// rows and stop; files are written to a temporary name and renamed only
// when whole, so a cancelled task leaves nothing behind. The context also
// carries where to report progress, so no signature grows a callback.

type progressKey struct{}

// WithProgress returns ctx carrying report, which long tasks call now and
// then with how many items are done of total (total 0 when unknown). It is
// called from the task's goroutine.
func WithProgress(ctx context.Context, report func(done, total int)) context.Context {
	return context.WithValue(ctx, progressKey{}, report)
}

// Cancelled reports whether err is a task stopped by its context's cancel
// (not by a deadline or a failure).
func Cancelled(err error) bool { return errors.Is(err, context.Canceled) }

// stopped is err, or the context's own error when the task was cancelled
// (a query cut short by the cancel fails with a message of its own, and the
// window must know it was a cancel, not a failure).
func stopped(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// stepEvery is how many items a loop does between two looks at its context.
const stepEvery = 64

// stepper is a long loop's check: call it with each item's index; every
// stepEvery items (and at the first) it reports progress and returns the
// context's error once cancelled. total is 0 when the loop cannot know it.
func stepper(ctx context.Context, total int) func(i int) error {
	report, _ := ctx.Value(progressKey{}).(func(done, total int))
	return func(i int) error {
		if i%stepEvery != 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if report != nil {
			report(i, total)
		}
		return nil
	}
}

// reportDone says the task reached its total (the bar fills).
func reportDone(ctx context.Context, total int) {
	if report, ok := ctx.Value(progressKey{}).(func(done, total int)); ok {
		report(total, total)
	}
}
