//go:build windows && !ci

// Command imetest is a test-only Windows program for packaging/windows/ime-smoke.sh:
// it opens a Fyne window with one Entry, optionally installs app/winkeys, and
// types into it the way Unikey/EVKey do (SendInput with KEYEVENTF_UNICODE
// packets, a backspace included), then prints what the Entry holds:
//
//	imetest.exe [-fix [-early]] [-out FILE]
//
// One line per scenario, tab-separated: "RESULT", "ok" or "MISMATCH", the
// scenario's name, what the Entry got and what it must hold. Without -fix
// the expected texts are GLFW's bug (the lost backspaces), with -fix the
// right ones.
// It is never shipped; the build tags keep it out of every other build.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/sys/windows"

	"motcua/app/winkeys"
)

const (
	inputKeyboard      = 1
	keyeventfKeyUp     = 0x0002
	keyeventfUnicode   = 0x0004
	keyeventfScanCode  = 0x0008
	wmChar             = 0x0102
	vkBack, vkReturn   = 0x08, 0x0D
	vkControl, vkH     = 0x11, 0x48
	vkShift, scanShift = 0x10, 0x2A
	scanBack, scanCtrl = 0x0E, 0x1D
	scanReturn, scanH  = 0x1C, 0x23
)

// keyInput is INPUT with its KEYBDINPUT, laid out for amd64 (40 bytes).
type keyInput struct {
	typ   uint32
	_     uint32
	vk    uint16
	scan  uint16
	flags uint32
	time  uint32
	extra uintptr
	_     [8]byte
}

var (
	user32         = windows.NewLazySystemDLL("user32.dll")
	procSendInput  = user32.NewProc("SendInput")
	procPostMsg    = user32.NewProc("PostMessageW")
	procSetFgnd    = user32.NewProc("SetForegroundWindow")
	procSetFocus   = user32.NewProc("SetFocus")
	procGetFocus   = user32.NewProc("GetFocus")
	procAttachThrd = user32.NewProc("AttachThreadInput")
)

// unicode is one character as a Unicode packet, down and up: what Unikey
// sends for the letters of a corrected word (and, in some settings, for ⌫).
func unicode(s string) []keyInput {
	var in []keyInput
	for _, u := range windows.StringToUTF16(s) {
		if u == 0 {
			break
		}
		in = append(in,
			keyInput{typ: inputKeyboard, scan: u, flags: keyeventfUnicode},
			keyInput{typ: inputKeyboard, scan: u, flags: keyeventfUnicode | keyeventfKeyUp})
	}
	return in
}

// vkey is a normal key press and release, as a keyboard (or Unikey's
// default backspace) sends it.
func vkey(vk, scan uint16) []keyInput {
	return []keyInput{
		{typ: inputKeyboard, vk: vk, scan: scan},
		{typ: inputKeyboard, vk: vk, scan: scan, flags: keyeventfKeyUp}}
}

func sendInput(in []keyInput) error {
	n, _, err := procSendInput.Call(uintptr(len(in)), uintptr(unsafe.Pointer(&in[0])), unsafe.Sizeof(in[0]))
	if int(n) != len(in) {
		return fmt.Errorf("SendInput sent %d of %d: %v", n, len(in), err)
	}
	return nil
}

// A scenario types in steps (each step one SendInput call, like one
// keystroke the clerk makes, or one correction batch from Unikey) and says
// what the Entry must hold without and with the fix.
type scenario struct {
	name      string
	steps     [][]keyInput
	post      []rune // instead of SendInput: WM_CHAR posted straight to the window
	bug, want string // the Entry's text without winkeys, and with it
	submits   int32  // how often Enter must have submitted the Entry
}

