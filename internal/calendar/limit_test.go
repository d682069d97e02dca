package calendar

import (
	"strings"
	"testing"
)

func TestParseLimit(t *testing.T) {
	for in, want := range map[string]Limit{
		"3d": {3, WorkingDays}, " 16H ": {16, WorkingHours}, "1d": {1, WorkingDays}, "365d": {365, WorkingDays},
		"same-day": {0, SameDay}, "SameDay": {0, SameDay}, "0d": {0, SameDay}, "20d": {20, WorkingDays},
	} {
		got, err := ParseLimit(in)
		if err != nil || got != want {
			t.Errorf("ParseLimit(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":     "không hợp lệ",
		"d":    "không hợp lệ",
		"3":    "không hợp lệ",
		"3w":   "không hợp lệ",
		"xd":   "không hợp lệ",
		"0h":   "phải từ 1 đến 365",
		"-1d":  "phải từ 1 đến 365",
		"366d": "phải từ 1 đến 365",
	} {
		if got, err := ParseLimit(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseLimit(%q) = %+v, %v; want an error with %q", in, got, err, want)
		}
	}
}

func TestLimitText(t *testing.T) {
	for _, c := range []struct {
		l           Limit
		short, long string
	}{
		{Limit{3, WorkingDays}, "3d", "03 ngày làm việc"},
		{Limit{16, WorkingHours}, "16h", "16 giờ làm việc"},
		{Limit{0, SameDay}, "same-day", "Trong ngày"},
		{Limit{1, "weeks"}, "?", ""},
	} {
		if got := c.l.String(); got != c.short {
			t.Errorf("%+v.String() = %q, want %q", c.l, got, c.short)
		}
		if got := c.l.Vietnamese(); got != c.long {
			t.Errorf("%+v.Vietnamese() = %q, want %q", c.l, got, c.long)
		}
		if c.short != "?" {
			if back, err := ParseLimit(c.short); err != nil || back != c.l {
				t.Errorf("ParseLimit(%q) = %+v, %v", c.short, back, err)
			}
		}
	}
	if err := (Limit{1, "weeks"}).Validate(); err == nil || !strings.Contains(err.Error(), "đơn vị thời hạn") {
		t.Errorf("Validate(weeks) = %v", err)
	}
}

func TestCalendarDays(t *testing.T) {
	c := newCal(t, shipped(t)...)
	l, err := ParseLimit("23c")
	if err != nil || l != (Limit{23, CalendarDays}) || l.String() != "23c" || l.Vietnamese() != "23 ngày" {
		t.Fatalf("ParseLimit(23c) = %+v, %v", l, err)
	}
	for _, tc := range []struct{ from, want string }{
		{"2026-08-03 10:00", "2026-08-26 16:00"}, // Mon + 23 days = Wed 26/08
		{"2026-08-08 10:00", "2026-09-03 16:00"}, // + 23 = Mon 31/08 (swapped day off) → … → Thu 03/09
		{"2026-02-01 10:00", "2026-02-24 16:00"}, // + 23 = Tue 24/02, after Tết
		{"2026-01-25 10:00", "2026-02-23 16:00"}, // + 23 = Tue 17/02 (mùng 1) → Mon 23/02
	} {
		if got := c.Due(moment(t, tc.from), l); !got.Equal(moment(t, tc.want)) {
			t.Errorf("Due(%s, 23 ngày) = %s, want %s", tc.from, got.Format("2006-01-02 15:04"), tc.want)
		}
	}
}
