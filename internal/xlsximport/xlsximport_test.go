package xlsximport

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/internal/report"
)

func TestGuessPaperBookHeadings(t *testing.T) {
	// The register book's own headings (REFERENCE §3), as our export writes them.
	m := Guess(report.BookColumns)
	if got := m.String(); got != "entry=A,code=B,procedure=C,sets=D,applicant=E,address=F,phone=F,received=H,due=I,returned=L,note=O" {
		t.Errorf("paper book mapping %s", got)
	}
	m = Guess([]string{"STT", "Họ và tên", "Địa chỉ", "SĐT", "Thủ tục", "Ngày tiếp nhận", "Hạn trả", "Ngày trả", "Ghi chú"})
	if got := m.String(); got != "entry=A,procedure=E,applicant=B,address=C,phone=D,received=F,due=G,returned=H,note=I" {
		t.Errorf("short headings %s", got)
	}
	if miss := Guess([]string{"A", "B"}).Missing(); len(miss) != 3 {
		t.Errorf("missing %v", miss)
	}
	if err := m.Override("received=K,note=-", nil); err != nil || m[FReceived] != 10 {
		t.Errorf("override: %v %v", err, m)
	}
	if _, ok := m[FNote]; ok {
		t.Error("note=- kept the column")
	}
	if err := m.Override("ngay=K", nil); err == nil {
		t.Error("unknown field accepted")
	}
}

func TestParseDate(t *testing.T) {
	z := time.FixedZone("", 7*3600)
	cases := []struct {
		in   string
		want string
		tm   bool
	}{
		{"05/01/2027", "2027-01-05 00:00", false},
		{"5/1/2027", "2027-01-05 00:00", false},
		{"05-01-2027", "2027-01-05 00:00", false},
		{"05.01.2027 08:30", "2027-01-05 08:30", true},
		{"2027-01-05", "2027-01-05 00:00", false},
		{"46392", "2027-01-05 00:00", false},
		{"46392.5", "2027-01-05 12:00", true},
		{"08h30 05/01/2027", "2027-01-05 08:30", true},
	}
	for _, c := range cases {
		got, tm, err := ParseDate(c.in)
		if err != nil || got.In(z).Format("2006-01-02 15:04") != c.want || tm != c.tm {
			t.Errorf("%q → %v %v %v, want %s", c.in, got, tm, err, c.want)
		}
	}
	for _, bad := range []string{"32/01/2027", "05/13/2027", "hôm qua", "12", "1/1/1900"} {
		if _, _, err := ParseDate(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestSplitPhone(t *testing.T) {
	a, p := splitPhone("Thôn Đông, xã Đông Văn; 0912 345 678")
	if a != "Thôn Đông, xã Đông Văn" || p != "0912 345 678" {
		t.Errorf("%q %q", a, p)
	}
	if a, p := splitPhone("Số 12 Lê Lợi"); a != "Số 12 Lê Lợi" || p != "" {
		t.Errorf("%q %q", a, p)
	}
}

func TestTwoRowHeadingAndNumbering(t *testing.T) {
	x := excelize.NewFile()
	rows := [][]any{
		{"SỔ THEO DÕI HỒ SƠ"},
		{"TT", "Mã hồ sơ", "Tên TTHC", "Tên cá nhân, tổ chức", "Ngày, tháng, năm", "", "", "Ghi chú"},
		{"", "", "", "", "Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả", ""},
		{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"},
		{1, "", "Đăng ký khai sinh", "Giàng A Páo", "03/11/2026", "03/11/2026", "04/11/2026", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = x.SetSheetRow("Sheet1", cell, &r)
	}
	var buf bytes.Buffer
	_ = x.Write(&buf)
	s, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	m := Guess(s.Header)
	if got := m.String(); got != "entry=A,code=B,procedure=C,applicant=D,received=E,due=F,returned=G,note=H" {
		t.Errorf("two-row heading: %s (%q)", got, s.Header)
	}
	recs, probs := s.Records(m)
	if len(recs) != 1 || len(probs) != 0 || recs[0].Line != 5 || recs[0].Returned == nil {
		t.Errorf("records %+v problems %+v", recs, probs)
	}
}
