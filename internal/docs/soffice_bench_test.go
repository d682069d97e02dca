package docs

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"rsc.io/qr"

	"motcua/internal/letters"
	"motcua/internal/textvn"
)

// sofficeLetters is the batch scripts/bench-soffice.sh compares: the five letter fixtures
// repeated to 200, numbered 1–200, as BenchmarkLetters1000 builds its thousand.
func sofficeLetters(tb testing.TB) []Letter {
	base := allLetters(tb)
	ls := make([]Letter, 200)
	for i := range ls {
		ls[i] = base[i%len(base)]
		ls[i].Number = i + 1
	}
	return ls
}

// TestWriteSofficeFixture is not a test but the Go half of scripts/bench-soffice.sh, which
// compares our letters with LibreOffice's where LibreOffice is installed. With
// MOTCUA_SOFFICE_DIR set it writes there letters.fodt, the same 200 letters as a Flat ODT laid
// out like ours (for soffice --convert-to pdf), ours.pdf, and ours.txt, the best of five
// timings in seconds of rendering the 200 letters into ours.pdf, the fonts loaded beforehand as
// the app loads them once at start. Without the variable it does nothing.
func TestWriteSofficeFixture(t *testing.T) {
	dir := os.Getenv("MOTCUA_SOFFICE_DIR")
	if dir == "" {
		t.Skip("MOTCUA_SOFFICE_DIR not set: only scripts/bench-soffice.sh uses this")
	}
	f, p, ls := testFonts(t), sampleProfile(), sofficeLetters(t)

	fodt, err := lettersFODT(f, p, ls)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "letters.fodt"), fodt, 0o644); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(dir, "ours.pdf")
	var buf bytes.Buffer
	best := time.Duration(1<<63 - 1)
	for range 5 {
		start := time.Now()
		buf.Reset()
		if err := Letters(&buf, f, p, ls); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	secs := strconv.FormatFloat(best.Seconds(), 'f', 4, 64)
	if err := os.WriteFile(filepath.Join(dir, "ours.txt"), []byte(secs+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("ours: 200 letters in %s s (best of 5), %d bytes", secs, buf.Len())
}

// lettersFODT is ls as one Flat ODT document, one letter a page, in Liberation Serif on A4
// with the margins of Decree 30/2020, every block placed and sized as drawLetter places it:
// the two-column header with its rules, the title, "Kính gửi", the justified body with its
// first-line indent, "Nơi nhận" with the QR code beside the signature block.
func lettersFODT(f *Fonts, p Profile, ls []Letter) ([]byte, error) {
	m := a4Margins
	cw := 210 - m.left - m.right
	lh := func(size float64) float64 { return size * ptMM * 1.2 } // doc.lineH

	// The header's columns, as doc.header sizes them.
	qhW := f.width(bold, 13, quocHieu)
	mottoW := f.width(bold, 14, tieuNgu)
	rightW := max(qhW, mottoW) + 2
	for _, l := range ls {
		rightW = max(rightW, min(f.width(italic, 14, textvn.Clean(placeDate(p.placeName(), l.Date)))+2, cw*0.62))
	}
	leftW := cw - rightW - 2
	d := newDoc(f, "P", "A4", m, meta{})
	bodyLines := d.nameLines(p.Body, bold, 13, leftW)
	ruleW := d.widest(bodyLines, 13) * 0.4
	var parentLines [][]word
	if textvn.Clean(p.ParentBody) != "" {
		parentLines = d.nameLines(p.ParentBody, regular, 13, leftW)
	}
	// The closing's columns, as doc.closing sizes them.
	sigW := cw * 0.52
	nnW := cw - sigW - 4

	mm := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + "mm" }
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Thư</dc:title></office:meta>
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="0mm" fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="13pt" fo:language="vi" fo:country="VN" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
`)
	// Paragraph styles: name, size, weight/style, alignment, extra paragraph properties.
	type ps struct {
		name, st string
		size     float64
		al       string
		extra    string
	}
	for _, s := range []ps{
		{"Hdr", "", 13, "center", ""},
		{"HdrB", "b", 13, "center", ""},
		{"MottoB", "b", 14, "center", ""},
		{"HdrNo", "", 13, "center", `fo:margin-top="2mm"`},
		{"PlaceNo", "i", 14, "center", `fo:margin-top="2mm"`},
		{"RuleL", "", 1, "center", fmt.Sprintf(`fo:margin-top="0.6mm" fo:margin-left="%s" fo:margin-right="%s" fo:border-bottom="0.5pt solid #000000" fo:padding="0mm"`, mm((leftW-ruleW)/2), mm((leftW-ruleW)/2))},
		{"RuleR", "", 1, "center", fmt.Sprintf(`fo:margin-top="0.6mm" fo:margin-left="%s" fo:margin-right="%s" fo:border-bottom="0.5pt solid #000000" fo:padding="0mm"`, mm((rightW-mottoW)/2), mm((rightW-mottoW)/2))},
		{"Title", "b", 14, "center", `fo:margin-top="18pt" fo:margin-bottom="8pt" fo:keep-with-next="always"`},
		{"KinhGui", "", 14, "center", `fo:keep-with-next="always"`},
		{"KinhGuiLast", "", 14, "center", `fo:margin-bottom="10pt"`},
		{"Addr", "i", 13, "center", `fo:margin-bottom="10pt"`},
		{"Body", "", 14, "justify", `fo:text-indent="12.7mm" fo:margin-bottom="6pt" fo:text-align-last="start" fo:orphans="1" fo:widows="1"`},
		{"NNHead", "bi", 12, "start", `fo:margin-top="0.5mm"`},
		{"NNItem", "", 11, "start", ""},
		{"QR", "", 11, "start", `fo:margin-top="4mm" fo:margin-left="-1.5mm"`},
		{"SignT", "b", 14, "center", ""},
		{"SignName", "b", 14, "center", `fo:margin-top="26mm"`},
	} {
		var tp string
		switch s.st {
		case "b":
			tp = ` fo:font-weight="bold"`
		case "i":
			tp = ` fo:font-style="italic"`
		case "bi":
			tp = ` fo:font-weight="bold" fo:font-style="italic"`
		}
		lineH := mm(lh(s.size))
		switch s.name {
		case "RuleL", "RuleR": // an empty line: only its border shows
			lineH = "0.1mm"
		case "QR": // a line as tall as the image it holds
			lineH = "100%"
		}
		fmt.Fprintf(&b, `<style:style style:name="%s" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="%s" fo:line-height="%s" %s/><style:text-properties fo:font-size="%gpt"%s/></style:style>`+"\n",
			s.name, s.al, lineH, s.extra, s.size, tp)
	}
	b.WriteString(`</office:styles>
<office:automatic-styles>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
`)
	fmt.Fprintf(&b, `<style:style style:name="THead" style:family="table"><style:table-properties style:width="%s" table:align="left"/></style:style>
<style:style style:name="THeadBreak" style:family="table"><style:table-properties style:width="%s" table:align="left" fo:break-before="page"/></style:style>
<style:style style:name="TClose" style:family="table"><style:table-properties style:width="%s" table:align="left" fo:margin-top="4pt" style:may-break-between-rows="false"/></style:style>
<style:style style:name="CHL" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>
<style:style style:name="CGap" style:family="table-column"><style:table-column-properties style:column-width="2mm"/></style:style>
<style:style style:name="CHR" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>
<style:style style:name="CNN" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>
<style:style style:name="CGap4" style:family="table-column"><style:table-column-properties style:column-width="4mm"/></style:style>
<style:style style:name="CSig" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>
<style:style style:name="RKeep" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0mm" fo:border="none" style:vertical-align="top"/></style:style>
<style:style style:name="fr" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="line" fo:border="none" fo:padding="0mm"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" fo:margin-top="%s" fo:margin-bottom="%s" fo:margin-left="%s" fo:margin-right="%s"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
`, mm(cw), mm(cw), mm(cw), mm(leftW), mm(rightW), mm(nnW), mm(sigW), mm(m.top), mm(m.bottom), mm(m.left), mm(m.right))

	esc := func(s string) string {
		var e bytes.Buffer
		for _, r := range textvn.Clean(s) {
			switch r {
			case '<':
				e.WriteString("&lt;")
			case '>':
				e.WriteString("&gt;")
			case '&':
				e.WriteString("&amp;")
			case '"':
				e.WriteString("&quot;")
			default:
				e.WriteRune(r)
			}
		}
		return e.String()
	}
	lineText := func(ls [][]word) string {
		var parts []string
		for _, ln := range ls {
			var ws []string
			for _, w := range ln {
				var s string
				for _, a := range w.atoms {
					s += a.text
				}
				ws = append(ws, s)
			}
			parts = append(parts, esc(strings.Join(ws, " ")))
		}
		return strings.Join(parts, "<text:line-break/>")
	}
	cell := func(content string) string {
		return `<table:table-cell table:style-name="Cell" office:value-type="string">` + content + `</table:table-cell>`
	}
	par := func(style, content string) string {
		return `<text:p text:style-name="` + style + `">` + content + `</text:p>`
	}

	for i, l := range ls {
		number := "Số: " + dots + "/" + letterSymbol(l)
		if l.Number > 0 {
			number = "Số: " + letters.Reference(l.Number, letterSymbol(l))
		}
		// Header: the bodies and the national name and motto, then "Số" level with the place.
		tstyle := "THead"
		if i > 0 {
			tstyle = "THeadBreak"
		}
		fmt.Fprintf(&b, `<table:table table:name="H%d" table:style-name="%s"><table:table-column table:style-name="CHL"/><table:table-column table:style-name="CGap"/><table:table-column table:style-name="CHR"/>`, i+1, tstyle)
		left := ""
		if len(parentLines) > 0 {
			left += par("Hdr", lineText(parentLines))
		}
		left += par("HdrB", lineText(bodyLines)) + par("RuleL", "")
		right := par("HdrB", esc(quocHieu)) + par("MottoB", esc(tieuNgu)) + par("RuleR", "")
		b.WriteString(`<table:table-row>` + cell(left) + cell(par("Hdr", "")) + cell(right) + `</table:table-row>`)
		b.WriteString(`<table:table-row>` + cell(par("HdrNo", esc(number))) + cell(par("Hdr", "")) + cell(par("PlaceNo", esc(placeDate(p.placeName(), l.Date)))) + `</table:table-row>`)
		b.WriteString("</table:table>\n")

		// Title, recipient, body.
		b.WriteString(par("Title", esc(upper(letterTitle(l)))))
		hasAddr := textvn.Clean(l.Address) != ""
		kg := "KinhGuiLast"
		if hasAddr {
			kg = "KinhGui"
		}
		b.WriteString(par(kg, `Kính gửi: <text:span text:style-name="B">`+esc(l.Recipient)+`</text:span>`))
		if hasAddr {
			b.WriteString(par("Addr", esc("Địa chỉ: "+l.Address)))
		}
		for _, s := range l.Paragraphs {
			if textvn.Clean(s) == "" {
				continue
			}
			b.WriteString(par("Body", esc(s)))
		}
		b.WriteByte('\n')

		// Closing: "Nơi nhận" and the QR code on the left, the signature block on the right.
		nn := par("NNHead", "Nơi nhận:")
		for _, s := range p.noiNhanItems([]string{"Như trên"}, l.NoiNhan) {
			nn += par("NNItem", esc(s))
		}
		if textvn.Clean(l.DossierCode) != "" || l.Number > 0 {
			img, err := qrPNG(LetterQRText(l))
			if err != nil {
				return nil, err
			}
			nn += par("QR", fmt.Sprintf(`<draw:frame draw:style-name="fr" draw:name="QR%d" text:anchor-type="as-char" svg:width="20mm" svg:height="20mm" draw:z-index="0"><draw:image><office:binary-data>%s</office:binary-data></draw:image></draw:frame>`,
				i+1, base64.StdEncoding.EncodeToString(img)))
		}
		sig := ""
		for _, t := range p.signLines() {
			sig += par("SignT", esc(t))
		}
		sig += par("SignName", esc(p.ChairName))
		fmt.Fprintf(&b, `<table:table table:name="C%d" table:style-name="TClose"><table:table-column table:style-name="CNN"/><table:table-column table:style-name="CGap4"/><table:table-column table:style-name="CSig"/>`, i+1)
		b.WriteString(`<table:table-row table:style-name="RKeep">` + cell(nn) + cell(par("NNItem", "")) + cell(sig) + `</table:table-row></table:table>` + "\n")
	}
	b.WriteString("</office:text></office:body>\n</office:document>\n")
	return []byte(b.String()), nil
}

// qrPNG is text as a QR code image with the same two-module quiet zone as doc.qrCode, four
// pixels a module.
func qrPNG(text string) ([]byte, error) {
	c, err := qr.Encode(textvn.Clean(text), qr.M)
	if err != nil {
		return nil, err
	}
	const quiet, scale = 2, 4
	n := (c.Size + 2*quiet) * scale
	img := image.NewGray(image.Rect(0, 0, n, n))
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			v := uint8(0xff)
			if c.Black(x/scale-quiet, y/scale-quiet) {
				v = 0
			}
			img.SetGray(x, y, color.Gray{v})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
