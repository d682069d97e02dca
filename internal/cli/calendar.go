package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/office"
)

func runProcedures(e *Env, args []string) error {
	fs := flag.NewFlagSet("procedures", flag.ContinueOnError)
	unconfirmed := fs.Bool("unconfirmed", false, "chỉ liệt kê các thời hạn chờ xác nhận")
	variant := fs.String("variant", "", "mã trường hợp đặc biệt (với confirm)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 && ((pos[0] != "import" && pos[0] != "confirm") || len(pos) != 2) {
		return usagef("dùng: motcua procedures, motcua procedures --unconfirmed, motcua procedures confirm MÃ [--variant MÃ_TRƯỜNG_HỢP] hoặc motcua procedures import TỆP.json")
	}
	return e.withOffice(func(o *office.Office) error {
		if len(pos) == 2 && pos[0] == "confirm" {
			if _, err := o.ConfirmLimit(e.ctx, pos[1], *variant); err != nil {
				return err
			}
			*unconfirmed = true // show what is left
		}
		if len(pos) == 2 && pos[0] == "import" {
			data, err := os.ReadFile(pos[1])
			if err != nil {
				return fmt.Errorf("không đọc được tệp %s: %v", pos[1], err)
			}
			in, err := office.ParseProcedureFile(data)
			if err != nil {
				return fmt.Errorf("%w. Không thủ tục nào trong tệp %s được lưu", err, pos[1])
			}
			if _, err := o.SaveProcedures(e.ctx, in); err != nil {
				return fmt.Errorf("%w. Không thủ tục nào trong tệp %s được lưu", err, pos[1])
			}
		}
		if *unconfirmed {
			list, err := o.UnconfirmedLimits(e.ctx)
			if err != nil {
				return err
			}
			return e.emit(list, func(w io.Writer) {
				if len(list) == 0 {
					fmt.Fprintln(w, "Mọi thời hạn trong danh mục đã được đối chiếu văn bản hoặc đã được xác nhận.")
					return
				}
				fmt.Fprintf(w, "%d thời hạn chờ quản trị viên đối chiếu danh mục TTHC của tỉnh rồi xác nhận (S: nguồn thứ cấp, M: chưa kiểm chứng):\n", len(list))
				for _, c := range list {
					name := c.Code
					if c.Variant != "" {
						name += " / " + c.Variant
					}
					fmt.Fprintf(w, "  [%s] %-34s %-18s %s\n", c.Confidence, name, c.Limit.Vietnamese(), c.LegalBasis)
				}
			})
		}
		ps, err := o.Procedures(e.ctx)
		if err != nil {
			return err
		}
		return e.emit(ps, func(w io.Writer) {
			for _, p := range ps {
				if p.Inactive {
					continue
				}
				conf := p.Confidence
				if conf == "" {
					conf = "?"
				}
				if p.Confirmed {
					conf += ", đã xác nhận"
				}
				fmt.Fprintf(w, "%-22s %-18s [%s] %s", p.Code, p.Limit.Vietnamese(), conf, p.Name)
				if !p.ByCommittee() {
					fmt.Fprintf(w, " (cơ quan giải quyết: %s)", p.AuthorityName())
				}
				fmt.Fprintln(w)
				for _, v := range p.Variants {
					fmt.Fprintf(w, "  --variant %-12s %-18s [%s] %s\n", v.Code, v.Limit.Vietnamese(), v.Confidence, v.Name)
				}
			}
		})
	})
}

