package calendar

import (
	"fmt"
	"strconv"
	"strings"
)

// Unit is how a statutory time limit is counted.
type Unit string

const (
	// WorkingDays counts whole working days after the day of receipt (ngày làm việc).
	WorkingDays Unit = "working_days"
	// WorkingHours counts office hours from the moment of receipt (giờ làm việc).
	WorkingHours Unit = "working_hours"
	// SameDay means the result is due the day of receipt (trong ngày), or the next
	// working day when received after the cut-off.
	SameDay Unit = "same_day"
	// CalendarDays counts days of the calendar (ngày, not "ngày làm việc"),
	// as a text that says "không quá 23 ngày" does (Bộ luật Dân sự 2015 Điều
	// 147–148): the day of receipt not counted, and a deadline that lands on a
	// day off moves to the next working day.
	CalendarDays Unit = "calendar_days"
)

// Limit is a statutory time limit (thời hạn giải quyết), e.g. 3 working days.
type Limit struct {
	Value int  `json:"value"`
	Unit  Unit `json:"unit"`
}

// String gives the short form accepted by ParseLimit: "3d", "16h", "23c" or "same-day".
func (l Limit) String() string {
	switch l.Unit {
	case CalendarDays:
		return strconv.Itoa(l.Value) + "c"
	case WorkingDays:
		return strconv.Itoa(l.Value) + "d"
	case WorkingHours:
		return strconv.Itoa(l.Value) + "h"
	case SameDay:
		return "same-day"
	}
	return "?"
}

// Vietnamese gives the limit as printed on forms: "03 ngày làm việc", "16 giờ làm việc", "23 ngày", "Trong ngày".
func (l Limit) Vietnamese() string {
	switch l.Unit {
	case CalendarDays:
		return fmt.Sprintf("%02d ngày", l.Value)
	case WorkingDays:
		return fmt.Sprintf("%02d ngày làm việc", l.Value)
	case WorkingHours:
		return fmt.Sprintf("%02d giờ làm việc", l.Value)
	case SameDay:
		return "Trong ngày"
	}
	return ""
}

// Validate reports a limit that cannot be counted, in Vietnamese.
func (l Limit) Validate() error {
	switch l.Unit {
	case WorkingDays, WorkingHours, CalendarDays:
		if l.Value < 1 || l.Value > 365 {
			return fmt.Errorf("thời hạn giải quyết phải từ 1 đến 365, nhận được %d", l.Value)
		}
		return nil
	case SameDay:
		return nil
	}
	return fmt.Errorf("đơn vị thời hạn %q không hợp lệ: dùng ngày làm việc, giờ làm việc, ngày (theo lịch) hoặc trong ngày", string(l.Unit))
}

// ParseLimit reads "3d" (working days), "16h" (working hours), "23c"
// (calendar days) or "same-day".
func ParseLimit(s string) (Limit, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	bad := fmt.Errorf("thời hạn %q không hợp lệ: dùng dạng 3d (ngày làm việc), 16h (giờ làm việc), 23c (ngày theo lịch) hoặc same-day (trong ngày)", s)
	if s == "same-day" || s == "sameday" || s == "0d" {
		return Limit{Unit: SameDay}, nil
	}
	if len(s) < 2 {
		return Limit{}, bad
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil {
		return Limit{}, bad
	}
	var l Limit
	switch s[len(s)-1] {
	case 'd':
		l = Limit{Value: n, Unit: WorkingDays}
	case 'h':
		l = Limit{Value: n, Unit: WorkingHours}
	case 'c':
		l = Limit{Value: n, Unit: CalendarDays}
	default:
		return Limit{}, bad
	}
	if err := l.Validate(); err != nil {
		return Limit{}, err
	}
	return l, nil
}
