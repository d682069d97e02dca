package docs

import "strings"

// Papers the one-stop forms can print on (an office setting). Decree 30/2020 sets A4 for
// administrative documents, so A4 is the default; counters that stock A5 paper keep A5, and
// those that cut A4 sheets in half print the receipt's two copies side by side on one sheet.
const (
	PaperA4     = "A4"   // A4 portrait, Decree 30's margins and type sizes: the default
	PaperA5     = "A5"   // A5 portrait, smaller type, for counters with A5 paper
	PaperA5OnA4 = "A5x2" // A5 halves of an A4 landscape sheet: the receipt's two copies on one sheet
)

// PaperSettings lists the values of the form_paper setting, the default first.
func PaperSettings() []string { return []string{PaperA4, PaperA5, PaperA5OnA4} }

// PaperName is how the settings screen names a paper setting.
func PaperName(p string) string {
	switch normPaper(p) {
	case PaperA5:
		return "Khổ A5"
	case PaperA5OnA4:
		return "Khổ A5, hai liên giấy tiếp nhận trên một tờ A4 (cắt đôi)"
	}
	return "Khổ A4 (Nghị định 30/2020/NĐ-CP)"
}

func normPaper(p string) string {
	switch strings.ToUpper(strings.TrimSpace(p)) {
	case "A5":
		return PaperA5
	case "A5X2":
		return PaperA5OnA4
	}
	return PaperA4
}

// paperStyle is the paper and type a form prints in. Column widths and gaps are drawn for
// A5's 123.5 mm of text width and multiplied by scale, which is exactly 1 on A5 so that A5
// forms print as they always did.
type paperStyle struct {
	name               string
	size, orient       string // gofpdf page size and orientation
	m                  margins
	head, qh, motto    float64 // pt: bodies, "Số" and the form number; national name; motto and place line
	title, text, small float64 // pt: the form's title; running text; tables, notes, page numbers
	ctlHead, ctlCell   float64 // pt: the control slip's header and cells
	noiNhan            float64 // pt: "Nơi nhận:" (its entries one point smaller)
	indent, after      float64 // first-line indent (mm) and space after a paragraph (pt) in the body
	room, closeRoom    float64 // mm left to sign: an officer; the chair (with the seal)
	scale              float64
	twoUp              bool    // A5 halves of an A4 landscape sheet
	half               float64 // with twoUp: the width of a half, mm
}

// A5 margins: Decree 30's A4 margins scaled down, the binding edge on the left.
var a5Margins = margins{top: 10, right: 10, bottom: 10, left: 15}

var a5Style = paperStyle{
	name: PaperA5, size: "A5", orient: "P", m: a5Margins,
	head: 10, qh: 9.5, motto: 10.5, title: 12, text: 11, small: 9.5, ctlHead: 8, ctlCell: 9, noiNhan: 10,
	indent: 8, after: 2, room: 10, closeRoom: 16, scale: 1,
}

// a4Style follows Decree 30/2020 (Phụ lục I): A4, margins top and bottom 20 mm, left 30,
// right 15; the national name 13 pt, the motto and the place line 14, the title 14, the
// text 13 with a 12.7 mm first-line indent and 6 pt between paragraphs.
var a4Style = paperStyle{
	name: PaperA4, size: "A4", orient: "P", m: a4Margins,
	head: 13, qh: 13, motto: 14, title: 14, text: 13, small: 12, ctlHead: 12, ctlCell: 13, noiNhan: 12,
	indent: 12.7, after: 6, room: 24, closeRoom: 26, scale: 165.0 / 123.5,
}

// a5OnA4Style lays A5 pages out on the halves of an A4 landscape sheet.
var a5OnA4Style = func() paperStyle {
	s := a5Style
	s.name, s.size, s.orient, s.twoUp, s.half = PaperA5OnA4, "A4", "L", true, 297.0/2
	return s
}()

func styleFor(paper string) paperStyle {
	switch normPaper(paper) {
	case PaperA5:
		return a5Style
	case PaperA5OnA4:
		return a5OnA4Style
	}
	return a4Style
}

// sc scales a width drawn for A5 to the paper.
func (s paperStyle) sc(mm float64) float64 {
	if s.scale == 1 {
		return mm
	}
	return mm * s.scale
}

// halfMargins are the margins of the left (0) or right (1) half of a two-up sheet.
func (s paperStyle) halfMargins(i int) margins {
	m := s.m
	if i == 0 {
		m.right += s.half
	} else {
		m.left += s.half
	}
	return m
}

// cutLine marks where a two-up sheet is cut in half: a thin dashed line down the middle.
func (d *doc) cutLine() {
	x := d.ps.half
	d.pdf.SetLineWidth(0.1)
	d.pdf.SetDashPattern([]float64{2, 2}, 0)
	d.pdf.Line(x, 4, x, d.h-4)
	d.pdf.SetDashPattern([]float64{}, 0)
}
