package docs

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"motcua/internal/textvn"
)

// qrSide is the side of the receipt's QR code on A5, in mm.
const qrSide = 19.0

// Receipt prints the receipt with appointment (form 01) in two copies, "Liên 1: lưu" and
// "Liên 2: giao người nộp", each on its own A5 page.
func Receipt(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return Receipts(w, f, p, []DossierDoc{d})
}

// Receipts prints the receipts of several dossiers into one A5 PDF, two copies each.
func Receipts(w io.Writer, f *Fonts, p Profile, ds []DossierDoc) error {
	return forms(w, f, p, ds, FormReceipt)
}

// Supplement prints the supplement request (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, form 02).
func Supplement(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormSupplement)
}

// Refusal prints the refusal (phiếu từ chối tiếp nhận giải quyết hồ sơ, form 03).
func Refusal(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormRefusal)
}

// Apology prints the apology with the new date (form 04 of either set), signed by the chair.
func Apology(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormApology)
}

// StopNotice prints the notice that handling stops (thông báo dừng giải quyết hồ sơ, form 05
// of the 2025 set). A dossier received under the 2018 set has no such form: the error says so.
func StopNotice(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormStop)
}

// ControlSlip prints the control slip (phiếu kiểm soát quá trình giải quyết hồ sơ) with one
// row per hand-over, and blank rows to fill by hand when there are few.
func ControlSlip(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormControl)
}

// forms checks every dossier, then lays each out from a fresh A5 page.
func forms(w io.Writer, f *Fonts, p Profile, ds []DossierDoc, kind FormKind) error {
	if len(ds) == 0 {
		return errors.New("không có hồ sơ nào để in: hãy chọn ít nhất một hồ sơ")
	}
	found := make([]Form, len(ds))
	for i, dd := range ds {
		form, err := p.library().Lookup(p.formSet(dd.FormSet), kind)
		if err != nil {
			return withCode(dd, err)
		}
		if err := checkDossier(dd, kind); err != nil {
			return withCode(dd, err)
		}
		found[i] = form
	}
	md := meta{title: sentence(found[0].Title), author: p.CounterName}
	if len(ds) == 1 {
		md.title += " – " + textvn.Clean(ds[0].Code)
	}
	for _, dd := range ds {
		if dd.ReceivedAt.After(md.date) {
			md.date = dd.ReceivedAt
		}
		if dd.IssuedAt.After(md.date) {
			md.date = dd.IssuedAt
		}
	}
	ps := styleFor(p.FormPaper)
	switch {
	case !found[0].OfficePaper:
		ps = a4Style // a paper the office's A5 setting does not reach (the competent body's own notice)
	case ps.twoUp && len(found[0].Copies) < 2:
		ps = a5Style // two halves of a sheet are for the receipt's two copies; other forms print on A5
	}
	d := newDoc(f, ps.orient, ps.size, ps.m, md)
	d.demo = p.Demo
	d.ps = ps
	d.onPage = pageNumberTop(ps.small)
	for i, dd := range ds {
		if err := drawForm(d, p, found[i], dd); err != nil {
			return withCode(dd, err)
		}
	}
	return d.output(w)
}

func withCode(dd DossierDoc, err error) error {
	if c := textvn.Clean(dd.Code); c != "" {
		return fmt.Errorf("hồ sơ %s: %w", c, err)
	}
	return err
}

