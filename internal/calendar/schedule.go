package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Entry is one day of an announced schedule: a date "YYYY-MM-DD" and why it
// is off or worked, in Vietnamese (shown in the lịch nghỉ view).
type Entry struct {
	Date   string `json:"date"`
	Reason string `json:"reason"`
}

// Schedule is the announced state-sector calendar of one year (lịch nghỉ lễ,
// Tết do Thủ tướng/Bộ Nội vụ công bố), shipped as data and corrected by an
// administrator. Off lists days off beyond the rules (the picked Tết days,
// the Quốc khánh adjacent day, swapped weekdays, compensatory days); Work lists
// make-up working days (ngày làm bù, usually Saturdays). Listing a day the
// rules already give (a fixed holiday, a weekend inside the Tết break) is
// harmless. Source says where it comes from; Confidence is "high", "medium"
// or "low" (empty means unstated). How a schedule combines with the rules is
// described in the package documentation.
type Schedule struct {
	Year       int     `json:"year"`
	Source     string  `json:"source"`
	Confidence string  `json:"confidence"`
	Off        []Entry `json:"off"`
	Work       []Entry `json:"work"`
}

// Schedule years accepted; the lunar algorithm and the rules hold well beyond.
const (
	minScheduleYear = 1900
	maxScheduleYear = 2199
)

// ParseSchedules reads a JSON array of schedules and checks them: every date
// a real date of the schedule's year, no date listed twice, no date both off
// and worked, at most one schedule per year. Errors are Vietnamese sentences
// naming the bad entry. Unknown fields are refused, so a misspelt "off" is not
// silently ignored.
func ParseSchedules(data []byte) ([]Schedule, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var out []Schedule
	if err := dec.Decode(&out); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return nil, fmt.Errorf("tệp lịch nghỉ không đúng định dạng JSON (lỗi ở ký tự thứ %d): hãy kiểm tra lại tệp", syn.Offset)
		case errors.As(err, &typ) && typ.Field == "":
			return nil, errors.New("tệp lịch nghỉ phải là một danh sách JSON [...] gồm lịch của từng năm: hãy kiểm tra lại tệp")
		case errors.As(err, &typ):
			return nil, fmt.Errorf("tệp lịch nghỉ có trường %q sai kiểu dữ liệu: hãy kiểm tra lại tệp", typ.Field)
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			return nil, fmt.Errorf("tệp lịch nghỉ có trường không được hỗ trợ %s: chỉ dùng year, source, confidence, off, work, date, reason",
				strings.TrimPrefix(err.Error(), "json: unknown field "))
		}
		return nil, fmt.Errorf("tệp lịch nghỉ không đọc được (%v): hãy kiểm tra lại tệp", err)
	}
	if dec.More() {
		return nil, errors.New("tệp lịch nghỉ có dữ liệu thừa sau danh sách các năm: hãy kiểm tra lại tệp")
	}
	if err := checkSchedules(out); err != nil {
		return nil, err
	}
	return out, nil
}

// Validate checks one schedule as ParseSchedules does.
func (s Schedule) Validate() error {
	if s.Year < minScheduleYear || s.Year > maxScheduleYear {
		return fmt.Errorf("lịch nghỉ năm %d không hợp lệ: năm phải từ %d đến %d", s.Year, minScheduleYear, maxScheduleYear)
	}
	switch s.Confidence {
	case "", "high", "medium", "low":
	default:
		return fmt.Errorf("lịch nghỉ năm %d có độ tin cậy %q không hợp lệ: dùng high, medium hoặc low", s.Year, s.Confidence)
	}
	seen := map[string]string{}
	for _, list := range []struct {
		kind    string
		entries []Entry
	}{{"ngày nghỉ", s.Off}, {"ngày làm bù", s.Work}} {
		for i, e := range list.entries {
			what := fmt.Sprintf("lịch nghỉ năm %d, %s thứ %d (%q", s.Year, list.kind, i+1, e.Date)
			if e.Reason != "" {
				what += ", " + e.Reason
			}
			what += ")"
			d, err := time.Parse("2006-01-02", e.Date)
			if err != nil {
				return fmt.Errorf("%s: ngày không hợp lệ, hãy ghi theo dạng năm-tháng-ngày, ví dụ %d-09-02", what, s.Year)
			}
			if d.Year() != s.Year {
				return fmt.Errorf("%s: ngày không thuộc năm %d, hãy chuyển sang lịch của năm %d", what, s.Year, d.Year())
			}
			if prev, ok := seen[e.Date]; ok {
				if prev == list.kind {
					return fmt.Errorf("%s: ngày này đã có trong danh sách %s, hãy xóa dòng lặp", what, prev)
				}
				return fmt.Errorf("%s: ngày này vừa là ngày nghỉ vừa là ngày làm bù, hãy giữ một trong hai", what)
			}
			seen[e.Date] = list.kind
		}
	}
	return nil
}

func checkSchedules(list []Schedule) error {
	years := map[int]bool{}
	for _, s := range list {
		if err := s.Validate(); err != nil {
			return err
		}
		if years[s.Year] {
			return fmt.Errorf("lịch nghỉ năm %d bị khai báo hai lần: hãy gộp thành một", s.Year)
		}
		years[s.Year] = true
	}
	return nil
}

// ConfidenceText is a schedule's confidence as a clerk reads it.
func ConfidenceText(c string) string {
	switch c {
	case "high":
		return "cao, đã đối chiếu văn bản gốc"
	case "medium":
		return "trung bình, theo nguồn thứ cấp"
	case "low":
		return "thấp, cần kiểm tra lại"
	}
	return "chưa ghi"
}
