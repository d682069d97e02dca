package docs

import (
	"sync"
	"testing"
	"time"

	"motcua/internal/letters"
)

var (
	fontsOnce sync.Once
	fontsVal  *Fonts
	fontsErr  error
)

// testFonts is the bundled family, loaded once for all tests.
func testFonts(tb testing.TB) *Fonts {
	tb.Helper()
	fontsOnce.Do(func() { fontsVal, fontsErr = BundledFonts() })
	if fontsErr != nil {
		tb.Fatal(fontsErr)
	}
	return fontsVal
}

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, Zone)
}

func sampleProfile() Profile {
	return Profile{
		Body:        "Ủy ban nhân dân xã Đông Văn",
		CounterName: "Trung tâm Phục vụ hành chính công xã Đông Văn",
		PlaceName:   "Đông Văn",
		Province:    "Thanh Hóa",
		Address:     "Thôn Trung Lý, xã Đông Văn, tỉnh Thanh Hóa",
		Phone:       "0237 3812 345",
		ChairName:   "Lê Văn Tuấn",
		ChairTitle:  "Chủ tịch",
		SignAs:      "TM",
		FormPaper:   *dumpPaper,

		ArchiveUnit: "VP", ArchiveCopies: 2,
	}
}

func sampleDossier() DossierDoc {
	return DossierDoc{
		Code:          "000.17.22.H56-260205-0001",
		BookNo:        1,
		EntryNo:       125,
		DocNumber:     "",
		ProcedureName: "Đăng ký khai sinh",
		Applicant: Applicant{
			Name:    "Đặng Thị Ngọc Ánh",
			Address: "Thôn Trung Lý, xã Đông Văn, tỉnh Thanh Hóa",
			Phone:   "0912 345 678",
			Email:   "ngocanh.dang@example.vn",
		},
		Documents: []Document{
			{Name: "Tờ khai đăng ký khai sinh", Form: "Bản chính", Count: 1},
			{Name: "Giấy chứng sinh", Form: "Bản chính", Count: 1},
			{Name: "Giấy chứng nhận kết hôn của cha, mẹ", Form: "Bản sao có chứng thực", Count: 1},
		},
		Sets:         1,
		LimitText:    "Trong ngày",
		ReceivedAt:   at(2026, 2, 5, 8, 30),
		DueAt:        at(2026, 2, 5, 16, 0),
		ResultMethod: "counter",
		ReceivedBy:   "Nguyễn Thị Lan",
		HandlingUnit: "Công chức Tư pháp - Hộ tịch",
		Handovers: []Handover{
			{From: "Trung tâm Phục vụ hành chính công", To: "Công chức Tư pháp - Hộ tịch", Giver: "Nguyễn Thị Lan", Receiver: "Trịnh Văn Lực", At: at(2026, 2, 5, 9, 0), Outcome: "Trước hạn"},
			{From: "Công chức Tư pháp - Hộ tịch", To: "Chủ tịch UBND xã (ký duyệt)", Giver: "Trịnh Văn Lực", Receiver: "Lê Văn Tuấn", At: at(2026, 2, 5, 14, 0), Outcome: "Trước hạn"},
			{From: "Chủ tịch UBND xã", To: "Trung tâm Phục vụ hành chính công", Giver: "Lê Văn Tuấn", Receiver: "Nguyễn Thị Lan", At: at(2026, 2, 5, 15, 10), Outcome: "Đúng hạn", Note: "Đã ký"},
		},
		SupplementItems: []string{
			"Bản sao Giấy chứng nhận kết hôn của cha, mẹ có chứng thực",
			"Văn bản ủy quyền có chứng thực (người đi đăng ký không phải cha, mẹ)",
		},
		Reason:   "Cần xác minh thêm thông tin cư trú của người mẹ tại nơi cư trú trước đây",
		NewDueAt: at(2026, 2, 10, 16, 0),
		IssuedAt: at(2026, 2, 5, 10, 0),
	}
}

func sampleLetter() Letter {
	return Letter{
		Kind:      letters.Marriage,
		Number:    5,
		Symbol:    "UBND",
		Date:      at(2026, 2, 5, 9, 0),
		Recipient: "Anh Phạm Đức Thắng và chị Vũ Thị Thục",
		Address:   "Thôn Đông Hưng, xã Đông Văn",
		Paragraphs: []string{
			"Ủy ban nhân dân xã Đông Văn vui mừng được biết anh Phạm Đức Thắng và chị Vũ Thị Thục đã đăng ký kết hôn ngày 05 tháng 02 năm 2026.",
			"Nhân dịp trọng đại này, thay mặt Ủy ban nhân dân xã Đông Văn, tôi xin gửi tới anh Phạm Đức Thắng và chị Vũ Thị Thục cùng hai bên gia đình lời chúc mừng tốt đẹp nhất.",
			"Chúc anh chị trăm năm hạnh phúc, luôn yêu thương, thấu hiểu và đồng hành cùng nhau, xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc, góp phần xây dựng xã Đông Văn ngày càng phát triển.",
			"Trân trọng!",
		},
		DossierCode: "000.17.22.H56-260205-0002",
	}
}
