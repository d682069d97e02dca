package office

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"

	"motcua/internal/people"
	"motcua/internal/store"
	"motcua/internal/textvn"
)

// FirstAdmin is what the first start asks of the register's first
// administrator: name, position, and the password typed twice.
type FirstAdmin struct {
	Name, Position   string
	Password, Repeat string
}

// NeedsFirstAdministrator reports whether the register has no password yet:
// the first start then offers to create the first administrator (or to
// stay a one-person office without passwords).
func (o *Office) NeedsFirstAdministrator(ctx context.Context) (bool, error) {
	n, err := o.st.PasswordsSet(ctx)
	return n == 0, err
}

// CreateFirstAdministrator enters the first administrator in the staff
// register with a password, in one transaction with its audit lines, and
// logs them in. From then on the office runs with accounts: everyone
// logs in, and the administrator sets the others' passwords. It is only
// for a register without passwords: later passwords are set in the staff
// register (SetPassword). A staff member of that name already entered as
// administrator gets the password; one with another role is refused.
func (o *Office) CreateFirstAdministrator(ctx context.Context, in FirstAdmin) (Staff, error) {
	if err := o.can(ctx, people.ActStaff); err != nil {
		return Staff{}, err
	}
	none, err := o.NeedsFirstAdministrator(ctx)
	if err != nil {
		return Staff{}, err
	}
	if !none {
		return Staff{}, errors.New("sổ đã có tài khoản có mật khẩu, nên không tạo người quản trị đầu tiên nữa: hãy đăng nhập, rồi đặt mật khẩu cho cán bộ trong danh sách cán bộ")
	}
	if textvn.Clean(in.Name) == "" {
		return Staff{}, errors.New("chưa nhập họ tên người quản trị: hãy nhập họ và tên đầy đủ, là tên dùng để đăng nhập")
	}
	if in.Password != in.Repeat {
		return Staff{}, errors.New("hai lần nhập mật khẩu không giống nhau: hãy gõ lại mật khẩu vào cả hai ô")
	}
	if err := people.CheckNewPassword(in.Password); err != nil {
		return Staff{}, err
	}
	now := o.Now()
	s, err := o.FindStaff(ctx, in.Name)
	existing := err == nil
	switch {
	case existing && s.Role != people.RoleAdmin:
		return Staff{}, fmt.Errorf("%s đã có trong danh sách cán bộ với vai trò %s, không phải quản trị: hãy nhập tên người quản trị khác, hoặc sửa vai trò trong danh sách cán bộ", s.Name, s.Role.Vietnamese())
	case existing && !s.Working(now):
		return Staff{}, fmt.Errorf("%s đã thôi công tác; hãy nhập tên người quản trị đang công tác", s.Name)
	case !existing:
		if !errors.Is(err, store.ErrNotFound) {
			return Staff{}, err
		}
		s = Staff{Name: in.Name, Position: in.Position, Role: people.RoleAdmin, Start: now}
		if err := s.Check(); err != nil {
			return Staff{}, err
		}
		s.ID, s.CreatedAt, s.UpdatedAt = newID(), now, now
	}
	hash, err := people.HashPassword(in.Password, rand.Reader)
	if err != nil {
		return Staff{}, err
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if !existing {
			if err := tx.SaveStaff(s); err != nil {
				return err
			}
			if err := tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "add_staff", Entity: "staff", EntityID: s.ID, After: staffJSON(s)}); err != nil {
				return err
			}
		}
		if err := tx.SaveAccount(store.Account{StaffID: s.ID, PasswordHash: hash}, now); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "set_password", Entity: "staff", EntityID: s.ID, After: "người quản trị đầu tiên: đặt mật khẩu cho " + s.Name})
	})
	if err != nil {
		return Staff{}, err
	}
	if err := o.reload(ctx); err != nil {
		return Staff{}, err
	}
	o.setWho(&s)
	return s, nil
}
