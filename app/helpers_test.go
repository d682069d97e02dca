package app

import (
	"bytes"
	"context"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/calendar"
	"motcua/internal/office"
	"motcua/internal/register"
)

func TestMain(m *testing.M) {
	addTranslations()
	os.Exit(m.Run())
}

// clock is a settable office clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// at is a moment in Vietnam time.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, calendar.Zone)
}

// monday0740 is Monday 23/11/2026, 07:40: a working day.
var monday0740 = at(2026, 11, 23, 7, 40)

type fixture struct {
	t     *testing.T
	shell *shell
	clock *clock
	win   fyne.Window
	off   *office.Office
	sys   *sysRecorder
}

// sysRecorder stands for the PC's PDF viewer and printer.
type sysRecorder struct {
	mu      sync.Mutex
	opened  []string
	printed []string
	// viaViewer makes "In" open the viewer, as on Windows.
	viaViewer bool
	// noViewer makes opening a PDF fail, as on a PC without a viewer;
	// folders still open.
	noViewer error
}

func (r *sysRecorder) open(path string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.noViewer != nil && strings.HasSuffix(path, ".pdf") {
		return r.noViewer
	}
	r.opened = append(r.opened, path)
	return nil
}

func (r *sysRecorder) print(path string) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.noViewer != nil && r.viaViewer {
		return false, r.noViewer
	}
	r.printed = append(r.printed, path)
	return !r.viaViewer, nil
}

// lastPrinted is the content of the file sent to the printer last.
func (f *fixture) lastPrinted() []byte {
	f.t.Helper()
	f.sys.mu.Lock()
	defer f.sys.mu.Unlock()
	if len(f.sys.printed) == 0 {
		f.t.Fatal("nothing was sent to the printer")
	}
	b, err := os.ReadFile(f.sys.printed[len(f.sys.printed)-1])
	if err != nil {
		f.t.Fatal(err)
	}
	return b
}

// newFixture builds the whole window on a temp database, with the office
// clock fixed at now.
func newFixture(t *testing.T, now time.Time) *fixture {
	t.Helper()
	return newFixtureAt(t, now, `C:\Users\lan\AppData\Roaming\MotCuaThanThien\motcua.db`, true)
}

// newFixtureAt is newFixture with the register's shown path and, with
// profile false, the placeholders of a register just created.
func newFixtureAt(t *testing.T, now time.Time, shownPath string, profile bool) *fixture {
	t.Helper()
	a := test.NewTempApp(t)
	clk := &clock{t: now}
	path := filepath.Join(t.TempDir(), "t.db")
	o, err := office.Open(path, office.Options{Now: clk.Now, Actor: "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	// A commune's profile, as every office has once set up: reception
	// refuses to issue under placeholders (TestReceptionNamesTheMissingProfile).
	if profile {
		if err := o.FillDemoProfile(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	w := a.NewWindow(WindowTitle)
	s := buildShell(a, w, o, shownPath, "0.1.0", true)
	t.Cleanup(s.env.wait) // before the office closes
	t.Cleanup(w.Close)
	rec := &sysRecorder{}
	s.env.openFile, s.env.printFile, s.env.tempDir = rec.open, rec.print, t.TempDir()
	s.env.wait()
	return &fixture{t: t, shell: s, clock: clk, win: w, off: o, sys: rec}
}

func (f *fixture) wait() { f.shell.env.wait() }

// receive registers a dossier directly through the office.
func (f *fixture) receive(name, proc string, when time.Time) *register.Dossier {
	f.t.Helper()
	d, err := f.off.Receive(context.Background(), office.ReceiveInput{
		ProcedureCode: proc, Applicant: register.Applicant{Name: name, Address: "Thôn Trung, xã Trung Lý"}, At: when,
	})
	if err != nil {
		f.t.Fatal(err)
	}
	return d
}

// texts is what a person reads in o: every visible piece of text, joined
// by spaces (a wrapped label's lines join back into its sentence).
func texts(o fyne.CanvasObject) string {
	var b []string
	for _, obj := range visibleObjects(o) {
		if t, ok := obj.(*canvas.Text); ok && t.Text != "" {
			b = append(b, t.Text)
		}
	}
	return strings.Join(b, " ")
}

// visibleObjects walks o and its widgets' renderers, skipping hidden
// branches.
func visibleObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		out = append(out, visibleObjects(c)...)
	}
	return out
}

// overlay is the dialog on top, or nil.
func (f *fixture) overlay() fyne.CanvasObject { return f.win.Canvas().Overlays().Top() }

// dialogText is what the top dialog says; it fails the test without one.
func (f *fixture) dialogText() string {
	f.t.Helper()
	o := f.overlay()
	if o == nil {
		f.t.Fatal("no dialog is shown")
	}
	return texts(o)
}

// tapDialog taps the button labelled label in the top dialog.
func (f *fixture) tapDialog(label string) {
	f.t.Helper()
	o := f.overlay()
	if o == nil {
		f.t.Fatalf("no dialog to tap %q in", label)
	}
	for _, obj := range visibleObjects(o) {
		b, ok := obj.(*widget.Button)
		if kb, isKB := obj.(*keyButton); isKB {
			b, ok = &kb.Button, true
		}
		if ok && b.Text == label {
			if b.Disabled() {
				f.t.Fatalf("button %q is disabled", label)
			}
			test.Tap(b)
			f.wait()
			return
		}
	}
	f.t.Fatalf("no button %q in the dialog: %s", label, texts(o))
}

// dialogEntries are the text fields of the top dialog, in order.
func (f *fixture) dialogEntries() []*widget.Entry {
	f.t.Helper()
	var out []*widget.Entry
	for _, obj := range visibleObjects(f.overlay()) {
		switch e := obj.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *widget.SelectEntry:
			out = append(out, &e.Entry)
		case *formEntry:
			out = append(out, &e.Entry)
		}
	}
	return out
}

func assertContains(t *testing.T, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Errorf("want %q in:\n%s", want, got)
	}
}

