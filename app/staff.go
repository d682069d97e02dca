package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/people"
)

// staffScreen is the staff register with this year's pledge: a list with a
// detail pane, and the share of staff who signed on top.
type staffScreen struct {
	e        *env
	progress *widget.Label
	showAll  *widget.Check
	list     *keyList
	detail   *widget.Label
	add      *keyButton
	edit     *keyButton
	end      *keyButton
	sign     *keyButton
	note     *keyButton
	print    *keyButton
	form     *keyButton // prints the selected member's pledge form
	scan     *keyButton // attaches the scanned signed form
	setsBtn  *keyButton // chooses the pledge sets (pledgesets.go)
	sets     *pledgeSetsDialog
	permNote *widget.Label // who may, when something is greyed out

	rows     []office.Staff
	signed   map[string]people.Signing // staff id → this year's signing
	notes    map[string][]people.Note
	selected int
	content  fyne.CanvasObject
}

func newStaffScreen(e *env) *staffScreen {
	s := &staffScreen{e: e, selected: -1}
	s.progress = widget.NewLabel("")
	s.progress.Wrapping = fyne.TextWrapWord
	s.progress.TextStyle.Bold = true
	s.showAll = widget.NewCheck("Cả cán bộ đã thôi công tác", func(bool) { s.reload() })
	s.list = newKeyList(func() int { return len(s.rows) },
		func() fyne.CanvasObject { return truncLabel() },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.rowText(i)) })
	s.list.OnSelected = func(i widget.ListItemID) { s.selected = i; s.showDetail() }
	s.detail = widget.NewLabel("Chọn một cán bộ để xem chi tiết.")
	s.detail.Wrapping = fyne.TextWrapWord
	s.add = newButton("Thêm cán bộ…", theme.ContentAddIcon(), s.addStaff)
	s.edit = newButton("Sửa…", theme.DocumentCreateIcon(), s.editStaff)
	s.end = newButton("Thôi công tác…", theme.LogoutIcon(), s.endStaff)
	s.sign = newButton("Ghi ký cam kết năm nay", theme.ConfirmIcon(), s.signPledge)
	s.note = newButton("Ghi vi phạm, khen ngợi…", theme.InfoIcon(), s.addNote)
	s.print = newButton("In danh sách công khai", theme.DocumentPrintIcon(), s.printContacts)
	s.form = newButton("In bản cam kết", theme.DocumentPrintIcon(), s.printPledge)
	s.scan = newButton("Đính kèm bản quét…", theme.FileIcon(), s.pickScan)
	s.setsBtn = newButton("Bộ cam kết…", theme.SettingsIcon(), s.chooseSets)
	s.permNote = newPermitNote()
	top := container.NewVBox(s.progress, container.NewHBox(s.add, s.print, s.setsBtn, s.showAll), s.permNote)
	actions := container.NewVBox(container.NewHBox(s.sign, s.form, s.scan), container.NewHBox(s.note, s.edit, s.end))
	right := container.NewBorder(actions, nil, nil, nil, container.NewVScroll(s.detail))
	split := container.NewHSplit(s.list, right)
	split.Offset = 0.42
	s.content = container.NewBorder(top, nil, nil, nil, split)
	e.onPermits(s.updateButtons)
	return s
}

func (s *staffScreen) rowText(i int) string {
	if i >= len(s.rows) {
		return ""
	}
	st := s.rows[i]
	line := st.Name + " · " + st.Role.Vietnamese()
	switch _, signed := s.signed[st.ID]; {
	case st.End != nil:
		line += " · đã thôi công tác"
	case signed:
		line += " · đã ký cam kết"
	default:
		line += " · chưa ký cam kết"
	}
	return line
}

