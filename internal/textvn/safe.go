package textvn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Invisible reports characters that change how text looks without being
// seen: bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069,
// the marks U+200E/U+200F/U+061C), zero-width characters (U+200B–U+200D,
// U+2060, U+FEFF), soft hyphens and other format characters (Cf), and
// control characters. In a name or a code they let "Nguyễn" and a forged
// "Nguyễn" differ, or make a code read backwards on screen.
func Invisible(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// StripInvisible removes the characters Invisible reports (tabs and line
// breaks too, for one-line names and codes), then cleans the result as
// Clean does. Zero-width spaces become nothing rather than a space, so a
// name with one pasted inside stays one word.
func StripInvisible(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return Invisible(r) || r == '\t' || r == '\n' }) {
		return Clean(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case Invisible(r):
		default:
			b.WriteRune(r)
		}
	}
	return Clean(b.String())
}

// CleanMultiline normalises text that keeps its lines (notes, templates):
// NFC, invisible and control characters removed except line breaks and
// tabs, Windows line ends made "\n", trailing spaces of each line and
// blank lines at both ends trimmed.
func CleanMultiline(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if Invisible(r) {
			continue
		}
		b.WriteRune(r)
	}
	// Normalise after stripping: a control character between a letter and
	// its mark would otherwise keep them apart (found by FuzzStripInvisible).
	lines := strings.Split(NFC(b.String()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// ValidUTF8 reports whether s is well-formed UTF-8 (text from a file or a
// pipe may not be; stored, it prints as "Nguy���n").
func ValidUTF8(s string) bool { return utf8.ValidString(s) }
