package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func TestPapersSupplementRefuseAndStop(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, calendar.Zone)
	receive := func() string {
		t.Helper()
		out, errs, code := run(t, db, now, "receive", "--procedure", "xac-nhan-hon-nhan", "--applicant", "Giàng A Páo", "--at", "2026-11-23 08:30", "--json")
		if code != 0 {
			t.Fatal(errs)
		}
		var d struct{ Code string }
		json.Unmarshal([]byte(out), &d)
		return d.Code
	}
	// A supplement needs its items and its reason; four working days after
	// receipt it is late: recorded, with a warning.
	a := receive()
	if _, errs, code := run(t, db, now, "supplement", a, "--items", "Bản sao CCCD"); code == 0 || !strings.Contains(errs, "--reason") {
		t.Fatalf("no reason: %s", errs)
	}
	out, errs, code := run(t, db, now, "supplement", a, "--items", "1. Bản sao CCCD; 2. Tờ khai", "--reason", "Thiếu giấy tờ", "--json")
	if code != 0 || !strings.Contains(errs, "Cảnh báo: Yêu cầu bổ sung phải gửi trong 03 ngày làm việc") || !strings.Contains(out, `"warnings"`) {
		t.Fatalf("late supplement: %s %s", out, errs)
	}

	// papers says what applies and why, in text and JSON.
	out, _, code = run(t, db, now, "papers", a, "--json")
	var ps []struct {
		Kind    string
		Enabled bool
		Why     string
	}
	if code != 0 || json.Unmarshal([]byte(out), &ps) != nil || len(ps) != 7 {
		t.Fatalf("papers: %s", out)
	}
	on := []string{}
	for _, p := range ps {
		if p.Enabled {
			on = append(on, p.Kind)
		}
	}
	if strings.Join(on, " ") != "receipt control supplement" {
		t.Errorf("papers enabled: %v", on)
	}

	// Forwarded, then refused: the competent body's refusal, not form 03.
	b := receive()
	run(t, db, now, "forward", b, "--to", "Tư pháp", "--at", "2026-11-23 09:00")
	if _, errs, code := run(t, db, now, "refuse", b, "--kind", "counter", "--reason", "x"); code == 0 || !strings.Contains(errs, "cơ quan có thẩm quyền từ chối giải quyết") {
		t.Fatalf("counter refusal of a forwarded dossier: %s", errs)
	}
	if _, errs, code := run(t, db, now, "refuse", b, "--reason", "Không đủ điều kiện"); code != 0 {
		t.Fatal(errs)
	}
	notice := filepath.Join(dir, "rejection.pdf")
	if _, errs, code := run(t, db, now, "print", "rejection", b, "-o", notice); code != 0 {
		t.Fatal(errs)
	}
	if text := pdfText(t, notice); !strings.Contains(text, "Về việc từ chối giải quyết hồ sơ") {
		t.Errorf("rejection notice:\n%s", text)
	}
	if _, errs, code := run(t, db, now, "print", "stop", b, "-o", filepath.Join(dir, "stop.pdf")); code == 0 || !strings.Contains(errs, "không bằng thông báo dừng") {
		t.Errorf("stop notice of a refused dossier: %s", errs)
	}

	// Stopped by the agency: the reason is required and printed.
	c := receive()
	if _, errs, code := run(t, db, now, "stop", c, "--by", "agency"); code == 0 || !strings.Contains(errs, "Chưa nhập lý do cơ quan dừng") {
		t.Fatalf("agency stop without reason: %s", errs)
	}
	if _, errs, code := run(t, db, now, "stop", c, "--by", "agency", "--reason", "Có tranh chấp"); code != 0 {
		t.Fatal(errs)
	}
	stop := filepath.Join(dir, "stop.pdf")
	if _, errs, code := run(t, db, now, "print", "stop", c, "-o", stop); code != 0 {
		t.Fatal(errs)
	}
	if text := pdfText(t, stop); !strings.Contains(text, "với lý do: Có tranh chấp.") {
		t.Errorf("stop notice:\n%s", text)
	}
}
