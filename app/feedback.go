package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/survey"
)

// feedbackScreen lists citizens' feedback and petitions with their due
// dates, overdue ones first in the summary, and records new ones and
// their answers.
type feedbackScreen struct {
	e        *env
	summary  *widget.Label
	list     *keyList
	detail   *widget.Label
	add      *keyButton
	answer   *keyButton
	rows     []survey.Feedback
	selected int
	content  fyne.CanvasObject
}

func newFeedbackScreen(e *env) *feedbackScreen {
	s := &feedbackScreen{e: e, selected: -1}
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.summary.TextStyle.Bold = true
	s.list = newKeyList(func() int { return len(s.rows) },
		func() fyne.CanvasObject { return truncLabel() },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.rowText(i)) })
	s.list.OnSelected = func(i widget.ListItemID) { s.selected = i; s.showDetail() }
	s.detail = widget.NewLabel("Chọn một phản ánh để xem chi tiết.")
	s.detail.Wrapping = fyne.TextWrapWord
	s.add = newButton("Thêm phản ánh…", theme.ContentAddIcon(), s.addFeedback)
	s.answer = newButton("Ghi trả lời…", theme.MailReplyIcon(), s.answerFeedback)
	right := container.NewBorder(container.NewHBox(s.answer), nil, nil, nil, container.NewVScroll(s.detail))
	split := container.NewHSplit(s.list, right)
	split.Offset = 0.5
	s.content = container.NewBorder(container.NewVBox(s.summary, container.NewHBox(s.add)), nil, nil, nil, split)
	s.updateButtons()
	return s
}

func (s *feedbackScreen) rowText(i int) string {
	if i >= len(s.rows) {
		return ""
	}
	f := s.rows[i]
	return fmt.Sprintf("%s · %s · %s · %s", f.Ref(), f.Status(s.e.off.Now()), f.SenderText(), f.Content)
}

// reload lists the feedback, newest first.
func (s *feedbackScreen) reload() {
	s.e.background(func() {
		list, err := s.e.off.FeedbackList(s.e.ctx, time.Time{}, time.Time{})
		s.e.do(func() {
			if err != nil {
				s.summary.SetText("Không đọc được phản ánh: " + err.Error())
				return
			}
			for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
				list[i], list[j] = list[j], list[i]
			}
			s.rows = list
			sum := s.e.off.SummarizeFeedback(list)
			s.summary.SetText(fmt.Sprintf("%d phản ánh, kiến nghị: %d đã trả lời (%d đúng hạn, %d quá hạn), %d đang xử lý, trong đó %d quá hạn.",
				sum.Received, sum.Answered, sum.OnTime, sum.Late, sum.Open, sum.Overdue))
			s.list.Refresh()
			if s.selected >= len(s.rows) {
				s.selected = -1
			}
			s.showDetail()
		})
	})
}

func (s *feedbackScreen) current() (survey.Feedback, bool) {
	if s.selected < 0 || s.selected >= len(s.rows) {
		return survey.Feedback{}, false
	}
	return s.rows[s.selected], true
}

func (s *feedbackScreen) updateButtons() {
	if f, ok := s.current(); ok && f.Open() {
		s.answer.Enable()
	} else {
		s.answer.Disable()
	}
}

func (s *feedbackScreen) showDetail() {
	s.updateButtons()
	f, ok := s.current()
	if !ok {
		s.detail.SetText("Chọn một phản ánh để xem chi tiết.")
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s\nTiếp nhận: %s qua %s\nNgười phản ánh: %s %s\n", f.Ref(), f.Status(s.e.off.Now()),
		fmtStamp(f.ReceivedAt), strings.ToLower(f.Channel.Vietnamese()), f.SenderText(), f.Contact)
	if f.DossierCode != "" {
		fmt.Fprintf(&b, "Hồ sơ: %s\n", f.DossierCode)
	}
	if f.StaffName != "" {
		fmt.Fprintf(&b, "Cán bộ: %s\n", f.StaffName)
	}
	fmt.Fprintf(&b, "Người xử lý: %s\nHạn trả lời: %s\n\nNội dung: %s\n", f.Handler, fmtDate(f.DueOn), f.Content)
	if f.AnsweredAt != nil {
		fmt.Fprintf(&b, "\nTrả lời ngày %s: %s\n", fmtDate(*f.AnsweredAt), f.Answer)
		switch {
		case f.Accepted == nil:
			b.WriteString("Chưa rõ người dân có đồng ý không.\n")
		case *f.Accepted:
			b.WriteString("Người dân đồng ý với câu trả lời.\n")
		default:
			b.WriteString("Người dân chưa đồng ý với câu trả lời.\n")
		}
	}
	s.detail.SetText(b.String())
}

func feedbackChannelNames() []string {
	var out []string
	for _, c := range survey.FeedbackChannels() {
		out = append(out, c.Vietnamese())
	}
	return out
}

func (s *feedbackScreen) addFeedback() {
	content := entryWith("Người dân phản ánh, kiến nghị việc gì")
	channel := widget.NewSelect(feedbackChannelNames(), nil)
	channel.SetSelected(survey.InPerson.Vietnamese())
	sender := entryWith("Bỏ trống nếu ẩn danh")
	contact := entryWith("Điện thoại hoặc địa chỉ")
	dossier := entryWith("Mã hồ sơ liên quan, nếu có")
	handler := entryWith("Ví dụ: Phạm Thị Hòa, Phó Chủ tịch UBND xã")
	due := entryWith("ngày/tháng/năm; bỏ trống để tính theo ngày làm việc")
	formDialog(s.e, "Thêm phản ánh, kiến nghị", []formRow{{"Nội dung *", content}, {"Kênh tiếp nhận", channel}, {"Người phản ánh", sender},
		{"Liên hệ", contact}, {"Hồ sơ", dossier}, {"Người xử lý", handler}, {"Hạn trả lời", due}},
		func() error {
			ch, err := survey.ParseFeedbackChannel(channel.Selected)
			if err != nil {
				return err
			}
			in := office.FeedbackInput{Channel: ch, Content: content.Text, Sender: sender.Text, Contact: contact.Text,
				DossierCode: dossier.Text, Handler: handler.Text}
			if strings.TrimSpace(due.Text) != "" {
				if in.DueOn, err = parseDate(due.Text); err != nil {
					return err
				}
			}
			_, err = s.e.off.AddFeedback(s.e.ctx, in)
			return err
		}, s.reload)
}

var acceptedNames = []string{"Chưa rõ", "Đồng ý", "Không đồng ý"}

func (s *feedbackScreen) answerFeedback() {
	f, ok := s.current()
	if !ok {
		return
	}
	text := entryWith("Nội dung đã trả lời người dân")
	accepted := widget.NewSelect(acceptedNames, nil)
	accepted.SetSelected(acceptedNames[0])
	formDialog(s.e, "Trả lời phản ánh "+f.Ref(), []formRow{{"Trả lời *", text}, {"Người dân", accepted}}, func() error {
		var acc *bool
		switch accepted.Selected {
		case acceptedNames[1]:
			v := true
			acc = &v
		case acceptedNames[2]:
			v := false
			acc = &v
		}
		_, err := s.e.off.AnswerFeedback(s.e.ctx, f.ID, text.Text, time.Time{}, acc)
		return err
	}, s.reload)
}
