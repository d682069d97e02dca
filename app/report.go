package app

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/people"
	"motcua/internal/report"
)

// reportScreen shows the figures the commune is judged by for a period the
// clerk picks, with the 12-month chart, and saves them as PDF or Excel. The
// figures are computed off the UI goroutine; a newer request makes an older
// result stale, so a slow year never overwrites the month picked after it.
type reportScreen struct {
	e *env

	kind   *widget.Select // Tháng, Quý, 6 tháng, Năm
	part   *widget.Select // the month, quarter or half
	year   *widget.Select
	yearL  *widget.Label
	from   *widget.Entry // custom range, dd/mm/yyyy
	to     *widget.Entry
	view   *widget.Button
	status *widget.Label
	head   *widget.Label // the period and its days
	lines  *fyne.Container
	basis  *widget.Label
	chart  *trendChart
	pdf    *widget.Button
	xlsx   *widget.Button
	imp    *widget.Button // import the Excel register kept so far
	custom *fyne.Container

	content fyne.CanvasObject
	gen     int           // generation of the latest request
	rep     report.Report // what is shown
	has     bool
}

var reportKinds = []string{"Tháng", "Quý", "6 tháng", "Năm", kindCustom}

// kindCustom is any range of days the clerk types.
const kindCustom = "Khoảng ngày"

func newReportScreen(e *env) *reportScreen {
	r := &reportScreen{e: e}
	now := e.off.Now()
	var years []string
	for y := now.Year() + 1; y >= now.Year()-10; y-- {
		years = append(years, strconv.Itoa(y))
	}
	r.year = widget.NewSelect(years, func(string) { r.reload() })
	r.part = widget.NewSelect(nil, func(string) { r.reload() })
	r.kind = widget.NewSelect(reportKinds, func(string) { r.fillParts(); r.reload() })
	r.yearL = widget.NewLabel("năm")
	r.from, r.to = widget.NewEntry(), widget.NewEntry()
	r.from.SetPlaceHolder("từ ngày 01/01/2026")
	r.to.SetPlaceHolder("đến ngày 31/01/2026")
	r.from.OnSubmitted = func(string) { r.reload() }
	r.to.OnSubmitted = func(string) { r.reload() }
	r.view = widget.NewButton("Xem", r.reload)
	cur := report.MonthOf(now, e.off.ReportStartDay())
	r.year.Selected = cur.Key[:4]
	r.kind.Selected = reportKinds[0]
	r.fillParts()
	r.part.Selected = fmt.Sprintf("Tháng %s", cur.Key[5:])
	r.part.Refresh()

	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	r.head = widget.NewLabel("")
	r.head.TextStyle.Bold = true
	r.head.Wrapping = fyne.TextWrapWord
	r.lines = container.New(layoutTwoCols{})
	r.basis = widget.NewLabel(report.RateBasis)
	r.basis.Wrapping = fyne.TextWrapWord
	r.basis.SizeName = theme.SizeNameCaptionText
	r.chart = newTrendChart()
	r.pdf = widget.NewButtonWithIcon("Báo cáo PDF…", theme.DocumentPrintIcon(), r.makePDF)
	r.xlsx = widget.NewButtonWithIcon("Lưu Excel…", theme.DocumentSaveIcon(), r.saveXLSX)
	r.pdf.Disable()
	r.xlsx.Disable()
	r.imp = widget.NewButtonWithIcon("Nhập sổ Excel…", theme.UploadIcon(), func() { e.startImport(func(int) { r.reload() }) })

	dates := func(e *widget.Entry) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(150, e.MinSize().Height), e)
	}
	r.custom = container.NewHBox(dates(r.from), dates(r.to), r.view)
	r.fillParts()
	picker := container.NewHBox(widget.NewLabel("Kỳ báo cáo:"), r.kind, r.part, r.yearL, r.year, r.custom,
		layoutSpacer(), r.pdf, r.xlsx, r.imp)
	chartBox := container.NewBorder(boldLabel("Diễn biến 12 tháng: số hồ sơ trả trước hạn, đúng hạn, quá hạn (cột, thang bên trái) và tỷ lệ trước hạn, đúng hạn (đường, thang bên phải) so với mục tiêu 90%"),
		chartLegend(), nil, nil, r.chart.Container)
	body := container.NewVBox(r.head, r.lines, r.basis)
	split := container.NewHSplit(container.NewVScroll(body), chartBox)
	split.Offset = 0.45
	impNote := newPermitNote() // the office says who may import (permits.go)
	e.onPermits(func() {
		r.imp.Enable()
		e.guard(people.ActImport, impNote, r.imp)
	})
	r.content = container.NewBorder(container.NewVBox(picker, r.status, impNote), nil, nil, nil, split)
	return r
}

func boldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	return l
}

