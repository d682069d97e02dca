package textvn

import "strings"

// CleanLines is Clean for text typed on several lines (a list of missing
// papers, one per line): each line is cleaned, empty lines go, and the
// line breaks stay, so "1. …" and "2. …" do not run together.
func CleanLines(s string) string {
	var out []string
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' }) {
		if c := Clean(line); c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, "\n")
}
