package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/sysopen"
)

// env is what every screen shares: the window, the office, and the
// background work that keeps the database off the UI goroutine.
type env struct {
	app fyne.App
	win fyne.Window
	off *office.Office
	ctx context.Context

	tasks sync.WaitGroup
	uiMu  sync.Mutex

	// queueUI (tests) keeps what background work hands back in queue
	// until wait runs it on the calling goroutine: the test driver has no
	// UI thread, and a test's taps would otherwise touch the widgets at
	// the same time as a finishing job. The window runs it with fyne.Do.
	queueUI bool
	qmu     sync.Mutex
	queue   []func()

	top *keyedDialog // the last message shown, for Enter and Escape

	// changed runs on the UI goroutine after a dossier was received or
	// changed, so every screen can refresh what it shows.
	changed func()
	// lettersChanged runs on the UI goroutine after a letter was drafted
	// or issued; settingsChanged after the settings were saved.
	lettersChanged  func()
	settingsChanged func()
	// goToSettings opens the settings tab (reception links to it when the
	// commune's profile is incomplete).
	goToSettings func()

	// The system's viewer and printer (internal/sysopen); tests replace
	// them. tempDir holds the PDFs handed to them ("" is a folder in the
	// user's cache directory).
	openFile  func(path string) error
	printFile func(path string) (printed bool, err error)
	tempDir   string
	cleanOld  sync.Once // old temporary PDFs are removed once a session
	lastDoc   *document // the last document made, for tests
	perms     permits   // what the one working may do (permits.go)
	// accountsOn starts the login's idle watch once the first
	// administrator is created (login.go); nil otherwise.
	accountsOn func()
}

// background runs f off the UI goroutine; f hands its results back with
// fyne.Do. A panic becomes an error dialog instead of closing the window
// with the clerk's work in it (the database transaction is rolled back).
func (e *env) background(f func()) {
	e.tasks.Add(1)
	go func() {
		defer e.tasks.Done()
		defer func() {
			if r := recover(); r != nil {
				log.Printf("panic in background work: %v\n%s", r, debug.Stack())
				e.do(func() {
					e.showError(fmt.Errorf("phần mềm gặp lỗi không mong đợi (%v). Dữ liệu đã lưu trước đó không bị ảnh hưởng; hãy thử lại, nếu vẫn lỗi hãy báo cán bộ phụ trách công nghệ thông tin", r), nil)
				})
			}
		}()
		f()
	}()
}

// do runs f on the UI goroutine (fyne.Do). The lock changes nothing in
// the window, where fyne.Do already runs one function at a time; the test
// driver runs f on the calling goroutine, and the lock keeps two finishing
// background jobs from touching the widgets at once.
func (e *env) do(f func()) {
	if e.queueUI {
		e.qmu.Lock()
		e.queue = append(e.queue, f)
		e.qmu.Unlock()
		return
	}
	fyne.Do(func() {
		e.uiMu.Lock()
		defer e.uiMu.Unlock()
		f()
	})
}

// wait blocks until the background work started so far is done (tests, and
// the window closing). With queueUI it also runs what the work handed back,
// and the work that started, until nothing is left.
func (e *env) wait() {
	for {
		e.tasks.Wait()
		e.qmu.Lock()
		q := e.queue
		e.queue = nil
		e.qmu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			e.uiMu.Lock()
			f()
			e.uiMu.Unlock()
		}
	}
}

// showError shows err as a Vietnamese dialog; then runs when it is closed.
func (e *env) showError(err error, then func()) {
	if errors.Is(err, context.Canceled) {
		return
	}
	// The icon beside the text, not over it (Fyne's error dialog puts
	// its "!" behind the message), and the width to read a sentence.
	text := widget.NewLabel(capitalise(err.Error()))
	text.Wrapping = fyne.TextWrapWord
	icon := widget.NewIcon(theme.ErrorIcon())
	d := dialog.NewCustom("Lỗi", "Đồng ý", container.NewBorder(nil, nil, container.NewVBox(icon), nil, text), e.win)
	if then != nil {
		d.SetOnClosed(then)
	}
	e.show(d, d.Hide, d.Hide)
	size := e.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(560, max(size.Width-40, 300)), 0))
}

