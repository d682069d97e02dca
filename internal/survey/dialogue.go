package survey

import (
	"errors"
	"fmt"
	"time"

	"motcua/internal/textvn"
)

// Dialogue is a dialogue conference (hội nghị đối thoại) between the commune's leaders and
// citizens: when and where, who chaired, how many attended, what citizens raised and what
// was promised.
type Dialogue struct {
	ID           string       `json:"id"`
	Year         int          `json:"year"`
	No           int          `json:"no"`
	HeldAt       time.Time    `json:"held_at"`
	Place        string       `json:"place"`
	Chair        string       `json:"chair"`
	Participants string       `json:"participants,omitempty"` // thành phần: leaders, unions, village heads…
	Attendance   int          `json:"attendance"`             // citizens present
	Issues       []string     `json:"issues"`                 // what citizens raised, one per item
	Note         string       `json:"note,omitempty"`
	Commitments  []Commitment `json:"commitments,omitempty"`
	CreatedAt    time.Time    `json:"created_at"`
	UpdatedAt    time.Time    `json:"updated_at"`
}

// Ref is "ĐT 02/2026".
func (d Dialogue) Ref() string { return fmt.Sprintf("ĐT %02d/%d", d.No, d.Year) }

// Check normalises a dialogue and refuses one without date, place or chair, or with a
// negative attendance.
func (d *Dialogue) Check() error {
	d.Place, d.Chair = textvn.Clean(d.Place), textvn.Clean(d.Chair)
	d.Participants, d.Note = textvn.Clean(d.Participants), textvn.Clean(d.Note)
	issues := []string{}
	for _, s := range d.Issues {
		if s = textvn.Clean(s); s != "" {
			issues = append(issues, s)
		}
	}
	d.Issues = issues
	switch {
	case d.HeldAt.IsZero():
		return errors.New("chưa có ngày tổ chức hội nghị đối thoại: hãy nhập ngày")
	case d.Place == "":
		return errors.New("chưa ghi địa điểm hội nghị đối thoại: hãy ghi nơi tổ chức, ví dụ Nhà văn hóa thôn Trung")
	case d.Chair == "":
		return errors.New("chưa ghi người chủ trì hội nghị đối thoại: hãy ghi họ tên, chức vụ người chủ trì")
	case d.Attendance < 0:
		return fmt.Errorf("số người dân tham dự %d không hợp lệ: hãy nhập một số không âm", d.Attendance)
	}
	return nil
}

// Commitment is what the commune promised at a dialogue, with the person answerable for it
// and a deadline, followed up until done.
type Commitment struct {
	ID         string     `json:"id"`
	DialogueID string     `json:"dialogue_id"`
	No         int        `json:"no"`
	Text       string     `json:"text"`
	Owner      string     `json:"owner"`    // người chịu trách nhiệm thực hiện
	Deadline   time.Time  `json:"deadline"` // midnight, Vietnam time: done by the end of that day
	DoneOn     *time.Time `json:"done_on,omitempty"`
	Result     string     `json:"result,omitempty"` // kết quả thực hiện
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// Check normalises a commitment made at a dialogue held at held and refuses one without
// text, owner or deadline, or due before the dialogue.
func (c *Commitment) Check(held time.Time) error {
	c.Text, c.Owner, c.Result = textvn.Clean(c.Text), textvn.Clean(c.Owner), textvn.Clean(c.Result)
	switch {
	case c.Text == "":
		return errors.New("chưa ghi nội dung cam kết: hãy ghi việc chính quyền hứa sẽ làm")
	case c.Owner == "":
		return fmt.Errorf("cam kết \"%s\" chưa có người chịu trách nhiệm: mỗi cam kết cần ghi rõ ai thực hiện", c.Text)
	case c.Deadline.IsZero():
		return fmt.Errorf("cam kết \"%s\" chưa có thời hạn: hãy nhập ngày phải hoàn thành", c.Text)
	}
	c.Deadline = dayOf(c.Deadline)
	if c.Deadline.Before(dayOf(held)) {
		return fmt.Errorf("thời hạn %s của cam kết \"%s\" trước ngày hội nghị %s: hãy kiểm tra lại", c.Deadline.Format("02/01/2006"), c.Text, dayOf(held).Format("02/01/2006"))
	}
	return nil
}

// Complete records that the commitment was done on day with its result; once.
func (c *Commitment) Complete(day time.Time, result string, held time.Time) error {
	if c.DoneOn != nil {
		return fmt.Errorf("cam kết \"%s\" đã hoàn thành ngày %s", c.Text, c.DoneOn.Format("02/01/2006"))
	}
	d := dayOf(day)
	if d.Before(dayOf(held)) {
		return fmt.Errorf("ngày hoàn thành %s trước ngày hội nghị %s: hãy kiểm tra lại", d.Format("02/01/2006"), dayOf(held).Format("02/01/2006"))
	}
	c.DoneOn, c.Result = &d, textvn.Clean(result)
	return nil
}

// Late reports whether the commitment was done after its deadline or, not done, the
// deadline has passed at now.
func (c Commitment) Late(now time.Time) bool {
	if c.DoneOn != nil {
		return c.DoneOn.After(c.Deadline)
	}
	return dayOf(now).After(c.Deadline)
}

// Status is "Đang thực hiện", "Quá hạn", "Hoàn thành đúng hạn" or "Hoàn thành quá hạn".
func (c Commitment) Status(now time.Time) string {
	switch {
	case c.DoneOn == nil && c.Late(now):
		return "Quá hạn"
	case c.DoneOn == nil:
		return "Đang thực hiện"
	case c.Late(now):
		return "Hoàn thành quá hạn"
	}
	return "Hoàn thành đúng hạn"
}

// DialogueSummary counts the dialogues of a period and what became of their commitments.
type DialogueSummary struct {
	Dialogues   int `json:"dialogues"`
	Attendance  int `json:"attendance"`
	Issues      int `json:"issues"`
	Commitments int `json:"commitments"`
	DoneOnTime  int `json:"done_on_time"`
	DoneLate    int `json:"done_late"`
	Open        int `json:"open"`
	Overdue     int `json:"overdue"` // open past the deadline
}

// SummarizeDialogues counts ds (with their commitments) as of now.
func SummarizeDialogues(ds []Dialogue, now time.Time) DialogueSummary {
	var s DialogueSummary
	for _, d := range ds {
		s.Dialogues++
		s.Attendance += d.Attendance
		s.Issues += len(d.Issues)
		for _, c := range d.Commitments {
			s.Commitments++
			switch {
			case c.DoneOn == nil && c.Late(now):
				s.Open++
				s.Overdue++
			case c.DoneOn == nil:
				s.Open++
			case c.Late(now):
				s.DoneLate++
			default:
				s.DoneOnTime++
			}
		}
	}
	return s
}
