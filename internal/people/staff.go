package people

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/textvn"
)

// Role is what a staff member does at the one-stop counter (vai trò). It is the basis of
// permissions: the chair and vice-chairs issue letters and sign bundles, the administrator
// administers; a later "accounts" feature reads it from the staff register.
type Role string

// The roles of the staff register.
const (
	RoleCounter    Role = "counter"    // cán bộ một cửa: receives and returns dossiers
	RoleChair      Role = "chair"      // chủ tịch UBND xã: signs letters (TM.)
	RoleViceChair  Role = "vice_chair" // phó chủ tịch: signs for the chair (KT.)
	RoleSpecialist Role = "specialist" // công chức chuyên môn: handles dossiers in a field
	RoleAdmin      Role = "admin"      // quản trị: settings, catalogue, accounts
)

var roleNames = []struct {
	role Role
	name string
}{
	{RoleCounter, "Cán bộ một cửa"},
	{RoleChair, "Chủ tịch"},
	{RoleViceChair, "Phó Chủ tịch"},
	{RoleSpecialist, "Công chức chuyên môn"},
	{RoleAdmin, "Quản trị"},
}

// Roles lists the roles in the order forms show them.
func Roles() []Role {
	out := make([]Role, len(roleNames))
	for i, r := range roleNames {
		out[i] = r.role
	}
	return out
}

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool {
	for _, rn := range roleNames {
		if rn.role == r {
			return true
		}
	}
	return false
}

// Vietnamese is the role as a clerk reads it: "Cán bộ một cửa".
func (r Role) Vietnamese() string {
	for _, rn := range roleNames {
		if rn.role == r {
			return rn.name
		}
	}
	return string(r)
}

// Signs reports whether the role signs letters and bundles for the commune.
func (r Role) Signs() bool { return r == RoleChair || r == RoleViceChair }

// Administers reports whether the role may change settings and accounts.
func (r Role) Administers() bool { return r == RoleAdmin }

// ParseRole accepts a role's code ("counter") or its Vietnamese name with or without
// accents ("cán bộ một cửa", "chu tich").
func ParseRole(s string) (Role, error) {
	f := textvn.Fold(s)
	for _, rn := range roleNames {
		if string(rn.role) == strings.TrimSpace(s) || textvn.Fold(rn.name) == f {
			return rn.role, nil
		}
	}
	var names []string
	for _, rn := range roleNames {
		names = append(names, fmt.Sprintf("%s (%s)", rn.name, rn.role))
	}
	return "", fmt.Errorf("không có vai trò %q: hãy chọn một trong %s", s, strings.Join(names, ", "))
}

// Staff is a staff member (cán bộ, công chức) of the commune: in the staff register when
// ID is set, or just a name, title and unit to print a pledge form for.
type Staff struct {
	ID        string     `json:"id,omitempty"`
	Name      string     `json:"name"`               // họ và tên
	Position  string     `json:"position,omitempty"` // chức vụ, chức danh
	Unit      string     `json:"unit,omitempty"`     // đơn vị công tác
	Role      Role       `json:"role,omitempty"`     // vai trò tại bộ phận một cửa
	Phone     string     `json:"phone,omitempty"`
	Email     string     `json:"email,omitempty"`
	Start     time.Time  `json:"start,omitzero"` // ngày bắt đầu công tác (midnight, Vietnam time)
	End       *time.Time `json:"end,omitempty"`  // last day of work; nil while still working
	CreatedAt time.Time  `json:"created_at,omitzero"`
	UpdatedAt time.Time  `json:"updated_at,omitzero"`
}

// Validate normalises the staff member's fields and refuses an empty name.
func (s *Staff) Validate() error {
	s.Name = textvn.Clean(s.Name)
	s.Position = textvn.Clean(s.Position)
	s.Unit = textvn.Clean(s.Unit)
	if s.Name == "" {
		return errors.New("họ tên cán bộ ký cam kết không được để trống: hãy nhập họ và tên đầy đủ")
	}
	return nil
}

