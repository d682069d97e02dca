package office

import (
	"context"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/register"
	"motcua/internal/store"
)

// CalendarDay is one day of the calendar screen: the calendar's answer and
// where it comes from.
type CalendarDay struct {
	calendar.DayInfo
	// Source is the rule or the announced notice that makes the day what
	// it is; empty for an ordinary working day or weekend.
	Source string `json:"source"`
}

// Month lists the days of a month with their source: the Labour Code for
// holidays and compensatory days, the announced schedule (its notice) for
// swapped days off and make-up working days.
func (o *Office) Month(year int, month time.Month) []CalendarDay {
	cal := o.cfg().cal
	sched, hasSched := cal.Schedule(year)
	announced := map[string]bool{}
	if hasSched {
		for _, e := range sched.Off {
			announced[e.Date] = true
		}
		for _, e := range sched.Work {
			announced[e.Date] = true
		}
	}
	var out []CalendarDay
	for d := time.Date(year, month, 1, 0, 0, 0, 0, calendar.Zone); d.Month() == month; d = d.AddDate(0, 0, 1) {
		info := cal.Day(d)
		cd := CalendarDay{DayInfo: info}
		switch {
		case announced[d.Format("2006-01-02")]:
			cd.Source = sched.Source
			if cd.Source == "" {
				cd.Source = "Lịch nghỉ công bố năm " + d.Format("2006")
			}
		case info.Holiday != "":
			cd.Source = "Bộ luật Lao động 2019, Điều 112"
		case strings.HasPrefix(info.Reason, calendar.ReasonCompensation):
			cd.Source = "Bộ luật Lao động 2019, Điều 111 và 112 (nghỉ bù)"
		}
		out = append(out, cd)
	}
	return out
}

// DueExplained is the answer to "khi nào có kết quả?": the due time of a
// dossier of a procedure received at a moment, and how it was counted.
type DueExplained struct {
	Procedure   register.Procedure `json:"procedure"`
	ReceivedAt  time.Time          `json:"received_at"`
	Due         time.Time          `json:"due"`
	WorkingDays int                `json:"working_days"` // working days from the receipt to the due day
	// DaysOff lists the non-working days the count stepped over.
	DaysOff []calendar.DayInfo `json:"days_off"`
	// Provisional: the count crosses a day off the program picked by rule
	// while the year's notice is not known (dự kiến); the date may move.
	Provisional bool `json:"provisional"`
}

// ExplainDue computes the due time as reception would, with the working
// days counted and the days off skipped.
func (o *Office) ExplainDue(ctx context.Context, procedureCode string, at time.Time) (DueExplained, error) {
	ps, err := o.st.Procedures(ctx)
	if err != nil {
		return DueExplained{}, err
	}
	for _, p := range ps {
		if p.Code != procedureCode {
			continue
		}
		cal := o.cfg().cal
		at = o.at(at)
		due := cal.Due(at, p.Limit)
		ex := DueExplained{Procedure: p, ReceivedAt: at, Due: due, WorkingDays: cal.WorkingDaysBetween(at, due),
			Provisional: cal.CrossesProvisional(at, due)}
		for d := dayStart(at).AddDate(0, 0, 1); d.Before(dayStart(due)); d = d.AddDate(0, 0, 1) {
			if info := cal.Day(d); !info.Working {
				ex.DaysOff = append(ex.DaysOff, info)
			}
		}
		return ex, nil
	}
	return DueExplained{}, store.NotFound("không có thủ tục mã %q trong danh mục", procedureCode)
}
