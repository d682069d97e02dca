package register

import (
	"os"
	"strings"
	"testing"

	"motcua/internal/calendar"
)

func shippedCatalogue(t *testing.T) map[string]Procedure {
	t.Helper()
	data, err := os.ReadFile("../../assets/register/procedures.json")
	if err != nil {
		t.Fatal(err)
	}
	ps, err := ParseCatalogue(data)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Procedure{}
	for _, p := range ps {
		out[p.Code] = p
	}
	return out
}

func TestShippedCatalogueVariantsAndAuthorities(t *testing.T) {
	ps := shippedCatalogue(t)
	for _, tc := range []struct {
		code, variant string
		want          calendar.Limit
	}{
		{"ket-hon", "", calendar.Limit{Unit: calendar.SameDay}},
		{"ket-hon", "xac-minh", calendar.Limit{Value: 5, Unit: calendar.WorkingDays}},
		{"xac-nhan-hon-nhan", "", calendar.Limit{Value: 3, Unit: calendar.WorkingDays}},
		{"xac-nhan-hon-nhan", "xac-minh", calendar.Limit{Value: 23, Unit: calendar.CalendarDays}},
		{"chung-thuc-ban-sao", "so-luong-lon", calendar.Limit{Value: 2, Unit: calendar.WorkingDays}},
		{"nhan-cha-me-con", "xac-minh", calendar.Limit{Value: 8, Unit: calendar.WorkingDays}},
		{"cai-chinh-ho-tich", "xac-minh", calendar.Limit{Value: 6, Unit: calendar.WorkingDays}},
	} {
		p, err := ps[tc.code].WithVariant(tc.variant)
		if err != nil || p.Limit != tc.want {
			t.Errorf("%s/%s: %+v, %v", tc.code, tc.variant, p.Limit, err)
		}
	}
	if _, err := ps["khai-sinh"].WithVariant("xac-minh"); err == nil || !strings.Contains(err.Error(), "không có trường hợp đặc biệt") {
		t.Errorf("a variant of a procedure without any: %v", err)
	}
	if _, err := ps["ket-hon"].WithVariant("khac"); err == nil || !strings.Contains(err.Error(), "xac-minh (Trường hợp cần xác minh)") {
		t.Errorf("an unknown variant: %v", err)
	}
	if !ps["ket-hon-xac-minh"].Inactive {
		t.Error("ket-hon-xac-minh is replaced by the variant and must not be offered")
	}
	for _, code := range []string{"thuong-tru", "tam-tru"} {
		p := ps[code]
		if p.ByCommittee() || p.AuthorityName() != "Công an xã" || len(p.SignBlock) == 0 || strings.Contains(strings.Join(p.SignBlock, " "), "ỦY BAN") {
			t.Errorf("%s is the commune police's: %+v", code, p)
		}
	}
	if p := ps["khai-sinh"]; !p.ByCommittee() || p.AuthorityName() != AuthorityCommittee {
		t.Error("khai-sinh is the People's Committee's")
	}
	for code, p := range ps {
		if p.Confidence == "" || p.LegalBasis == "" {
			t.Errorf("%s: every limit carries its legal basis and confidence", code)
		}
		for _, v := range p.Variants {
			if v.Confidence == "" || v.LegalBasis == "" || v.Name == "" {
				t.Errorf("%s/%s: every variant carries its name, legal basis and confidence", code, v.Code)
			}
		}
	}
}

func TestUnconfirmed(t *testing.T) {
	ps := shippedCatalogue(t)
	var list []Procedure
	for _, p := range ps {
		list = append(list, p)
	}
	got := map[string]string{}
	for _, c := range Unconfirmed(list) {
		got[c.Code+"/"+c.Variant] = c.Confidence
	}
	for _, k := range []string{"thuong-tru/", "tam-tru/", "xac-nhan-hon-nhan/", "xac-nhan-hon-nhan/xac-minh", "khai-tu/xac-minh", "giay-phep-xay-dung/"} {
		if got[k] == "" {
			t.Errorf("%s should wait for confirmation", k)
		}
	}
	for _, k := range []string{"khai-sinh/", "ket-hon/xac-minh", "ket-hon-xac-minh/"} {
		if got[k] != "" {
			t.Errorf("%s should not be listed", k)
		}
	}
	p := ps["thuong-tru"]
	p.Confirmed = true
	if len(Unconfirmed([]Procedure{p})) != 0 {
		t.Error("a confirmed limit is no longer listed")
	}
}

func TestVariantValidation(t *testing.T) {
	p := Procedure{Code: "x", Name: "X", Limit: calendar.Limit{Unit: calendar.SameDay},
		Variants: []Variant{{Code: "a b", Limit: calendar.Limit{Value: 1, Unit: calendar.WorkingDays}}}}
	if err := p.Validate(); err == nil {
		t.Error("a variant code with a space")
	}
	p.Variants = []Variant{{Code: "a", Limit: calendar.Limit{Value: 1, Unit: calendar.WorkingDays}}, {Code: "a", Limit: calendar.Limit{Value: 2, Unit: calendar.WorkingDays}}}
	if err := p.Validate(); err == nil {
		t.Error("a variant declared twice")
	}
	p.Variants = []Variant{{Code: "a", Limit: calendar.Limit{Value: 0, Unit: calendar.WorkingDays}}}
	if err := p.Validate(); err == nil {
		t.Error("a variant with a bad limit")
	}
	p.Variants, p.Confidence = nil, "[V]"
	if err := p.Validate(); err == nil {
		t.Error("a bad confidence tag")
	}
}

// docs/legal-sources.md lists every limit that waits for confirmation, as
// the program does: the two must not drift apart.
func TestLegalSourcesListsUnconfirmed(t *testing.T) {
	data, err := os.ReadFile("../../docs/legal-sources.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i := strings.Index(doc, "## 5. Limits waiting")
	if i < 0 {
		t.Fatal("docs/legal-sources.md has no section 5")
	}
	section := doc[i:]
	var list []Procedure
	for _, p := range shippedCatalogue(t) {
		list = append(list, p)
		if !p.Inactive && !strings.Contains(doc, "| `"+p.Code+"` |") {
			t.Errorf("docs/legal-sources.md does not list %s", p.Code)
		}
	}
	for _, c := range Unconfirmed(list) {
		want := "- `" + c.Code + "` "
		if c.Variant != "" {
			want = "- `" + c.Code + "` / `" + c.Variant + "` "
		}
		if !strings.Contains(section, want) {
			t.Errorf("section 5 does not list %q", want)
		}
	}
	if n := strings.Count(section, "\n- `"); n != len(Unconfirmed(list)) {
		t.Errorf("section 5 lists %d limits, the program %d", n, len(Unconfirmed(list)))
	}
}
