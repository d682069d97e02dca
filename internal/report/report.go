// Package report computes the figures a commune's one-stop office is judged
// by (REFERENCE §9): dossiers received, returned early, on time or late and
// the share returned early or on time, refusals, withdrawals, work in
// progress and overdue, supplements and apologies, processing time per
// procedure, receipt channels, the commune's own estimate of its TT 01/2018
// and QĐ 766 scores, and 12-month trends; and writes them as XLSX and CSV.
//
// It is pure: a Tally of counts comes in (summed by the store in SQL, or
// built from rows with Tally.Add at the upper level) and a Report comes out.
//
// Which date the rate uses: the register's rule (internal/register/doc.go)
// judges a result against the statutory due date, restarted after a
// supplement, never against the date promised in an apology. A rescheduled
// dossier is therefore counted in the rate by its statutory outcome, and
// reported a second time, as rescheduled, with its outcome against the new
// date.
package report

import (
	"sort"
	"time"
)

// Target is the share of dossiers returned early or on time the model asks
// for (> 90%).
const Target = 0.90

// RateBasis says, in the report, which date the rate is judged against.
const RateBasis = "Tỷ lệ trước hạn và đúng hạn tính theo hạn trả theo quy định (tính lại sau khi bổ sung hồ sơ), không theo ngày hẹn lại trong phiếu xin lỗi; hồ sơ hẹn lại được thống kê riêng và đối chiếu với cả hai ngày."

// Figures are the dossier figures of a group (all, one procedure, one channel).
type Figures struct {
	Received    int `json:"received"`
	InProgress  int `json:"in_progress"`
	OverdueNow  int `json:"overdue_now"`
	Supplements int `json:"supplements"`
	Apologies   int `json:"apologies"`
	Returned    int `json:"returned"`
	Early       int `json:"early"`
	OnTime      int `json:"on_time"`
	Late        int `json:"late"`
	Refused     int `json:"refused"`
	Withdrawn   int `json:"withdrawn"`
	// Rate is (early + on time) / returned against the statutory date; 0
	// when nothing was returned (HasRate false).
	Rate    float64 `json:"rate"`
	HasRate bool    `json:"has_rate"`
	// Rescheduled dossiers returned in the period, against their new date.
	Rescheduled       int     `json:"rescheduled"`
	RescheduledKept   int     `json:"rescheduled_kept"` // returned on or before the new date
	RescheduledLate   int     `json:"rescheduled_late"`
	RateAgainstNewDay float64 `json:"rate_against_new_date"` // the rate if new dates counted
	// Processing time of returned dossiers, calendar days from receipt to return.
	AvgDays    float64 `json:"avg_days"`
	MedianDays float64 `json:"median_days"`
	hours      map[int]int
	suppl      int
	goodEff    int
}

func (f *Figures) add(c *Cell) {
	f.Received += c.Received
	f.InProgress += c.InProgress
	f.OverdueNow += c.OverdueNow
	f.Supplements += c.Supplements
	f.Apologies += c.Apologies
	f.Returned += c.Returned
	f.Early += c.Early
	f.OnTime += c.OnTime
	f.Late += c.Late
	f.Refused += c.Refused
	f.Withdrawn += c.Withdrawn
	f.Rescheduled += c.Rescheduled
	f.RescheduledKept += c.ResEarly + c.ResOnTime
	f.RescheduledLate += c.ResLate
	f.suppl += c.ReturnedWithSuppl
	f.goodEff += c.GoodEffective
	for h, n := range c.Hours {
		if f.hours == nil {
			f.hours = map[int]int{}
		}
		f.hours[h] += n
	}
}

func (f *Figures) finish() {
	if f.Returned > 0 {
		f.HasRate = true
		f.Rate = float64(f.Early+f.OnTime) / float64(f.Returned)
		f.RateAgainstNewDay = float64(f.goodEff) / float64(f.Returned)
	}
	f.AvgDays, f.MedianDays = durations(f.hours)
}

// Procedure is one line of the per-procedure table.
type Procedure struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Figures
}

// Channel is one line of the per-channel table.
type Channel struct {
	Channel string `json:"channel"`
	Name    string `json:"name"`
	Figures
}

// Report is the whole report of a period.
type Report struct {
	Commune     string      `json:"commune,omitempty"`
	Period      Period      `json:"period"`
	Generated   time.Time   `json:"generated"`
	RateBasis   string      `json:"rate_basis"`
	Target      float64     `json:"target"`
	Total       Figures     `json:"total"`
	Procedures  []Procedure `json:"procedures"`
	Channels    []Channel   `json:"channels"`
	Score       SelfScore   `json:"self_score"`
	People      People      `json:"people"`
	Trend       []Point     `json:"trend,omitempty"`
	Unavailable []string    `json:"unavailable,omitempty"` // figures this version cannot count yet
}

// Point is one month of a trend.
type Point struct {
	Period Period  `json:"period"`
	Total  Figures `json:"total"`
}

// Build turns a tally into the report's figures.
func Build(t *Tally) Report {
	r := Report{Period: t.Period, Generated: t.Now, RateBasis: RateBasis, Target: Target}
	procs := map[string]*Procedure{}
	chans := map[string]*Channel{}
	for k, c := range t.Cells {
		r.Total.add(c)
		p := procs[k.Procedure]
		if p == nil {
			p = &Procedure{Code: k.Procedure, Name: c.Name}
			procs[k.Procedure] = p
		}
		p.add(c)
		ch := chans[k.Channel]
		if ch == nil {
			ch = &Channel{Channel: k.Channel, Name: ChannelVietnamese(k.Channel)}
			chans[k.Channel] = ch
		}
		ch.add(c)
	}
	r.Total.finish()
	for _, p := range procs {
		p.finish()
		r.Procedures = append(r.Procedures, *p)
	}
	sort.Slice(r.Procedures, func(i, j int) bool {
		a, b := r.Procedures[i], r.Procedures[j]
		if a.Received+a.Returned != b.Received+b.Returned {
			return a.Received+a.Returned > b.Received+b.Returned
		}
		return a.Code < b.Code
	})
	for _, c := range Channels {
		ch := chans[c]
		if ch == nil {
			ch = &Channel{Channel: c, Name: ChannelVietnamese(c)}
		}
		ch.finish()
		r.Channels = append(r.Channels, *ch)
	}
	r.Score = Score(r.Total)
	r.People = People{}
	r.Unavailable = r.People.Missing()
	return r
}
