package office

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"motcua/internal/docs"
	"motcua/internal/people"
	"motcua/internal/store"
	"motcua/internal/survey"
	"motcua/internal/textvn"
)

// RateInput is a citizen's answer as the clerk enters it.
type RateInput struct {
	Code       string // dossier code
	Level      survey.Level
	Factors    survey.Factors
	Comment    string
	Channel    survey.Channel // zero: at the counter
	At         time.Time      // zero: now
	CapturedBy string         // zero: the clerk at this PC
}

// Rate records the citizen's rating of a returned dossier, once.
func (o *Office) Rate(ctx context.Context, in RateInput) (survey.Rating, error) {
	if err := o.can(ctx, people.ActRate); err != nil {
		return survey.Rating{}, err
	}
	if err := cleanAll("comment", &in.Comment); err != nil {
		return survey.Rating{}, err
	}
	at := o.at(in.At)
	if err := o.checkAt(at); err != nil {
		return survey.Rating{}, err
	}
	if in.Channel == "" {
		in.Channel = survey.AtCounter
	}
	if in.CapturedBy == "" {
		in.CapturedBy = o.name()
	}
	if err := cleanAll("comment", &in.Comment, "staff_name", &in.CapturedBy); err != nil {
		return survey.Rating{}, err
	}
	now := o.Now()
	r := survey.Rating{ID: newID(), Level: in.Level, Factors: in.Factors, Comment: in.Comment, Channel: in.Channel,
		CapturedBy: in.CapturedBy, RatedAt: at, CreatedAt: now, UpdatedAt: now}
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		d, err := tx.DossierByCode(textvn.Clean(in.Code))
		if err != nil {
			return err
		}
		if err := survey.CheckRateable(d); err != nil {
			return err
		}
		if old, ok, err := tx.RatingOf(d.ID); err != nil {
			return err
		} else if ok {
			return fmt.Errorf("hồ sơ %s đã được đánh giá lúc %s (%s); mỗi hồ sơ chỉ đánh giá một lần", d.Code, old.RatedAt.Format("15:04 02/01/2006"), old.Level.Vietnamese())
		}
		r.DossierID, r.DossierCode, r.ReturnedAt = d.ID, d.Code, *d.ReturnedAt
		if err := r.Check(); err != nil {
			return err
		}
		if err := tx.InsertRating(r); err != nil {
			return err
		}
		return o.auditAdded(tx, now, "rate", "rating", r.ID, r)
	})
	if err != nil {
		return survey.Rating{}, err
	}
	return r, nil
}

// RatingOf returns a dossier's rating, if it was rated.
func (o *Office) RatingOf(ctx context.Context, code string) (survey.Rating, bool, error) {
	d, err := o.Show(ctx, code)
	if err != nil {
		return survey.Rating{}, false, err
	}
	return o.st.RatingByDossier(ctx, d.ID)
}

// Satisfaction summarises the ratings of the dossiers returned in the whole
// days [from, to] (Vietnam time): the rate with the number rated, and the
// share of returned dossiers rated.
func (o *Office) Satisfaction(ctx context.Context, from, to time.Time) (survey.Summary, error) {
	from, to = dayStart(from), dayStart(to).AddDate(0, 0, 1)
	if !from.Before(to) {
		return survey.Summary{}, errors.New("khoảng thời gian không hợp lệ: ngày cuối trước ngày đầu")
	}
	rs, err := o.st.Ratings(ctx, from, to)
	if err != nil {
		return survey.Summary{}, err
	}
	n, err := o.st.CountReturned(ctx, from, to)
	if err != nil {
		return survey.Summary{}, err
	}
	return survey.Summarize(rs, n), nil
}

// PrintRatingSlips prints the A5 paper rating slip of each dossier, with its
// QR code, for communes that collect ratings on paper.
func (o *Office) PrintRatingSlips(ctx context.Context, w io.Writer, codes ...string) error {
	if len(codes) == 0 {
		return errors.New("chưa chọn hồ sơ nào để in phiếu đánh giá")
	}
	var slips []docs.RatingSlip
	for _, c := range codes {
		d, err := o.Show(ctx, c)
		if err != nil {
			return err
		}
		s := docs.RatingSlip{Code: d.Code, ProcedureName: d.ProcedureName, Applicant: d.Applicant.Name, Date: o.Now()}
		if d.ReturnedAt != nil {
			s.ReturnedAt = *d.ReturnedAt
		}
		slips = append(slips, s)
	}
	f, err := Fonts()
	if err != nil {
		return err
	}
	return docs.RatingSlips(w, f, o.DocProfile(), slips)
}
