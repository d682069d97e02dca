package docs

import (
	"io"
	"strings"
	"testing"
)

func TestRatingSlipA5WithQR(t *testing.T) {
	s := RatingSlip{Code: "000.17.22.H56-261123-0001", ProcedureName: "Đăng ký khai sinh", Applicant: "Giàng A Páo", ReturnedAt: at(2026, 11, 23, 10, 0), Date: at(2026, 11, 23, 10, 0)}
	pdf := render(t, func(w io.Writer) error { return RatingSlips(w, testFonts(t), sampleProfile(), []RatingSlip{s, s}) })
	info := poppler(t, pdf, "pdfinfo")
	if !strings.Contains(info, "Pages:           2") || !strings.Contains(info, "(A5)") {
		t.Errorf("two A5 pages: %s", info)
	}
	text := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext", "-enc", "UTF-8")), " ")
	for _, want := range []string{"PHIẾU ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG", "000.17.22.H56-261123-0001", "1. Hài lòng", "3. Không hài lòng", "Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị", "23/11/2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in %s", want, text)
		}
	}
	if err := RatingSlips(io.Discard, testFonts(t), sampleProfile(), []RatingSlip{{}}); err == nil {
		t.Error("slip without code")
	}
}
