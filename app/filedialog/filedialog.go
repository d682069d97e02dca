// Package filedialog asks the clerk for a file or a folder in the dialog
// the computer already speaks: Windows' own save and open dialogs, the
// desktop's file chooser on Linux (the XDG desktop portal, over D-Bus),
// and, where there is neither (a bare X server, a test), a Fyne dialog in
// Vietnamese. Fyne's own file dialog says "Home", "Computer" and
// "Overwrite?" whatever the translations, so it is not used.
//
// The package only asks: it returns a path and never opens, writes or
// removes the file itself.
package filedialog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Filter is one entry of the "Loại tệp" list: a name the clerk reads and
// the extensions it lets through, with their dot (".pdf").
type Filter struct {
	Name string
	Exts []string
}

// Matches reports whether the file name has one of the filter's
// extensions, whatever their case (Windows names end in .PDF as often as
// .pdf). A filter without extensions lets everything through.
func (f Filter) Matches(name string) bool {
	if len(f.Exts) == 0 {
		return true
	}
	ext := filepath.Ext(name)
	for _, e := range f.Exts {
		if strings.EqualFold(ext, e) {
			return true
		}
	}
	return false
}

// Options say what the dialog proposes.
type Options struct {
	Title   string   // the dialog's title; a default fits each kind
	Filters []Filter // the file types offered, the first chosen
	Name    string   // the suggested file name (Save)
	Folder  string   // the folder the dialog opens in; the home folder when empty or gone
	// Present, when set, shows the Vietnamese Fyne dialog with what Enter
	// and Escape do (the window's own keyboard handling); nil just shows it.
	Present func(d dialog.Dialog, onEnter, onEscape func())
}

// Kind is what the dialog asks for.
type Kind int

const (
	SaveFile Kind = iota
	OpenFile
	OpenFolder
)

func (k Kind) defaultTitle() string {
	switch k {
	case SaveFile:
		return "Lưu tệp"
	case OpenFile:
		return "Mở tệp"
	}
	return "Chọn thư mục"
}

// errNoNative means the platform has no native dialog here (no portal on
// the bus, no display for it): the Vietnamese Fyne dialog asks instead.
var errNoNative = errors.New("no native file dialog")

// Save asks where to save a file. done gets the chosen path, or "" when
// the clerk cancels; it runs on the Fyne goroutine. A name typed without
// an extension gets the first filter's.
func Save(win fyne.Window, o Options, done func(path string)) { ask(win, SaveFile, o, done) }

// Open asks for an existing file.
func Open(win fyne.Window, o Options, done func(path string)) { ask(win, OpenFile, o, done) }

// Folder asks for a folder (a USB stick, say).
func Folder(win fyne.Window, o Options, done func(path string)) { ask(win, OpenFolder, o, done) }

// ForceFyne makes every dialog the Fyne one: set by tests, and by the
// environment variable MOTCUA_FYNE_DIALOGS=1 for a run driven by xdotool,
// which must meet a known dialog.
var ForceFyne = os.Getenv("MOTCUA_FYNE_DIALOGS") != ""

func ask(win fyne.Window, k Kind, o Options, done func(string)) {
	if o.Title == "" {
		o.Title = k.defaultTitle()
	}
	o.Folder = startFolder(o.Folder)
	if ForceFyne {
		showFyne(win, k, o, done)
		return
	}
	parent, ok := nativeParent(win)
	if !ok {
		showFyne(win, k, o, done)
		return
	}
	go func() {
		path, err := native(parent, k, o)
		fyne.Do(func() {
			if err != nil {
				if !errors.Is(err, errNoNative) {
					fyne.LogError("the native file dialog failed; asking with the Fyne one", err)
				}
				showFyne(win, k, o, done)
				return
			}
			if path != "" && k == SaveFile {
				path = withExt(path, o.Filters)
			}
			done(path)
		})
	}()
}

// withExt adds the first filter's extension to a name that has none of
// the filters' (a clerk types "bao cao", the file is "bao cao.xlsx").
func withExt(path string, fs []Filter) string {
	if len(fs) == 0 || len(fs[0].Exts) == 0 {
		return path
	}
	for _, f := range fs {
		if len(f.Exts) > 0 && f.Matches(path) {
			return path
		}
	}
	return path + strings.ToLower(fs[0].Exts[0])
}
