package app

import (
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/survey"
)

// surveyScreen shows how satisfied citizens were this month and this year,
// always with the number of ratings, and takes a rating entered later
// (from a paper slip or a phone call) or prints a blank slip.
type surveyScreen struct {
	e       *env
	month   *widget.Label
	year    *widget.Label
	code    *formEntry
	level   *widget.Select
	channel *widget.Select
	sipas   *formEntry
	comment *formEntry
	save    *keyButton
	slip    *keyButton
	status  *widget.Label
	content fyne.CanvasObject
}

var levelNames = []string{"1 · Hài lòng", "2 · Bình thường", "3 · Không hài lòng"}
var channelNames = []string{"Phiếu giấy", "Điện thoại", "Tại quầy"}

func newSurveyScreen(e *env) *surveyScreen {
	s := &surveyScreen{e: e}
	s.month = widget.NewLabel("")
	s.month.Wrapping = fyne.TextWrapWord
	s.month.TextStyle.Bold = true
	s.year = widget.NewLabel("")
	s.year.Wrapping = fyne.TextWrapWord
	s.code = entryWith("Mã hồ sơ, ví dụ 000.17.22.H56-261123-0001 (quét mã QR trên phiếu)")
	s.level = widget.NewSelect(levelNames, nil)
	s.level.SetSelected(levelNames[0])
	s.channel = widget.NewSelect(channelNames, nil)
	s.channel.SetSelected(channelNames[0])
	s.sipas = entryWith("Không bắt buộc: 5 điểm từ 1 đến 5, ví dụ 5,4,5,4,5")
	s.comment = entryWith("Ý kiến khác của người dân, nếu có")
	s.status = dimLabel("")
	s.save = newButton("Ghi đánh giá", theme.ConfirmIcon(), s.rate)
	s.save.Importance = widget.HighImportance
	s.slip = newButton("In phiếu đánh giá (A5)", theme.DocumentPrintIcon(), s.printSlip)
	s.code.submit = func() { s.e.win.Canvas().Focus(s.sipas) }
	s.sipas.submit = func() { s.e.win.Canvas().Focus(s.comment) }
	s.comment.submit = s.rate
	form := container.New(layout.NewFormLayout(),
		fieldLabel("Mã hồ sơ *"), s.code, fieldLabel("Mức hài lòng *"), s.level, fieldLabel("Cách ghi nhận"), s.channel,
		fieldLabel("Điểm 5 yếu tố SIPAS"), s.sipas, fieldLabel("Ý kiến"), s.comment)
	factors := widget.NewLabel("Năm yếu tố SIPAS theo thứ tự: " + strings.Join(survey.FactorNames[:], "; ") + ".")
	factors.Wrapping = fyne.TextWrapWord
	factors.SizeName = theme.SizeNameCaptionText
	entry := container.NewVBox(heading("Nhập đánh giá từ phiếu giấy hoặc điện thoại"), form, factors,
		container.NewHBox(s.save, s.slip), s.status)
	s.content = container.NewVScroll(container.NewVBox(s.month, s.year, widget.NewSeparator(), entry))
	return s
}

// reload computes this month's and this year's satisfaction.
func (s *surveyScreen) reload() {
	now := s.e.off.Now()
	monthFrom := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	yearFrom := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, now.Location())
	s.e.background(func() {
		m, err := s.e.off.Satisfaction(s.e.ctx, monthFrom, now)
		var y survey.Summary
		if err == nil {
			y, err = s.e.off.Satisfaction(s.e.ctx, yearFrom, now)
		}
		s.e.do(func() {
			if err != nil {
				s.month.SetText("Không tính được mức độ hài lòng: " + err.Error())
				return
			}
			s.month.SetText(fmt.Sprintf("Tháng %02d/%d: %s.", now.Month(), now.Year(), m.Text()))
			s.year.SetText(fmt.Sprintf("Năm %d: %s. Hài lòng %d, bình thường %d, không hài lòng %d.", now.Year(), y.Text(), y.Satisfied, y.Neutral, y.Dissatisfied))
		})
	})
}

func (s *surveyScreen) rate() {
	in := office.RateInput{Code: s.code.Text, Comment: s.comment.Text}
	for i, n := range levelNames {
		if s.level.Selected == n {
			in.Level = survey.Level(i + 1)
		}
	}
	switch s.channel.Selected {
	case "Điện thoại":
		in.Channel = survey.Phone
	case "Tại quầy":
		in.Channel = survey.AtCounter
	default:
		in.Channel = survey.Paper
	}
	sip := s.sipas.Text
	s.e.background(func() {
		var err error
		if strings.TrimSpace(in.Code) == "" {
			err = fmt.Errorf("chưa nhập mã hồ sơ: hãy gõ hoặc quét mã trên phiếu đánh giá")
		}
		if err == nil {
			in.Factors, err = survey.ParseFactors(sip)
		}
		var r survey.Rating
		if err == nil {
			r, err = s.e.off.Rate(s.e.ctx, in)
		}
		s.e.do(func() {
			if err != nil {
				s.e.showError(err, func() { s.e.win.Canvas().Focus(s.code) })
				return
			}
			s.status.SetText("Đã ghi đánh giá hồ sơ " + r.DossierCode + ": " + r.Level.Vietnamese() + ".")
			s.code.SetText("")
			s.sipas.SetText("")
			s.comment.SetText("")
			s.e.win.Canvas().Focus(s.code)
			s.reload()
		})
	})
}

func (s *surveyScreen) printSlip() {
	code := strings.TrimSpace(s.code.Text)
	if code == "" {
		s.e.showError(fmt.Errorf("chưa nhập mã hồ sơ cần in phiếu đánh giá"), nil)
		return
	}
	s.e.makeDocument("Phiếu đánh giá mức độ hài lòng "+code, "phieu-danh-gia-"+slug(code)+".pdf", "khổ A5",
		func(w io.Writer) error { return s.e.off.PrintRatingSlips(s.e.ctx, w, code) },
		func(doc *document) { s.e.offer(doc, false) })
}
