package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// communesScreen is "Các xã", the upper level's first screen (issue 11):
// the registered communes with their last bundle, the bundles missing from
// their sequence and their figures for a chosen month, the combined
// figures, and the way to the import of a bundle.
type communesScreen struct {
	e *env

	month   *widget.Entry
	show    *widget.Button
	doImp   *widget.Button
	status  *widget.Label
	table   *widget.Table
	rows    [][]string // header first, then one row a commune, then the total
	content fyne.CanvasObject

	// goImport opens the screen that checks and imports a bundle.
	goImport func()
}

var communeColumns = []struct {
	title string
	width float32
}{
	{"Xã", 190}, {"Mã cơ quan", 120}, {"Gói cuối", 70}, {"Thiếu gói", 110}, {"Đủ kỳ", 60},
	{"Tiếp nhận", 80}, {"Đã trả", 70}, {"Quá hạn", 70}, {"Hài lòng", 90}, {"Thư", 50},
	{"Cam kết", 70}, {"Phản ánh", 75}, {"Đối thoại", 75},
}

func newCommunesScreen(e *env) *communesScreen {
	s := &communesScreen{e: e}
	now := e.off.Now()
	last := now.AddDate(0, 0, -now.Day())
	s.month = widget.NewEntry()
	s.month.SetText(last.Format("01/2006"))
	s.month.SetPlaceHolder("tháng/năm, ví dụ 11/2026")
	s.month.OnSubmitted = func(string) { s.reload() }
	s.show = widget.NewButtonWithIcon("Xem", theme.ViewRefreshIcon(), s.reload)
	s.doImp = widget.NewButtonWithIcon("Nhập gói của xã…", theme.DownloadIcon(), func() {
		if s.goImport != nil {
			s.goImport()
		}
	})
	s.doImp.Importance = widget.HighImportance
	s.status = dimLabel("")
	s.rows = [][]string{communeHeader()}
	s.table = widget.NewTable(
		func() (int, int) { return len(s.rows), len(communeColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0 || id.Row == len(s.rows)-1 && len(s.rows) > 2
			if id.Row < len(s.rows) && id.Col < len(s.rows[id.Row]) {
				l.SetText(s.rows[id.Row][id.Col])
			} else {
				l.SetText("")
			}
		})
	for i, c := range communeColumns {
		s.table.SetColumnWidth(i, c.width)
	}
	top := container.NewVBox(heading("Các xã gửi gói dữ liệu"),
		container.NewHBox(fieldLabel("Tháng"), container.NewGridWrap(fyne.NewSize(130, s.month.MinSize().Height), s.month), s.show,
			layout.NewSpacer(), s.doImp),
		s.status)
	s.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, s.table)
	return s
}

func communeHeader() []string {
	h := make([]string, len(communeColumns))
	for i, c := range communeColumns {
		h[i] = c.title
	}
	return h
}

func (s *communesScreen) shown() { s.reload() }

// period reads the month typed.
func (s *communesScreen) period() (office.Period, error) {
	m, err := time.Parse("1/2006", strings.TrimSpace(strings.ReplaceAll(s.month.Text, "-", "/")))
	if err != nil {
		return office.Period{}, fmt.Errorf("tháng “%s” không đúng dạng tháng/năm, ví dụ 11/2026", s.month.Text)
	}
	return office.MonthPeriod(m.Year(), m.Month()), nil
}

// reload asks the office for the communes of the month, off the UI goroutine.
func (s *communesScreen) reload() {
	p, err := s.period()
	if err != nil {
		s.status.SetText(capitalise(err.Error()))
		return
	}
	s.e.background(func() {
		cs, total, err := s.e.off.Communes(s.e.ctx, p)
		s.e.do(func() {
			if err != nil {
				s.status.SetText(capitalise(err.Error()))
				return
			}
			s.rows = communeRows(cs, total)
			s.table.Refresh()
			s.status.SetText(communesSummary(cs, p))
		})
	})
}

func communeRows(cs []office.CommuneStatus, total office.Figures) [][]string {
	rows := [][]string{communeHeader()}
	for _, c := range cs {
		var gaps []string
		for _, n := range c.Missing {
			gaps = append(gaps, strconv.FormatInt(n, 10))
		}
		sent := "đủ"
		if !c.Sent {
			sent = "CHƯA"
		}
		rows = append(rows, append([]string{c.Name, c.Agency, strconv.FormatInt(c.LastSequence, 10), strings.Join(gaps, ", "), sent}, figureCells(c.Figures)...))
	}
	if len(cs) > 0 {
		rows = append(rows, append([]string{fmt.Sprintf("Tổng hợp %d xã", len(cs)), "", "", "", ""}, figureCells(total)...))
	}
	return rows
}

func figureCells(f office.Figures) []string {
	sat := "–"
	if f.Ratings > 0 {
		sat = fmt.Sprintf("%d/%d", f.Satisfied, f.Ratings)
	}
	return []string{strconv.Itoa(f.Received), strconv.Itoa(f.Returned), strconv.Itoa(f.Late), sat,
		strconv.Itoa(f.Letters), strconv.Itoa(f.Pledges), strconv.Itoa(f.Feedback), strconv.Itoa(f.Dialogues)}
}

// communesSummary says which communes have not sent the month, and the gaps.
func communesSummary(cs []office.CommuneStatus, p office.Period) string {
	if len(cs) == 0 {
		return "Chưa có xã nào đăng ký với máy này. Bấm “Nhập gói của xã…” để nhập gói đầu tiên của một xã."
	}
	var notSent, gaps []string
	for _, c := range cs {
		if !c.Sent {
			notSent = append(notSent, c.Name)
		}
		if t := office.MissingText(c.Name, c.Missing); t != "" {
			gaps = append(gaps, capitalise(t))
		}
	}
	msg := fmt.Sprintf("Kỳ %s: %d xã đăng ký.", p, len(cs))
	if len(notSent) > 0 {
		msg += " Chưa gửi đủ kỳ: " + strings.Join(notSent, ", ") + "."
	} else {
		msg += " Các xã đều đã gửi đủ kỳ."
	}
	if len(gaps) > 0 {
		msg += " " + strings.Join(gaps, ". ") + "."
	}
	return msg
}
