package report

import (
	"math"
	"sort"
)

// durations gives the mean and median processing time in days from a
// histogram of whole hours. The median is the middle dossier's bucket (the
// mean of the two middle ones for an even count).
func durations(hours map[int]int) (avg, median float64) {
	n, sum := 0, 0
	keys := make([]int, 0, len(hours))
	for h, c := range hours {
		n += c
		sum += h * c
		keys = append(keys, h)
	}
	if n == 0 {
		return 0, 0
	}
	sort.Ints(keys)
	at := func(i int) int { // the i-th (0-based) dossier's hours
		for _, h := range keys {
			if i < hours[h] {
				return h
			}
			i -= hours[h]
		}
		return keys[len(keys)-1]
	}
	var med float64
	if n%2 == 1 {
		med = float64(at(n / 2))
	} else {
		med = float64(at(n/2-1)+at(n/2)) / 2
	}
	return round1(float64(sum) / float64(n) / 24), round1(med / 24)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// EstimateLabel marks every score the commune computes for itself.
const EstimateLabel = "ước tính của xã"

// SelfScore is the commune's own estimate of the indicators its register
// can answer, in the spirit of TT 01/2018 Điều 13 (per-dossier indicators
// scored 2/1/0) and QĐ 766/QĐ-TTg (the progress and satisfaction groups).
// None of it is an official score.
type SelfScore struct {
	Label string `json:"label"` // "ước tính của xã"
	// TT 01/2018, time taken against time allowed: early 2, on time 1,
	// late 0; the mean over returned dossiers (0–2).
	TimeIndicator float64 `json:"time_indicator"`
	// TT 01/2018, contacts the citizen needed: none extra 2, one (a
	// supplement request) 1; the mean over returned dossiers (0–2).
	ContactIndicator float64 `json:"contact_indicator"`
	HasDossiers      bool    `json:"has_dossiers"`
	// QĐ 766 "tiến độ, kết quả giải quyết" (20 points), estimated as
	// 20 × the share returned early or on time.
	Progress    float64 `json:"progress_points"`
	ProgressMax float64 `json:"progress_max"`
	// QĐ 766 "mức độ hài lòng" (18 points), 18 × the satisfaction rate,
	// when ratings are recorded.
	Satisfaction    float64 `json:"satisfaction_points"`
	SatisfactionMax float64 `json:"satisfaction_max"`
	HasSatisfaction bool    `json:"has_satisfaction"`
}

// Score computes the estimate from the total figures.
func Score(f Figures) SelfScore {
	s := SelfScore{Label: EstimateLabel, ProgressMax: 20, SatisfactionMax: 18}
	if f.Returned == 0 {
		return s
	}
	s.HasDossiers = true
	n := float64(f.Returned)
	s.TimeIndicator = round2(float64(2*f.Early+f.OnTime) / n)
	s.ContactIndicator = round2(float64(2*(f.Returned-f.suppl)+f.suppl) / n)
	s.Progress = round1(20 * f.Rate)
	return s
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// Ratio is a count out of a total.
type Ratio struct {
	N     int     `json:"n"`
	Of    int     `json:"of"`
	Share float64 `json:"share"`
}

// NewRatio builds a ratio; Share is 0 when Of is 0.
func NewRatio(n, of int) *Ratio {
	r := &Ratio{N: n, Of: of}
	if of > 0 {
		r.Share = float64(n) / float64(of)
	}
	return r
}

// People are the figures of the people-and-outreach records. Each is nil
// until the register keeps the record it counts; Missing names those.
type People struct {
	Satisfaction    *Ratio         `json:"satisfaction,omitempty"`     // satisfied / rated
	Rated           *Ratio         `json:"rated,omitempty"`            // rated / returned
	FeedbackOnTime  *Ratio         `json:"feedback_on_time,omitempty"` // answered on time / received
	Letters         map[string]int `json:"letters,omitempty"`          // issued letters by kind
	Pledged         *Ratio         `json:"pledged,omitempty"`          // staff who signed / staff
	NotPledged      []string       `json:"not_pledged,omitempty"`      // names still missing
	Dialogues       *int           `json:"dialogues,omitempty"`        // conferences held
	CommitmentsDone *Ratio         `json:"commitments_done,omitempty"` // done / made at dialogues
}

// Missing names, in Vietnamese, the people figures not recorded.
func (p People) Missing() []string {
	var m []string
	if p.Satisfaction == nil {
		m = append(m, "Mức độ hài lòng")
	}
	if p.FeedbackOnTime == nil {
		m = append(m, "Phản ánh, kiến nghị được trả lời đúng hạn")
	}
	if p.Letters == nil {
		m = append(m, "Thư gửi công dân theo loại")
	}
	if p.Pledged == nil {
		m = append(m, "Cán bộ đã ký cam kết")
	}
	if p.Dialogues == nil {
		m = append(m, "Hội nghị đối thoại và cam kết đã thực hiện")
	}
	return m
}

// WithPeople sets the people figures and refreshes what depends on them.
func (r *Report) WithPeople(p People) {
	r.People = p
	r.Unavailable = p.Missing()
	r.Score.HasSatisfaction = p.Satisfaction != nil && p.Satisfaction.Of > 0
	if r.Score.HasSatisfaction {
		r.Score.Satisfaction = round1(18 * p.Satisfaction.Share)
	}
}
