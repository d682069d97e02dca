package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"motcua/internal/office"
	"motcua/internal/survey"
	"motcua/internal/textvn"
)

func parseYesNo(s string) (bool, error) {
	switch textvn.Fold(s) {
	case "yes", "co", "dong y", "1", "true":
		return true, nil
	case "no", "khong", "khong dong y", "0", "false":
		return false, nil
	}
	return false, fmt.Errorf("%q không hợp lệ: dùng yes (có đồng ý) hoặc no (không đồng ý)", s)
}

func feedbackLine(w io.Writer, f survey.Feedback, now time.Time) {
	about := ""
	if f.DossierCode != "" {
		about += " · hồ sơ " + f.DossierCode
	}
	if f.StaffName != "" {
		about += " · cán bộ " + f.StaffName
	}
	fmt.Fprintf(w, "%-11s %s  %-20s hạn %s  %-19s %s%s: %s\n", f.Ref(), f.ReceivedAt.Format("02/01/2006"), f.SenderText(),
		f.DueOn.Format("02/01/2006"), f.Status(now), f.Channel.Vietnamese(), about, f.Content)
}

func runFeedback(e *Env, args []string) error {
	fs := flag.NewFlagSet("feedback", flag.ContinueOnError)
	var in office.FeedbackInput
	channel := fs.String("channel", "in_person", "kênh tiếp nhận")
	fs.StringVar(&in.Sender, "sender", "", "người phản ánh (bỏ trống: ẩn danh)")
	fs.StringVar(&in.Contact, "contact", "", "điện thoại, địa chỉ liên hệ")
	fs.StringVar(&in.DossierCode, "dossier", "", "mã hồ sơ liên quan")
	fs.StringVar(&in.Staff, "staff", "", "cán bộ bị phản ánh")
	fs.StringVar(&in.Content, "content", "", "nội dung phản ánh")
	fs.StringVar(&in.Handler, "handler", "", "người xử lý")
	due := fs.String("due", "", "hạn trả lời YYYY-MM-DD")
	atS := fs.String("at", "", "thời điểm")
	text := fs.String("text", "", "nội dung trả lời")
	acceptedS := fs.String("accepted", "", "yes hoặc no")
	fromS := fs.String("from", "", "từ ngày")
	toS := fs.String("to", "", "đến ngày")
	overdue := fs.Bool("overdue", false, "chỉ các phản ánh quá hạn chưa trả lời")
	pos, err := e.parseTask(fs, args, "add, answer, accept, list hoặc days")
	if err != nil {
		return err
	}
	at, err := parseAt(*atS)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		now := o.Now()
		switch pos[0] {
		case "add":
			if in.Content == "" {
				return usagef("thiếu --content (nội dung phản ánh)")
			}
			var err error
			if in.Channel, err = survey.ParseFeedbackChannel(*channel); err != nil {
				return err
			}
			if in.DueOn, err = optDate(*due); err != nil {
				return err
			}
			in.ReceivedAt = at
			f, err := o.AddFeedback(e.ctx, in)
			if err != nil {
				return err
			}
			return e.emit(f, func(w io.Writer) {
				fmt.Fprintf(w, "Đã ghi phản ánh %s, hạn trả lời %s.\n", f.Ref(), f.DueOn.Format("02/01/2006"))
			})
		case "answer", "accept":
			if len(pos) < 2 {
				return usagef("cần số phản ánh, ví dụ 03 hoặc 03/2026")
			}
			var accepted *bool
			if *acceptedS != "" {
				v, err := parseYesNo(*acceptedS)
				if err != nil {
					return err
				}
				accepted = &v
			}
			var f survey.Feedback
			var err error
			if pos[0] == "answer" {
				if *text == "" {
					return usagef("thiếu --text (nội dung trả lời)")
				}
				f, err = o.AnswerFeedback(e.ctx, pos[1], *text, at, accepted)
			} else {
				if len(pos) != 3 {
					return usagef("cần số phản ánh và yes hoặc no")
				}
				var v bool
				if v, err = parseYesNo(pos[2]); err != nil {
					return err
				}
				f, err = o.SetFeedbackAccepted(e.ctx, pos[1], v)
			}
			if err != nil {
				return err
			}
			return e.emit(f, func(w io.Writer) { feedbackLine(w, f, now) })
		case "list":
			var list []survey.Feedback
			if *overdue {
				list, err = o.OverdueFeedback(e.ctx)
			} else {
				from, to, err := optRange(*fromS, *toS)
				if err != nil {
					return err
				}
				list, err = o.FeedbackList(e.ctx, from, to)
			}
			if err != nil {
				return err
			}
			sum := o.SummarizeFeedback(list)
			return e.emit(withTotals(list, sum), func(w io.Writer) {
				for _, f := range list {
					feedbackLine(w, f, now)
				}
				fmt.Fprintf(w, "Tổng %d phản ánh: %d đã trả lời (%d đúng hạn, %d quá hạn), %d đang xử lý (%d quá hạn); người dân đồng ý %d, không đồng ý %d.\n",
					sum.Received, sum.Answered, sum.OnTime, sum.Late, sum.Open, sum.Overdue, sum.Accepted, sum.Rejected)
			})
		case "days":
			if len(pos) == 2 {
				n, err := strconv.Atoi(pos[1])
				if err != nil {
					return usagef("số ngày %q không phải một số", pos[1])
				}
				if err := o.SetFeedbackDays(e.ctx, n); err != nil {
					return err
				}
			}
			n, err := o.FeedbackDays(e.ctx)
			if err != nil {
				return err
			}
			return e.emit(map[string]int{"due_days": n}, func(w io.Writer) {
				fmt.Fprintf(w, "Hạn trả lời phản ánh: %d ngày làm việc kể từ ngày tiếp nhận.\n", n)
			})
		}
		return unknownTask(pos[0], "add, answer, accept, list hoặc days")
	})
}
