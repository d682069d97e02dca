package survey

import (
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func TestFeedbackLateness(t *testing.T) {
	due := time.Date(2026, 3, 5, 0, 0, 0, 0, calendar.Zone)
	f := Feedback{Year: 2026, No: 3, ReceivedAt: due.AddDate(0, 0, -20), DueOn: due}
	if f.Ref() != "PA 03/2026" {
		t.Error(f.Ref())
	}
	if f.Late(due.Add(16*time.Hour)) || !f.Late(due.AddDate(0, 0, 1)) {
		t.Error("open feedback is late from the day after its due date")
	}
	if err := f.Answered("Đã trả lời", due.Add(17*time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	if f.Late(due.AddDate(0, 1, 0)) || f.Status(due.AddDate(0, 1, 0)) != "Đã trả lời đúng hạn" {
		t.Error("answered on the due day is on time")
	}
	g := Feedback{ReceivedAt: due}
	if err := g.Answered("x", due.Add(-time.Hour), nil); err == nil || !strings.Contains(err.Error(), "trước ngày tiếp nhận") {
		t.Errorf("answer before receipt: %v", err)
	}
	h := Feedback{Channel: "fax", Content: "x"}
	if err := h.Check(); err == nil || !strings.Contains(err.Error(), "hotline (đường dây nóng)") {
		t.Errorf("bad channel: %v", err)
	}
	if c, err := ParseFeedbackChannel("đường dây nóng"); err != nil || c != Hotline {
		t.Errorf("%v %v", c, err)
	}
}
