package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func sampleReport(t *testing.T) (Report, []BookRow) {
	p, _ := ParsePeriod("2027-01", 15)
	now := day(2027, 1, 20, 10)
	r := rowsReport(p, now, fixture())
	for _, m := range TrendMonths(p, 12) {
		r.Trend = append(r.Trend, Point{Period: m, Total: rowsReport(m, now, fixture()).Total})
	}
	r.Commune = "Ủy ban nhân dân xã Đông Văn"
	ret := day(2027, 1, 7, 8)
	book := []BookRow{
		{EntryNo: 1, Code: "000.17.22.H56-270105-0001", Procedure: "Đăng ký khai sinh", Sets: 1, Applicant: "Đỗ Thị Hằng",
			Address: "Thôn Đông", Phone: "0912345678", ReceivedAt: day(2027, 1, 5, 8), DueAt: day(2027, 1, 8, 16), ReturnedAt: &ret,
			ResultMethod: "Tại Bộ phận Một cửa"},
		// an entry made before 07:00 must stay on its own day
		{EntryNo: 2, Code: "000.17.22.H56-270106-0001", Procedure: "Chứng thực bản sao", Sets: 2, Applicant: "Nguyễn Văn Đức",
			ReceivedAt: time.Date(2027, 1, 6, 6, 30, 0, 0, day(2027, 1, 1, 0).Location()), DueAt: day(2027, 1, 6, 16), Note: "Từ chối: thiếu giấy tờ"},
	}
	return r, book
}

func TestXLSXReadsBack(t *testing.T) {
	r, book := sampleReport(t)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r, book); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	want := []string{SheetReport, SheetProcs, SheetTrend, SheetBook}
	if got := x.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := x.GetRows(SheetReport)
	found := map[string]string{}
	for _, row := range rows {
		if len(row) >= 2 {
			found[row[0]] = row[1]
		}
	}
	if found["Hồ sơ tiếp nhận trong kỳ"] != "10" || found["Tỷ lệ trước hạn và đúng hạn (mục tiêu trên 90%)"] != "60,0%" || found["   Quá hạn"] != "2" {
		t.Errorf("report sheet: %v", found)
	}
	var estimate bool
	for k := range found {
		if strings.Contains(k, EstimateLabel) {
			estimate = true
		}
	}
	if !estimate {
		t.Error("the self-score is not labelled as the commune's estimate")
	}
	pr, _ := x.GetRows(SheetProcs)
	if len(pr) != 4 || pr[3][1] != "Tổng cộng" || pr[3][2] != "10" || pr[1][0] != "A" {
		t.Errorf("procedures sheet %v", pr)
	}
	tr, _ := x.GetRows(SheetTrend)
	if len(tr) != 13 || tr[12][0] != "Tháng 01/2027" || tr[12][2] != "10" {
		t.Errorf("trend sheet has %d rows, last %v", len(tr), tr[len(tr)-1])
	}
	br, _ := x.GetRows(SheetBook)
	if len(br) != 6 || br[3][1] != "Mã hồ sơ" || br[4][1] != book[0].Code || br[4][4] != "Đỗ Thị Hằng" || br[4][5] != "Thôn Đông; 0912345678" {
		t.Fatalf("book sheet %v", br)
	}
	if br[4][7] != "05/01/2027" || br[4][11] != "07/01/2027" || br[5][7] != "06/01/2027" || br[5][14] != "Từ chối: thiếu giấy tờ" {
		t.Errorf("book dates %v / %v", br[4], br[5])
	}
	if len(BookColumns) != 15 {
		t.Errorf("the paper book has 15 columns, got %d", len(BookColumns))
	}
	// LibreOffice must accept the file too, whatever excelize says.
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("MOTCUA_REQUIRE_SOFFICE") != "" {
			t.Fatal("soffice (LibreOffice) is required here (make xlsx-check installs it) but was not found")
		}
		t.Log("soffice (LibreOffice) is not installed here: the open-by-LibreOffice check is skipped (make xlsx-check runs it)")
		return
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "bao-cao.xlsx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, in) // 76: UTF-8, whatever the locale
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice refused the workbook: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "bao-cao.csv"))
	if err != nil || !strings.Contains(string(csv), "Hồ sơ tiếp nhận trong kỳ") {
		t.Fatalf("LibreOffice did not read the report sheet: %v\n%s\n%s", err, out, csv)
	}
}

func TestCSV(t *testing.T) {
	r, _ := sampleReport(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if !strings.HasPrefix(s, "\ufeffKỳ báo cáo,Tháng 01/2027") || !strings.Contains(s, ",Tổng cộng,10,5,1,2,2,\"60,0%\",1,1,3,1,1,2,5.7,7.0\n") {
		t.Errorf("csv:\n%s", s)
	}
}
