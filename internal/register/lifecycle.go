package register

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/textvn"
)

// DefaultCounter is the name of the receiving unit when the profile gives none.
const DefaultCounter = "Bộ phận Một cửa"

// Result methods (phương thức nhận kết quả).
const (
	AtCounter = "counter" // tại Bộ phận Một cửa
	ByPost    = "post"    // qua dịch vụ bưu chính
	Online    = "online"  // trực tuyến
)

// ResultMethodVietnamese names a result method for forms and screens.
func ResultMethodVietnamese(m string) string {
	switch m {
	case ByPost:
		return "Qua dịch vụ bưu chính"
	case Online:
		return "Trực tuyến"
	}
	return "Tại Bộ phận Một cửa"
}

// Intake is what the clerk fills in at the counter.
type Intake struct {
	Procedure    Procedure
	Applicant    Applicant
	At           time.Time
	Actor        string
	Counter      string // receiving unit; DefaultCounter when empty
	Sets         int
	Documents    []string
	ResultMethod string
	Channel      string // received through: counter (default), post, online
	FormSet      string
	Note         string
}

// Receive checks an intake and builds the new dossier with its due date.
// Identity fields (ID, Code, EntryNo, BookNo) are assigned by the caller,
// which owns the sequences.
func Receive(in Intake, cal *calendar.Calendar) (*Dossier, error) {
	if err := in.Applicant.Validate(); err != nil {
		return nil, err
	}
	if in.Procedure.Code == "" {
		return nil, errors.New("chưa chọn thủ tục hành chính")
	}
	if in.Procedure.Inactive {
		return nil, fmt.Errorf("thủ tục %s đã ngừng áp dụng, không tiếp nhận hồ sơ mới", in.Procedure.Name)
	}
	if err := in.Procedure.Limit.Validate(); err != nil {
		return nil, err
	}
	if in.At.IsZero() {
		return nil, errors.New("thiếu thời điểm tiếp nhận")
	}
	if in.Sets == 0 {
		in.Sets = 1
	}
	if in.Sets < 0 || in.Sets > 1000 {
		return nil, fmt.Errorf("số bộ hồ sơ %d không hợp lệ: nhập từ 1 đến 1000", in.Sets)
	}
	switch in.ResultMethod {
	case "":
		in.ResultMethod = AtCounter
	case AtCounter, ByPost, Online:
	default:
		return nil, fmt.Errorf("phương thức nhận kết quả %q không có; dùng counter, post hoặc online", in.ResultMethod)
	}
	switch in.Channel {
	case "":
		in.Channel = AtCounter
	case AtCounter, ByPost, Online:
	default:
		return nil, fmt.Errorf("kênh tiếp nhận %q không có; dùng counter (tại quầy), post (bưu chính) hoặc online (trực tuyến)", in.Channel)
	}
	counter := textvn.Clean(in.Counter)
	if counter == "" {
		counter = DefaultCounter
	}
	docs := make([]string, 0, len(in.Documents))
	for _, s := range in.Documents {
		if s = textvn.Clean(s); s != "" {
			docs = append(docs, s)
		}
	}
	at := in.At.In(calendar.Zone).Truncate(time.Minute)
	d := &Dossier{
		Year:             at.Year(),
		ProcedureCode:    in.Procedure.Code,
		ProcedureName:    in.Procedure.Name,
		ProcedureVersion: in.Procedure.Version,
		FormSet:          in.FormSet,
		Field:            in.Procedure.Field,
		Limit:            in.Procedure.Limit,
		Applicant:        in.Applicant,
		Sets:             in.Sets,
		Documents:        docs,
		ResultMethod:     in.ResultMethod,
		Channel:          in.Channel,
		HandlingUnit:     in.Procedure.Unit,
		Holder:           counter,
		ReceivedBy:       textvn.Clean(in.Actor),
		ReceivedAt:       at,
		DueAt:            cal.Due(at, in.Procedure.Limit),
		State:            Received,
		Note:             textvn.Clean(in.Note),
		UpdatedAt:        at,
	}
	d.Events = []Event{{Seq: 1, Kind: EvReceived, At: at, To: counter, Actor: d.ReceivedBy, State: Received}}
	return d, nil
}

