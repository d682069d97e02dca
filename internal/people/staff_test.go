package people

import (
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, calendar.Zone) }

func TestParseRoleAcceptsCodesAndVietnamese(t *testing.T) {
	for in, want := range map[string]Role{"counter": RoleCounter, "Cán bộ một cửa": RoleCounter, "chu tich": RoleChair,
		"Phó Chủ tịch": RoleViceChair, "cong chuc chuyen mon": RoleSpecialist, "admin": RoleAdmin} {
		if got, err := ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseRole("bảo vệ"); err == nil || !strings.Contains(err.Error(), "Cán bộ một cửa (counter)") {
		t.Errorf("unknown role: %v", err)
	}
	if !RoleChair.Signs() || !RoleViceChair.Signs() || RoleCounter.Signs() || !RoleAdmin.Administers() || RoleChair.Administers() {
		t.Error("permissions by role")
	}
}

func TestCheckReportsEveryProblem(t *testing.T) {
	end := day(2025, 1, 1)
	s := Staff{Name: "  ", Role: "guard", Phone: "12", Email: "lan.gov.vn", Start: day(2026, 1, 5), End: &end}
	err := s.Check()
	if err == nil {
		t.Fatal("bad entry accepted")
	}
	for _, want := range []string{"họ tên cán bộ không được để trống", "không có vai trò \"guard\"", "số điện thoại \"12\"", "thư điện tử \"lan.gov.vn\"", "trước ngày bắt đầu"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in %v", want, err)
		}
	}
	ok := Staff{Name: " Nguyễn  Thị Lan ", Role: RoleCounter, Phone: "0912 345 678", Email: "lan@dongvan.gov.vn", Start: time.Date(2026, 1, 5, 15, 0, 0, 0, calendar.Zone)}
	if err := ok.Check(); err != nil {
		t.Fatal(err)
	}
	if ok.Name != "Nguyễn Thị Lan" || !ok.Start.Equal(day(2026, 1, 5)) {
		t.Errorf("normalised: %+v", ok)
	}
}

func TestWorkingLeaveAndSigner(t *testing.T) {
	chair := Staff{Name: "Lê Văn Tuấn", Role: RoleChair, Start: day(2021, 7, 1)}
	vice := Staff{Name: "Phạm Thị Hòa", Role: RoleViceChair, Start: day(2021, 7, 1)}
	if err := chair.Leave(day(2021, 6, 1)); err == nil {
		t.Error("left before starting")
	}
	if err := chair.Leave(day(2026, 3, 31)); err != nil {
		t.Fatal(err)
	}
	if err := chair.Leave(day(2026, 4, 1)); err == nil || !strings.Contains(err.Error(), "đã thôi công tác từ ngày 31/03/2026") {
		t.Errorf("left twice: %v", err)
	}
	if !chair.Working(day(2026, 3, 31)) || chair.Working(day(2026, 4, 1)) {
		t.Error("the last day is a working day, the next is not")
	}
	staff := []Staff{vice, chair}
	if s, ok := Signer(staff, day(2026, 3, 2), "TM"); !ok || s.Name != chair.Name {
		t.Errorf("TM signer while the chair works: %v %v", s.Name, ok)
	}
	if s, ok := Signer(staff, day(2026, 3, 2), "KT"); !ok || s.Name != vice.Name {
		t.Errorf("KT signer: %v", s.Name)
	}
	if s, ok := Signer(staff, day(2026, 5, 2), "TM"); !ok || s.Name != vice.Name {
		t.Errorf("after the chair left the vice-chair signs: %v", s.Name)
	}
	if _, ok := Signer(nil, day(2026, 5, 2), "TM"); ok {
		t.Error("an empty register names a signer")
	}
	if got := Current(staff, day(2026, 5, 2)); len(got) != 1 || got[0].Name != vice.Name {
		t.Errorf("current: %v", got)
	}
}
