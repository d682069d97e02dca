// Package app is the desktop window of Một Cửa Thân Thiện: the Fyne shell
// with its navigation, the dashboard, the reception form and the register
// table. It knows Fyne and the use cases of internal/office; it holds no SQL
// and no business rule. Every text the clerk reads is Vietnamese; every
// error from the office is shown in a dialog and nothing typed is lost.
//
// Each screen is a struct whose widgets tests reach directly; tests build
// the screens against fyne.io/fyne/v2/test, without a real window.
package app

import (
	"context"
	"embed"
	"errors"
	"log"
	"motcua/app/winkeys"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/assets"
	"motcua/internal/office"
	"motcua/internal/store"
)

// AppID is the Fyne application ID; it matches FyneApp.toml.
const AppID = "vn.gov.motcua.thanthien"

// WindowTitle is the main window's title. The Windows smoke test finds the
// window by it: do not change it lightly.
const WindowTitle = "Một Cửa Thân Thiện"

// Options configure Run.
type Options struct {
	// DBPath is the register database; "" means office.DeskDB() (the
	// register saved for this desk in settings, else the default file).
	DBPath string
	// Version is shown in the status bar.
	Version string
}

//go:embed translations
var translations embed.FS

// addTranslations gives Fyne's own dialogs and menus Vietnamese words. Fyne
// ships no Vietnamese and follows the OS locale, which cannot be forced, so
// the same strings are registered under "en" as well: an English-language
// Windows then shows Vietnamese too.
func addTranslations() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("loading the Vietnamese translations", err)
	}
}

// Run opens the desktop window on the register and returns when it closes.
func Run(opt Options) error {
	path := opt.DBPath
	if path == "" {
		var err error
		if path, err = office.DeskDB(); err != nil { // this desk's register chosen in settings, or the default file
			return err
		}
	}
	// Collect garbage sooner than Go's default: on a 1,000,000-dossier
	// register the window's live heap is ~50 MB and the default lets it
	// grow to ~100 MB between collections; at 50 % the resident size is
	// ~20 MB lower for ~2 % more CPU while scrolling (measured under Xvfb).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	tuneMemory() // memtune.go
	startProbe() // MOTCUA_PPROF: profiles for measuring the window (probe.go)
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("motcua.png", assets.IconPNG))
	addTranslations()
	applyTheme(a) // the small windows before the main one too (a fatal error, a wait, an upgrade)

	startStallProbe() // MOTCUA_STALLS: how long the UI goroutine is blocked (stallprobe.go)

	// The lock file sits beside the database, whose folder may not exist
	// yet on the first start.
	if dir := filepath.Dir(path); dir != "" && !store.IsURL(path) {
		_ = os.MkdirAll(dir, 0o755)
	}
	traceOnce("bắt đầu mở sổ")
	lock, err := store.Lock(path)
	var busy *store.InUseError
	if errors.As(err, &busy) && busy.Closing {
		// The window closed a moment ago and that program is still
		// making its exit backup: wait for it behind a small window.
		return runBehind(a, path, opt, nil)
	}
	if err != nil {
		showFatal(a, lockFailed(err))
		return err
	}
	defer lock.Release()

	// A register made by an older release is upgraded behind a small
	// progress window (upgrade.go); the main window follows when it is done.
	if office.PendingUpgrade(path) {
		return runBehind(a, path, opt, lock)
	}
	o, err := office.Open(path, office.Options{DeferCheck: true})
	if err != nil {
		showFatal(a, openFailed(path, err))
		return err
	}
	traceOnce("sổ đã mở")
	finish := openMain(a, o, path, opt, lock)
	a.Run()
	finish()
	return nil
}

// openFailed is what the clerk reads when the register cannot be opened.
func openFailed(path string, err error) string {
	return "Không mở được tệp dữ liệu " + store.Redact(path) + ".\n\n" + capitalise(err.Error()) +
		"\n\nHãy chụp màn hình này gửi cán bộ phụ trách công nghệ thông tin."
}

// lockFailed is what the clerk reads when the register cannot be locked.
func lockFailed(err error) string {
	if !errors.Is(err, store.ErrInUse) {
		return err.Error()
	}
	return "Phần mềm Một Cửa Thân Thiện đang mở ở một cửa sổ khác trên máy này.\n\n" +
		"Hãy dùng cửa sổ đang mở (tìm trên thanh tác vụ ở cuối màn hình), " +
		"hoặc đóng cửa sổ đó rồi mở lại phần mềm. Nếu không thấy cửa sổ nào, cửa sổ cũ đã bị treo: " +
		"kết thúc nó trong Trình quản lý tác vụ (Ctrl+Shift+Esc) rồi mở lại.\n\nChi tiết: " + capitalise(err.Error())
}

