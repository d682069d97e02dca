package docs

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"motcua/internal/textvn"
)

// Minutes is what the minutes (biên bản) of a dialogue conference print.
type Minutes struct {
	Ref          string // "ĐT 02/2026"
	HeldAt       time.Time
	Place        string
	Chair        string
	Participants string
	Attendance   int
	Issues       []string
	Commitments  []MinutesCommitment
	Note         string
	Secretary    string // thư ký, printed under the left signature; dots when empty
}

// MinutesCommitment is one row of the commitments table.
type MinutesCommitment struct {
	Text, Owner string
	Deadline    time.Time
}

var minutesCols = []struct {
	title string
	w     float64
	al    align
}{
	{"TT", 10, alignCenter},
	{"Nội dung cam kết, giải quyết", 85, alignLeft},
	{"Người chịu trách nhiệm", 45, alignLeft},
	{"Thời hạn", 25, alignCenter},
}

// DialogueMinutes prints the minutes of a dialogue conference on A4 in the Decree 30 layout:
// the commune's heading with place and date, the title, time and place, who took part, the
// issues citizens raised, the commitments with owner and deadline, and two signatures.
func DialogueMinutes(w io.Writer, f *Fonts, p Profile, m Minutes) error {
	if m.HeldAt.IsZero() {
		return errors.New("biên bản cần ngày tổ chức hội nghị đối thoại")
	}
	const size = 13.0
	d := newDoc(f, "P", "A4", a4Margins, meta{title: "Biên bản hội nghị đối thoại " + m.Ref, author: p.Body, date: m.HeldAt})
	d.demo = p.Demo
	d.onPage = pageNumberTop(13)
	d.section()
	d.header(header{parent: p.bodyParent(), body: p.Body, number: "Số: " + dots + "/BB-UBND", place: placeDate(p.placeName(), m.HeldAt), size: 13, qhSize: 13, mottoSize: 14})
	d.gap(14)
	d.para(para{runs: []run{bd("BIÊN BẢN")}, size: 14, al: alignCenter})
	d.para(para{runs: []run{bd("Hội nghị đối thoại giữa người đứng đầu chính quyền với Nhân dân")}, size: 14, al: alignCenter, after: 10})
	body := func(runs ...run) {
		d.para(para{runs: runs, size: size, al: alignJustify, indent: 12.7, after: 4})
	}
	t := m.HeldAt.In(Zone)
	body(bd("1. Thời gian, địa điểm: "), rg(fmt.Sprintf("Vào hồi %02d giờ %02d phút, %s, tại %s.", t.Hour(), t.Minute(), dateWords(t), textvn.Clean(m.Place))))
	body(bd("2. Thành phần:"))
	body(rg("- Chủ trì hội nghị: " + textvn.Clean(m.Chair) + "."))
	if pt := textvn.Clean(m.Participants); pt != "" {
		body(rg("- Tham dự: " + strings.TrimRight(pt, ".") + "."))
	}
	body(rg(fmt.Sprintf("- Số người dân tham dự: %d người.", m.Attendance)))
	body(bd("3. Ý kiến, kiến nghị của Nhân dân:"))
	if len(m.Issues) == 0 {
		body(it("Không có ý kiến, kiến nghị."))
	}
	for i, s := range m.Issues {
		body(rg(fmt.Sprintf("%d) %s", i+1, strings.TrimRight(textvn.Clean(s), ".;")+".")))
	}
	body(bd("4. Ý kiến trả lời, cam kết giải quyết của chính quyền:"))
	if len(m.Commitments) == 0 {
		body(it("Không có cam kết."))
	} else {
		cols := make([]col, len(minutesCols))
		headH := 0.0
		for i, c := range minutesCols {
			cols[i] = col{c.w, c.al}
			headH = max(headH, d.boxHeight([]run{bd(c.title)}, 12, c.w))
		}
		tb := table{x: d.m.left, cols: cols, size: 12, pad: 1.2, headH: headH}
		tb.header = func(d *doc) {
			x := d.m.left
			for _, c := range minutesCols {
				d.box(x, d.y, c.w, headH, []run{bd(c.title)}, 12)
				x += c.w
			}
			d.y += headH
		}
		d.need(headH + d.lineH(12)*2)
		tb.header(d)
		for i, c := range m.Commitments {
			d.row(tb, [][]run{{rg(fmt.Sprintf("%02d", i+1))}, {rg(c.Text)}, {rg(c.Owner)}, {rg(shortDate(c.Deadline))}})
		}
		d.gap(6)
	}
	if n := textvn.Clean(m.Note); n != "" {
		body(rg(n))
	}
	body(rg("Biên bản được lập xong, đọc lại cho những người dự hội nghị cùng nghe và thống nhất ký tên."))
	cw := d.contentW()
	sec := m.Secretary
	if textvn.Clean(sec) == "" {
		sec = dots + dots
	}
	bs := []signBlock{
		{x: d.m.left, w: cw / 2, titles: []string{"THƯ KÝ"}, note: signNote, name: sec},
		{x: d.m.left + cw/2, w: cw / 2, titles: []string{"CHỦ TRÌ HỘI NGHỊ"}, note: signNote, name: m.Chair},
	}
	d.gap(6)
	d.need(d.signBlocksHeight(22, 13, bs...))
	d.y = d.signBlocks(d.y, 22, 13, bs...)
	return d.output(w)
}

// dateWords is "ngày 05 tháng 02 năm 2026" for running text.
func dateWords(t time.Time) string {
	s := placeDate("x", t)
	return strings.TrimPrefix(s, "x, ")
}