// sentence turns a capitalised title into sentence case for the PDF's metadata.
func sentence(title string) string {
	r := []rune(strings.ToLower(title))
	if len(r) == 0 {
		return ""
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// checkDossier refuses what would print a form that misleads: no code, no applicant, a
// supplement with nothing to add, a refusal without reason…
func checkDossier(dd DossierDoc, kind FormKind) error {
	if textvn.Clean(dd.Code) == "" {
		return errors.New("hồ sơ chưa có mã hồ sơ nên chưa in được phiếu")
	}
	if textvn.Clean(dd.Applicant.Name) == "" {
		return errors.New("chưa có họ tên người nộp hồ sơ: hãy nhập trước khi in")
	}
	if dd.ReceivedAt.IsZero() {
		return errors.New("chưa có thời gian tiếp nhận hồ sơ")
	}
	switch kind {
	case FormReceipt:
		if dd.DueAt.IsZero() {
			return errors.New("chưa có thời gian hẹn trả kết quả: giấy tiếp nhận phải ghi ngày hẹn")
		}
	case FormSupplement:
		n := 0
		for _, s := range dd.SupplementItems {
			if textvn.Clean(s) != "" {
				n++
			}
		}
		if n == 0 {
			return errors.New("phiếu yêu cầu bổ sung phải ghi đủ các nội dung cần bổ sung (chỉ được yêu cầu một lần): hãy nhập ít nhất một nội dung")
		}
	case FormRefusal, FormRejection:
		if textvn.Clean(dd.Reason) == "" {
			return errors.New("chưa ghi lý do: phiếu từ chối và thông báo từ chối giải quyết phải nêu rõ lý do")
		}
	case FormStop:
		if textvn.Clean(dd.Reason) == "" && dd.StopBy != StopByApplicant {
			return errors.New("chưa ghi lý do: thông báo dừng giải quyết do cơ quan quyết định phải nêu rõ lý do")
		}
	case FormApology:
		if textvn.Clean(dd.Reason) == "" {
			return errors.New("chưa ghi lý do chậm trễ: văn bản xin lỗi phải nêu rõ lý do")
		}
		if dd.NewDueAt.IsZero() {
			return errors.New("chưa có ngày hẹn trả kết quả mới: văn bản xin lỗi phải ghi ngày hẹn lại")
		}
		if !dd.DueAt.IsZero() && !dd.NewDueAt.After(dd.DueAt) {
			return fmt.Errorf("ngày hẹn mới (%s) phải sau ngày hẹn cũ (%s)", shortDate(dd.NewDueAt), shortDate(dd.DueAt))
		}
	}
	return nil
}

// formHeader prints the heading and the title: the counter issues the forms it signs, the
// body (signed by its chair) the others; "Số" and the place-and-date line as the form says.
func formHeader(d *doc, p Profile, form Form, dd DossierDoc) {
	h := header{
		size: d.ps.head, qhSize: d.ps.qh, mottoSize: d.ps.motto,
	}
	if form.Number != "" {
		h.formNo = "Mẫu số " + form.Number
	}
	if form.Issuer == "body" {
		h.parent, h.body = p.bodyParent(), p.Body
		if textvn.Clean(dd.Authority) != "" {
			h.parent, h.body = "", dd.Authority
		}
	} else {
		h.parent, h.body = p.Body, p.CounterName
	}
	if form.Numbered {
		h.number = "Số: " + orDots(dd.DocNumber)
	}
	switch form.Date {
	case "issued":
		h.place = placeDate(p.placeName(), dd.IssuedAt)
	case "received":
		h.place = placeDate(p.placeName(), dd.ReceivedAt)
	}
	d.header(h)
	d.gap(10)
	d.y = d.drawLines(d.m.left, d.contentW(), d.y, d.balancedLines([]run{bd(form.Title)}, d.ps.title, d.contentW()), d.ps.title, alignCenter)
	if form.Summary != "" {
		d.y = d.drawLines(d.m.left, d.contentW(), d.y, d.balancedLines([]run{bd(form.Summary)}, d.ps.title, d.contentW()), d.ps.title, alignCenter)
	}
	d.gap(2)
}

// label prints "Label: value" with continuation lines under the value.
func (d *doc) label(label string, value []run, size float64) {
	lr := rg(label + ": ")
	hang := d.f.width(regular, size, textvn.Clean(label)+": ")
	if hang > d.contentW()/3 {
		hang = 0 // a long label: continuation lines start at the margin
	}
	d.para(para{runs: append([]run{lr}, value...), size: size, al: alignLeft, hang: hang})
}

func numOrDots(n int) string {
	if n <= 0 {
		return dots
	}
	return fmt.Sprintf("%02d", n)
}

func setsText(n int) string {
	if n <= 0 {
		return dots + " bộ"
	}
	return fmt.Sprintf("%02d bộ", n)
}

// documentsTable lists the papers received, in the columns the form's data gives (TT, name,
// form as original or copy, count): a row per paper, or empty rows to fill by hand.
func documentsTable(d *doc, b Block, docs []Document) {
	ws := colWidths(d, b.Columns)
	cols := make([]col, len(ws))
	for i, w := range ws {
		cols[i] = col{w, alignOf(b.Columns[i].Align)}
	}
	t := table{x: d.m.left, cols: cols, size: d.ps.small, pad: 0.9}
	head := func(d *doc) {
		x, h := d.m.left, d.lineH(d.ps.small)*2+1.8
		for i, c := range b.Columns {
			d.box(x, d.y, cols[i].w, h, []run{bd(c.Title)}, d.ps.small)
			x += cols[i].w
		}
		d.y += h
	}
	t.header, t.headH = head, d.lineH(d.ps.small)*2+1.8
	d.need(t.headH + d.lineH(d.ps.small) + 2)
	head(d)
	if len(docs) == 0 {
		docs = make([]Document, b.EmptyRows)
	}
	for i, doc := range docs {
		count := ""
		if doc.Count > 0 {
			count = fmt.Sprintf("%02d", doc.Count)
		}
		v := fields{"n": {fmt.Sprint(i + 1), true}, "name": {doc.Name, doc.Name != ""}, "form": {doc.Form, doc.Form != ""}, "count": {count, count != ""}}
		cells := make([][]run, len(b.cols))
		for j, c := range b.cols {
			cells[j] = v.runs(c)
		}
		d.row(t, cells)
	}
}

const signNote = "(Ký và ghi rõ họ tên)"

// twoSignatures puts two signature blocks side by side, kept together on one page.
func twoSignatures(d *doc, leftTitle, leftName, rightTitle, rightName, note string) {
	cw := d.contentW()
	bs := []signBlock{
		{x: d.m.left, w: cw / 2, titles: []string{leftTitle}, note: note, name: leftName},
		{x: d.m.left + cw/2, w: cw / 2, titles: []string{rightTitle}, note: note, name: rightName},
	}
	room := d.ps.room
	d.need(d.signBlocksHeight(room, d.ps.text, bs...))
	d.y = d.signBlocks(d.y, room, d.ps.text, bs...)
}

// oneSignature puts a signature block on the right half.
func oneSignature(d *doc, title, name, note string) {
	cw := d.contentW()
	b := signBlock{x: d.m.left + cw/2, w: cw / 2, titles: []string{title}, note: note, name: name}
	room := d.ps.room
	d.gap(4)
	d.need(d.signBlocksHeight(room, d.ps.text, b))
	d.y = d.signBlocks(d.y, room, d.ps.text, b)
}

// formClosing is the chair-signed end of forms 04 and 05 and of the refusal after appraisal:
// Nơi nhận left ("Như trên", the others given, the archive), signature right.
func formClosing(d *doc, p Profile, dd DossierDoc, others ...string) {
	cw := d.contentW()
	sigW := cw * 0.55
	b := signBlock{x: d.m.left + cw - sigW, w: sigW, titles: p.signLines(), name: p.ChairName}
	if len(dd.SignLines) > 0 {
		// Another authority decides the procedure (the commune police): its own block, and
		// its signer's name when known, never "TM. ỦY BAN NHÂN DÂN".
		b.titles, b.name = nil, dd.Signer
		for _, l := range dd.SignLines {
			b.titles = append(b.titles, upper(l))
		}
	}
	room := d.ps.closeRoom
	items := p.noiNhanItems([]string{"Như trên"}, others)
	d.gap(4)
	d.need(max(d.signBlocksHeight(room, d.ps.text, b), d.lineH(d.ps.small)*float64(len(items)+1)))
	top := d.y
	y1 := d.noiNhan(d.m.left, cw-sigW-2, top+0.5, items, d.ps.noiNhan)
	d.y = max(y1, d.signBlocks(top, room, d.ps.text, b))
}

func body(d *doc, runs ...run) {
	d.para(para{runs: runs, size: d.ps.text, al: alignJustify, indent: d.ps.indent, after: d.ps.after})
}

func counterName(p Profile) string {
	if c := textvn.Clean(p.CounterName); c != "" {
		return c
	}
	return "Bộ phận Một cửa"
}

func bodyName(p Profile) string {
	if b := textvn.Clean(p.Body); b != "" {
		return b
	}
	return "Ủy ban nhân dân xã"
}

// ensureStop ends a sentence with a full stop.
func ensureStop(s string) string {
	s = textvn.Clean(s)
	if s != "" && !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return s
}

// RejectionNotice prints the competent body's notice refusing to resolve a dossier after
// appraising it (thông báo từ chối giải quyết hồ sơ). It is not form 03, which is the
// counter's refusal to accept: it is a document of the body, numbered and signed by it.
func RejectionNotice(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormRejection)
}

// handoverLabels are the words inside the control slip's rows, unless the form's data gives
// its own ("labels").
var handoverLabels = map[string]string{"from": "Giao", "to": "Nhận", "giver": "Người giao", "receiver": "Người nhận", "sign_note": "(Ký, ghi rõ họ tên)"}

// controlTable is the control slip's table: four column groups, the hand-over's time with
// the giver's and the receiver's signatures inside "THỜI GIAN GIAO, NHẬN HỒ SƠ", one row per
// hand-over and blank rows to fill by hand.
func controlTable(d *doc, b Block, hs []Handover) {
	s := d.ps.sc
	lb := func(k string) string {
		if v, ok := b.Labels[k]; ok {
			return v
		}
		return handoverLabels[k]
	}
	ws := colWidths(d, b.Columns)
	nameW, timeW, resW, noteW := ws[0], ws[1], ws[2], ws[3]
	xs := []float64{d.m.left, d.m.left + nameW, d.m.left + nameW + timeW, d.m.left + nameW + timeW + resW}
	heads := make([]string, len(b.Columns))
	for i, c := range b.Columns {
		heads[i] = c.Title
	}
	hs1, hs2 := d.ps.ctlHead, d.ps.ctlCell
	headH := 0.0
	for i, h := range heads {
		headH = max(headH, d.boxHeight([]run{bd(h)}, hs1, ws[i]))
	}
	head := func(d *doc) {
		for i, h := range heads {
			d.box(xs[i], d.y, ws[i], headH, []run{bd(h)}, hs1)
		}
		d.y += headH
	}
	pad, lh := 1.0, d.lineH(hs2)
	room := s(10)
	d.need(headH + 4*lh + room)
	head(d)
	for len(hs) < b.EmptyRows {
		hs = append(hs, Handover{})
	}
	for i, h := range hs {
		when := dots + " giờ " + dots + " phút, ngày " + dots + "/" + dots + "/" + dots
		if !h.At.IsZero() {
			tt := h.At.In(Zone)
			when = fmt.Sprintf("%02d giờ %02d phút, ngày %s", tt.Hour(), tt.Minute(), tt.Format("02/01/2006"))
		}
		nameLines := d.lines([]run{rg(fmt.Sprintf("%d. %s: ", i+1, lb("from"))), rg(h.From), rg("\n"), rg(lb("to") + ": "), rg(h.To)}, hs2, nameW-2*pad)
		whenLines := d.lines([]run{rg(when)}, hs2, timeW-2*pad)
		half := (timeW - 2*pad) / 2
		giver := d.lines([]run{bd(h.Giver)}, hs2, half)
		receiver := d.lines([]run{bd(h.Receiver)}, hs2, half)
		signH := lh + d.lineH(hs2-1) + room + float64(max(1, len(giver), len(receiver)))*lh
		resLines := d.lines([]run{rg(h.Outcome)}, hs2, resW-2*pad)
		noteLines := d.lines([]run{rg(h.Note)}, hs2, noteW-2*pad)
		rowH := 2*pad + max(float64(len(nameLines))*lh, float64(len(whenLines))*lh+signH,
			float64(len(resLines))*lh, float64(len(noteLines))*lh)
		if d.y+rowH > d.bottomY() {
			d.newPage()
			head(d)
		}
		d.pdf.SetLineWidth(0.2)
		for k := range ws {
			d.pdf.Rect(xs[k], d.y, ws[k], rowH, "D")
		}
		top := d.y + pad
		d.drawLines(xs[0]+pad, nameW-2*pad, top, nameLines, hs2, alignLeft)
		y := d.drawLines(xs[1]+pad, timeW-2*pad, top, whenLines, hs2, alignCenter)
		for j, who := range []struct {
			label string
			name  [][]word
		}{{lb("giver"), giver}, {lb("receiver"), receiver}} {
			x := xs[1] + pad + float64(j)*half
			yy := d.column(x, half, y, []run{bd(who.label)}, hs2, alignCenter)
			d.column(x, half, yy, []run{it(lb("sign_note"))}, hs2-1, alignCenter)
			d.drawLines(x, half, y+signH-float64(max(1, len(who.name)))*lh, who.name, hs2, alignCenter)
		}
		d.drawLines(xs[2]+pad, resW-2*pad, top, resLines, hs2, alignCenter)
		d.drawLines(xs[3]+pad, noteW-2*pad, top, noteLines, hs2, alignLeft)
		d.y += rowH
	}
}
