package office

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strconv"
	"time"

	"motcua/internal/people"
	"motcua/internal/store"
	"motcua/internal/textvn"
)

// Accounts: a staff member of the register with a password logs in, and
// the office lets them do what their role may (people.Role.May). The office
// "runs with accounts" once someone has a password, unless the
// administrator chose "một người, không cần mật khẩu" (a one-person office).
// Without accounts everything is allowed as before, and the actor is just a
// name (Options.Actor, MOTCUA_USER): it grants no role.

// noPasswordsKey is the setting "một người, không cần mật khẩu": "1" turns
// accounts off even where passwords are set.
const noPasswordsKey = "accounts.no_passwords"

// ErrNotAllowed is wrapped by every refusal for want of a role, so a window
// can offer to log in as someone else.
var ErrNotAllowed = errors.New("không có quyền")

type notAllowed struct{ msg string }

func (e notAllowed) Error() string        { return e.msg }
func (e notAllowed) Is(target error) bool { return target == ErrNotAllowed }

// errBadLogin never says whether the name or the password was wrong.
var errBadLogin = fmt.Errorf("họ tên hoặc mật khẩu không đúng; hãy gõ lại (sau %d lần sai liên tiếp, tài khoản bị khóa %d phút)",
	people.MaxFailures, int(people.LockFor/time.Minute))

// AccountsOn reports whether the office runs with accounts: some staff
// member has a password and the one-person setting is off.
func (o *Office) AccountsOn(ctx context.Context) (bool, error) {
	off, err := o.PasswordsOff(ctx)
	if err != nil || off {
		return false, err
	}
	n, err := o.st.PasswordsSet(ctx)
	return n > 0, err
}

// PasswordsOff reports the setting "một người, không cần mật khẩu".
func (o *Office) PasswordsOff(ctx context.Context) (bool, error) {
	v, _, err := o.st.Setting(ctx, noPasswordsKey)
	return v == "1", err
}

// SetPasswordsOff chooses "một người, không cần mật khẩu" (off true): the
// office then runs without logins even where passwords are set. Turning
// passwords back on needs an administrator with a password, so that
// someone can still administer.
func (o *Office) SetPasswordsOff(ctx context.Context, off bool) error {
	if err := o.can(ctx, people.ActSettings); err != nil {
		return err
	}
	if !off {
		ok, err := o.adminWithPassword(ctx)
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("chưa có người quản trị nào có mật khẩu: hãy đặt mật khẩu cho người quản trị trước (motcua staff passwd HỌ_TÊN) rồi mới bật đăng nhập")
		}
	}
	before, _, err := o.st.Setting(ctx, noPasswordsKey)
	if err != nil {
		return err
	}
	v := "0"
	if off {
		v = "1"
	}
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SetSetting(noPasswordsKey, v); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "set_setting", Entity: "setting", EntityID: noPasswordsKey, Before: before, After: v})
	})
}

