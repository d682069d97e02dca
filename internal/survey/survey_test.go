package survey

import (
	"strings"
	"testing"
	"time"

	"motcua/internal/register"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Level{"1": Satisfied, "hài lòng": Satisfied, "2": Neutral, "khong hai long": Dissatisfied} {
		if got, err := ParseLevel(in); err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseLevel("4"); err == nil || !strings.Contains(err.Error(), "nhập 1 (hài lòng)") {
		t.Errorf("4: %v", err)
	}
	f, err := ParseFactors("5, 4,5,4,3")
	if err != nil || f != (Factors{5, 4, 5, 4, 3}) {
		t.Errorf("factors %+v %v", f, err)
	}
	if _, err := ParseFactors("5,4,5"); err == nil || !strings.Contains(err.Error(), "cần đúng 5 số") {
		t.Errorf("three scores: %v", err)
	}
	if _, err := ParseFactors("5,4,6,4,3"); err == nil || !strings.Contains(err.Error(), "Sự phục vụ của công chức") {
		t.Errorf("a 6: %v", err)
	}
	if c, err := ParseChannel("phiếu giấy"); err != nil || c != Paper {
		t.Errorf("channel %v %v", c, err)
	}
}

func TestCheckRateableAndRating(t *testing.T) {
	ret := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	open := &register.Dossier{Code: "X-1", State: register.InProgress}
	if err := CheckRateable(open); err == nil || !strings.Contains(err.Error(), "chưa trả kết quả") {
		t.Errorf("open dossier: %v", err)
	}
	if err := CheckRateable(&register.Dossier{Code: "X-2", State: register.Returned, ReturnedAt: &ret}); err != nil {
		t.Error(err)
	}
	r := Rating{Level: 4, Channel: AtCounter, CapturedBy: "Lan", ReturnedAt: ret, RatedAt: ret}
	if err := r.Check(); err == nil {
		t.Error("level 4 accepted")
	}
	r = Rating{Level: Satisfied, Channel: AtCounter, CapturedBy: "Lan", ReturnedAt: ret, RatedAt: ret.Add(-time.Hour)}
	if err := r.Check(); err == nil || !strings.Contains(err.Error(), "trước lúc trả kết quả") {
		t.Errorf("before return: %v", err)
	}
}

func TestSummarizeKeepsTheCount(t *testing.T) {
	three := []Rating{{Level: Satisfied}, {Level: Satisfied}, {Level: Satisfied}}
	s := Summarize(three, 300)
	if s.Rate != 100 || s.Rated != 3 || s.Coverage != 1 {
		t.Fatalf("%+v", s)
	}
	if got := s.Text(); got != "Hài lòng 100,0% (trên 3 phiếu đánh giá; 1,0% hồ sơ đã trả được đánh giá)" {
		t.Errorf("text %q", got)
	}
	rs := []Rating{{Level: Satisfied, Factors: Factors{5, 4, 0, 0, 0}}, {Level: Neutral, Factors: Factors{3, 0, 0, 0, 0}}, {Level: Dissatisfied}, {Level: Satisfied}}
	s = Summarize(rs, 4)
	if s.Rate != 50 || s.Satisfied != 2 || s.Neutral != 1 || s.Dissatisfied != 1 || s.Coverage != 100 || s.Factors[0] != 4 || s.Factors[1] != 4 || s.Factors[2] != 0 {
		t.Fatalf("%+v", s)
	}
	if got := Summarize(nil, 7).Text(); !strings.Contains(got, "Chưa có phiếu đánh giá nào (7 hồ sơ") {
		t.Errorf("none: %q", got)
	}
}
