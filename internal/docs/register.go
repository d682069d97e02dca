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

// Register table columns (REFERENCE §3), widths in mm for a 272 mm line.
var registerCols = []struct {
	title string
	w     float64
	al    align
}{
	{"TT", 9, alignCenter},
	{"Mã hồ sơ", 35, alignLeft}, // a whole code on one line, so it can be searched and copied
	{"Tên thủ tục hành chính", 27, alignLeft},
	{"Số lượng hồ sơ (bộ)", 10, alignCenter},
	{"Tên cá nhân, tổ chức", 25, alignLeft},
	{"Địa chỉ, số điện thoại", 29, alignLeft},
	{"Cơ quan chủ trì giải quyết", 20, alignLeft},
	{"Nhận hồ sơ", 15, alignCenter},
	{"Hẹn trả kết quả", 15, alignCenter},
	{"Chuyển hồ sơ đến cơ quan giải quyết", 15, alignCenter},
	{"Nhận kết quả từ cơ quan giải quyết", 15, alignCenter},
	{"Trả kết quả", 15, alignCenter},
	{"Phương thức nhận kết quả", 15, alignLeft},
	{"Ký nhận", 12, alignCenter},
	{"Ghi chú", 15, alignLeft},
}

// The five date columns sit under one "Ngày, tháng, năm" heading.
const firstDateCol, lastDateCol = 7, 11

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
	d.onPage = pageNumberTop(10)
	d.section()
	bookCover(d, p, form, in, title)

	cols := make([]col, len(registerCols))
	for i, c := range registerCols {
		cols[i] = col{c.w, c.al}
	}
	t := table{x: d.m.left, cols: cols, size: bookText, pad: 0.8}
	t.header, t.headH = registerHeader(d)
	d.newPage()
	t.header(d)
	if len(in.Rows) == 0 {
		d.gap(6)
		d.para(para{runs: []run{it("Không có hồ sơ nào trong thời gian này.")}, size: 11, al: alignCenter})
		return d.output(w)
	}
	no := 0
	for _, r := range in.Rows {
		if r.EntryNo > 0 {
			no = r.EntryNo
		} else {
			no++
		}
		addr := textvn.Clean(r.Address)
		if ph := textvn.Clean(r.Phone); ph != "" {
			if addr != "" {
				addr += "\n"
			}
			addr += "ĐT: " + ph
		}
		sets := ""
		if r.Sets > 0 {
			sets = fmt.Sprintf("%02d", r.Sets)
		}
		d.row(t, [][]run{
			{rg(fmt.Sprintf("%02d", no))},
			{rg(r.Code)},
			{rg(r.ProcedureName)},
			{rg(sets)},
			{rg(r.Applicant)},
			{rg(addr)},
			{rg(r.HandlingUnit)},
			{rg(dateTime(r.ReceivedAt))},
			{rg(dateTime(r.DueAt))},
			{rg(dateTime(r.ForwardedAt))},
			{rg(dateTime(r.ResultAt))},
			{rg(dateTime(r.ReturnedAt))},
			{rg(resultMethodShort(r.ResultMethod))},
			{rg(r.Signature)},
			{rg(r.Note)},
		})
	}
	return d.output(w)
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
// every table page) with its height.
func registerHeader(d *doc) (func(d *doc), float64) {
	group := []run{bd("Ngày, tháng, năm")}
	groupW := 0.0
	for i := firstDateCol; i <= lastDateCol; i++ {
		groupW += registerCols[i].w
	}
	hTop := d.boxHeight(group, bookHead, groupW)
	hSub := 0.0
	for i := firstDateCol; i <= lastDateCol; i++ {
		hSub = max(hSub, d.boxHeight([]run{bd(registerCols[i].title)}, bookHead, registerCols[i].w))
	}
	for i, c := range registerCols {
		if i < firstDateCol || i > lastDateCol {
			hSub = max(hSub, d.boxHeight([]run{bd(c.title)}, bookHead, c.w)-hTop)
		}
	}
	hNum := d.lineH(bookHead) + 1
	draw := func(d *doc) {
		x, y := d.m.left, d.y
		for i, c := range registerCols {
			switch {
			case i < firstDateCol || i > lastDateCol:
				d.box(x, y, c.w, hTop+hSub, []run{bd(c.title)}, bookHead)
			default:
				if i == firstDateCol {
					d.box(x, y, groupW, hTop, group, bookHead)
				}
				d.box(x, y+hTop, c.w, hSub, []run{bd(c.title)}, bookHead)
			}
			d.box(x, y+hTop+hSub, c.w, hNum, []run{it(fmt.Sprintf("(%d)", i+1))}, bookHead)
			x += c.w
		}
		d.y = y + hTop + hSub + hNum
	}
	return draw, hTop + hSub + hNum
}
