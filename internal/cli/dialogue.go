package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"motcua/internal/office"
	"motcua/internal/survey"
)

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, "; ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func runDialogue(e *Env, args []string) error {
	fs := flag.NewFlagSet("dialogue", flag.ContinueOnError)
	var d survey.Dialogue
	atS := fs.String("at", "", "thời điểm tổ chức")
	fs.StringVar(&d.Place, "place", "", "địa điểm")
	fs.StringVar(&d.Chair, "chair", "", "người chủ trì")
	fs.StringVar(&d.Participants, "participants", "", "thành phần tham dự")
	fs.IntVar(&d.Attendance, "attendance", 0, "số người dân tham dự")
	fs.StringVar(&d.Note, "note", "", "ghi chú")
	var issues listFlag
	fs.Var(&issues, "issue", "ý kiến, kiến nghị của người dân (lặp lại được)")
	text := fs.String("text", "", "nội dung cam kết")
	owner := fs.String("owner", "", "người chịu trách nhiệm")
	deadline := fs.String("deadline", "", "thời hạn YYYY-MM-DD")
	date := fs.String("date", "", "ngày hoàn thành")
	result := fs.String("result", "", "kết quả thực hiện")
	fromS := fs.String("from", "", "từ ngày")
	toS := fs.String("to", "", "đến ngày")
	out := fs.String("o", "", "tệp PDF")
	pos, err := e.parseTask(fs, args, "add, commit, done, list hoặc minutes")
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		now := o.Now()
		switch pos[0] {
		case "add":
			var err error
			if d.HeldAt, err = parseAt(*atS); err != nil {
				return err
			}
			if d.HeldAt.IsZero() {
				return usagef("thiếu --at (ngày giờ tổ chức hội nghị)")
			}
			d.Issues = issues
			d, err = o.AddDialogue(e.ctx, d)
			if err != nil {
				return err
			}
			return e.emit(d, func(w io.Writer) {
				fmt.Fprintf(w, "Đã ghi hội nghị đối thoại %s ngày %s tại %s, %d ý kiến.\n", d.Ref(), d.HeldAt.Format("02/01/2006"), d.Place, len(d.Issues))
			})
		case "commit":
			if len(pos) != 2 {
				return usagef("cần số hội nghị, ví dụ 02 hoặc 02/2026")
			}
			c := survey.Commitment{Text: *text, Owner: *owner}
			var err error
			if c.Deadline, err = optDate(*deadline); err != nil {
				return err
			}
			c, err = o.AddCommitment(e.ctx, pos[1], c)
			if err != nil {
				return err
			}
			return e.emit(c, func(w io.Writer) {
				fmt.Fprintf(w, "Đã ghi cam kết số %d: %s (%s, hạn %s).\n", c.No, c.Text, c.Owner, c.Deadline.Format("02/01/2006"))
			})
		case "done":
			if len(pos) != 2 {
				return usagef("cần cam kết dạng HỘI_NGHỊ.SỐ, ví dụ 02.1")
			}
			day, err := optDate(*date)
			if err != nil {
				return err
			}
			c, err := o.CompleteCommitment(e.ctx, pos[1], day, *result)
			if err != nil {
				return err
			}
			return e.emit(c, func(w io.Writer) {
				fmt.Fprintf(w, "Cam kết \"%s\": %s (%s).\n", c.Text, strings.ToLower(c.Status(now)), c.DoneOn.Format("02/01/2006"))
			})
		case "list":
			from, to, err := optRange(*fromS, *toS)
			if err != nil {
				return err
			}
			ds, err := o.Dialogues(e.ctx, from, to)
			if err != nil {
				return err
			}
			sum := o.DialogueSummary(ds)
			return e.emit(withTotals(ds, sum), func(w io.Writer) {
				for _, d := range ds {
					fmt.Fprintf(w, "%s  %s  %s · chủ trì %s · %d người dân · %d ý kiến\n", d.Ref(), d.HeldAt.Format(stamp), d.Place, d.Chair, d.Attendance, len(d.Issues))
					for _, c := range d.Commitments {
						fmt.Fprintf(w, "    %d.%d %-60s %-24s hạn %s  %s\n", d.No, c.No, c.Text, c.Owner, c.Deadline.Format("02/01/2006"), c.Status(now))
					}
				}
				fmt.Fprintf(w, "Tổng %d hội nghị, %d lượt người dân, %d cam kết: %d hoàn thành đúng hạn, %d hoàn thành quá hạn, %d đang thực hiện (%d quá hạn).\n",
					sum.Dialogues, sum.Attendance, sum.Commitments, sum.DoneOnTime, sum.DoneLate, sum.Open, sum.Overdue)
			})
		case "minutes":
			if len(pos) != 2 {
				return usagef("cần số hội nghị")
			}
			if err := writePDF(*out, func(w io.Writer) error { return o.PrintMinutes(e.ctx, w, pos[1]) }); err != nil {
				return err
			}
			return e.printed(*out, nil, "Đã in biên bản hội nghị đối thoại ra tệp")
		}
		return unknownTask(pos[0], "add, commit, done, list hoặc minutes")
	})
}
