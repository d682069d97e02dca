package app

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/people"
)

// settingGroups sorts the office's settings under headings; a key the list
// does not name goes under "Khác".
var settingGroups = []struct {
	title string
	keys  []string
}{
	{"Thông tin xã", []string{"commune", "parent_body", "province", "counter_name", "place_name", "address", "agency_code", "phone", "upper_level"}},
	{"Người ký", []string{"chair_name", "chair_title", "sign_as", "vice_chairs", "clerk_name"}},
	{"Giờ làm việc", []string{"hours.open", "hours.lunch_start", "hours.lunch_end", "hours.close", "hours.cutoff", "hours.return_at"}},
	{"Khác", []string{"form_set", "book_no"}},
}

// settingChoices are the usual values of a few settings, offered in a
// drop-down; the clerk may still type another (the office judges).
var settingChoices = map[string][]string{
	"chair_title": {"Chủ tịch", "Phó Chủ tịch"},
	"sign_as":     {"TM", "KT"},
	"form_set":    {office.FormSet2025, office.FormSet2018},
	// The program's profile (issue 11); it takes effect at the next start.
	"profile.mode": {office.ModeCommune, office.ModeUpper},
}

// settingsScreen is the commune profile and the office's settings, one
// "Lưu" for all, and the two documents printed from here: the register
// book and a staff member's pledge.
type settingsScreen struct {
	e *env

	entries map[string]*widget.Entry
	loaded  map[string]string // the values as last read from the office
	form    *fyne.Container
	save    *widget.Button
	undo    *widget.Button
	status  *widget.Label

	regFrom, regTo *widget.Entry
	regPrint       *widget.Button

	staffName, staffTitle, staffUnit, pledgeDate *widget.Entry
	pledgeBox                                    *fyne.Container
	pledgeChecks                                 map[string]*widget.Check
	pledgePrint                                  *widget.Button

	// This PC's display: theme, text size, printed documents' folder.
	themeSel, scaleSel *widget.Select
	docsDir            *widget.Entry
	// applyDisplay puts the chosen theme on the window (Run sets it; the
	// tests' windows keep the test theme).
	applyDisplay func()

	checks *settingsChecks // the database, the provisional years, the limits to confirm

	permNote *widget.Label // who may change the settings, when greyed out

	content fyne.CanvasObject
}

