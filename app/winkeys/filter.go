// Package winkeys makes Vietnamese keyboards (Unikey, EVKey) work in the
// window on Windows.
//
// Those keyboards correct a word by sending backspaces and the new letters:
// typing "y a a" in Telex gives "y", "a", "a", then ⌫ and "â". A backspace
// sent as a normal key (WM_KEYDOWN VK_BACK) works; one sent as a Unicode
// packet (SendInput with KEYEVENTF_UNICODE and 0x08) reaches the window only
// as WM_CHAR 0x08, which GLFW drops like every control character, so the
// clerk sees "yaaâ" instead of "yâ" (GLFW PR #2369 addresses it upstream).
//
// Install subclasses the window procedure and turns such a lone WM_CHAR
// 0x08 into the Backspace press and release GLFW understands. Everything
// else, real Backspace presses included, goes on unchanged. Filter is the
// decision, kept free of Windows calls so that it is tested everywhere.
package winkeys

// Window messages and virtual keys the filter looks at (winuser.h).
const (
	wmKeyDown    = 0x0100
	wmKeyUp      = 0x0101
	wmChar       = 0x0102
	wmSysKeyDown = 0x0104
	wmUniChar    = 0x0109

	vkBack   = 0x08
	vkPacket = 0xE7 // a Unicode character packet from SendInput (KEYEVENTF_UNICODE)
	vkH      = 0x48 // Ctrl+H also yields WM_CHAR 0x08

	backspace = 0x08
)

// Action is what the window procedure does with one message.
type Action int

const (
	// Pass hands the message on to GLFW unchanged.
	Pass Action = iota
	// Convert swallows the message (a WM_CHAR or WM_UNICHAR 0x08 that no
	// Backspace key produced) and gives GLFW a Backspace key press and
	// release instead.
	Convert
)

func (a Action) String() string {
	if a == Convert {
		return "convert"
	}
	return "pass"
}

// Filter decides, message by message, which backspace characters GLFW
// would lose. It remembers the last key pressed and whether that key has
// already produced its character. The zero value is ready; one Filter
// serves one window and is used only on that window's thread.
type Filter struct {
	lastDown uintptr // virtual key of the last WM_KEYDOWN / WM_SYSKEYDOWN
	fresh    bool    // that key has not produced a character yet
}

// Step takes the next message of the window and says what to do with it.
//
// A WM_CHAR (or WM_UNICHAR) 0x08 is converted unless it is the character of
// the key just pressed and that key was Backspace (GLFW has already seen the
// WM_KEYDOWN VK_BACK: converting would delete twice) or H (Ctrl+H, a
// shortcut, not a deletion). So a Unicode packet (VK_PACKET), a posted
// WM_CHAR with no key at all, or a second 0x08 after one key press, are
// converted; so is a 0x08 an IME emits after eating the key (GLFW ignores
// VK_PROCESSKEY, so nothing would delete). Every other message passes: IME
// composition (WM_IME_*), WM_SYSCHAR, all other characters and keys.
func (f *Filter) Step(msg uint32, wParam uintptr) Action {
	switch msg {
	case wmKeyDown, wmSysKeyDown:
		f.lastDown, f.fresh = wParam, true
	case wmChar, wmUniChar:
		fromKey := f.fresh && (f.lastDown == vkBack || f.lastDown == vkH)
		f.fresh = false
		if wParam == backspace && !fromKey {
			return Convert
		}
	}
	return Pass
}

// Backspace key messages as a keyboard would send them: repeat count 1,
// scan code 0x0E (GLFW maps keys by scan code); the release has the
// previous-state and transition bits set.
const (
	backDownLParam = 0x000E0001
	backUpLParam   = 0xC00E0001
)
