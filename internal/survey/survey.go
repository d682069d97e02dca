// Package survey owns what citizens think of the commune (REFERENCE §9): one satisfaction
// rating per returned dossier with the optional scores of the five SIPAS factors, and the
// satisfaction rate of a period, always with the number of ratings behind it. It is pure:
// no SQL, no Fyne, no files.
package survey

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/internal/register"
	"motcua/internal/textvn"
)

// Level is the answer to "were you satisfied?", one keystroke at the counter.
type Level int

// The three answers, numbered as the keys the clerk presses.
const (
	Satisfied    Level = 1 // hài lòng
	Neutral      Level = 2 // bình thường
	Dissatisfied Level = 3 // không hài lòng
)

// Valid reports whether l is one of the three answers.
func (l Level) Valid() bool { return l >= Satisfied && l <= Dissatisfied }

// Vietnamese is the answer as printed.
func (l Level) Vietnamese() string {
	switch l {
	case Satisfied:
		return "Hài lòng"
	case Neutral:
		return "Bình thường"
	case Dissatisfied:
		return "Không hài lòng"
	}
	return strconv.Itoa(int(l))
}

// ParseLevel accepts "1", "2", "3" or the Vietnamese words with or without accents.
func ParseLevel(s string) (Level, error) {
	switch f := textvn.Fold(s); f {
	case "1", "hai long":
		return Satisfied, nil
	case "2", "binh thuong":
		return Neutral, nil
	case "3", "khong hai long":
		return Dissatisfied, nil
	}
	return 0, fmt.Errorf("mức hài lòng %q không hợp lệ: nhập 1 (hài lòng), 2 (bình thường) hoặc 3 (không hài lòng)", s)
}

// Channel is how a rating was captured.
type Channel string

// Capture channels.
const (
	AtCounter Channel = "counter" // tại quầy, right after the result was returned
	Paper     Channel = "paper"   // phiếu giấy, entered later
	Phone     Channel = "phone"   // qua điện thoại
)

// Vietnamese is the channel as listed.
func (c Channel) Vietnamese() string {
	switch c {
	case AtCounter:
		return "Tại quầy"
	case Paper:
		return "Phiếu giấy"
	case Phone:
		return "Điện thoại"
	}
	return string(c)
}

// ParseChannel accepts the codes or the Vietnamese words.
func ParseChannel(s string) (Channel, error) {
	switch textvn.Fold(s) {
	case "counter", "tai quay", "quay":
		return AtCounter, nil
	case "paper", "phieu giay", "phieu":
		return Paper, nil
	case "phone", "dien thoai":
		return Phone, nil
	}
	return "", fmt.Errorf("cách ghi nhận %q không hợp lệ: dùng counter (tại quầy), paper (phiếu giấy) hoặc phone (điện thoại)", s)
}

// Factors are the optional scores, 1 (very poor) to 5 (very good), of the five factors of
// the national SIPAS index; 0 means not asked.
type Factors struct {
	Access     int `json:"access"`     // tiếp cận dịch vụ
	Procedures int `json:"procedures"` // thủ tục hành chính
	Staff      int `json:"staff"`      // công chức trực tiếp giải quyết
	Result     int `json:"result"`     // kết quả giải quyết
	Feedback   int `json:"feedback"`   // tiếp nhận, xử lý ý kiến góp ý, phản ánh
}

// FactorNames are the five factors in order, as printed on the slip.
var FactorNames = [5]string{
	"Tiếp cận dịch vụ hành chính công",
	"Thủ tục hành chính",
	"Sự phục vụ của công chức",
	"Kết quả giải quyết thủ tục hành chính",
	"Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị",
}

// Scores are the factors in the order of FactorNames.
func (f Factors) Scores() [5]int {
	return [5]int{f.Access, f.Procedures, f.Staff, f.Result, f.Feedback}
}

// Given reports whether any factor was scored.
func (f Factors) Given() bool { return f != Factors{} }

// ParseFactors reads "5,4,5,4,3": five scores from 1 to 5 in the order of FactorNames;
// an empty string means none.
func ParseFactors(s string) (Factors, error) {
	if strings.TrimSpace(s) == "" {
		return Factors{}, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 5 {
		return Factors{}, fmt.Errorf("điểm SIPAS %q cần đúng 5 số từ 1 đến 5, cách nhau bằng dấu phẩy, theo thứ tự: tiếp cận, thủ tục, công chức, kết quả, xử lý phản ánh; ví dụ 5,4,5,4,3", s)
	}
	var v [5]int
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 || n > 5 {
			return Factors{}, fmt.Errorf("điểm %q của yếu tố \"%s\" không hợp lệ: nhập số từ 1 đến 5", strings.TrimSpace(p), FactorNames[i])
		}
		v[i] = n
	}
	return Factors{v[0], v[1], v[2], v[3], v[4]}, nil
}