func newSettingsScreen(e *env) *settingsScreen {
	s := &settingsScreen{e: e, entries: map[string]*widget.Entry{}, loaded: map[string]string{}, pledgeChecks: map[string]*widget.Check{}}
	s.form = container.NewVBox(dimLabel("Đang đọc cài đặt…"))
	s.save = widget.NewButtonWithIcon("Lưu cài đặt", theme.DocumentSaveIcon(), s.doSave)
	s.save.Importance = widget.HighImportance
	s.undo = widget.NewButtonWithIcon("Bỏ các thay đổi chưa lưu", theme.ContentUndoIcon(), func() { s.fill(true) })
	s.status = dimLabel("")
	s.permNote = newPermitNote()

	left := container.NewBorder(heading("Cài đặt của xã"),
		container.NewVBox(widget.NewSeparator(), s.permNote, container.NewHBox(s.save, s.undo), s.status), nil, nil,
		container.NewVScroll(container.NewPadded(s.form)))

	// The register book, for a year or a range of days.
	now := e.off.Now()
	s.regFrom = widget.NewEntry()
	s.regFrom.SetPlaceHolder("ngày/tháng/năm")
	s.regTo = widget.NewEntry()
	s.regTo.SetPlaceHolder("ngày/tháng/năm")
	s.setRange(time.Date(now.Year(), 1, 1, 0, 0, 0, 0, now.Location()), now)
	year := widget.NewButton("Cả năm nay", func() {
		n := s.e.off.Now()
		s.setRange(time.Date(n.Year(), 1, 1, 0, 0, 0, 0, n.Location()), time.Date(n.Year(), 12, 31, 0, 0, 0, 0, n.Location()))
	})
	month := widget.NewButton("Tháng này", func() {
		n := s.e.off.Now()
		first := time.Date(n.Year(), n.Month(), 1, 0, 0, 0, 0, n.Location())
		s.setRange(first, first.AddDate(0, 1, -1))
	})
	s.regPrint = widget.NewButtonWithIcon("In sổ theo dõi hồ sơ", theme.DocumentPrintIcon(), s.printRegister)
	register := container.NewVBox(
		heading("In sổ theo dõi hồ sơ"),
		container.New(layout.NewFormLayout(),
			fieldLabel("Từ ngày"), container.NewBorder(nil, nil, nil, datePicker(e, s.regFrom, false), s.regFrom),
			fieldLabel("Đến ngày"), container.NewBorder(nil, nil, nil, datePicker(e, s.regTo, false), s.regTo)),
		container.NewHBox(layout.NewSpacer(), year, month),
		container.NewHBox(layout.NewSpacer(), s.regPrint),
	)

	// The pledge.
	s.staffName = widget.NewEntry()
	s.staffName.SetPlaceHolder("Họ và tên cán bộ, ví dụ: Nguyễn Thị Lan")
	s.staffTitle = widget.NewEntry()
	s.staffTitle.SetPlaceHolder("Ví dụ: Công chức Văn phòng - Thống kê")
	s.staffUnit = widget.NewEntry()
	s.staffUnit.SetPlaceHolder("Ví dụ: Trung tâm Phục vụ hành chính công xã")
	s.pledgeDate = widget.NewEntry()
	s.pledgeDate.SetText(fmtDate(now))
	s.pledgeBox = container.NewVBox()
	s.pledgePrint = widget.NewButtonWithIcon("In bản cam kết", theme.DocumentPrintIcon(), s.printPledge)
	pledge := container.NewVBox(
		heading("In bản cam kết của cán bộ"),
		container.New(layout.NewFormLayout(),
			fieldLabel("Họ tên *"), s.staffName,
			fieldLabel("Chức vụ"), s.staffTitle,
			fieldLabel("Đơn vị"), s.staffUnit,
			fieldLabel("Ngày ký"), container.NewBorder(nil, nil, nil, datePicker(e, s.pledgeDate, false), s.pledgeDate),
			fieldLabel("Nội dung cam kết"), s.pledgeBox),
		container.NewHBox(layout.NewSpacer(), s.pledgePrint),
	)
	s.checks = newSettingsChecks(e)
	right := container.NewVScroll(container.NewPadded(container.NewVBox(s.displayBox(), widget.NewSeparator(),
		s.checks.box, widget.NewSeparator(),
		register, widget.NewSeparator(), pledge)))

	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.SetOffset(0.55)
	s.content = split

	e.background(func() {
		sets, err := e.off.PledgeSets()
		e.do(func() { s.showSets(sets, err) })
	})
	s.reload()
	s.checks.reload()
	e.onPermits(s.guardSettings)
	return s
}

func (s *settingsScreen) setRange(from, to time.Time) {
	s.regFrom.SetText(fmtDate(from))
	s.regTo.SetText(fmtDate(to))
}

// showSets lists the pledge sets as tick boxes; a set the commune has not
// filled in yet cannot be ticked.
func (s *settingsScreen) showSets(sets []people.PledgeSet, err error) {
	s.pledgeBox.RemoveAll()
	if err != nil {
		s.pledgeBox.Add(dimLabel("Không đọc được các bộ cam kết: " + err.Error()))
		return
	}
	for _, set := range sets {
		label := set.Label()
		c := widget.NewCheck(label, nil)
		if set.CheckPrintable() != nil {
			c.Text = label + " – chưa có nội dung"
			c.Disable()
		}
		s.pledgeChecks[set.Code] = c
		s.pledgeBox.Add(c)
	}
}

// reload reads the settings; values typed and not saved are kept.
func (s *settingsScreen) reload() {
	s.e.background(func() {
		list, err := s.e.off.Settings(s.e.ctx)
		s.e.do(func() {
			if err != nil {
				s.status.SetText("Không đọc được cài đặt: " + err.Error())
				return
			}
			s.build(list)
		})
	})
}

// dirty reports whether an entry differs from what the office holds.
func (s *settingsScreen) dirty() bool {
	for k, en := range s.entries {
		if en.Text != s.loaded[k] {
			return true
		}
	}
	return false
}

