package office

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"motcua/assets"
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

// enabledPapers lists the kinds Papers enables, in menu order.
func enabledPapers(o *Office, d *register.Dossier) string {
	var on []string
	for _, p := range o.Papers(d) {
		if p.Enabled {
			on = append(on, string(p.Kind))
		}
		if p.Why == "" {
			on = append(on, "(no reason for "+string(p.Kind)+")")
		}
	}
	return strings.Join(on, " ")
}

func TestPapersFollowTheDossiersHistory(t *testing.T) {
	o, _ := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-27 10:00")
	ctx := context.Background()
	fresh := func(set string) *register.Dossier {
		t.Helper()
		if err := o.SetSettings(ctx, map[string]string{"form_set": set}); err != nil {
			t.Fatal(err)
		}
		d, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "xac-nhan-hon-nhan", At: vn("2026-11-23 08:30"), Applicant: register.Applicant{Name: "Nguyễn Văn An"}})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	must := func(d *register.Dossier, err error) *register.Dossier {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	at := vn("2026-11-23 09:00")
	tests := []struct {
		name string
		d    *register.Dossier
		want string
	}{
		{"received", fresh(FormSet2025), "receipt control"},
		{"supplement", func() *register.Dossier {
			d, _, err := o.RequestSupplement(ctx, fresh(FormSet2025).Code, "Bản sao CCCD", "Thiếu giấy", at)
			return must(d, err)
		}(), "receipt control supplement"},
		{"refused at the counter", must(o.Refuse(ctx, fresh(FormSet2025).Code, "Không thuộc thẩm quyền", at)), "receipt control refusal"},
		{"refused after appraisal", func() *register.Dossier {
			d := must(o.Forward(ctx, fresh(FormSet2025).Code, "Tư pháp", at))
			return must(o.Refuse(ctx, d.Code, "Không đủ điều kiện", vn("2026-11-23 10:00")))
		}(), "receipt control rejection"},
		{"withdrawn", must(o.Withdraw(ctx, fresh(FormSet2025).Code, "", at)), "receipt control stop"},
		{"stopped by the agency", must(o.Stop(ctx, fresh(FormSet2025).Code, register.StopByAgency, "Có tranh chấp", at)), "receipt control stop"},
		{"withdrawn, 2018 set", must(o.Withdraw(ctx, fresh(FormSet2018).Code, "", at)), "receipt control"},
	}
	for _, tt := range tests {
		if got := enabledPapers(o, tt.d); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	// The apology's title follows the dossier's form set.
	titles := map[string]string{}
	for _, set := range []string{FormSet2025, FormSet2018} {
		for _, p := range o.Papers(fresh(set)) {
			if p.Kind == docs.FormApology {
				titles[set] = p.Label
			}
		}
	}
	if titles[FormSet2025] != "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" || titles[FormSet2018] != "Phiếu xin lỗi và hẹn lại ngày trả kết quả" {
		t.Errorf("apology labels %q", titles)
	}
	// Printing what does not apply is refused with the same sentence.
	refused := tests[2].d
	err := o.PrintForms(ctx, &bytes.Buffer{}, docs.FormStop, refused.Code)
	if err == nil || !strings.Contains(err.Error(), "không bằng thông báo dừng giải quyết") {
		t.Errorf("stop notice of a refused dossier: %v", err)
	}
	err = o.PrintForms(ctx, &bytes.Buffer{}, docs.FormStop, tests[6].d.Code)
	if err == nil || !strings.Contains(err.Error(), "Thông tư 01/2018/TT-VPCP không có mẫu Thông báo dừng") {
		t.Errorf("stop notice in the 2018 set: %v", err)
	}
	var b bytes.Buffer
	if err := o.PrintForms(ctx, &b, docs.FormRejection, tests[3].d.Code); err != nil {
		t.Fatal(err)
	}
	if text := pdfWords(t, b.Bytes()); !strings.Contains(text, "Về việc từ chối giải quyết hồ sơ") || !strings.Contains(text, "Không đủ điều kiện") {
		t.Errorf("rejection notice:\n%s", text)
	}
	b.Reset()
	if err := o.PrintForms(ctx, &b, docs.FormStop, tests[5].d.Code); err != nil {
		t.Fatal(err)
	}
	if text := pdfWords(t, b.Bytes()); !strings.Contains(text, "thông báo dừng giải quyết hồ sơ nêu trên với lý do: Có tranh chấp.") {
		t.Errorf("stop notice:\n%s", text)
	}
	// The register book tells the refusals and the stops apart.
	b.Reset()
	if err := o.PrintRegister(ctx, &b, vn("2026-11-23 00:00"), vn("2026-11-23 00:00")); err != nil {
		t.Fatal(err)
	}
	text := pdfWords(t, b.Bytes())
	for _, want := range []string{"Từ chối tiếp nhận: Không thuộc thẩm quyền", "Từ chối giải quyết: Không đủ điều kiện", "Dừng giải quyết: Có tranh chấp", "Rút hồ sơ"} {
		if !strings.Contains(text, want) {
			t.Errorf("register book lacks %q", want)
		}
	}
}

func TestFormsFolderReplacesTheShippedWording(t *testing.T) {
	o, _ := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 10:00")
	ctx := context.Background()
	d := receive(t, o, "khai-sinh", "Giàng A Páo")
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "x.json"), []byte(`{"code": "TT03/2025"`), 0o644)
	if err := o.SetSettings(ctx, map[string]string{"forms_dir": bad}); err == nil || !strings.Contains(err.Error(), "không đúng định dạng") {
		t.Fatalf("a broken folder was accepted: %v", err)
	}
	b, err := assets.FormSets.ReadFile("forms/tt03-2025.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	b = bytes.Replace(b, []byte("1. Thành phần hồ sơ nộp gồm:"), []byte("1. Giấy tờ đã nộp:"), 1)
	if err := os.WriteFile(filepath.Join(dir, "tt03-2025.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := o.SetSettings(ctx, map[string]string{"forms_dir": dir}); err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := o.PrintForms(ctx, &pdf, docs.FormReceipt, d.Code); err != nil {
		t.Fatal(err)
	}
	if text := pdfWords(t, pdf.Bytes()); !strings.Contains(text, "1. Giấy tờ đã nộp:") || strings.Contains(text, "Thành phần hồ sơ nộp gồm") {
		t.Errorf("the folder's wording is not printed:\n%s", text)
	}
}

// Residence procedures are the commune police's: their papers are issued and
// signed by the police, never "TM. ỦY BAN NHÂN DÂN".
func TestResidencePapersAreThePolicesOwn(t *testing.T) {
	o, _ := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-30 10:00")
	ctx := context.Background()
	if err := o.SetSettings(ctx, map[string]string{"place_name": "Đông Văn", "commune": "Ủy ban nhân dân xã Đông Văn", "chair_name": "Lê Văn Tuấn"}); err != nil {
		t.Fatal(err)
	}
	print := func(proc string) string {
		t.Helper()
		d, err := o.Receive(ctx, ReceiveInput{ProcedureCode: proc, At: vn("2026-11-23 08:30"), Applicant: register.Applicant{Name: "Giàng A Páo"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Stop(ctx, d.Code, register.StopByAgency, "Có tranh chấp về chỗ ở", vn("2026-11-24 09:00")); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := o.PrintForms(ctx, &b, docs.FormStop, d.Code); err != nil {
			t.Fatal(err)
		}
		return pdfWords(t, b.Bytes())
	}
	police := print("thuong-tru")
	for _, want := range []string{"CÔNG AN XÃ ĐÔNG VĂN", "TRƯỞNG CÔNG AN XÃ", "Công an xã Đông Văn thông báo dừng giải quyết hồ sơ"} {
		if !strings.Contains(police, want) {
			t.Errorf("residence stop notice lacks %q:\n%s", want, police)
		}
	}
	if strings.Contains(police, "TM. ỦY BAN NHÂN DÂN") || strings.Contains(police, "Lê Văn Tuấn") {
		t.Errorf("residence stop notice signed for the committee:\n%s", police)
	}
	if committee := print("xac-nhan-hon-nhan"); !strings.Contains(committee, "TM. ỦY BAN NHÂN DÂN") || !strings.Contains(committee, "Lê Văn Tuấn") {
		t.Errorf("the committee's stop notice:\n%s", committee)
	}
}
