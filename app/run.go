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
	"embed"
	"errors"
	"motcua/app/winkeys"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
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
	// DBPath is the register database; "" means office.DefaultDBPath().
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
		if path, err = office.DefaultDBPath(); err != nil {
			return err
		}
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
				"hoặc đóng cửa sổ đó rồi mở lại phần mềm.\n\nTệp dữ liệu: " + path
		}
		showFatal(a, msg)
		return err
	}
	defer lock.Release()

	o, err := office.Open(path, office.Options{})
	if err != nil {
		showFatal(a, "Không mở được tệp dữ liệu "+path+".\n\n"+capitalise(err.Error())+
			"\n\nHãy chụp màn hình này gửi cán bộ phụ trách công nghệ thông tin.")
		return err
	}
	defer o.Close()

	w := a.NewWindow(WindowTitle)
	s := newShell(a, w, o, path, opt.Version)
	s.env.uiMu.Lock() // the headless driver (-tags ci) runs fyne.Do at once
	w.SetMaster()
	w.CenterOnScreen()
	w.Show()
	s.restorePlacement()
	winkeys.Install(w) // Unikey/EVKey backspaces sent as Unicode packets (GLFW drops them)
	s.env.uiMu.Unlock()
	stop := s.startTicker(time.Minute)
	defer stop()
	a.Run()
	s.env.wait()
	return nil
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