// Action names a life-cycle step a clerk can take on a dossier.
type Action string

const (
	ActForward    Action = "forward"
	ActDone       Action = "done"
	ActSupplement Action = "supplement"
	ActResume     Action = "resume"
	ActApologise  Action = "apologise"
	ActRefuse     Action = "refuse"
	ActWithdraw   Action = "withdraw"
	ActReturn     Action = "return"
)

// Actions lists every action in the order a window shows them.
var Actions = []Action{ActForward, ActDone, ActSupplement, ActResume, ActApologise, ActRefuse, ActWithdraw, ActReturn}

// allowedFrom is the state table every step is checked against.
var allowedFrom = map[Action][]State{
	ActForward:    {Received, InProgress},
	ActDone:       {Received, InProgress},
	ActSupplement: {Received, InProgress},
	ActResume:     {SupplementRequested},
	ActApologise:  {Received, InProgress},
	ActRefuse:     {Received, InProgress, SupplementRequested},
	ActWithdraw:   {Received, InProgress, SupplementRequested, Done},
	ActReturn:     {Received, InProgress, Done},
}

// Allows reports whether the state table lets the action start from s. A
// window greys out what it refuses; the once-only rules (one supplement,
// one apology) are left to the step, whose refusal explains the law.
func (s State) Allows(a Action) bool {
	for _, st := range allowedFrom[a] {
		if s == st {
			return true
		}
	}
	return false
}

// Can reports whether the action is allowed now: by the dossier's state and
// by the once-only rules.
func (d *Dossier) Can(a Action) bool {
	switch {
	case a == ActSupplement && d.SupplementAt != nil, a == ActApologise && d.ApologyAt != nil:
		return false
	}
	return d.State.Allows(a)
}

// Step is the common part of every change: when and by whom.
type Step struct {
	At    time.Time
	Actor string
}

// ErrFinal is wrapped by every refusal to touch a closed dossier.
var ErrFinal = errors.New("hồ sơ đã kết thúc")

func (d *Dossier) check(s *Step, action string, act Action) error {
	allowed := allowedFrom[act]
	if d.State.Final() {
		return fmt.Errorf("%w: hồ sơ %s %s, không thể %s", ErrFinal, d.Code, strings.ToLower(d.State.Vietnamese()), action)
	}
	ok := false
	for _, a := range allowed {
		if d.State == a {
			ok = true
		}
	}
	if !ok {
		return fmt.Errorf("hồ sơ %s đang ở trạng thái “%s”, không thể %s", d.Code, d.State.Vietnamese(), action)
	}
	if s.At.IsZero() {
		return errors.New("thiếu thời điểm thực hiện")
	}
	s.At = s.At.In(calendar.Zone).Truncate(time.Minute)
	s.Actor = textvn.Clean(s.Actor)
	if last := d.lastEventAt(); s.At.Before(last) {
		return fmt.Errorf("thời điểm %s sớm hơn bước trước của hồ sơ (%s); kiểm tra lại ngày giờ",
			s.At.Format("15:04 02/01/2006"), last.In(calendar.Zone).Format("15:04 02/01/2006"))
	}
	return nil
}

func (d *Dossier) lastEventAt() time.Time {
	if n := len(d.Events); n > 0 {
		return d.Events[n-1].At
	}
	return d.ReceivedAt
}

func (d *Dossier) apply(s Step, e Event) Event {
	e.Seq = len(d.Events) + 1
	e.At = s.At
	e.Actor = s.Actor
	e.State = d.State
	d.UpdatedAt = s.At
	d.Events = append(d.Events, e)
	return e
}

func ptr(t time.Time) *time.Time { return &t }

