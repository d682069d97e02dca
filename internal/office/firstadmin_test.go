package office

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/people"
)

// The first start creates the first administrator with a password typed
// twice; from then on the office runs with accounts and the administrator
// is logged in. It works once.
func TestFirstAdministrator(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "a.db"), "2026-11-23 08:00")
	ctx := context.Background()
	if need, err := o.NeedsFirstAdministrator(ctx); err != nil || !need {
		t.Fatalf("a new register needs no administrator? %v %v", need, err)
	}
	for _, c := range []struct {
		in   FirstAdmin
		want string
	}{
		{FirstAdmin{Name: " ", Password: "mat-khau-1", Repeat: "mat-khau-1"}, "chưa nhập họ tên"},
		{FirstAdmin{Name: "Đỗ Văn Quản", Password: "mat-khau-1", Repeat: "mat-khau-2"}, "không giống nhau"},
		{FirstAdmin{Name: "Đỗ Văn Quản", Password: "ngan", Repeat: "ngan"}, "quá ngắn"},
	} {
		if _, err := o.CreateFirstAdministrator(ctx, c.in); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.in, err, c.want)
		}
	}
	if on, _ := o.AccountsOn(ctx); on {
		t.Fatal("a refused administrator turned accounts on")
	}
	s, err := o.CreateFirstAdministrator(ctx, FirstAdmin{Name: "Đỗ Văn Quản", Position: "Công chức Văn phòng - Thống kê", Password: "mat-khau-1", Repeat: "mat-khau-1"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Role != people.RoleAdmin || s.Position != "Công chức Văn phòng - Thống kê" {
		t.Fatalf("%+v", s)
	}
	if on, _ := o.AccountsOn(ctx); !on {
		t.Fatal("accounts are not on")
	}
	if who, ok := o.Who(); !ok || who.ID != s.ID {
		t.Fatal("the administrator is not logged in")
	}
	if !o.May(ctx, people.ActSettings) || o.May(ctx, people.ActIssueLetter) {
		t.Error("the administrator's permissions are wrong")
	}
	o.Logout()
	if _, err := o.Login(ctx, "do van quan", "mat-khau-1"); err != nil {
		t.Fatalf("login by name without accents: %v", err)
	}
	if _, err := o.CreateFirstAdministrator(ctx, FirstAdmin{Name: "Người Khác", Password: "mat-khau-2", Repeat: "mat-khau-2"}); err == nil || !strings.Contains(err.Error(), "đã có tài khoản") {
		t.Fatalf("a second first administrator: %v", err)
	}
	if n, _ := o.st.PasswordsSet(ctx); n != 1 {
		t.Fatalf("%d passwords", n)
	}
}

// A staff member entered before with another role is not made the
// administrator by the first start.
func TestFirstAdministratorRefusesAnotherRole(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "a.db"), "2026-11-23 08:00")
	ctx := context.Background()
	if _, err := o.AddStaff(ctx, Staff{Name: "Nguyễn Thị Lan", Role: people.RoleCounter}); err != nil {
		t.Fatal(err)
	}
	_, err := o.CreateFirstAdministrator(ctx, FirstAdmin{Name: "Nguyễn Thị Lan", Password: "mat-khau-1", Repeat: "mat-khau-1"})
	if err == nil || !strings.Contains(err.Error(), "không phải quản trị") || errors.Is(err, ErrNotAllowed) {
		t.Fatalf("%v", err)
	}
	if on, _ := o.AccountsOn(ctx); on {
		t.Fatal("accounts on")
	}
}
