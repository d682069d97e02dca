package docs

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"motcua/internal/textvn"
)

// ptMM converts typographic points to millimetres.
const ptMM = 25.4 / 72

// Zone is Vietnam time: every time printed is shown in it.
var Zone = time.FixedZone("ICT", 7*3600)

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// run is text in one style. Text is cleaned (NFC, white space collapsed) when it is laid
// out, so callers may pass user input as it came.
type run struct {
	text string
	st   style
}

func rg(s string) run { return run{s, regular} }
func bd(s string) run { return run{s, bold} }
func it(s string) run { return run{s, italic} }
func bi(s string) run { return run{s, boldItalic} }

type margins struct{ top, right, bottom, left float64 }

// meta is what the PDF says about itself. Date is both the creation and the modification
// date, so that the same inputs give the same bytes.
type meta struct {
	title, subject, author string
	date                   time.Time
}

// doc is a PDF under construction with a cursor y (mm from the top) and the pages laid out
// by hand: gofpdf's automatic page breaks are off.
type doc struct {
	pdf            *gofpdf.Fpdf
	f              *Fonts
	added          [4]bool
	curSt          style
	curSize        float64
	w, h           float64
	m              margins
	y              float64
	pageNo         int          // page within the current section (one letter, one form copy)
	onPage         func(d *doc) // runs on every new page: page number, repeated table header
	exclBottom     float64      // a box on the right (the QR code) reserved down to this y
	exclW          float64      // its width, including the gap to the text
	exclPage       int          // the page the box is on
	physicalPage   int          // pages in the whole file
	lineHeightLead float64      // line height as a multiple of the font size
	ps             paperStyle   // forms: the paper and type sizes
	demo           bool         // from the practice register: every page carries demoMark
}

func newDoc(f *Fonts, orientation, size string, m margins, md meta) *doc {
	pdf := gofpdf.New(orientation, "mm", size, "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(m.left, m.top, m.right)
	pdf.SetCatalogSort(true)
	date := md.date
	if date.IsZero() {
		date = time.Date(2025, 7, 1, 0, 0, 0, 0, Zone)
	}
	pdf.SetCreationDate(date.In(Zone))
	pdf.SetModificationDate(date.In(Zone))
	pdf.SetProducer("Một Cửa Thân Thiện", true)
	pdf.SetCreator("Một Cửa Thân Thiện", true)
	if md.title != "" {
		pdf.SetTitle(textvn.Clean(md.title), true)
	}
	if md.subject != "" {
		pdf.SetSubject(textvn.Clean(md.subject), true)
	}
	if md.author != "" {
		pdf.SetAuthor(textvn.Clean(md.author), true)
	}
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	w, h := pdf.GetPageSize()
	return &doc{pdf: pdf, f: f, w: w, h: h, m: m, curSize: -1, lineHeightLead: 1.2}
}

// output writes the finished PDF. gofpdf embeds subsets but names them "utf8…" without the
// subset tag; the names are rewritten here to "MOTCUA+LiberationSerif…" (same length, so no
// offset moves), which is what marks a subset for PDF readers and pdffonts.
func (d *doc) output(w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("không tạo được tệp PDF: %v", err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("không tạo được tệp PDF: %v", err)
	}
	b := bytes.ReplaceAll(buf.Bytes(), []byte("/utf8"+d.f.family), []byte("/"+subsetTag+"+"+d.f.psName))
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("không ghi được tệp PDF: %v", err)
	}
	return nil
}

func (d *doc) contentW() float64 { return d.w - d.m.left - d.m.right }
func (d *doc) bottomY() float64  { return d.h - d.m.bottom }

// section starts a new sub-document (a letter, a form copy) on a fresh page whose page
// numbers restart at 1.
func (d *doc) section() {
	d.pageNo = 0
	d.newPage()
}

func (d *doc) newPage() {
	d.pdf.AddPage()
	d.curSize = -1 // gofpdf forgets the font on a new page
	d.pageNo++
	d.physicalPage++
	d.y = d.m.top
	if d.demo {
		d.demoMark()
	}
	if d.onPage != nil {
		d.onPage(d)
	}
}

// need starts a new page unless h mm fit above the bottom margin.
func (d *doc) need(h float64) {
	if d.y+h > d.bottomY()+0.01 {
		d.newPage()
	}
}

func (d *doc) gap(pt float64) { d.y += pt * ptMM }

