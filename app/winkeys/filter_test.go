package winkeys

import (
	"fmt"
	"strings"
	"testing"
)

const (
	wmKeyUpMsg    = wmKeyUp
	wmSysChar     = 0x0106
	wmSysKeyUp    = 0x0105
	wmIMEStart    = 0x010D
	wmIMEEnd      = 0x010E
	wmIMEComp     = 0x010F
	wmIMEChar     = 0x0286
	vkProcessKey  = 0xE5
	vkReturn      = 0x0D
	vkControl     = 0x11
	vkShift       = 0x10
	vkMenu        = 0x12
	unicodeNoChar = 0xFFFF
)

type msg struct {
	m  uint32
	wp uintptr
}

func down(vk uintptr) msg          { return msg{wmKeyDown, vk} }
func up(vk uintptr) msg            { return msg{wmKeyUpMsg, vk} }
func char(c rune) msg              { return msg{wmChar, uintptr(c)} }
func unichar(c rune) msg           { return msg{wmUniChar, uintptr(c)} }
func packet(c rune) []msg          { return []msg{down(vkPacket), char(c), up(vkPacket)} }
func key(vk uintptr, c rune) []msg { return []msg{down(vk), char(c), up(vk)} }

func seq(parts ...any) []msg {
	var out []msg
	for _, p := range parts {
		switch p := p.(type) {
		case msg:
			out = append(out, p)
		case []msg:
			out = append(out, p...)
		}
	}
	return out
}

// run feeds the messages to a fresh Filter and returns, for each message
// that is not passed, "index:action".
func run(ms []msg) string {
	var f Filter
	var out []string
	for i, m := range ms {
		if a := f.Step(m.m, m.wp); a != Pass {
			out = append(out, fmt.Sprintf("%d:%s", i, a))
		}
	}
	return strings.Join(out, " ")
}

func TestFilter(t *testing.T) {
	tests := []struct {
		name string
		msgs []msg
		want string // messages not passed, "index:action"
	}{
		{"Unikey Telex y a a: unicode packets, backspace as a packet",
			seq(packet('y'), packet('a'), packet('a'), packet('\b'), packet('â')), "10:convert"},
		{"several backspace packets in a row (correcting a longer word)",
			seq(packet('\b'), packet('\b'), packet('\b')), "1:convert 4:convert 7:convert"},
		{"backspace posted as WM_CHAR with no key at all",
			seq(char('y'), char('a'), char('a'), char('\b'), char('â')), "3:convert"},
		{"WM_UNICHAR 0x08", seq(unichar('a'), unichar('\b')), "1:convert"},
		{"a real Backspace key: GLFW has the WM_KEYDOWN, the char must not double it",
			seq(key('A', 'a'), key(vkBack, '\b')), ""},
		{"Unikey sending backspace as a normal key (VK_BACK) then a packet",
			seq(packet('a'), key(vkBack, '\b'), packet('â')), ""},
		{"Backspace held down: auto-repeat keydowns, each with its char",
			seq(down(vkBack), char('\b'), down(vkBack), char('\b'), down(vkBack), char('\b'), up(vkBack)), ""},
		{"a second 0x08 after one Backspace press is a packet's",
			seq(down(vkBack), char('\b'), char('\b'), up(vkBack)), "2:convert"},
		{"Ctrl+H is a shortcut, not a deletion",
			seq(down(vkControl), key('H', '\b'), up(vkControl)), ""},
		{"modifier keydown before a packet backspace (Shift held while typing)",
			seq(down(vkShift), down(vkShift), packet('\b'), up(vkShift)), "3:convert"},
		{"normal typing, Vietnamese letters, Enter, Tab, Escape pass",
			seq(key('N', 'N'), packet('ễ'), key(vkReturn, '\r'), key(0x09, '\t'), key(0x1B, 0x1B)), ""},
		{"Ctrl shortcuts (Ctrl+S gives 0x13, Ctrl+Backspace gives 0x7F)",
			seq(down(vkControl), key('S', 0x13), key(vkBack, 0x7F), up(vkControl)), ""},
		{"Alt+Backspace arrives as WM_SYSCHAR, left alone",
			seq(msg{wmSysKeyDown, vkMenu}, msg{wmSysKeyDown, vkBack}, msg{wmSysChar, '\b'}, msg{wmSysKeyUp, vkBack}), ""},
		{"IME composition passes (VK_PROCESSKEY, WM_IME_*)",
			seq(down(vkProcessKey), msg{wmIMEStart, 0}, msg{wmIMEComp, 0}, msg{wmIMEChar, 'â'}, msg{wmIMEEnd, 0}, char('â')), ""},
		{"a 0x08 an IME emits after eating the key: GLFW ignored VK_PROCESSKEY, so convert",
			seq(down(vkProcessKey), char('\b')), "1:convert"},
		{"WM_UNICHAR UNICODE_NOCHAR probe passes", seq(unichar(unicodeNoChar)), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := run(tc.msgs); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBackspaceLParams(t *testing.T) {
	// GLFW: action from KF_UP (0x8000) of HIWORD, key from the scan code
	// HIWORD & 0x1FF, which must be 0x0E (Backspace), not extended.
	for _, c := range []struct {
		lp      uint32
		release bool
	}{{backDownLParam, false}, {backUpLParam, true}} {
		hi := c.lp >> 16
		if hi&0x1FF != 0x0E || (hi&0x8000 != 0) != c.release || c.lp&0xFFFF != 1 {
			t.Errorf("lParam %#x: scan %#x, up %v, repeat %d", c.lp, hi&0x1FF, hi&0x8000 != 0, c.lp&0xFFFF)
		}
	}
}
