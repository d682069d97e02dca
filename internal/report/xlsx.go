package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/internal/calendar"
)

// Sheet names of the workbook.
const (
	SheetReport = "Báo cáo"
	SheetProcs  = "Theo thủ tục"
	SheetTrend  = "12 tháng"
	SheetBook   = "Sổ theo dõi hồ sơ"
)

// FigureLines are the report's lines: label and value, in the order the
// PDF and the screen show them too.
func (r Report) FigureLines() [][2]string {
	f := r.Total
	n := func(x int) string { return fmt.Sprint(x) }
	return [][2]string{
		{"Hồ sơ tiếp nhận trong kỳ", n(f.Received)},
		{"Hồ sơ đã trả kết quả trong kỳ", n(f.Returned)},
		{"   Trước hạn", n(f.Early)},
		{"   Đúng hạn", n(f.OnTime)},
		{"   Quá hạn", n(f.Late)},
		{"Tỷ lệ trước hạn và đúng hạn (mục tiêu trên 90%)", Percent(f.Rate, f.HasRate)},
		{"Hồ sơ xin lỗi, hẹn lại đã trả trong kỳ", n(f.Rescheduled)},
		{"   Trả đúng ngày hẹn lại", n(f.RescheduledKept)},
		{"   Trễ cả ngày hẹn lại", n(f.RescheduledLate)},
		{"Tỷ lệ nếu tính theo ngày hẹn lại (chỉ để đối chiếu)", Percent(f.RateAgainstNewDay, f.HasRate)},
		{"Hồ sơ từ chối giải quyết trong kỳ", n(f.Refused)},
		{"Hồ sơ công dân rút trong kỳ", n(f.Withdrawn)},
		{"Hồ sơ tiếp nhận trong kỳ còn đang giải quyết", n(f.InProgress)},
		{"   Trong đó đã quá hạn đến nay", n(f.OverdueNow)},
		{"Hồ sơ phải yêu cầu bổ sung", n(f.Supplements)},
		{"Hồ sơ có phiếu xin lỗi, hẹn lại", n(f.Apologies)},
		{"Thời gian giải quyết trung bình (ngày)", Decimal(f.AvgDays, 1)},
		{"Thời gian giải quyết trung vị (ngày)", Decimal(f.MedianDays, 1)},
	}
}

// ScoreLines are the self-score lines, each labelled as the commune's estimate.
func (r Report) ScoreLines() [][2]string {
	s := r.Score
	if !s.HasDossiers {
		return [][2]string{{"Tự chấm điểm (" + EstimateLabel + ")", "chưa có hồ sơ trả kết quả trong kỳ"}}
	}
	l := [][2]string{
		{"Chỉ số thời gian giải quyết, TT 01/2018 (0–2; " + EstimateLabel + ")", Decimal(s.TimeIndicator, 2)},
		{"Chỉ số số lần liên hệ, TT 01/2018 (0–2; " + EstimateLabel + ")", Decimal(s.ContactIndicator, 2)},
		{"Tiến độ, kết quả giải quyết, QĐ 766 (" + EstimateLabel + ")", Decimal(s.Progress, 1) + "/" + Decimal(s.ProgressMax, 0)},
	}
	if s.HasSatisfaction {
		l = append(l, [2]string{"Mức độ hài lòng, QĐ 766 (" + EstimateLabel + ")", Decimal(s.Satisfaction, 1) + "/" + Decimal(s.SatisfactionMax, 0)})
	}
	return l
}

// PeopleLines are the people figures recorded so far.
func (r Report) PeopleLines() [][2]string {
	p := r.People
	var l [][2]string
	ratio := func(label string, x *Ratio) {
		if x != nil {
			l = append(l, [2]string{label, fmt.Sprintf("%d/%d (%s)", x.N, x.Of, Percent(x.Share, x.Of > 0))})
		}
	}
	ratio("Người dân hài lòng / số lượt đánh giá", p.Satisfaction)
	ratio("Hồ sơ được đánh giá / hồ sơ đã trả", p.Rated)
	ratio("Phản ánh, kiến nghị trả lời đúng hạn", p.FeedbackOnTime)
	for _, k := range sortedKeys(p.Letters) {
		l = append(l, [2]string{"Thư đã gửi: " + k, fmt.Sprint(p.Letters[k])})
	}
	ratio("Cán bộ đã ký cam kết", p.Pledged)
	if len(p.NotPledged) > 0 {
		l = append(l, [2]string{"   Chưa ký cam kết: " + strings.Join(p.NotPledged, ", "), fmt.Sprint(len(p.NotPledged))})
	}
	if p.Dialogues != nil {
		l = append(l, [2]string{"Hội nghị đối thoại đã tổ chức", fmt.Sprint(*p.Dialogues)})
	}
	ratio("Cam kết tại đối thoại đã thực hiện", p.CommitmentsDone)
	return l
}

