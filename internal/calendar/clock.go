package calendar

import (
	"fmt"
	"strconv"
	"strings"
)

// Clock is a time of day in minutes after midnight (0 = 00:00, 1440 = 24:00).
type Clock int

// ParseClock reads a time of day: "07:00", "7:00", "7h", "7h30" or "13g30".
// 24:00 is accepted (an office closing at midnight); anything later is not.
func ParseClock(s string) (Clock, error) {
	bad := fmt.Errorf("giờ %q không hợp lệ: hãy nhập dạng giờ:phút, ví dụ 07:00 hoặc 13:30", s)
	t := strings.ToLower(strings.TrimSpace(s))
	sep := strings.IndexAny(t, ":hg")
	if sep < 1 {
		return 0, bad
	}
	hs, ms := t[:sep], t[sep+1:]
	if ms == "" && t[sep] != ':' {
		ms = "00"
	}
	if len(hs) > 2 || len(ms) != 2 || !allDigits(hs) || !allDigits(ms) {
		return 0, bad
	}
	h, _ := strconv.Atoi(hs)
	m, _ := strconv.Atoi(ms)
	if h > 24 || m > 59 || (h == 24 && m != 0) {
		return 0, bad
	}
	return Clock(h*60 + m), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// String gives the clock as "07:00".
func (c Clock) String() string {
	if c < 0 {
		return "-" + (-c).String()
	}
	return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60)
}

// MarshalText writes the clock as "07:00", so settings files stay readable.
func (c Clock) MarshalText() ([]byte, error) {
	return []byte(c.String()), nil
}

// UnmarshalText reads what ParseClock reads.
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Hours are an office's hours (giờ làm việc), a per-province setting. Office
// time is Open–LunchStart and LunchEnd–Close on working days; LunchStart may
// equal LunchEnd for an office without a lunch break. Cutoff is the latest
// receipt time for a same-day result (15:00: received at 15:01 or later, the
// result is due the next working day). ReturnAt is the time of day at which
// results counted in days are due (giờ hẹn trả).
type Hours struct {
	Open       Clock `json:"open"`
	LunchStart Clock `json:"lunch_start"`
	LunchEnd   Clock `json:"lunch_end"`
	Close      Clock `json:"close"`
	Cutoff     Clock `json:"cutoff"`
	ReturnAt   Clock `json:"return_at"`
}

// DefaultHours are 07:00–11:30 and 13:30–17:00, cut-off 15:00, results due at 16:00.
func DefaultHours() Hours {
	return Hours{Open: 7 * 60, LunchStart: 11*60 + 30, LunchEnd: 13*60 + 30, Close: 17 * 60, Cutoff: 15 * 60, ReturnAt: 16 * 60}
}

// Validate checks that the hours can be counted: 00:00 ≤ Open < LunchStart ≤
// LunchEnd < Close ≤ 24:00, and Cutoff and ReturnAt within Open–Close.
func (h Hours) Validate() error {
	for _, f := range []struct {
		name string
		v    Clock
	}{{"giờ bắt đầu làm việc", h.Open}, {"giờ bắt đầu nghỉ trưa", h.LunchStart}, {"giờ làm việc buổi chiều", h.LunchEnd},
		{"giờ kết thúc làm việc", h.Close}, {"giờ chốt nhận hồ sơ trả trong ngày", h.Cutoff}, {"giờ hẹn trả kết quả", h.ReturnAt}} {
		if f.v < 0 || f.v > 24*60 {
			return fmt.Errorf("%s %s không hợp lệ: hãy nhập giờ từ 00:00 đến 24:00", f.name, f.v)
		}
	}
	switch {
	case h.Open >= h.LunchStart:
		return fmt.Errorf("giờ bắt đầu làm việc (%s) phải trước giờ bắt đầu nghỉ trưa (%s): hãy sửa lại giờ làm việc", h.Open, h.LunchStart)
	case h.LunchStart > h.LunchEnd:
		return fmt.Errorf("giờ bắt đầu nghỉ trưa (%s) không được sau giờ làm việc buổi chiều (%s): hãy sửa lại giờ làm việc", h.LunchStart, h.LunchEnd)
	case h.LunchEnd >= h.Close:
		return fmt.Errorf("giờ làm việc buổi chiều (%s) phải trước giờ kết thúc làm việc (%s): hãy sửa lại giờ làm việc", h.LunchEnd, h.Close)
	case h.Cutoff < h.Open || h.Cutoff > h.Close:
		return fmt.Errorf("giờ chốt nhận hồ sơ trả trong ngày (%s) phải nằm trong giờ làm việc %s–%s: hãy sửa lại", h.Cutoff, h.Open, h.Close)
	case h.ReturnAt < h.Open || h.ReturnAt > h.Close:
		return fmt.Errorf("giờ hẹn trả kết quả (%s) phải nằm trong giờ làm việc %s–%s: hãy sửa lại", h.ReturnAt, h.Open, h.Close)
	}
	return nil
}

// dayMinutes is the office time of one working day, in minutes.
func (h Hours) dayMinutes() int {
	return int(h.LunchStart-h.Open) + int(h.Close-h.LunchEnd)
}

// elapsed is the office time of a working day already past at clock m.
func (h Hours) elapsed(m Clock) int {
	switch {
	case m <= h.Open:
		return 0
	case m < h.LunchStart:
		return int(m - h.Open)
	case m <= h.LunchEnd:
		return int(h.LunchStart - h.Open)
	case m < h.Close:
		return int(h.LunchStart-h.Open) + int(m-h.LunchEnd)
	}
	return h.dayMinutes()
}

// clockAt is the clock at which p minutes (0 < p ≤ dayMinutes) of a day's
// office time have run; work ending exactly at the lunch break ends at LunchStart.
func (h Hours) clockAt(p int) Clock {
	morning := int(h.LunchStart - h.Open)
	if p <= morning {
		return h.Open + Clock(p)
	}
	return h.LunchEnd + Clock(p-morning)
}
