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