// Forward hands the dossier to a unit for appraisal (or on to another unit).
func (d *Dossier) Forward(s Step, to string) (Event, error) {
	if err := d.check(&s, "chuyển xử lý", ActForward); err != nil {
		return Event{}, err
	}
	to = textvn.Clean(to)
	if to == "" {
		return Event{}, errors.New("chưa nhập đơn vị nhận hồ sơ")
	}
	if to == d.Holder {
		return Event{}, fmt.Errorf("hồ sơ %s đang ở %s rồi", d.Code, to)
	}
	from := d.Holder
	d.State, d.Holder = InProgress, to
	if d.ForwardedAt == nil {
		d.ForwardedAt = ptr(s.At)
	}
	if d.HandlingUnit == "" {
		d.HandlingUnit = to
	}
	return d.apply(s, Event{Kind: EvForwarded, From: from, To: to, Outcome: Classify(s.At, d.DueAt)}), nil
}

// MarkDone records that the result came back to the counter, ready to return.
func (d *Dossier) MarkDone(s Step, counter string) (Event, error) {
	if err := d.check(&s, "ghi nhận có kết quả", ActDone); err != nil {
		return Event{}, err
	}
	if counter = textvn.Clean(counter); counter == "" {
		counter = DefaultCounter
	}
	from := d.Holder
	d.State, d.Holder, d.DoneAt = Done, counter, ptr(s.At)
	return d.apply(s, Event{Kind: EvDone, From: from, To: counter, Outcome: Classify(s.At, d.DueAt)}), nil
}

// SupplementWithin is how many working days after receipt the law gives for
// asking a supplement (Nghị định 61/2018/NĐ-CP; REFERENCE §2): an appraisal
// that finds the dossier incomplete sends it back within 3 working days.
const SupplementWithin = 3

// supplementLateMark opens the line a late supplement request adds to its
// event, so that the register keeps, and a paper or a report can find, that
// it was late.
const supplementLateMark = "Yêu cầu bổ sung muộn:"

// RequestSupplement asks the citizen to complete the dossier. The law allows
// it once, listing everything missing, with its reason; the time limit stops
// until the complete dossier comes back. A request made more than
// SupplementWithin working days after receipt is still recorded, with a
// warning, and its event says it was late.
func (d *Dossier) RequestSupplement(s Step, items []string, reason string, cal *calendar.Calendar) (Event, []string, error) {
	if err := d.check(&s, "yêu cầu bổ sung", ActSupplement); err != nil {
		return Event{}, nil, err
	}
	if d.SupplementAt != nil {
		return Event{}, nil, fmt.Errorf("hồ sơ %s đã được yêu cầu bổ sung một lần (%s); pháp luật chỉ cho phép yêu cầu bổ sung một lần",
			d.Code, d.SupplementAt.Format("02/01/2006"))
	}
	var list []string
	for _, it := range items {
		list = append(list, SplitItems(it)...)
	}
	if len(list) == 0 {
		return Event{}, nil, errors.New("chưa nhập nội dung cần bổ sung, hoàn thiện: ghi đủ mọi giấy tờ, nội dung còn thiếu, mỗi dòng một nội dung")
	}
	if reason = textvn.Clean(reason); reason == "" {
		return Event{}, nil, errors.New("chưa nhập lý do yêu cầu bổ sung: phiếu yêu cầu bổ sung, hoàn thiện hồ sơ phải nêu rõ lý do; hãy ghi lý do rồi lưu lại")
	}
	note := reason
	var warnings []string
	if n := cal.WorkingDaysBetween(d.ReceivedAt, s.At); n > SupplementWithin {
		late := fmt.Sprintf("%s sau %02d ngày làm việc kể từ ngày tiếp nhận %s, quá thời hạn %02d ngày làm việc.",
			supplementLateMark, n, d.ReceivedAt.In(calendar.Zone).Format("02/01/2006"), SupplementWithin)
		note += "\n" + late
		warnings = append(warnings, fmt.Sprintf(
			"Yêu cầu bổ sung phải gửi trong %02d ngày làm việc kể từ ngày tiếp nhận (%s); lần này đã sau %02d ngày làm việc. Việc chậm đã được ghi vào sổ theo dõi hồ sơ.",
			SupplementWithin, d.ReceivedAt.In(calendar.Zone).Format("02/01/2006"), n))
	}
	from := d.Holder
	d.State, d.SupplementAt, d.SupplementReason = SupplementRequested, ptr(s.At), strings.Join(list, "\n")
	ev := d.apply(s, Event{Kind: EvSupplement, From: from, To: "Người nộp hồ sơ", Note: note, Outcome: Classify(s.At, d.DueAt)})
	return ev, warnings, nil
}

