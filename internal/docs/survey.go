package docs

import (
	"errors"
	"fmt"
	"io"
	"time"

	"motcua/internal/textvn"
)

// RatingSlip is one dossier's paper satisfaction slip (phiếu đánh giá mức độ hài lòng).
type RatingSlip struct {
	Code          string
	ProcedureName string
	Applicant     string
	ReturnedAt    time.Time // zero when printed before the return
	Date          time.Time // printing date, for the file's metadata
}

// slipFactors are the five SIPAS factors, as printed (see internal/survey.FactorNames).
var slipFactors = []string{
	"Tiếp cận dịch vụ hành chính công",
	"Thủ tục hành chính",
	"Sự phục vụ của công chức",
	"Kết quả giải quyết thủ tục hành chính",
	"Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị",
}

// RatingSlips prints one A5 slip per dossier: the counter's heading, the dossier with its QR
// code (which the clerk scans to find the dossier when the slip comes back), three boxes
// for the answer, a 1–5 grid for the five SIPAS factors and lines for a comment.
func RatingSlips(w io.Writer, f *Fonts, p Profile, slips []RatingSlip) error {
	if len(slips) == 0 {
		return errors.New("không có hồ sơ nào để in phiếu đánh giá: hãy chọn ít nhất một hồ sơ")
	}
	md := meta{title: "Phiếu đánh giá mức độ hài lòng", author: p.CounterName}
	for _, s := range slips {
		if textvn.Clean(s.Code) == "" {
			return errors.New("phiếu đánh giá cần mã hồ sơ để in mã QR")
		}
		if s.Date.After(md.date) {
			md.date = s.Date
		}
	}
	d := newDoc(f, "P", "A5", a5Margins, md)
	d.demo = p.Demo
	for _, s := range slips {
		if err := drawSlip(d, p, s); err != nil {
			return err
		}
	}
	return d.output(w)
}

func (d *doc) checkbox(x, top, size float64) {
	side := size * ptMM * 0.8
	d.pdf.SetLineWidth(0.25)
	d.pdf.Rect(x, top+(d.lineH(size)-side)/2, side, side, "D")
}

func drawSlip(d *doc, p Profile, s RatingSlip) error {
	d.section()
	d.header(header{parent: p.Body, body: counterName(p), size: a5Style.head, qhSize: a5Style.qh, mottoSize: a5Style.motto})
	d.gap(8)
	d.para(para{runs: []run{bd("PHIẾU ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG")}, size: a5Style.title, al: alignCenter})
	d.para(para{runs: []run{it("về sự phục vụ của " + counterName(p))}, size: a5Style.text, al: alignCenter, after: 4})
	qrTop := d.y
	if err := d.qrCode(d.w-d.m.right-qrSide+1.5, qrTop, qrSide, s.Code); err != nil {
		return err
	}
	d.exclPage, d.exclBottom, d.exclW = d.physicalPage, qrTop+qrSide, qrSide+1
	d.label("Mã hồ sơ", []run{bd(s.Code)}, a5Style.text)
	d.label("Thủ tục", []run{rg(orDots(s.ProcedureName))}, a5Style.text)
	d.label("Người nộp", []run{rg(orDots(s.Applicant))}, a5Style.text)
	ret := dots + dots
	if !s.ReturnedAt.IsZero() {
		ret = shortDate(s.ReturnedAt)
	}
	d.label("Ngày trả kết quả", []run{rg(ret)}, a5Style.text)
	d.y = max(d.y, qrTop+qrSide)
	d.exclBottom = 0
	d.gap(4)
	d.para(para{runs: []run{bd("1. Ông/Bà có hài lòng với việc giải quyết hồ sơ này không?")}, size: a5Style.text, after: 2})
	cw := d.contentW()
	for i, label := range []string{"1. Hài lòng", "2. Bình thường", "3. Không hài lòng"} {
		x := d.m.left + float64(i)*cw/3 + 4
		d.checkbox(x, d.y, a5Style.text)
		d.column(x+5, cw/3-9, d.y, []run{rg(label)}, a5Style.text, alignLeft)
	}
	d.y += d.lineH(a5Style.text)
	d.gap(6)
	d.para(para{runs: []run{bd("2. Chấm điểm từng yếu tố "), it("(không bắt buộc; 1: rất kém … 5: rất tốt)")}, size: a5Style.text, after: 2})
	const size = 10.0
	first := cw - 5*10
	cols := []col{{first, alignLeft}, {10, alignCenter}, {10, alignCenter}, {10, alignCenter}, {10, alignCenter}, {10, alignCenter}}
	t := table{x: d.m.left, cols: cols, size: size, pad: 1}
	d.row(t, [][]run{{bd("Yếu tố")}, {bd("1")}, {bd("2")}, {bd("3")}, {bd("4")}, {bd("5")}})
	for i, name := range slipFactors {
		d.row(t, [][]run{{rg(fmt.Sprintf("%d) %s", i+1, name))}})
	}
	d.gap(6)
	d.para(para{runs: []run{bd("3. Ý kiến góp ý khác:")}, size: a5Style.text, after: 2})
	for range 3 {
		d.need(d.lineH(a5Style.text) + 2)
		d.y += d.lineH(a5Style.text) + 2
		d.pdf.SetDashPattern([]float64{0.6, 0.8}, 0)
		d.hline(d.m.left, d.m.left+cw, d.y, 0.4)
		d.pdf.SetDashPattern(nil, 0)
	}
	d.gap(8)
	d.para(para{runs: []run{it("Xin cảm ơn Ông/Bà! Phiếu xin bỏ vào hộp phiếu tại quầy hoặc gửi lại cán bộ tiếp nhận.")}, size: a5Style.small, al: alignCenter})
	return nil
}
