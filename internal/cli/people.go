package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/people"
)

// optDate parses an optional YYYY-MM-DD flag.
func optDate(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	return parseDate(s)
}

// optRange parses optional --from and --to dates.
func optRange(fromS, toS string) (from, to time.Time, err error) {
	if from, err = optDate(fromS); err != nil {
		return from, to, err
	}
	to, err = optDate(toS)
	return from, to, err
}

type staffFlags struct {
	name, title, unit, role, phone, email, start string
	set                                          map[string]bool
}

func (f *staffFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.name, "name", "", "họ và tên")
	fs.StringVar(&f.title, "title", "", "chức vụ, chức danh")
	fs.StringVar(&f.unit, "unit", "", "đơn vị công tác")
	fs.StringVar(&f.role, "role", "", "vai trò: counter, chair, vice_chair, specialist, admin")
	fs.StringVar(&f.phone, "phone", "", "điện thoại")
	fs.StringVar(&f.email, "email", "", "thư điện tử")
	fs.StringVar(&f.start, "start", "", "ngày bắt đầu công tác YYYY-MM-DD")
}

// apply copies the flags given on the command line onto s.
func (f *staffFlags) apply(fs *flag.FlagSet, s *people.Staff) error {
	var err error
	fs.Visit(func(fl *flag.Flag) {
		if err != nil {
			return
		}
		switch fl.Name {
		case "name":
			s.Name = f.name
		case "title":
			s.Position = f.title
		case "unit":
			s.Unit = f.unit
		case "phone":
			s.Phone = f.phone
		case "email":
			s.Email = f.email
		case "role":
			s.Role, err = people.ParseRole(f.role)
		case "start":
			s.Start, err = parseDate(f.start)
		}
	})
	return err
}

func staffLine(w io.Writer, s people.Staff) {
	line := fmt.Sprintf("%s  %-28s %-22s", s.ID, s.Name, s.Role.Vietnamese())
	if s.Position != "" {
		line += "  " + s.Position
	}
	if s.Phone != "" {
		line += "  ĐT " + s.Phone
	}
	if s.End != nil {
		line += "  (thôi công tác từ " + s.End.Format("02/01/2006") + ")"
	}
	fmt.Fprintln(w, line)
}

func runStaff(e *Env, args []string) error {
	fs := flag.NewFlagSet("staff", flag.ContinueOnError)
	var sf staffFlags
	sf.define(fs)
	all := fs.Bool("all", false, "cả cán bộ đã thôi công tác")
	date := fs.String("date", "", "ngày thôi công tác YYYY-MM-DD")
	out := fs.String("o", "", "tệp PDF")
	pos, err := e.parseTask(fs, args, "add, edit, end, list hoặc print")
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		switch pos[0] {
		case "add":
			if len(pos) != 1 {
				return usagef("thừa tham số %q", pos[1])
			}
			if sf.name == "" || sf.role == "" {
				return usagef("cần --name HỌ_TÊN và --role VAI_TRÒ")
			}
			var s people.Staff
			if err := sf.apply(fs, &s); err != nil {
				return err
			}
			s, err := o.AddStaff(e.ctx, s)
			if err != nil {
				return err
			}
			return e.emit(s, func(w io.Writer) { fmt.Fprint(w, "Đã thêm cán bộ: "); staffLine(w, s) })
		case "edit", "end":
			if len(pos) != 2 {
				return usagef("cần đúng một mã hoặc họ tên cán bộ")
			}
			found, err := o.FindStaff(e.ctx, pos[1])
			if err != nil {
				return err
			}
			var s people.Staff
			if pos[0] == "edit" {
				s, err = o.EditStaff(e.ctx, found.ID, func(s *people.Staff) error { return sf.apply(fs, s) })
			} else {
				var day time.Time
				if day, err = optDate(*date); err != nil {
					return err
				}
				s, err = o.EndStaff(e.ctx, found.ID, day)
			}
			if err != nil {
				return err
			}
			return e.emit(s, func(w io.Writer) { fmt.Fprint(w, "Đã lưu: "); staffLine(w, s) })
		case "list":
			list, err := o.StaffList(e.ctx, *all)
			if err != nil {
				return err
			}
			return emitLines(e, list, "Danh sách cán bộ còn trống; thêm bằng lệnh motcua staff add.", staffLine)
		case "passwd", "passwords":
			return e.staffAccounts(o, pos) // accounts.go
		case "print":
			if err := writePDF(*out, func(w io.Writer) error { return o.StaffContacts(e.ctx, w) }); err != nil {
				return err
			}
			return e.printed(*out, nil, "Đã in danh sách cán bộ tiếp nhận hồ sơ ra tệp")
		}
		return unknownTask(pos[0], "add, edit, end, list hoặc print")
	})
}

