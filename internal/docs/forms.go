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
	return forms(w, f, p, ds, FormReceipt, drawReceipt)
}

// Supplement prints the supplement request (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, form 02).
func Supplement(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormSupplement, drawSupplement)
}

// Refusal prints the refusal (phiếu từ chối tiếp nhận giải quyết hồ sơ, form 03).
func Refusal(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormRefusal, drawRefusal)
}

// Apology prints the apology with the new date (form 04 of either set), signed by the chair.
func Apology(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormApology, drawApology)
}

// StopNotice prints the notice that handling stops (thông báo dừng giải quyết hồ sơ, form 05
// of the 2025 set). A dossier received under the 2018 set has no such form: the error says so.
func StopNotice(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormStop, drawStop)
}

// ControlSlip prints the control slip (phiếu kiểm soát quá trình giải quyết hồ sơ) with one
// row per hand-over, and blank rows to fill by hand when there are few.
func ControlSlip(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormControl, drawControl)
}

type formDrawer func(d *doc, p Profile, form Form, dd DossierDoc) error

// forms checks every dossier, then lays each out from a fresh A5 page.
func forms(w io.Writer, f *Fonts, p Profile, ds []DossierDoc, kind FormKind, draw formDrawer) error {
	if len(ds) == 0 {
		return errors.New("không có hồ sơ nào để in: hãy chọn ít nhất một hồ sơ")
	}
	found := make([]Form, len(ds))
	for i, dd := range ds {
		form, err := LookupForm(p.formSet(dd.FormSet), kind)
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
	d := newDoc(f, ps.orient, ps.size, ps.m, md)
	d.ps = ps
	d.onPage = pageNumberTop(ps.small)
	for i, dd := range ds {
		if err := draw(d, p, found[i], dd); err != nil {
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

// formHeader prints the A5 heading and the title. The counter issues forms 01, 02, 03 and
// the control slip; the body (signed by its chair) issues the apology and the stop notice.
func formHeader(d *doc, p Profile, form Form, dd DossierDoc, withNumber bool) {
	h := header{
		size: d.ps.head, qhSize: d.ps.qh, mottoSize: d.ps.motto,
	}
	if form.Number != "" {
		h.formNo = "Mẫu số " + form.Number
	}
	switch form.Kind {
	case FormApology, FormStop, FormRejection:
		h.parent, h.body = p.ParentBody, p.Body
	default:
		h.parent, h.body = p.Body, p.CounterName
	}
	if withNumber {
		h.number = "Số: " + orDots(dd.DocNumber)
		h.place = placeDate(p.PlaceName, dd.IssuedAt)
	}
	if form.Kind == FormReceipt {
		h.place = placeDate(p.PlaceName, dd.ReceivedAt)
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

func drawReceipt(d *doc, p Profile, form Form, dd DossierDoc) error {
	first := 0
	for i, copyLabel := range []string{"Liên 1: lưu", "Liên 2: giao người nộp"} {
		switch {
		case !d.ps.twoUp:
			d.section()
		case i == 1 && d.physicalPage == first:
			// The first copy fitted its half: the second takes the other half of the sheet.
			d.m = d.ps.halfMargins(1)
			d.pageNo, d.y = 1, d.m.top
		default:
			d.m = d.ps.halfMargins(0)
			d.section()
			first = d.physicalPage
			d.cutLine()
		}
		formHeader(d, p, form, dd, false)
		qrTop := d.y + 1
		d.para(para{runs: []run{rg("Mã hồ sơ: "), bd(dd.Code)}, size: d.ps.text, al: alignCenter})
		d.para(para{runs: []run{it("(" + copyLabel + ")")}, size: d.ps.text, al: alignCenter, after: 4})
		// The QR code sits at the right under the title; the lines beside it make room.
		qs := d.ps.sc(qrSide)
		if err := d.qrCode(d.w-d.m.right-qs+1.5, qrTop, qs, dd.Code); err != nil {
			return err
		}
		d.exclPage, d.exclBottom, d.exclW = d.physicalPage, qrTop+qs, qs+1
		d.para(para{runs: []run{rg(counterName(p) + " tiếp nhận hồ sơ của:")}, size: d.ps.text})
		d.label("Ông/Bà", []run{bd(dd.Applicant.Name)}, d.ps.text)
		d.label("Địa chỉ", []run{rg(orDots(dd.Applicant.Address))}, d.ps.text)
		d.label("Số điện thoại", []run{rg(orDots(dd.Applicant.Phone) + "; Thư điện tử: " + orDots(dd.Applicant.Email))}, d.ps.text)
		d.exclBottom = 0
		d.label("Nội dung yêu cầu giải quyết", []run{bd(orDots(dd.ProcedureName))}, d.ps.text)
		d.para(para{runs: []run{rg("1. Thành phần hồ sơ nộp gồm:")}, size: d.ps.text, after: 2})
		documentsTable(d, dd.Documents)
		d.gap(2)
		d.label("2. Số lượng hồ sơ", []run{rg(setsText(dd.Sets))}, d.ps.text)
		d.label("3. Thời gian giải quyết hồ sơ theo quy định là", []run{rg(orDots(dd.LimitText))}, d.ps.text)
		d.label("4. Thời gian nhận hồ sơ", []run{rg(timeWords(dd.ReceivedAt))}, d.ps.text)
		d.label("5. Thời gian trả kết quả giải quyết hồ sơ", []run{bd(timeWords(dd.DueAt))}, d.ps.text)
		d.label("6. Đăng ký nhận kết quả tại", []run{rg(orDots(p.resultMethod(dd.ResultMethod)))}, d.ps.text)
		d.para(para{runs: []run{rg(fmt.Sprintf("Vào Sổ theo dõi hồ sơ, Quyển số: %s, Số thứ tự: %s", numOrDots(dd.BookNo), numOrDots(dd.EntryNo)))}, size: d.ps.text, after: 4})
		twoSignatures(d, "NGƯỜI NỘP HỒ SƠ", dd.Applicant.Name, "NGƯỜI TIẾP NHẬN HỒ SƠ", dd.ReceivedBy)
		receiptNotes(d, p, dd)
	}
	return nil
}

// receiptNotes are the notes under the receipt: the two copies and, when the applicant chose
// it, the result sent by post.
func receiptNotes(d *doc, p Profile, dd DossierDoc) {
	d.gap(d.ps.after)
	d.para(para{runs: []run{bi("Ghi chú:")}, size: d.ps.small, after: 1})
	note := func(s string) {
		d.para(para{runs: []run{it("- " + s)}, size: d.ps.small, al: alignJustify, hang: d.ps.sc(2.5), after: 1})
	}
	note("Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên: 01 liên giao người nộp hồ sơ, 01 liên lưu tại " + counterName(p) + ".")
	if strings.TrimSpace(dd.ResultMethod) == "post" {
		note("Ông/Bà đã đăng ký nhận kết quả qua dịch vụ bưu chính công ích: kết quả giải quyết hồ sơ được gửi đến địa chỉ Ông/Bà đã đăng ký.")
	}
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

// documentsTable lists the papers received: TT, name, form (original or copy), count.
func documentsTable(d *doc, docs []Document) {
	cw := d.contentW()
	s := d.ps.sc
	cols := []col{{s(8), alignCenter}, {cw - s(8) - s(34) - s(16), alignLeft}, {s(34), alignCenter}, {s(16), alignCenter}}
	t := table{x: d.m.left, cols: cols, size: d.ps.small, pad: 0.9}
	head := func(d *doc) {
		x, h := d.m.left, d.lineH(d.ps.small)*2+1.8
		for i, s := range []string{"TT", "Tên giấy tờ", "Hình thức (bản chính, bản sao…)", "Số lượng"} {
			d.box(x, d.y, cols[i].w, h, []run{bd(s)}, d.ps.small)
			x += cols[i].w
		}
		d.y += h
	}
	t.header, t.headH = head, d.lineH(d.ps.small)*2+1.8
	d.need(t.headH + d.lineH(d.ps.small) + 2)
	head(d)
	if len(docs) == 0 {
		docs = []Document{{}, {}}
	}
	for i, doc := range docs {
		count := ""
		if doc.Count > 0 {
			count = fmt.Sprintf("%02d", doc.Count)
		}
		d.row(t, [][]run{{rg(fmt.Sprint(i + 1))}, {rg(doc.Name)}, {rg(doc.Form)}, {rg(count)}})
	}
}

const signNote = "(Ký và ghi rõ họ tên)"

// twoSignatures puts two signature blocks side by side, kept together on one page.
func twoSignatures(d *doc, leftTitle, leftName, rightTitle, rightName string) {
	cw := d.contentW()
	bs := []signBlock{
		{x: d.m.left, w: cw / 2, titles: []string{leftTitle}, note: signNote, name: leftName},
		{x: d.m.left + cw/2, w: cw / 2, titles: []string{rightTitle}, note: signNote, name: rightName},
	}
	room := d.ps.room
	d.need(d.signBlocksHeight(room, d.ps.text, bs...))
	d.y = d.signBlocks(d.y, room, d.ps.text, bs...)
}

// oneSignature puts a signature block on the right half.
func oneSignature(d *doc, title, name string) {
	cw := d.contentW()
	b := signBlock{x: d.m.left + cw/2, w: cw / 2, titles: []string{title}, note: signNote, name: name}
	room := d.ps.room
	d.gap(4)
	d.need(d.signBlocksHeight(room, d.ps.text, b))
	d.y = d.signBlocks(d.y, room, d.ps.text, b)
}

// formClosing is the chair-signed end of forms 04 and 05 and of the refusal after appraisal:
// Nơi nhận left ("Như trên", the others given, the archive), signature right.
func formClosing(d *doc, p Profile, others ...string) {
	cw := d.contentW()
	sigW := cw * 0.55
	b := signBlock{x: d.m.left + cw - sigW, w: sigW, titles: p.signLines(), name: p.ChairName}
	room := d.ps.closeRoom
	items := p.noiNhanItems([]string{"Như trên"}, others)
	d.gap(4)
	d.need(max(d.signBlocksHeight(room, d.ps.text, b), d.lineH(d.ps.small)*float64(len(items)+1)))
	top := d.y
	y1 := d.noiNhan(d.m.left, cw-sigW-2, top+0.5, items, d.ps.noiNhan)
	d.y = max(y1, d.signBlocks(top, room, d.ps.text, b))
}

func kinhGui(d *doc, dd DossierDoc) {
	d.gap(2)
	d.para(para{runs: []run{rg("Kính gửi: Ông/Bà "), bd(dd.Applicant.Name)}, size: d.ps.text, al: alignCenter, after: 3})
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

func drawSupplement(d *doc, p Profile, form Form, dd DossierDoc) error {
	d.section()
	formHeader(d, p, form, dd, true)
	d.para(para{runs: []run{rg("Mã hồ sơ: "), bd(dd.Code)}, size: d.ps.text, al: alignCenter})
	kinhGui(d, dd)
	d.label("Địa chỉ", []run{rg(orDots(dd.Applicant.Address))}, d.ps.text)
	d.label("Số điện thoại", []run{rg(orDots(dd.Applicant.Phone) + "; Thư điện tử: " + orDots(dd.Applicant.Email))}, d.ps.text)
	d.gap(d.ps.after)
	body(d, rg(fmt.Sprintf("Lúc %s, %s đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục ", timeWords(dd.ReceivedAt), counterName(p))),
		bd(orDots(dd.ProcedureName)), rg(" của Ông/Bà."))
	body(d, rg("Sau khi xem xét, đối chiếu với quy định, hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện các nội dung sau:"))
	n := 0
	for _, s := range dd.SupplementItems {
		if textvn.Clean(s) == "" {
			continue
		}
		n++
		lead := fmt.Sprintf("%d. ", n)
		d.para(para{runs: []run{rg(lead + s)}, size: d.ps.text, al: alignLeft, indent: d.ps.indent, hang: d.ps.indent + d.f.width(regular, d.ps.text, lead), after: 1})
	}
	d.gap(d.ps.after - 1)
	if textvn.Clean(dd.Reason) != "" {
		body(d, rg("Lý do: "+ensureStop(dd.Reason)))
	}
	phone := textvn.Clean(p.Phone)
	if phone == "" {
		phone = dots + dots
	}
	body(d, rg("Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ "+counterName(p)+", số điện thoại "+phone+" để được hướng dẫn."))
	officer := dd.Officer
	if textvn.Clean(officer) == "" {
		officer = dd.ReceivedBy
	}
	oneSignature(d, "NGƯỜI HƯỚNG DẪN", officer)
	return nil
}

func drawRefusal(d *doc, p Profile, form Form, dd DossierDoc) error {
	d.section()
	formHeader(d, p, form, dd, true)
	d.para(para{runs: []run{rg("Mã hồ sơ: "), bd(dd.Code)}, size: d.ps.text, al: alignCenter})
	kinhGui(d, dd)
	body(d, rg(fmt.Sprintf("Lúc %s, %s tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục ", timeWords(dd.ReceivedAt), counterName(p))),
		bd(orDots(dd.ProcedureName)), rg("."))
	body(d, rg("Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, "+counterName(p)+" không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: "), bd(ensureStop(dd.Reason)))
	body(d, rg("Xin thông báo để Ông/Bà được biết và thực hiện./."))
	officer := dd.Officer
	if textvn.Clean(officer) == "" {
		officer = dd.ReceivedBy
	}
	oneSignature(d, "NGƯỜI TIẾP NHẬN HỒ SƠ", officer)
	return nil
}

// ensureStop ends a sentence with a full stop.
func ensureStop(s string) string {
	s = textvn.Clean(s)
	if s != "" && !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return s
}

// receivedLine recalls when and what the office received, opening the
// apology and the stop notice.
func receivedLine(d *doc, p Profile, dd DossierDoc) {
	body(d, rg(fmt.Sprintf("Lúc %s, %s tiếp nhận hồ sơ đề nghị giải quyết thủ tục ", timeWords(dd.ReceivedAt), counterName(p))),
		bd(orDots(dd.ProcedureName)), rg(" của Ông/Bà (mã hồ sơ: "), bd(dd.Code), rg(")."))
}

func drawApology(d *doc, p Profile, form Form, dd DossierDoc) error {
	d.section()
	formHeader(d, p, form, dd, true)
	kinhGui(d, dd)
	receivedLine(d, p, dd)
	if !dd.DueAt.IsZero() {
		body(d, rg("Thời gian hẹn trả kết quả giải quyết hồ sơ: "+timeWords(dd.DueAt)+"."))
	}
	body(d, rg("Tuy nhiên đến nay, "+bodyName(p)+" chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng thời gian đã hẹn vì lý do: "), bd(ensureStop(dd.Reason)))
	if form.Number == "04" && strings.HasPrefix(form.Title, "VĂN BẢN") {
		body(d, rg("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. "+bodyName(p)+" xin lỗi Ông/Bà và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ; kết quả sẽ được trả cho Ông/Bà vào lúc "), bd(timeWords(dd.NewDueAt)), rg("."))
	} else {
		body(d, rg("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. "+bodyName(p)+" xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào lúc "), bd(timeWords(dd.NewDueAt)), rg("."))
	}
	body(d, rg("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./."))
	formClosing(d, p, counterName(p))
	return nil
}

func drawStop(d *doc, p Profile, form Form, dd DossierDoc) error {
	d.section()
	formHeader(d, p, form, dd, true)
	kinhGui(d, dd)
	receivedLine(d, p, dd)
	if dd.StopBy == StopByApplicant {
		asked := "Theo đề nghị của Ông/Bà"
		if !dd.IssuedAt.IsZero() {
			asked += " ngày " + shortDate(dd.IssuedAt)
		}
		if textvn.Clean(dd.Reason) != "" {
			body(d, rg(asked+" về việc dừng giải quyết hồ sơ với lý do: "), bd(ensureStop(dd.Reason)))
		} else {
			body(d, rg(asked+" về việc dừng giải quyết hồ sơ."))
		}
		body(d, rg(bodyName(p)+" thông báo dừng giải quyết hồ sơ nêu trên."))
	} else {
		body(d, rg(bodyName(p)+" thông báo dừng giải quyết hồ sơ nêu trên với lý do: "), bd(ensureStop(dd.Reason)))
	}
	body(d, rg("Đề nghị Ông/Bà liên hệ "+counterName(p)+" để nhận lại hồ sơ và được hướng dẫn thực hiện theo quy định."))
	body(d, rg("Trân trọng thông báo./."))
	formClosing(d, p, counterName(p))
	return nil
}

// RejectionNotice prints the competent body's notice refusing to resolve a dossier after
// appraising it (thông báo từ chối giải quyết hồ sơ). It is not form 03, which is the
// counter's refusal to accept: it is a document of the body, numbered and signed by it.
func RejectionNotice(w io.Writer, f *Fonts, p Profile, d DossierDoc) error {
	return forms(w, f, p, []DossierDoc{d}, FormRejection, drawRejection)
}

func drawRejection(d *doc, p Profile, form Form, dd DossierDoc) error {
	d.section()
	formHeader(d, p, form, dd, true)
	kinhGui(d, dd)
	receivedLine(d, p, dd)
	body(d, rg("Sau khi thẩm định hồ sơ, đối chiếu với các quy định hiện hành, "+bodyName(p)+" không giải quyết hồ sơ nêu trên với lý do: "), bd(ensureStop(dd.Reason)))
	body(d, rg("Đề nghị Ông/Bà liên hệ "+counterName(p)+" để nhận lại hồ sơ và được hướng dẫn thực hiện theo quy định."))
	body(d, rg("Trân trọng thông báo./."))
	formClosing(d, p, counterName(p))
	return nil
}

func drawControl(d *doc, p Profile, form Form, dd DossierDoc) error {
	d.section()
	formHeader(d, p, form, dd, false)
	d.para(para{runs: []run{rg("Mã hồ sơ: "), bd(dd.Code)}, size: d.ps.text, al: alignCenter})
	d.para(para{runs: []run{it("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)")}, size: d.ps.small, al: alignCenter, after: 3})
	d.label("Người nộp hồ sơ", []run{bd(dd.Applicant.Name)}, d.ps.text)
	d.label("Nội dung yêu cầu giải quyết", []run{rg(orDots(dd.ProcedureName))}, d.ps.text)
	d.label("Thời gian nhận hồ sơ", []run{rg(timeWords(dd.ReceivedAt))}, d.ps.text)
	d.label("Thời gian hẹn trả kết quả", []run{rg(timeWords(dd.DueAt))}, d.ps.text)
	d.label("Cơ quan (bộ phận) giải quyết hồ sơ", []run{rg(orDots(dd.HandlingUnit))}, d.ps.text)
	d.label("Cơ quan phối hợp giải quyết hồ sơ", []run{rg(orDots(dd.Coordinating))}, d.ps.text)
	d.gap(3)
	controlTable(d, dd.Handovers)
	return nil
}

// controlTable is the control slip's table: four column groups, the hand-over's time with
// the giver's and the receiver's signatures inside "THỜI GIAN GIAO, NHẬN HỒ SƠ", one row per
// hand-over and blank rows to fill by hand.
func controlTable(d *doc, hs []Handover) {
	s, cw := d.ps.sc, d.contentW()
	nameW, timeW, resW := s(31), s(54), s(19)
	noteW := cw - nameW - timeW - resW
	xs := []float64{d.m.left, d.m.left + nameW, d.m.left + nameW + timeW, d.m.left + nameW + timeW + resW}
	ws := []float64{nameW, timeW, resW, noteW}
	heads := []string{"TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)", "GHI CHÚ"}
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
	for len(hs) < 3 {
		hs = append(hs, Handover{})
	}
	for i, h := range hs {
		when := dots + " giờ " + dots + " phút, ngày " + dots + "/" + dots + "/" + dots
		if !h.At.IsZero() {
			tt := h.At.In(Zone)
			when = fmt.Sprintf("%02d giờ %02d phút, ngày %s", tt.Hour(), tt.Minute(), tt.Format("02/01/2006"))
		}
		nameLines := d.lines([]run{rg(fmt.Sprintf("%d. Giao: ", i+1)), rg(h.From), rg("\n"), rg("Nhận: "), rg(h.To)}, hs2, nameW-2*pad)
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
		}{{"Người giao", giver}, {"Người nhận", receiver}} {
			x := xs[1] + pad + float64(j)*half
			yy := d.column(x, half, y, []run{bd(who.label)}, hs2, alignCenter)
			d.column(x, half, yy, []run{it("(Ký, ghi rõ họ tên)")}, hs2-1, alignCenter)
			d.drawLines(x, half, y+signH-float64(max(1, len(who.name)))*lh, who.name, hs2, alignCenter)
		}
		d.drawLines(xs[2]+pad, resW-2*pad, top, resLines, hs2, alignCenter)
		d.drawLines(xs[3]+pad, noteW-2*pad, top, noteLines, hs2, alignLeft)
		d.y += rowH
	}
}
