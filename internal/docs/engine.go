package docs

import (
	"fmt"
	"strings"

	"motcua/internal/textvn"
)

// The form engine: one renderer for every one-stop form, laying out the blocks its data file
// gives (assets/forms/*.json) with the paper's sizes.

// fieldVal is a field's printed text and whether it has a value (a condition's test).
type fieldVal struct {
	text string
	set  bool
}

type fields map[string]fieldVal

// formFieldValues are the values a dossier's forms print.
func formFieldValues(p Profile, dd DossierDoc) fields {
	str := func(s string) fieldVal { return fieldVal{s, textvn.Clean(s) != ""} }
	officer := dd.Officer
	if textvn.Clean(officer) == "" {
		officer = dd.ReceivedBy
	}
	body := bodyName(p)
	if a := textvn.Clean(dd.Authority); a != "" {
		body = a
	}
	phone := fieldVal{textvn.Clean(p.Phone), true}
	if phone.text == "" {
		phone = fieldVal{dots + dots, false}
	}
	return fields{
		"code": str(dd.Code), "applicant": str(dd.Applicant.Name), "address": str(dd.Applicant.Address),
		"phone": str(dd.Applicant.Phone), "email": str(dd.Applicant.Email), "procedure": str(dd.ProcedureName),
		"counter": str(counterName(p)), "body": str(body), "counter_phone": phone,
		"office_address": str(p.Address),
		"received":       {timeWords(dd.ReceivedAt), !dd.ReceivedAt.IsZero()}, "due": {timeWords(dd.DueAt), !dd.DueAt.IsZero()},
		"new_due": {timeWords(dd.NewDueAt), !dd.NewDueAt.IsZero()}, "reason": str(dd.Reason), "limit": str(dd.LimitText),
		"sets": {setsText(dd.Sets), dd.Sets > 0}, "book": {numOrDots(dd.BookNo), dd.BookNo > 0}, "entry": {numOrDots(dd.EntryNo), dd.EntryNo > 0},
		"result_method": str(p.resultMethod(dd.ResultMethod)), "result_code": str(strings.TrimSpace(dd.ResultMethod)),
		"issued_date": {shortDate(dd.IssuedAt), !dd.IssuedAt.IsZero()}, "officer": str(officer), "received_by": str(dd.ReceivedBy),
		"stop_by": str(dd.StopBy), "handling_unit": str(dd.HandlingUnit), "coordinating": str(dd.Coordinating),
	}
}

// expand prints parts with the values.
func (v fields) expand(ps []tpart) string {
	var b strings.Builder
	for _, p := range ps {
		switch {
		case p.optional != nil:
			all := true
			for _, q := range p.optional {
				if q.field != "" && !v[q.field].set {
					all = false
				}
			}
			if all {
				b.WriteString(v.expand(p.optional))
			}
		case p.field != "":
			s := v[p.field].text
			switch p.filter {
			case "dots":
				s = orDots(s)
			case "stop":
				s = ensureStop(s)
			}
			b.WriteString(s)
		default:
			b.WriteString(p.lit)
		}
	}
	return b.String()
}

func (v fields) runs(ts []tmpl) []run {
	out := make([]run, 0, len(ts))
	for _, t := range ts {
		out = append(out, run{v.expand(t.parts), t.st})
	}
	return out
}

func (v fields) text(t tmpl) string { return v.expand(t.parts) }

// holds tests a block's conditions.
func (v fields) holds(conds []string) bool {
	for _, c := range conds {
		neg := strings.HasPrefix(c, "!")
		c = strings.TrimPrefix(c, "!")
		var ok bool
		switch {
		case strings.Contains(c, "!="):
			k, want, _ := strings.Cut(c, "!=")
			ok = v[k].text != want
		case strings.Contains(c, "="):
			k, want, _ := strings.Cut(c, "=")
			ok = v[k].text == want
		default:
			ok = v[c].set
		}
		if ok == neg {
			return false
		}
	}
	return true
}