func (d *doc) setFont(st style, size float64) {
	if !d.added[st] {
		// A copy per document: gofpdf pads table data in place while subsetting, which
		// would write into the shared Fonts from several goroutines at once.
		d.pdf.AddUTF8FontFromBytes(d.f.family, styleCodes[st], bytes.Clone(d.f.faces[st]))
		d.added[st] = true
	}
	if st != d.curSt || size != d.curSize {
		d.pdf.SetFont(d.f.family, styleCodes[st], size)
		d.curSt, d.curSize = st, size
	}
}

// text draws already clean s with its baseline at (x, y).
func (d *doc) text(x, y float64, s string, st style, size float64) {
	if s == "" {
		return
	}
	d.setFont(st, size)
	d.pdf.Text(x, y, s)
}

// lineH is the height of one line of text at size pt.
func (d *doc) lineH(size float64) float64 { return size * ptMM * d.lineHeightLead }

// baseline is where text of size pt sits in a line box starting at top.
func (d *doc) baseline(top, size float64) float64 {
	return top + d.lineH(size)/2 + 0.3*size*ptMM
}

func (d *doc) hline(x1, x2, y, widthPt float64) {
	d.pdf.SetLineWidth(widthPt * ptMM)
	d.pdf.Line(x1, y, x2, y)
}

// ---- words and lines ----

type atom struct {
	text string
	st   style
	w    float64
}

type word struct {
	atoms []atom
	w     float64
	br    bool // a hard line break ("\n" in the text), not a word
}

// words splits runs into words; a word may mix styles ("(" + bold "x" + ")") and breaks only
// at spaces.
func (d *doc) words(runs []run, size float64) []word {
	var out []word
	var cur word
	flush := func() {
		if len(cur.atoms) > 0 {
			out = append(out, cur)
			cur = word{}
		}
	}
	for _, r := range runs {
		// NFC before measuring or printing: gofpdf does no shaping, so decomposed input
		// would print with its marks beside the letters.
		t := strings.ReplaceAll(textvn.NFC(r.text), "\r\n", "\n")
		for li, line := range strings.Split(t, "\n") {
			if li > 0 {
				flush()
				out = append(out, word{br: true})
			}
			line = strings.Map(func(c rune) rune {
				switch c {
				case '\r', '\t', '\u00a0':
					return ' '
				}
				return c
			}, line)
			for i, p := range strings.Split(line, " ") {
				if i > 0 {
					flush()
				}
				if p == "" {
					continue
				}
				w := d.f.width(r.st, size, p)
				cur.atoms = append(cur.atoms, atom{p, r.st, w})
				cur.w += w
			}
		}
	}
	flush()
	return out
}

// breakable is where a word too long for its line may be cut: after these.
const breakAfter = "-/.,;:@_"

// splitLong cuts every word wider than maxW into pieces that fit, preferring to cut after
// punctuation, so that a 200-character address or an e-mail never runs off the page.
func (d *doc) splitLong(ws []word, size, maxW float64) []word {
	var out []word
	for _, w := range ws {
		if w.br || w.w <= maxW {
			out = append(out, w)
			continue
		}
		type ch struct {
			r  rune
			st style
			w  float64
		}
		var cs []ch
		for _, a := range w.atoms {
			for _, r := range a.text {
				cs = append(cs, ch{r, a.st, d.f.width(a.st, size, string(r))})
			}
		}
		for len(cs) > 0 {
			n, acc, lastBreak := 0, 0.0, 0
			for n < len(cs) && (n == 0 || acc+cs[n].w <= maxW) {
				acc += cs[n].w
				if strings.ContainsRune(breakAfter, cs[n].r) {
					lastBreak = n + 1
				}
				n++
			}
			if n < len(cs) && lastBreak > n/2 {
				n = lastBreak
			}
			var piece word
			for _, c := range cs[:n] {
				if k := len(piece.atoms); k > 0 && piece.atoms[k-1].st == c.st {
					piece.atoms[k-1].text += string(c.r)
					piece.atoms[k-1].w += c.w
				} else {
					piece.atoms = append(piece.atoms, atom{string(c.r), c.st, c.w})
				}
				piece.w += c.w
			}
			out = append(out, piece)
			cs = cs[n:]
		}
	}
	return out
}

func (d *doc) spaceW(w word, size float64) float64 {
	return d.f.width(w.atoms[len(w.atoms)-1].st, size, " ")
}

// fit returns how many of ws to draw on a line avail mm wide (at least one word, or none
// for an empty line made by a hard break) and how many to consume (the drawn ones plus the
// hard break that ends the line, if any).
func (d *doc) fit(ws []word, size, avail float64) (draw, consume int) {
	if ws[0].br {
		return 0, 1
	}
	acc := ws[0].w
	n := 1
	for n < len(ws) && !ws[n].br {
		nw := acc + d.spaceW(ws[n-1], size) + ws[n].w
		if nw > avail+1e-6 {
			break
		}
		acc = nw
		n++
	}
	if n < len(ws) && ws[n].br {
		return n, n + 1
	}
	return n, n
}