// Check normalises a register entry and refuses what cannot be stored: no name, no role,
// a phone without digits, an e-mail without "@", an end before the start. All problems are
// reported together.
func (s *Staff) Check() error {
	s.Name = textvn.Clean(s.Name)
	s.Position = textvn.Clean(s.Position)
	s.Unit = textvn.Clean(s.Unit)
	s.Phone = textvn.Clean(s.Phone)
	s.Email = strings.TrimSpace(s.Email)
	var errs []error
	if s.Name == "" {
		errs = append(errs, errors.New("họ tên cán bộ không được để trống: hãy nhập họ và tên đầy đủ"))
	}
	if !s.Role.Valid() {
		_, err := ParseRole(string(s.Role))
		errs = append(errs, err)
	}
	if s.Phone != "" {
		if d := textvn.Digits(s.Phone); len(d) < 8 || len(d) > 12 {
			errs = append(errs, fmt.Errorf("số điện thoại %q của %s không hợp lệ: hãy nhập 8 đến 12 chữ số, ví dụ 0912 345 678", s.Phone, s.Name))
		}
	}
	if s.Email != "" {
		if at := strings.Index(s.Email, "@"); at < 1 || at == len(s.Email)-1 || strings.ContainsAny(s.Email, " ,;") {
			errs = append(errs, fmt.Errorf("địa chỉ thư điện tử %q của %s không hợp lệ: hãy nhập dạng ten@xa.gov.vn", s.Email, s.Name))
		}
	}
	if s.Start.IsZero() {
		errs = append(errs, fmt.Errorf("chưa có ngày bắt đầu công tác của %s: hãy nhập ngày, ví dụ 2026-01-05", s.Name))
	} else {
		s.Start = Day(s.Start)
	}
	if s.End != nil {
		e := Day(*s.End)
		s.End = &e
		if !s.Start.IsZero() && e.Before(s.Start) {
			errs = append(errs, fmt.Errorf("ngày thôi công tác %s của %s trước ngày bắt đầu %s: hãy kiểm tra lại hai ngày", e.Format("02/01/2006"), s.Name, s.Start.Format("02/01/2006")))
		}
	}
	return errors.Join(errs...)
}

// Working reports whether the staff member works on day t: started on or before it and
// not ended before it.
func (s Staff) Working(t time.Time) bool {
	d := Day(t)
	if !s.Start.IsZero() && d.Before(s.Start) {
		return false
	}
	return s.End == nil || !d.After(*s.End)
}

// Leave records the last day of work. A staff member who already left cannot leave again,
// and the last day cannot come before the first.
func (s *Staff) Leave(day time.Time) error {
	d := Day(day)
	if s.End != nil {
		return fmt.Errorf("%s đã thôi công tác từ ngày %s; không cần ghi lại", s.Name, s.End.Format("02/01/2006"))
	}
	if !s.Start.IsZero() && d.Before(s.Start) {
		return fmt.Errorf("ngày thôi công tác %s trước ngày %s bắt đầu công tác (%s): hãy kiểm tra lại ngày", d.Format("02/01/2006"), s.Name, s.Start.Format("02/01/2006"))
	}
	s.End = &d
	return nil
}

// Label is "Nguyễn Thị Lan (Cán bộ một cửa)".
func (s Staff) Label() string {
	if s.Role == "" {
		return s.Name
	}
	return s.Name + " (" + s.Role.Vietnamese() + ")"
}

// Day is t's date at midnight, Vietnam time.
func Day(t time.Time) time.Time {
	t = t.In(calendar.Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, calendar.Zone)
}

// Signer is who signs the commune's letters, as the staff register says: the chair working
// today, or a vice-chair when the commune signs "KT." (ký thay). ok is false when the
// register names nobody, and the profile's typed name stays in force.
func Signer(staff []Staff, today time.Time, signAs string) (s Staff, ok bool) {
	want := []Role{RoleChair, RoleViceChair}
	if strings.EqualFold(strings.TrimSpace(signAs), "KT") {
		want = []Role{RoleViceChair, RoleChair}
	}
	for _, r := range want {
		for _, st := range staff {
			if st.Role == r && st.Working(today) {
				return st, true
			}
		}
	}
	return Staff{}, false
}

// Current lists the staff working on day t, in the given order.
func Current(staff []Staff, t time.Time) []Staff {
	var out []Staff
	for _, s := range staff {
		if s.Working(t) {
			out = append(out, s)
		}
	}
	return out
}
