package office

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/docs"
	"motcua/internal/register"
)

// pdfWords is the text of a PDF with its line breaks read as spaces; empty
// when pdftotext is not installed.
func pdfWords(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestSupplementNeedsAReasonAndALateOneIsAudited(t *testing.T) {
	o, _ := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-12-10 10:00")
	ctx := context.Background()
	d, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "xac-nhan-hon-nhan", At: vn("2026-11-23 08:30"),
		Applicant: register.Applicant{Name: "Nguyễn Văn An", Address: "Thôn Đông, xã Đông Văn", Phone: "0912345678", Email: "an@example.vn"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.Forward(ctx, d.Code, "Công chức Tư pháp - Hộ tịch", vn("2026-11-23 09:00")); err != nil {
		t.Fatal(err)
	}
	_, _, err = o.RequestSupplement(ctx, d.Code, "Bản sao CCCD", " ", vn("2026-11-30 09:00"))
	if err == nil || !strings.Contains(err.Error(), "chưa nhập lý do yêu cầu bổ sung") {
		t.Fatalf("empty reason: %v", err)
	}
	// Mon 30/11 is the 4th working day after Mon 23/11 (Tue 24/11 is off): late.
	d, warns, err := o.RequestSupplement(ctx, d.Code, "1. Bản sao CCCD\n2. Giấy xác nhận cư trú", "Hồ sơ thiếu giấy tờ theo quy định", vn("2026-11-30 09:00"))
	if err != nil || len(warns) != 1 {
		t.Fatalf("late request: %v %q", err, warns)
	}
	audit, err := o.Store().AuditOf(ctx, "dossier", d.ID)
	if err != nil || audit[len(audit)-1].Action != "supplement_late" {
		t.Fatalf("audit %+v %v", audit, err)
	}
	back, err := o.Show(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := back.Supplement(); !r.Late || r.Reason != "Hồ sơ thiếu giấy tờ theo quy định" || len(r.Items) != 2 {
		t.Errorf("reloaded request %+v", r)
	}
	var b bytes.Buffer
	if err := o.PrintForms(ctx, &b, docs.FormSupplement, d.Code); err != nil {
		t.Fatal(err)
	}
	text := pdfWords(t, b.Bytes())
	for _, want := range []string{"1. Bản sao CCCD 2. Giấy xác nhận cư trú", "Lý do: Hồ sơ thiếu giấy tờ theo quy định.",
		"Địa chỉ: Thôn Đông, xã Đông Văn", "Số điện thoại: 0912345678; Thư điện tử: an@example.vn"} {
		if !strings.Contains(text, want) {
			t.Errorf("supplement lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "Bản sao CCCD"); n != 1 {
		t.Errorf("the list is printed %d times:\n%s", n, text)
	}
	if strings.Contains(text, "1. 1.") {
		t.Errorf("numbered twice:\n%s", text)
	}
}
