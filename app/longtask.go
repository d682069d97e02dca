package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// longTaskDelay is how long a task runs before its progress dialog shows:
// a quick one never flashes a dialog.
var longTaskDelay = 400 * time.Millisecond

// longTask runs a long job (a year's register book, a report workbook, a
// bundle, a backup, an import) off the UI goroutine under a context of its
// own. After a moment a dialog shows what runs, a bar that fills as the
// job reports progress (or moves while it cannot count), and "Hủy", which
// cancels the context: the job stops in its loop and writes no file. done
// gets the job's error on the UI goroutine; after a cancel the clerk has
// already been told "Đã hủy <what>." and done gets an error for which
// office.Cancelled is true.
func (e *env) longTask(title, what string, run func(ctx context.Context) error, done func(error)) {
	ctx, cancel := context.WithCancel(e.ctx)
	t := &taskView{do: e.do}
	ctx = office.WithProgress(ctx, t.progress)
	finished := make(chan struct{})
	e.tasks.Add(1) // the delayed dialog counts as work until shown or unneeded
	timer := time.AfterFunc(longTaskDelay, func() {
		defer e.tasks.Done()
		e.do(func() {
			select {
			case <-finished:
				return
			default:
			}
			t.show(e, title, what, cancel)
		})
	})
	e.background(func() {
		err := run(ctx)
		// A job that did not look at its context in time still finished:
		// its result is dropped, as the clerk asked.
		cancelled := ctx.Err() != nil
		if cancelled && !office.Cancelled(err) {
			err = context.Canceled
		}
		cancel()
		e.do(func() {
			close(finished)
			if timer.Stop() {
				e.tasks.Done()
			}
			t.hide()
			if cancelled {
				e.info("Đã hủy", "Đã hủy "+what+". Không có tệp nào được ghi, sổ theo dõi hồ sơ không thay đổi.")
			}
			done(err)
		})
	})
}

// taskView is the progress dialog of one long task.
type taskView struct {
	do           func(func()) // env.do: the UI goroutine
	mu           sync.Mutex
	done, total  int
	lastReported time.Time

	d        *dialog.CustomDialog
	bar      *widget.ProgressBar
	moving   *widget.ProgressBarInfinite
	count    *widget.Label
	shown    bool
	counting bool
}

// progress is called from the task's goroutine; the screen follows at
// most ten times a second. A task that cannot know its total (a bundle)
// reports total 0 and its count of records.
func (t *taskView) progress(done, total int) {
	t.mu.Lock()
	t.done, t.total = done, total
	now := time.Now()
	due := now.Sub(t.lastReported) >= 100*time.Millisecond || done == total
	if due {
		t.lastReported = now
	}
	t.mu.Unlock()
	if due {
		t.do(t.refresh)
	}
}

func (t *taskView) show(e *env, title, what string, cancel func()) {
	head := widget.NewLabel("Đang " + what + "…")
	head.Wrapping = fyne.TextWrapWord
	t.bar = widget.NewProgressBar()
	t.bar.Hide()
	t.moving = widget.NewProgressBarInfinite()
	t.count = widget.NewLabel("")
	stop := newButton("Hủy", theme.CancelIcon(), nil)
	t.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(head, t.bar, t.moving, t.count), e.win)
	stop.OnTapped = func() {
		cancel()
		stop.Disable()
		head.SetText("Đang dừng " + what + "…")
	}
	t.d.SetButtons([]fyne.CanvasObject{stop})
	t.shown = true
	e.show(t.d, nil, stop.OnTapped)
	t.d.Resize(fyne.NewSize(440, t.d.MinSize().Height))
	t.refresh()
}

// refresh shows the last progress (UI goroutine).
func (t *taskView) refresh() {
	if !t.shown {
		return
	}
	t.mu.Lock()
	done, total := t.done, t.total
	t.mu.Unlock()
	if total <= 0 {
		if done > 0 {
			t.count.SetText("Đã ghi " + fmtCount(done) + " bản ghi.")
		}
		return
	}
	if !t.counting {
		t.counting = true
		t.moving.Stop()
		t.moving.Hide()
		t.bar.Show()
	}
	t.bar.SetValue(float64(done) / float64(total))
	t.count.SetText(fmt.Sprintf("Đã xong %d%%.", done*100/total))
}

func (t *taskView) hide() {
	if t.shown {
		t.moving.Stop()
		t.d.Hide()
		t.shown = false
	}
}