// drawForm lays out one dossier's form: each copy (or the one) from a fresh page, its
// heading, then its blocks.
func drawForm(d *doc, p Profile, form Form, dd DossierDoc) error {
	v := formFieldValues(p, dd)
	// The page a form is laid out on: an A5 receipt (alone or two on an A4 sheet) has no
	// room for what an A4 one prints.
	v["paper"] = fieldVal{"A4", true}
	if d.ps.size == "A5" || d.ps.twoUp {
		v["paper"] = fieldVal{"A5", true}
	}
	if len(form.Copies) == 0 {
		d.section()
		formHeader(d, p, form, dd)
		return drawBlocks(d, p, form.Blocks, v, dd)
	}
	first := 0
	for i, c := range form.Copies {
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
		v["copy"] = fieldVal{c, c != ""}
		formHeader(d, p, form, dd)
		if err := drawBlocks(d, p, form.Blocks, v, dd); err != nil {
			return err
		}
	}
	return nil
}

func drawBlocks(d *doc, p Profile, bs []Block, v fields, dd DossierDoc) error {
	mark := d.y + 1
	for _, b := range bs {
		if !v.holds(b.When) {
			continue
		}
		size := d.ps.text
		if b.Size == "small" {
			size = d.ps.small
		}
		switch b.Type {
		case "text":
			al := map[string]align{"": alignLeft, "left": alignLeft, "center": alignCenter, "justify": alignJustify, "right": alignRight}[b.Align]
			pr := para{runs: v.runs(b.runs), size: size, al: al, after: b.After}
			if b.Hang != 0 {
				pr.hang = d.ps.sc(b.Hang)
			}
			d.para(pr)
		case "body":
			body(d, v.runs(b.runs)...)
		case "label":
			d.label(v.text(join(b.label)), v.runs(b.runs), d.ps.text)
		case "gap":
			if b.Relative == "after" {
				d.gap(d.ps.after + b.Pt)
			} else {
				d.gap(b.Pt)
			}
		case "mark":
			mark = d.y + 1
		case "qr":
			// The QR code sits at the right from the mark down; the lines beside it make room.
			qs := d.ps.sc(qrSide)
			if err := d.qrCode(d.w-d.m.right-qs+1.5, mark, qs, v.text(join(b.runs))); err != nil {
				return err
			}
			d.exclPage, d.exclBottom, d.exclW = d.physicalPage, mark+qs, qs+1
		case "qr_end":
			d.exclBottom = 0
		case "items":
			n := 0
			for _, s := range dd.SupplementItems {
				if textvn.Clean(s) == "" {
					continue
				}
				n++
				lead := fmt.Sprintf("%d. ", n)
				d.para(para{runs: []run{rg(lead + s)}, size: d.ps.text, al: alignLeft, indent: d.ps.indent, hang: d.ps.indent + d.f.width(regular, d.ps.text, lead), after: 1})
			}
		case "documents":
			documentsTable(d, b, dd.Documents)
		case "handovers":
			controlTable(d, b, dd.Handovers)
		case "signatures":
			note := signNote
			if n, ok := b.Labels["sign_note"]; ok {
				note = n
			}
			if len(b.signers) == 1 {
				oneSignature(d, v.text(b.signers[0][0]), v.text(b.signers[0][1]), note)
			} else {
				twoSignatures(d, v.text(b.signers[0][0]), v.text(b.signers[0][1]), v.text(b.signers[1][0]), v.text(b.signers[1][1]), note)
			}
		case "closing":
			var rs []string
			for _, r := range b.recips {
				rs = append(rs, v.text(r))
			}
			formClosing(d, p, dd, rs...)
		}
	}
	return nil
}

// colWidths turns columns drawn for A5 into widths on the paper; the column of width 0 takes
// what the others leave.
func colWidths(d *doc, cols []Column) []float64 {
	ws := make([]float64, len(cols))
	rest := d.contentW()
	for i, c := range cols {
		if c.Width > 0 {
			ws[i] = d.ps.sc(c.Width)
			rest -= ws[i]
		}
	}
	for i, c := range cols {
		if c.Width == 0 {
			ws[i] = rest
		}
	}
	return ws
}

func alignOf(s string) align {
	switch s {
	case "center":
		return alignCenter
	case "right":
		return alignRight
	case "justify":
		return alignJustify
	}
	return alignLeft
}
