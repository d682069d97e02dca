package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/letters"
	"motcua/internal/office"
)

// sentScreen follows the issued letters of the year to the citizen: which
// were sent, how and when, and the counts per kind and month.
type sentScreen struct {
	e      *env
	counts *widget.Label
	*listDetail[office.Letter]
	send    *keyButton
	sent    map[string]office.LetterSending
	content fyne.CanvasObject
}

func newSentScreen(e *env) *sentScreen {
	s := &sentScreen{e: e}
	s.counts = widget.NewLabel("")
	s.counts.Wrapping = fyne.TextWrapWord
	s.send = newButton("Ghi đã gửi…", theme.MailSendIcon(), s.markSent)
	s.listDetail = newListDetail("Chọn một thư đã cấp số để ghi đã gửi.", 0.55, s.row, s.describe, s.updateButtons, s.send)
	s.content = container.NewBorder(s.counts, nil, nil, nil, s.split)
	s.updateButtons()
	return s
}

func (s *sentScreen) row(l office.Letter) string {
	state := "chưa gửi"
	if x, ok := s.sent[l.ID]; ok {
		state = "đã gửi " + strings.ToLower(letters.Delivery(x.How).Vietnamese())
	}
	return fmt.Sprintf("%s · %s · %s · %s", office.LetterRef(l), letters.Kind(l.Kind).Name(), l.Recipient, state)
}

// reload lists this year's issued letters, newest first, and the counts.
func (s *sentScreen) reload() {
	year := s.e.off.Now().Year()
	var sent map[string]office.LetterSending
	var counts []office.LetterMonth
	s.load(s.e, func() ([]office.Letter, error) {
		ls, err := s.e.off.Letters(s.e.ctx, office.LetterIssued, time.Time{})
		if err == nil {
			sent, err = s.e.off.LetterSendings(s.e.ctx, 0)
		}
		if err == nil {
			counts, err = s.e.off.LetterCounts(s.e.ctx, year)
		}
		var rows []office.Letter
		for i := len(ls) - 1; i >= 0; i-- {
			if ls[i].Year == year {
				rows = append(rows, ls[i])
			}
		}
		return rows, err
	}, func(err error) {
		s.counts.SetText("Không đọc được thư: " + err.Error())
	}, func([]office.Letter) {
		s.sent = sent
		s.counts.SetText(countsText(year, counts))
	})
}

func countsText(year int, cs []office.LetterMonth) string {
	if len(cs) == 0 {
		return fmt.Sprintf("Năm %d chưa có thư nào.", year)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Thư năm %d theo tháng (cấp số / đã gửi):", year)
	month := 0
	for _, c := range cs {
		if c.Month != month {
			month = c.Month
			fmt.Fprintf(&b, "\nTháng %02d: ", month)
		} else {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %d/%d", strings.ToLower(c.Name), c.Issued, c.Sent)
	}
	return b.String()
}

func (s *sentScreen) updateButtons() {
	l, ok := s.current()
	if _, sent := s.sent[l.ID]; ok && !sent {
		s.send.Enable()
	} else {
		s.send.Disable()
	}
}

func (s *sentScreen) describe(l office.Letter) string {
	t := fmt.Sprintf("Thư số %s · %s\nGửi: %s\nĐịa chỉ: %s\nCấp số: %s\n", office.LetterRef(l), letters.Kind(l.Kind).Name(), l.Recipient, l.Address, fmtStamp(*l.IssuedAt))
	if x, ok := s.sent[l.ID]; ok {
		t += fmt.Sprintf("Đã gửi %s lúc %s.\n", strings.ToLower(letters.Delivery(x.How).Vietnamese()), fmtStamp(x.SentAt))
	} else {
		t += "Chưa gửi.\n"
	}
	return t
}

func (s *sentScreen) markSent() {
	l, ok := s.current()
	if !ok {
		return
	}
	how := widget.NewSelect(vietnameseNames(letters.Deliveries()), nil)
	how.SetSelected(letters.ByHand.Vietnamese())
	day := entryWith("ngày/tháng/năm; bỏ trống là bây giờ")
	formDialog(s.e, "Ghi thư "+office.LetterRef(l)+" đã gửi", []formRow{{"Cách gửi", how}, {"Ngày gửi", day}}, func() error {
		d, err := letters.ParseDelivery(how.Selected)
		if err != nil {
			return err
		}
		var at time.Time
		if strings.TrimSpace(day.Text) != "" {
			if at, err = parseDate(day.Text); err != nil {
				return err
			}
			at = at.Add(9 * time.Hour)
		}
		_, err = s.e.off.MarkSent(s.e.ctx, l.ID, d, at)
		return err
	}, s.reload)
}
