package calendar

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseClock(t *testing.T) {
	for in, want := range map[string]Clock{
		"07:00": 420, "7:00": 420, " 13:30 ": 810, "7h": 420, "7h30": 450, "13g30": 810, "17H": 1020,
		"00:00": 0, "23:59": 1439, "24:00": 1440,
	} {
		got, err := ParseClock(in)
		if err != nil || got != want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "7", "7:0", "7:000", "25:00", "24:01", "12:60", "-1:00", "+7:00", "7:+5", "ab:cd", "h30", "7h5", "07:00:00", "١:٠٠"} {
		if got, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) = %v, want an error", in, got)
		} else if !strings.Contains(err.Error(), "không hợp lệ") {
			t.Errorf("ParseClock(%q) error %q is not Vietnamese", in, err)
		}
	}
}

func TestClockString(t *testing.T) {
	for c, want := range map[Clock]string{0: "00:00", 420: "07:00", 810: "13:30", 1440: "24:00", -30: "-00:30"} {
		if got := c.String(); got != want {
			t.Errorf("Clock(%d) = %q, want %q", int(c), got, want)
		}
	}
}

func TestHoursJSON(t *testing.T) {
	h := DefaultHours()
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"open":"07:00","lunch_start":"11:30","lunch_end":"13:30","close":"17:00","cutoff":"15:00","return_at":"16:00"}`
	if string(b) != want {
		t.Errorf("json = %s", b)
	}
	var back Hours
	if err := json.Unmarshal(b, &back); err != nil || back != h {
		t.Errorf("round trip = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"open":"7 giờ"}`), &back); err == nil {
		t.Error("bad clock accepted")
	}
}

func TestHoursValidate(t *testing.T) {
	if err := DefaultHours().Validate(); err != nil {
		t.Fatal(err)
	}
	noLunch := DefaultHours()
	noLunch.LunchEnd = noLunch.LunchStart
	if err := noLunch.Validate(); err != nil {
		t.Errorf("no lunch break: %v", err)
	}
	for _, c := range []struct {
		edit func(*Hours)
		want string
	}{
		{func(h *Hours) { h.Open = 12 * 60 }, "giờ bắt đầu làm việc (12:00) phải trước giờ bắt đầu nghỉ trưa (11:30)"},
		{func(h *Hours) { h.LunchEnd = 11 * 60 }, "giờ bắt đầu nghỉ trưa (11:30) không được sau giờ làm việc buổi chiều (11:00)"},
		{func(h *Hours) { h.Close = 13 * 60 }, "giờ làm việc buổi chiều (13:30) phải trước giờ kết thúc làm việc (13:00)"},
		{func(h *Hours) { h.Cutoff = 18 * 60 }, "giờ chốt nhận hồ sơ trả trong ngày (18:00) phải nằm trong giờ làm việc 07:00–17:00"},
		{func(h *Hours) { h.ReturnAt = 6 * 60 }, "giờ hẹn trả kết quả (06:00) phải nằm trong giờ làm việc 07:00–17:00"},
		{func(h *Hours) { h.Close = 25 * 60 }, "giờ kết thúc làm việc 25:00 không hợp lệ"},
		{func(h *Hours) { h.Open = -1 }, "giờ bắt đầu làm việc -00:01 không hợp lệ"},
	} {
		h := DefaultHours()
		c.edit(&h)
		err := h.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%+v) = %v, want %q", h, err, c.want)
		}
		if _, err := New(h); err == nil {
			t.Errorf("New accepted %+v", h)
		}
	}
}