func layoutSpacer() fyne.CanvasObject { return container.NewStack() }

func (r *reportScreen) fillParts() {
	var parts []string
	switch r.kind.Selected {
	case "Quý":
		parts = []string{"Quý I", "Quý II", "Quý III", "Quý IV"}
	case "6 tháng":
		parts = []string{"6 tháng đầu năm", "6 tháng cuối năm"}
	case "Năm", kindCustom:
		parts = []string{"Cả năm"}
	default:
		for m := 1; m <= 12; m++ {
			parts = append(parts, fmt.Sprintf("Tháng %02d", m))
		}
	}
	r.part.Options = parts
	if !containsStr(parts, r.part.Selected) {
		r.part.Selected = parts[0]
	}
	r.part.Refresh()
	if r.custom == nil {
		return
	}
	custom := r.kind.Selected == kindCustom
	for _, o := range []fyne.CanvasObject{r.part, r.yearL, r.year} {
		if custom {
			o.Hide()
		} else {
			o.Show()
		}
	}
	if custom {
		r.custom.Show()
	} else {
		r.custom.Hide()
	}
}

func containsStr(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// spec is the period as `motcua report --period` takes it.
func (r *reportScreen) spec() string {
	y := r.year.Selected
	i := r.part.SelectedIndex()
	if i < 0 {
		i = 0
	}
	switch r.kind.Selected {
	case "Quý":
		return fmt.Sprintf("%s-Q%d", y, i+1)
	case "6 tháng":
		return fmt.Sprintf("%s-H%d", y, i+1)
	case "Năm":
		return y
	}
	return fmt.Sprintf("%s-%02d", y, i+1)
}

// shown runs each time the page is opened.
func (r *reportScreen) shown() { r.reload() }

// reload computes the picked period's report in the background.
func (r *reportScreen) reload() {
	if r.status == nil {
		return // still being built
	}
	r.gen++
	gen := r.gen
	spec := r.spec()
	var from, to time.Time
	if r.kind.Selected == kindCustom {
		if strings.TrimSpace(r.from.Text) == "" || strings.TrimSpace(r.to.Text) == "" {
			r.status.SetText("Nhập từ ngày và đến ngày (ngày/tháng/năm), rồi bấm Xem.")
			return
		}
		var err error
		if from, err = parseDate(r.from.Text); err == nil {
			to, err = parseDate(r.to.Text)
		}
		if err != nil {
			r.status.SetText(capitalise(err.Error()) + ".")
			return
		}
		spec = ""
	}
	r.status.SetText("Đang tính số liệu…")
	r.e.background(func() {
		p, err := r.e.off.ReportPeriod(spec, from, to)
		var rep report.Report
		if err == nil {
			rep, err = r.e.off.Report(r.e.ctx, p, true)
		}
		r.e.do(func() {
			if gen != r.gen {
				return // a newer request is on its way
			}
			if err != nil {
				r.status.SetText("Không tính được số liệu: " + err.Error())
				return
			}
			r.show(rep)
		})
	})
}

func (r *reportScreen) show(rep report.Report) {
	r.rep, r.has = rep, true
	r.head.SetText(fmt.Sprintf("%s (%s)", rep.Period.Label, rep.Period.Range()))
	r.status.SetText("Số liệu đến " + rep.Generated.Format("15:04 02/01/2006") + ".")
	if len(rep.Unavailable) > 0 {
		r.status.SetText(r.status.Text + " Chưa có số liệu: " + strings.Join(rep.Unavailable, "; ") + ".")
	}
	var objs []fyne.CanvasObject
	for _, l := range rep.Lines() {
		k := widget.NewLabel(l[0])
		k.Wrapping = fyne.TextWrapWord
		if strings.HasPrefix(l[0], " ") {
			k.SetText("    " + strings.TrimSpace(l[0]))
		}
		v := widget.NewLabel(l[1])
		v.TextStyle.Bold = true
		v.Alignment = fyne.TextAlignTrailing
		objs = append(objs, k, v)
	}
	r.lines.Objects = objs
	r.lines.Refresh()
	r.chart.set(rep.Trend, rep.Target)
	r.pdf.Enable()
	r.xlsx.Enable()
}

func (r *reportScreen) fileBase() string {
	return "bao-cao-" + r.rep.Period.Key
}

func (r *reportScreen) makePDF() {
	if !r.has {
		return
	}
	rep := r.rep
	r.e.makeDocumentCtx("Báo cáo kết quả giải quyết thủ tục hành chính, "+strings.ToLower(rep.Period.Label), r.fileBase()+".pdf", "khổ A4",
		func(ctx context.Context, w io.Writer) error {
			return r.e.off.WriteReport(ctx, w, rep, office.FormatPDF)
		},
		func(doc *document) { r.e.offer(doc, false) })
}

func (r *reportScreen) saveXLSX() {
	if !r.has {
		return
	}
	rep := r.rep
	r.e.askSave("Lưu báo cáo dạng Excel", r.fileBase()+".xlsx", documentsDir(), xlsxFiles, func(path string) {
		r.status.SetText("Đang tạo tệp Excel…")
		r.e.longTask("Đang tạo tệp Excel", "tạo tệp Excel của báo cáo "+strings.ToLower(rep.Period.Label),
			func(ctx context.Context) error {
				var buf bytes.Buffer
				if err := r.e.off.WriteReport(ctx, &buf, rep, office.FormatXLSX); err != nil {
					return err
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				return office.WriteFileAtomic(path, buf.Bytes())
			},
			func(err error) {
				switch {
				case office.Cancelled(err):
					r.status.SetText("Đã hủy tạo tệp Excel.")
				case err != nil:
					r.status.SetText("Chưa lưu được tệp Excel.")
					r.e.showError(fmt.Errorf("không lưu được tệp %s: %w. Hãy chọn thư mục khác rồi lưu lại", path, err), nil)
				default:
					r.status.SetText("Đã lưu tệp " + path + " (báo cáo và sổ theo dõi hồ sơ của kỳ).")
				}
			})
	})
}

// layoutTwoCols lays label–value pairs in two columns: the labels take what
// the values leave.
type layoutTwoCols struct{}

func (layoutTwoCols) pairs(objs []fyne.CanvasObject) int { return len(objs) / 2 }

func (l layoutTwoCols) valueW(objs []fyne.CanvasObject) float32 {
	w := float32(0)
	for i := 1; i < len(objs); i += 2 {
		w = max(w, objs[i].MinSize().Width)
	}
	return w
}

func (l layoutTwoCols) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	vw := l.valueW(objs)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		k, v := objs[i], objs[i+1]
		k.Resize(fyne.NewSize(size.Width-vw, k.MinSize().Height))
		h := max(k.MinSize().Height, v.MinSize().Height)
		k.Resize(fyne.NewSize(size.Width-vw, h))
		k.Move(fyne.NewPos(0, y))
		v.Resize(fyne.NewSize(vw, h))
		v.Move(fyne.NewPos(size.Width-vw, y))
		y += h
	}
}

