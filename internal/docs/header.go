package docs

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"rsc.io/qr"

	"motcua/internal/letters"
	"motcua/internal/textvn"
)

const (
	quocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	tieuNgu  = "Độc lập - Tự do - Hạnh phúc"
	dots     = "……"
)

// header is the two-column heading of Decree 30/2020: on the left the parent body (capitals,
// not bold) and the issuing body (capitals, bold, a short rule beneath), then "Số: …"; on
// the right the national name and motto (bold, a rule as wide as the motto beneath), then
// place and date in italics, level with "Số".
type header struct {
	parent, body string  // sentence case; printed in capitals
	number       string  // whole "Số: 05/UBND" line, or empty
	place        string  // whole place-and-date line, or empty
	formNo       string  // "Mẫu số 01", printed top right, or empty
	size         float64 // pt of the bodies and "Số"
	qhSize       float64 // pt of the national name
	mottoSize    float64 // pt of the motto and the place line
}

func (d *doc) header(h header) {
	top := d.y
	if h.formNo != "" {
		d.column(d.m.left, d.contentW(), top, []run{bd(h.formNo)}, h.size-1, alignRight)
		top += d.lineH(h.size - 1)
	}
	cw := d.contentW()
	qhW := d.f.width(bold, h.qhSize, quocHieu)
	mottoW := d.f.width(bold, h.mottoSize, tieuNgu)
	rightW := max(qhW, mottoW) + 2
	if h.place != "" {
		rightW = max(rightW, min(d.f.width(italic, h.mottoSize, textvn.Clean(h.place))+2, cw*0.62))
	}
	leftW := cw - rightW - 2
	leftX, rightX := d.m.left, d.m.left+cw-rightW

	// Left column.
	y := top
	if h.parent != "" {
		y = d.drawLines(leftX, leftW, y, d.nameLines(h.parent, regular, h.size, leftW), h.size, alignCenter)
	}
	bodyLines := d.nameLines(h.body, bold, h.size, leftW)
	y = d.drawLines(leftX, leftW, y, bodyLines, h.size, alignCenter)
	y += 0.6
	ruleW := d.widest(bodyLines, h.size) * 0.4
	d.hline(leftX+(leftW-ruleW)/2, leftX+(leftW+ruleW)/2, y, 0.5)

	// Right column.
	ry := d.column(rightX, rightW, top, []run{bd(quocHieu)}, h.qhSize, alignCenter)
	ry = d.column(rightX, rightW, ry, []run{bd(tieuNgu)}, h.mottoSize, alignCenter)
	ry += 0.6
	d.hline(rightX+(rightW-mottoW)/2, rightX+(rightW+mottoW)/2, ry, 0.5)

	row := max(y, ry) + 2
	bottom := row
	if h.number != "" {
		bottom = max(bottom, d.column(leftX, leftW, row, []run{rg(h.number)}, h.size, alignCenter))
	}
	if h.place != "" {
		bottom = max(bottom, d.column(rightX, rightW, row, []run{it(h.place)}, h.mottoSize, alignCenter))
	}
	d.y = bottom
}

// unitWords start the place part of a body's name, before which a header breaks first:
// "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG / XÃ ĐÔNG VĂN".
var unitWords = []string{" XÃ ", " PHƯỜNG ", " ĐẶC KHU ", " THỊ TRẤN ", " HUYỆN ", " TỈNH ", " THÀNH PHỐ "}

// nameLines sets a body's name in capitals for a header column: on one line if it fits,
// else broken before its place part, each part in balanced lines.
func (d *doc) nameLines(name string, st style, size, w float64) [][]word {
	name = upper(name)
	if d.f.width(st, size, name) <= w {
		return d.lines([]run{{name, st}}, size, w)
	}
	cut := -1
	for _, u := range unitWords {
		if i := strings.LastIndex(name, u); i > 0 && (cut < 0 || i > cut) {
			cut = i
		}
	}
	if cut < 0 {
		return d.balancedLines([]run{{name, st}}, size, w)
	}
	return append(d.balancedLines([]run{{name[:cut], st}}, size, w), d.balancedLines([]run{{name[cut+1:], st}}, size, w)...)
}

// placeDate is "Đông Văn, ngày 05 tháng 02 năm 2026", or a line of dots to fill by hand.
func placeDate(place string, t time.Time) string {
	place = textvn.Clean(place)
	if place == "" {
		place = dots
	}
	if t.IsZero() {
		return place + ", ngày " + dots + " tháng " + dots + " năm " + dots
	}
	return place + ", " + letters.DateInWords(t)
}

// timeWords is "08 giờ 30 phút, ngày 05 tháng 02 năm 2026".
func timeWords(t time.Time) string {
	if t.IsZero() {
		return dots + " giờ " + dots + " phút, ngày " + dots + " tháng " + dots + " năm " + dots
	}
	return letters.TimeInWords(t)
}

// shortDate is "05/02/2026", or empty for a zero time.
func shortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone).Format("02/01/2006")
}

// orDots prints dots for a missing value.
func orDots(s string) string {
	if s = textvn.Clean(s); s == "" {
		return dots + dots + dots
	}
	return s
}

// signBlock is a signature block: capital titles, an italic note, room to sign (and stamp),
// the signer's name, centred in [x, x+w].
type signBlock struct {
	x, w   float64
	titles []string
	note   string
	name   string
}