// Lines are all the report's lines, as the screen lists them.
func (r Report) Lines() [][2]string {
	l := r.FigureLines()
	l = append(l, r.PeopleLines()...)
	return append(l, r.ScoreLines()...)
}

// ProcedureHeader is the per-procedure table's heading.
var ProcedureHeader = []string{"Mã thủ tục", "Tên thủ tục", "Tiếp nhận", "Đã trả", "Trước hạn", "Đúng hạn", "Quá hạn",
	"Tỷ lệ trước hạn và đúng hạn", "Từ chối", "Rút", "Đang giải quyết", "Quá hạn đến nay", "Yêu cầu bổ sung", "Xin lỗi, hẹn lại",
	"Thời gian trung bình (ngày)", "Thời gian trung vị (ngày)"}

func figureCells(f Figures) []any {
	return []any{f.Received, f.Returned, f.Early, f.OnTime, f.Late, Percent(f.Rate, f.HasRate), f.Refused, f.Withdrawn,
		f.InProgress, f.OverdueNow, f.Supplements, f.Apologies, f.AvgDays, f.MedianDays}
}

// ProcedureRows are the per-procedure table with a total line.
func (r Report) ProcedureRows() [][]any {
	var rows [][]any
	for _, p := range r.Procedures {
		rows = append(rows, append([]any{p.Code, p.Name}, figureCells(p.Figures)...))
	}
	return append(rows, append([]any{"", "Tổng cộng"}, figureCells(r.Total)...))
}

// WriteXLSX writes the report and, when book is not nil, the register book
// of the period as a workbook Excel and LibreOffice open.
func WriteXLSX(w io.Writer, r Report, book []BookRow) error {
	return WriteXLSXStep(w, r, book, nil)
}