// Resume records the completed dossier's return. The time limit restarts
// from zero: the day it comes back is day 0.
func (d *Dossier) Resume(s Step, counter string, cal *calendar.Calendar) (Event, error) {
	if err := d.check(&s, "nhận hồ sơ bổ sung", ActResume); err != nil {
		return Event{}, err
	}
	if counter = textvn.Clean(counter); counter == "" {
		counter = DefaultCounter
	}
	old := d.DueAt
	d.State, d.Holder, d.ResumedAt = Received, counter, ptr(s.At)
	d.DueAt = cal.Due(s.At, d.Limit)
	d.NewDueAt = nil
	note := fmt.Sprintf("Hạn trả tính lại: %s (trước: %s)", d.DueAt.Format("15:04 02/01/2006"), old.Format("15:04 02/01/2006"))
	return d.apply(s, Event{Kind: EvResumed, From: "Người nộp hồ sơ", To: counter, Note: note}), nil
}

// Apologise records the written apology with a new return date. The law
// allows one reschedule, with a reason; the apology is due at the latest one
// working day before the due date, so giving it later returns a warning.
func (d *Dossier) Apologise(s Step, reason string, newDate time.Time, cal *calendar.Calendar) (Event, []string, error) {
	if err := d.check(&s, "xin lỗi và hẹn lại", ActApologise); err != nil {
		return Event{}, nil, err
	}
	if d.ApologyAt != nil {
		return Event{}, nil, fmt.Errorf("hồ sơ %s đã được hẹn lại ngày trả một lần (%s); pháp luật chỉ cho phép hẹn lại một lần",
			d.Code, d.ApologyAt.Format("02/01/2006"))
	}
	if reason = textvn.Clean(reason); reason == "" {
		return Event{}, nil, errors.New("chưa nhập lý do chậm trả kết quả; văn bản xin lỗi phải nêu rõ lý do")
	}
	if newDate.IsZero() {
		return Event{}, nil, errors.New("chưa nhập ngày hẹn trả mới")
	}
	h := cal.Hours()
	nd := newDate.In(calendar.Zone)
	nd = time.Date(nd.Year(), nd.Month(), nd.Day(), int(h.ReturnAt)/60, int(h.ReturnAt)%60, 0, 0, calendar.Zone)
	if !cal.IsWorkingDay(nd) {
		return Event{}, nil, fmt.Errorf("ngày hẹn mới %s là ngày nghỉ (%s); chọn một ngày làm việc",
			nd.Format("02/01/2006"), cal.Day(nd).Reason)
	}
	if Classify(nd, d.DueAt) != Late {
		return Event{}, nil, fmt.Errorf("ngày hẹn mới %s phải sau hạn trả hiện tại %s",
			nd.Format("02/01/2006"), d.DueAt.Format("02/01/2006"))
	}
	if Classify(nd, s.At) == Early {
		return Event{}, nil, fmt.Errorf("ngày hẹn mới %s đã qua", nd.Format("02/01/2006"))
	}
	var warnings []string
	if cal.WorkingDaysBetween(s.At, d.DueAt) < 1 {
		warnings = append(warnings, fmt.Sprintf(
			"Văn bản xin lỗi phải gửi chậm nhất 01 ngày làm việc trước hạn trả (%s); lần này đã muộn.",
			d.DueAt.Format("02/01/2006")))
	}
	d.ApologyAt, d.ApologyReason, d.NewDueAt = ptr(s.At), reason, ptr(nd)
	ev := d.apply(s, Event{Kind: EvApologised, Note: fmt.Sprintf("%s. Hẹn trả mới: %s", reason, nd.Format("15:04 02/01/2006"))})
	return ev, warnings, nil
}

