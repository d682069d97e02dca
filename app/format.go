package app

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/office"
	"motcua/internal/register"
)

// weekdays names the days as written in a sentence: "thứ Hai", "Chủ nhật".
var weekdays = [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}

// weekdayName is the Vietnamese name of t's day of the week, in Vietnam time.
func weekdayName(t time.Time) string { return weekdays[t.In(calendar.Zone).Weekday()] }

// fmtDue writes a due time the way the clerk says it to the citizen:
// "16:00 thứ Hai, 23/11/2026".
func fmtDue(t time.Time) string {
	t = t.In(calendar.Zone)
	return t.Format("15:04") + " " + weekdayName(t) + ", " + t.Format("02/01/2006")
}

// fmtDueFrom is fmtDue with "hôm nay" or "ngày mai" added when the due day
// is today or tomorrow as seen from now: the citizen's first question.
func fmtDueFrom(t, now time.Time) string {
	s := fmtDue(t)
	switch dayDiff(now, t) {
	case 0:
		s += " (hôm nay)"
	case 1:
		s += " (ngày mai)"
	}
	return s
}

// dayDiff counts calendar days from a to b, in Vietnam time.
func dayDiff(a, b time.Time) int {
	day := func(t time.Time) time.Time {
		t = t.In(calendar.Zone)
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return int(day(b).Sub(day(a)).Hours() / 24)
}

// fmtStamp is a moment in the register: "07:40 23/11/2026".
func fmtStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(calendar.Zone).Format("15:04 02/01/2006")
}

// fmtDate is a day: "23/11/2026".
func fmtDate(t time.Time) string { return t.In(calendar.Zone).Format("02/01/2006") }

// parseDate reads a day typed the Vietnamese way: 25/11/2026, 25-11-2026,
// 25.11.2026 or 25/11/26.
func parseDate(s string) (time.Time, error) { return office.ParseDate(s) }

// optDate is parseDate for a field that may stay empty (the zero time).
func optDate(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	return parseDate(s)
}

// fmtCount writes a count with dots between thousands: 1.000.000.
func fmtCount(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + fmtCount(-n)
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// capitalise upper-cases the first letter: office errors are sentence
// fragments written to follow "Lỗi:" on the command line.
func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// fmtPromised is the date the citizen was last promised, as the clerk says
// it, with "hôm nay"/"ngày mai" and "hẹn lại" when an apology moved it.
func fmtPromised(d *register.Dossier, now time.Time) string {
	due := d.EffectiveDue()
	s := fmtDue(due)
	var tags []string
	switch dayDiff(now, due) {
	case 0:
		tags = append(tags, "hôm nay")
	case 1:
		tags = append(tags, "ngày mai")
	}
	if d.NewDueAt != nil {
		tags = append(tags, "hẹn lại")
	}
	if len(tags) > 0 {
		s += " (" + strings.Join(tags, ", ") + ")"
	}
	return s
}

// urgencyWord says in words what a row's tint says in colour: never colour
// alone.
func urgencyWord(u office.Urgency) string {
	switch u {
	case office.Overdue:
		return "quá hạn"
	case office.DueSoon:
		return "đến hạn"
	}
	return ""
}

// stateWords is a register row's state: the state, "hẹn lại" when an
// apology moved the date, and the urgency word.
func stateWords(d *register.Dossier, u office.Urgency) string {
	parts := []string{d.State.Vietnamese()}
	if d.NewDueAt != nil && d.State.Open() {
		parts = append(parts, "hẹn lại")
	}
	if w := urgencyWord(u); w != "" {
		parts = append(parts, w)
	}
	return strings.Join(parts, " · ")
}
