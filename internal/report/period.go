package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
)

// DefaultStartDay is the day of the month a reporting month starts on: the
// 15th of the previous month to the 14th (Nghị định 09/2019 as applied by
// most provinces). 1 means calendar months.
const DefaultStartDay = 15

// Kind names the length of a period.
type Kind string

const (
	KMonth   Kind = "month"
	KQuarter Kind = "quarter"
	KHalf    Kind = "half"
	KYear    Kind = "year"
	KCustom  Kind = "custom"
)

// Period is a reporting period [From, To) in Vietnam time, always whole days.
type Period struct {
	Kind  Kind      `json:"kind"`
	Label string    `json:"label"` // "Tháng 01/2027", "Quý I/2027", …
	Key   string    `json:"key"`   // "2027-01", "2027-Q1", "2027-H1", "2027", "2027-01-05_2027-02-04"
	From  time.Time `json:"from"`
	To    time.Time `json:"to"` // exclusive
	// StartDay is the cut-off setting the period was built with.
	StartDay int `json:"start_day"`
}

// Last is the last day inside the period.
func (p Period) Last() time.Time { return p.To.AddDate(0, 0, -1) }

// Range is the period's days as printed: "15/12/2026 – 14/01/2027".
func (p Period) Range() string {
	return p.From.Format("02/01/2006") + " – " + p.Last().Format("02/01/2006")
}

// CheckStartDay refuses a cut-off no month has every year.
func CheckStartDay(day int) error {
	if day < 1 || day > 28 {
		return fmt.Errorf("ngày chốt số liệu %d không hợp lệ: nhập từ 1 (theo tháng dương lịch) đến 28, thường là 15", day)
	}
	return nil
}

// monthStart is where reporting month m of year y begins: the startDay of
// the previous calendar month, or the 1st of m for calendar months.
func monthStart(y int, m time.Month, startDay int) time.Time {
	if startDay <= 1 {
		return time.Date(y, m, 1, 0, 0, 0, 0, calendar.Zone)
	}
	return time.Date(y, m-1, startDay, 0, 0, 0, 0, calendar.Zone)
}

// Span builds the period of n reporting months starting with month m of y.
func Span(kind Kind, y int, m time.Month, n, startDay int) Period {
	if startDay < 1 {
		startDay = 1
	}
	p := Period{Kind: kind, From: monthStart(y, m, startDay), To: monthStart(y, m+time.Month(n), startDay), StartDay: startDay}
	switch kind {
	case KMonth:
		p.Key, p.Label = fmt.Sprintf("%04d-%02d", y, m), fmt.Sprintf("Tháng %02d/%04d", m, y)
	case KQuarter:
		q := (int(m)-1)/3 + 1
		p.Key, p.Label = fmt.Sprintf("%04d-Q%d", y, q), fmt.Sprintf("Quý %s/%04d", roman[q], y)
	case KHalf:
		h := (int(m)-1)/6 + 1
		p.Key = fmt.Sprintf("%04d-H%d", y, h)
		p.Label = fmt.Sprintf("6 tháng đầu năm %04d", y)
		if h == 2 {
			p.Label = fmt.Sprintf("6 tháng cuối năm %04d", y)
		}
	case KYear:
		p.Key, p.Label = fmt.Sprintf("%04d", y), fmt.Sprintf("Năm %04d", y)
	}
	return p
}

var roman = []string{"", "I", "II", "III", "IV"}

// Month is reporting month m of year y.
func Month(y int, m time.Month, startDay int) Period { return Span(KMonth, y, m, 1, startDay) }

// Custom is the days from first to last, both included.
func Custom(first, last time.Time) (Period, error) {
	first, last = dayStart(first), dayStart(last)
	if last.Before(first) {
		return Period{}, fmt.Errorf("ngày cuối %s trước ngày đầu %s; hãy đổi lại", last.Format("02/01/2006"), first.Format("02/01/2006"))
	}
	return Period{Kind: KCustom, From: first, To: last.AddDate(0, 0, 1),
		Key:   first.Format("2006-01-02") + "_" + last.Format("2006-01-02"),
		Label: "Từ ngày " + first.Format("02/01/2006") + " đến ngày " + last.Format("02/01/2006")}, nil
}

func dayStart(t time.Time) time.Time {
	t = t.In(calendar.Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, calendar.Zone)
}

var periodRe = regexp.MustCompile(`^(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])|[Hh]([12])))?$`)

// ParsePeriod reads 2027-01 (a month), 2027-Q1 (a quarter), 2027-H1 (six
// months) or 2027 (a year), cut at startDay.
func ParsePeriod(s string, startDay int) (Period, error) {
	if err := CheckStartDay(startDay); err != nil {
		return Period{}, err
	}
	m := periodRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Period{}, fmt.Errorf("kỳ báo cáo %q không hợp lệ: nhập tháng 2027-01, quý 2027-Q1, 6 tháng 2027-H1 hoặc năm 2027", s)
	}
	y, _ := strconv.Atoi(m[1])
	if y < 2000 || y > 2200 {
		return Period{}, fmt.Errorf("năm %d của kỳ báo cáo không hợp lệ", y)
	}
	switch {
	case m[2] != "":
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return Period{}, fmt.Errorf("tháng %d của kỳ báo cáo không hợp lệ: nhập từ 01 đến 12", mo)
		}
		return Month(y, time.Month(mo), startDay), nil
	case m[3] != "":
		q, _ := strconv.Atoi(m[3])
		return Span(KQuarter, y, time.Month(3*q-2), 3, startDay), nil
	case m[4] != "":
		h, _ := strconv.Atoi(m[4])
		return Span(KHalf, y, time.Month(6*h-5), 6, startDay), nil
	}
	return Span(KYear, y, time.January, 12, startDay), nil
}

// MonthOf is the reporting month a moment falls in: with the 15th as
// cut-off, 20/01 belongs to February's report.
func MonthOf(t time.Time, startDay int) Period {
	t = t.In(calendar.Zone)
	y, m, d := t.Date()
	if startDay > 1 && d >= startDay {
		m++
		if m > 12 {
			m, y = 1, y+1
		}
	}
	return Month(y, m, startDay)
}

// TrendMonths is the n reporting months ending with the one that holds the
// last day of p, oldest first.
func TrendMonths(p Period, n int) []Period {
	sd := p.StartDay
	if sd < 1 {
		sd = 1
	}
	last := MonthOf(p.Last(), sd).From
	if sd > 1 {
		last = last.AddDate(0, 1, 0)
	}
	y, m := last.Year(), last.Month()
	out := make([]Period, n)
	for i := 0; i < n; i++ {
		mm := time.Date(y, m-time.Month(n-1-i), 1, 0, 0, 0, 0, calendar.Zone)
		out[i] = Month(mm.Year(), mm.Month(), sd)
	}
	return out
}
