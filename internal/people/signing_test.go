package people

import (
	"bytes"
	"strings"
	"testing"
)

func TestCheckScanByContentAndSize(t *testing.T) {
	if sc, err := CheckScan(`C:\Quét\lan.pdf`, []byte("%PDF-1.4 …")); err != nil || sc.Type != "application/pdf" || sc.Name != "lan.pdf" || len(sc.SHA256) != 64 {
		t.Errorf("pdf: %+v %v", sc, err)
	}
	if sc, err := CheckScan("a.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0}); err != nil || sc.Type != "image/jpeg" {
		t.Errorf("jpeg: %+v %v", sc, err)
	}
	if _, err := CheckScan("a.docx", []byte("PK\x03\x04")); err == nil || !strings.Contains(err.Error(), "không phải PDF, JPEG hay PNG") {
		t.Errorf("docx: %v", err)
	}
	big := append([]byte("%PDF-"), bytes.Repeat([]byte{0}, MaxScanBytes)...)
	if _, err := CheckScan("big.pdf", big); err == nil || !strings.Contains(err.Error(), "quá mức 2 MB") {
		t.Errorf("big: %v", err)
	}
	if _, err := CheckScan("empty.pdf", nil); err == nil {
		t.Error("empty accepted")
	}
}

func TestCheckSigning(t *testing.T) {
	sets, err := DefaultPledgeSets()
	if err != nil {
		t.Fatal(err)
	}
	chosen := []PledgeSet{}
	for _, s := range sets {
		if s.Code == "4-xin" || s.Code == "5-khong" {
			chosen = append(chosen, s)
		}
	}
	if len(chosen) != 2 {
		t.Fatalf("shipped sets changed: %v", sets)
	}
	end := day(2026, 6, 30)
	left := Staff{Name: "Trần Văn Cũ", Role: RoleCounter, Start: day(2020, 1, 1), End: &end}
	g := Signing{SignedOn: day(2026, 7, 1), Sets: []string{"4-xin"}}
	if err := CheckSigning(left, chosen, &g); err == nil || !strings.Contains(err.Error(), "đã thôi công tác từ ngày 30/06/2026") {
		t.Errorf("signed after leaving: %v", err)
	}
	g = Signing{SignedOn: day(2026, 6, 30), Sets: []string{"4-xin", "5-khong"}}
	if err := CheckSigning(left, chosen, &g); err != nil || g.Year != 2026 {
		t.Errorf("on the last day: %v %d", err, g.Year)
	}
	s := Staff{Name: "Nguyễn Thị Lan", Role: RoleCounter, Start: day(2020, 1, 1)}
	for _, c := range []struct {
		g    Signing
		want string
	}{
		{Signing{SignedOn: day(2026, 1, 5), Sets: []string{"4-luon"}}, "không nằm trong các bộ xã đã chọn"},
		{Signing{SignedOn: day(2026, 1, 5)}, "chưa chọn bộ cam kết"},
		{Signing{SignedOn: day(2026, 1, 5), Year: 2025, Sets: []string{"4-xin"}}, "bản cam kết năm 2025"},
		{Signing{SignedOn: day(2026, 1, 5), Sets: []string{"4-xin", "4-xin"}}, "hai lần"},
		{Signing{SignedOn: day(2019, 1, 5), Sets: []string{"4-xin"}}, "bắt đầu công tác"},
	} {
		if err := CheckSigning(s, chosen, &c.g); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.g, err, c.want)
		}
	}
	g = Signing{SignedOn: day(2026, 12, 20), Year: 2027, Sets: []string{"5-khong"}}
	if err := CheckSigning(s, chosen, &g); err != nil {
		t.Errorf("December signing for next year: %v", err)
	}
}

func TestPledgeProgress(t *testing.T) {
	end := day(2026, 3, 1)
	staff := []Staff{
		{ID: "a", Name: "Vũ Thị Bích", Start: day(2020, 1, 1)},
		{ID: "b", Name: "Đỗ Văn An", Start: day(2020, 1, 1)},
		{ID: "c", Name: "Lê Văn Cũ", Start: day(2020, 1, 1), End: &end},
		{ID: "d", Name: "An Thị Mới", Start: day(2026, 5, 1)},
	}
	gs := []Signing{{StaffID: "a", Year: 2026}, {StaffID: "b", Year: 2025}, {StaffID: "c", Year: 2026}}
	p := PledgeProgress(staff, gs, 2026, day(2026, 6, 1))
	if p.Staff != 3 || p.Signed != 1 || int(p.Percent) != 33 {
		t.Fatalf("progress %+v", p)
	}
	if strings.Join(p.Missing, "|") != "An Thị Mới|Đỗ Văn An" {
		t.Errorf("missing by folded name: %v", p.Missing)
	}
}

func TestNoteCheck(t *testing.T) {
	n := Note{Kind: Violation, On: day(2026, 3, 2), Source: " ", Text: "Hẹn trả chậm không báo"}
	if err := n.Check(); err == nil || !strings.Contains(err.Error(), "nguồn") {
		t.Errorf("no source: %v", err)
	}
	if k, err := ParseNoteKind("khen ngợi"); err != nil || k != Praise {
		t.Errorf("parse: %v %v", k, err)
	}
}
