package people

import (
	"strings"
	"testing"
)

func TestDefaultPledgeSets(t *testing.T) {
	sets, err := DefaultPledgeSets()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"4-xin": 4, "4-luon": 4, "5-biet": 5, "5-khong": 5, "5-khong-thai-binh": 5,
		"3-khong-thanh-hoa": 0, "4-the-hien-thanh-hoa": 0,
	}
	if len(sets) != len(want) {
		t.Fatalf("got %d sets, want %d", len(sets), len(want))
	}
	for _, s := range sets {
		n, ok := want[s.Code]
		if !ok {
			t.Errorf("unexpected set %s", s.Code)
			continue
		}
		if len(s.Items) != n {
			t.Errorf("%s: %d items, want %d", s.Code, len(s.Items), n)
		}
		if (n == 0) != s.Editable {
			t.Errorf("%s: editable=%v, want it exactly for the sets shipped empty", s.Code, s.Editable)
		}
	}
	xin, _ := FindSet(sets, "4-xin")
	if strings.Join(xin.Items, "|") != "Xin chào|Xin lỗi|Xin cảm ơn|Xin phép" {
		t.Errorf("4 xin items: %q", xin.Items)
	}
	if tb, _ := FindSet(sets, "5-khong-thai-binh"); tb.Label() != "5 không (Thái Bình)" {
		t.Errorf("label %q", tb.Label())
	}
}

func TestCheckPrintable(t *testing.T) {
	sets, _ := DefaultPledgeSets()
	empty, _ := FindSet(sets, "3-khong-thanh-hoa")
	err := empty.CheckPrintable()
	if err == nil || !strings.Contains(err.Error(), `"3 không (Thanh Hóa)" chưa có nội dung`) {
		t.Fatalf("empty set: %v", err)
	}
	empty.Items = []string{"  ", ""}
	if empty.CheckPrintable() == nil {
		t.Error("blank items must not count as content")
	}
	empty.Items = []string{"Không để người dân phải đi lại nhiều lần"}
	if err := empty.CheckPrintable(); err != nil {
		t.Errorf("filled set: %v", err)
	}
}

func TestValidateSets(t *testing.T) {
	tests := []struct {
		name string
		sets []PledgeSet
		want string // substring of the error; empty = valid
	}{
		{"ok", []PledgeSet{{Code: "a", Name: "4 xin"}, {Code: "b", Name: "4 luôn"}}, ""},
		{"empty name", []PledgeSet{{Code: "a", Name: " "}}, "bộ cam kết mã a chưa có tên"},
		{"empty code", []PledgeSet{{Name: "4 xin"}}, `bộ cam kết "4 xin" chưa có mã`},
		{"duplicate", []PledgeSet{{Code: "a", Name: "4 xin"}, {Code: "a", Name: "5 không", Province: "Thái Bình"}},
			`mã bộ cam kết a bị trùng ("4 xin" và "5 không (Thái Bình)")`},
	}
	for _, tt := range tests {
		err := ValidateSets(tt.sets)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestParsePledgeSetsNormalizes(t *testing.T) {
	// "Luôn" typed decomposed (o + combining circumflex) with stray spaces.
	data := []byte(`{"sets":[{"code":" x ","name":"4  lu\u00f4n","items":["  Lu\u006f\u0302n  mỉm cười ", ""]}]}`)
	sets, err := ParsePledgeSets(data)
	if err != nil {
		t.Fatal(err)
	}
	s := sets[0]
	if s.Code != "x" || s.Name != "4 luôn" || len(s.Items) != 1 || s.Items[0] != "Luôn mỉm cười" {
		t.Errorf("got %+v", s)
	}
	if _, err := ParsePledgeSets([]byte(`{`)); err == nil || !strings.Contains(err.Error(), "không đọc được") {
		t.Errorf("bad json: %v", err)
	}
}

func TestStaffValidate(t *testing.T) {
	s := Staff{Name: "  "}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "họ tên cán bộ") {
		t.Errorf("empty name: %v", err)
	}
	s = Staff{Name: " Nguye\u0302\u0303n  Thị Lan "}
	if err := s.Validate(); err != nil || s.Name != "Nguyễn Thị Lan" {
		t.Errorf("got %q, %v", s.Name, err)
	}
}
