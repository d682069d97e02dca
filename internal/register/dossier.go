package register

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/textvn"
)

// State is where a dossier stands in its life cycle.
type State string

const (
	Received            State = "received"             // Đã tiếp nhận
	InProgress          State = "in_progress"          // Đang giải quyết
	SupplementRequested State = "supplement_requested" // Chờ bổ sung
	Done                State = "done"                 // Đã có kết quả, chờ trả
	Returned            State = "returned"             // Đã trả kết quả
	Refused             State = "refused"              // Từ chối giải quyết
	Withdrawn           State = "withdrawn"            // Công dân rút hồ sơ
)

// States lists every state in life-cycle order.
var States = []State{Received, InProgress, SupplementRequested, Done, Returned, Refused, Withdrawn}

// Vietnamese names the state as the clerk reads it.
func (s State) Vietnamese() string {
	switch s {
	case Received:
		return "Đã tiếp nhận"
	case InProgress:
		return "Đang giải quyết"
	case SupplementRequested:
		return "Chờ bổ sung"
	case Done:
		return "Có kết quả, chờ trả"
	case Returned:
		return "Đã trả kết quả"
	case Refused:
		return "Từ chối giải quyết"
	case Withdrawn:
		return "Đã rút hồ sơ"
	}
	return string(s)
}

// Final reports whether no further change is allowed.
func (s State) Final() bool { return s == Returned || s == Refused || s == Withdrawn }

// Open reports whether the dossier is still in the office's hands and its
// time limit is running or paused.
func (s State) Open() bool { return !s.Final() }

