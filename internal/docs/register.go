package docs

import (
	"errors"
	"fmt"
	"io"
	"time"

	"motcua/internal/textvn"
)

// A4 landscape margins of the register book: binding on the left.
var bookMargins = margins{top: 15, right: 10, bottom: 12, left: 15}

const (
	bookText = 8.0 // pt, table cells
	bookHead = 7.5 // pt, table heading
)

// RegisterBook prints the register book (sổ theo dõi hồ sơ) for a year or a date range on A4
// landscape: a cover page, then the table with its heading repeated on every page, entry
// numbers continuing across pages, page numbers at the top from page 2, and long names and
// addresses wrapped inside their cells.
func RegisterBook(w io.Writer, f *Fonts, p Profile, in RegisterBookInput) error {
	form, err := p.library().Lookup(p.formSet(in.FormSet), FormRegister)
	if err != nil {
		return err
	}
	if in.From.IsZero() || in.To.IsZero() {
		return errors.New("chưa chọn thời gian của sổ: hãy chọn năm, hoặc từ ngày nào đến ngày nào")
	}
	if in.To.Before(in.From) {
		return fmt.Errorf("thời gian của sổ không hợp lệ: ngày cuối (%s) trước ngày đầu (%s)", shortDate(in.To), shortDate(in.From))
	}
	title := textvn.Clean(in.Title)
	if title == "" {
		title = sentence(form.Title)
	}
	d := newDoc(f, "L", "A4", bookMargins, meta{title: title + " " + periodText(in.From, in.To), author: p.CounterName, date: in.To})
	d.demo = p.Demo
	d.onPage = pageNumberTop(10)
	d.section()
	bookCover(d, p, form, in, title)

	cols := make([]col, len(form.Columns))
	for i, c := range form.Columns {
		cols[i] = col{c.Width, alignOf(c.Align)}
	}
	t := table{x: d.m.left, cols: cols, size: bookText, pad: 0.8}
	t.header, t.headH = registerHeader(d, form.Columns)
	d.newPage()
	t.header(d)
	if len(in.Rows) == 0 {
		d.gap(6)
		d.para(para{runs: []run{it("Không có hồ sơ nào trong thời gian này.")}, size: 11, al: alignCenter})
		return d.output(w)
	}
	no := 0
	for i, r := range in.Rows {
		if in.Step != nil {
			if err := in.Step(i); err != nil {
				return err
			}
		}
		if r.EntryNo > 0 {
			no = r.EntryNo
		} else {
			no++
		}
		cells := make([][]run, len(form.Columns))
		for i, c := range form.Columns {
			cells[i] = []run{rg(registerValue(c.Value, r, no))}
		}
		d.row(t, cells)
	}
	return d.output(w)
}

// registerValue is what a register column holds for a row.
func registerValue(v string, r RegisterRow, no int) string {
	switch v {
	case "no":
		return fmt.Sprintf("%02d", no)
	case "code":
		return r.Code
	case "procedure":
		return r.ProcedureName
	case "sets":
		if r.Sets > 0 {
			return fmt.Sprintf("%02d", r.Sets)
		}
	case "applicant":
		return r.Applicant
	case "address_phone":
		addr := textvn.Clean(r.Address)
		if ph := textvn.Clean(r.Phone); ph != "" {
			if addr != "" {
				addr += "\n"
			}
			addr += "ĐT: " + ph
		}
		return addr
	case "handling_unit":
		return r.HandlingUnit
	case "received":
		return dateTime(r.ReceivedAt)
	case "due":
		return dateTime(r.DueAt)
	case "forwarded":
		return dateTime(r.ForwardedAt)
	case "result":
		return dateTime(r.ResultAt)
	case "returned":
		return dateTime(r.ReturnedAt)
	case "result_method":
		return resultMethodShort(r.ResultMethod)
	case "signature":
		return r.Signature
	case "note":
		return r.Note
	}
	return ""
}

// dateTime is "05/02/2026" over "08:30", or empty.
func dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Zone)
	return t.Format("02/01/2006") + "\n" + t.Format("15:04")
}

// resultMethodShort is the register's short wording of how the result is collected.
func resultMethodShort(m string) string {
	switch m {
	case "counter":
		return "Trực tiếp"
	case "post":
		return "Bưu chính"
	case "online":
		return "Trực tuyến"
	}
	return m
}

