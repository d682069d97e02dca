package docs

import (
	"io"
	"strings"
	"testing"
)

func TestStaffContactsListsEveryoneWithHeadingOnEachPage(t *testing.T) {
	in := ContactList{Date: at(2026, 11, 23, 9, 0), Hotline: "0237 3888 999"}
	for i := 0; i < 30; i++ {
		in.Rows = append(in.Rows, Contact{Name: "Nguyễn Thị Lan", Title: "Công chức Văn phòng - Thống kê", Task: "Cán bộ một cửa", Phone: "0912 345 678", Email: "lan@dongvan.gov.vn"})
	}
	in.Rows[29].Name = "Hoàng Văn Cuối"
	pdf := render(t, func(w io.Writer) error { return StaffContacts(w, testFonts(t), sampleProfile(), in) })
	text := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext", "-enc", "UTF-8")), " ")
	for _, want := range []string{"TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "DANH SÁCH", "Cán bộ, công chức tiếp nhận hồ sơ", "Hoàng Văn Cuối", "0237 3888 999", "Đông Văn, ngày 23 tháng 11 năm 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if n := strings.Count(text, "Nhiệm vụ tại Bộ phận Một cửa"); n < 2 {
		t.Errorf("table heading printed %d times over several pages", n)
	}
	if err := StaffContacts(io.Discard, testFonts(t), sampleProfile(), ContactList{}); err == nil || !strings.Contains(err.Error(), "motcua staff add") {
		t.Errorf("empty list: %v", err)
	}
}
