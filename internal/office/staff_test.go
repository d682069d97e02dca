package office

import (
	"bytes"
	"context"
	"motcua/internal/store/storetest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/people"
)

func addStaff(t testing.TB, o *Office, name string, role people.Role) Staff {
	t.Helper()
	s, err := o.AddStaff(context.Background(), Staff{Name: name, Role: role, Position: role.Vietnamese(), Phone: "0912 345 678", Start: vn("2025-01-02 00:00")})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStaffRegisterNamesSignerAndClerk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	o, err := Open(storetest.DSN(t, path), Options{Now: func() time.Time { return vn("2026-11-23 09:00") }})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	ctx := context.Background()
	if err := o.SetSettings(ctx, map[string]string{"chair_name": "Tên Gõ Tay"}); err != nil {
		t.Fatal(err)
	}
	if got := o.DocProfile().ChairName; got != "Tên Gõ Tay" {
		t.Fatalf("fallback to the setting: %q", got)
	}
	chair := addStaff(t, o, "Lê Văn Tuấn", people.RoleChair)
	addStaff(t, o, "Nguyễn Thị Lan", people.RoleCounter)
	p := o.DocProfile()
	if p.ChairName != "Lê Văn Tuấn" || p.ChairTitle != "Chủ tịch" || p.SignAs != "TM" {
		t.Fatalf("signer from the register: %+v", p)
	}
	if o.Profile().ClerkName != "Nguyễn Thị Lan" {
		t.Errorf("the only counter clerk receives: %q", o.Profile().ClerkName)
	}
	vice := addStaff(t, o, "Phạm Thị Hòa", people.RoleViceChair)
	if _, err := o.EndStaff(ctx, chair.ID, vn("2026-11-20 00:00")); err != nil {
		t.Fatal(err)
	}
	p = o.DocProfile()
	if p.ChairName != vice.Name || p.SignAs != "KT" || p.ChairTitle != "Phó Chủ tịch" {
		t.Fatalf("after the chair left: %+v", p)
	}
	if _, err := o.EndStaff(ctx, chair.ID, vn("2026-11-21 00:00")); err == nil || !strings.Contains(err.Error(), "đã thôi công tác") {
		t.Fatalf("ended twice: %v", err)
	}
	cur, err := o.StaffList(ctx, false)
	if err != nil || len(cur) != 2 || cur[0].Name != vice.Name {
		t.Fatalf("current staff, vice-chair first: %v %v", cur, err)
	}
	all, _ := o.StaffList(ctx, true)
	if len(all) != 3 {
		t.Fatalf("all staff: %d", len(all))
	}
	// A bad edit changes nothing.
	if _, err := o.EditStaff(ctx, vice.ID, func(s *Staff) error { s.Email = "không-có-a-còng"; return nil }); err == nil {
		t.Fatal("bad e-mail accepted")
	}
	got, _ := o.FindStaff(ctx, "pham thi hoa")
	if got.Email != "" || got.ID != vice.ID {
		t.Fatalf("found %+v", got)
	}
	audit, err := o.st.AuditOf(ctx, "staff", chair.ID)
	if err != nil || len(audit) != 2 || audit[1].Action != "edit_staff" {
		t.Fatalf("audit: %v %v", audit, err)
	}
	var pdf bytes.Buffer
	if err := o.StaffContacts(ctx, &pdf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Fatal("not a PDF")
	}
}
