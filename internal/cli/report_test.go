package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/internal/calendar"
)

func TestReportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	now := time.Date(2026, 11, 27, 16, 0, 0, 0, calendar.Zone)
	recv := func(name, channel, at string) string {
		out, errs, code := run(t, db, now, "receive", "--procedure", "xac-nhan-hon-nhan", "--applicant", name, "--channel", channel, "--at", at, "--json")
		if code != 0 {
			t.Fatalf("receive: %s", errs)
		}
		var r struct{ Code string }
		mustJSON(t, out, &r)
		return r.Code
	}
	a := recv("Đỗ Đức Đạt", "online", "2026-11-23 08:30")
	recv("Lê Thị Hoa", "post", "2026-11-23 09:30")
	if _, errs, code := run(t, db, now, "receive", "--procedure", "xac-nhan-hon-nhan", "--applicant", "X", "--channel", "fax"); code == 0 || !strings.Contains(errs, "ênh tiếp nhận \"fax\"") {
		t.Fatalf("unknown channel accepted: %d %s", code, errs)
	}
	if _, errs, code := run(t, db, now, "return", a, "--at", "2026-11-25 10:00"); code != 0 {
		t.Fatalf("return: %s", errs)
	}

	// 23/11 falls in the December report with the 15th cut-off, in November's by calendar month.
	out, errs, code := run(t, db, now, "report", "--period", "2026-12", "--json")
	if code != 0 {
		t.Fatalf("report: %s", errs)
	}
	var r struct {
		Period struct{ Key string }
		Total  struct {
			Received, Returned, Early int
			Rate                      float64
		}
		Channels []struct {
			Channel  string
			Received int
		}
		Trend []struct{}
	}
	mustJSON(t, out, &r)
	if r.Period.Key != "2026-12" || r.Total.Received != 2 || r.Total.Returned != 1 || r.Total.Early != 1 || r.Total.Rate != 1 || len(r.Trend) != 12 {
		t.Fatalf("report %+v", r)
	}
	if r.Channels[0].Received != 0 || r.Channels[1].Received != 1 || r.Channels[2].Received != 1 {
		t.Errorf("channels %+v", r.Channels)
	}
	out, _, _ = run(t, db, now, "report", "--from", "2026-11-01", "--to", "2026-11-30")
	if !strings.Contains(out, "Hồ sơ tiếp nhận trong kỳ") || !strings.Contains(out, "ước tính của xã") {
		t.Errorf("text report:\n%s", out)
	}
	// With calendar months (cut-off setting 1) 23/11 is November's.
	if _, errs, code := run(t, db, now, "settings", "report.start_day=1"); code != 0 {
		t.Fatalf("settings: %s", errs)
	}
	out, _, _ = run(t, db, now, "report", "--period", "2026-11", "--json")
	mustJSON(t, out, &r)
	if r.Period.Key != "2026-11" || r.Total.Received != 2 {
		t.Errorf("calendar-month report %+v", r)
	}
	if _, errs, code := run(t, db, now, "settings", "report.start_day=31"); code == 0 {
		t.Errorf("cut-off 31 accepted: %s", errs)
	}

	dir := t.TempDir()
	for _, f := range []string{"pdf", "xlsx", "csv"} {
		path := filepath.Join(dir, "bc."+f)
		if _, errs, code := run(t, db, now, "report", "--period", "2026-Q4", "-o", path); code != 0 {
			t.Fatalf("%s: %s", f, errs)
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) < 100 {
			t.Fatalf("%s: %v (%d bytes)", f, err, len(b))
		}
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "bc.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Sổ theo dõi hồ sơ")
	if len(rows) != 6 || rows[4][4] != "Đỗ Đức Đạt" {
		t.Errorf("register book sheet %v", rows)
	}
	if _, errs, code := run(t, db, now, "report", "--period", "2026-13"); code != 1 || !strings.Contains(errs, "kỳ báo cáo") {
		t.Errorf("bad period: %d %s", code, errs)
	}
	if _, _, code := run(t, db, now, "report", "--format", "pdf"); code != 2 {
		t.Errorf("pdf without -o: exit %d", code)
	}
}

func TestImportXLSXCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	now := time.Date(2026, 11, 27, 16, 0, 0, 0, calendar.Zone)
	x := excelize.NewFile()
	rows := [][]any{
		{"TT", "Mã hồ sơ", "Tên TTHC", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại", "Ngày nhận", "Ngày hẹn trả", "Ngày trả kết quả", "Ghi chú"},
		{1, "", "Đăng ký khai sinh", "Đặng Thị Ngọc Ánh", "Thôn Trung Lý, 0912 345 678", "03/11/2026", "03/11/2026", "03/11/2026", ""},
		{2, "", "Đăng ký khai sinh", "Bùi Văn Cường", "", "31/02/2026", "", "", ""},
	}
	for i, r := range rows {
		if err := x.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "so.xlsx")
	if err := x.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, db, now, "import-xlsx", file)
	if code != 0 || !strings.Contains(out, "Nhập được: 1 dòng") || !strings.Contains(out, "dòng 3: ngày nhận") || !strings.Contains(out, "Chưa nhập gì") {
		t.Fatalf("preview %d:\n%s%s", code, out, errs)
	}
	out, errs, code = run(t, db, now, "import-xlsx", file, "--yes", "--json")
	var r struct{ Imported int }
	mustJSON(t, out, &r)
	if code != 0 || r.Imported != 1 {
		t.Fatalf("import %d %s %s", code, out, errs)
	}
	out, _, _ = run(t, db, now, "import-xlsx", file, "--yes")
	if !strings.Contains(out, "Đã có trong sổ (bỏ qua): 1 dòng") || !strings.Contains(out, "Không có dòng nào mới") {
		t.Errorf("second import:\n%s", out)
	}
	out, _, _ = run(t, db, now, "search", "ngoc anh", "--json")
	if !strings.Contains(out, "0912 345 678") {
		t.Errorf("imported dossier not found with its phone: %s", out)
	}
}