func (l layoutTwoCols) MinSize(objs []fyne.CanvasObject) fyne.Size {
	vw := l.valueW(objs)
	h := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
	}
	return fyne.NewSize(vw+200, h)
}

// Chart colours, as on the PDF.
var (
	chartEarly  = color.NRGBA{46, 125, 50, 255}
	chartOnTime = color.NRGBA{129, 199, 132, 255}
	chartLate   = color.NRGBA{198, 40, 40, 255}
	chartRate   = color.NRGBA{21, 101, 192, 255}
)

// trendChart draws the 12 months as stacked bars (early, on time, late)
// and the early-or-on-time rate as a line against the dashed target, with
// Fyne's canvas primitives laid out by chartLayout.
type trendChart struct {
	*fyne.Container
	lay *chartLayout
}

func newTrendChart() *trendChart {
	l := &chartLayout{}
	return &trendChart{Container: container.New(l), lay: l}
}

func (c *trendChart) set(pts []report.Point, target float64) {
	l := c.lay
	l.pts, l.target = pts, target
	l.bars, l.labels, l.segs, l.dots, l.dash = nil, nil, nil, nil, nil
	var objs []fyne.CanvasObject
	l.grid = nil
	for i := 0; i <= 4; i++ {
		g := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		g.StrokeWidth = 1
		l.grid = append(l.grid, g)
		objs = append(objs, g)
	}
	for _, p := range pts {
		var stack [3]*canvas.Rectangle
		for k, col := range []color.Color{chartEarly, chartOnTime, chartLate} {
			stack[k] = canvas.NewRectangle(col)
			objs = append(objs, stack[k])
		}
		l.bars = append(l.bars, stack)
		key := p.Period.Key
		if len(key) == 7 {
			key = key[5:] + "/" + key[2:4]
		}
		t := canvas.NewText(key, theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		t.Alignment = fyne.TextAlignCenter
		l.labels = append(l.labels, t)
		objs = append(objs, t)
	}
	for i := 0; i < 24; i++ {
		d := canvas.NewLine(chartLate)
		d.StrokeWidth = 1.5
		l.dash = append(l.dash, d)
		objs = append(objs, d)
	}
	for i := 1; i < len(pts); i++ {
		s := canvas.NewLine(chartRate)
		s.StrokeWidth = 2.5
		l.segs = append(l.segs, s)
		objs = append(objs, s)
	}
	for range pts {
		d := canvas.NewCircle(chartRate)
		l.dots = append(l.dots, d)
		objs = append(objs, d)
	}
	l.scale, l.pct = nil, nil
	for i := 0; i <= 4; i++ {
		for _, dst := range []*[]*canvas.Text{&l.scale, &l.pct} {
			t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
			t.TextSize = theme.CaptionTextSize()
			*dst = append(*dst, t)
			objs = append(objs, t)
		}
	}
	c.Objects = objs
	c.Refresh()
}

type chartLayout struct {
	pts    []report.Point
	target float64
	grid   []*canvas.Line
	bars   [][3]*canvas.Rectangle
	labels []*canvas.Text
	dash   []*canvas.Line
	segs   []*canvas.Line
	dots   []*canvas.Circle
	scale  []*canvas.Text // counts, left
	pct    []*canvas.Text // rate, right
}

func (l *chartLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(360, 240) }

func (l *chartLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	if len(l.pts) == 0 {
		return
	}
	pad := float32(8)
	labelH := theme.CaptionTextSize() + 6
	left, right := float32(40), float32(40)
	x0, y0 := left, pad
	w, h := size.Width-left-right, size.Height-labelH-2*pad
	if w <= 0 || h <= 0 {
		return
	}
	maxN := 0
	for _, p := range l.pts {
		maxN = max(maxN, p.Total.Returned)
	}
	top := chartTop(maxN)
	for i, g := range l.grid {
		y := y0 + h - h*float32(i)/4
		g.Position1, g.Position2 = fyne.NewPos(x0, y), fyne.NewPos(x0+w, y)
		t := l.scale[i]
		t.Text = fmt.Sprintf("%d", top*i/4)
		t.Alignment = fyne.TextAlignTrailing
		t.Resize(fyne.NewSize(left-6, theme.CaptionTextSize()))
		t.Move(fyne.NewPos(0, y-theme.CaptionTextSize()/2-2))
		pt := l.pct[i]
		pt.Text = fmt.Sprintf("%d%%", 25*i)
		pt.Move(fyne.NewPos(x0+w+4, y-theme.CaptionTextSize()/2-2))
	}
	slot := w / float32(len(l.pts))
	bw := slot * 0.6
	var line []fyne.Position
	for i, p := range l.pts {
		bx := x0 + slot*float32(i) + (slot-bw)/2
		base := y0 + h
		for k, n := range []int{p.Total.Early, p.Total.OnTime, p.Total.Late} {
			bh := float32(0)
			if top > 0 {
				bh = h * float32(n) / float32(top)
			}
			rect := l.bars[i][k]
			rect.Move(fyne.NewPos(bx, base-bh))
			rect.Resize(fyne.NewSize(bw, bh))
			base -= bh
		}
		lb := l.labels[i]
		lb.Move(fyne.NewPos(x0+slot*float32(i), y0+h+2))
		lb.Resize(fyne.NewSize(slot, labelH))
		if p.Total.HasRate {
			line = append(line, fyne.NewPos(x0+slot*float32(i)+slot/2, y0+h-h*float32(p.Total.Rate)))
		}
	}
	ty := y0 + h - h*float32(l.target)
	dw := w / float32(2*len(l.dash))
	for i, d := range l.dash {
		x := x0 + float32(2*i)*dw
		d.Position1, d.Position2 = fyne.NewPos(x, ty), fyne.NewPos(x+dw, ty)
	}
	for i, s := range l.segs {
		s.Hidden = i+1 >= len(line)
		if !s.Hidden {
			s.Position1, s.Position2 = line[i], line[i+1]
		}
	}
	for i, d := range l.dots {
		d.Hidden = i >= len(line)
		if !d.Hidden {
			d.Move(line[i].SubtractXY(3.5, 3.5))
			d.Resize(fyne.NewSize(7, 7))
		}
	}
}

func chartLegend() fyne.CanvasObject {
	item := func(c color.Color, text string, line bool) fyne.CanvasObject {
		sw := canvas.NewRectangle(c)
		size := fyne.NewSize(14, 10)
		if line {
			size = fyne.NewSize(18, 3)
		}
		sw.SetMinSize(size)
		l := widget.NewLabel(text)
		l.SizeName = theme.SizeNameCaptionText
		return container.NewHBox(container.NewCenter(sw), l)
	}
	return container.NewHBox(item(chartEarly, "Trước hạn", false), item(chartOnTime, "Đúng hạn", false), item(chartLate, "Quá hạn", false),
		item(chartRate, "Tỷ lệ trước hạn, đúng hạn", true), item(chartLate, "Mục tiêu 90%", true))
}

// chartTop rounds a count up to a scale whose quarters are whole numbers.
func chartTop(n int) int {
	if n <= 4 {
		return 4
	}
	step := 1
	for step*40 <= n {
		step *= 10
	}
	for _, m := range []int{1, 2, 5, 10} {
		if step*m*4 >= n {
			return step * m * 4
		}
	}
	return step * 40
}