// natural is the width of ws set with plain spaces.
func (d *doc) natural(ws []word, size float64) float64 {
	w := 0.0
	for i, x := range ws {
		if i > 0 {
			w += d.spaceW(ws[i-1], size)
		}
		w += x.w
	}
	return w
}

// drawLine sets one line in the box [x, x+avail] with its baseline at y. A justified line
// spreads the slack over its gaps unless it is the paragraph's last.
func (d *doc) drawLine(ws []word, x, avail, y, size float64, al align, last bool) {
	if len(ws) == 0 {
		return
	}
	nat := d.natural(ws, size)
	extra := 0.0
	switch al {
	case alignCenter:
		x += (avail - nat) / 2
	case alignRight:
		x += avail - nat
	case alignJustify:
		if !last && len(ws) > 1 {
			extra = (avail - nat) / float64(len(ws)-1)
		}
	}
	if extra <= 0 {
		// Merge same-style neighbours, spaces included, into one text operation.
		var seg strings.Builder
		var segSt style
		segX, open := x, false
		for i, w := range ws {
			for j, a := range w.atoms {
				sep := i > 0 && j == 0
				if sep {
					x += d.spaceW(ws[i-1], size)
				}
				if open && a.st == segSt {
					if sep {
						seg.WriteByte(' ')
					}
				} else {
					if open {
						d.text(segX, y, seg.String(), segSt, size)
						seg.Reset()
					}
					segX, segSt, open = x, a.st, true
				}
				seg.WriteString(a.text)
				x += a.w
			}
		}
		d.text(segX, y, seg.String(), segSt, size)
		return
	}
	for i, w := range ws {
		for _, a := range w.atoms {
			d.text(x, y, a.text, a.st, size)
			x += a.w
		}
		if i < len(ws)-1 {
			x += d.spaceW(w, size) + extra
		}
	}
}

// ---- paragraphs ----

type para struct {
	runs   []run
	size   float64 // pt
	al     align
	indent float64 // first line, mm
	hang   float64 // every other line, mm
	x, w   float64 // the box; zero means the margins
	after  float64 // space after, pt
}

// para lays p out at the cursor, breaking pages between lines, and leaves the cursor below.
func (d *doc) para(p para) {
	x, w := p.x, p.w
	if w == 0 {
		x, w = d.m.left, d.contentW()
	}
	ws := d.words(p.runs, p.size)
	if len(ws) == 0 {
		d.y += d.lineH(p.size)
		d.gap(p.after)
		return
	}
	ws = d.splitLong(ws, p.size, w-max(p.indent, p.hang)-d.exclW)
	lh := d.lineH(p.size)
	first := true
	for len(ws) > 0 {
		d.need(lh)
		lx, avail := x, w
		if first {
			lx += p.indent
			avail -= p.indent
		} else {
			lx += p.hang
			avail -= p.hang
		}
		if d.exclPage == d.physicalPage && d.y < d.exclBottom && lx+avail > d.w-d.m.right-d.exclW {
			avail = d.w - d.m.right - d.exclW - lx
		}
		n, used := d.fit(ws, p.size, avail)
		d.drawLine(ws[:n], lx, avail, d.baseline(d.y, p.size), p.size, p.al, used == len(ws) || ws[used-1].br)
		ws = ws[used:]
		d.y += lh
		first = false
	}
	d.gap(p.after)
}

// lines breaks runs into lines of a fixed width, for table cells and header columns.
func (d *doc) lines(runs []run, size, w float64) [][]word {
	ws := d.splitLong(d.words(runs, size), size, w)
	var out [][]word
	for len(ws) > 0 {
		n, used := d.fit(ws, size, w)
		out = append(out, ws[:n])
		ws = ws[used:]
	}
	return out
}

// balancedLines breaks runs into as few lines as lines would, but as even as possible:
// "ỦY BAN NHÂN DÂN / XÃ ĐÔNG VĂN" rather than "ỦY BAN NHÂN DÂN XÃ / ĐÔNG VĂN", as headers are set.
func (d *doc) balancedLines(runs []run, size, w float64) [][]word {
	best := d.lines(runs, size, w)
	if len(best) < 2 {
		return best
	}
	lo, hi := 0.0, w
	for range 20 {
		mid := (lo + hi) / 2
		if ls := d.lines(runs, size, mid); len(ls) == len(best) && d.widest(ls, size) <= mid+1e-6 {
			hi, best = mid, ls
		} else {
			lo = mid
		}
	}
	return best
}