// periodText is "năm 2026" for a whole calendar year, else "từ ngày 01/01/2026 đến ngày 31/03/2026".
func periodText(from, to time.Time) string {
	from, to = from.In(Zone), to.In(Zone)
	if from.Year() == to.Year() && from.YearDay() == 1 && to.Month() == time.December && to.Day() == 31 {
		return fmt.Sprintf("năm %d", from.Year())
	}
	return "từ ngày " + shortDate(from) + " đến ngày " + shortDate(to)
}

func bookCover(d *doc, p Profile, form Form, in RegisterBookInput, title string) {
	d.header(header{parent: p.Body, body: p.CounterName, formNo: "Mẫu số " + form.Number, size: 13, qhSize: 13, mottoSize: 14})
	d.y = 70
	d.para(para{runs: []run{bd(upper(title))}, size: 30, al: alignCenter, after: 10})
	d.para(para{runs: []run{bd(upper(periodText(in.From, in.To)))}, size: 18, al: alignCenter, after: 8})
	book := in.BookNo
	if book <= 0 {
		book = 1
	}
	d.para(para{runs: []run{rg(fmt.Sprintf("Quyển số: %02d", book))}, size: 15, al: alignCenter, after: 4})
	if n := len(in.Rows); n > 0 {
		first, last := in.Rows[0].EntryNo, 0
		if first <= 0 {
			first = 1
		}
		no := 0
		for _, r := range in.Rows {
			if r.EntryNo > 0 {
				no = r.EntryNo
			} else {
				no++
			}
			last = no
		}
		d.para(para{runs: []run{it(fmt.Sprintf("Gồm %d hồ sơ, số thứ tự từ %02d đến %02d", n, first, last))}, size: 13, al: alignCenter})
	}
	d.y = d.bottomY() - 30
	cw := d.contentW()
	d.column(d.m.left+cw/2, cw/2, d.y, []run{rg("Ngày mở sổ: " + shortDate(in.From))}, 13, alignCenter)
	d.column(d.m.left+cw/2, cw/2, d.y+d.lineH(13), []run{rg("Ngày khóa sổ: " + dots + dots)}, 13, alignCenter)
}

// registerHeader measures the table heading and returns the function that draws it (on
// every table page) with its height. Neighbouring columns of one group (the five dates under
// "Ngày, tháng, năm") sit under a common heading.
func registerHeader(d *doc, cols []Column) (func(d *doc), float64) {
	first, last := -1, -1
	for i, c := range cols {
		if c.Group != "" && (first < 0 || c.Group == cols[first].Group && last == i-1) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	inGroup := func(i int) bool { return first >= 0 && i >= first && i <= last }
	var group []run
	groupW, hTop := 0.0, 0.0
	if first >= 0 {
		group = []run{bd(cols[first].Group)}
		for i := first; i <= last; i++ {
			groupW += cols[i].Width
		}
		hTop = d.boxHeight(group, bookHead, groupW)
	}
	hSub := 0.0
	for i := first; first >= 0 && i <= last; i++ {
		hSub = max(hSub, d.boxHeight([]run{bd(cols[i].Title)}, bookHead, cols[i].Width))
	}
	for i, c := range cols {
		if !inGroup(i) {
			hSub = max(hSub, d.boxHeight([]run{bd(c.Title)}, bookHead, c.Width)-hTop)
		}
	}
	hNum := d.lineH(bookHead) + 1
	draw := func(d *doc) {
		x, y := d.m.left, d.y
		for i, c := range cols {
			switch {
			case !inGroup(i):
				d.box(x, y, c.Width, hTop+hSub, []run{bd(c.Title)}, bookHead)
			default:
				if i == first {
					d.box(x, y, groupW, hTop, group, bookHead)
				}
				d.box(x, y+hTop, c.Width, hSub, []run{bd(c.Title)}, bookHead)
			}
			d.box(x, y+hTop+hSub, c.Width, hNum, []run{it(fmt.Sprintf("(%d)", i+1))}, bookHead)
			x += c.Width
		}
		d.y = y + hTop + hSub + hNum
	}
	return draw, hTop + hSub + hNum
}