// reload reads the register, this year's signings and the notes.
func (s *staffScreen) reload() {
	all := s.showAll.Checked
	year := s.e.off.Now().Year()
	s.e.background(func() {
		rows, err := s.e.off.StaffList(s.e.ctx, all)
		var prog people.Progress
		var gs []people.Signing
		var notes []people.Note
		if err == nil {
			prog, err = s.e.off.PledgeProgress(s.e.ctx, year)
		}
		if err == nil {
			gs, err = s.e.off.PledgeSignings(s.e.ctx, year)
		}
		if err == nil {
			notes, err = s.e.off.StaffNotes(s.e.ctx, "")
		}
		s.e.do(func() {
			if err != nil {
				s.progress.SetText("Không đọc được danh sách cán bộ: " + err.Error())
				return
			}
			s.rows = rows
			s.signed = map[string]people.Signing{}
			for _, g := range gs {
				s.signed[g.StaffID] = g
			}
			s.notes = map[string][]people.Note{}
			for _, n := range notes {
				s.notes[n.StaffID] = append(s.notes[n.StaffID], n)
			}
			s.progress.SetText(progressText(prog))
			s.list.Refresh()
			if s.selected >= len(s.rows) {
				s.selected = -1
				s.list.UnselectAll()
			}
			s.showDetail()
		})
	})
}

func progressText(p people.Progress) string {
	if p.Staff == 0 {
		return "Danh sách cán bộ còn trống: bấm “Thêm cán bộ…” để bắt đầu."
	}
	t := fmt.Sprintf("Cam kết năm %d: %d/%d cán bộ đã ký (%.0f%%, mục tiêu 100%%).", p.Year, p.Signed, p.Staff, p.Percent)
	if len(p.Missing) > 0 {
		t += " Chưa ký: " + strings.Join(p.Missing, ", ") + "."
	}
	return t
}

func (s *staffScreen) current() (office.Staff, bool) {
	if s.selected < 0 || s.selected >= len(s.rows) {
		return office.Staff{}, false
	}
	return s.rows[s.selected], true
}

