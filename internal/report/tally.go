package report

import (
	"time"

	"motcua/internal/calendar"
	"motcua/internal/register"
)

// Receipt channels (kênh tiếp nhận hồ sơ).
const (
	ChannelCounter = "counter" // trực tiếp tại Bộ phận Một cửa
	ChannelPost    = "post"    // qua dịch vụ bưu chính
	ChannelOnline  = "online"  // trực tuyến
)

// Channels lists the receipt channels in report order.
var Channels = []string{ChannelCounter, ChannelPost, ChannelOnline}

// ChannelVietnamese names a receipt channel.
func ChannelVietnamese(c string) string {
	switch c {
	case ChannelPost:
		return "Qua bưu chính"
	case ChannelOnline:
		return "Trực tuyến"
	}
	return "Trực tiếp tại quầy"
}

// Row is one dossier as a report sees it. The upper level builds reports
// from the rows of many communes' bundles with Tally.Add; a commune's own
// database sums the same cells in SQL.
type Row struct {
	ProcedureCode string
	ProcedureName string
	Channel       string
	State         register.State
	ReceivedAt    time.Time
	DueAt         time.Time  // statutory, restarted after a supplement
	NewDueAt      *time.Time // promised in the apology
	ReturnedAt    *time.Time
	ClosedAt      *time.Time // refused or withdrawn at
	Outcome       register.Outcome
	SupplementAt  *time.Time
	ApologyAt     *time.Time
}

// Key is one cell of a tally: a procedure received through a channel.
type Key struct {
	Procedure string
	Channel   string
}

// Cell holds the additive counts of one procedure and channel.
type Cell struct {
	Name string `json:"name"`
	// Of the dossiers received in the period.
	Received    int `json:"received"`
	InProgress  int `json:"in_progress"` // still open now
	OverdueNow  int `json:"overdue_now"` // open now and past the statutory due day
	Supplements int `json:"supplements"`
	Apologies   int `json:"apologies"`
	// Of the dossiers returned in the period, judged against the statutory date.
	Returned int `json:"returned"`
	Early    int `json:"early"`
	OnTime   int `json:"on_time"`
	Late     int `json:"late"`
	// Returned dossiers that had an apology with a new date, and how they
	// did against that new date.
	Rescheduled       int `json:"rescheduled"`
	ResEarly          int `json:"rescheduled_early"`
	ResOnTime         int `json:"rescheduled_on_time"`
	ResLate           int `json:"rescheduled_late"`
	ReturnedWithSuppl int `json:"returned_with_supplement"` // one more contact for the citizen
	// Returned early or on time against the date last promised (the new
	// date when rescheduled, else the statutory one).
	GoodEffective int `json:"good_effective"`
	// Closed in the period without a result.
	Refused   int `json:"refused"`
	Withdrawn int `json:"withdrawn"`
	// Hours from receipt to return of the returned dossiers: whole hours
	// → count, so a median can be found without keeping every row.
	Hours map[int]int `json:"hours,omitempty"`
}

func (c *Cell) add(o *Cell) {
	if c.Name == "" {
		c.Name = o.Name
	}
	c.Received += o.Received
	c.InProgress += o.InProgress
	c.OverdueNow += o.OverdueNow
	c.Supplements += o.Supplements
	c.Apologies += o.Apologies
	c.Returned += o.Returned
	c.Early += o.Early
	c.OnTime += o.OnTime
	c.Late += o.Late
	c.Rescheduled += o.Rescheduled
	c.ResEarly += o.ResEarly
	c.ResOnTime += o.ResOnTime
	c.ResLate += o.ResLate
	c.ReturnedWithSuppl += o.ReturnedWithSuppl
	c.GoodEffective += o.GoodEffective
	c.Refused += o.Refused
	c.Withdrawn += o.Withdrawn
	for h, n := range o.Hours {
		if c.Hours == nil {
			c.Hours = map[int]int{}
		}
		c.Hours[h] += n
	}
}

// Tally is a period's counts cell by cell. Tallies add up: the combined
// report of several communes is the sum of their tallies.
type Tally struct {
	Period Period        `json:"period"`
	Now    time.Time     `json:"now"` // "now" for in progress and overdue
	Cells  map[Key]*Cell `json:"-"`
}

