package docs

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"motcua/internal/textvn"
)

// PledgeForm prints the pledge (bản cam kết) of one staff member to the chosen slogan sets,
// on A4 in the layout of Decree 30/2020.
func PledgeForm(w io.Writer, f *Fonts, p Profile, pl Pledge) error {
	return PledgeForms(w, f, p, []Pledge{pl})
}

// PledgeForms prints the pledges of several staff members into one PDF, one or more pages
// each. A set without items (Thanh Hóa's "3 không" before the commune fills it in) is refused,
// naming it.
func PledgeForms(w io.Writer, f *Fonts, p Profile, pls []Pledge) error {
	if len(pls) == 0 {
		return errors.New("không có bản cam kết nào để in: hãy chọn ít nhất một cán bộ")
	}
	md := meta{title: "Bản cam kết", author: p.Body}
	pls = append([]Pledge(nil), pls...) // Validate normalises the staff fields in place
	for i := range pls {
		pl := &pls[i]
		if err := pl.Staff.Validate(); err != nil {
			return err
		}
		staff := pl.Staff
		if len(pl.Sets) == 0 {
			return fmt.Errorf("bản cam kết của %s chưa chọn bộ nội dung cam kết nào (4 xin, 4 luôn…): hãy chọn ít nhất một bộ", staff.Name)
		}
		for _, s := range pl.Sets {
			if err := s.CheckPrintable(); err != nil {
				return fmt.Errorf("bản cam kết của %s: %w", staff.Name, err)
			}
		}
		if pl.Date.After(md.date) {
			md.date = pl.Date
		}
	}
	if len(pls) == 1 {
		md.title += " – " + textvn.Clean(pls[0].Staff.Name)
	}
	d := newDoc(f, "P", "A4", a4Margins, md)
	d.demo = p.Demo
	d.onPage = pageNumberTop(13)
	for _, pl := range pls {
		d.section()
		drawPledge(d, p, pl)
	}
	return d.output(w)
}

// pledgeText is the pledge's text size, pt: 13 rather than 14 so four sets fit on one page.
const pledgeText = 13.0

func drawPledge(d *doc, p Profile, pl Pledge) {
	staff := pl.Staff
	d.header(header{parent: p.explicitParent(), body: p.Body, place: placeDate(p.placeName(), pl.Date), size: 13, qhSize: 13, mottoSize: 14})
	d.gap(12)
	model := textvn.Clean(pl.Model)
	if model == "" {
		model = "Chính quyền thân thiện, vì Nhân dân phục vụ"
	}
	d.para(para{runs: []run{bd("BẢN CAM KẾT")}, size: 15, al: alignCenter})
	d.para(para{runs: []run{bd("Thực hiện mô hình “" + model + "”")}, size: pledgeText, al: alignCenter, after: 10})
	d.label("Tôi tên là", []run{bd(staff.Name)}, pledgeText)
	d.label("Chức vụ", []run{rg(orDots(staff.Position))}, pledgeText)
	unit := staff.Unit
	if textvn.Clean(unit) == "" {
		unit = p.Body
	}
	d.label("Đơn vị công tác", []run{rg(orDots(unit))}, pledgeText)
	d.gap(4)
	d.para(para{runs: []run{rg("Thực hiện mô hình “" + model + "” của " + bodyName(p) + ", tôi xin cam kết thực hiện nghiêm túc các nội dung sau:")}, size: pledgeText, al: alignJustify, indent: 12.7, after: 6})
	for i, s := range pl.Sets {
		d.para(para{runs: []run{bd(fmt.Sprintf("%d. Thực hiện “%s”:", i+1, textvn.Clean(s.Name)))}, size: pledgeText, al: alignLeft, indent: 12.7, after: 2})
		var items []string
		for _, it := range s.Items {
			if it = strings.TrimRight(textvn.Clean(it), ".;,"); it != "" {
				items = append(items, it)
			}
		}
		for j, it := range items {
			end := ";"
			if j == len(items)-1 {
				end = "."
			}
			d.para(para{runs: []run{rg("- " + it + end)}, size: pledgeText, al: alignJustify, indent: 18, hang: 21})
		}
		d.gap(4)
	}
	cw := d.contentW()
	const room = 22.0
	bs := []signBlock{
		{x: d.m.left, w: cw / 2, titles: []string{"XÁC NHẬN CỦA", "THỦ TRƯỞNG ĐƠN VỊ"}, name: p.ChairName},
		{x: d.m.left + cw/2, w: cw / 2, titles: []string{"NGƯỜI CAM KẾT"}, note: signNote, name: staff.Name},
	}
	// The closing sentence stays with the signatures.
	closing := []run{rg("Tôi xin chịu trách nhiệm trước Thủ trưởng đơn vị và trước pháp luật nếu vi phạm những nội dung đã cam kết.")}
	d.need(2*d.lineH(pledgeText) + 8*ptMM + d.signBlocksHeight(room, 13, bs...))
	d.para(para{runs: closing, size: pledgeText, al: alignJustify, indent: 12.7, after: 8})
	d.y = d.signBlocks(d.y, room, 13, bs...)
}
