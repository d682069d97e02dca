package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"motcua/internal/office"
	"motcua/internal/people"
)

func init() {
	addCommand(command{"staff", "add --name HỌ_TÊN --role VAI_TRÒ [--title CHỨC_VỤ] [--unit ĐƠN_VỊ] [--phone SĐT] [--email E] [--start YYYY-MM-DD] | edit MÃ|HỌ_TÊN [--…] | end MÃ|HỌ_TÊN [--date YYYY-MM-DD] | list [--all] | print -o TỆP.pdf",
		"Danh sách cán bộ, công chức: thêm, sửa, ghi ngày thôi công tác, liệt kê, in danh sách công khai tại quầy. Vai trò: counter (cán bộ một cửa), chair (chủ tịch), vice_chair (phó chủ tịch), specialist (công chức chuyên môn), admin (quản trị).", runStaff})
}

// useOffice opens the office for one command and closes it after.
func (e *Env) useOffice(fn func(o *office.Office) error) error {
	o, err := e.office()
	if err != nil {
		return err
	}
	defer o.Close()
	return fn(o)
}

// optDate parses an optional YYYY-MM-DD flag.
func optDate(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	return parseDate(s)
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
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("cần một việc: add, edit, end, list hoặc print")
	}
	return e.useOffice(func(o *office.Office) error {
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
			if list == nil {
				list = []people.Staff{}
			}
			return e.emit(list, func(w io.Writer) {
				if len(list) == 0 {
					fmt.Fprintln(w, "Danh sách cán bộ còn trống; thêm bằng lệnh motcua staff add.")
				}
				for _, s := range list {
					staffLine(w, s)
				}
			})
		case "print":
			if err := writePDF(*out, func(w io.Writer) error { return o.StaffContacts(e.ctx, w) }); err != nil {
				return err
			}
			return e.printed(*out, nil, "Đã in danh sách cán bộ tiếp nhận hồ sơ ra tệp")
		}
		return usagef("không có việc %q: dùng add, edit, end, list hoặc print", pos[0])
	})
}
