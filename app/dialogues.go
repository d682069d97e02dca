package app

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/survey"
)

// dialogueScreen lists the dialogue conferences with their commitments,
// follows each commitment until done, and prints the minutes.
type dialogueScreen struct {
	e       *env
	summary *widget.Label
	*listDetail[survey.Dialogue]
	add     *keyButton
	commit  *keyButton
	done    *keyButton
	minutes *keyButton
	content fyne.CanvasObject
}

func newDialogueScreen(e *env) *dialogueScreen {
	s := &dialogueScreen{e: e}
	s.summary = summaryLabel()
	s.add = newButton("Thêm hội nghị…", theme.ContentAddIcon(), s.addDialogue)
	s.commit = newButton("Thêm cam kết…", theme.ContentAddIcon(), s.addCommitment)
	s.done = newButton("Ghi hoàn thành…", theme.ConfirmIcon(), s.completeCommitment)
	s.minutes = newButton("In biên bản", theme.DocumentPrintIcon(), s.printMinutes)
	s.listDetail = newListDetail("Chọn một hội nghị để xem ý kiến và cam kết.", 0.4, dialogueRow, s.describe, s.updateButtons,
		s.commit, s.done, s.minutes)
	s.content = container.NewBorder(container.NewVBox(s.summary, container.NewHBox(s.add)), nil, nil, nil, s.split)
	s.updateButtons()
	return s
}

func dialogueRow(d survey.Dialogue) string {
	return fmt.Sprintf("%s · %s · %s", d.Ref(), fmtDate(d.HeldAt), d.Place)
}

// reload lists the conferences, newest first.
func (s *dialogueScreen) reload() {
	s.load(s.e, func() ([]survey.Dialogue, error) {
		ds, err := s.e.off.Dialogues(s.e.ctx, time.Time{}, time.Time{})
		slices.Reverse(ds)
		return ds, err
	}, func(err error) {
		s.summary.SetText("Không đọc được hội nghị đối thoại: " + err.Error())
	}, func(ds []survey.Dialogue) {
		sum := s.e.off.DialogueSummary(ds)
		s.summary.SetText(fmt.Sprintf("%d hội nghị đối thoại, %d lượt người dân; %d cam kết: %d hoàn thành đúng hạn, %d hoàn thành quá hạn, %d đang thực hiện (%d quá hạn).",
			sum.Dialogues, sum.Attendance, sum.Commitments, sum.DoneOnTime, sum.DoneLate, sum.Open, sum.Overdue))
	})
}

func (s *dialogueScreen) updateButtons() {
	d, ok := s.current()
	for _, b := range []*keyButton{s.commit, s.minutes} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	s.done.Disable()
	for _, c := range d.Commitments {
		if c.DoneOn == nil {
			s.done.Enable()
		}
	}
}

func (s *dialogueScreen) describe(d survey.Dialogue) string {
	now := s.e.off.Now()
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s tại %s\nChủ trì: %s\nNgười dân tham dự: %d\n", d.Ref(), fmtStamp(d.HeldAt), d.Place, d.Chair, d.Attendance)
	if d.Participants != "" {
		fmt.Fprintf(&b, "Thành phần: %s\n", d.Participants)
	}
	b.WriteString("\nÝ kiến, kiến nghị của người dân:\n")
	for i, is := range d.Issues {
		fmt.Fprintf(&b, "%d) %s\n", i+1, is)
	}
	b.WriteString("\nCam kết:\n")
	if len(d.Commitments) == 0 {
		b.WriteString("(chưa có)\n")
	}
	for _, c := range d.Commitments {
		fmt.Fprintf(&b, "%d. %s\n   Người thực hiện: %s · hạn %s · %s\n", c.No, c.Text, c.Owner, fmtDate(c.Deadline), c.Status(now))
		if c.Result != "" {
			fmt.Fprintf(&b, "   Kết quả: %s\n", c.Result)
		}
	}
	return b.String()
}

