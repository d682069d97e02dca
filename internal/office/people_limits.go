package office

import (
	"motcua/internal/people"
	"motcua/internal/survey"
)

// The people side's texts join the one table of text limits (limits.go).
func init() {
	for k, v := range map[string]textLimit{
		"staff_title":   {"Chức vụ", 200, oneLine},
		"staff_contact": {"Điện thoại, thư điện tử của cán bộ", 254, oneLine},
		"note_source":   {"Nguồn ghi nhận", 300, oneLine},
		"note_text":     {"Nội dung ghi nhận", 1000, oneLine},
		"comment":       {"Ý kiến của người dân", 1000, oneLine},
		"sender":        {"Người phản ánh", 150, name},
		"contact":       {"Liên hệ của người phản ánh", 300, oneLine},
		"feedback":      {"Nội dung phản ánh", 2000, oneLine},
		"answer":        {"Nội dung trả lời", 2000, oneLine},
		"place":         {"Địa điểm", 300, oneLine},
		"chair":         {"Người chủ trì", 200, name},
		"participants":  {"Thành phần tham dự", 1000, oneLine},
		"issue":         {"Ý kiến của người dân", 1000, oneLine},
		"commitment":    {"Nội dung cam kết", 1000, oneLine},
		"result":        {"Kết quả thực hiện", 1000, oneLine},
	} {
		TextLimits[k] = v
	}
}

func checkStaff(s *people.Staff) error {
	return cleanAll("staff_name", &s.Name, "staff_title", &s.Position, "unit", &s.Unit,
		"staff_contact", &s.Phone, "staff_contact", &s.Email)
}

func checkNote(n *people.Note) error {
	return cleanAll("note_source", &n.Source, "note_text", &n.Text)
}

func checkFeedbackInput(in *FeedbackInput) error {
	return cleanAll("sender", &in.Sender, "contact", &in.Contact, "feedback", &in.Content, "staff_name", &in.Handler)
}

func checkDialogue(d *survey.Dialogue) error {
	if err := cleanAll("place", &d.Place, "chair", &d.Chair, "participants", &d.Participants, "note", &d.Note); err != nil {
		return err
	}
	for i := range d.Issues {
		if err := cleanAll("issue", &d.Issues[i]); err != nil {
			return err
		}
	}
	return nil
}

func checkCommitment(c *survey.Commitment) error {
	return cleanAll("commitment", &c.Text, "staff_name", &c.Owner)
}
