package cli

import (
	"flag"
	"fmt"
	"io"

	"motcua/internal/office"
	"motcua/internal/survey"
)

func runRate(e *Env, args []string) error {
	fs := flag.NewFlagSet("rate", flag.ContinueOnError)
	sipas := fs.String("sipas", "", "5 điểm SIPAS từ 1 đến 5")
	comment := fs.String("comment", "", "ý kiến của người dân")
	channel := fs.String("channel", "counter", "counter, paper hoặc phone")
	by := fs.String("by", "", "cán bộ nhập đánh giá")
	atS := fs.String("at", "", "thời điểm đánh giá")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("cần mã hồ sơ và mức hài lòng 1, 2 hoặc 3")
	}
	level, err := survey.ParseLevel(pos[1])
	if err != nil {
		return err
	}
	factors, err := survey.ParseFactors(*sipas)
	if err != nil {
		return err
	}
	ch, err := survey.ParseChannel(*channel)
	if err != nil {
		return err
	}
	at, err := parseAt(*atS)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		r, err := o.Rate(e.ctx, office.RateInput{Code: pos[0], Level: level, Factors: factors, Comment: *comment, Channel: ch, At: at, CapturedBy: *by})
		if err != nil {
			return err
		}
		return e.emit(r, func(w io.Writer) {
			fmt.Fprintf(w, "Đã ghi đánh giá hồ sơ %s: %s (%s, %s).\n", r.DossierCode, r.Level.Vietnamese(), r.Channel.Vietnamese(), r.CapturedBy)
		})
	})
}

func runRateSlip(e *Env, args []string) error {
	fs := flag.NewFlagSet("rate-slip", flag.ContinueOnError)
	out := fs.String("o", "", "tệp PDF")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("cần ít nhất một mã hồ sơ")
	}
	return e.withOffice(func(o *office.Office) error {
		if err := writePDF(*out, func(w io.Writer) error { return o.PrintRatingSlips(e.ctx, w, pos...) }); err != nil {
			return err
		}
		return e.printed(*out, map[string]any{"slips": len(pos)}, "Đã in phiếu đánh giá ra tệp")
	})
}

func runSatisfaction(e *Env, args []string) error {
	fs := flag.NewFlagSet("satisfaction", flag.ContinueOnError)
	fromS := fs.String("from", "", "ngày đầu")
	toS := fs.String("to", "", "ngày cuối")
	if _, err := e.parse(fs, args); err != nil {
		return err
	}
	from, to, err := optRange(*fromS, *toS)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		if to.IsZero() {
			to = o.Now()
		}
		if from.IsZero() {
			from = to.AddDate(0, 0, 1-to.YearDay())
		}
		s, err := o.Satisfaction(e.ctx, from, to)
		if err != nil {
			return err
		}
		out := struct {
			From string `json:"from"`
			To   string `json:"to"`
			survey.Summary
		}{from.Format("2006-01-02"), to.Format("2006-01-02"), s}
		return e.emit(out, func(w io.Writer) {
			fmt.Fprintf(w, "Từ %s đến %s: %s.\n", from.Format("02/01/2006"), to.Format("02/01/2006"), s.Text())
			if s.Rated > 0 {
				fmt.Fprintf(w, "Hài lòng %d, bình thường %d, không hài lòng %d.\n", s.Satisfied, s.Neutral, s.Dissatisfied)
			}
			for i, v := range s.Factors {
				if v > 0 {
					fmt.Fprintf(w, "  %-52s %s/5\n", survey.FactorNames[i], survey.Percent(v))
				}
			}
		})
	})
}