func (d *doc) signHead(b signBlock, size float64) float64 {
	h := 0.0
	for _, t := range b.titles {
		h += float64(len(d.lines([]run{bd(t)}, size, b.w))) * d.lineH(size)
	}
	if b.note != "" {
		h += float64(len(d.lines([]run{it(b.note)}, size-1, b.w))) * d.lineH(size-1)
	}
	return h
}

// signBlocksHeight is the height signBlocks takes.
func (d *doc) signBlocksHeight(room, size float64, bs ...signBlock) float64 {
	head, name := 0.0, 0.0
	for _, b := range bs {
		head = max(head, d.signHead(b, size))
		name = max(name, float64(len(d.lines([]run{bd(b.name)}, size, b.w)))*d.lineH(size))
	}
	return head + room + max(name, d.lineH(size))
}

// signBlocks draws blocks side by side from top, the names level with each other below the
// tallest heading and the room to sign, and returns the y below them.
func (d *doc) signBlocks(top, room, size float64, bs ...signBlock) float64 {
	head := 0.0
	for _, b := range bs {
		head = max(head, d.signHead(b, size))
	}
	bottom := top + head + room
	for _, b := range bs {
		y := top
		for _, t := range b.titles {
			y = d.column(b.x, b.w, y, []run{bd(t)}, size, alignCenter)
		}
		if b.note != "" {
			d.column(b.x, b.w, y, []run{it(b.note)}, size-1, alignCenter)
		}
		bottom = max(bottom, d.column(b.x, b.w, top+head+room, []run{bd(b.name)}, size, alignCenter))
	}
	return bottom
}

// noiNhanItems formats the recipients list: "- Như trên;" style entries, the archive last
// ("- Lưu: VT, VP, 02." as Decree 30/2020's appendix shows it).
func (p Profile) noiNhanItems(first []string, extra []string) []string {
	var items []string
	for _, s := range append(append([]string(nil), first...), extra...) {
		s = strings.TrimSpace(textvn.Clean(s))
		s = strings.TrimLeft(s, "-–• ")
		s = strings.TrimRight(s, ";.,")
		if s == "" || strings.HasPrefix(strings.ToLower(s), "lưu") {
			continue
		}
		items = append(items, "- "+s+";")
	}
	return append(items, p.archiveLine())
}

// archiveLine is the last line of "Nơi nhận": the archive (văn thư), then the drafting unit's
// abbreviation and the number of copies kept, when the profile gives them.
func (p Profile) archiveLine() string {
	s := "- Lưu: VT"
	if u := strings.Trim(textvn.Clean(p.ArchiveUnit), " ,.;"); u != "" {
		s += ", " + u
	}
	if p.ArchiveCopies > 0 {
		s += fmt.Sprintf(", %02d", p.ArchiveCopies)
	}
	return s + "."
}

// noiNhan draws "Nơi nhận:" (bold italic) and its entries in [x, x+w] from top and returns
// the y below.
func (d *doc) noiNhan(x, w, top float64, items []string, size float64) float64 {
	y := d.column(x, w, top, []run{bi("Nơi nhận:")}, size, alignLeft)
	for _, s := range items {
		y = d.column(x, w, y, []run{rg(s)}, size-1, alignLeft)
	}
	return y
}

// qrCode draws text as a QR code with its top-left corner at (x, y), side mm wide (quiet
// zone included), as vector squares: crisp on any printer and the same bytes every time.
func (d *doc) qrCode(x, y, side float64, text string) error {
	c, err := qr.Encode(textvn.Clean(text), qr.M)
	if err != nil {
		return fmt.Errorf("không tạo được mã QR cho %q: %v", text, err)
	}
	const quiet = 2 // modules of white around; the page margin adds more
	m := side / float64(c.Size+2*quiet)
	x0, y0 := x+quiet*m, y+quiet*m
	// One filled path of one rectangle per horizontal run of dark modules, written directly:
	// a thousand letters carry a thousand codes, and a Rect call per run would dominate.
	k := 72 / 25.4
	var b []byte
	b = append(b, "q 0 g"...)
	num := func(v float64) {
		b = append(b, ' ')
		b = strconv.AppendFloat(b, v*k, 'f', 2, 64)
	}
	for row := 0; row < c.Size; row++ {
		for col := 0; col < c.Size; {
			if !c.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < c.Size && c.Black(col, row) {
				col++
			}
			// A hair of overlap avoids white seams between modules in some viewers.
			num(x0 + float64(start)*m)
			num(d.h - (y0 + float64(row)*m))
			num(float64(col-start)*m + 0.01)
			num(-(m + 0.01))
			b = append(b, " re"...)
		}
	}
	b = append(b, " f Q"...)
	d.pdf.RawWriteStr(string(b))
	return nil
}

// pageNumberTop prints the page number centred in the top margin from page 2 of a section on
// (Decree 30/2020).
func pageNumberTop(size float64) func(d *doc) {
	return func(d *doc) {
		if d.pageNo < 2 {
			return
		}
		d.column(d.m.left, d.contentW(), d.m.top/2-d.lineH(size)/2, []run{rg(fmt.Sprint(d.pageNo))}, size, alignCenter)
	}
}