// Refuse closes the dossier with a written reason, as a refusal of the
// given kind (see RefusalKind); the kind decides which paper answers it.
func (d *Dossier) Refuse(s Step, kind RefusalKind, reason string) (Event, error) {
	if err := d.check(&s, "từ chối", ActRefuse); err != nil {
		return Event{}, err
	}
	ev, ok := refusalEvents[kind]
	if !ok {
		return Event{}, fmt.Errorf("loại từ chối %q không có; dùng %s (từ chối tiếp nhận tại bộ phận một cửa) hoặc %s (từ chối giải quyết sau thẩm định)",
			kind, RefuseAtCounter, RefuseAfterAppraisal)
	}
	if !slices.Contains(refusalFrom[kind], d.State) {
		return Event{}, fmt.Errorf("hồ sơ %s đang ở trạng thái “%s”: bộ phận một cửa chỉ từ chối tiếp nhận hồ sơ còn ở quầy; hồ sơ đã chuyển xử lý thì cơ quan có thẩm quyền từ chối giải quyết bằng văn bản",
			d.Code, d.State.Vietnamese())
	}
	if reason = textvn.Clean(reason); reason == "" {
		return Event{}, errors.New("chưa nhập lý do từ chối; phiếu từ chối phải nêu rõ lý do")
	}
	from := d.Holder
	d.State, d.ClosedReason = Refused, reason
	return d.apply(s, Event{Kind: ev, From: from, To: "Người nộp hồ sơ", Note: reason}), nil
}

// Withdraw closes the dossier at the citizen's request.
func (d *Dossier) Withdraw(s Step, reason string) (Event, error) {
	return d.Stop(s, StopByApplicant, reason)
}

// Stop closes the dossier without a result: at the applicant's request (the
// reason is optional) or by the agency's decision (the reason is required).
// Both are answered by the stop notice (form 05 of the 2025 set).
func (d *Dossier) Stop(s Step, by StopBy, reason string) (Event, error) {
	if err := d.check(&s, "dừng giải quyết", ActWithdraw); err != nil {
		return Event{}, err
	}
	reason = textvn.Clean(reason)
	kind := EvWithdrawn
	switch by {
	case StopByApplicant:
	case StopByAgency:
		kind = EvStopped
		if reason == "" {
			return Event{}, errors.New("chưa nhập lý do cơ quan dừng giải quyết hồ sơ; thông báo dừng giải quyết phải nêu rõ lý do")
		}
	default:
		return Event{}, fmt.Errorf("người đề nghị dừng %q không có; dùng %s (người nộp hồ sơ) hoặc %s (cơ quan giải quyết)", by, StopByApplicant, StopByAgency)
	}
	from := d.Holder
	d.State, d.ClosedReason = Withdrawn, reason
	return d.apply(s, Event{Kind: kind, From: from, To: "Người nộp hồ sơ", Note: reason}), nil
}

// Return hands the result to the citizen and classifies the outcome.
func (d *Dossier) Return(s Step) (Event, error) {
	if err := d.check(&s, "trả kết quả", ActReturn); err != nil {
		return Event{}, err
	}
	from := d.Holder
	d.State, d.ReturnedAt = Returned, ptr(s.At)
	if d.DoneAt == nil {
		d.DoneAt = ptr(s.At)
	}
	d.Outcome = Classify(s.At, d.DueAt)
	return d.apply(s, Event{Kind: EvReturned, From: from, To: "Người nộp hồ sơ", Outcome: d.Outcome}), nil
}