func (s *staffScreen) showDetail() {
	s.updateButtons()
	st, ok := s.current()
	if !ok {
		s.detail.SetText("Chọn một cán bộ để xem chi tiết.")
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s · %s\n", st.Name, st.Role.Vietnamese(), st.Position)
	if st.Unit != "" {
		fmt.Fprintf(&b, "Đơn vị: %s\n", st.Unit)
	}
	if st.Phone != "" || st.Email != "" {
		fmt.Fprintf(&b, "Điện thoại: %s  Thư điện tử: %s\n", st.Phone, st.Email)
	}
	fmt.Fprintf(&b, "Bắt đầu công tác: %s\n", fmtDate(st.Start))
	if st.End != nil {
		fmt.Fprintf(&b, "Thôi công tác từ: %s\n", fmtDate(*st.End))
	}
	if g, ok := s.signed[st.ID]; ok {
		fmt.Fprintf(&b, "\nĐã ký cam kết năm %d ngày %s: %s", g.Year, fmtDate(g.SignedOn), s.setNames(g.Sets))
		if g.Scan != nil {
			fmt.Fprintf(&b, " (có bản quét %s)", g.Scan.Name)
		}
		b.WriteString("\n")
	} else if st.End == nil {
		fmt.Fprintf(&b, "\nChưa ký cam kết năm %d.\n", s.e.off.Now().Year())
	}
	if ns := s.notes[st.ID]; len(ns) > 0 {
		b.WriteString("\nGhi nhận:\n")
		for _, n := range ns {
			fmt.Fprintf(&b, "- %s %s: %s (nguồn: %s)\n", fmtDate(n.On), n.Kind.Vietnamese(), n.Text, n.Source)
		}
	}
	s.detail.SetText(b.String())
}

// setNames are the printed names of pledge set codes: "4 xin, 5 không".
func (s *staffScreen) setNames(codes []string) string {
	all, err := s.e.off.PledgeSets()
	var out []string
	for _, c := range codes {
		if set, ok := people.FindSet(all, c); ok && err == nil {
			out = append(out, set.Label())
		} else {
			out = append(out, c)
		}
	}
	return strings.Join(out, ", ")
}

func (s *staffScreen) updateButtons() {
	st, ok := s.current()
	for _, b := range []*keyButton{s.end, s.sign, s.note, s.edit} {
		if ok && st.End == nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if ok && st.End == nil {
		s.form.Enable()
	} else {
		s.form.Disable()
	}
	_, signed := s.signed[st.ID]
	if ok && signed {
		s.sign.Disable()
		s.scan.Enable()
	} else {
		s.scan.Disable()
	}
	// The office says who may keep the staff register and the pledges.
	s.add.Enable()
	s.setsBtn.Enable()
	s.e.guardAll(s.permNote, map[people.Action][]fyne.Disableable{
		people.ActStaff:    {s.add, s.edit, s.end, s.sign, s.note, s.scan},
		people.ActSettings: {s.setsBtn},
	})
}

func roleNames() []string {
	var out []string
	for _, r := range people.Roles() {
		out = append(out, r.Vietnamese())
	}
	return out
}

// addStaff asks for a new staff member.
func (s *staffScreen) addStaff() {
	name := entryWith("Họ và tên, ví dụ: Nguyễn Thị Lan")
	title := entryWith("Ví dụ: Công chức Tư pháp - Hộ tịch")
	role := widget.NewSelect(roleNames(), nil)
	role.SetSelected(people.RoleCounter.Vietnamese())
	phone := entryWith("Ví dụ: 0912 345 678")
	email := entryWith("Ví dụ: lan@xa.gov.vn")
	start := entryWith("ngày/tháng/năm; bỏ trống là hôm nay")
	formDialog(s.e, "Thêm cán bộ", []formRow{{"Họ và tên *", name}, {"Vai trò *", role}, {"Chức vụ", title},
		{"Điện thoại", phone}, {"Thư điện tử", email}, {"Bắt đầu công tác", start}},
		func() error {
			r, err := people.ParseRole(role.Selected)
			if err != nil {
				return err
			}
			st := office.Staff{Name: name.Text, Role: r, Position: title.Text, Phone: phone.Text, Email: email.Text}
			if strings.TrimSpace(start.Text) != "" {
				if st.Start, err = parseDate(start.Text); err != nil {
					return err
				}
			}
			_, err = s.e.off.AddStaff(s.e.ctx, st)
			return err
		}, s.reload)
}

// editStaff changes the selected member's entry.
func (s *staffScreen) editStaff() {
	st, ok := s.current()
	if !ok {
		return
	}
	name := entryWith("Họ và tên")
	name.SetText(st.Name)
	title := entryWith("Chức vụ")
	title.SetText(st.Position)
	role := widget.NewSelect(roleNames(), nil)
	role.SetSelected(st.Role.Vietnamese())
	phone := entryWith("Điện thoại")
	phone.SetText(st.Phone)
	email := entryWith("Thư điện tử")
	email.SetText(st.Email)
	formDialog(s.e, "Sửa thông tin cán bộ", []formRow{{"Họ và tên *", name}, {"Vai trò *", role}, {"Chức vụ", title},
		{"Điện thoại", phone}, {"Thư điện tử", email}},
		func() error {
			r, err := people.ParseRole(role.Selected)
			if err != nil {
				return err
			}
			_, err = s.e.off.EditStaff(s.e.ctx, st.ID, func(x *office.Staff) error {
				x.Name, x.Role, x.Position, x.Phone, x.Email = name.Text, r, title.Text, phone.Text, email.Text
				return nil
			})
			return err
		}, s.reload)
}

func (s *staffScreen) endStaff() {
	st, ok := s.current()
	if !ok {
		return
	}
	day := entryWith("ngày/tháng/năm; bỏ trống là hôm nay")
	formDialog(s.e, "Ghi thôi công tác: "+st.Name, []formRow{{"Ngày thôi công tác", day}}, func() error {
		var t time.Time
		if strings.TrimSpace(day.Text) != "" {
			var err error
			if t, err = parseDate(day.Text); err != nil {
				return err
			}
		}
		_, err := s.e.off.EndStaff(s.e.ctx, st.ID, t)
		return err
	}, s.reload)
}

// signPledge records that the selected member signed this year's pledge
// today, to every set the commune chose.
func (s *staffScreen) signPledge() {
	st, ok := s.current()
	if !ok {
		return
	}
	s.e.background(func() {
		g, err := s.e.off.SignPledge(s.e.ctx, office.PledgeInput{Staff: st.ID})
		s.e.do(func() {
			if err != nil {
				s.e.showError(err, nil)
				return
			}
			s.e.info("Đã ghi cam kết", fmt.Sprintf("%s đã ký cam kết năm %d (%s).", st.Name, g.Year, s.setNames(g.Sets)))
			s.reload()
		})
	})
}

func (s *staffScreen) addNote() {
	st, ok := s.current()
	if !ok {
		return
	}
	kind := widget.NewSelect([]string{people.Praise.Vietnamese(), people.Violation.Vietnamese()}, nil)
	kind.SetSelected(people.Praise.Vietnamese())
	source := entryWith("Ví dụ: Thư khen của người dân; phản ánh đã xác minh")
	text := entryWith("Việc gì đã xảy ra")
	day := entryWith("ngày/tháng/năm; bỏ trống là hôm nay")
	formDialog(s.e, "Ghi nhận về "+st.Name, []formRow{{"Loại", kind}, {"Nguồn *", source}, {"Nội dung *", text}, {"Ngày", day}}, func() error {
		n := people.Note{Kind: people.Praise, Source: source.Text, Text: text.Text}
		if kind.Selected == people.Violation.Vietnamese() {
			n.Kind = people.Violation
		}
		if strings.TrimSpace(day.Text) != "" {
			var err error
			if n.On, err = parseDate(day.Text); err != nil {
				return err
			}
		}
		_, err := s.e.off.AddStaffNote(s.e.ctx, st.ID, n)
		return err
	}, s.reload)
}

func (s *staffScreen) printContacts() {
	s.e.makeDocument("Danh sách cán bộ, công chức tiếp nhận hồ sơ", "danh-sach-can-bo.pdf", "khổ A4",
		func(w io.Writer) error { return s.e.off.StaffContacts(s.e.ctx, w) },
		func(doc *document) { s.e.offer(doc, false) })
}

// printPledge prints the selected member's pledge form to the sets the
// commune chose, dated today, to be signed and then scanned.
func (s *staffScreen) printPledge() {
	st, ok := s.current()
	if !ok {
		return
	}
	now := s.e.off.Now()
	s.e.makeDocument("Bản cam kết của "+st.Name, "cam-ket-"+slug(st.Name)+".pdf", "khổ A4",
		func(w io.Writer) error {
			sets, err := s.e.off.ChosenPledgeSets(s.e.ctx)
			if err != nil {
				return err
			}
			var codes []string
			for _, set := range sets {
				codes = append(codes, set.Code)
			}
			return s.e.off.PrintPledge(w, st, codes, now)
		},
		func(doc *document) { s.e.offer(doc, false) })
}

// pickScan asks for the scanned signed form (PDF, JPEG or PNG).
func (s *staffScreen) pickScan() {
	st, ok := s.current()
	if !ok {
		return
	}
	s.e.askOpen("Chọn bản quét bản cam kết đã ký", scanFiles, func(path string) {
		name := filepath.Base(path)
		s.e.background(func() {
			data, err := readLimited(path, people.MaxScanBytes+1)
			s.e.do(func() {
				if err != nil {
					s.e.showError(fmt.Errorf("không đọc được tệp %s: %w", name, err), nil)
					return
				}
				s.attachScan(st, name, data)
			})
		})
	})
}

// attachScan stores the scan of st's signing of this year.
func (s *staffScreen) attachScan(st office.Staff, name string, data []byte) {
	year := s.e.off.Now().Year()
	s.e.background(func() {
		_, err := s.e.off.AttachPledgeScan(s.e.ctx, st.ID, year, name, data)
		s.e.do(func() {
			if err != nil {
				s.e.showError(err, nil)
				return
			}
			s.e.info("Đã đính kèm bản quét", fmt.Sprintf("Đã lưu bản quét %s vào bản cam kết năm %d của %s.", name, year, st.Name))
			s.reload()
		})
	})
}
