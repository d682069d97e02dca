package office

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/survey"
)

func TestRatingOncePerReturnedDossier(t *testing.T) {
	o, clock := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 09:00")
	ctx := context.Background()
	d := receive(t, o, "khai-sinh", "Giàng A Páo")
	if _, err := o.Rate(ctx, RateInput{Code: d.Code, Level: survey.Satisfied}); err == nil || !strings.Contains(err.Error(), "chưa trả kết quả") {
		t.Fatalf("rated before return: %v", err)
	}
	returnDossier(t, o, d.Code)
	other := receive(t, o, "khai-sinh", "Lò Thị Hoa")
	returnDossier(t, o, other.Code)
	if _, err := o.Rate(ctx, RateInput{Code: d.Code, Level: 5}); err == nil {
		t.Fatal("level 5 accepted")
	}
	r, err := o.Rate(ctx, RateInput{Code: d.Code, Level: survey.Satisfied, Factors: survey.Factors{Access: 5, Procedures: 5, Staff: 5, Result: 4, Feedback: 4}, Comment: "Cán bộ  nhiệt tình"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Channel != survey.AtCounter || r.CapturedBy != "Nguyễn Thị Lan" || r.Comment != "Cán bộ nhiệt tình" {
		t.Fatalf("rating %+v", r)
	}
	if _, err := o.Rate(ctx, RateInput{Code: d.Code, Level: survey.Dissatisfied}); err == nil || !strings.Contains(err.Error(), "đã được đánh giá") {
		t.Fatalf("second rating: %v", err)
	}
	got, ok, err := o.RatingOf(ctx, d.Code)
	if err != nil || !ok || got.Level != survey.Satisfied {
		t.Fatalf("stored rating changed: %+v %v", got, err)
	}
	*clock = vn("2026-11-24 08:00")
	s, err := o.Satisfaction(ctx, vn("2026-11-01 00:00"), vn("2026-11-30 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Returned != 2 || s.Rated != 1 || s.Rate != 100 || s.Coverage != 50 {
		t.Fatalf("summary %+v", s)
	}
	audit, _ := o.st.AuditOf(ctx, "rating", r.ID)
	if len(audit) != 1 {
		t.Fatalf("audit %v", audit)
	}
	var pdf bytes.Buffer
	if err := o.PrintRatingSlips(ctx, &pdf, d.Code, other.Code); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Fatalf("slips: %v", err)
	}
}