func assertNotContains(t *testing.T, got, unwanted string) {
	t.Helper()
	if strings.Contains(got, unwanted) {
		t.Errorf("did not want %q in:\n%s", unwanted, got)
	}
}

var desktopShortcutS = desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// relayout lays the whole tree out again, top down. The window's driver
// does this every frame for objects whose minimum size changed; the test
// canvas does not, and a capture would show stale positions.
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

// capture is the window as the clerk sees it.
//
// A capture is taken only once the frame is settled: background work is
// waited for and two captures in a row agree. Under a heavily loaded
// machine a single capture sometimes caught a half-laid-out frame (tabs,
// entries and labels missing) although the same frame drawn a moment later
// was right; a screen that is steadily wrong still fails its golden image.
func (f *fixture) capture() image.Image {
	f.win.Canvas().Unfocus()
	var last image.Image
	for i := 0; i < 6; i++ {
		f.wait()
		relayout(f.win.Content())
		relayout(f.win.Content())
		img := f.win.Canvas().Capture()
		if last != nil && sameImage(last, img) {
			return img
		}
		last = img
		time.Sleep(20 * time.Millisecond)
	}
	return last
}

// sameImage reports whether two captures hold the same pixels.
func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// pdfText is the text of a PDF (pdftotext), or "" where pdftotext is not
// installed. It fails the test unless data is a PDF.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", data[:min(len(data), 20)])
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return ""
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// assertPDF checks that data is a PDF and, where pdftotext exists, that
// it reads each of wants.
func assertPDF(t *testing.T, data []byte, wants ...string) {
	t.Helper()
	text := pdfText(t, data)
	if text == "" {
		return
	}
	for _, w := range wants {
		assertContains(t, text, w)
	}
}

// ctrl is Ctrl plus a key.
func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// pressTab is the Tab key as the window's driver delivers it: a widget
// that accepts tabs gets the key, otherwise the focus moves on (backwards
// with Shift).
func pressTab(c fyne.Canvas, shift bool) {
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	if shift {
		test.FocusPrevious(c)
	} else {
		test.FocusNext(c)
	}
}

// typeFocused types chars into whatever has the focus, as the keyboard
// does.
func typeFocused(c fyne.Canvas, chars string) {
	for _, r := range chars {
		c.Focused().TypedRune(r)
	}
}

// focusedEntry is the text field with the focus, as dialogEntries lists it.
func (f *fixture) focusedEntry() *widget.Entry {
	switch e := f.win.Canvas().Focused().(type) {
	case *widget.Entry:
		return e
	case *formEntry:
		return &e.Entry
	}
	return nil
}
