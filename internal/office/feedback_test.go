package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/people"
	"motcua/internal/survey"
)

func TestFeedbackDueDatesAndHandling(t *testing.T) {
	o, clock := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-02-12 10:00")
	ctx := context.Background()
	lan := addStaff(t, o, "Nguyễn Thị Lan", people.RoleCounter)
	d := receive(t, o, "khai-sinh", "Giàng A Páo")
	// Ten working days from Thursday 12/02/2026 skip Tết (14–22/02): 05/03.
	f, err := o.AddFeedback(ctx, FeedbackInput{Channel: survey.Hotline, Sender: "Giàng A Páo", DossierCode: d.Code, Staff: lan.Name,
		Content: "Cán bộ hẹn trả muộn", Handler: "Lê Văn Tuấn"})
	if err != nil {
		t.Fatal(err)
	}
	if f.Ref() != "PA 01/2026" || f.DueOn.Format("2006-01-02") != "2026-03-05" || f.DossierCode != d.Code || f.StaffID != lan.ID {
		t.Fatalf("feedback %+v", f)
	}
	// A due date typed on a holiday is refused, naming it, and nothing is saved.
	_, err = o.AddFeedback(ctx, FeedbackInput{Channel: survey.InPerson, Content: "Xin hướng dẫn", DueOn: vn("2026-02-17 00:00")})
	if err == nil || !strings.Contains(err.Error(), "là ngày nghỉ (Tết Nguyên đán)") || !strings.Contains(err.Error(), "23/02/2026") {
		t.Fatalf("due on Tết: %v", err)
	}
	if list, _ := o.FeedbackList(ctx, time.Time{}, time.Time{}); len(list) != 1 {
		t.Fatalf("a refused feedback was saved: %d", len(list))
	}
	if err := o.SetFeedbackDays(ctx, 3); err != nil {
		t.Fatal(err)
	}
	g, err := o.AddFeedback(ctx, FeedbackInput{Channel: survey.InPerson, Content: "Ghế chờ bị hỏng"})
	if err != nil {
		t.Fatal(err)
	}
	if g.Ref() != "PA 02/2026" || g.Sender != "" || g.SenderText() != "Ẩn danh" || g.DueOn.Format("2006-01-02") != "2026-02-24" {
		t.Fatalf("anonymous %+v", g)
	}
	if _, err := o.SetFeedbackAccepted(ctx, "2", true); err == nil || !strings.Contains(err.Error(), "chưa được trả lời") {
		t.Fatalf("accepted before answer: %v", err)
	}
	*clock = vn("2026-02-26 09:00")
	over, err := o.OverdueFeedback(ctx)
	if err != nil || len(over) != 1 || over[0].No != 2 {
		t.Fatalf("overdue %v %v", over, err)
	}
	yes := true
	g, err = o.AnswerFeedback(ctx, "PA 02/2026", "Đã thay ghế mới", time.Time{}, &yes)
	if err != nil {
		t.Fatal(err)
	}
	if g.Status(o.Now()) != "Đã trả lời quá hạn" {
		t.Errorf("status %q", g.Status(o.Now()))
	}
	if _, err := o.AnswerFeedback(ctx, "02", "Lần nữa", time.Time{}, nil); err == nil || !strings.Contains(err.Error(), "đã được trả lời") {
		t.Fatalf("answered twice: %v", err)
	}
	f, err = o.AnswerFeedback(ctx, "1/2026", "Đã xin lỗi và trả kết quả", time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f, err = o.SetFeedbackAccepted(ctx, "1", false); err != nil || f.Accepted == nil || *f.Accepted {
		t.Fatalf("accepted: %+v %v", f, err)
	}
	list, _ := o.FeedbackList(ctx, vn("2026-02-01 00:00"), vn("2026-02-28 00:00"))
	s := o.SummarizeFeedback(list)
	if s != (FeedbackSummary{Received: 2, Answered: 2, OnTime: 1, Late: 1, Accepted: 1, Rejected: 1}) {
		t.Fatalf("summary %+v", s)
	}
	if over, _ := o.OverdueFeedback(ctx); len(over) != 0 {
		t.Fatalf("answered still overdue: %v", over)
	}
	audit, _ := o.st.AuditOf(ctx, "feedback", f.ID)
	if len(audit) != 3 {
		t.Fatalf("audit %d", len(audit))
	}
}

func TestPeopleTextsHaveLimits(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 09:00")
	ctx := context.Background()
	long := strings.Repeat("á", 2001)
	if _, err := o.AddFeedback(ctx, FeedbackInput{Channel: survey.InPerson, Content: long}); err == nil || !strings.Contains(err.Error(), "Nội dung phản ánh dài 2001 ký tự") {
		t.Fatalf("long feedback: %v", err)
	}
	if _, err := o.AddStaff(ctx, Staff{Name: "Lan\u202e", Role: people.RoleCounter}); err != nil {
		t.Fatal(err)
	}
	s, _ := o.FindStaff(ctx, "Lan")
	if s.Name != "Lan" {
		t.Fatalf("bidi override kept: %q", s.Name)
	}
	if _, err := o.AddDialogue(ctx, survey.Dialogue{HeldAt: vn("2026-11-20 08:00"), Place: "Thôn Trung", Chair: "Tuấn", Issues: []string{long}}); err == nil {
		t.Fatal("a 2001-character issue accepted")
	}
}
