package survey

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/textvn"
)

// FeedbackChannel is how a citizen's feedback reached the commune.
type FeedbackChannel string

// Feedback channels.
const (
	InPerson FeedbackChannel = "in_person" // trực tiếp
	ByPhone  FeedbackChannel = "phone"     // điện thoại
	ByLetter FeedbackChannel = "letter"    // văn bản, đơn thư
	Hotline  FeedbackChannel = "hotline"   // đường dây nóng
	Portal   FeedbackChannel = "portal"    // Cổng Dịch vụ công quốc gia, copied by hand
	Box      FeedbackChannel = "box"       // hòm thư góp ý
)

var feedbackChannels = []struct {
	c    FeedbackChannel
	name string
}{
	{InPerson, "Trực tiếp"}, {ByPhone, "Điện thoại"}, {ByLetter, "Văn bản, đơn thư"}, {Hotline, "Đường dây nóng"},
	{Portal, "Cổng Dịch vụ công quốc gia"}, {Box, "Hòm thư góp ý"},
}

// FeedbackChannels lists the channels in the order forms show them.
func FeedbackChannels() []FeedbackChannel {
	out := make([]FeedbackChannel, len(feedbackChannels))
	for i, c := range feedbackChannels {
		out[i] = c.c
	}
	return out
}

// Vietnamese is the channel as listed.
func (c FeedbackChannel) Vietnamese() string {
	for _, fc := range feedbackChannels {
		if fc.c == c {
			return fc.name
		}
	}
	return string(c)
}

// ParseFeedbackChannel accepts the codes or the Vietnamese names, accents optional.
func ParseFeedbackChannel(s string) (FeedbackChannel, error) {
	f := textvn.Fold(s)
	for _, fc := range feedbackChannels {
		if string(fc.c) == strings.TrimSpace(s) || textvn.Fold(fc.name) == f {
			return fc.c, nil
		}
	}
	var names []string
	for _, fc := range feedbackChannels {
		names = append(names, fmt.Sprintf("%s (%s)", fc.c, strings.ToLower(fc.name)))
	}
	return "", fmt.Errorf("kênh tiếp nhận %q không hợp lệ: dùng %s", s, strings.Join(names, ", "))
}

// Feedback is a citizen's feedback or petition (phản ánh, kiến nghị) and its handling.
type Feedback struct {
	ID          string          `json:"id"`
	Year        int             `json:"year"`
	No          int             `json:"no"` // số thứ tự trong năm
	ReceivedAt  time.Time       `json:"received_at"`
	Channel     FeedbackChannel `json:"channel"`
	Sender      string          `json:"sender,omitempty"` // empty: anonymous
	Contact     string          `json:"contact,omitempty"`
	DossierID   string          `json:"dossier_id,omitempty"`
	DossierCode string          `json:"dossier_code,omitempty"`
	StaffID     string          `json:"staff_id,omitempty"`
	StaffName   string          `json:"staff_name,omitempty"`
	Content     string          `json:"content"`
	Handler     string          `json:"handler,omitempty"`
	DueOn       time.Time       `json:"due_on"` // the answer is due by the end of this working day
	Answer      string          `json:"answer,omitempty"`
	AnsweredAt  *time.Time      `json:"answered_at,omitempty"`
	Accepted    *bool           `json:"accepted,omitempty"` // the citizen accepted the answer; nil when not known
	CreatedAt   time.Time       `json:"created_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
}

// Ref is "PA 03/2026", the number clerks and citizens quote.
func (f Feedback) Ref() string { return fmt.Sprintf("PA %02d/%d", f.No, f.Year) }

// SenderText is the sender or "Ẩn danh".
func (f Feedback) SenderText() string {
	if f.Sender == "" {
		return "Ẩn danh"
	}
	return f.Sender
}

// DefaultFeedbackDays is the working days allowed to answer feedback when the commune has
// not set its own.
const DefaultFeedbackDays = 10

// FeedbackDue is the due date of feedback received at t: days working days later, the day
// of receipt not counted, so it never falls on a weekend or a holiday.
func FeedbackDue(cal *calendar.Calendar, received time.Time, days int) time.Time {
	return cal.AddWorkingDays(received, days)
}

// CheckDue refuses a due date typed by hand that is not a working day or comes before the
// feedback was received.
func CheckDue(cal *calendar.Calendar, due, received time.Time) error {
	info := cal.Day(due)
	if !info.Working {
		return fmt.Errorf("hạn trả lời %s là ngày nghỉ (%s): hãy chọn một ngày làm việc, ví dụ %s", info.Date.Format("02/01/2006"), info.Reason, cal.NextWorkingDay(due).Format("02/01/2006"))
	}
	if dayOf(due).Before(dayOf(received)) {
		return fmt.Errorf("hạn trả lời %s trước ngày tiếp nhận %s: hãy kiểm tra lại", due.Format("02/01/2006"), received.Format("02/01/2006"))
	}
	return nil
}

func dayOf(t time.Time) time.Time {
	t = t.In(calendar.Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, calendar.Zone)
}

// Check normalises feedback as received and refuses one without content or channel.
func (f *Feedback) Check() error {
	f.Sender, f.Contact = textvn.Clean(f.Sender), textvn.Clean(f.Contact)
	f.Content, f.Handler = textvn.Clean(f.Content), textvn.Clean(f.Handler)
	if _, err := ParseFeedbackChannel(string(f.Channel)); err != nil {
		return err
	}
	if f.Content == "" {
		return errors.New("chưa ghi nội dung phản ánh, kiến nghị: hãy ghi người dân phản ánh việc gì")
	}
	return nil
}

// Answered records the answer. Feedback is answered once; an answer dated before the
// feedback arrived is refused.
func (f *Feedback) Answered(answer string, at time.Time, accepted *bool) error {
	answer = textvn.Clean(answer)
	if f.AnsweredAt != nil {
		return fmt.Errorf("phản ánh %s đã được trả lời ngày %s; không trả lời lần nữa", f.Ref(), f.AnsweredAt.Format("02/01/2006"))
	}
	if answer == "" {
		return fmt.Errorf("chưa ghi nội dung trả lời phản ánh %s: hãy ghi câu trả lời đã gửi người dân", f.Ref())
	}
	if at.Before(f.ReceivedAt) {
		return fmt.Errorf("ngày trả lời %s trước ngày tiếp nhận phản ánh %s: hãy kiểm tra lại", at.Format("02/01/2006"), f.ReceivedAt.Format("02/01/2006"))
	}
	f.Answer, f.AnsweredAt, f.Accepted = answer, &at, accepted
	return nil
}

// Open reports whether the feedback still waits for an answer.
func (f Feedback) Open() bool { return f.AnsweredAt == nil }

// Late reports whether the answer came after the due date, or, still open, the due date has
// passed at now.
func (f Feedback) Late(now time.Time) bool {
	end := dayOf(f.DueOn).AddDate(0, 0, 1)
	if f.AnsweredAt != nil {
		return !f.AnsweredAt.Before(end)
	}
	return !now.Before(end)
}

// Status is the handling state as listed: "Đang xử lý", "Quá hạn", "Đã trả lời đúng hạn",
// "Đã trả lời quá hạn".
func (f Feedback) Status(now time.Time) string {
	switch {
	case f.Open() && f.Late(now):
		return "Quá hạn"
	case f.Open():
		return "Đang xử lý"
	case f.Late(now):
		return "Đã trả lời quá hạn"
	}
	return "Đã trả lời đúng hạn"
}
