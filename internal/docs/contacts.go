package docs

import (
	"fmt"
	"io"
	"time"

	"motcua/internal/textvn"
)

// Contact is one row of the public staff list: who receives dossiers and how to reach them.
type Contact struct {
	Name, Title, Task, Unit, Phone, Email string
}

// ContactList is the public list of staff who receive dossiers (danh sách cán bộ, công chức
// tiếp nhận hồ sơ) the counter posts, as the one-stop decree asks.
type ContactList struct {
	Date    time.Time // the list's date
	Hotline string    // the counter's phone (đường dây nóng), printed below the table
	Rows    []Contact
}

var contactCols = []struct {
	title string
	w     float64
	al    align
}{
	{"TT", 9, alignCenter},
	{"Họ và tên", 36, alignLeft},
	{"Chức vụ, chức danh", 32, alignLeft},
	{"Nhiệm vụ tại Bộ phận Một cửa", 30, alignLeft},
	{"Điện thoại", 25, alignCenter},
	{"Thư điện tử", 33, alignLeft},
}

// StaffContacts prints the public staff list on A4 portrait in the Decree 30 layout: the
// counter's heading, the title, a table with the heading repeated on every page, the hotline
// and the head's signature.
func StaffContacts(w io.Writer, f *Fonts, p Profile, in ContactList) error {
	if len(in.Rows) == 0 {
		return fmt.Errorf("danh sách cán bộ chưa có ai đang công tác để in: hãy thêm cán bộ (motcua staff add) rồi in lại")
	}
	const size = 11.0
	d := newDoc(f, "P", "A4", a4Margins, meta{title: "Danh sách cán bộ, công chức tiếp nhận hồ sơ", author: p.CounterName, date: in.Date})
	d.demo = p.Demo
	d.onPage = pageNumberTop(13)
	d.section()
	d.header(header{parent: p.Body, body: counterName(p), place: placeDate(p.placeName(), in.Date), size: 13, qhSize: 13, mottoSize: 14})
	d.gap(14)
	d.para(para{runs: []run{bd("DANH SÁCH")}, size: 14, al: alignCenter})
	d.para(para{runs: []run{bd("Cán bộ, công chức tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính")}, size: 14, al: alignCenter})
	d.para(para{runs: []run{bd("tại " + counterName(p))}, size: 14, al: alignCenter, after: 10})

	cols := make([]col, len(contactCols))
	for i, c := range contactCols {
		cols[i] = col{c.w, c.al}
	}
	headH := 0.0
	for _, c := range contactCols {
		headH = max(headH, d.boxHeight([]run{bd(c.title)}, size, c.w))
	}
	t := table{x: d.m.left, cols: cols, size: size, pad: 1.2, minH: 9, headH: headH}
	t.header = func(d *doc) {
		x := d.m.left
		for _, c := range contactCols {
			d.box(x, d.y, c.w, headH, []run{bd(c.title)}, size)
			x += c.w
		}
		d.y += headH
	}
	t.header(d)
	for i, r := range in.Rows {
		task := textvn.Clean(r.Task)
		if u := textvn.Clean(r.Unit); u != "" {
			task += " (" + u + ")"
		}
		d.row(t, [][]run{
			{rg(fmt.Sprintf("%02d", i+1))},
			{bd(r.Name)},
			{rg(r.Title)},
			{rg(task)},
			{rg(r.Phone)},
			{rg(r.Email)},
		})
	}
	d.gap(8)
	if h := textvn.Clean(in.Hotline); h != "" {
		d.para(para{runs: []run{rg("Số điện thoại đường dây nóng tiếp nhận phản ánh, kiến nghị: "), bd(h)}, size: 13, al: alignJustify, indent: 12.7, after: 6})
	}
	d.para(para{runs: []run{it("Mọi phản ánh, kiến nghị về thái độ, tác phong của cán bộ, công chức khi tiếp nhận, giải quyết hồ sơ, xin gửi về " + bodyName(p) + ".")}, size: 12, al: alignJustify, indent: 12.7, after: 8})
	cw := d.contentW()
	b := signBlock{x: d.m.left + cw/2, w: cw / 2, titles: p.signLines(), name: p.ChairName}
	d.need(d.signBlocksHeight(22, 13, b))
	d.y = d.signBlocks(d.y, 22, 13, b)
	return d.output(w)
}