// info tells the clerk something; Enter or Escape closes it.
func (e *env) info(title, msg string) { e.infoThen(title, msg, nil) }

// infoThen is info that runs then once the message is closed.
func (e *env) infoThen(title, msg string, then func()) {
	d := dialog.NewInformation(title, msg, e.win)
	if then != nil {
		d.SetOnClosed(then)
	}
	e.show(d, d.Hide, d.Hide)
}

// confirm asks a yes/no question: Enter answers yes, Escape no. The
// question follows a button the clerk pressed on purpose (Enter on a
// focused button presses it), so Enter twice returns a result by keyboard.
func (e *env) confirm(title, msg string, then func(bool)) {
	d := dialog.NewConfirm(title, msg, then, e.win)
	e.show(d, d.Confirm, func() { d.Dismiss() })
}

// confirmAction asks whether to do something, with the action's own
// label; Enter does it, Escape closes and runs cancelled (if any).
func (e *env) confirmAction(title, msg, label string, do, cancelled func()) {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	yes := newButton(label, theme.ConfirmIcon(), func() { d.Hide(); do() })
	yes.Importance = widget.HighImportance
	no := newButton("Đóng", theme.CancelIcon(), func() {
		d.Hide()
		if cancelled != nil {
			cancelled()
		}
	})
	d = dialog.NewCustomWithoutButtons(title, text, e.win)
	d.SetButtons([]fyne.CanvasObject{no, yes})
	d.Resize(fyne.NewSize(560, 0))
	e.show(d, yes.OnTapped, no.OnTapped)
}

// show shows d and remembers what Enter and Escape do while it is on top.
// When it closes, the keys go back to the dialog under it, if still open
// (a message shown over the document dialog, say).
func (e *env) show(d dialog.Dialog, onEnter, onEscape func()) {
	kd := &keyedDialog{d: d, onEnter: onEnter, onEscape: onEscape, under: e.top}
	e.top = kd
	d.SetOnClosed(func() {
		kd.closed = true
		if e.top == kd {
			e.top = kd.under
			for e.top != nil && e.top.closed {
				e.top = e.top.under
			}
		}
	})
	d.Show()
}

// keyedDialog is a dialog with its keyboard answers.
type keyedDialog struct {
	d                 dialog.Dialog
	onEnter, onEscape func()
	under             *keyedDialog // the dialog shown before, if any
	closed            bool
	topic             string // its own guide in assets/help, if any (help.go)
	guide             bool   // it is a guide shown by F1
}

// typedKey handles keys nobody focused took: Enter and Escape close the
// dialog on top, which has no focusable field of its own.
func (e *env) typedKey(k *fyne.KeyEvent) {
	top := e.top
	if top == nil || e.win.Canvas().Overlays().Top() == nil {
		return
	}
	var f func()
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		f = top.onEnter
	case fyne.KeyEscape:
		f = top.onEscape
	}
	if f != nil {
		f()
	}
}

// screen is one page of the navigation.
type screen struct {
	title   string
	icon    fyne.Resource
	content fyne.CanvasObject
	shown   func() // on the UI goroutine, each time the page is opened
}

// shell is the main window's content: the navigation, the screens and the
// status bar.
type shell struct {
	env       *env
	dashboard *dashboard
	reception *reception
	register  *registerScreen
	letters   *lettersScreen
	settings  *settingsScreen
	calendar  *calendarScreen
	bundles   *bundleScreen
	communes  *communesScreen // the upper level's profile only

	// restorePlacement moves the shown window where it was last time.
	restorePlacement func()
	// close closes the window (tests record it instead).
	close func()

	tabs    *container.AppTabs
	status  *widget.Label
	content fyne.CanvasObject
}

// Indices of the screens in the navigation. Later screens (Cán bộ, Báo
// cáo) are appended to the list in newShell.
const (
	tabDashboard = iota
	tabReception
	tabRegister
	tabLetters
	tabSettings
	tabCalendar
	tabBundles
)

// newShell builds the window's content and puts it in w, sized for a
// counter PC. It holds the UI lock meanwhile: the loads it starts in the
// background report only once the widgets they touch are in place.
func newShell(a fyne.App, w fyne.Window, o *office.Office, dbPath, version string) *shell {
	return buildShell(a, w, o, dbPath, version, false)
}