func (s *dialogueScreen) addDialogue() {
	day := entryWith("ngày/tháng/năm, ví dụ 20/11/2026")
	hour := entryWith("giờ:phút, ví dụ 08:00")
	place := entryWith("Ví dụ: Nhà văn hóa thôn Trung")
	chair := entryWith("Ví dụ: Lê Văn Tuấn, Chủ tịch UBND xã")
	participants := entryWith("Ví dụ: Bí thư Đảng ủy, Chủ tịch Ủy ban MTTQ xã")
	attendance := entryWith("Số người dân tham dự")
	issues := newReasonEntry()
	issues.SetPlaceHolder("Mỗi ý kiến một dòng")
	formDialog(s.e, "Thêm hội nghị đối thoại", []formRow{{"Ngày *", day}, {"Giờ", hour}, {"Địa điểm *", place}, {"Chủ trì *", chair},
		{"Thành phần", participants}, {"Người dân tham dự", attendance}, {"Ý kiến người dân", issues}},
		func() error {
			t, err := parseDate(day.Text)
			if err != nil {
				return err
			}
			if h := strings.TrimSpace(hour.Text); h != "" {
				c, err := time.ParseInLocation("15:04", h, t.Location())
				if err != nil {
					return fmt.Errorf("giờ %q không hợp lệ: nhập dạng giờ:phút, ví dụ 08:00", h)
				}
				t = t.Add(time.Duration(c.Hour())*time.Hour + time.Duration(c.Minute())*time.Minute)
			}
			n := 0
			if a := strings.TrimSpace(attendance.Text); a != "" {
				if n, err = strconv.Atoi(a); err != nil {
					return fmt.Errorf("số người dân tham dự %q không phải một số", a)
				}
			}
			_, err = s.e.off.AddDialogue(s.e.ctx, survey.Dialogue{HeldAt: t, Place: place.Text, Chair: chair.Text,
				Participants: participants.Text, Attendance: n, Issues: strings.Split(issues.Text, "\n")})
			return err
		}, s.reload)
}

func (s *dialogueScreen) addCommitment() {
	d, ok := s.current()
	if !ok {
		return
	}
	text := entryWith("Việc chính quyền cam kết làm")
	owner := entryWith("Ví dụ: Công chức Địa chính - Xây dựng")
	deadline := entryWith("ngày/tháng/năm")
	formDialog(s.e, "Cam kết tại hội nghị "+d.Ref(), []formRow{{"Nội dung *", text}, {"Người thực hiện *", owner}, {"Thời hạn *", deadline}},
		func() error {
			due, err := optDate(deadline.Text)
			if err != nil {
				return err
			}
			_, err = s.e.off.AddCommitment(s.e.ctx, d.ID, survey.Commitment{Text: text.Text, Owner: owner.Text, Deadline: due})
			return err
		}, s.reload)
}

func (s *dialogueScreen) completeCommitment() {
	d, ok := s.current()
	if !ok {
		return
	}
	var open []string
	ids := map[string]string{}
	for _, c := range d.Commitments {
		if c.DoneOn == nil {
			label := fmt.Sprintf("%d. %s", c.No, c.Text)
			open = append(open, label)
			ids[label] = c.ID
		}
	}
	which := widget.NewSelect(open, nil)
	if len(open) > 0 {
		which.SetSelected(open[0])
	}
	day := entryWith("ngày/tháng/năm; bỏ trống là hôm nay")
	result := entryWith("Kết quả thực hiện")
	formDialog(s.e, "Ghi cam kết đã hoàn thành", []formRow{{"Cam kết", which}, {"Ngày hoàn thành", day}, {"Kết quả", result}},
		func() error {
			t, err := optDate(day.Text)
			if err != nil {
				return err
			}
			_, err = s.e.off.CompleteCommitment(s.e.ctx, ids[which.Selected], t, result.Text)
			return err
		}, s.reload)
}

func (s *dialogueScreen) printMinutes() {
	d, ok := s.current()
	if !ok {
		return
	}
	s.e.makeDocument("Biên bản hội nghị đối thoại "+d.Ref(), "bien-ban-doi-thoai-"+slug(d.Ref())+".pdf", "khổ A4",
		func(w io.Writer) error { return s.e.off.PrintMinutes(s.e.ctx, w, d.ID) },
		func(doc *document) { s.e.offer(doc, false) })
}
