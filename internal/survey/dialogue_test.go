package survey

import (
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func TestCommitmentRules(t *testing.T) {
	held := time.Date(2026, 6, 5, 8, 0, 0, 0, calendar.Zone)
	c := Commitment{Text: "Sửa đường", Owner: "  ", Deadline: held}
	if err := c.Check(held); err == nil || !strings.Contains(err.Error(), "chưa có người chịu trách nhiệm") {
		t.Errorf("owner: %v", err)
	}
	c = Commitment{Text: "Sửa đường", Owner: "Địa chính", Deadline: held.AddDate(0, 1, 0)}
	if err := c.Check(held); err != nil {
		t.Fatal(err)
	}
	if c.Late(c.Deadline.Add(20*time.Hour)) || !c.Late(c.Deadline.AddDate(0, 0, 1)) {
		t.Error("late from the day after the deadline")
	}
	if err := c.Complete(held.AddDate(0, 0, -1), "", held); err == nil {
		t.Error("done before the dialogue")
	}
	if err := c.Complete(c.Deadline.Add(10*time.Hour), "Xong", held); err != nil || c.Status(held.AddDate(1, 0, 0)) != "Hoàn thành đúng hạn" {
		t.Errorf("%v %s", err, c.Status(held))
	}
	d := Dialogue{HeldAt: held, Place: "Thôn Trung", Chair: "Tuấn", Attendance: -1}
	if err := d.Check(); err == nil {
		t.Error("negative attendance")
	}
}
