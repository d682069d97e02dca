package docs

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/register"
	"motcua/internal/report"
)

// sampleReport is a year of synthetic dossiers: month i returns 10+i dossiers, a few late,
// so the chart has rising bars and a rate that dips below the target in one month.
func sampleReport() report.Report {
	now := at(2027, 12, 20, 10, 0)
	year, _ := report.ParsePeriod("2027", 15)
	var rows []report.Row
	for i, m := range report.TrendMonths(year, 12) {
		for k := 0; k < 10+3*i; k++ {
			rec := m.From.AddDate(0, 0, k%20).Add(8 * time.Hour)
			ret := rec.AddDate(0, 0, 2+k%3)
			out := register.Early
			switch {
			case k%5 == 0:
				out = register.OnTime
			case (i == 4 && k%2 == 1) || k == 7:
				out = register.Late
			}
			rows = append(rows, report.Row{ProcedureCode: []string{"khai-sinh", "chung-thuc", "ket-hon"}[k%3],
				ProcedureName: []string{"Đăng ký khai sinh", "Chứng thực bản sao từ bản chính", "Đăng ký kết hôn"}[k%3],
				Channel:       []string{"counter", "counter", "online", "post"}[k%4], State: register.Returned,
				ReceivedAt: rec, DueAt: rec.AddDate(0, 0, 3), ReturnedAt: &ret, Outcome: out})
		}
	}
	build := func(p report.Period) report.Report {
		t := report.NewTally(p, now)
		for _, r := range rows {
			t.Add(r)
		}
		return report.Build(t)
	}
	r := build(year)
	for _, m := range report.TrendMonths(year, 12) {
		r.Trend = append(r.Trend, report.Point{Period: m, Total: build(m).Total})
	}
	return r
}

func TestReportPDF(t *testing.T) {
	var buf bytes.Buffer
	r := sampleReport()
	withPeople := sampleReport()
	withPeople.WithPeople(report.People{Satisfaction: report.NewRatio(9, 10), Pledged: report.NewRatio(3, 4), NotPledged: []string{"Lê Văn Tuấn"},
		Letters: map[string]int{"Thư chúc mừng khai sinh": 12}})
	var pb bytes.Buffer
	if err := ReportPDF(&pb, testFonts(t), sampleProfile(), ReportInput{Report: withPeople}); err != nil {
		t.Fatal(err)
	}
	ptext := strings.Join(strings.Fields(poppler(t, pb.Bytes(), "pdftotext", "-enc", "UTF-8")), " ")
	for _, want := range []string{"Người dân hài lòng / số lượt đánh giá 9/10 (90,0%)", "Cán bộ đã ký cam kết", "3/4 (75,0%)", "Chưa ký cam kết: Lê Văn Tuấn",
		"Thư đã gửi: Thư chúc mừng khai sinh 12", "Mức độ hài lòng, QĐ 766 (ước tính của xã) 16,2/18"} {
		if !strings.Contains(ptext, want) {
			t.Errorf("report PDF with people figures lacks %q", want)
		}
	}
	if err := ReportPDF(&buf, testFonts(t), sampleProfile(), ReportInput{Report: r, UpperLevel: "Văn phòng UBND tỉnh Thanh Hóa"}); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("MOTCUA_REPORT_PDF"); dir != "" {
		_ = os.WriteFile(dir, buf.Bytes(), 0o644)
	}
	text := strings.Join(strings.Fields(poppler(t, buf.Bytes(), "pdftotext", "-enc", "UTF-8")), " ")
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa, năm 2027",
		"Kỳ báo cáo từ ngày 15/12/2026 đến ngày 14/12/2027",
		"Hồ sơ tiếp nhận trong kỳ " + itoa(r.Total.Received), "Tỷ lệ trước hạn và đúng hạn (mục tiêu trên 90%) " + report.Percent(r.Total.Rate, true),
		"Đăng ký khai sinh", "Trực tuyến", "DIỄN BIẾN 12 THÁNG", "Mục tiêu 90%", "01/27", "12/27",
		"ƯỚC TÍNH CỦA XÃ", "không phải kết quả đánh giá chính thức", "Chưa có số liệu trong phần mềm: Mức độ hài lòng",
		"Nơi nhận:", "Văn phòng UBND tỉnh Thanh Hóa;", "Lưu: VT,", "CHỦ TỊCH", "Lê Văn Tuấn",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report PDF lacks %q", want)
		}
	}
	// The same inputs give the same bytes.
	var again bytes.Buffer
	_ = ReportPDF(&again, testFonts(t), sampleProfile(), ReportInput{Report: r, UpperLevel: "Văn phòng UBND tỉnh Thanh Hóa"})
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two renderings differ")
	}
}

func itoa(n int) string { return fmt.Sprint(n) }

// TestReportSamples writes docs/samples/report-p1…p3.png with the other samples:
// go test ./internal/docs -run Samples -samples
func TestReportSamples(t *testing.T) {
	if !*samples {
		t.Skip("run with -samples to rewrite docs/samples")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed")
	}
	r := sampleReport()
	r.WithPeople(report.People{Satisfaction: report.NewRatio(291, 318), Rated: report.NewRatio(318, 318), FeedbackOnTime: report.NewRatio(5, 6),
		Pledged: report.NewRatio(7, 8), NotPledged: []string{"Lê Văn Tuấn"}, Letters: map[string]int{"Thư chúc mừng khai sinh": 114}})
	var buf bytes.Buffer
	if err := ReportPDF(&buf, testFonts(t), sampleProfile(), ReportInput{Report: r, UpperLevel: "Văn phòng UBND tỉnh Thanh Hóa"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, pg := range []string{"1", "2", "3"} {
		out := filepath.Join("..", "..", "docs", "samples", "report-p"+pg)
		if b, err := exec.Command("pdftoppm", "-r", "60", "-png", "-singlefile", "-f", pg, "-l", pg, path, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, b)
		}
	}
}
