package office

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/internal/people"
	"motcua/internal/store"
)

// pledgeSetsKey is the setting naming the sets the commune's staff pledge
// to, as a comma-separated list of codes; unset means every shipped set
// that has wording.
const pledgeSetsKey = "pledge.sets"

// ChosenPledgeSets are the sets the commune's staff pledge to.
func (o *Office) ChosenPledgeSets(ctx context.Context) ([]people.PledgeSet, error) {
	all, err := o.PledgeSets()
	if err != nil {
		return nil, err
	}
	v, ok, err := o.st.Setting(ctx, pledgeSetsKey)
	if err != nil {
		return nil, err
	}
	var out []people.PledgeSet
	if !ok {
		for _, s := range all {
			if s.CheckPrintable() == nil {
				out = append(out, s)
			}
		}
		return out, nil
	}
	for _, c := range strings.Split(v, ",") {
		if s, found := people.FindSet(all, strings.TrimSpace(c)); found {
			out = append(out, s)
		}
	}
	return out, nil
}

// ChoosePledgeSets sets which sets the commune's staff pledge to. Every set
// must exist and have wording to print.
func (o *Office) ChoosePledgeSets(ctx context.Context, codes []string) error {
	if err := o.can(ctx, people.ActSettings); err != nil {
		return err
	}
	all, err := o.PledgeSets()
	if err != nil {
		return err
	}
	var clean []string
	for _, c := range codes {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		s, ok := people.FindSet(all, c)
		if !ok {
			var known []string
			for _, s := range all {
				known = append(known, s.Code)
			}
			return fmt.Errorf("không có bộ cam kết %q; các bộ có: %s", c, strings.Join(known, ", "))
		}
		if err := s.CheckPrintable(); err != nil {
			return err
		}
		clean = append(clean, c)
	}
	if len(clean) == 0 {
		return errors.New("chưa chọn bộ cam kết nào: cán bộ cần cam kết ít nhất một bộ (4 xin, 5 không…)")
	}
	before, _, err := o.st.Setting(ctx, pledgeSetsKey)
	if err != nil {
		return err
	}
	v := strings.Join(clean, ",")
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SetSetting(pledgeSetsKey, v); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "choose_pledge_sets", Entity: "setting", EntityID: pledgeSetsKey, Before: before, After: v})
	})
}

// PledgeInput is a signing as the clerk enters it.
type PledgeInput struct {
	Staff    string    // id or full name in the staff register
	Sets     []string  // set codes; empty means every set the commune chose
	SignedOn time.Time // zero means today
	Year     int       // zero means the signing date's year
	ScanName string    // the scanned signed paper, optional
	Scan     []byte
}

// SignPledge records a signing for a year, with its scan when given. A
// member who has left cannot sign, and one signing per member and year.
func (o *Office) SignPledge(ctx context.Context, in PledgeInput) (people.Signing, error) {
	if err := o.can(ctx, people.ActStaff); err != nil {
		return people.Signing{}, err
	}
	s, err := o.FindStaff(ctx, in.Staff)
	if err != nil {
		return people.Signing{}, err
	}
	chosen, err := o.ChosenPledgeSets(ctx)
	if err != nil {
		return people.Signing{}, err
	}
	now := o.Now()
	g := people.Signing{ID: newID(), StaffID: s.ID, StaffName: s.Name, Year: in.Year, SignedOn: in.SignedOn, Sets: in.Sets, CreatedAt: now, UpdatedAt: now}
	if g.SignedOn.IsZero() {
		g.SignedOn = now
	}
	if err := o.checkAt(people.Day(g.SignedOn)); err != nil {
		return people.Signing{}, err
	}
	if len(g.Sets) == 0 {
		for _, c := range chosen {
			g.Sets = append(g.Sets, c.Code)
		}
	}
	if err := people.CheckSigning(s, chosen, &g); err != nil {
		return people.Signing{}, err
	}
	if in.Scan != nil || in.ScanName != "" {
		sc, err := people.CheckScan(in.ScanName, in.Scan)
		if err != nil {
			return people.Signing{}, err
		}
		g.Scan = &sc
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if old, ok, err := tx.SigningOf(s.ID, g.Year); err != nil {
			return err
		} else if ok {
			return fmt.Errorf("%s đã ký cam kết năm %d ngày %s; mỗi năm ký một lần", s.Name, g.Year, old.SignedOn.Format("02/01/2006"))
		}
		if err := tx.SaveSigning(g); err != nil {
			return err
		}
		if g.Scan != nil {
			if err := tx.SaveScan(g.ID, in.Scan, now); err != nil {
				return err
			}
		}
		return o.auditAdded(tx, now, "sign_pledge", "pledge_signing", g.ID, g)
	})
	if err != nil {
		return people.Signing{}, err
	}
	return g, nil
}

