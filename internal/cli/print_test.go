package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (make test installs poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	// Lines wrap where the layout wraps them: compare words, not lines.
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestPrintFormsLettersAndBooks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	now := time.Date(2026, 11, 23, 7, 40, 0, 0, calendar.Zone)
	run(t, db, now, "settings", "agency_code=000.17.22.H56", "commune=Ủy ban nhân dân xã Đông Văn", "place_name=Đông Văn",
		"chair_name=Lê Văn Tuấn", "counter_name=Trung tâm Phục vụ hành chính công xã Đông Văn", "clerk_name=Nguyễn Thị Lan")
	out, errs, code := run(t, db, now, "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo", "--address", "Thôn Trung, xã Trung Lý", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var d struct{ Code string }
	json.Unmarshal([]byte(out), &d)

	receipt := filepath.Join(dir, "receipt.pdf")
	if _, errs, code := run(t, db, now, "print", "receipt", d.Code, "-o", receipt); code != 0 {
		t.Fatal(errs)
	}
	text := pdfText(t, receipt)
	for _, want := range []string{"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Giàng A Páo", d.Code, "Liên 1: lưu", "Liên 2: giao người nộp",
		"16 giờ 00 phút, ngày 23 tháng 11 năm 2026", "Nguyễn Thị Lan", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt lacks %q", want)
		}
	}
	// A form the dossier's history does not have is refused, and no file appears.
	apology := filepath.Join(dir, "apology.pdf")
	if _, errs, code := run(t, db, now, "print", "apology", d.Code, "-o", apology); code == 0 || !strings.Contains(errs, "chưa có văn bản xin lỗi") {
		t.Fatalf("apology without apology: %s", errs)
	}
	if _, err := os.Stat(apology); err == nil {
		t.Fatal("a failed print left a file")
	}

	run(t, db, now, "return", d.Code, "--at", "2026-11-23 15:40")
	letter := filepath.Join(dir, "letter.pdf")
	_, errs, code = run(t, db, now, "print", "letter", "--kind", "birth", "--dossier", d.Code, "-o", letter)
	if code == 0 || !strings.Contains(errs, "{ten_con}") {
		t.Fatalf("birth letter without the baby's name: %s", errs)
	}
	out, errs, code = run(t, db, now, "print", "letter", "--kind", "birth", "--dossier", d.Code,
		"--field", "ten_con=Giàng A Sử", "--field", "ngay=ngày 20 tháng 11 năm 2026", "-o", letter, "--json")
	if code != 0 || !strings.Contains(out, `"number": 1`) {
		t.Fatalf("letter: %s %s", out, errs)
	}
	text = pdfText(t, letter)
	for _, want := range []string{"Số: 01/UBND", "THƯ CHÚC MỪNG", "Giàng A Sử", "Đông Văn, ngày 23 tháng 11 năm 2026", "Lê Văn Tuấn", "Nơi nhận"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	// Numbers are never reused; a new year starts again at 01.
	out, _, _ = run(t, db, now, "print", "letter", "--kind", "thanks", "--to", "Ông Lò Văn Pọm", "--address", "Bản Lìn",
		"--field", "noi_dung=ủng hộ 50 triệu đồng xây nhà văn hóa thôn", "-o", letter, "--json")
	if !strings.Contains(out, `"number": 2`) {
		t.Fatalf("second letter: %s", out)
	}
	jan := time.Date(2027, 1, 4, 8, 0, 0, 0, calendar.Zone)
	out, _, _ = run(t, db, jan, "print", "letter", "--kind", "thanks", "--to", "Bà Hà Thị Ý",
		"--field", "noi_dung=giúp đỡ gia đình khó khăn", "-o", letter, "--json")
	if !strings.Contains(out, `"number": 1`) || !strings.Contains(out, `"year": 2027`) {
		t.Fatalf("first letter of 2027: %s", out)
	}

	// The chair's own wording: an unknown field is refused by name.
	tpl := filepath.Join(dir, "tpl.txt")
	os.WriteFile(tpl, []byte("Kính gửi {nguoi_nhan}, chúc mừng {ten_vo}."), 0o644)
	if _, errs, code := run(t, db, now, "letter-template", "marriage", "--set", tpl); code == 0 || !strings.Contains(errs, "ten_vo") {
		t.Fatalf("unknown field accepted: %s", errs)
	}

	book := filepath.Join(dir, "book.pdf")
	if _, errs, code := run(t, db, now, "print", "register", "--year", "2026", "-o", book); code != 0 {
		t.Fatal(errs)
	}
	if text = pdfText(t, book); !strings.Contains(text, "SỔ THEO DÕI HỒ SƠ") || !strings.Contains(text, "Giàng A Páo") {
		t.Errorf("register book:\n%s", text)
	}
	pledge := filepath.Join(dir, "pledge.pdf")
	if _, errs, code := run(t, db, now, "print", "pledge", "--name", "Nguyễn Thị Lan", "--sets", "5-biet,4-xin", "-o", pledge); code != 0 {
		t.Fatal(errs)
	}
	if text = pdfText(t, pledge); !strings.Contains(text, "Nguyễn Thị Lan") || !strings.Contains(text, "Xin chào") {
		t.Errorf("pledge:\n%s", text)
	}
	if _, errs, code := run(t, db, now, "print", "pledge", "--name", "An", "--sets", "khong-co", "-o", pledge); code == 0 || !strings.Contains(errs, "Không có bộ khẩu hiệu") {
		t.Errorf("unknown set: %s", errs)
	}
}

func TestBatchLettersOfTheDay(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	now := time.Date(2026, 11, 23, 16, 30, 0, 0, calendar.Zone)
	var codes []string
	for _, name := range []string{"Nguyễn Văn An và Lê Thị Bình", "Trần Văn Cường và Phạm Thị Dung"} {
		out, _, _ := run(t, db, now, "receive", "--procedure", "ket-hon", "--applicant", name, "--at", "2026-11-23 09:00", "--json")
		var d struct{ Code string }
		json.Unmarshal([]byte(out), &d)
		codes = append(codes, d.Code)
		run(t, db, now, "return", d.Code, "--at", "2026-11-23 15:00")
	}
	e := &Env{Now: func() time.Time { return now }}
	_ = e
	o := openOffice(t, db, now)
	for _, c := range codes {
		if _, err := o.DraftLetter(t.Context(), letterInput("marriage", c)); err != nil {
			t.Fatal(err)
		}
	}
	o.Close()
	out, errs, code := run(t, db, now, "letters", "--status", "draft", "--json")
	if code != 0 || strings.Count(out, `"status": "draft"`) != 2 {
		t.Fatalf("drafts: %s %s", out, errs)
	}
	batch := filepath.Join(dir, "batch.pdf")
	out, errs, code = run(t, db, now, "print", "letters", "-o", batch, "--json")
	if code != 0 || !strings.Contains(out, `"letters": 2`) {
		t.Fatalf("batch: %s %s", out, errs)
	}
	text := pdfText(t, batch)
	if !strings.Contains(text, "Số: 01/UBND") || !strings.Contains(text, "Số: 02/UBND") || !strings.Contains(text, "Trần Văn Cường") {
		t.Errorf("batch text:\n%s", text)
	}
	if _, errs, code = run(t, db, now, "print", "letters", "-o", batch); code == 0 || !strings.Contains(errs, "Không có thư nào") {
		t.Errorf("second batch: %s", errs)
	}
}