// NewTally starts an empty tally.
func NewTally(p Period, now time.Time) *Tally {
	return &Tally{Period: p, Now: now.In(calendar.Zone), Cells: map[Key]*Cell{}}
}

// Cell returns the cell of a procedure and channel, creating it.
func (t *Tally) Cell(proc, name, channel string) *Cell {
	if channel == "" {
		channel = ChannelCounter
	}
	k := Key{proc, channel}
	c := t.Cells[k]
	if c == nil {
		c = &Cell{Name: name}
		t.Cells[k] = c
	}
	if c.Name == "" {
		c.Name = name
	}
	return c
}

// Merge adds another tally's cells (another commune, same period).
func (t *Tally) Merge(o *Tally) {
	for k, c := range o.Cells {
		t.Cell(k.Procedure, c.Name, k.Channel).add(c)
	}
}

// OverdueBefore is the instant before which a statutory due time makes an
// open dossier overdue now: the start of today, since the outcome is judged
// by calendar day.
func OverdueBefore(now time.Time) time.Time { return dayStart(now) }

// Add counts one dossier into the tally, by the same rules the store's SQL
// applies.
func (t *Tally) Add(r Row) {
	c := t.Cell(r.ProcedureCode, r.ProcedureName, r.Channel)
	in := func(x *time.Time) bool { return x != nil && !x.Before(t.Period.From) && x.Before(t.Period.To) }
	if in(&r.ReceivedAt) {
		c.Received++
		if r.State.Open() {
			c.InProgress++
			if r.State != register.SupplementRequested && r.DueAt.Before(OverdueBefore(t.Now)) {
				c.OverdueNow++
			}
		}
		if r.SupplementAt != nil {
			c.Supplements++
		}
		if r.ApologyAt != nil {
			c.Apologies++
		}
	}
	if r.State == register.Returned && in(r.ReturnedAt) {
		c.Returned++
		switch r.Outcome {
		case register.Early:
			c.Early++
		case register.OnTime:
			c.OnTime++
		default:
			c.Late++
		}
		if r.NewDueAt != nil {
			c.Rescheduled++
			switch register.Classify(*r.ReturnedAt, *r.NewDueAt) {
			case register.Early:
				c.ResEarly++
				c.GoodEffective++
			case register.OnTime:
				c.ResOnTime++
				c.GoodEffective++
			default:
				c.ResLate++
			}
		} else if r.Outcome == register.Early || r.Outcome == register.OnTime {
			c.GoodEffective++
		}
		if r.SupplementAt != nil {
			c.ReturnedWithSuppl++
		}
		if c.Hours == nil {
			c.Hours = map[int]int{}
		}
		c.Hours[HoursBucket(r.ReceivedAt, *r.ReturnedAt)]++
	}
	if in(r.ClosedAt) {
		switch r.State {
		case register.Refused:
			c.Refused++
		case register.Withdrawn:
			c.Withdrawn++
		}
	}
}

// HoursBucket is the whole hours from receipt to return.
func HoursBucket(received, returned time.Time) int {
	return int((returned.Unix() - received.Unix()) / 3600)
}

// RowOf is the report's view of a dossier (the upper level reads dossiers
// from bundles). A refused or withdrawn dossier never changes again, so its
// last update is when it was closed.
func RowOf(d *register.Dossier) Row {
	r := Row{ProcedureCode: d.ProcedureCode, ProcedureName: d.ProcedureName, Channel: d.Channel, State: d.State,
		ReceivedAt: d.ReceivedAt, DueAt: d.DueAt, NewDueAt: d.NewDueAt, ReturnedAt: d.ReturnedAt, Outcome: d.Outcome,
		SupplementAt: d.SupplementAt, ApologyAt: d.ApologyAt}
	if d.State == register.Refused || d.State == register.Withdrawn {
		t := d.UpdatedAt
		r.ClosedAt = &t
	}
	return r
}

// FromRows is the report of the rows that fall in p, as of now: the upper
// level's way, one commune's rows or several communes' rows at once.
func FromRows(p Period, now time.Time, rows []Row) Report {
	t := NewTally(p, now)
	for _, r := range rows {
		t.Add(r)
	}
	return Build(t)
}

// Combine is the report of several tallies of the same period (one per
// commune) as one.
func Combine(p Period, now time.Time, tallies ...*Tally) Report {
	t := NewTally(p, now)
	for _, x := range tallies {
		t.Merge(x)
	}
	return Build(t)
}
