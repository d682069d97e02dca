package docs

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"motcua/internal/report"
)

// ReportInput is the period report of the commune's one-stop office.
type ReportInput struct {
	Report     report.Report
	UpperLevel string // first entry of "Nơi nhận", e.g. "Văn phòng UBND tỉnh"
}

// ReportPDF prints the period report on A4 in the layout of Decree 30/2020: the heading, the
// figures, the tables by receipt channel and by procedure, the 12-month chart (bars of
// outcomes by month, a line of the early-or-on-time rate against the 90% target), the people
// figures recorded, the commune's own estimate of its score, and the signature.
func ReportPDF(w io.Writer, f *Fonts, p Profile, in ReportInput) error {
	r := in.Report
	if r.Period.From.IsZero() {
		return errors.New("chưa chọn kỳ báo cáo")
	}
	d := newDoc(f, "P", "A4", a4Margins, meta{title: "Báo cáo kết quả giải quyết thủ tục hành chính " + r.Period.Label, author: p.Body, date: r.Generated})
	d.demo = p.Demo
	d.onPage = pageNumberTop(13)
	d.section()
	d.header(header{parent: p.bodyParent(), body: p.Body, number: "Số: " + dots + "/BC-UBND",
		place: placeDate(p.placeName(), r.Generated), size: 13, qhSize: 13, mottoSize: 14})
	d.gap(14)
	d.para(para{runs: []run{bd("BÁO CÁO")}, size: 14, al: alignCenter})
	d.para(para{runs: []run{bd("Kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa, " + lowerFirst(r.Period.Label))}, size: 14, al: alignCenter, after: 10})
	d.para(para{runs: []run{rg(fmt.Sprintf("Kỳ báo cáo từ ngày %s đến ngày %s. Số liệu lấy từ sổ theo dõi hồ sơ, tính đến %s.",
		r.Period.From.Format("02/01/2006"), r.Period.Last().Format("02/01/2006"), r.Generated.In(Zone).Format("15 giờ 04, ngày 02/01/2006")))},
		size: 13, al: alignJustify, indent: 12.7, after: 6})

	heading := func(s string) {
		d.need(d.lineH(13) * 4)
		d.para(para{runs: []run{bd(s)}, size: 13, al: alignLeft, after: 4})
	}
	part := 0
	section := func(s string) {
		part++
		heading([]string{"I", "II", "III", "IV", "V"}[part-1] + ". " + s)
	}
	section("TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ")
	cw := d.contentW()
	pairs(d, cw, r.FigureLines())
	d.gap(4)
	d.para(para{runs: []run{it(r.RateBasis)}, size: 12, al: alignJustify, indent: 12.7, after: 6})

	heading("Theo kênh tiếp nhận")
	chCols := []col{{cw * 0.34, alignLeft}, {cw * 0.165, alignCenter}, {cw * 0.165, alignCenter}, {cw * 0.165, alignCenter}, {cw * 0.165, alignCenter}}
	headRow(d, chCols, []string{"Kênh", "Tiếp nhận", "Đã trả", "Quá hạn", "Tỷ lệ trước hạn, đúng hạn"})
	for _, c := range r.Channels {
		d.row(table{x: d.m.left, cols: chCols, size: 11, pad: 1}, cells(c.Name, c.Received, c.Returned, c.Late, report.Percent(c.Rate, c.HasRate)))
	}
	d.gap(6)

	heading("Theo thủ tục hành chính")
	pc := []col{{cw * 0.36, alignLeft}, {cw * 0.09, alignCenter}, {cw * 0.08, alignCenter}, {cw * 0.08, alignCenter}, {cw * 0.08, alignCenter},
		{cw * 0.08, alignCenter}, {cw * 0.1, alignCenter}, {cw * 0.13, alignCenter}}
	pt := table{x: d.m.left, cols: pc, size: 10, pad: 1}
	titles := []string{"Thủ tục", "Tiếp nhận", "Đã trả", "Trước hạn", "Đúng hạn", "Quá hạn", "Tỷ lệ", "Trung bình / trung vị (ngày)"}
	pt.header = func(d *doc) { headRow(d, pc, titles) }
	pt.header(d)
	pt.headH = 12
	for _, x := range r.Procedures {
		d.row(pt, cells(x.Name, x.Received, x.Returned, x.Early, x.OnTime, x.Late, report.Percent(x.Rate, x.HasRate),
			report.Decimal(x.AvgDays, 1)+" / "+report.Decimal(x.MedianDays, 1)))
	}
	t := r.Total
	d.row(table{x: d.m.left, cols: pc, size: 10, pad: 1}, [][]run{{bd("Tổng cộng")}, {bd(fmt.Sprint(t.Received))}, {bd(fmt.Sprint(t.Returned))},
		{bd(fmt.Sprint(t.Early))}, {bd(fmt.Sprint(t.OnTime))}, {bd(fmt.Sprint(t.Late))}, {bd(report.Percent(t.Rate, t.HasRate))},
		{bd(report.Decimal(t.AvgDays, 1) + " / " + report.Decimal(t.MedianDays, 1))}})
	d.gap(8)

	if len(r.Trend) > 0 {
		const chartH = 80.0
		d.need(d.lineH(13)*2 + chartH + 14)
		section("DIỄN BIẾN 12 THÁNG")
		trendChart(d, d.m.left, d.y, cw, chartH, r.Trend, r.Target)
		d.y += chartH + 2
		d.gap(6)
	}

	section("HÀI LÒNG, PHẢN ÁNH, THƯ, CAM KẾT, ĐỐI THOẠI")
	if pl := r.PeopleLines(); len(pl) > 0 {
		pairs(d, cw, pl)
	}
	if len(r.Unavailable) > 0 {
		d.gap(4)
		d.para(para{runs: []run{it("Chưa có số liệu trong phần mềm: " + strings.Join(r.Unavailable, "; ") + ".")}, size: 12, al: alignJustify, indent: 12.7, after: 6})
	}

	section("TỰ ĐÁNH GIÁ (" + strings.ToUpper(report.EstimateLabel) + ")")
	d.para(para{runs: []run{it("Điểm do xã tự tính từ sổ theo dõi hồ sơ theo tinh thần Thông tư 01/2018/TT-VPCP (chỉ số 2/1/0 cho mỗi hồ sơ) và Quyết định 766/QĐ-TTg (các nhóm xã tự tính được); không phải kết quả đánh giá chính thức.")},
		size: 12, al: alignJustify, indent: 12.7, after: 4})
	pairs(d, cw, r.ScoreLines())

	d.gap(10)
	if err := d.closing(p, p.Signer(), p.noiNhanItems([]string{in.UpperLevel}, nil), ""); err != nil {
		return err
	}
	return d.output(w)
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func cells(vs ...any) [][]run {
	out := make([][]run, len(vs))
	for i, v := range vs {
		out[i] = []run{rg(fmt.Sprint(v))}
	}
	return out
}

// headRow draws a table's heading row: bold titles centred in boxes as tall as the tallest.
func headRow(d *doc, cols []col, titles []string) {
	const size = 10
	h := 0.0
	for i, c := range cols {
		h = max(h, d.boxHeight([]run{bd(titles[i])}, size, c.w))
	}
	d.need(h + d.lineH(size)*2)
	x := d.m.left
	for i, c := range cols {
		d.box(x, d.y, c.w, h, []run{bd(titles[i])}, size)
		x += c.w
	}
	d.y += h
}

// pairs draws label–value lines as a two-column bordered table.
func pairs(d *doc, w float64, lines [][2]string) {
	t := table{x: d.m.left, cols: []col{{w * 0.75, alignLeft}, {w * 0.25, alignCenter}}, size: 12, pad: 1}
	for _, l := range lines {
		label := []run{rg(strings.TrimLeft(l[0], " "))}
		if strings.HasPrefix(l[0], " ") {
			label = []run{it("     " + strings.TrimLeft(l[0], " "))}
		}
		d.row(t, [][]run{label, {bd(l[1])}})
	}
}

// Chart colours: distinct in hue and in lightness, so a grey printout still tells them apart.
var (
	colEarly  = [3]int{46, 125, 50}
	colOnTime = [3]int{129, 199, 132}
	colLate   = [3]int{198, 40, 40}
	colRate   = [3]int{21, 101, 192}
)

// trendChart draws, in the box (x, y, w, h), one stacked bar per month (early, on time, late
// among the dossiers returned that month; left scale) and the line of the early-or-on-time
// rate (right scale, 0–100%) with the target as a dashed line.
func trendChart(d *doc, x, y, w, h float64, pts []report.Point, target float64) {
	const size = 8.5
	pdf := d.pdf
	legendH := d.lineH(size) + 2
	axisL, axisR := 10.0, 10.0
	labelH := d.lineH(size) + 1
	px, py := x+axisL, y+2
	pw, ph := w-axisL-axisR, h-legendH-labelH-2
	maxN := 0
	for _, p := range pts {
		maxN = max(maxN, p.Total.Returned)
	}
	top := niceCeil(maxN)
	pdf.SetLineWidth(0.15)
	pdf.SetDrawColor(200, 200, 200)
	for i := 0; i <= 4; i++ {
		gy := py + ph - ph*float64(i)/4
		pdf.Line(px, gy, px+pw, gy)
		d.column(x, axisL-1, gy-d.lineH(size)/2, []run{rg(fmt.Sprint(top * i / 4))}, size, alignRight)
		d.column(px+pw+1, axisR-1, gy-d.lineH(size)/2, []run{rg(fmt.Sprintf("%d%%", 25*i))}, size, alignLeft)
	}
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetLineWidth(0.3)
	pdf.Line(px, py+ph, px+pw, py+ph)
	slot := pw / float64(len(pts))
	bw := slot * 0.6
	fill := func(c [3]int) { pdf.SetFillColor(c[0], c[1], c[2]) }
	var line [][2]float64
	for i, p := range pts {
		bx := px + slot*float64(i) + (slot-bw)/2
		base := py + ph
		for _, part := range []struct {
			n int
			c [3]int
		}{{p.Total.Early, colEarly}, {p.Total.OnTime, colOnTime}, {p.Total.Late, colLate}} {
			if part.n == 0 || top == 0 {
				continue
			}
			bh := ph * float64(part.n) / float64(top)
			fill(part.c)
			pdf.Rect(bx, base-bh, bw, bh, "F")
			base -= bh
		}
		label := p.Period.Key
		if len(label) == 7 { // 2027-01 → 01/27
			label = label[5:] + "/" + label[2:4]
		}
		d.column(px+slot*float64(i), slot, py+ph+0.8, []run{rg(label)}, size, alignCenter)
		if p.Total.HasRate {
			line = append(line, [2]float64{px + slot*float64(i) + slot/2, py + ph - ph*p.Total.Rate})
		}
	}
	// Target line, dashed.
	ty := py + ph - ph*target
	pdf.SetDrawColor(colLate[0], colLate[1], colLate[2])
	pdf.SetLineWidth(0.3)
	pdf.SetDashPattern([]float64{1.5, 1}, 0)
	pdf.Line(px, ty, px+pw, ty)
	pdf.SetDashPattern(nil, 0)
	// Rate line with its points.
	pdf.SetDrawColor(colRate[0], colRate[1], colRate[2])
	pdf.SetLineWidth(0.5)
	for i := 1; i < len(line); i++ {
		pdf.Line(line[i-1][0], line[i-1][1], line[i][0], line[i][1])
	}
	fill(colRate)
	for _, pt := range line {
		pdf.Circle(pt[0], pt[1], 0.7, "F")
	}
	pdf.SetDrawColor(0, 0, 0)
	// Legend.
	ly := py + ph + labelH + 1
	lx := x
	item := func(c [3]int, text string, lineStyle bool) {
		if lineStyle {
			pdf.SetDrawColor(c[0], c[1], c[2])
			pdf.SetLineWidth(0.5)
			pdf.Line(lx, ly+legendH/2-0.5, lx+5, ly+legendH/2-0.5)
			pdf.SetDrawColor(0, 0, 0)
		} else {
			fill(c)
			pdf.Rect(lx, ly+0.5, 4, 3, "F")
		}
		lx += 6
		d.column(lx, w, ly-0.5, []run{rg(text)}, size, alignLeft)
		lx += d.f.width(regular, size, text) + 4
	}
	item(colEarly, "Trước hạn", false)
	item(colOnTime, "Đúng hạn", false)
	item(colLate, "Quá hạn", false)
	item(colRate, "Tỷ lệ trước hạn, đúng hạn", true)
	item(colLate, fmt.Sprintf("Mục tiêu %d%%", int(math.Round(target*100))), true)
}

// niceCeil rounds a count up to a scale whose quarters are whole numbers.
func niceCeil(n int) int {
	if n <= 4 {
		return 4
	}
	step := 1
	for step*4*10 <= n {
		step *= 10
	}
	for _, m := range []int{1, 2, 5, 10} {
		if step*m*4 >= n {
			return step * m * 4
		}
	}
	return step * 40
}
