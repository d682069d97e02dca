package docs

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"motcua/internal/letters"
	"motcua/internal/textvn"
)

// A4 portrait margins of Decree 30/2020 (top and bottom 20–25 mm, left 30–35, right 15–20).
var a4Margins = margins{top: 20, right: 15, bottom: 20, left: 30}

// Letters prints one letter or many (the chair's day of letters) into one A4 PDF, each
// letter starting on a new page with its own page numbers, in the layout of Decree 30/2020.
func Letters(w io.Writer, f *Fonts, p Profile, ls []Letter) error {
	if len(ls) == 0 {
		return errors.New("không có thư nào để in: hãy chọn ít nhất một thư")
	}
	for i, l := range ls {
		if err := checkLetter(i, l); err != nil {
			return err
		}
	}
	md := meta{title: "Thư", author: p.Body, date: ls[0].Date}
	for _, l := range ls {
		if l.Date.After(md.date) {
			md.date = l.Date
		}
	}
	if len(ls) == 1 {
		md.title = letterTitle(ls[0]) + " gửi " + ls[0].Recipient
	}
	d := newDoc(f, "P", "A4", a4Margins, md)
	d.demo = p.Demo
	d.onPage = letterPage(p)
	for _, l := range ls {
		d.section()
		if err := drawLetter(d, p, l); err != nil {
			return err
		}
	}
	return d.output(w)
}

func checkLetter(i int, l Letter) error {
	which := fmt.Sprintf("thư thứ %d", i+1)
	if textvn.Clean(l.Recipient) != "" {
		which += " (gửi " + textvn.Clean(l.Recipient) + ")"
	}
	if l.Title == "" {
		if _, err := letters.ParseKind(string(l.Kind)); err != nil {
			return fmt.Errorf("%s: %w", which, err)
		}
	}
	if textvn.Clean(l.Recipient) == "" {
		return fmt.Errorf("%s chưa có người nhận sau \"Kính gửi\": hãy nhập tên người nhận", which)
	}
	body := false
	for _, s := range l.Paragraphs {
		body = body || textvn.Clean(s) != ""
	}
	if !body {
		return fmt.Errorf("%s chưa có nội dung: hãy soạn hoặc chọn mẫu thư", which)
	}
	return nil
}

func letterTitle(l Letter) string {
	if t := textvn.Clean(l.Title); t != "" {
		return t
	}
	return l.Kind.Title()
}

// LetterQRText is what a letter's QR code carries: the dossier code, the number and symbol,
// and the date, separated by ";" ("000.17.22.H56-260205-0001;05/UBND;2026-02-05"). Either
// of the first two may be empty; a scanner typing it into the search box finds the dossier
// or the letter.
func LetterQRText(l Letter) string {
	ref := ""
	if l.Number > 0 {
		ref = letters.Reference(l.Number, letterSymbol(l))
	}
	date := ""
	if !l.Date.IsZero() {
		date = l.Date.In(Zone).Format("2006-01-02")
	}
	return strings.Join([]string{textvn.Clean(l.DossierCode), ref, date}, ";")
}

func letterSymbol(l Letter) string {
	if s := textvn.Clean(l.Symbol); s != "" {
		return s
	}
	return letters.DefaultSymbol
}

func drawLetter(d *doc, p Profile, l Letter) error {
	number := "Số: " + dots + "/" + letterSymbol(l)
	if l.Number > 0 {
		number = "Số: " + letters.Reference(l.Number, letterSymbol(l))
	}
	d.header(header{
		parent: p.bodyParent(), body: p.Body,
		number: number, place: placeDate(p.placeName(), l.Date),
		size: 13, qhSize: 13, mottoSize: 14,
	})
	d.gap(18)
	d.para(para{runs: []run{bd(upper(letterTitle(l)))}, size: 14, al: alignCenter, after: 8})
	d.para(para{runs: []run{rg("Kính gửi: "), bd(l.Recipient)}, size: 14, al: alignCenter})
	if textvn.Clean(l.Address) != "" {
		d.para(para{runs: []run{it("Địa chỉ: " + l.Address)}, size: 13, al: alignCenter})
	}
	d.gap(10)
	for _, s := range l.Paragraphs {
		if textvn.Clean(s) == "" {
			continue
		}
		d.para(para{runs: []run{rg(s)}, size: 14, al: alignJustify, indent: 12.7, after: 6})
	}
	qr := ""
	if textvn.Clean(l.DossierCode) != "" || l.Number > 0 {
		qr = LetterQRText(l)
	}
	signer := l.Signer
	if !signer.Valid() {
		signer = p.Signer()
	}
	return d.closing(p, signer, p.noiNhanItems([]string{"Như trên"}, l.NoiNhan), qr)
}

// letterPage starts each page of a letter: the page number from page 2 on, and on the first
// page the office's address and phone at the foot, under a rule as wide as the text (Decree
// 30/2020, Phụ lục I: the issuing body's address, phone and e-mail at the bottom of the first
// page), small, with the room they take kept from the text.
func letterPage(p Profile) func(d *doc) {
	number := pageNumberTop(13)
	line := p.contactLine()
	return func(d *doc) {
		number(d)
		d.m.bottom = a4Margins.bottom
		if line == "" || d.pageNo != 1 {
			return
		}
		const size = 11
		h := float64(len(d.lines([]run{rg(line)}, size, d.contentW())))*d.lineH(size) + 1
		top := d.bottomY() - h
		d.hline(d.m.left, d.m.left+d.contentW(), top, 0.3)
		d.column(d.m.left, d.contentW(), top+1, []run{rg(line)}, size, alignLeft)
		d.m.bottom += h + 4
	}
}

// closing draws the end of an A4 document signed by the chair: "Nơi nhận" on the left (and
// the QR code below it), the signature block on the right, kept together on one page.
func (d *doc) closing(p Profile, signer letters.Signer, items []string, qrText string) error {
	cw := d.contentW()
	sigW := cw * 0.52
	sigX := d.m.left + cw - sigW
	nnW := cw - sigW - 4
	b := signBlock{x: sigX, w: sigW, titles: letters.SignBlock(signer, p.BodyShort), name: signer.Name}
	const room, qrSide = 26.0, 20.0
	sigH := d.signBlocksHeight(room, 14, b)
	nnH := d.lineH(12) + float64(len(items))*d.lineH(11)
	if qrText != "" {
		nnH += 4 + qrSide
	}
	d.gap(4)
	d.need(max(sigH, nnH))
	top := d.y
	y := d.noiNhan(d.m.left, nnW, top+0.5, items, 12)
	if qrText != "" {
		if err := d.qrCode(d.m.left-1.5, y+4, qrSide, qrText); err != nil {
			return err
		}
		y += 4 + qrSide
	}
	d.y = max(y, d.signBlocks(top, room, 14, b))
	return nil
}
