package office

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/internal/calendar"
	"motcua/internal/register"
)

// registerXLSX builds a register as communes keep it in Excel: a title, a
// heading on line 3, dates as text or as real date cells.
func registerXLSX(t testing.TB, rows [][]any) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	s := "Sheet1"
	_ = x.SetCellValue(s, "A1", "SỔ THEO DÕI HỒ SƠ NĂM 2026")
	head := []any{"TT", "Mã hồ sơ", "Tên TTHC", "Tên cá nhân/tổ chức", "Địa chỉ", "Số điện thoại", "Ngày nhận", "Ngày hẹn trả", "Ngày trả kết quả", "Ghi chú"}
	if err := x.SetSheetRow(s, "A3", &head); err != nil {
		t.Fatal(err)
	}
	date, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	for i, r := range rows {
		ref := fmt.Sprintf("A%d", 4+i)
		if err := x.SetSheetRow(s, ref, &r); err != nil {
			t.Fatal(err)
		}
		for c, v := range r {
			if _, ok := v.(time.Time); ok {
				cell, _ := excelize.CoordinatesToCellName(c+1, 4+i)
				_ = x.SetCellStyle(s, cell, cell, date)
			}
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func utcDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestImportXLSX(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "t.db"), "2026-01-20 10:00")
	ctx := context.Background()
	data := registerXLSX(t, [][]any{
		{1, "000.00.00.H00-260105-0001", "Thay đổi, cải chính hộ tịch", "Đỗ Đức Đạt", "Thôn Đông", "0912 345 678", "05/01/2026", "08/01/2026", "08/01/2026", ""},
		{2, "", "Đăng ký khai sinh", "Lê Thị Hoa", "Thôn Tây", "", utcDay(2026, 1, 6), utcDay(2026, 1, 6), utcDay(2026, 1, 6), "Sinh con thứ hai"},
		{3, "", "Đăng ký khai sinh", "Trần Văn Ba", "", "", "32/13/2026", "", "", ""},
		{4, "", "Đăng ký khai sinh", "", "", "", "06/01/2026", "", "", ""},
		{5, "000.00.00.H00-260105-0001", "Đăng ký khai sinh", "Phạm Thị Tư", "", "", "05/01/2026", "", "", ""},
		{6, "", "Xác nhận tình trạng cư trú ABC", "Vũ Văn Năm", "", "", "07/01/2026 09:15", "09/01/2026", "12/01/2026", ""},
		{7, "", "Cấp phép XYZ", "Hoàng Thị Sáu", "", "", "07/01/2026", "", "", ""},
		{8, "HS-0008", "cai-chinh-ho-tich", "Ngô Văn Tám", "", "", "12/01/2026", "", "", ""},
		// its code is the one line 5 (no code, same day) would have been given
		{9, "000.00.00.H00-260106-0001", "Đăng ký khai sinh", "Đinh Thị Chín", "", "", "06/01/2026 10:00", "", "", ""},
	})
	plan, err := o.PlanImport(ctx, bytes.NewReader(data), "/tmp/so-2026.xlsx", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if plan.HeaderRow != 3 || plan.Rows != 9 || plan.Mapping != "entry=A,code=B,procedure=C,applicant=D,address=E,phone=F,received=G,due=H,returned=I,note=J" {
		t.Fatalf("plan header %d rows %d mapping %s", plan.HeaderRow, plan.Rows, plan.Mapping)
	}
	var probs []string
	for _, p := range plan.Problems {
		probs = append(probs, fmt.Sprintf("%d: %s", p.Line, p.Reason))
	}
	want := []string{"6: ngày nhận", "7: thiếu tên cá nhân", "8: mã hồ sơ 000.00.00.H00-260105-0001 trùng với dòng 4", "10: thủ tục \"Cấp phép XYZ\" chưa có trong danh mục"}
	if len(probs) != len(want) {
		t.Fatalf("problems %q", probs)
	}
	for i := range want {
		if !strings.HasPrefix(probs[i], want[i]) {
			t.Errorf("problem %q, want %q…", probs[i], want[i])
		}
	}
	if len(plan.Ready) != 5 || len(plan.NewProcedures) != 1 || plan.NewProcedures[0].Limit != (calendar.Limit{Value: 2, Unit: calendar.WorkingDays}) {
		t.Fatalf("ready %d, new procedures %+v", len(plan.Ready), plan.NewProcedures)
	}

	// Nothing half-imported: a failure on the last row leaves the register untouched.
	broken := *plan
	broken.Ready = append([]ImportRow(nil), plan.Ready...)
	broken.Ready[3].ProcedureCode = "khong-co"
	if _, err := o.ApplyImport(ctx, &broken); err == nil {
		t.Fatal("import with an unknown procedure succeeded")
	}
	if n := o.countDossiers(t); n != 0 {
		t.Fatalf("a failed import left %d dossiers", n)
	}

	res, err := o.ApplyImport(ctx, plan)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 5 || res.NewProcedures != 1 {
		t.Fatalf("result %+v", res)
	}
	d, err := o.Show(ctx, "000.00.00.H00-260105-0001")
	if err != nil {
		t.Fatal(err)
	}
	// Received Mon 05/01 (07:00, the sheet gives no time), 3 working days: due Thu 08/01; returned that day: on time.
	if d.State != register.Returned || d.Outcome != register.OnTime || d.Applicant.Phone != "0912 345 678" ||
		!strings.Contains(d.Events[0].Note, "Nhập từ sổ Excel so-2026.xlsx, dòng 4") || d.Events[1].Kind != register.EvReturned ||
		!d.Events[0].Backdated || !d.Events[1].Backdated {
		t.Errorf("imported dossier %+v %+v", d, d.Events)
	}
	ds, _ := o.Store().ReceivedBetween(ctx, vn("2026-01-01 00:00"), vn("2026-02-01 00:00"))
	byName := map[string]register.Dossier{}
	for _, d := range ds {
		byName[d.Applicant.Name] = d
	}
	if h := byName["Lê Thị Hoa"]; h.ReceivedAt.Format("02/01 15:04") != "06/01 07:00" || h.Outcome != register.OnTime || !strings.Contains(h.Note, "Sinh con thứ hai") {
		t.Errorf("date-cell row: %+v", h)
	}
	if n := byName["Vũ Văn Năm"]; n.ProcedureCode != plan.NewProcedures[0].Code || n.Outcome != register.Late || n.ReceivedAt.Format("15:04") != "09:15" {
		t.Errorf("new-procedure row: %+v", n)
	}
	if h, c := byName["Lê Thị Hoa"], byName["Đinh Thị Chín"]; c.Code != "000.00.00.H00-260106-0001" || h.Code == c.Code || h.Code == "" {
		t.Errorf("codes: made up %s, from the sheet %s", h.Code, c.Code)
	}
	if e := byName["Ngô Văn Tám"]; e.Code != "HS-0008" || e.State != register.Received {
		t.Errorf("open row: %+v", e)
	}

	// The audit chain holds every imported dossier as saved.
	if a, err := o.VerifyAudit(ctx); err != nil || len(a.Problems) != 0 || a.Unlogged != 0 {
		t.Errorf("audit after import: %+v %v", a, err)
	}
	// The same file again adds nothing.
	again, err := o.PlanImport(ctx, bytes.NewReader(data), "so-2026.xlsx", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Ready) != 0 || len(again.Duplicates) != 5 {
		t.Errorf("second plan: ready %d duplicates %v", len(again.Ready), again.Duplicates)
	}
	if res, err := o.ApplyImport(ctx, plan); err != nil || res.Imported != 0 {
		t.Errorf("second import %+v %v", res, err)
	}
	if n := o.countDossiers(t); n != 5 {
		t.Errorf("%d dossiers after importing twice", n)
	}
	// A column the guess cannot find can be named.
	if _, err := o.PlanImport(ctx, bytes.NewReader(data), "x.xlsx", ImportOptions{Map: "received=-"}); err == nil || !strings.Contains(err.Error(), "--map") {
		t.Errorf("missing column: %v", err)
	}
	p2, err := o.PlanImport(ctx, bytes.NewReader(data), "x.xlsx", ImportOptions{Procedures: map[string]string{"Cấp phép XYZ": "khai-sinh"}})
	if err != nil || len(p2.Ready) != 1 {
		t.Errorf("mapped procedure: %v ready %d", err, len(p2.Ready))
	}
}

func (o *Office) countDossiers(t testing.TB) int {
	var n int
	if err := o.Store().DB().QueryRow(`SELECT COUNT(*) FROM dossiers`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The register book exported to Excel by one office imports into another
// with the same figures: the round trip of a commune moving PCs, and a
// check that the export is laid out as the import expects a paper book.
func TestExportedBookImports(t *testing.T) {
	ctx := context.Background()
	a := openAt(t, filepath.Join(t.TempDir(), "a.db"), "2026-11-27 16:00")
	for i, name := range []string{"Giàng A Páo", "Vàng Thị Mỷ", "Lò Văn Sáng", "Đỗ Đức Đạt"} {
		d, err := a.Receive(ctx, ReceiveInput{ProcedureCode: "cai-chinh-ho-tich", At: vn("2026-11-16 08:00").AddDate(0, 0, i),
			Applicant: register.Applicant{Name: name, Address: "Thôn Trung, xã Trung Lý", Phone: "0912 345 678"}})
		if err != nil {
			t.Fatal(err)
		}
		if i < 3 {
			if _, err := a.Return(ctx, d.Code, vn("2026-11-18 15:00").AddDate(0, 0, 2*i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	p, _ := a.ReportPeriod("2026-12", time.Time{}, time.Time{})
	ra, err := a.Report(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := a.WriteReport(ctx, &buf, ra, "xlsx"); err != nil {
		t.Fatal(err)
	}
	b := openAt(t, filepath.Join(t.TempDir(), "b.db"), "2026-11-27 16:00")
	plan, err := b.PlanImport(ctx, bytes.NewReader(buf.Bytes()), "bao-cao.xlsx", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Sheet != "Sổ theo dõi hồ sơ" || len(plan.Ready) != 4 || len(plan.Problems) != 0 {
		t.Fatalf("plan: sheet %s, ready %d, problems %+v", plan.Sheet, len(plan.Ready), plan.Problems)
	}
	if _, err := b.ApplyImport(ctx, plan); err != nil {
		t.Fatal(err)
	}
	rb, err := b.Report(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	fa, fb := ra.Total, rb.Total
	if fa.Received != fb.Received || fa.Returned != fb.Returned || fa.Early != fb.Early || fa.OnTime != fb.OnTime || fa.Late != fb.Late || fa.InProgress != fb.InProgress {
		t.Errorf("figures differ after the round trip:\n%+v\n%+v", fa, fb)
	}
	d, err := b.Show(ctx, plan.Ready[0].Code)
	if err != nil || d.Applicant.Phone != "0912 345 678" || d.Applicant.Address != "Thôn Trung, xã Trung Lý" {
		t.Errorf("imported applicant %+v %v", d.Applicant, err)
	}
}
