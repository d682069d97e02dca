package office

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// bigRegisterXLSX is an Excel register of n rows over 2025 (dd/mm/yyyy
// text dates, as most communes type them), every row valid.
func bigRegisterXLSX(b testing.TB, n int) []byte {
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"TT", "Mã hồ sơ", "Tên TTHC", "Tên cá nhân/tổ chức", "Địa chỉ", "Số điện thoại", "Ngày nhận", "Ngày hẹn trả", "Ngày trả kết quả", "Ghi chú"})
	procs := []string{"Đăng ký khai sinh", "Chứng thực bản sao từ bản chính", "Thay đổi, cải chính hộ tịch", "Đăng ký kết hôn"}
	for i := 0; i < n; i++ {
		day := 1 + i%28
		month := 1 + (i/28)%12
		rec := fmt.Sprintf("%02d/%02d/2025", day, month)
		ret := fmt.Sprintf("%02d/%02d/2025", min(day+2, 28), month)
		row := []any{i + 1, fmt.Sprintf("000.17.22.H56-25%02d%02d-%04d", month, day, i/336+1), procs[i%len(procs)],
			fmt.Sprintf("Nguyễn Văn Người %d", i), "Thôn Đông, xã Đông Văn", "0912 345 678", rec, "", ret, ""}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkImportXLSX50k reads, checks and saves a 50,000-row Excel
// register (target: ≤ 20 s).
func BenchmarkImportXLSX50k(b *testing.B) {
	data := bigRegisterXLSX(b, 50_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		o := openAt(b, filepath.Join(b.TempDir(), "b.db"), "2026-01-20 10:00")
		b.StartTimer()
		plan, err := o.PlanImport(context.Background(), bytes.NewReader(data), "so.xlsx", ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := o.ApplyImport(context.Background(), plan)
		if err != nil || res.Imported != 50_000 {
			b.Fatalf("%+v %v (problems %v)", res, err, plan.Problems[:min(3, len(plan.Problems))])
		}
	}
}