func cat(parts ...[]keyInput) []keyInput {
	var out []keyInput
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var (
	bs      = unicode("\b")          // backspace as a Unicode packet: what GLFW loses
	vkBS    = vkey(vkBack, scanBack) // backspace as a normal key: what GLFW handles
	ctrlDn  = []keyInput{{typ: inputKeyboard, vk: vkControl, scan: scanCtrl}}
	ctrlUp  = []keyInput{{typ: inputKeyboard, vk: vkControl, scan: scanCtrl, flags: keyeventfKeyUp}}
	shiftDn = []keyInput{{typ: inputKeyboard, vk: vkShift, scan: scanShift}}
	shiftUp = []keyInput{{typ: inputKeyboard, vk: vkShift, scan: scanShift, flags: keyeventfKeyUp}}
	letters = func(s string) (steps [][]keyInput) {
		for _, r := range s {
			steps = append(steps, unicode(string(r)))
		}
		return steps
	}
)

var scenarios = []scenario{
	// Telex "y a a" as Unikey does it: its hook swallows the third key and
	// sends one correction batch, erase "a" and type "â".
	{name: "telex-yaa", steps: append(letters("ya"), cat(bs, unicode("â"))), bug: "yaâ", want: "yâ"},
	// The sequence of PLATFORM.md: the third "a" reaches the window and the
	// batch erases both "a" before typing "â".
	{name: "telex-yaa-2bs", steps: append(letters("yaa"), cat(bs, bs, unicode("â"))), bug: "yaaâ", want: "yâ"},
	// The brief's literal packets y, a, a, ⌫, â (one erasure: "yaâ" when fixed).
	{name: "packets-y-a-a-bs-â", steps: append(letters("yaa"), bs, unicode("â")), bug: "yaaâ", want: "yaâ"},
	// "Nguyen" + "e" → Unikey erases "en" and types "ên".
	{name: "telex-nguyeen", steps: append(letters("Nguyen"), cat(bs, bs, unicode("ên"))), bug: "Nguyenên", want: "Nguyên"},
	// Capitals typed with Shift held: the converted Backspace comes with
	// Shift, which the Entry treats as a plain Backspace.
	{name: "telex-YAA-shift-held", steps: append(append([][]keyInput{shiftDn}, letters("YA")...), cat(bs, unicode("Â")), shiftUp),
		bug: "YAÂ", want: "YÂ"},
	// Unikey's default: backspace as a normal key. One deletion, never two.
	{name: "vk-backspace-batch", steps: append(letters("ya"), cat(vkBS, unicode("â"))), bug: "yâ", want: "yâ"},
	// The clerk's own Backspace key, then Enter submits.
	{name: "keyboard-backspace-enter", steps: append(letters("Vănx"), vkBS, vkey(vkReturn, scanReturn)),
		bug: "Văn", want: "Văn", submits: 1},
	// Ctrl+H gives WM_CHAR 0x08 too: a shortcut, never a deletion.
	{name: "ctrl-h", steps: append(letters("ab"), cat(ctrlDn, vkey(vkH, scanH), ctrlUp)), bug: "ab", want: "ab"},
	// WM_CHAR posted with no key event at all.
	{name: "posted-wm-char", post: []rune("yaa\bâ"), bug: "yaaâ", want: "yaâ"},
}

func main() {
	fix := flag.Bool("fix", false, "install app/winkeys on the window (after Show)")
	early := flag.Bool("early", false, "with -fix: install before Show (the native window does not exist yet)")
	outPath := flag.String("out", "", "also write the results to this file")
	flag.Parse()

	var out io.Writer = os.Stdout
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer f.Close()
		out = io.MultiWriter(os.Stdout, f)
	}
	// Whatever happens, do not hang the smoke test.
	time.AfterFunc(90*time.Second, func() {
		fmt.Fprintln(out, "ERROR\ttimed out after 90s")
		os.Exit(3)
	})

	a := app.NewWithID("vn.gov.motcua.imetest")
	w := a.NewWindow("imetest")
	entry := widget.NewEntry()
	var submitted atomic.Int32
	entry.OnSubmitted = func(string) { submitted.Add(1) }
	w.SetContent(entry)
	w.Resize(fyne.NewSize(480, 120))
	if *fix && *early {
		winkeys.Install(w) // no HWND yet: Install retries through fyne.Do
		winkeys.Install(w) // again on purpose: two retry loops, one hook
	}
	w.Show()
	if *fix && !*early {
		winkeys.Install(w)
		winkeys.Install(w) // again on purpose: must be harmless
	}
	var hwnd uintptr
	w.(driver.NativeWindow).RunNative(func(ctx any) {
		if wc, ok := ctx.(driver.WindowsWindowContext); ok {
			hwnd = wc.HWND
		}
	})
	fmt.Fprintf(out, "INFO\tfix=%v early=%v hwnd=%#x\n", *fix, *early, hwnd)

	go func() {
		defer func() {
			// Every scenario has reported: quit, and do not let a slow
			// Wine shutdown (seen on the first run of a fresh prefix)
			// turn a finished check into a time-out.
			fyne.Do(a.Quit)
			time.AfterFunc(5*time.Second, func() { os.Exit(0) })
		}()
		time.Sleep(1500 * time.Millisecond) // let the window map and draw
		for _, sc := range scenarios {
			fyne.DoAndWait(func() {
				entry.SetText("")
				w.Canvas().Focus(entry)
			})
			submitted.Store(0)
			focusWindow(hwnd, out)
			time.Sleep(200 * time.Millisecond)
			if err := play(sc, hwnd); err != nil {
				fmt.Fprintf(out, "ERROR\t%s\t%v\n", sc.name, err)
				continue
			}
			time.Sleep(700 * time.Millisecond)
			var text string
			fyne.DoAndWait(func() { text = entry.Text })
			want := sc.bug
			if *fix {
				want = sc.want
			}
			got := fmt.Sprintf("%q submitted=%d", text, submitted.Load())
			exp := fmt.Sprintf("%q submitted=%d", want, sc.submits)
			verdict := "ok"
			if got != exp {
				verdict = "MISMATCH"
			}
			fmt.Fprintf(out, "RESULT\t%s\t%s\tgot %s\twant %s\n", verdict, sc.name, got, exp)
		}
	}()
	a.Run()
}

func play(sc scenario, hwnd uintptr) error {
	for _, r := range sc.post {
		procPostMsg.Call(hwnd, wmChar, uintptr(r), 1)
		time.Sleep(60 * time.Millisecond)
	}
	for _, step := range sc.steps {
		if err := sendInput(step); err != nil {
			return err
		}
		time.Sleep(120 * time.Millisecond)
	}
	return nil
}

// focusWindow makes hwnd the foreground window with the keyboard focus, so
// that SendInput's keys reach it (as they reach the clerk's window).
func focusWindow(hwnd uintptr, out io.Writer) {
	if windows.GetForegroundWindow() == windows.HWND(hwnd) {
		return
	}
	procSetFgnd.Call(hwnd)
	// SetFocus works only from the window's thread: attach to it briefly.
	var pid uint32
	tid, _ := windows.GetWindowThreadProcessId(windows.HWND(hwnd), &pid)
	me := windows.GetCurrentThreadId()
	procAttachThrd.Call(uintptr(me), uintptr(tid), 1)
	procSetFocus.Call(hwnd)
	procAttachThrd.Call(uintptr(me), uintptr(tid), 0)
	fg := windows.GetForegroundWindow()
	focus, _, _ := procGetFocus.Call()
	if uintptr(fg) != hwnd {
		fmt.Fprintf(out, "INFO\tforeground is %#x, not the window %#x (focus %#x)\n", fg, hwnd, focus)
	}
}
