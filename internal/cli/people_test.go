package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/people"
)

func TestStaffCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	out, errs, code := run(t, db, monday, "staff", "add", "--name", "Nguyễn Thị Lan", "--role", "cán bộ một cửa", "--title", "Công chức Văn phòng - Thống kê", "--phone", "0912345678", "--start", "2024-03-01", "--json")
	if code != 0 {
		t.Fatalf("add: %s", errs)
	}
	var s people.Staff
	mustJSON(t, out, &s)
	if s.ID == "" || s.Role != people.RoleCounter || s.Start.Format("2006-01-02") != "2024-03-01" {
		t.Fatalf("added %+v", s)
	}
	if _, errs, code = run(t, db, monday, "staff", "add", "--name", "Lê Văn Tuấn", "--role", "thủ quỹ"); code != 1 || !strings.Contains(errs, "có vai trò \"thủ quỹ\"") {
		t.Fatalf("bad role: %d %s", code, errs)
	}
	if _, errs, code = run(t, db, monday, "staff", "edit", "nguyen thi lan", "--email", "lan@dongvan.gov.vn"); code != 0 {
		t.Fatalf("edit: %s", errs)
	}
	if _, errs, code = run(t, db, monday, "staff", "end", s.ID, "--date", "2026-11-20"); code != 0 {
		t.Fatalf("end: %s", errs)
	}
	out, _, _ = run(t, db, monday, "staff", "list", "--json")
	var list []people.Staff
	mustJSON(t, out, &list)
	if len(list) != 0 {
		t.Fatalf("someone who left is listed as current: %v", list)
	}
	out, _, _ = run(t, db, monday, "staff", "list", "--all")
	if !strings.Contains(out, "thôi công tác từ 20/11/2026") {
		t.Fatalf("list --all: %s", out)
	}
	if _, errs, code = run(t, db, monday, "staff", "add", "--name", "Lê Văn Tuấn", "--role", "chair"); code != 0 {
		t.Fatal(errs)
	}
	pdf := filepath.Join(dir, "ds.pdf")
	if _, errs, code = run(t, db, monday, "staff", "print", "-o", pdf); code != 0 {
		t.Fatalf("print: %s", errs)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("pdf: %v", err)
	}
}

func TestPledgeCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	for _, name := range []string{"Nguyễn Thị Lan", "Lê Văn Tuấn"} {
		if _, errs, code := run(t, db, monday, "staff", "add", "--name", name, "--role", "counter", "--start", "2020-01-01"); code != 0 {
			t.Fatal(errs)
		}
	}
	scan := filepath.Join(dir, "lan.jpg")
	if err := os.WriteFile(scan, []byte{0xFF, 0xD8, 0xFF, 0xE0, 1, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, db, monday, "pledge", "sets", "--choose", "4-xin,5-biet"); code != 0 {
		t.Fatal(errs)
	}
	out, errs, code := run(t, db, monday, "pledge", "sign", "Nguyễn Thị Lan", "--scan", scan, "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var g people.Signing
	mustJSON(t, out, &g)
	if g.Scan == nil || g.Scan.Type != "image/jpeg" || len(g.Sets) != 2 {
		t.Fatalf("signing %+v", g)
	}
	out, _, _ = run(t, db, monday, "pledge", "missing", "--json")
	var p people.Progress
	mustJSON(t, out, &p)
	if p.Signed != 1 || p.Staff != 2 || len(p.Missing) != 1 || p.Missing[0] != "Lê Văn Tuấn" {
		t.Fatalf("missing %+v", p)
	}
	if _, errs, code = run(t, db, monday, "staff", "end", "Lê Văn Tuấn", "--date", "2026-11-20"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code = run(t, db, monday, "pledge", "sign", "Lê Văn Tuấn"); code != 1 || !strings.Contains(errs, "đã thôi công tác") {
		t.Fatalf("left: %d %s", code, errs)
	}
	out, _, _ = run(t, db, monday, "pledge", "list")
	if !strings.Contains(out, "Nguyễn Thị Lan") || strings.Contains(out, "Lê Văn Tuấn") {
		t.Fatalf("list: %s", out)
	}
	if _, errs, code = run(t, db, monday, "pledge", "note", "Nguyễn Thị Lan", "--kind", "praise", "--source", "Chủ tịch UBND xã", "--text", "Tận tình"); code != 0 {
		t.Fatal(errs)
	}
	out, _, _ = run(t, db, monday, "pledge", "notes", "Nguyễn Thị Lan")
	if !strings.Contains(out, "Khen ngợi") {
		t.Fatalf("notes: %s", out)
	}
}

func TestLetterSentAndCounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if _, errs, code := run(t, db, monday, "print", "letter", "--kind", "other", "--to", "Hoàng Văn Thụ", "--field", "loi_thu=Ủy ban nhân dân xã đến thăm gia đình.", "-o", filepath.Join(t.TempDir(), "l.pdf")); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, db, monday, "letter-sent", "01", "--how", "fax"); code != 1 || !strings.Contains(errs, "có cách gửi \"fax\"") {
		t.Fatalf("bad way: %d %s", code, errs)
	}
	out, errs, code := run(t, db, monday, "letter-sent", "01", "--how", "tận tay")
	if code != 0 || !strings.Contains(out, "tận tay") {
		t.Fatalf("sent: %s %s", out, errs)
	}
	out, _, _ = run(t, db, monday, "letter-counts", "--json")
	var cs []struct {
		Month                 int
		Kind                  string
		Drafted, Issued, Sent int
	}
	mustJSON(t, out, &cs)
	if len(cs) != 1 || cs[0].Month != 11 || cs[0].Kind != "other" || cs[0].Issued != 1 || cs[0].Sent != 1 {
		t.Fatalf("counts %+v", cs)
	}
}

func TestRateCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	out, errs, code := run(t, db, monday, "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo", "--at", "2026-11-23 08:30", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var d struct{ Code string }
	mustJSON(t, out, &d)
	if _, errs, code = run(t, db, monday, "rate", d.Code, "1"); code != 1 || !strings.Contains(errs, "chưa trả kết quả") {
		t.Fatalf("before return: %d %s", code, errs)
	}
	for _, step := range [][]string{{"forward", d.Code, "--to", "Tư pháp"}, {"done", d.Code}, {"return", d.Code}} {
		if _, errs, code = run(t, db, monday, step...); code != 0 {
			t.Fatal(errs)
		}
	}
	if _, errs, code = run(t, db, monday, "rate", d.Code, "1", "--sipas", "5,4,5"); code != 1 || !strings.Contains(errs, "cần đúng 5 số") {
		t.Fatalf("bad sipas: %d %s", code, errs)
	}
	if out, errs, code = run(t, db, monday, "rate", d.Code, "2", "--sipas", "4,4,5,4,3", "--comment", "Chờ hơi lâu"); code != 0 || !strings.Contains(out, "Bình thường") {
		t.Fatalf("rate: %s %s", out, errs)
	}
	if _, errs, code = run(t, db, monday, "rate", d.Code, "1"); code != 1 || !strings.Contains(errs, "đã được đánh giá") {
		t.Fatalf("second: %d %s", code, errs)
	}
	out, _, _ = run(t, db, monday, "satisfaction")
	if !strings.Contains(out, "Hài lòng 0,0% (trên 1 phiếu đánh giá; 100,0% hồ sơ đã trả được đánh giá)") {
		t.Fatalf("satisfaction: %s", out)
	}
	pdf := filepath.Join(t.TempDir(), "slip.pdf")
	if _, errs, code = run(t, db, monday, "rate-slip", d.Code, "-o", pdf); code != 0 {
		t.Fatal(errs)
	}
}

func TestFeedbackCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if _, errs, code := run(t, db, monday, "feedback", "add", "--content", "Xin hướng dẫn", "--due", "2026-11-24"); code != 1 || !strings.Contains(errs, "Ngày Văn hóa Việt Nam") {
		t.Fatalf("due on a holiday: %d %s", code, errs)
	}
	out, errs, code := run(t, db, monday, "feedback", "add", "--content", "Phòng chờ nóng", "--channel", "hotline", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var f struct {
		No    int
		DueOn time.Time `json:"due_on"`
	}
	mustJSON(t, out, &f)
	if f.No != 1 || f.DueOn.In(calendar.Zone).Format("2006-01-02") != "2026-12-08" {
		t.Fatalf("feedback %+v", f)
	}
	if out, errs, code = run(t, db, monday, "feedback", "answer", "01", "--text", "Đã lắp quạt", "--accepted", "yes"); code != 0 || !strings.Contains(out, "Đã trả lời đúng hạn") {
		t.Fatalf("answer: %s %s", out, errs)
	}
	out, _, _ = run(t, db, monday, "feedback", "list")
	if !strings.Contains(out, "Tổng 1 phản ánh: 1 đã trả lời (1 đúng hạn") {
		t.Fatalf("list: %s", out)
	}
}

func TestDialogueCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if _, errs, code := run(t, db, monday, "dialogue", "add", "--at", "2026-11-20 08:00", "--place", "Nhà văn hóa thôn Trung", "--chair", "Lê Văn Tuấn",
		"--attendance", "60", "--issue", "Đường xuống cấp", "--issue", "Thiếu đèn chiếu sáng"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, db, monday, "dialogue", "commit", "01", "--text", "Lắp đèn", "--deadline", "2026-12-31"); code != 1 || !strings.Contains(errs, "chưa có người chịu trách nhiệm") {
		t.Fatalf("no owner: %d %s", code, errs)
	}
	if _, errs, code := run(t, db, monday, "dialogue", "commit", "01", "--text", "Lắp đèn", "--owner", "Công chức Địa chính", "--deadline", "2026-12-31"); code != 0 {
		t.Fatal(errs)
	}
	if out, errs, code := run(t, db, monday, "dialogue", "done", "01.1", "--result", "Đã lắp 20 bóng"); code != 0 || !strings.Contains(out, "hoàn thành đúng hạn") {
		t.Fatalf("done: %s %s", out, errs)
	}
	out, _, _ := run(t, db, monday, "dialogue", "list")
	if !strings.Contains(out, "Tổng 1 hội nghị, 60 lượt người dân, 1 cam kết: 1 hoàn thành đúng hạn") {
		t.Fatalf("list: %s", out)
	}
	if _, errs, code := run(t, db, monday, "dialogue", "minutes", "1", "-o", filepath.Join(dir, "bb.pdf")); code != 0 {
		t.Fatal(errs)
	}
}

func TestOutreachCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if _, errs, code := run(t, db, monday, "staff", "add", "--name", "Nguyễn Thị Lan", "--role", "counter", "--start", "2020-01-01"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, db, monday, "feedback", "add", "--content", "Phòng chờ nóng", "--at", "2026-11-02 09:00"); code != 0 {
		t.Fatal(errs)
	}
	out, errs, code := run(t, db, monday, "outreach")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{"Cam kết năm 2026: 0/1 cán bộ đã ký (0%). Chưa ký: Nguyễn Thị Lan.", "Phản ánh quá hạn chưa trả lời: 1.", "PA 01/2026 hạn 16/11/2026"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in %s", want, out)
		}
	}
}
