package filedialog

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// texts is every word the clerk can read in o: labels, buttons, entries.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.Text)
		case *widget.Select:
			out = append(out, w.Selected)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, ch := range c.Objects {
				walk(ch)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, ch := range test.WidgetRenderer(w).Objects() {
				walk(ch)
			}
		}
	}
	walk(o)
	return out
}

func overlayTexts(w fyne.Window) string {
	var all []string
	for _, o := range w.Canvas().Overlays().List() {
		all = append(all, texts(o)...)
	}
	return strings.Join(all, "|")
}

func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || found != nil {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() {
			found = b
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, ch := range c.Objects {
				walk(ch)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, ch := range test.WidgetRenderer(wd).Objects() {
				walk(ch)
			}
		}
	}
	list := w.Canvas().Overlays().List()
	for i := len(list) - 1; i >= 0 && found == nil; i-- {
		walk(list[i])
	}
	if found == nil {
		t.Fatalf("no button %q in %s", label, overlayTexts(w))
	}
	return found
}

func folderWith(t *testing.T, files ...string) string {
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, f)
		if strings.HasSuffix(f, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var pdfs = []Filter{{Name: "Tệp PDF (*.pdf)", Exts: []string{".pdf"}}}

// The save dialog speaks Vietnamese only, lists folders and the files of
// its type, and asks before writing over a file.
func TestSaveDialogIsVietnameseAndAsksBeforeOverwriting(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	defer w.Close()
	dir := folderWith(t, "bien-ban.pdf", "GHI-CHU.PDF", "ghichu.txt", "Hồ sơ cũ/", ".an.pdf")

	got := "unset"
	b := showFyne(w, SaveFile, Options{Title: "Lưu báo cáo", Filters: pdfs, Name: "bien-ban.pdf", Folder: dir}, func(p string) { got = p })

	all := overlayTexts(w)
	for _, want := range []string{"Lưu báo cáo", "Thư mục cá nhân", "Lên trên", "Thư mục mới", "Hiện tệp ẩn", "Tên tệp:", "Loại tệp:", "Tệp PDF (*.pdf)", "Hủy", "Lưu", "Thư mục: " + dir} {
		if !strings.Contains("|"+all+"|", "|"+want+"|") {
			t.Errorf("the dialog lacks %q: %s", want, all)
		}
	}
	for _, english := range []string{"Home", "Computer", "Save", "Cancel", "Show Hidden Files", "Overwrite?"} {
		if strings.Contains("|"+all+"|", "|"+english+"|") {
			t.Errorf("the dialog says %q in English: %s", english, all)
		}
	}
	var names []string
	for _, e := range b.entries {
		names = append(names, e.name)
	}
	if strings.Join(names, ",") != "Hồ sơ cũ,bien-ban.pdf,GHI-CHU.PDF" {
		t.Errorf("listed %v, want the folder first, then both PDFs (any case), no text file, no hidden file", names)
	}

	// Keep a picture of it to look at.
	if out := os.Getenv("FILEDIALOG_PNG"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range w.Canvas().Overlays().List() {
			relayout(o)
		}
		png.Encode(f, w.Canvas().Capture())
		f.Close()
	}

	// The name is taken: it asks, in Vietnamese, and "Không" keeps the dialog.
	test.Tap(button(t, w, "Lưu"))
	if !strings.Contains(overlayTexts(w), "Ghi đè tệp?") || !strings.Contains(overlayTexts(w), "đã có trong thư mục này") {
		t.Fatalf("no Vietnamese overwrite question: %s", overlayTexts(w))
	}
	test.Tap(button(t, w, "Không"))
	if got != "unset" {
		t.Fatalf("answered %q after the clerk said no", got)
	}
	test.Tap(button(t, w, "Lưu"))
	test.Tap(button(t, w, "Ghi đè"))
	if want := filepath.Join(dir, "bien-ban.pdf"); got != want {
		t.Fatalf("chose %q, want %q", got, want)
	}
}

// A name typed without its extension gets the filter's; a new name needs
// no question; entering a folder lists it.
func TestSaveDialogAddsTheExtensionAndEntersFolders(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	defer w.Close()
	dir := folderWith(t, "Hồ sơ cũ/", "Hồ sơ cũ/a.pdf")
	got := "unset"
	b := showFyne(w, SaveFile, Options{Filters: pdfs, Folder: dir}, func(p string) { got = p })
	if !button(t, w, "Lưu").Disabled() {
		t.Error("Lưu is enabled with no name")
	}
	b.pick(0) // the folder
	if b.dir != filepath.Join(dir, "Hồ sơ cũ") || len(b.entries) != 1 || b.entries[0].name != "a.pdf" {
		t.Fatalf("in %s lists %v", b.dir, b.entries)
	}
	b.name.SetText("so theo doi")
	test.Tap(button(t, w, "Lưu"))
	if want := filepath.Join(dir, "Hồ sơ cũ", "so theo doi.pdf"); got != want {
		t.Fatalf("chose %q, want %q", got, want)
	}
}

func TestOpenAndFolderDialogs(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	defer w.Close()
	dir := folderWith(t, "goi.zip", "khac.pdf", "USB/")

	got := "unset"
	b := showFyne(w, OpenFile, Options{Filters: []Filter{{Name: "Gói dữ liệu (*.zip)", Exts: []string{".zip"}}}, Folder: dir}, func(p string) { got = p })
	if !button(t, w, "Mở").Disabled() {
		t.Error("Mở is enabled with no file chosen")
	}
	b.pick(1)
	test.Tap(button(t, w, "Mở"))
	if want := filepath.Join(dir, "goi.zip"); got != want {
		t.Fatalf("opened %q, want %q", got, want)
	}

	got = "unset"
	b = showFyne(w, OpenFolder, Options{Folder: dir}, func(p string) { got = p })
	if len(b.entries) != 1 || !b.entries[0].dir {
		t.Fatalf("a folder dialog lists %v, want only the folder", b.entries)
	}
	b.pick(0)
	test.Tap(button(t, w, "Chọn thư mục này"))
	if want := filepath.Join(dir, "USB"); got != want {
		t.Fatalf("chose %q, want %q", got, want)
	}

	got = "unset"
	showFyne(w, OpenFolder, Options{Folder: dir}, func(p string) { got = p })
	test.Tap(button(t, w, "Hủy"))
	if got != "" {
		t.Fatalf("a cancel answered %q, want \"\"", got)
	}
}

func TestWithExt(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a", "a.pdf"}, {"a.pdf", "a.pdf"}, {"a.PDF", "a.PDF"}, {"bao.cao", "bao.cao.pdf"},
	} {
		if got := withExt(c.in, pdfs); got != c.want {
			t.Errorf("withExt(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := withExt("a", nil); got != "a" {
		t.Errorf("no filter: %q", got)
	}
}

// relayout lays the tree out again, as the window's driver does every
// frame and the test canvas does not (a capture would show stale places).
func relayout(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			relayout(c)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, c := range r.Objects() {
			relayout(c)
		}
	}
}

// "Thư mục mới" makes a folder where the dialog is and enters it; a name
// that is taken is said in Vietnamese.
func TestNewFolder(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	defer w.Close()
	dir := folderWith(t, "Có rồi/")
	b := showFyne(w, OpenFolder, Options{Folder: dir}, func(string) {})
	for _, name := range []string{"Có rồi", "Sao lưu tháng 11"} {
		test.Tap(button(t, w, "Thư mục mới"))
		if !strings.Contains(overlayTexts(w), "Tạo thư mục") {
			t.Fatalf("no new-folder form: %s", overlayTexts(w))
		}
		top := w.Canvas().Overlays().Top()
		var entry *widget.Entry
		var walk func(fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			if e, ok := o.(*widget.Entry); ok && entry == nil {
				entry = e
			}
			if c, ok := o.(*fyne.Container); ok {
				for _, ch := range c.Objects {
					walk(ch)
				}
			} else if wd, ok := o.(fyne.Widget); ok {
				for _, ch := range test.WidgetRenderer(wd).Objects() {
					walk(ch)
				}
			}
		}
		walk(top)
		entry.SetText(name)
		test.Tap(button(t, w, "Tạo thư mục"))
		if name == "Có rồi" && (!b.problem.Visible() || !strings.Contains(b.problem.Text, "Không tạo được thư mục “Có rồi”: tên này đã có.")) {
			t.Errorf("a taken name says %q", b.problem.Text)
		}
	}
	if b.dir != filepath.Join(dir, "Sao lưu tháng 11") {
		t.Errorf("after making a folder the dialog is in %s", b.dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "Sao lưu tháng 11")); err != nil {
		t.Error(err)
	}
}