// lockWhenFree is store.LockWhenFree; a test sees the wait begin.
var lockWhenFree = store.LockWhenFree

// closingWait is how long a start waits for the program that is closing
// on the same register (its exit backup: seconds, a minute on a slow disk
// at 1,000,000 dossiers).
var closingWait = 3 * time.Minute

// runBehind opens the register off the UI goroutine behind a small window
// (upgrade.go), then puts the main window in its place: lock nil waits
// first for the program that is closing on the register; an upgrade
// pending runs with its progress shown; a failure is told in the same
// window.
func runBehind(a fyne.App, path string, opt Options, lock *store.InstanceLock) error {
	u := newUpgradeWindow(a)
	// Closing the small window while it waits gives up the wait.
	ctx, cancel := context.WithTimeout(context.Background(), closingWait)
	defer cancel()
	if lock == nil {
		u.waiting(cancel)
	}
	u.show()
	var finish func()
	var openErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		upgrading := lock != nil
		if lock == nil {
			l, err := lockWhenFree(ctx, path, 200*time.Millisecond)
			if err != nil {
				openErr = err
				if !errors.Is(ctx.Err(), context.Canceled) { // the clerk closed the window: nothing to say
					fyne.DoAndWait(func() { u.fail(a, lockFailed(err)) })
				}
				return
			}
			lock = l
			if upgrading = office.PendingUpgrade(path); upgrading {
				fyne.DoAndWait(u.upgrading)
			} else {
				fyne.DoAndWait(u.opening)
			}
		}
		o, err := office.Open(path, office.Options{DeferCheck: true, Progress: u.update})
		fyne.DoAndWait(func() {
			if err != nil {
				openErr = err
				msg := openFailed(path, err)
				if upgrading {
					msg = upgradeFailed(err)
				}
				u.fail(a, msg)
				return
			}
			finish = openMain(a, o, path, opt, lock)
			u.close()
		})
	}()
	a.Run()
	// The window's loop ends only after the work above (the small window
	// cannot be closed before); the headless driver's returns at once.
	<-done
	if finish != nil {
		finish()
	}
	lock.Release()
	return openErr
}

// openMain shows the main window on the open register and starts what
// runs beside it; the returned function, called once the window's loop
// has ended, stops that work, makes the exit backup and closes the
// register.
func openMain(a fyne.App, o *office.Office, path string, opt Options, lock *store.InstanceLock) (finish func()) {
	applyTheme(a)
	w := a.NewWindow(WindowTitle)
	s := newShell(a, w, o, path, opt.Version)
	traceOnce("giao diện đã dựng")
	s.settings.applyDisplay = func() { applyTheme(a) }
	s.env.uiMu.Lock() // the headless driver (-tags ci) runs fyne.Do at once
	w.SetMaster()
	w.CenterOnScreen()
	w.Show()
	traceOnce("cửa sổ chính hiện")
	s.restorePlacement()
	winkeys.Install(w) // Unikey/EVKey backspaces sent as Unicode packets (GLFW drops them)
	if derr := o.Damaged(); derr != nil {
		dialog.ShowError(derr, w) // opened read-only; the sentence names the backup to restore
	}
	logout := installLogin(s) // login.go: who is working, when the register uses accounts
	s.env.uiMu.Unlock()
	traceFirstFrame(w, func() bool { return s.dashboard.open.Text != "–" }) // MOTCUA_FIRST_FRAME (probe.go)
	stopSweep := make(chan struct{})
	go sweepMemory(w, stopSweep) // memtune.go: what scrolling left behind goes back while the window idles
	// After the first frame: the day's integrity check (10–30 s at
	// 1,000,000 dossiers, on a connection of its own while the clerk
	// works), then today's first automatic backup in sao-luu beside the
	// register (an online copy, also on its own connection).
	checks, stopChecks := context.WithCancel(context.Background())
	startupChecks(s.env, o, checks)
	stop := s.startTicker(time.Minute)
	// The shells this window showed (the real register, then perhaps the
	// demo one) and how to close what they opened, last first.
	shells := []*shell{s}
	var closers []func()
	stopSignals := watchSignals(func() { fyne.Do(a.Quit) }, func() {
		// The loop is stuck: free the lock and go. SQLite's journal keeps
		// the register whole; an open transaction is rolled back.
		lock.Release()
		os.Exit(1)
	}, quitGrace)

	// An empty register with placeholders opens on the first-start wizard.
	if first, err := o.FirstStart(context.Background()); err == nil && first && !office.IsDemoPath(path) {
		s.env.uiMu.Lock() // as for the shell: background work reports only once it is in place
		newWizard(s.env, func() {
			demo, closeDemo, err := openDemo(a, w, office.DemoPath(path), opt.Version)
			if err != nil {
				s.env.showError(err, nil)
				return
			}
			stop()
			closers = append(closers, closeDemo)
			shells = append(shells, demo)
			stop = demo.startTicker(time.Minute)
		}).show()
		s.env.uiMu.Unlock()
	}
	return func() {
		// The window is gone; a start meanwhile waits for the exit backup.
		lock.Closing()
		stopChecks() // an unfinished check runs again at the next open
		close(stopSweep)
		stopSignals()
		stop()
		for _, sh := range shells {
			if !waitAtMost(sh.env.wait, quitGrace) {
				log.Printf("background work did not finish within %v after the window closed; closing anyway", quitGrace)
			}
		}
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
		logout()
		// Every exit brings today's automatic backup up to the day's work
		// (it copies nothing when the register did not change).
		if _, err := o.ExitBackup(context.Background()); err != nil && o.Damaged() == nil {
			fyne.LogError("sao lưu tự động", err)
		}
		o.Close()
	}
}

