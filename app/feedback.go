package app

import (
	"fmt"
	"slices"
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
	e       *env
	summary *widget.Label
	*listDetail[survey.Feedback]
	add     *keyButton
	answer  *keyButton
	content fyne.CanvasObject
}

func newFeedbackScreen(e *env) *feedbackScreen {
	s := &feedbackScreen{e: e}
	s.summary = summaryLabel()
	s.add = newButton("Thêm phản ánh…", theme.ContentAddIcon(), s.addFeedback)
	s.answer = newButton("Ghi trả lời…", theme.MailReplyIcon(), s.answerFeedback)
	s.listDetail = newListDetail("Chọn một phản ánh để xem chi tiết.", 0.5, s.row, s.describe, s.updateButtons, s.answer)
	s.content = container.NewBorder(container.NewVBox(s.summary, container.NewHBox(s.add)), nil, nil, nil, s.split)
	s.updateButtons()
	return s
}

func (s *feedbackScreen) row(f survey.Feedback) string {
	return fmt.Sprintf("%s · %s · %s · %s", f.Ref(), f.Status(s.e.off.Now()), f.SenderText(), f.Content)
}

// reload lists the feedback, newest first.
func (s *feedbackScreen) reload() {
	s.load(s.e, func() ([]survey.Feedback, error) {
		list, err := s.e.off.FeedbackList(s.e.ctx, time.Time{}, time.Time{})
		slices.Reverse(list)
		return list, err
	}, func(err error) {
		s.summary.SetText("Không đọc được phản ánh: " + err.Error())
	}, func(list []survey.Feedback) {
		sum := s.e.off.SummarizeFeedback(list)
		s.summary.SetText(fmt.Sprintf("%d phản ánh, kiến nghị: %d đã trả lời (%d đúng hạn, %d quá hạn), %d đang xử lý, trong đó %d quá hạn.",
			sum.Received, sum.Answered, sum.OnTime, sum.Late, sum.Open, sum.Overdue))
	})
}

func (s *feedbackScreen) updateButtons() {
	if f, ok := s.current(); ok && f.Open() {
		s.answer.Enable()
	} else {
		s.answer.Disable()
	}
}

func (s *feedbackScreen) describe(f survey.Feedback) string {
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
	return b.String()
}

func (s *feedbackScreen) addFeedback() {
	content := entryWith("Người dân phản ánh, kiến nghị việc gì")
	channel := widget.NewSelect(vietnameseNames(survey.FeedbackChannels()), nil)
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
			if in.DueOn, err = optDate(due.Text); err != nil {
				return err
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