// AttachPledgeScan attaches (or replaces) the scanned paper of a member's
// signing for a year: the paper is often scanned after it is entered.
func (o *Office) AttachPledgeScan(ctx context.Context, staff string, year int, name string, data []byte) (people.Signing, error) {
	if err := o.can(ctx, people.ActStaff); err != nil {
		return people.Signing{}, err
	}
	s, err := o.FindStaff(ctx, staff)
	if err != nil {
		return people.Signing{}, err
	}
	sc, err := people.CheckScan(name, data)
	if err != nil {
		return people.Signing{}, err
	}
	var g people.Signing
	now := o.Now()
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		var ok bool
		var err error
		if g, ok, err = tx.SigningOf(s.ID, year); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("%s chưa ký cam kết năm %d nên chưa đính kèm bản quét được: hãy ghi việc ký trước", s.Name, year)
		}
		before, _ := json.Marshal(g.Scan)
		g.Scan, g.UpdatedAt = &sc, now
		if err := tx.SaveSigning(g); err != nil {
			return err
		}
		if err := tx.SaveScan(g.ID, data, now); err != nil {
			return err
		}
		after, _ := json.Marshal(g.Scan)
		return tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "attach_pledge_scan", Entity: "pledge_signing", EntityID: g.ID, Before: string(before), After: string(after)})
	})
	return g, err
}

// PledgeScan returns the scanned paper of a signing.
func (o *Office) PledgeScan(ctx context.Context, signingID string) ([]byte, error) {
	return o.st.Scan(ctx, signingID)
}

// PledgeSignings lists the signings of a year (0: all years).
func (o *Office) PledgeSignings(ctx context.Context, year int) ([]people.Signing, error) {
	return o.st.Signings(ctx, year)
}

// PledgeProgress is the share of staff working today who signed for year
// (0: this year), with the names of those who have not: the dashboard's
// pledge line.
func (o *Office) PledgeProgress(ctx context.Context, year int) (people.Progress, error) {
	if year == 0 {
		year = o.Now().Year()
	}
	staff, err := o.st.StaffList(ctx)
	if err != nil {
		return people.Progress{}, err
	}
	gs, err := o.st.Signings(ctx, year)
	if err != nil {
		return people.Progress{}, err
	}
	return people.PledgeProgress(staff, gs, year, o.Now()), nil
}

// AddStaffNote notes a violation of the pledge or a praise on a staff
// member.
func (o *Office) AddStaffNote(ctx context.Context, staff string, n people.Note) (people.Note, error) {
	if err := o.can(ctx, people.ActStaff); err != nil {
		return people.Note{}, err
	}
	if err := cleanAll("contact", &n.Source, "comment", &n.Text); err != nil {
		return people.Note{}, err
	}
	s, err := o.FindStaff(ctx, staff)
	if err != nil {
		return people.Note{}, err
	}
	now := o.Now()
	if n.On.IsZero() {
		n.On = now
	}
	if err := checkNote(&n); err != nil {
		return people.Note{}, err
	}
	if err := n.Check(); err != nil {
		return people.Note{}, err
	}
	if err := o.checkAt(n.On); err != nil {
		return people.Note{}, err
	}
	n.ID, n.StaffID, n.CreatedAt, n.UpdatedAt = newID(), s.ID, now, now
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SaveNote(n); err != nil {
			return err
		}
		return o.auditAdded(tx, now, "add_staff_note", "staff_note", n.ID, n)
	})
	return n, err
}

// StaffNotes lists the notes on a staff member (all members when staff is
// empty).
func (o *Office) StaffNotes(ctx context.Context, staff string) ([]people.Note, error) {
	id := ""
	if staff != "" {
		s, err := o.FindStaff(ctx, staff)
		if err != nil {
			return nil, err
		}
		id = s.ID
	}
	return o.st.Notes(ctx, id)
}
