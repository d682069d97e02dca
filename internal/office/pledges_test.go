package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/people"
)

func TestPledgeSigningYearByYear(t *testing.T) {
	o, clock := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-03-02 09:00")
	ctx := context.Background()
	lan := addStaff(t, o, "Nguyễn Thị Lan", people.RoleCounter)
	tuan := addStaff(t, o, "Lê Văn Tuấn", people.RoleChair)
	cu := addStaff(t, o, "Trần Văn Cũ", people.RoleSpecialist)
	if err := o.ChoosePledgeSets(ctx, []string{"4-xin", "3-khong-thanh-hoa"}); err == nil || !strings.Contains(err.Error(), "chưa có nội dung") {
		t.Fatalf("a set without wording chosen: %v", err)
	}
	if err := o.ChoosePledgeSets(ctx, []string{"4-xin", "5-khong"}); err != nil {
		t.Fatal(err)
	}
	g, err := o.SignPledge(ctx, PledgeInput{Staff: "nguyen thi lan", SignedOn: vn("2026-01-05 00:00"), ScanName: "lan.pdf", Scan: []byte("%PDF-1.4 signed")})
	if err != nil {
		t.Fatal(err)
	}
	if g.Year != 2026 || strings.Join(g.Sets, ",") != "4-xin,5-khong" || g.Scan == nil {
		t.Fatalf("signing %+v", g)
	}
	if b, err := o.PledgeScan(ctx, g.ID); err != nil || string(b) != "%PDF-1.4 signed" {
		t.Fatalf("scan back: %q %v", b, err)
	}
	if _, err := o.SignPledge(ctx, PledgeInput{Staff: lan.ID}); err == nil || !strings.Contains(err.Error(), "đã ký cam kết năm 2026") {
		t.Fatalf("second signing: %v", err)
	}
	// Someone who has left cannot sign, and nothing is saved.
	if _, err := o.EndStaff(ctx, cu.ID, vn("2026-02-27 00:00")); err != nil {
		t.Fatal(err)
	}
	if _, err := o.SignPledge(ctx, PledgeInput{Staff: cu.ID}); err == nil || !strings.Contains(err.Error(), "đã thôi công tác") {
		t.Fatalf("signed after leaving: %v", err)
	}
	p, err := o.PledgeProgress(ctx, 0)
	if err != nil || p.Staff != 2 || p.Signed != 1 || p.Percent != 50 || len(p.Missing) != 1 || p.Missing[0] != tuan.Name {
		t.Fatalf("progress %+v %v", p, err)
	}
	if _, err := o.AttachPledgeScan(ctx, tuan.ID, 2026, "tuan.png", []byte("\x89PNG\r\n\x1a\nxx")); err == nil || !strings.Contains(err.Error(), "chưa ký") {
		t.Fatalf("scan before signing: %v", err)
	}
	if _, err := o.SignPledge(ctx, PledgeInput{Staff: tuan.ID, Sets: []string{"4-xin"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.AttachPledgeScan(ctx, tuan.ID, 2026, "tuan.png", []byte("\x89PNG\r\n\x1a\nxx")); err != nil {
		t.Fatal(err)
	}
	// A new year: everyone signs again.
	*clock = vn("2027-01-04 09:00")
	p, _ = o.PledgeProgress(ctx, 0)
	if p.Year != 2027 || p.Signed != 0 || p.Staff != 2 {
		t.Fatalf("renewal: %+v", p)
	}
	all, _ := o.PledgeSignings(ctx, 0)
	if len(all) != 2 {
		t.Fatalf("signings: %d", len(all))
	}
	if _, err := o.AddStaffNote(ctx, lan.ID, people.Note{Kind: people.Praise, Source: "Thư khen của người dân", Text: "Hướng dẫn tận tình"}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.AddStaffNote(ctx, lan.ID, people.Note{Kind: people.Violation, Text: "Trả chậm"}); err == nil {
		t.Fatal("note without source accepted")
	}
	ns, err := o.StaffNotes(ctx, lan.Name)
	if err != nil || len(ns) != 1 || ns[0].Kind != people.Praise {
		t.Fatalf("notes %v %v", ns, err)
	}
}