// build makes one entry per setting under its heading (once), then fills
// the entries with the office's values unless the clerk is typing.
func (s *settingsScreen) build(list []office.Setting) {
	keepTyped := s.dirty()
	for _, st := range list {
		s.loaded[st.Key] = st.Value
	}
	if len(s.entries) == 0 {
		byKey := map[string]office.Setting{}
		for _, st := range list {
			byKey[st.Key] = st
		}
		placed := map[string]bool{}
		s.form.RemoveAll()
		// One form layout for every group, so the labels line up; a
		// group's heading takes a row of its own.
		f := container.New(layout.NewFormLayout())
		addGroup := func(title string, keys []string) {
			if len(keys) == 0 {
				return
			}
			f.Add(heading(title))
			f.Add(layout.NewSpacer())
			for _, k := range keys {
				st := byKey[k]
				var en *widget.Entry
				if k == "form_paper" {
					en = widget.NewEntry()
					en.OnChanged = func(string) { s.changed() }
					f.Add(fieldLabel(settingLabel(st.Label)))
					f.Add(paperChoice(en))
					s.entries[k] = en
					placed[k] = true
					continue
				} else if choices, ok := settingChoices[k]; ok {
					se := widget.NewSelectEntry(choices)
					en = &se.Entry
					f.Add(fieldLabel(settingLabel(st.Label)))
					f.Add(se)
				} else {
					en = widget.NewEntry()
					f.Add(fieldLabel(settingLabel(st.Label)))
					f.Add(en)
				}
				en.OnChanged = func(string) { s.changed() }
				s.entries[k] = en
				placed[k] = true
			}
		}
		for _, g := range settingGroups {
			var keys []string
			for _, k := range g.keys {
				if _, ok := byKey[k]; ok {
					keys = append(keys, k)
				}
			}
			if g.title == "Khác" {
				for _, st := range list {
					if !placed[st.Key] && !contains(keys, st.Key) {
						keys = append(keys, st.Key)
					}
				}
			}
			addGroup(g.title, keys)
		}
		s.form.Add(f)
	}
	if !keepTyped {
		s.fill(false)
	}
	s.prefillStaff()
	s.changed()
}