func (o *Office) adminWithPassword(ctx context.Context) (bool, error) {
	list, err := o.st.StaffList(ctx)
	if err != nil {
		return false, err
	}
	for _, s := range people.Current(list, o.Now()) {
		if s.Role != people.RoleAdmin {
			continue
		}
		if ok, err := o.st.HasPassword(ctx, s.ID); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// Who is the staff member logged in; ok is false when nobody is.
func (o *Office) Who() (s Staff, ok bool) {
	if p := o.who.Load(); p != nil {
		return *p, true
	}
	return Staff{}, false
}

// name is the person as forms and the register's events print them: the
// staff member's name when someone is logged in (the audit's actor adds
// the id), else the actor's name.
func (o *Office) name() string {
	if s, ok := o.Who(); ok {
		return s.Name
	}
	return o.actor
}

// Actor is the name the audit records for the changes made now.
func (o *Office) Actor() string { return o.actor }

// Permit is nil when the one logged in (or, without accounts, anyone) may
// do a, and otherwise the sentence naming who may (wrapping ErrNotAllowed).
func (o *Office) Permit(ctx context.Context, a people.Action) error { return o.can(ctx, a) }

// May reports whether the one logged in (or, without accounts, anyone) may
// do a: a window greys out what it may not offer.
func (o *Office) May(ctx context.Context, a people.Action) bool { return o.can(ctx, a) == nil }

// can refuses a guarded use case to whoever may not do it, with a sentence
// naming who may. Without accounts everything is allowed.
func (o *Office) can(ctx context.Context, a people.Action) error {
	on, err := o.AccountsOn(ctx)
	if err != nil || !on {
		return store.Explain(err) // a lost server reads as the one sentence every write gives
	}
	s, ok := o.Who()
	if !ok {
		return notAllowed{"sổ đang dùng tài khoản có mật khẩu nhưng chưa ai đăng nhập: hãy đăng nhập (dòng lệnh: motcua --user \"HỌ TÊN\" …, mật khẩu gõ khi được hỏi hoặc đặt trong MOTCUA_PASSWORD). " + people.Refusal(a)}
	}
	if !s.Role.May(a) {
		return notAllowed{people.Refusal(a)}
	}
	return nil
}

// canAt adds to can the rule on back-dating: a step dated before today
// (entering a paper record late) is for an administrator only.
func (o *Office) canAt(ctx context.Context, a people.Action, at time.Time) error {
	if err := o.can(ctx, a); err != nil {
		return err
	}
	if !at.IsZero() && o.BackdatedBeyondToday(at.In(o.Now().Location())) {
		return o.can(ctx, people.ActBackdate)
	}
	return nil
}

// signIn logs Options.User in at Open.
func (o *Office) signIn(ctx context.Context, opt Options) error {
	return o.SignIn(ctx, opt.User, func() (string, error) { return opt.Password, nil })
}

// SignIn is how the command line acts as a named user (--user): with
// accounts on, password is asked for (only then) and the user logs in;
// with accounts off the name needs no password: a member of the register
// becomes the actor, any other name is just recorded as the actor.
func (o *Office) SignIn(ctx context.Context, user string, password func() (string, error)) error {
	if textvn.Clean(user) == "" {
		return nil
	}
	on, err := o.AccountsOn(ctx)
	if err != nil {
		return err
	}
	if on {
		pw, err := password()
		if err != nil {
			return err
		}
		_, err = o.Login(ctx, user, pw)
		return err
	}
	if s, err := o.FindStaff(ctx, user); err == nil {
		o.setWho(&s)
		return nil
	}
	o.actor = textvn.Clean(user)
	return nil
}

func (o *Office) setWho(s *Staff) {
	if o.who.Load() == nil {
		o.base = o.actor
	}
	o.who.Store(s)
	if s != nil {
		o.actor = s.Name + " (mã " + s.ID + ")"
	}
}

// Logout forgets who is logged in (the window after idle time); changes
// are then refused until someone logs in, when accounts are on.
func (o *Office) Logout() {
	if o.who.Swap(nil) != nil {
		o.actor = o.base
	}
}

// Login checks a staff member's password and, when it is right, makes them
// the one who acts: the audit then names them and their id, and what they
// may do follows their role. The name is the full name (accents optional)
// or the staff id; when two members share a name, the password tells them
// apart. A wrong name and a wrong password get the same answer. After
// people.MaxFailures wrong passwords in a row the account is locked for
// people.LockFor. Call it when no other use case of this Office is running.
func (o *Office) Login(ctx context.Context, name, password string) (Staff, error) {
	ref := textvn.Clean(name)
	list, err := o.st.StaffList(ctx)
	if err != nil {
		return Staff{}, err
	}
	var cands []Staff
	for _, s := range list {
		if ref != "" && (s.ID == ref || textvn.Fold(s.Name) == textvn.Fold(ref)) {
			cands = append(cands, s)
		}
	}
	if len(cands) == 0 {
		people.PasswordMatches("", password) // spend the same time as a wrong password
		return Staff{}, errBadLogin
	}
	now := o.Now()
	var lockedTill time.Time
	var failed []string
	for _, s := range cands {
		acc, err := o.account(ctx, s.ID)
		if err != nil {
			return Staff{}, err
		}
		if acc.LockedUntil.After(now) {
			if acc.LockedUntil.After(lockedTill) {
				lockedTill = acc.LockedUntil
			}
			continue
		}
		if acc.PasswordHash == "" {
			people.PasswordMatches("", password)
			continue
		}
		if !people.PasswordMatches(acc.PasswordHash, password) {
			failed = append(failed, s.ID)
			continue
		}
		if acc.Failed > 0 || !acc.LockedUntil.IsZero() {
			if err := o.st.Tx(ctx, func(tx *store.Tx) error {
				return tx.SaveAccount(store.Account{StaffID: s.ID, PasswordHash: acc.PasswordHash}, now)
			}); err != nil {
				return Staff{}, err
			}
		}
		if !s.Working(now) {
			return Staff{}, fmt.Errorf("%s đã thôi công tác từ ngày %s nên tài khoản không còn dùng được; nếu vẫn công tác, hãy nhờ người quản trị sửa danh sách cán bộ", s.Name, s.End.Format("02/01/2006"))
		}
		o.setWho(&s)
		return s, nil
	}
	if len(failed) > 0 {
		if err := o.countFailures(ctx, failed, now); err != nil {
			return Staff{}, err
		}
	}
	if !lockedTill.IsZero() && len(failed) == 0 {
		return Staff{}, fmt.Errorf("tài khoản này đang tạm khóa đến %s vì nhập sai mật khẩu %d lần liên tiếp; hãy thử lại sau, hoặc nhờ người quản trị đặt lại mật khẩu",
			lockedTill.In(now.Location()).Format("15:04 02/01/2006"), people.MaxFailures)
	}
	return Staff{}, errBadLogin
}

// account reads a staff member's login state without taking the write lock.
func (o *Office) account(ctx context.Context, id string) (store.Account, error) {
	return o.st.AccountOf(ctx, id)
}

// countFailures adds one wrong password to each account and locks those
// that reached the limit, with an audit line for each lock.
func (o *Office) countFailures(ctx context.Context, ids []string, now time.Time) error {
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			acc, err := tx.Account(id)
			if err != nil {
				return err
			}
			acc.Failed++
			if acc.Failed >= people.MaxFailures {
				acc.Failed, acc.LockedUntil = 0, now.Add(people.LockFor)
				if err := tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "lock_account", Entity: "staff", EntityID: id,
					After: "khóa đến " + acc.LockedUntil.Format("15:04 02/01/2006") + " sau " + strconv.Itoa(people.MaxFailures) + " lần sai mật khẩu"}); err != nil {
					return err
				}
			}
			if err := tx.SaveAccount(acc, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetPassword sets a staff member's password (and unlocks the account).
// With accounts on, an administrator sets anyone's and everyone else only
// their own. The first password of a register must be an administrator's,
// so that someone can still administer once logins are required.
func (o *Office) SetPassword(ctx context.Context, staffRef, password string) (Staff, error) {
	s, err := o.FindStaff(ctx, staffRef)
	if err != nil {
		return Staff{}, err
	}
	if me, ok := o.Who(); !ok || me.ID != s.ID {
		if err := o.can(ctx, people.ActStaff); err != nil {
			return Staff{}, err
		}
	}
	if !s.Working(o.Now()) {
		return Staff{}, fmt.Errorf("%s đã thôi công tác; không đặt mật khẩu cho người đã thôi công tác", s.Name)
	}
	if err := people.CheckNewPassword(password); err != nil {
		return Staff{}, err
	}
	n, err := o.st.PasswordsSet(ctx)
	if err != nil {
		return Staff{}, err
	}
	if n == 0 && s.Role != people.RoleAdmin {
		return Staff{}, fmt.Errorf("mật khẩu đầu tiên của sổ phải đặt cho người quản trị (%s là %s): khi đã có mật khẩu, mọi việc đều cần đăng nhập, nên phải có người quản trị đăng nhập được để đặt mật khẩu cho người khác", s.Name, s.Role.Vietnamese())
	}
	hash, err := people.HashPassword(password, rand.Reader)
	if err != nil {
		return Staff{}, err
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SaveAccount(store.Account{StaffID: s.ID, PasswordHash: hash}, o.Now()); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "set_password", Entity: "staff", EntityID: s.ID, After: "đặt mật khẩu mới cho " + s.Name})
	})
	return s, err
}