// WriteXLSXStep is WriteXLSX calling step, when set, before book row i;
// its error (a cancelled task) stops the workbook and is returned.
func WriteXLSXStep(w io.Writer, r Report, book []BookRow, step func(i int) error) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetReport); err != nil {
		return err
	}
	bold, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	title, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	head, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
		Border: borders(), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	cell, _ := x.NewStyle(&excelize.Style{Border: borders(), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	date, _ := x.NewStyle(&excelize.Style{Border: borders(), NumFmt: 14, CustomNumFmt: strp("dd/mm/yyyy"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}})

	// Report sheet.
	s := SheetReport
	set := func(sheet, ref string, v any) { _ = x.SetCellValue(sheet, ref, v) }
	heading := "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
	set(s, "A1", heading)
	_ = x.SetCellStyle(s, "A1", "A1", title)
	if r.Commune != "" {
		set(s, "A2", r.Commune)
	}
	set(s, "A3", r.Period.Label+" ("+r.Period.Range()+")")
	set(s, "A4", "Số liệu đến "+r.Generated.Format("15:04 02/01/2006"))
	row := 6
	for _, l := range r.FigureLines() {
		set(s, fmt.Sprintf("A%d", row), l[0])
		set(s, fmt.Sprintf("B%d", row), l[1])
		row++
	}
	row++
	set(s, fmt.Sprintf("A%d", row), r.RateBasis)
	row += 2
	if pl := r.PeopleLines(); len(pl) > 0 {
		set(s, fmt.Sprintf("A%d", row), "Hài lòng, phản ánh, thư, cam kết, đối thoại")
		_ = x.SetCellStyle(s, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), bold)
		row++
		for _, l := range pl {
			set(s, fmt.Sprintf("A%d", row), l[0])
			set(s, fmt.Sprintf("B%d", row), l[1])
			row++
		}
		row++
	}
	set(s, fmt.Sprintf("A%d", row), "Tự chấm điểm ("+EstimateLabel+", không phải điểm chính thức)")
	_ = x.SetCellStyle(s, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), bold)
	row++
	for _, l := range r.ScoreLines() {
		set(s, fmt.Sprintf("A%d", row), l[0])
		set(s, fmt.Sprintf("B%d", row), l[1])
		row++
	}
	if len(r.Unavailable) > 0 {
		row++
		set(s, fmt.Sprintf("A%d", row), "Chưa có số liệu: ")
		for i, u := range r.Unavailable {
			set(s, fmt.Sprintf("B%d", row+i), u)
		}
	}
	_ = x.SetColWidth(s, "A", "A", 60)
	_ = x.SetColWidth(s, "B", "B", 22)

	// Per procedure.
	s = SheetProcs
	if _, err := x.NewSheet(s); err != nil {
		return err
	}
	if err := table(x, s, ProcedureHeader, r.ProcedureRows(), head, cell); err != nil {
		return err
	}
	_ = x.SetColWidth(s, "B", "B", 40)

	// Trend.
	if len(r.Trend) > 0 {
		s = SheetTrend
		if _, err := x.NewSheet(s); err != nil {
			return err
		}
		var rows [][]any
		for _, p := range r.Trend {
			rows = append(rows, append([]any{p.Period.Label, p.Period.Range()}, figureCells(p.Total)...))
		}
		if err := table(x, s, append([]string{"Tháng", "Từ ngày – đến ngày"}, ProcedureHeader[2:]...), rows, head, cell); err != nil {
			return err
		}
		_ = x.SetColWidth(s, "A", "B", 24)
	}

	// Register book.
	if book != nil {
		s = SheetBook
		if _, err := x.NewSheet(s); err != nil {
			return err
		}
		set(s, "A1", "SỔ THEO DÕI HỒ SƠ")
		_ = x.SetCellStyle(s, "A1", "A1", title)
		set(s, "A2", r.Period.Label+" ("+r.Period.Range()+")")
		hr := 4
		for i, h := range BookColumns {
			ref, _ := excelize.CoordinatesToCellName(i+1, hr)
			set(s, ref, h)
		}
		last, _ := excelize.CoordinatesToCellName(len(BookColumns), hr)
		_ = x.SetCellStyle(s, "A4", last, head)
		_ = x.SetRowHeight(s, hr, 48)
		for i, b := range book {
			if step != nil {
				if err := step(i); err != nil {
					return err
				}
			}
			rn := hr + 1 + i
			vals := []any{b.EntryNo, b.Code, b.Procedure, b.Sets, b.Applicant, joinNonEmpty(b.Address, b.Phone), b.HandlingUnit,
				tval(&b.ReceivedAt), tval(&b.DueAt), tval(b.ForwardedAt), tval(b.ResultAt), tval(b.ReturnedAt), b.ResultMethod, "", b.Note}
			for c, v := range vals {
				ref, _ := excelize.CoordinatesToCellName(c+1, rn)
				set(s, ref, v)
			}
		}
		if n := len(book); n > 0 {
			end, _ := excelize.CoordinatesToCellName(len(BookColumns), hr+n)
			_ = x.SetCellStyle(s, fmt.Sprintf("A%d", hr+1), end, cell)
			_ = x.SetCellStyle(s, fmt.Sprintf("H%d", hr+1), fmt.Sprintf("L%d", hr+n), date)
		}
		for i, wdt := range []float64{6, 30, 28, 8, 24, 30, 20, 12, 12, 12, 12, 12, 16, 10, 20} {
			c, _ := excelize.ColumnNumberToName(i + 1)
			_ = x.SetColWidth(s, c, c, wdt)
		}
		_ = x.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: hr, TopLeftCell: fmt.Sprintf("A%d", hr+1), ActivePane: "bottomLeft"})
		_ = x.SetPageLayout(s, &excelize.PageLayoutOptions{Orientation: strp("landscape"), Size: intp(9)})
	}
	x.SetActiveSheet(0)
	return x.Write(w)
}

func table(x *excelize.File, s string, header []string, rows [][]any, head, cell int) error {
	for i, h := range header {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := x.SetCellValue(s, ref, h); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	_ = x.SetCellStyle(s, "A1", last, head)
	_ = x.SetRowHeight(s, 1, 45)
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if err := x.SetCellValue(s, ref, v); err != nil {
				return err
			}
		}
	}
	if len(rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(header), len(rows)+1)
		_ = x.SetCellStyle(s, "A2", end, cell)
	}
	_ = x.SetColWidth(s, "A", "A", 18)
	_ = x.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	return nil
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, t := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: t, Color: "999999", Style: 1})
	}
	return b
}

func strp(s string) *string { return &s }
func intp(i int) *int       { return &i }

// tval gives Excel the wall-clock time in Vietnam: excelize stores a time
// by its UTC reading, which would move an early-morning entry to the day
// before.
func tval(t *time.Time) any {
	if t == nil || t.IsZero() {
		return ""
	}
	y, m, d := t.In(calendar.Zone).Date()
	h, mi, _ := t.In(calendar.Zone).Clock()
	return time.Date(y, m, d, h, mi, 0, 0, time.UTC)
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

func sortedKeys(m map[string]int) []string {
	k := make([]string, 0, len(m))
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}
