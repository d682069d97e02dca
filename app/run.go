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
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("motcua.png", assets.IconPNG))
	addTranslations()

	// The lock file sits beside the database, whose folder may not exist
	// yet on the first start.
	if dir := filepath.Dir(path); dir != "" && !store.IsURL(path) {
		_ = os.MkdirAll(dir, 0o755)
	}
	lock, err := store.Lock(path)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, store.ErrInUse) {
			msg = "Phần mềm Một Cửa Thân Thiện đang mở ở một cửa sổ khác trên máy này.\n\n" +
				"Hãy dùng cửa sổ đang mở (tìm trên thanh tác vụ ở cuối màn hình), " +
				"hoặc đóng cửa sổ đó rồi mở lại phần mềm. Nếu không thấy cửa sổ nào, cửa sổ cũ đã bị treo: " +
				"kết thúc nó trong Trình quản lý tác vụ (Ctrl+Shift+Esc) rồi mở lại.\n\nChi tiết: " + capitalise(err.Error())
		}
		showFatal(a, msg)
		return err
	}
	defer lock.Release()

	o, err := office.Open(path, office.Options{})
	if err != nil {
		showFatal(a, "Không mở được tệp dữ liệu "+store.Redact(path)+".\n\n"+capitalise(err.Error())+
			"\n\nHãy chụp màn hình này gửi cán bộ phụ trách công nghệ thông tin.")
		return err
	}
	defer o.Close()
	// Automatic backups in sao-luu beside the register: today's first open
	// (before the window shows: about 0.6 s at 100,000 dossiers, once a
	// day; in the background it would hold the one connection the screens
	// read through anyway) and every exit (runs before o.Close, deferred
	// after it).
	backupErr := func(err error) { fyne.LogError("sao lưu tự động", err) }
	if _, err := o.DailyBackup(context.Background()); err != nil {
		backupErr(err)
	}
	defer func() {
		if _, err := o.ExitBackup(context.Background()); err != nil && o.Damaged() == nil {
			backupErr(err)
		}
	}()

	applyTheme(a)
	w := a.NewWindow(WindowTitle)
	s := newShell(a, w, o, path, opt.Version)
	s.settings.applyDisplay = func() { applyTheme(a) }
	s.env.uiMu.Lock() // the headless driver (-tags ci) runs fyne.Do at once
	w.SetMaster()
	w.CenterOnScreen()
	w.Show()
	s.restorePlacement()
	winkeys.Install(w) // Unikey/EVKey backspaces sent as Unicode packets (GLFW drops them)
	if derr := o.Damaged(); derr != nil {
		dialog.ShowError(derr, w) // opened read-only; the sentence names the backup to restore
	}
	defer installLogin(s)() // login.go: who is working, when the register uses accounts
	s.env.uiMu.Unlock()
	stop := s.startTicker(time.Minute)
	// The shells this window showed (the real register, then perhaps the
	// demo one) and how to close what they opened, last first.
	shells := []*shell{s}
	var closers []func()
	defer func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}()
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
	a.Run()
	stopSignals()
	stop()
	for _, sh := range shells {
		if !waitAtMost(sh.env.wait, quitGrace) {
			log.Printf("background work did not finish within %v after the window closed; closing anyway", quitGrace)
		}
	}
	return nil
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
