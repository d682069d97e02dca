package office

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/survey"
)

// The people figures of a period, counted by hand: December 2026 with the
// 15th cut-off is 15/11–14/12/2026, the clock 27/11/2026.
func TestReportPeopleFigures(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "t.db"), "2026-11-27 16:00")
	ctx := context.Background()
	var codes []string
	for i, name := range []string{"Giàng A Páo", "Vàng Thị Mỷ", "Lò Văn Sáng"} {
		d, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "cai-chinh-ho-tich", Applicant: register.Applicant{Name: name}, At: vn("2026-11-16 08:00").AddDate(0, 0, i)})
		if err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			if _, err := o.Return(ctx, d.Code, vn("2026-11-19 09:00").AddDate(0, 0, i)); err != nil {
				t.Fatal(err)
			}
		}
		codes = append(codes, d.Code)
	}
	// Two returned, both rated: one satisfied.
	for i, lvl := range []survey.Level{survey.Satisfied, survey.Dissatisfied} {
		if _, err := o.Rate(ctx, RateInput{Code: codes[i], Level: lvl, At: vn("2026-11-20 10:00")}); err != nil {
			t.Fatal(err)
		}
	}
	// Two feedback items: one answered the next day (on time), one still open and not yet due.
	f1, err := o.AddFeedback(ctx, FeedbackInput{Channel: survey.InPerson, Content: "Ghế chờ bị hỏng", ReceivedAt: vn("2026-11-18 09:00")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.AnswerFeedback(ctx, f1.Ref(), "Đã thay ghế mới", vn("2026-11-19 09:00"), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := o.AddFeedback(ctx, FeedbackInput{Channel: survey.Hotline, Content: "Xin hướng dẫn", ReceivedAt: vn("2026-11-26 09:00")}); err != nil {
		t.Fatal(err)
	}
	// Two staff, one signed the pledge for 2026.
	addStaff(t, o, "Nguyễn Thị Lan", people.RoleCounter)
	addStaff(t, o, "Lê Văn Tuấn", people.RoleChair)
	if err := o.ChoosePledgeSets(ctx, []string{"4-xin", "5-khong"}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.SignPledge(ctx, PledgeInput{Staff: "nguyen thi lan", SignedOn: vn("2026-01-05 00:00")}); err != nil {
		t.Fatal(err)
	}

	p, err := o.ReportPeriod("2026-12", time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := o.Report(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	pf := r.People
	if pf.Satisfaction == nil || pf.Satisfaction.N != 1 || pf.Satisfaction.Of != 2 || pf.Rated.N != 2 || pf.Rated.Of != 2 {
		t.Errorf("satisfaction %+v rated %+v", pf.Satisfaction, pf.Rated)
	}
	if pf.FeedbackOnTime == nil || pf.FeedbackOnTime.N != 1 || pf.FeedbackOnTime.Of != 2 {
		t.Errorf("feedback %+v", pf.FeedbackOnTime)
	}
	if pf.Pledged == nil || pf.Pledged.N != 1 || pf.Pledged.Of != 2 || strings.Join(pf.NotPledged, ",") != "Lê Văn Tuấn" {
		t.Errorf("pledged %+v missing %v", pf.Pledged, pf.NotPledged)
	}
	if pf.Letters == nil || len(pf.Letters) != 0 {
		t.Errorf("letters %v", pf.Letters)
	}
	if !r.Score.HasSatisfaction || r.Score.Satisfaction != 9 {
		t.Errorf("QĐ 766 satisfaction estimate %+v", r.Score)
	}
	if len(r.Unavailable) != 0 || pf.Dialogues == nil || *pf.Dialogues != 0 || pf.CommitmentsDone == nil {
		t.Errorf("still missing: %v (dialogues %v)", r.Unavailable, pf.Dialogues)
	}
	var lines []string
	for _, l := range r.Lines() {
		lines = append(lines, l[0]+" = "+l[1])
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"Người dân hài lòng / số lượt đánh giá = 1/2 (50,0%)", "Phản ánh, kiến nghị trả lời đúng hạn = 1/2 (50,0%)",
		"Cán bộ đã ký cam kết = 1/2 (50,0%)", "Chưa ký cam kết: Lê Văn Tuấn = 1", "Mức độ hài lòng, QĐ 766 (ước tính của xã) = 9,0/18"} {
		if !strings.Contains(all, want) {
			t.Errorf("lines lack %q:\n%s", want, all)
		}
	}
}

// A period made of whole reporting months is summed from the trend's
// monthly counts; it must equal the period read directly.
func TestReportFromMonthsEqualsDirect(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "t.db"), "2026-11-27 16:00")
	ctx := context.Background()
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 3000, Years: 1, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	for _, spec := range []string{"2026", "2026-Q3", "2026-H2", "2026-11"} {
		p, err := o.ReportPeriod(spec, time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		with, err := o.Report(ctx, p, true)
		if err != nil {
			t.Fatal(err)
		}
		direct, err := o.Report(ctx, p, false)
		if err != nil {
			t.Fatal(err)
		}
		a, b := fmt.Sprintf("%+v %+v", with.Total, with.Procedures), fmt.Sprintf("%+v %+v", direct.Total, direct.Procedures)
		if a != b || len(with.Trend) != 12 || with.Total.Received == 0 {
			t.Errorf("%s: from months\n%s\ndirect\n%s", spec, a, b)
		}
	}
}