// ParseState accepts the code name of a state.
func ParseState(s string) (State, error) {
	for _, st := range States {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("trạng thái %q không có; dùng một trong: %s", s, stateList())
}

func stateList() string {
	var b []string
	for _, s := range States {
		b = append(b, string(s))
	}
	return strings.Join(b, ", ")
}

// Outcome classifies a result or a hand-over against the due date.
type Outcome string

const (
	Early  Outcome = "early"   // trước hạn
	OnTime Outcome = "on_time" // đúng hạn
	Late   Outcome = "late"    // quá hạn
)

// Vietnamese gives the outcome as printed on the control slip.
func (o Outcome) Vietnamese() string {
	switch o {
	case Early:
		return "Trước hạn"
	case OnTime:
		return "Đúng hạn"
	case Late:
		return "Quá hạn"
	}
	return ""
}

// Classify compares the calendar day of at with the day of due, in Vietnam
// time: before the due day is early, on it is on time, after it is late.
func Classify(at, due time.Time) Outcome {
	a, d := dayNumber(at), dayNumber(due)
	switch {
	case a < d:
		return Early
	case a == d:
		return OnTime
	}
	return Late
}

func dayNumber(t time.Time) int64 {
	t = t.In(calendar.Zone)
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// Applicant is the citizen or organisation that files the dossier.
type Applicant struct {
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Email   string `json:"email,omitempty"`
}

var emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// Validate cleans the applicant's fields and refuses what cannot be right.
func (a *Applicant) Validate() error {
	a.Name = textvn.Clean(a.Name)
	a.Address = textvn.Clean(a.Address)
	a.Phone = textvn.Clean(a.Phone)
	a.Email = strings.TrimSpace(a.Email)
	if a.Name == "" {
		return errors.New("họ tên người nộp hồ sơ không được để trống")
	}
	if utf8.RuneCountInString(a.Name) > 200 {
		return errors.New("họ tên người nộp hồ sơ dài quá 200 ký tự; kiểm tra lại xem có dán nhầm không")
	}
	if utf8.RuneCountInString(a.Address) > 500 {
		return errors.New("địa chỉ dài quá 500 ký tự; kiểm tra lại xem có dán nhầm không")
	}
	if a.Phone != "" {
		d := textvn.Digits(a.Phone)
		if strings.TrimLeft(a.Phone, "+0123456789 .-()") != "" || len(d) < 9 || len(d) > 12 {
			return fmt.Errorf("số điện thoại %q không hợp lệ: nhập 9 đến 12 chữ số, ví dụ 0912 345 678", a.Phone)
		}
	}
	if a.Email != "" && !emailRe.MatchString(a.Email) {
		return fmt.Errorf("địa chỉ thư điện tử %q không hợp lệ", a.Email)
	}
	return nil
}

// Dossier is a citizen's dossier (hồ sơ) in the register.
type Dossier struct {
	ID               string         `json:"id"`
	Code             string         `json:"code"`     // mã hồ sơ: <agency>-<YYMMDD>-<NNNN>
	EntryNo          int            `json:"entry_no"` // số thứ tự in the year's register, from 1
	BookNo           int            `json:"book_no"`  // quyển số
	Year             int            `json:"year"`     // register year of the entry number
	ProcedureCode    string         `json:"procedure_code"`
	ProcedureName    string         `json:"procedure_name"`
	ProcedureVersion int            `json:"procedure_version"`
	FormSet          string         `json:"form_set"` // TT03/2025 or TT01/2018, fixed at receipt
	Field            string         `json:"field,omitempty"`
	Limit            calendar.Limit `json:"limit"`
	Variant          string         `json:"variant,omitempty"` // variant of the procedure's limit chosen at reception (e.g. xac-minh); empty: the standard limit
	Applicant        Applicant      `json:"applicant"`
	Sets             int            `json:"sets"`                // số lượng hồ sơ (bộ)
	Documents        []string       `json:"documents,omitempty"` // giấy tờ kèm theo
	ResultMethod     string         `json:"result_method"`       // counter, post, online
	Channel          string         `json:"channel,omitempty"`   // received through: counter, post, online
	HandlingUnit     string         `json:"handling_unit,omitempty"`
	Holder           string         `json:"holder"` // unit that holds the dossier now
	ReceivedBy       string         `json:"received_by,omitempty"`
	ReceivedAt       time.Time      `json:"received_at"`
	DueAt            time.Time      `json:"due_at"`               // statutory due time, restarted after a supplement
	NewDueAt         *time.Time     `json:"new_due_at,omitempty"` // date promised in the apology
	State            State          `json:"state"`
	ForwardedAt      *time.Time     `json:"forwarded_at,omitempty"`
	DoneAt           *time.Time     `json:"done_at,omitempty"`
	ReturnedAt       *time.Time     `json:"returned_at,omitempty"`
	Outcome          Outcome        `json:"outcome,omitempty"`
	SupplementAt     *time.Time     `json:"supplement_at,omitempty"`
	SupplementReason string         `json:"supplement_reason,omitempty"`
	ResumedAt        *time.Time     `json:"resumed_at,omitempty"`
	ApologyAt        *time.Time     `json:"apology_at,omitempty"`
	ApologyReason    string         `json:"apology_reason,omitempty"`
	ClosedReason     string         `json:"closed_reason,omitempty"` // refusal or withdrawal reason
	Note             string         `json:"note,omitempty"`
	UpdatedAt        time.Time      `json:"updated_at"`
	Events           []Event        `json:"events,omitempty"`
}

// EffectiveDue is the date the citizen was last promised: the apology's new
// date when there is one, else the statutory due time.
func (d *Dossier) EffectiveDue() time.Time {
	if d.NewDueAt != nil {
		return *d.NewDueAt
	}
	return d.DueAt
}

// EventKind names what happened to a dossier.
type EventKind string

const (
	EvReceived   EventKind = "received"
	EvForwarded  EventKind = "forwarded"
	EvDone       EventKind = "done"
	EvSupplement EventKind = "supplement_requested"
	EvResumed    EventKind = "resumed"
	EvApologised EventKind = "apologised"
	EvRefused    EventKind = "refused"                 // refused at the counter (form 03)
	EvRejected   EventKind = "refused_after_appraisal" // refused by the competent body after appraisal
	EvWithdrawn  EventKind = "withdrawn"               // stopped at the applicant's request
	EvStopped    EventKind = "stopped"                 // stopped by the agency's decision
	EvReturned   EventKind = "returned"
)

// Vietnamese names the event for the timeline.
func (k EventKind) Vietnamese() string {
	switch k {
	case EvReceived:
		return "Tiếp nhận hồ sơ"
	case EvForwarded:
		return "Chuyển xử lý"
	case EvDone:
		return "Nhận kết quả"
	case EvSupplement:
		return "Yêu cầu bổ sung"
	case EvResumed:
		return "Nhận hồ sơ bổ sung"
	case EvApologised:
		return "Xin lỗi, hẹn lại"
	case EvRefused:
		return "Từ chối tiếp nhận"
	case EvRejected:
		return "Từ chối giải quyết (sau thẩm định)"
	case EvWithdrawn:
		return "Rút hồ sơ"
	case EvStopped:
		return "Dừng giải quyết (quyết định của cơ quan)"
	case EvReturned:
		return "Trả kết quả"
	}
	return string(k)
}

// Event is one step of the dossier's history; the hand-overs among them make
// the control slip (phiếu kiểm soát quá trình giải quyết hồ sơ).
type Event struct {
	Seq     int       `json:"seq"`
	Kind    EventKind `json:"kind"`
	At      time.Time `json:"at"`
	From    string    `json:"from,omitempty"`
	To      string    `json:"to,omitempty"`
	Actor   string    `json:"actor,omitempty"`
	Note    string    `json:"note,omitempty"`
	Outcome Outcome   `json:"outcome,omitempty"` // result so far, at a hand-over
	State   State     `json:"state"`             // state after the event
	// Backdated marks a step entered later with an earlier time (--at):
	// a paper record typed in afterwards. Reports show it apart.
	Backdated bool `json:"backdated,omitempty"`
}

// IsHandover reports whether the event moves the dossier between units.
func (e Event) IsHandover() bool {
	switch e.Kind {
	case EvReceived, EvForwarded, EvDone, EvReturned, EvSupplement, EvResumed:
		return true
	}
	return false
}

// FormatCode builds a dossier code <agency>-<YYMMDD>-<NNNN> (Thông tư
// 01/2018 Điều 19); the sequence restarts every day.
func FormatCode(agency string, day time.Time, seq int) string {
	day = day.In(calendar.Zone)
	return fmt.Sprintf("%s-%s-%04d", agency, day.Format("060102"), seq)
}

var codeRe = regexp.MustCompile(`^(.+)-(\d{6})-(\d{4,})$`)

// ParseCode splits a dossier code into its agency, day and sequence.
func ParseCode(code string) (agency string, day time.Time, seq int, err error) {
	m := codeRe.FindStringSubmatch(strings.TrimSpace(code))
	if m == nil {
		return "", time.Time{}, 0, fmt.Errorf("mã hồ sơ %q không đúng dạng <mã cơ quan>-<YYMMDD>-<NNNN>", code)
	}
	day, err = time.ParseInLocation("060102", m[2], calendar.Zone)
	if err != nil {
		return "", time.Time{}, 0, fmt.Errorf("mã hồ sơ %q có ngày %s không hợp lệ", code, m[2])
	}
	seq, _ = strconv.Atoi(m[3])
	return m[1], day, seq, nil
}
