package app

import (
	"testing"
	"time"
)

func TestFmtDue(t *testing.T) {
	now := at(2026, 11, 23, 7, 40)
	for _, c := range []struct {
		due  time.Time
		want string
	}{
		{at(2026, 11, 23, 16, 0), "16:00 thứ Hai, 23/11/2026 (hôm nay)"},
		{at(2026, 11, 24, 16, 0), "16:00 thứ Ba, 24/11/2026 (ngày mai)"},
		{at(2026, 11, 29, 11, 30), "11:30 Chủ nhật, 29/11/2026"},
		{at(2026, 11, 23, 16, 0).UTC(), "16:00 thứ Hai, 23/11/2026 (hôm nay)"}, // shown in Vietnam time
	} {
		if got := fmtDueFrom(c.due, now); got != c.want {
			t.Errorf("%v: %q, want %q", c.due, got, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]time.Time{
		"25/11/2026": at(2026, 11, 25, 0, 0), "5-1-2027": at(2027, 1, 5, 0, 0),
		" 25.11.26 ": at(2026, 11, 25, 0, 0), "29/02/2028": at(2028, 2, 29, 0, 0),
	} {
		got, err := parseDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for _, in := range []string{"", "25/11", "31/02/2026", "ngày mai", "2026-11-25x"} {
		if _, err := parseDate(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestFmtCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 1000000: "1.000.000", 12345: "12.345"} {
		if got := fmtCount(n); got != want {
			t.Errorf("%d: %q", n, got)
		}
	}
}
