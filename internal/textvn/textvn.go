// Package textvn owns Vietnamese text handling: NFC normalisation of every
// string that enters the system, the search fold (no case, no diacritics,
// đ→d) and small helpers for names.
//
// Vietnamese typed through some input methods, or pasted from the web,
// arrives decomposed (NFD). Decomposed text compares unequal to the same
// word typed elsewhere and prints with misplaced marks, so everything is
// normalised to NFC at the boundary.
package textvn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Clean normalises to NFC, trims the ends and collapses runs of white space
// (including non-breaking spaces pasted from documents) into one space.
func Clean(s string) string {
	s = NFC(s)
	if isTidy(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			space = true
			continue
		}
		if unicode.IsControl(r) {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func isTidy(s string) bool {
	prevSpace := true // a leading space is untidy
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			// Non-ASCII: only the NBSP/zero-width family needs the slow path.
			r, _ := utf8.DecodeRuneInString(s[i:])
			if r == '\u00a0' || r == '\u200b' || r == '\ufeff' || unicode.IsSpace(r) {
				return false
			}
			prevSpace = false
			continue
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if c < 0x20 || c == 0x7f {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// Fold turns s into its search key: lower case, no diacritics, đ→d, spaces
// collapsed. "Đỗ Đức Đạt" and "do duc dat" fold to the same key, and so does
// the decomposed spelling of either.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r) || r == '\u00a0':
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		case unicode.IsControl(r):
			continue
		default:
			r = unicode.ToLower(r)
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}

// IsBlank reports whether s has no visible character.
func IsBlank(s string) bool { return Clean(s) == "" }

// Digits keeps only the ASCII digits of s: phone numbers are searched and
// compared by their digits ("0912 345 678" = "0912.345.678").
func Digits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
