package calendar

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// shipped reads the schedules shipped in assets/calendar (the file package
// assets embeds); reading it here keeps this package's tests independent of
// the assets package's other files.
func shipped(tb testing.TB) []Schedule {
	tb.Helper()
	data, err := os.ReadFile("../../assets/calendar/schedules.json")
	if err != nil {
		tb.Fatal(err)
	}
	s, err := ParseSchedules(data)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestShippedSchedules(t *testing.T) {
	list := shipped(t)
	var years []int
	for _, s := range list {
		years = append(years, s.Year)
	}
	if !slices.Equal(years, []int{2021, 2022, 2023, 2024, 2025, 2026}) {
		t.Fatalf("shipped years: %v", years)
	}
	for _, s := range list {
		if s.Source == "" || s.Confidence == "" {
			t.Errorf("%d: source and confidence are required in shipped data", s.Year)
		}
		for _, e := range append(append([]Entry{}, s.Off...), s.Work...) {
			if e.Reason == "" {
				t.Errorf("%d: %s has no reason", s.Year, e.Date)
			}
		}
	}
	// None of the notices was read in its original: every shipped year says
	// its source is secondary and none claims high confidence.
	for _, s := range list {
		if s.Confidence == "high" || !strings.Contains(s.Source, "[S] Nguồn thứ cấp") {
			t.Errorf("%d: a secondary source must be labelled as such (confidence %q)", s.Year, s.Confidence)
		}
	}
}

func TestParseSchedulesErrors(t *testing.T) {
	for _, c := range []struct {
		name, json, want string
	}{
		{"syntax", `[{"year": 2026,}]`, "không đúng định dạng JSON"},
		{"not an array", `{"year": 2026}`, "phải là một danh sách JSON"},
		{"type", `[{"year": "2026"}]`, `trường "year" sai kiểu dữ liệu`},
		{"unknown field", `[{"year": 2026, "of": []}]`, `trường không được hỗ trợ "of"`},
		{"trailing", `[] []`, "dữ liệu thừa"},
		{"year", `[{"year": 26}]`, "lịch nghỉ năm 26 không hợp lệ"},
		{"confidence", `[{"year": 2026, "confidence": "[S]"}]`, `độ tin cậy "[S]" không hợp lệ`},
		{"date format", `[{"year": 2026, "off": [{"date": "2026-2-16", "reason": "Tết Nguyên đán"}]}]`,
			`lịch nghỉ năm 2026, ngày nghỉ thứ 1 ("2026-2-16", Tết Nguyên đán): ngày không hợp lệ`},
		{"no such day", `[{"year": 2026, "off": [{"date": "2026-02-16"}, {"date": "2026-02-30"}]}]`,
			`ngày nghỉ thứ 2 ("2026-02-30"): ngày không hợp lệ`},
		{"other year", `[{"year": 2026, "work": [{"date": "2025-04-26", "reason": "Làm bù"}]}]`,
			`lịch nghỉ năm 2026, ngày làm bù thứ 1 ("2025-04-26", Làm bù): ngày không thuộc năm 2026`},
		{"twice off", `[{"year": 2026, "off": [{"date": "2026-09-01"}, {"date": "2026-09-01"}]}]`,
			`ngày nghỉ thứ 2 ("2026-09-01"): ngày này đã có trong danh sách ngày nghỉ`},
		{"off and work", `[{"year": 2026, "off": [{"date": "2026-01-10"}], "work": [{"date": "2026-01-10", "reason": "Làm bù"}]}]`,
			`ngày làm bù thứ 1 ("2026-01-10", Làm bù): ngày này vừa là ngày nghỉ vừa là ngày làm bù`},
		{"two 2026", `[{"year": 2026}, {"year": 2025}, {"year": 2026}]`, "lịch nghỉ năm 2026 bị khai báo hai lần"},
	} {
		_, err := ParseSchedules([]byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error = %v, want it to contain %q", c.name, err, c.want)
		}
	}
	if list, err := ParseSchedules([]byte(` [ ] `)); err != nil || len(list) != 0 {
		t.Errorf("empty list = %v, %v", list, err)
	}
}

func TestNewRefusesBadSchedules(t *testing.T) {
	bad := []Schedule{{Year: 2026, Off: []Entry{{Date: "2026-13-01"}}}}
	if _, err := New(DefaultHours(), bad...); err == nil || !strings.Contains(err.Error(), "ngày không hợp lệ") {
		t.Errorf("New = %v", err)
	}
	if _, err := New(DefaultHours(), Schedule{Year: 2026}, Schedule{Year: 2026}); err == nil {
		t.Error("New accepted two schedules for 2026")
	}
}

// A Calendar keeps its own copy of the schedules.
func TestNewCopiesSchedules(t *testing.T) {
	s := Schedule{Year: 2026, Work: []Entry{{Date: "2026-01-10", Reason: "Làm bù"}}}
	c, err := New(DefaultHours(), s)
	if err != nil {
		t.Fatal(err)
	}
	s.Work[0].Date = "2026-01-17"
	got, ok := c.Schedule(2026)
	if !ok || got.Work[0].Date != "2026-01-10" {
		t.Errorf("Schedule(2026) = %+v, %v", got, ok)
	}
	got.Work[0].Date = "2026-01-24"
	if again, _ := c.Schedule(2026); again.Work[0].Date != "2026-01-10" {
		t.Error("Schedule returned the calendar's own slice")
	}
	if _, ok := c.Schedule(2027); ok {
		t.Error("Schedule(2027) found")
	}
}
