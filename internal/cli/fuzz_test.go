package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Dates and times typed by users: accepted ones are in the years the
// register can hold and read back the same; refused ones say why.
func FuzzParseTimes(f *testing.F) {
	for _, s := range []string{"2026-11-23 08:30", "2026-11-23T08:30", "2026-11-23", "0000-01-01", "2026abc", "2026-02-30", "9999-12-31 23:59:59", " 2026-11-23 ", "２０２６-11-23"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if at, err := parseAt(s); err == nil && !at.IsZero() {
			if at.Year() < minYear || at.Year() > maxYear {
				t.Fatalf("parseAt(%q) = %v", s, at)
			}
		} else if err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
		if d, err := parseDate(s); err == nil {
			if d.Year() < minYear || d.Year() > maxYear || d.Format("2006-01-02") != strings.TrimSpace(s) {
				t.Fatalf("parseDate(%q) = %v", s, d)
			}
		}
		if y, err := parseYear(s); err == nil && (y < minYear || y > maxYear) {
			t.Fatalf("parseYear(%q) = %d", s, y)
		}
	})
}

// Command-line arguments: any words after a read-only command end with an
// exit status and, on failure, a message; never a panic.
func FuzzCommandLine(f *testing.F) {
	db := filepath.Join(f.TempDir(), "f.db")
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	var out, errb bytes.Buffer
	(&Env{Stdout: &out, Stderr: &errb, Now: func() time.Time { return now }, ctx: f.Context()}).run(
		[]string{"--db", db, "receive", "--procedure", "khai-sinh", "--applicant", "Nguyễn Văn An"})
	for _, s := range []string{"nguyen", "--limit\x0010", "due\x00--limit\x003d\x00--from\x002026-11-23 08:00", "holidays\x002026", "day\x002026-13-01", "--status\x00draft", "-- -a", "--json"} {
		f.Add(uint8(0), s)
		f.Add(uint8(3), s)
	}
	readOnly := []string{"search", "show", "calendar", "letters", "procedures", "version", "help", "pledge-sets"}
	f.Fuzz(func(t *testing.T, which uint8, rest string) {
		args := []string{"--db", db, readOnly[int(which)%len(readOnly)]}
		if rest != "" {
			args = append(args, strings.Split(rest, "\x00")...)
		}
		var out, errb bytes.Buffer
		code := (&Env{Stdout: &out, Stderr: &errb, Now: func() time.Time { return now }, ctx: t.Context()}).run(args)
		if code != ExitOK && errb.Len() == 0 {
			t.Fatalf("%q: exit %d without a message", args, code)
		}
	})
}
