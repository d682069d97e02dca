package docs

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"motcua/assets"
)

func TestShippedFormSetsLoad(t *testing.T) {
	l, err := DefaultForms()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range l.FormSets() {
		if s.Source == "" {
			t.Errorf("%s says nowhere where its forms come from", s.Code)
		}
		for _, f := range s.Forms {
			if f.Kind != FormRegister && !f.OfficePaper && f.Kind != FormRejection {
				t.Errorf("%s %s: the office's paper setting does not reach it", s.Code, f.Kind)
			}
		}
	}
}

func TestTemplates(t *testing.T) {
	v := fields{"code": {"A-1", true}, "counter_phone": {"0237", true}, "reason": {"thiếu giấy", true}, "issued_date": {"", false}}
	for _, tt := range []struct {
		in   string
		want []run
	}{
		{"Mã: **{code}**", []run{rg("Mã: "), bd("A-1")}},
		{"_**Ghi chú:**_ x", []run{bi("Ghi chú:"), rg(" x")}},
		{"số {counter_phone} để", []run{rg("số 0237 để")}},
		{"Theo đề nghị[[ ngày {issued_date}]] với lý do: **{reason|stop}**", []run{rg("Theo đề nghị với lý do: "), bd("thiếu giấy.")}},
		{"{address|dots}", []run{rg(dots + dots + dots)}},
	} {
		ts, err := parseTemplate(tt.in)
		if err != nil {
			t.Fatal(tt.in, err)
		}
		got := v.runs(ts)
		if len(got) != len(tt.want) {
			t.Errorf("%q: %+v", tt.in, got)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: run %d %+v, want %+v", tt.in, i, got[i], tt.want[i])
			}
		}
	}
	for in, want := range map[string]string{
		"{ten_vo}":     "không có trường {ten_vo}",
		"**đậm":        "thiếu dấu ** hoặc _",
		"[[ {code}":    "thiếu ]]",
		"{code|upper}": "trường viết sai",
	} {
		if _, err := parseTemplate(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
}

// A set's file with one form reworded, as an administrator would drop it in a folder.
func reworded(t *testing.T, from, to string) []byte {
	t.Helper()
	b, err := assets.FormSets.ReadFile("forms/tt03-2025.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(from)) {
		t.Fatalf("%q not in the shipped set", from)
	}
	return bytes.Replace(b, []byte(from), []byte(to), 1)
}

func TestAFolderReplacesASet(t *testing.T) {
	def, err := DefaultForms()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	b := reworded(t, "Xin thông báo để Ông/Bà được biết và thực hiện./.", "Xin thông báo để Ông/Bà được biết, thực hiện./.")
	if err := os.WriteFile(filepath.Join(dir, "mau-moi.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := def.WithOverrides(os.DirFS(dir), ".")
	if err != nil {
		t.Fatal(err)
	}
	p := sampleProfile()
	p.Forms = l
	pdf := render(t, func(w io.Writer) error { return Refusal(w, testFonts(t), p, sampleDossier()) })
	text := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext", "-enc", "UTF-8")), " ")
	if !strings.Contains(text, "được biết, thực hiện./.") {
		t.Errorf("the replaced wording is not printed:\n%s", text)
	}
	// The 2018 set is still the shipped one.
	if f, err := l.Lookup(FormSet2018, FormApology); err != nil || f.Title != "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" {
		t.Errorf("2018 apology: %+v %v", f.Title, err)
	}

	// Mistakes are refused with the file, the form and the block named.
	for _, tt := range []struct {
		from, to, want string
	}{
		{`"{counter} tiếp nhận hồ sơ của:"`, `"{xa} tiếp nhận hồ sơ của:"`, `tt.json, mẫu "receipt": khối thứ 5 (text): không có trường {xa}`},
		{`"type": "qr_end"`, `"type": "qr_stop"`, `khối thứ 9 (qr_stop): loại khối không có`},
		{`"kind": "refusal"`, `"kind": "receipt"`, `mẫu "receipt" có hai lần`},
		{`"title": "TÊN CƠ QUAN",`, `"titel": "TÊN CƠ QUAN",`, `không đúng định dạng`},
		{`"value": "address_phone"`, `"value": "dia_chi"`, `cột "Địa chỉ, số điện thoại": "value" "dia_chi" không có`},
	} {
		bad := t.TempDir()
		os.WriteFile(filepath.Join(bad, "tt.json"), reworded(t, tt.from, tt.to), 0o644)
		if _, err := def.WithOverrides(os.DirFS(bad), "."); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s → %s: %v, want %q", tt.from, tt.to, err, tt.want)
		}
	}
	if _, err := LoadFormLibrary(fstest.MapFS{}, "."); err == nil || !strings.Contains(err.Error(), "không thấy tệp bộ biểu mẫu") {
		t.Errorf("empty folder: %v", err)
	}
}