func runPledge(e *Env, args []string) error {
	fs := flag.NewFlagSet("pledge", flag.ContinueOnError)
	sets := fs.String("sets", "", "mã các bộ cam kết, cách nhau bằng dấu phẩy")
	choose := fs.String("choose", "", "chọn các bộ cam kết của xã")
	date := fs.String("date", "", "ngày YYYY-MM-DD")
	year := fs.Int("year", 0, "năm cam kết")
	scan := fs.String("scan", "", "tệp bản quét bản cam kết đã ký")
	kind := fs.String("kind", "", "violation hoặc praise")
	source := fs.String("source", "", "nguồn ghi nhận")
	text := fs.String("text", "", "nội dung ghi nhận")
	pos, err := e.parseTask(fs, args, "sign, attach, list, missing, sets, note hoặc notes")
	if err != nil {
		return err
	}
	want := func(n int, what string) error {
		if len(pos) != n+1 {
			return usagef("cần %s", what)
		}
		return nil
	}
	return e.withOffice(func(o *office.Office) error {
		switch pos[0] {
		case "sign":
			if err := want(1, "đúng một mã hoặc họ tên cán bộ"); err != nil {
				return err
			}
			in := office.PledgeInput{Staff: pos[1], Year: *year}
			if *sets != "" {
				in.Sets = strings.Split(*sets, ",")
			}
			var err error
			if in.SignedOn, err = optDate(*date); err != nil {
				return err
			}
			if *scan != "" {
				if in.Scan, err = os.ReadFile(*scan); err != nil {
					return fmt.Errorf("không đọc được tệp %s: %v", *scan, err)
				}
				in.ScanName = *scan
			}
			g, err := o.SignPledge(e.ctx, in)
			if err != nil {
				return err
			}
			return e.emit(g, func(w io.Writer) { signingLine(w, g) })
		case "attach":
			if err := want(2, "mã hoặc họ tên cán bộ và tệp bản quét"); err != nil {
				return err
			}
			data, err := os.ReadFile(pos[2])
			if err != nil {
				return fmt.Errorf("không đọc được tệp %s: %v", pos[2], err)
			}
			y := *year
			if y == 0 {
				y = o.Now().Year()
			}
			g, err := o.AttachPledgeScan(e.ctx, pos[1], y, pos[2], data)
			if err != nil {
				return err
			}
			return e.emit(g, func(w io.Writer) { signingLine(w, g) })
		case "list":
			gs, err := o.PledgeSignings(e.ctx, *year)
			if err != nil {
				return err
			}
			return emitLines(e, gs, "Chưa có bản cam kết nào được ghi.", signingLine)
		case "missing":
			p, err := o.PledgeProgress(e.ctx, *year)
			if err != nil {
				return err
			}
			return e.emit(p, func(w io.Writer) {
				fmt.Fprintf(w, "Năm %d: %d/%d cán bộ đang công tác đã ký cam kết (%.0f%%).\n", p.Year, p.Signed, p.Staff, p.Percent)
				if len(p.Missing) > 0 {
					fmt.Fprintln(w, "Chưa ký:")
					for _, n := range p.Missing {
						fmt.Fprintln(w, "  "+n)
					}
				}
			})
		case "sets":
			if *choose != "" {
				if err := o.ChoosePledgeSets(e.ctx, strings.Split(*choose, ",")); err != nil {
					return err
				}
			}
			ss, err := o.ChosenPledgeSets(e.ctx)
			if err != nil {
				return err
			}
			return e.emit(ss, func(w io.Writer) {
				fmt.Fprintln(w, "Các bộ cam kết của xã:")
				for _, s := range ss {
					fmt.Fprintf(w, "  %-12s %s\n", s.Code, s.Label())
				}
			})
		case "note":
			if err := want(1, "đúng một mã hoặc họ tên cán bộ"); err != nil {
				return err
			}
			k, err := people.ParseNoteKind(*kind)
			if err != nil {
				return err
			}
			n := people.Note{Kind: k, Source: *source, Text: *text}
			if n.On, err = optDate(*date); err != nil {
				return err
			}
			n, err = o.AddStaffNote(e.ctx, pos[1], n)
			if err != nil {
				return err
			}
			return e.emit(n, func(w io.Writer) { noteLine(w, n) })
		case "notes":
			ref := ""
			if len(pos) == 2 {
				ref = pos[1]
			}
			ns, err := o.StaffNotes(e.ctx, ref)
			if err != nil {
				return err
			}
			return emitLines(e, ns, "", noteLine)
		}
		return unknownTask(pos[0], "sign, attach, list, missing, sets, note hoặc notes")
	})
}

