package office

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/survey"
)

func TestDialogueCommitmentsFollowedUntilDone(t *testing.T) {
	o, clock := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-06-10 09:00")
	ctx := context.Background()
	if _, err := o.AddDialogue(ctx, survey.Dialogue{HeldAt: vn("2026-06-05 08:00"), Chair: "Lê Văn Tuấn"}); err == nil || !strings.Contains(err.Error(), "địa điểm") {
		t.Fatalf("no place: %v", err)
	}
	d, err := o.AddDialogue(ctx, survey.Dialogue{HeldAt: vn("2026-06-05 08:00"), Place: "Nhà văn hóa thôn Trung", Chair: "Lê Văn Tuấn, Chủ tịch UBND xã",
		Attendance: 85, Issues: []string{"Đường vào thôn xuống cấp", " ", "Chậm cấp giấy chứng nhận quyền sử dụng đất"}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Ref() != "ĐT 01/2026" || len(d.Issues) != 2 {
		t.Fatalf("dialogue %+v", d)
	}
	// A commitment without an owner is refused and nothing is saved.
	if _, err := o.AddCommitment(ctx, "1", survey.Commitment{Text: "Sửa đường vào thôn", Deadline: vn("2026-09-30 00:00")}); err == nil || !strings.Contains(err.Error(), "chưa có người chịu trách nhiệm") {
		t.Fatalf("no owner: %v", err)
	}
	if _, err := o.AddCommitment(ctx, "1", survey.Commitment{Text: "Sửa đường", Owner: "Công chức Địa chính", Deadline: vn("2026-06-01 00:00")}); err == nil || !strings.Contains(err.Error(), "trước ngày hội nghị") {
		t.Fatalf("deadline before: %v", err)
	}
	c1, err := o.AddCommitment(ctx, "ĐT 01/2026", survey.Commitment{Text: "Sửa đường vào thôn", Owner: "Công chức Địa chính - Xây dựng", Deadline: vn("2026-09-30 00:00")})
	if err != nil {
		t.Fatal(err)
	}
	c2, err := o.AddCommitment(ctx, "01/2026", survey.Commitment{Text: "Trả giấy chứng nhận còn tồn", Owner: "Công chức Địa chính - Xây dựng", Deadline: vn("2026-06-30 00:00")})
	if err != nil {
		t.Fatal(err)
	}
	if c1.No != 1 || c2.No != 2 {
		t.Fatalf("numbers %d %d (the refused one must not take a number)", c1.No, c2.No)
	}
	*clock = vn("2026-07-15 09:00")
	if c, err := o.CompleteCommitment(ctx, "1.2", time.Time{}, "Đã trả 12 giấy chứng nhận"); err != nil || c.Status(o.Now()) != "Hoàn thành quá hạn" {
		t.Fatalf("done late: %+v %v", c, err)
	}
	if _, err := o.CompleteCommitment(ctx, "1.2", time.Time{}, ""); err == nil || !strings.Contains(err.Error(), "đã hoàn thành") {
		t.Fatalf("done twice: %v", err)
	}
	if _, err := o.CompleteCommitment(ctx, "1.9", time.Time{}, ""); err == nil {
		t.Fatal("a missing commitment completed")
	}
	ds, err := o.Dialogues(ctx, vn("2026-01-01 00:00"), vn("2026-12-31 00:00"))
	if err != nil || len(ds) != 1 || len(ds[0].Commitments) != 2 {
		t.Fatalf("dialogues %v %v", ds, err)
	}
	s := o.DialogueSummary(ds)
	if s != (survey.DialogueSummary{Dialogues: 1, Attendance: 85, Issues: 2, Commitments: 2, DoneLate: 1, Open: 1}) {
		t.Fatalf("summary %+v", s)
	}
	*clock = vn("2026-10-01 09:00")
	if _, err := o.CompleteCommitment(ctx, c1.ID, vn("2026-09-30 00:00"), "Đã rải nhựa 1,2 km"); err != nil {
		t.Fatal(err)
	}
	ds, _ = o.Dialogues(ctx, time.Time{}, time.Time{})
	if s := o.DialogueSummary(ds); s.DoneOnTime != 1 || s.DoneLate != 1 || s.Open != 0 {
		t.Fatalf("after: %+v", s)
	}
	var pdf bytes.Buffer
	if err := o.PrintMinutes(ctx, &pdf, "1"); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Fatalf("minutes: %v", err)
	}
}

func TestReportCountsTheDialoguesOfThePeriod(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-12-20 09:00")
	ctx := context.Background()
	d, err := o.AddDialogue(ctx, survey.Dialogue{HeldAt: vn("2026-11-20 08:00"), Place: "Thôn Trung", Chair: "Lê Văn Tuấn", Attendance: 40})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Lắp đèn", "Sửa cống"} {
		if _, err := o.AddCommitment(ctx, d.ID, survey.Commitment{Text: text, Owner: "Địa chính", Deadline: vn("2026-12-31 00:00")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := o.CompleteCommitment(ctx, "1.1", vn("2026-12-01 00:00"), "Xong"); err != nil {
		t.Fatal(err)
	}
	p, err := o.ReportPeriod("", vn("2026-11-01 00:00"), vn("2026-11-30 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := o.Report(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	if r.People.Dialogues == nil || *r.People.Dialogues != 1 || r.People.CommitmentsDone == nil || r.People.CommitmentsDone.N != 1 || r.People.CommitmentsDone.Of != 2 {
		t.Fatalf("dialogues %v commitments %+v", r.People.Dialogues, r.People.CommitmentsDone)
	}
}