// Check refuses scores outside 0–5.
func (f Factors) Check() error {
	for i, n := range f.Scores() {
		if n < 0 || n > 5 {
			return fmt.Errorf("điểm %d của yếu tố \"%s\" không hợp lệ: nhập số từ 1 đến 5, hoặc bỏ trống", n, FactorNames[i])
		}
	}
	return nil
}

// Rating is a citizen's rating of one returned dossier (đánh giá mức độ hài lòng).
type Rating struct {
	ID          string    `json:"id"`
	DossierID   string    `json:"dossier_id"`
	DossierCode string    `json:"dossier_code"`
	ReturnedAt  time.Time `json:"returned_at"` // when the dossier was returned: the period it counts in
	Level       Level     `json:"level"`
	Factors     Factors   `json:"factors"`
	Comment     string    `json:"comment,omitempty"`
	Channel     Channel   `json:"channel"`
	CapturedBy  string    `json:"captured_by"`
	RatedAt     time.Time `json:"rated_at"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// CheckRateable refuses a rating for a dossier whose result was not handed to the citizen.
func CheckRateable(d *register.Dossier) error {
	if d.State != register.Returned || d.ReturnedAt == nil {
		return fmt.Errorf("hồ sơ %s chưa trả kết quả (đang ở trạng thái %s) nên chưa đánh giá được: người dân đánh giá sau khi nhận kết quả", d.Code, strings.ToLower(d.State.Vietnamese()))
	}
	return nil
}

// Check normalises a rating and refuses a bad answer, bad scores, an unknown channel or a
// rating dated before the return.
func (r *Rating) Check() error {
	r.Comment = textvn.Clean(r.Comment)
	r.CapturedBy = textvn.Clean(r.CapturedBy)
	if !r.Level.Valid() {
		_, err := ParseLevel(strconv.Itoa(int(r.Level)))
		return err
	}
	if err := r.Factors.Check(); err != nil {
		return err
	}
	if _, err := ParseChannel(string(r.Channel)); err != nil {
		return err
	}
	if r.CapturedBy == "" {
		return errors.New("chưa ghi ai nhập đánh giá: hãy ghi họ tên cán bộ")
	}
	if r.RatedAt.Before(r.ReturnedAt) {
		return fmt.Errorf("thời điểm đánh giá %s trước lúc trả kết quả %s: hãy kiểm tra lại", r.RatedAt.Format("15:04 02/01/2006"), r.ReturnedAt.Format("15:04 02/01/2006"))
	}
	return nil
}

// Summary is the satisfaction of a period: the rate is always read with the number of
// ratings behind it, so 100% of three slips is not mistaken for 100% of three hundred.
type Summary struct {
	Returned     int        `json:"returned"` // dossiers returned in the period
	Rated        int        `json:"rated"`    // of them, rated
	Satisfied    int        `json:"satisfied"`
	Neutral      int        `json:"neutral"`
	Dissatisfied int        `json:"dissatisfied"`
	Rate         float64    `json:"rate"`     // satisfied / rated, percent; 0 when none rated
	Coverage     float64    `json:"coverage"` // rated / returned, percent
	Factors      [5]float64 `json:"factors"`  // mean score of each factor among those who scored it
}

// Summarize counts the ratings of the dossiers returned in a period.
func Summarize(rs []Rating, returned int) Summary {
	s := Summary{Returned: returned, Rated: len(rs)}
	var sum [5]int
	var n [5]int
	for _, r := range rs {
		switch r.Level {
		case Satisfied:
			s.Satisfied++
		case Neutral:
			s.Neutral++
		case Dissatisfied:
			s.Dissatisfied++
		}
		for i, v := range r.Factors.Scores() {
			if v > 0 {
				sum[i] += v
				n[i]++
			}
		}
	}
	if s.Rated > 0 {
		s.Rate = float64(s.Satisfied) * 100 / float64(s.Rated)
	}
	if returned > 0 {
		s.Coverage = float64(s.Rated) * 100 / float64(returned)
	}
	for i := range sum {
		if n[i] > 0 {
			s.Factors[i] = float64(sum[i]) / float64(n[i])
		}
	}
	return s
}

// Text is the rate as a sentence: "Hài lòng 95,0% (trên 300 phiếu đánh giá; 60,0% hồ sơ đã trả
// được đánh giá)".
func (s Summary) Text() string {
	if s.Rated == 0 {
		return fmt.Sprintf("Chưa có phiếu đánh giá nào (%d hồ sơ đã trả kết quả)", s.Returned)
	}
	return fmt.Sprintf("Hài lòng %s%% (trên %d phiếu đánh giá; %s%% hồ sơ đã trả được đánh giá)", Percent(s.Rate), s.Rated, Percent(s.Coverage))
}

// Percent writes a percentage with one decimal and a decimal comma: "95,0".
func Percent(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1)
}