func runCalendar(e *Env, args []string) error {
	if len(args) == 0 {
		return usagef("thiếu lệnh con: due, day, holidays, years, review hoặc schedule")
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("calendar "+sub, flag.ContinueOnError)
	from := fs.String("from", "", "thời điểm tiếp nhận")
	limitS := fs.String("limit", "", "thời hạn: 3d, 16h, 23c hoặc same-day")
	apply := fs.Bool("apply", false, "áp dụng: lưu và tính lại hạn trả các hồ sơ trong danh sách")
	yes := fs.Bool("yes", false, "như --apply")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	*apply = *apply || *yes
	return e.withOffice(func(o *office.Office) error {
		cal := o.Calendar()
		switch sub {
		case "due":
			if *limitS == "" {
				return usagef("thiếu --limit")
			}
			l, err := calendar.ParseLimit(*limitS)
			if err != nil {
				return err
			}
			if typed := strings.ToLower(strings.TrimSpace(*limitS)); l.Unit == calendar.SameDay && typed != "same-day" && typed != "sameday" ||
				l.Unit != calendar.SameDay && l.Value <= 0 {
				return fmt.Errorf("thời hạn %q không hợp lệ: số ngày hoặc số giờ phải lớn hơn 0 (hoặc dùng same-day)", *limitS)
			}
			at, err := parseAt(*from)
			if err != nil {
				return err
			}
			if at.IsZero() {
				at = o.Now()
			}
			due := cal.Due(at, l)
			var prov []string
			for _, d := range cal.ProvisionalDays(at, due) {
				prov = append(prov, d.Format("2006-01-02"))
			}
			return e.emit(map[string]any{"from": at, "limit": l, "due_at": due, "due_date": due.Format("2006-01-02"),
				"provisional": len(prov) > 0, "provisional_days": prov}, func(w io.Writer) {
				fmt.Fprintf(w, "Tiếp nhận %s, thời hạn %s → hẹn trả %s\n", at.Format(stamp), l.Vietnamese(), due.Format(stamp))
				if len(prov) > 0 {
					fmt.Fprintf(w, "Lưu ý: hạn trả tính qua ngày nghỉ dự kiến (%s), chưa có thông báo chính thức; hạn có thể thay đổi.\n", strings.Join(prov, ", "))
				}
			})
		case "day":
			if len(pos) != 1 {
				return usagef("cần đúng một ngày YYYY-MM-DD")
			}
			day, err := parseDate(pos[0])
			if err != nil {
				return err
			}
			info := cal.Day(day)
			return e.emit(map[string]any{"date": day.Format("2006-01-02"), "working": info.Working, "provisional": info.Provisional,
				"reason": info.Reason, "holiday": info.Holiday, "lunar": info.Lunar.String(), "lunar_date": info.Lunar}, func(w io.Writer) {
				kind := "ngày làm việc"
				if !info.Working {
					kind = "ngày nghỉ"
				}
				if info.Provisional {
					kind += " dự kiến (chưa có thông báo chính thức)"
				}
				why := ""
				if !strings.EqualFold(info.Reason, kind) && !strings.EqualFold(info.Reason, "ngày làm việc") {
					why = " (" + info.Reason + ")"
				}
				fmt.Fprintf(w, "%s: %s%s; ngày %s\n", day.Format("02/01/2006"), kind, why, info.Lunar)
			})
		case "years":
			ys, err := o.CalendarYears(e.ctx)
			if err != nil {
				return err
			}
			return e.emit(ys, func(w io.Writer) {
				for _, y := range ys {
					switch {
					case y.AwaitingNotice && y.Announced:
						fmt.Fprintf(w, "%d  lịch công bố chưa đủ (còn ngày nghỉ dự kiến)  %s\n", y.Year, y.Source)
					case y.AwaitingNotice:
						fmt.Fprintf(w, "%d  chờ thông báo: Tết và ngày liền kề Quốc khánh là dự kiến\n", y.Year)
					default:
						src := "đã công bố, kèm theo phần mềm"
						if y.Stored {
							src = "đã công bố, do quản trị viên nhập"
						}
						fmt.Fprintf(w, "%d  %s (độ tin cậy: %s)\n", y.Year, src, calendar.ConfidenceText(y.Confidence))
					}
					if y.ShippedDiffers {
						fmt.Fprintf(w, "      lịch kèm theo phần mềm khác lịch đã nhập: xem motcua calendar schedule %d shipped\n", y.Year)
					}
				}
			})
		case "review":
			if len(pos) != 0 {
				return usagef("dùng: calendar review [--apply]")
			}
			rev, err := o.PendingCorrections(e.ctx)
			if err != nil {
				return err
			}
			if *apply && len(rev.Years) > 0 {
				if rev, err = o.ApplyCorrections(e.ctx, rev.Years); err != nil {
					return err
				}
			}
			return e.printReview(rev, "motcua calendar review --apply")
		case "schedule":
			if len(pos) < 1 || len(pos) > 3 {
				return usagef("dùng: calendar schedule NĂM, calendar schedule NĂM import TỆP.json [--apply] hoặc calendar schedule NĂM shipped [--apply]")
			}
			year, err := parseYear(pos[0])
			if err != nil {
				return err
			}
			if len(pos) > 1 {
				var s calendar.Schedule
				switch {
				case pos[1] == "import" && len(pos) == 3:
					data, err := os.ReadFile(pos[2])
					if err != nil {
						return fmt.Errorf("không đọc được tệp %s: %v", pos[2], err)
					}
					if s, err = office.ParseScheduleFile(data, year); err != nil {
						return fmt.Errorf("tệp %s: %w", pos[2], err)
					}
				case pos[1] == "shipped" && len(pos) == 2:
					var ok bool
					if s, ok, err = office.ShippedSchedule(year); err != nil {
						return err
					} else if !ok {
						return fmt.Errorf("phần mềm không kèm lịch nghỉ năm %d", year)
					}
				default:
					return usagef("dùng: calendar schedule NĂM import TỆP.json [--apply] hoặc calendar schedule NĂM shipped [--apply]")
				}
				rev, err := o.ImportSchedule(e.ctx, s, *apply)
				if err != nil {
					return err
				}
				return e.printReview(rev, "thêm --apply")
			}
			s, ok := cal.Schedule(year)
			if !ok {
				s = calendar.Schedule{Year: year}
			}
			return e.emit(s, func(w io.Writer) {
				if !ok {
					fmt.Fprintf(w, "Năm %d chưa có lịch nghỉ công bố; ngày nghỉ Tết và ngày liền kề Quốc khánh là dự kiến theo quy tắc của phần mềm (xem motcua calendar holidays %d).\n", year, year)
					return
				}
				fmt.Fprintf(w, "Lịch nghỉ năm %d (nguồn: %s; độ tin cậy: %s)\n", year, s.Source, calendar.ConfidenceText(s.Confidence))
				for _, x := range s.Off {
					fmt.Fprintf(w, "  nghỉ      %s  %s\n", x.Date, x.Reason)
				}
				for _, x := range s.Work {
					fmt.Fprintf(w, "  làm việc  %s  %s\n", x.Date, x.Reason)
				}
			})
		case "holidays":
			if len(pos) != 1 {
				return usagef("cần đúng một năm, ví dụ 2026")
			}
			year, err := parseYear(pos[0])
			if err != nil {
				return err
			}
			days := cal.Holidays(year)
			type row struct {
				Date        string `json:"date"`
				Working     bool   `json:"working"`
				Provisional bool   `json:"provisional"`
				Reason      string `json:"reason"`
			}
			rows := make([]row, 0, len(days))
			for _, d := range days {
				rows = append(rows, row{d.Date.Format("2006-01-02"), d.Working, d.Provisional, d.Reason})
			}
			return e.emit(rows, func(w io.Writer) {
				if !cal.Announced(year) {
					fmt.Fprintf(w, "Năm %d chưa có thông báo lịch nghỉ: các ngày ghi \"dự kiến\" do phần mềm suy ra.\n", year)
				}
				for _, r := range rows {
					k := "nghỉ"
					if r.Working {
						k = "làm việc"
					}
					if r.Provisional {
						k += " (dự kiến)"
					}
					fmt.Fprintf(w, "%s  %-16s %s\n", r.Date, k, r.Reason)
				}
			})
		}
		return usagef("lệnh con %q không có: dùng due, day, holidays, years, review hoặc schedule", sub)
	})
}

// printReview prints the dossiers a schedule correction changes (or
// changed), and how to confirm when it is a dry run.
func (e *Env) printReview(rev office.CalendarReview, confirm string) error {
	return e.emit(rev, func(w io.Writer) {
		years := make([]string, 0, len(rev.Years))
		for _, y := range rev.Years {
			years = append(years, fmt.Sprint(y))
		}
		switch {
		case len(rev.Changes) == 0 && rev.Applied:
			fmt.Fprintf(w, "Đã lưu; không hồ sơ nào thay đổi hạn trả hay kết quả (năm %s).\n", strings.Join(years, ", "))
			return
		case len(rev.Changes) == 0:
			fmt.Fprintln(w, "Không hồ sơ nào thay đổi hạn trả hay kết quả.")
			if len(years) > 0 && !strings.HasPrefix(confirm, "motcua calendar review") {
				fmt.Fprintf(w, "Lịch chưa được lưu: %s để lưu.\n", confirm)
			}
			return
		case rev.Applied:
			fmt.Fprintf(w, "Đã tính lại %d hồ sơ (năm %s); mỗi hồ sơ có một dòng nhật ký:\n", len(rev.Changes), strings.Join(years, ", "))
		default:
			fmt.Fprintf(w, "%d hồ sơ sẽ thay đổi hạn trả hoặc kết quả nếu áp dụng lịch nghỉ đã sửa (năm %s). Chưa thay đổi gì:\n", len(rev.Changes), strings.Join(years, ", "))
		}
		for _, c := range rev.Changes {
			line := fmt.Sprintf("  %s  %-24s hạn %s → %s", c.Code, c.Applicant, c.OldDue.Format("02/01/2006"), c.NewDue.Format("02/01/2006"))
			if c.OldOutcome != c.NewOutcome {
				line += fmt.Sprintf("; kết quả %s → %s", strings.ToLower(c.OldOutcome.Vietnamese()), strings.ToLower(c.NewOutcome.Vietnamese()))
			}
			fmt.Fprintln(w, line)
		}
		if !rev.Applied {
			fmt.Fprintf(w, "Để tính lại các hồ sơ trên: %s.\n", confirm)
		}
	})
}