// buildShell is newShell; queueUI is for tests (see env.queueUI).
func buildShell(a fyne.App, w fyne.Window, o *office.Office, dbPath, version string, queueUI bool) *shell {
	e := &env{app: a, win: w, off: o, ctx: context.Background(), openFile: sysopen.Open, printFile: sysopen.Print, queueUI: queueUI,
		tempDir: a.Preferences().String(prefDocsDir)}
	e.uiMu.Lock()
	defer e.uiMu.Unlock()
	s := &shell{env: e}
	s.dashboard = newDashboard(e)
	s.reception = newReception(e)
	s.register = newRegister(e)
	s.letters = newLettersScreen(e)
	s.settings = newSettingsScreen(e)
	s.calendar = newCalendarScreen(e)
	s.bundles = newBundleScreen(e, version)
	e.changed = func() {
		s.dashboard.reload()
		s.register.reload()
	}
	e.lettersChanged = s.letters.reload
	// Hours move due times and colours, the profile what letters print.
	e.settingsChanged = func() {
		e.changed()
		s.reception.refreshDue()
		s.reception.refreshProfile()
		s.letters.reload()
	}
	s.reception.onShortcut = s.shortcut
	s.register.onShortcut = s.shortcut
	s.dashboard.goToTab = func(i int) {
		if !s.tabs.Items[i].Disabled() {
			s.tabs.SelectIndex(i)
		}
	}
	s.dashboard.openDossier = func(d register.Dossier) {
		s.tabs.SelectIndex(tabRegister)
		s.register.open(d)
	}

	screens := []screen{
		{"Tổng quan", theme.HomeIcon(), s.dashboard.content, s.dashboard.reload},
		{"Tiếp nhận", theme.DocumentCreateIcon(), s.reception.content, s.reception.shown},
		{"Sổ theo dõi", theme.ListIcon(), s.register.content, s.register.shown},
		{"Thư", theme.MailComposeIcon(), s.letters.content, s.letters.shown},
		{"Cài đặt", theme.SettingsIcon(), s.settings.content, s.settings.shown},
		// New screens are appended here, in the order of their tabs; the
		// tab constants above follow this list.
		{"Lịch", theme.CalendarIcon(), s.calendar.content, s.calendar.shown},
		{"Gửi cấp trên", theme.UploadIcon(), s.bundles.content, s.bundles.shown},
	}
	reports := newReportScreen(e)
	screens = append(screens, screen{"Báo cáo", theme.DocumentIcon(), reports.content, reports.shown})
	screens = append(screens, outreachScreens(e)...)
	// The upper level (issue 11) opens on its communes table; the counter's
	// reception makes no sense there and is disabled.
	tabCommunes := -1
	if o.IsUpperLevel() {
		s.communes = newCommunesScreen(e)
		s.communes.goImport = func() { s.tabs.SelectIndex(tabBundles) }
		tabCommunes = len(screens)
		screens = append(screens, screen{"Các xã", theme.StorageIcon(), s.communes.content, s.communes.shown})
	}
	s.tabs = container.NewAppTabs()
	for _, sc := range screens {
		s.tabs.Append(container.NewTabItemWithIcon(sc.title, sc.icon, sc.content))
	}
	current := 0
	s.tabs.OnSelected = func(*container.TabItem) {
		s.leavingTab(current)
		current = s.tabs.SelectedIndex()
		if f := screens[current].shown; f != nil {
			f()
		}
	}
	if tabCommunes >= 0 {
		s.tabs.DisableIndex(tabReception)
		s.dashboard.receiveBtn.Hide()
		s.tabs.SelectIndex(tabCommunes)
	}
	s.close = w.Close
	w.SetCloseIntercept(s.closeWindow)

	where := "Tệp dữ liệu: "
	if store.IsURL(dbPath) {
		where = "Cơ sở dữ liệu PostgreSQL: "
	}
	s.status = widget.NewLabel(where + store.Redact(dbPath)) // never a password
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.status.SizeName = theme.SizeNameCaptionText
	ver := widget.NewLabel("Phiên bản " + version)
	ver.SizeName = theme.SizeNameCaptionText
	bar := container.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(s.backupButton(), ver), s.status)
	var top fyne.CanvasObject
	if office.IsDemoPath(dbPath) {
		top = demoBanner()
		w.SetTitle(WindowTitle + " – DỮ LIỆU MẪU")
	}
	s.content = container.NewBorder(top, bar, nil, nil, s.tabs)
	e.goToSettings = func() { s.tabs.SelectIndex(tabSettings) }

	// The same keys when no entry has the focus (after ticking a
	// checkbox, say); a focused entry passes them on itself.
	for _, k := range []fyne.KeyName{fyne.KeyS, fyne.KeyN, fyne.KeyF, fyne.KeyP, fyne.KeyT} {
		w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault},
			func(sc fyne.Shortcut) { s.shortcut(sc) })
	}
	for _, k := range tabKeys {
		for _, m := range []fyne.KeyModifier{fyne.KeyModifierAlt, fyne.KeyModifierShortcutDefault} {
			w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: m},
				func(sc fyne.Shortcut) { s.shortcut(sc) })
		}
	}
	helpByCanvas.Store(w.Canvas(), s.help) // F1 in a focused button or field of a dialog
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyF1 {
			s.help()
			return
		}
		e.typedKey(k)
	})
	for _, en := range []*keyEntry{s.reception.procSearch, s.reception.name, s.reception.address, s.reception.phone,
		s.reception.email, s.reception.sets, s.register.search} {
		en.help = s.help
	}
	s.dashboard.reload()
	w.SetContent(s.content)
	s.restorePlacement = placeWindow(a, w)
	return s
}

