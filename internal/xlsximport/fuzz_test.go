package xlsximport

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Dates typed in paper-book spreadsheets: an accepted one is within the
// years the reader promises; nothing panics.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"05/01/2027", "5-1-2027 08:30", "08h30 05.01.2027", "2027-01-05", "46392.354", "0", "31/02/2027", "1e308", "NaN", "5/1/27"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, _, err := ParseDate(s)
		if err == nil && (d.Year() < 1954 || d.Year() > 2228) {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
	})
}

// Workbooks: whatever the bytes, Read answers with a sheet or an error.
func FuzzRead(f *testing.F) {
	x := excelize.NewFile()
	for i, row := range [][]any{
		{"STT", "Mã hồ sơ", "Họ tên", "Địa chỉ", "Ngày nhận", "Hẹn trả", "Ngày trả"},
		{1, "H56-270105-0001", "Nguyễn Văn An", "Thôn Đông", "05/01/2027", "06/01/2027", "06/01/2027"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		x.SetSheetRow("Sheet1", cell, &row)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Read(bytes.NewReader(data))
		if err == nil && s == nil {
			t.Fatal("no sheet and no error")
		}
	})
}
