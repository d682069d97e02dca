package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func TestCalendarDueIssueCases(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	for _, tc := range []struct {
		from, limit, due string
		provisional      bool
	}{
		{"2026-08-27 10:00", "3d", "2026-09-04", false},
		{"2026-08-21 10:00", "1d", "2026-08-22", false},
		{"2027-02-03 10:00", "3d", "2027-02-15", true},
	} {
		out, errs, code := run(t, db, monday, "calendar", "due", "--from", tc.from, "--limit", tc.limit, "--json")
		if code != 0 {
			t.Fatal(errs)
		}
		var got struct {
			DueDate     string `json:"due_date"`
			Provisional bool   `json:"provisional"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.DueDate != tc.due || got.Provisional != tc.provisional {
			t.Errorf("%s + %s: %+v, want %s provisional=%v", tc.from, tc.limit, got, tc.due, tc.provisional)
		}
	}
	out, _, _ := run(t, db, monday, "calendar", "due", "--from", "2027-02-03 10:00", "--limit", "3d")
	if !strings.Contains(out, "dự kiến") {
		t.Errorf("the text output should warn: %s", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "day", "2027-02-09")
	if !strings.Contains(out, "ngày nghỉ dự kiến") {
		t.Errorf("calendar day 2027-02-09: %s", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "day", "2026-08-31")
	if !strings.Contains(out, "ngày nghỉ (Nghỉ hoán đổi") || strings.Contains(out, "dự kiến") {
		t.Errorf("calendar day 2026-08-31: %s", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "years")
	if !strings.Contains(out, "2027  chờ thông báo") || !strings.Contains(out, "2026  đã công bố") {
		t.Errorf("calendar years: %s", out)
	}
	// Read as a clerk reads it: the confidence in Vietnamese, the lunar
	// date said once, no reason repeating the kind of day.
	if strings.Contains(out, "medium") || !strings.Contains(out, "độ tin cậy: trung bình, theo nguồn thứ cấp") {
		t.Errorf("calendar years speaks English: %s", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "day", "2030-11-25")
	if out != "25/11/2030: ngày làm việc; ngày 01/11/2030 âm lịch\n" {
		t.Errorf("calendar day 2030-11-25: %q", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "holidays", "2029")
	if !strings.Contains(out, "2029-11-24  nghỉ") || strings.Contains(out, "2029-11-26") {
		t.Errorf("24/11/2029 is a Saturday without nghỉ bù: %s", out)
	}
}

func TestReceiveVariantAndProvisional(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	now := time.Date(2027, 2, 3, 10, 0, 0, 0, calendar.Zone)
	out, errs, code := run(t, db, now, "receive", "--procedure", "ket-hon", "--variant", "xac-minh", "--applicant", "Lò Văn A", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var d struct {
		Code        string `json:"code"`
		Variant     string `json:"variant"`
		DueDate     string `json:"due_date"`
		Provisional bool   `json:"provisional"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	// 5 working days from Wed 03/02/2027 across the rule's Tết: 11, 12, 15, 16, 17/02.
	if d.Variant != "xac-minh" || d.DueDate != "2027-02-17" || !d.Provisional {
		t.Errorf("receive --variant: %+v", d)
	}
	out, _, _ = run(t, db, now, "show", d.Code)
	if !strings.Contains(out, "dự kiến") || !strings.Contains(out, "; thời hạn 05 ngày làm việc (trường hợp cần xác minh)") {
		t.Errorf("show should warn about the provisional due date: %s", out)
	}
	if _, errs, code := run(t, db, now, "receive", "--procedure", "khai-sinh", "--variant", "xac-minh", "--applicant", "B"); code == 0 || !strings.Contains(errs, "không có trường hợp") {
		t.Errorf("khai-sinh has no variant: %s", errs)
	}
	out, _, _ = run(t, db, now, "procedures", "--unconfirmed")
	if !strings.Contains(out, "thuong-tru") || !strings.Contains(out, "xac-nhan-hon-nhan / xac-minh") || strings.Contains(out, "] khai-sinh ") {
		t.Errorf("procedures --unconfirmed: %s", out)
	}
	out, _, _ = run(t, db, now, "procedures", "confirm", "xac-nhan-hon-nhan", "--variant", "xac-minh")
	if strings.Contains(out, "xac-nhan-hon-nhan / xac-minh") || !strings.Contains(out, "thuong-tru") {
		t.Errorf("procedures confirm --variant: %s", out)
	}
	if _, errs, code := run(t, db, now, "procedures", "confirm", "xac-nhan-hon-nhan", "--variant", "khac"); code == 0 || !strings.Contains(errs, "không có trường hợp") {
		t.Errorf("confirm an unknown variant: %s", errs)
	}
	out, _, _ = run(t, db, now, "procedures")
	if !strings.Contains(out, "cơ quan giải quyết: Công an xã") || !strings.Contains(out, "--variant xac-minh") {
		t.Errorf("procedures: %s", out)
	}
}

// The shipped 2026 correction reaches a register that holds dossiers counted
// under an earlier schedule: review lists them, --apply recomputes them.
func TestCalendarReview(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	old := filepath.Join(dir, "old.json")
	writeFile(t, old, `{"year": 2026, "source": "bản cũ", "confidence": "low", "off": [{"date": "2026-01-02"}, {"date": "2026-09-01"}, {"date": "2026-11-24"}], "work": [{"date": "2026-01-10"}]}`)
	if _, errs, code := run(t, db, monday, "calendar", "schedule", "2026", "import", old, "--yes"); code != 0 {
		t.Fatal(errs)
	}
	out, _, _ := run(t, db, monday, "receive", "--procedure", "giam-ho", "--applicant", "Lò Văn A", "--at", "2026-08-27 10:00", "--json")
	if !strings.Contains(out, `"due_date": "2026-09-03"`) {
		t.Fatalf("under the old schedule: %s", out)
	}
	// The office goes back to the shipped (fixed) schedule, reviewed first.
	out, _, _ = run(t, db, monday, "calendar", "schedule", "2026", "shipped")
	if !strings.Contains(out, "1 hồ sơ sẽ thay đổi") || !strings.Contains(out, "03/09/2026 → 04/09/2026") {
		t.Fatalf("dry run: %s", out)
	}
	if out, _, _ = run(t, db, monday, "calendar", "due", "--from", "2026-08-27 10:00", "--limit", "3d"); !strings.Contains(out, "03/09/2026") {
		t.Fatalf("the dry run changed the calendar: %s", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "schedule", "2026", "shipped", "--apply")
	if !strings.Contains(out, "Đã tính lại 1 hồ sơ") {
		t.Fatalf("apply: %s", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "review", "--json")
	if !strings.Contains(out, `"changes": []`) {
		t.Errorf("nothing left to review: %s", out)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