// shortcut handles the window's own keys, wherever the focus is. It
// reports whether the shortcut was one of them.
func (s *shell) shortcut(sc fyne.Shortcut) bool {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok {
		return false
	}
	// Alt+1…9 or Ctrl+1…9: the tabs, in the order of the navigation.
	if cs.Modifier == fyne.KeyModifierAlt || cs.Modifier == fyne.KeyModifierShortcutDefault {
		for i, k := range tabKeys {
			if cs.KeyName == k && i < len(s.tabs.Items) && !s.tabs.Items[i].Disabled() {
				s.tabs.SelectIndex(i)
				return true
			}
		}
	}
	if cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch cs.KeyName {
	case fyne.KeyS:
		if s.tabs.SelectedIndex() == tabReception {
			s.reception.submit()
			return true
		}
	case fyne.KeyN:
		if s.tabs.Items[tabReception].Disabled() {
			return false
		}
		s.tabs.SelectIndex(tabReception)
		return true
	case fyne.KeyF:
		s.tabs.SelectIndex(tabRegister)
		s.env.win.Canvas().Focus(s.register.search)
		return true
	case fyne.KeyT:
		// Trả kết quả for the dossier open in the register: the
		// citizen is at the counter, the clerk's hands on the keyboard.
		if s.tabs.SelectedIndex() == tabRegister && !s.register.detail.ret.Disabled() {
			s.register.detail.doReturn()
			return true
		}
	case fyne.KeyP:
		switch s.tabs.SelectedIndex() {
		case tabReception:
			s.reception.printReceipt()
			return true
		case tabRegister:
			s.register.detail.showPaperMenu()
			return true
		}
	}
	return false
}

// tabKeys open the tabs with Alt or Ctrl: 1 is the first tab.
var tabKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// startTicker refreshes what depends on the clock: the due time the
// reception form announces (the 15:00 cut-off moves it), the register's
// colours and, every few minutes, the dashboard. It returns a stop func.
func (s *shell) startTicker(every time.Duration) (stop func()) {
	t := time.NewTicker(every)
	done := make(chan struct{})
	go func() {
		n := 0
		for {
			select {
			case <-done:
				return
			case <-t.C:
				n++
				s.env.do(func() {
					s.reception.refreshDue()
					s.register.list.Refresh()
					if n%5 == 0 || s.tabs.SelectedIndex() == tabDashboard {
						s.dashboard.reload()
					}
				})
			}
		}
	}()
	stopWatch := s.watchOtherDesks(3 * time.Second)
	return func() { t.Stop(); close(done); stopWatch() }
}