func signingLine(w io.Writer, g people.Signing) {
	line := fmt.Sprintf("%d  %-28s ký ngày %s  %s", g.Year, g.StaffName, g.SignedOn.Format("02/01/2006"), strings.Join(g.Sets, ", "))
	if g.Scan != nil {
		line += fmt.Sprintf("  (bản quét %s, %d KB)", g.Scan.Name, (g.Scan.Size+1023)/1024)
	} else {
		line += "  (chưa có bản quét)"
	}
	fmt.Fprintln(w, line)
}

func noteLine(w io.Writer, n people.Note) {
	fmt.Fprintf(w, "%s  %-16s %s. Nguồn: %s\n", n.On.Format("02/01/2006"), n.Kind.Vietnamese(), n.Text, n.Source)
}

func runLetterSent(e *Env, args []string) error {
	fs := flag.NewFlagSet("letter-sent", flag.ContinueOnError)
	how := fs.String("how", "", "hand, post hoặc counter")
	year := fs.Int("year", 0, "năm của số thư")
	atS := fs.String("at", "", "thời điểm gửi")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *how == "" {
		return usagef("cần đúng một số thư (hoặc mã thư) và --how")
	}
	d, err := letters.ParseDelivery(*how)
	if err != nil {
		return err
	}
	at, err := parseAt(*atS)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		ls, err := o.Letters(e.ctx, office.LetterIssued, time.Time{})
		if err != nil {
			return err
		}
		y := *year
		if y == 0 {
			y = o.Now().Year()
		}
		var l *office.Letter
		for i := range ls {
			if ls[i].ID == pos[0] || ls[i].Year == y && fmt.Sprint(ls[i].Number) == strings.TrimLeft(pos[0], "0") {
				l = &ls[i]
				break
			}
		}
		if l == nil {
			return fmt.Errorf("không có thư đã cấp số %s năm %d; xem danh sách bằng lệnh motcua letters --status issued", pos[0], y)
		}
		s, err := o.MarkSent(e.ctx, l.ID, d, at)
		if err != nil {
			return err
		}
		return e.emit(s, func(w io.Writer) {
			fmt.Fprintf(w, "Đã ghi thư %s gửi %s: %s lúc %s.\n", office.LetterRef(*l), l.Recipient, strings.ToLower(d.Vietnamese()), s.SentAt.Format(stamp))
		})
	})
}

func runLetterCounts(e *Env, args []string) error {
	fs := flag.NewFlagSet("letter-counts", flag.ContinueOnError)
	year := fs.Int("year", 0, "năm")
	if _, err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		cs, err := o.LetterCounts(e.ctx, *year)
		if err != nil {
			return err
		}
		cs = orEmpty(cs)
		return e.emit(cs, func(w io.Writer) {
			if len(cs) == 0 {
				fmt.Fprintln(w, "Chưa có thư nào trong năm.")
				return
			}
			fmt.Fprintf(w, "%-7s %-26s %8s %8s %8s\n", "Tháng", "Loại thư", "Đã soạn", "Cấp số", "Đã gửi")
			for _, c := range cs {
				fmt.Fprintf(w, "%-7d %-26s %8d %8d %8d\n", c.Month, c.Name, c.Drafted, c.Issued, c.Sent)
			}
		})
	})
}

func runOutreach(e *Env, args []string) error {
	fs := flag.NewFlagSet("outreach", flag.ContinueOnError)
	if err := e.parseNoArgs(fs, args); err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		a, err := o.PeopleAlerts(e.ctx)
		if err != nil {
			return err
		}
		return e.emit(a, func(w io.Writer) {
			p := a.Pledge
			fmt.Fprintf(w, "Cam kết năm %d: %d/%d cán bộ đã ký (%.0f%%).", p.Year, p.Signed, p.Staff, p.Percent)
			if len(p.Missing) > 0 {
				fmt.Fprintf(w, " Chưa ký: %s.", strings.Join(p.Missing, ", "))
			}
			fmt.Fprintln(w)
			fmt.Fprintf(w, "Phản ánh quá hạn chưa trả lời: %d.\n", len(a.Feedback))
			for _, f := range a.Feedback {
				fmt.Fprintf(w, "  %s hạn %s: %s\n", f.Ref(), f.DueOn.Format("02/01/2006"), f.Content)
			}
			fmt.Fprintf(w, "Cam kết đối thoại quá hạn: %d.\n", len(a.Commitments))
			for _, c := range a.Commitments {
				fmt.Fprintf(w, "  %s, cam kết %d, hạn %s (%s): %s\n", c.Dialogue, c.Commitment.No, c.Commitment.Deadline.Format("02/01/2006"), c.Commitment.Owner, c.Commitment.Text)
			}
		})
	})
}