// settingLabel shortens the office's label for the form: the part in
// brackets goes, "Giờ mở cửa buổi sáng (07:00)" reads fine without it.
func settingLabel(l string) string {
	if i := strings.Index(l, " ("); i > 0 {
		return l[:i]
	}
	return l
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// fill puts the office's values in the entries; undo says so.
func (s *settingsScreen) fill(undo bool) {
	for k, en := range s.entries {
		en.SetText(s.loaded[k])
	}
	if undo {
		s.status.SetText("Đã bỏ các thay đổi chưa lưu.")
	}
	s.changed()
}

// changed enables "Lưu" when something differs.
func (s *settingsScreen) changed() {
	if s.dirty() {
		s.save.Enable()
		s.undo.Enable()
		if !strings.HasPrefix(s.status.Text, "Chưa lưu") {
			s.status.SetText("Chưa lưu: bấm “Lưu cài đặt” để ghi lại các thay đổi.")
		}
	} else {
		s.save.Disable()
		s.undo.Disable()
		if strings.HasPrefix(s.status.Text, "Chưa lưu") {
			s.status.SetText("")
		}
	}
	s.guardSettings()
}

// prefillStaff proposes the clerk's own name and unit for the pledge.
func (s *settingsScreen) prefillStaff() {
	if s.staffName.Text == "" {
		s.staffName.SetText(s.loaded["clerk_name"])
	}
	if s.staffUnit.Text == "" {
		s.staffUnit.SetText(s.loaded["counter_name"])
	}
}

// doSave sends every changed value at once: the office checks them all and
// saves all or nothing. On an error the form stays as typed.
func (s *settingsScreen) doSave() { s.saveThen(nil) }

// saveThen is doSave that runs after once the values are saved (not on an
// error, which is shown and keeps the form as typed).
func (s *settingsScreen) saveThen(after func()) {
	values := map[string]string{}
	for k, en := range s.entries {
		if en.Text != s.loaded[k] {
			values[k] = en.Text
		}
	}
	if len(values) == 0 {
		return
	}
	s.save.Disable()
	s.e.background(func() {
		err := s.e.off.SetSettings(s.e.ctx, values)
		var list []office.Setting
		if err == nil {
			list, err = s.e.off.Settings(s.e.ctx)
		}
		s.e.do(func() {
			if err != nil {
				s.save.Enable()
				s.e.showError(err, nil)
				return
			}
			for _, st := range list {
				s.loaded[st.Key] = st.Value
			}
			s.fill(false) // the office's tidied values
			s.status.SetText("Đã lưu " + strconv.Itoa(len(values)) + " cài đặt.")
			if s.e.settingsChanged != nil {
				s.e.settingsChanged()
			}
			if after != nil {
				after()
			}
		})
	})
}

// printRegister prints the register book for the chosen days.
func (s *settingsScreen) printRegister() {
	from, err := parseDate(s.regFrom.Text)
	if err == nil {
		var to time.Time
		if to, err = parseDate(s.regTo.Text); err == nil {
			name := "so-theo-doi-ho-so-" + strings.ReplaceAll(fmtDate(from), "/", "-") + "-den-" + strings.ReplaceAll(fmtDate(to), "/", "-") + ".pdf"
			if from.Day() == 1 && from.Month() == 1 && to.Day() == 31 && to.Month() == 12 && from.Year() == to.Year() {
				name = "so-theo-doi-ho-so-nam-" + strconv.Itoa(from.Year()) + ".pdf"
			}
			s.e.makeDocumentCtx("Sổ theo dõi hồ sơ từ "+fmtDate(from)+" đến "+fmtDate(to), name, "khổ A4 nằm ngang",
				func(ctx context.Context, w io.Writer) error { return s.e.off.PrintRegister(ctx, w, from, to) },
				func(doc *document) { s.e.offer(doc, false) })
			return
		}
	}
	s.e.showError(err, nil)
}

// printPledge prints one staff member's pledge to the ticked sets.
func (s *settingsScreen) printPledge() {
	date, err := parseDate(s.pledgeDate.Text)
	if err != nil {
		s.e.showError(err, nil)
		return
	}
	var codes []string
	for code, c := range s.pledgeChecks {
		if c.Checked {
			codes = append(codes, code)
		}
	}
	// In the order the sets are listed.
	var ordered []string
	for _, o := range s.pledgeBox.Objects {
		for _, code := range codes {
			if s.pledgeChecks[code] == o {
				ordered = append(ordered, code)
			}
		}
	}
	staff := people.Staff{Name: s.staffName.Text, Position: s.staffTitle.Text, Unit: s.staffUnit.Text}
	s.e.makeDocument("Bản cam kết của "+strings.TrimSpace(staff.Name), "ban-cam-ket-"+slug(staff.Name)+".pdf", "khổ A4",
		func(w io.Writer) error { return s.e.off.PrintPledge(w, staff, ordered, date) },
		func(doc *document) { s.e.offer(doc, false) })
}

// shown is called each time the screen is opened.
func (s *settingsScreen) shown() {
	s.reload()
	s.checks.reload()
}

// displayBox is how this PC shows the program: light or dark, text size,
// and the folder where printed documents are kept. They are the clerk's
// preferences on this PC, applied at once, not the office's settings.
func (s *settingsScreen) displayBox() fyne.CanvasObject {
	a := s.e.app
	p := a.Preferences()
	s.themeSel = widget.NewSelect(themeChoices, func(v string) {
		p.SetString(prefTheme, v)
		if s.applyDisplay != nil {
			s.applyDisplay()
		}
	})
	s.themeSel.SetSelected(p.StringWithFallback(prefTheme, themeLight))
	var labels []string
	for _, c := range scaleChoices {
		labels = append(labels, c.label)
	}
	s.scaleSel = widget.NewSelect(labels, func(v string) {
		for _, c := range scaleChoices {
			if c.label == v {
				p.SetFloat(prefScale, float64(c.scale))
			}
		}
		if s.applyDisplay != nil {
			s.applyDisplay()
		}
	})
	s.scaleSel.SetSelected(scaleLabel(p))
	s.docsDir = widget.NewEntry()
	s.docsDir.SetPlaceHolder("Để trống: thư mục tạm của phần mềm")
	s.docsDir.SetText(p.String(prefDocsDir))
	s.docsDir.OnChanged = func(v string) {
		p.SetString(prefDocsDir, strings.TrimSpace(v))
		s.e.tempDir = strings.TrimSpace(v)
	}
	return container.NewVBox(
		heading("Hiển thị trên máy này"),
		container.New(layout.NewFormLayout(),
			fieldLabel("Giao diện"), s.themeSel,
			fieldLabel("Cỡ chữ"), s.scaleSel,
			fieldLabel("Thư mục tài liệu in"), s.docsDir),
	)
}
