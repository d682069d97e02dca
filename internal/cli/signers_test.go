package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

// The command line offers the vice-chairs as signers and prints a letter with the
// signer chosen by --signer, the province above the committee and the office's address.
func TestSignerFlag(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	now := time.Date(2026, 11, 23, 7, 40, 0, 0, calendar.Zone)
	run(t, db, now, "settings", "agency_code=000.17.22.H56", "commune=Ủy ban nhân dân xã Đông Văn", "place_name=Đông Văn",
		"chair_name=Lê Văn Tuấn", "vice_chairs=Phạm Thị Hòa; Hà Văn Bình", "province=Thanh Hóa",
		"address=Thôn Trung Lý, xã Đông Văn", "phone=0237 3888 999")
	out, errs, code := run(t, db, now, "signers")
	if code != 0 || !strings.Contains(out, "Lê Văn Tuấn (Chủ tịch)") || !strings.Contains(out, "Hà Văn Bình (Phó Chủ tịch)") ||
		!strings.Contains(out, "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") {
		t.Fatalf("signers: %s %s", out, errs)
	}
	letter := filepath.Join(dir, "l.pdf")
	_, errs, code = run(t, db, now, "print", "letter", "--kind", "thanks", "--to", "Lò Văn Pọm",
		"--field", "noi_dung=ủng hộ quỹ khuyến học", "--signer", "Nguyễn Thị Lan", "-o", letter)
	if code == 0 || !strings.Contains(errs, "không phải Chủ tịch hay Phó Chủ tịch") {
		t.Fatalf("a signer who is not one: %d %s", code, errs)
	}
	out, errs, code = run(t, db, now, "print", "letter", "--kind", "thanks", "--to", "Lò Văn Pọm",
		"--field", "noi_dung=ủng hộ quỹ khuyến học", "--signer", "Ha Van Binh", "-o", letter)
	if code != 0 || !strings.Contains(out, "người ký Hà Văn Bình (Phó Chủ tịch)") {
		t.Fatalf("letter: %s %s", out, errs)
	}
	text := pdfText(t, letter)
	for _, want := range []string{"TỈNH THANH HÓA", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Văn Bình",
		"Địa chỉ: Thôn Trung Lý, xã Đông Văn; Điện thoại: 0237 3888 999"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Lê Văn Tuấn") {
		t.Errorf("the chair's name on the vice-chair's letter:\n%s", text)
	}
	out, _, _ = run(t, db, now, "letters")
	if !strings.Contains(out, "(ký: Hà Văn Bình (Phó Chủ tịch))") {
		t.Errorf("letters list lacks the signer: %s", out)
	}
}
