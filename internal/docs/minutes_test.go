package docs

import (
	"io"
	"strings"
	"testing"
)

func TestDialogueMinutes(t *testing.T) {
	m := Minutes{Ref: "ĐT 01/2026", HeldAt: at(2026, 6, 5, 8, 0), Place: "Nhà văn hóa thôn Trung", Chair: "Lê Văn Tuấn",
		Participants: "Bí thư Đảng ủy, Chủ tịch Ủy ban MTTQ xã, trưởng các thôn", Attendance: 85,
		Issues:      []string{"Đường vào thôn xuống cấp", "Chậm cấp giấy chứng nhận"},
		Commitments: []MinutesCommitment{{Text: "Sửa đường vào thôn", Owner: "Công chức Địa chính - Xây dựng", Deadline: at(2026, 9, 30, 0, 0)}}}
	pdf := render(t, func(w io.Writer) error { return DialogueMinutes(w, testFonts(t), sampleProfile(), m) })
	text := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext", "-enc", "UTF-8")), " ")
	for _, want := range []string{"ỦY BAN NHÂN DÂN", "BIÊN BẢN", "Hội nghị đối thoại", "Vào hồi 08 giờ 00 phút, ngày 05 tháng 6 năm 2026, tại Nhà văn hóa thôn Trung",
		"Số người dân tham dự: 85 người", "1) Đường vào thôn xuống cấp.", "Sửa đường vào thôn", "30/09/2026", "CHỦ TRÌ HỘI NGHỊ", "Đông Văn, ngày 05 tháng 6 năm 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in %s", want, text)
		}
	}
}