func (d *doc) widest(ls [][]word, size float64) float64 {
	m := 0.0
	for _, ln := range ls {
		m = max(m, d.natural(ln, size))
	}
	return m
}

// column draws runs broken into lines and aligned in [x, x+w] from top and returns the y
// below them.
func (d *doc) column(x, w, top float64, runs []run, size float64, al align) float64 {
	return d.drawLines(x, w, top, d.lines(runs, size, w), size, al)
}

func (d *doc) drawLines(x, w, top float64, ls [][]word, size float64, al align) float64 {
	for _, ln := range ls {
		d.drawLine(ln, x, w, d.baseline(top, size), size, al, true)
		top += d.lineH(size)
	}
	return top
}

// ---- tables ----

type col struct {
	w  float64
	al align
}

// table draws rows of wrapped cells with borders. A row that does not fit goes to the next
// page, where header (if any) is drawn again; a row taller than a whole page is split
// between pages line by line, so nothing is ever cut off.
type table struct {
	x      float64
	cols   []col
	size   float64
	pad    float64 // mm inside each cell
	minH   float64 // minimum row height, mm (room to sign)
	header func(d *doc)
	headH  float64 // height header draws, to know whether a row fits on a fresh page
}

func (d *doc) row(t table, cells [][]run) {
	lh := d.lineH(t.size)
	cellLines := make([][][]word, len(t.cols))
	maxLines := 0
	for i, c := range t.cols {
		if i < len(cells) {
			cellLines[i] = d.lines(cells[i], t.size, c.w-2*t.pad)
		}
		maxLines = max(maxLines, len(cellLines[i]))
	}
	full := float64(maxLines)*lh + 2*t.pad
	rowH := max(full, t.minH)
	if d.y+rowH > d.bottomY() && rowH <= d.bottomY()-d.m.top-t.headH {
		d.newPage()
		if t.header != nil {
			t.header(d)
		}
	}
	done := 0
	for {
		availLines := int((d.bottomY() - d.y - 2*t.pad) / lh)
		remaining := maxLines - done
		if availLines < 1 && remaining > 0 {
			d.newPage()
			if t.header != nil {
				t.header(d)
			}
			continue
		}
		n := min(availLines, remaining)
		h := float64(n)*lh + 2*t.pad
		if n == remaining {
			h = max(h, rowH-float64(done)*lh)
		}
		x := t.x
		for i, c := range t.cols {
			d.pdf.SetLineWidth(0.2)
			d.pdf.Rect(x, d.y, c.w, h, "D")
			ls := cellLines[i]
			for k := done; k < done+n && k < len(ls); k++ {
				top := d.y + t.pad + float64(k-done)*lh
				d.drawLine(ls[k], x+t.pad, c.w-2*t.pad, d.baseline(top, t.size), t.size, c.al, true)
			}
			x += c.w
		}
		d.y += h
		done += n
		if done >= maxLines {
			return
		}
		d.newPage()
		if t.header != nil {
			t.header(d)
		}
	}
}

// box draws a bordered cell with runs centred both ways, for table headers.
func (d *doc) box(x, y, w, h float64, runs []run, size float64) {
	d.pdf.SetLineWidth(0.2)
	d.pdf.Rect(x, y, w, h, "D")
	ls := d.lines(runs, size, w-1.6)
	top := y + (h-float64(len(ls))*d.lineH(size))/2
	for _, ln := range ls {
		d.drawLine(ln, x+0.8, w-1.6, d.baseline(top, size), size, alignCenter, true)
		top += d.lineH(size)
	}
}

// boxHeight is the height a header box needs for runs at width w.
func (d *doc) boxHeight(runs []run, size, w float64) float64 {
	return float64(len(d.lines(runs, size, w-1.6)))*d.lineH(size) + 1.6
}

// demoMark is printed at the top of every page from the practice register.
const demoMark = "DỮ LIỆU MẪU – KHÔNG CÓ GIÁ TRỊ"

// demoMark draws the mark in red at the right of the top margin (the
// page number sits in its centre), so a practice paper cannot pass for a
// real one.
func (d *doc) demoMark() {
	size := 11.0
	if d.w < 160 {
		size = 9
	}
	d.setFont(bold, size)
	w := d.pdf.GetStringWidth(demoMark)
	d.pdf.SetTextColor(200, 0, 0)
	d.pdf.Text(d.w-d.m.right-w, d.m.top/2+size*ptMM*0.35, demoMark)
	d.pdf.SetTextColor(0, 0, 0)
}