// startupChecksAfter is how long after the window shows the start-up
// checks begin.
var startupChecksAfter = 3 * time.Second

// startupChecks runs, in the background, the day's integrity check that
// Open deferred and then today's first automatic backup. Damage found
// makes the register read-only (every change is refused from then on),
// is recorded beside it, and is told to the clerk in one sentence saying
// to restore from the newest good backup.
func startupChecks(e *env, o *office.Office, ctx context.Context) {
	e.background(func() {
		// Leave the first seconds to the screens' first reads: the check
		// reads the whole file and would slow the dashboard's numbers.
		select {
		case <-ctx.Done():
			return
		case <-time.After(startupChecksAfter):
		}
		if err := o.CheckInBackground(ctx); err != nil {
			log.Printf("kiểm tra tệp dữ liệu: %v", err)
			if o.Damaged() != nil {
				e.do(func() { e.showError(err, nil) })
			}
			return
		}
		if ctx.Err() != nil {
			return
		}
		if _, err := o.DailyBackup(ctx); err != nil {
			fyne.LogError("sao lưu tự động", err)
		}
	})
}

// openDemo puts the demo register in the window in place of the real one:
// its own file and lock, filled with a living office the first time. It
// runs on the UI goroutine; the seeding runs behind a wait message.
func openDemo(a fyne.App, w fyne.Window, path, version string) (*shell, func(), error) {
	lock, err := store.Lock(path)
	if err != nil {
		return nil, nil, err
	}
	o, err := office.Open(path, office.Options{})
	if err != nil {
		lock.Release()
		return nil, nil, err
	}
	s := newShell(a, w, o, path, version)
	closeAll := func() {
		o.Close()
		lock.Release()
	}
	wait := dialog.NewCustomWithoutButtons("Đang tạo dữ liệu mẫu",
		container.NewVBox(widget.NewLabel("Đang tạo sổ theo dõi mẫu để tập, chỉ mất vài giây…"), widget.NewProgressBarInfinite()), w)
	wait.Show()
	s.env.background(func() {
		err := prepareDemo(s.env.ctx, o)
		s.env.do(func() {
			wait.Hide()
			if err != nil {
				s.env.showError(err, nil)
				return
			}
			s.env.changed()
			s.letters.reload()
		})
	})
	return s, closeAll, nil
}

// showFatal shows why the program cannot start, in a small window of its
// own (there is no main window yet to hang a dialog on), and returns when
// the clerk closes it.
func showFatal(a fyne.App, msg string) {
	w := a.NewWindow(WindowTitle + " – không mở được")
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon("Đóng", theme.CancelIcon(), a.Quit)
	closeBtn.Importance = widget.HighImportance
	icon := widget.NewIcon(theme.ErrorIcon())
	w.SetContent(container.NewBorder(nil, container.NewCenter(closeBtn),
		container.NewVBox(icon), nil, text))
	w.Resize(fyne.NewSize(560, 240))
	w.CenterOnScreen()
	w.ShowAndRun()
}
