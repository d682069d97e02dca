package office

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"motcua/internal/docs"
	"motcua/internal/people"
	"motcua/internal/store"
	"motcua/internal/textvn"
)

// Staff is a member of the staff register.
type Staff = people.Staff

// fromRegister lets the staff register name the letter signer and, where
// this PC names no clerk, the receiving officer; the typed settings stay in
// force when the register names nobody.
func (o *Office) fromRegister(ctx context.Context, p *Profile) error {
	all, err := o.st.StaffList(ctx)
	if err != nil {
		return err
	}
	today := o.Now()
	if s, ok := people.Signer(all, today, p.SignAs); ok {
		p.ChairName = s.Name
		if s.Role == people.RoleViceChair {
			p.ChairTitle, p.SignAs = "Phó Chủ tịch", "KT"
		} else {
			p.ChairTitle, p.SignAs = "Chủ tịch", "TM"
		}
	}
	if p.ClerkName == "" {
		var clerks []Staff
		for _, s := range people.Current(all, today) {
			if s.Role == people.RoleCounter {
				clerks = append(clerks, s)
			}
		}
		if len(clerks) == 1 {
			p.ClerkName = clerks[0].Name
		}
	}
	return nil
}

// StaffList lists the staff register: those working today, or with all
// also those who left; by role (chair first), then name.
func (o *Office) StaffList(ctx context.Context, all bool) ([]Staff, error) {
	list, err := o.st.StaffList(ctx)
	if err != nil {
		return nil, err
	}
	if !all {
		list = people.Current(list, o.Now())
	}
	order := map[people.Role]int{people.RoleChair: 0, people.RoleViceChair: 1, people.RoleCounter: 2, people.RoleSpecialist: 3, people.RoleAdmin: 4}
	slices.SortStableFunc(list, func(a, b Staff) int {
		if c := order[a.Role] - order[b.Role]; c != 0 {
			return c
		}
		return strings.Compare(textvn.Fold(a.Name), textvn.Fold(b.Name))
	})
	return list, nil
}

// FindStaff finds a staff member by id or by full name (accents optional).
// Two members with the same name must be told apart by id.
func (o *Office) FindStaff(ctx context.Context, ref string) (Staff, error) {
	ref = textvn.Clean(ref)
	if ref == "" {
		return Staff{}, errors.New("chưa chọn cán bộ: hãy nhập mã hoặc họ tên cán bộ")
	}
	list, err := o.st.StaffList(ctx)
	if err != nil {
		return Staff{}, err
	}
	var found []Staff
	for _, s := range list {
		if s.ID == ref {
			return s, nil
		}
		if textvn.Fold(s.Name) == textvn.Fold(ref) {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 0:
		return Staff{}, store.NotFound("không có cán bộ %q trong danh sách cán bộ; xem danh sách bằng lệnh motcua staff list --all", ref)
	case 1:
		return found[0], nil
	}
	var ids []string
	for _, s := range found {
		ids = append(ids, s.ID+" ("+s.Role.Vietnamese()+")")
	}
	return Staff{}, fmt.Errorf("có %d cán bộ tên %q: hãy chọn theo mã, một trong %s", len(found), ref, strings.Join(ids, ", "))
}

func staffJSON(s Staff) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// AddStaff enters a staff member in the register. A missing start date is
// today.
func (o *Office) AddStaff(ctx context.Context, s Staff) (Staff, error) {
	if err := o.can(ctx, people.ActStaff); err != nil {
		return Staff{}, err
	}
	if err := checkStaff(&s); err != nil {
		return Staff{}, err
	}
	now := o.Now()
	if s.Start.IsZero() {
		s.Start = now
	}
	if err := checkStaff(&s); err != nil {
		return Staff{}, err
	}
	if err := s.Check(); err != nil {
		return Staff{}, err
	}
	s.ID, s.CreatedAt, s.UpdatedAt = newID(), now, now
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SaveStaff(s); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "add_staff", Entity: "staff", EntityID: s.ID, After: staffJSON(s)})
	})
	if err != nil {
		return Staff{}, err
	}
	return s, o.reload(ctx)
}

// EditStaff changes a staff member's entry: edit receives the stored entry
// and changes it; the result is checked before it is saved.
func (o *Office) EditStaff(ctx context.Context, id string, edit func(*Staff) error) (Staff, error) {
	if err := o.can(ctx, people.ActStaff); err != nil {
		return Staff{}, err
	}
	var s Staff
	now := o.Now()
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		old, err := tx.StaffByID(id)
		if err != nil {
			return err
		}
		s = old
		if err := edit(&s); err != nil {
			return err
		}
		if err := checkStaff(&s); err != nil {
			return err
		}
		if err := s.Check(); err != nil {
			return err
		}
		s.ID, s.CreatedAt, s.UpdatedAt = old.ID, old.CreatedAt, now
		if err := tx.SaveStaff(s); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "edit_staff", Entity: "staff", EntityID: s.ID, Before: staffJSON(old), After: staffJSON(s)})
	})
	if err != nil {
		return Staff{}, err
	}
	return s, o.reload(ctx)
}

// EndStaff records a staff member's last day of work (transfer, retirement).
// The entry stays: pledges, ratings and letters still name them.
func (o *Office) EndStaff(ctx context.Context, id string, day time.Time) (Staff, error) {
	if day.IsZero() {
		day = o.Now()
	}
	if err := o.checkAt(people.Day(day)); err != nil {
		return Staff{}, err
	}
	return o.EditStaff(ctx, id, func(s *Staff) error { return s.Leave(day) })
}

// StaffContacts prints the public list of the staff who receive dossiers
// (danh sách cán bộ, công chức tiếp nhận hồ sơ) the counter posts: everyone
// working today except the administrator's role.
func (o *Office) StaffContacts(ctx context.Context, w io.Writer) error {
	list, err := o.StaffList(ctx, false)
	if err != nil {
		return err
	}
	in := docs.ContactList{Date: o.Now(), Hotline: o.cfg().profile.Phone}
	for _, s := range list {
		if s.Role == people.RoleAdmin {
			continue
		}
		in.Rows = append(in.Rows, docs.Contact{Name: s.Name, Title: s.Position, Task: s.Role.Vietnamese(), Unit: s.Unit, Phone: s.Phone, Email: s.Email})
	}
	f, err := Fonts()
	if err != nil {
		return err
	}
	return docs.StaffContacts(w, f, o.DocProfile(), in)
}
