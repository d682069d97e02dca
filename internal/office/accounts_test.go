package office

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/letters"
	"motcua/internal/people"
	"motcua/internal/register"
)

// staffOffice is a register with one member of each role; the
// administrator has a password, so the office runs with accounts.
type staffOffice struct {
	o                               *Office
	clock                           *time.Time
	admin, chair, vice, clerk, spec Staff
}

const pw = "mật khẩu 2026"

func newStaffOffice(t *testing.T) staffOffice {
	t.Helper()
	o, clock := openClock(t, filepath.Join(t.TempDir(), "a.db"), "2026-11-23 09:00")
	ctx := context.Background()
	so := staffOffice{o: o, clock: clock,
		admin: addStaff(t, o, "Đỗ Văn Quản", people.RoleAdmin),
		chair: addStaff(t, o, "Lê Văn Tuấn", people.RoleChair),
		vice:  addStaff(t, o, "Phạm Thị Hòa", people.RoleViceChair),
		clerk: addStaff(t, o, "Nguyễn Thị Lan", people.RoleCounter),
		spec:  addStaff(t, o, "Vũ Văn Chuyên", people.RoleSpecialist),
	}
	// The first password must be an administrator's.
	if _, err := o.SetPassword(ctx, so.clerk.Name, pw); err == nil || !strings.Contains(err.Error(), "người quản trị") {
		t.Fatalf("first password for a clerk: %v", err)
	}
	if on, _ := o.AccountsOn(ctx); on {
		t.Fatal("accounts on before any password")
	}
	if _, err := o.SetPassword(ctx, so.admin.ID, pw+" admin"); err != nil {
		t.Fatal(err)
	}
	if on, _ := o.AccountsOn(ctx); !on {
		t.Fatal("accounts off after the first password")
	}
	// From now on, the administrator sets the others' passwords.
	_, err := o.SetPassword(ctx, so.chair.ID, pw+" chair")
	denied(t, "password without login", err, "quản trị")
	so.login(t, so.admin)
	for _, s := range []Staff{so.chair, so.vice, so.clerk, so.spec} {
		if _, err := o.SetPassword(ctx, s.ID, pw+" "+string(s.Role)); err != nil {
			t.Fatalf("password of %s: %v", s.Name, err)
		}
	}
	o.Logout()
	return so
}

func (so staffOffice) login(t *testing.T, s Staff) {
	t.Helper()
	if _, err := so.o.Login(context.Background(), s.Name, pw+" "+string(s.Role)); err != nil {
		t.Fatalf("login %s: %v", s.Name, err)
	}
}

func denied(t *testing.T, what string, err error, want string) {
	t.Helper()
	if err == nil || !errors.Is(err, ErrNotAllowed) || !strings.Contains(err.Error(), want) {
		t.Fatalf("%s: want a refusal naming %q, got %v", what, want, err)
	}
}

func TestWithoutPasswordsEverythingIsAllowedAndTheActorIsJustAName(t *testing.T) {
	t.Setenv("MOTCUA_USER", "Chủ tịch")
	path := filepath.Join(t.TempDir(), "p.db")
	o, err := Open(path, Options{Now: func() time.Time { return vn("2026-11-23 09:00") }})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	ctx := context.Background()
	if err := o.FillDemoProfile(ctx); err != nil { // nothing is issued under placeholders
		t.Fatal(err)
	}
	if on, _ := o.AccountsOn(ctx); on {
		t.Fatal("a new register needs passwords")
	}
	if _, ok := o.Who(); ok {
		t.Fatal("MOTCUA_USER logged someone in")
	}
	d := receive(t, o, "khai-sinh", "Giàng A Páo")
	l, err := o.PrintLetterTo(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Bà Hà Thị Ý", Fields: map[string]string{"noi_dung": "giúp đỡ"}}, nil)
	if err != nil || l.Number != 1 {
		t.Fatalf("draft and issue without accounts: %+v %v", l, err)
	}
	if _, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", At: vn("2026-11-20 08:00"), Applicant: register.Applicant{Name: "Lò Văn Pọm"}}); err != nil {
		t.Fatalf("back-dated without accounts: %v", err)
	}
	// The name is only a name: it is what the audit records, nothing more.
	if o.Actor() != "Chủ tịch" || !o.May(ctx, people.ActIssueLetter) {
		t.Fatalf("actor %q", o.Actor())
	}
	_ = d
}

func TestRefusalsNameWhoMayAndChangeNothing(t *testing.T) {
	so := newStaffOffice(t)
	o, ctx := so.o, context.Background()

	// Nobody logged in: even receiving is refused, and nothing is saved.
	_, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Giàng A Páo"}})
	denied(t, "receive without login", err, "hãy đăng nhập")
	if n, _ := o.Count(ctx, Filter{}); n != 0 {
		t.Fatalf("refused receive saved %d dossiers", n)
	}

	so.login(t, so.clerk)
	if who, _ := o.Who(); who.ID != so.clerk.ID || o.Actor() != "Nguyễn Thị Lan (mã "+so.clerk.ID+")" {
		t.Fatalf("who %+v actor %q", who, o.Actor())
	}
	d := receive(t, o, "khai-sinh", "Giàng A Páo")
	if _, err := o.Forward(ctx, d.Code, "Tư pháp - Hộ tịch", time.Time{}); err != nil {
		t.Fatal(err)
	}
	// Forms print the plain name (the receipt is signed by it); the audit
	// adds the id.
	if d.ReceivedBy != "Nguyễn Thị Lan" || d.Events[0].Actor != "Nguyễn Thị Lan" {
		t.Fatalf("receiving officer %q, event actor %q", d.ReceivedBy, d.Events[0].Actor)
	}
	// The clerk drafts; issuing is the signer's.
	l, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Bà Hà Thị Ý", Fields: map[string]string{"noi_dung": "giúp đỡ"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = o.IssueLetters(ctx, []string{l.ID})
	denied(t, "clerk issues", err, "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã được phát hành thư")
	_, err = o.PrintLetterTo(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Ông Lò Văn Pọm", Fields: map[string]string{"noi_dung": "giúp đỡ"}}, nil)
	denied(t, "clerk drafts and issues in one step", err, "phát hành thư")
	if ls, _ := o.Letters(ctx, "", time.Time{}); len(ls) != 1 || ls[0].Status != LetterDraft {
		t.Fatalf("refusals changed the letters: %+v", ls)
	}
	// Administration is refused, and leaves everything as it was.
	before := o.Profile()
	denied(t, "clerk settings", o.SetSettings(ctx, map[string]string{"commune": "Ủy ban nhân dân xã Khác"}), "quản trị")
	if o.Profile() != before {
		t.Fatal("refused settings changed the profile")
	}
	ps, _ := o.Procedures(ctx)
	p := ps[0]
	p.Name = "Thủ tục giả"
	_, err = o.SaveProcedure(ctx, p)
	denied(t, "clerk procedure", err, "thủ tục hành chính")
	if got, _ := o.Procedures(ctx); got[0].Name == "Thủ tục giả" || got[0].Version != ps[0].Version {
		t.Fatal("refused procedure saved")
	}
	denied(t, "clerk template", o.SetLetterTemplate(ctx, letters.Thanks, "Kính gửi {{nguoi_nhan}}"), "mẫu thư")
	_, err = o.AddStaff(ctx, Staff{Name: "Người Lạ", Role: people.RoleAdmin, Start: vn("2026-01-01 00:00")})
	denied(t, "clerk adds an administrator", err, "danh sách cán bộ")
	if all, _ := o.StaffList(ctx, true); len(all) != 5 {
		t.Fatalf("refused staff saved: %d", len(all))
	}
	_, err = o.SetPassword(ctx, so.chair.Name, "mật khẩu mới 1")
	denied(t, "clerk sets the chair's password", err, "mật khẩu")
	if _, err := o.SetPassword(ctx, so.clerk.Name, "mật khẩu mới của Lan"); err != nil {
		t.Fatalf("own password: %v", err)
	}
	sched, _ := o.Calendar().Schedule(2026)
	_, err = o.ImportSchedule(ctx, sched, true)
	denied(t, "clerk schedule", err, "lịch nghỉ")
	_, err = o.KeysInit(ctx, KeyRequest{})
	denied(t, "clerk signing key", err, "khóa ký")

	// Back-dating: earlier today is fine (and marked), an earlier day is
	// the administrator's.
	d2, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", At: vn("2026-11-23 07:40"), Applicant: register.Applicant{Name: "Lò Thị Mai"}})
	if err != nil || !d2.Events[0].Backdated {
		t.Fatalf("same-day back-dating: %v", err)
	}
	_, err = o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", At: vn("2026-11-20 08:00"), Applicant: register.Applicant{Name: "Lò Văn Pọm"}})
	denied(t, "clerk back-dates a receive", err, "ghi lùi ngày")
	_, err = o.Return(ctx, d.Code, vn("2026-11-22 10:00"))
	denied(t, "clerk back-dates a step", err, "ghi lùi ngày")
	if n, _ := o.Count(ctx, Filter{}); n != 2 {
		t.Fatalf("dossiers: %d", n)
	}
	if got, _ := o.Show(ctx, d.Code); got.State == register.Returned {
		t.Fatal("refused return saved")
	}

	// The chair issues.
	so.login(t, so.chair)
	if out, err := o.IssueLetters(ctx, []string{l.ID}); err != nil || out[0].Number != 1 {
		t.Fatalf("chair issues: %v", err)
	}
	denied(t, "chair settings", o.SetSettings(ctx, map[string]string{"phone": "0912345678"}), "quản trị")
	so.login(t, so.vice)
	if _, err := o.PrintLetterTo(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Ông Lò Văn Pọm", Fields: map[string]string{"noi_dung": "giúp đỡ"}}, nil); err != nil {
		t.Fatalf("vice-chair prints: %v", err)
	}

	// The administrator back-dates and administers, but does not issue.
	so.login(t, so.admin)
	if _, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", At: vn("2026-11-20 08:00"), Applicant: register.Applicant{Name: "Lò Văn Pọm"}}); err != nil {
		t.Fatalf("admin back-dates: %v", err)
	}
	if err := o.SetSettings(ctx, map[string]string{"phone": "0912345678"}); err != nil {
		t.Fatal(err)
	}
	_, err = o.PrintLetterTo(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Ông Lò Văn Pọm", Fields: map[string]string{"noi_dung": "giúp đỡ"}}, nil)
	denied(t, "admin issues", err, "phát hành thư")

	// The audit names who did it, with the id.
	trail, err := o.Store().AuditOf(ctx, "dossier", d.ID)
	if err != nil || len(trail) < 2 || trail[0].Actor != "Nguyễn Thị Lan (mã "+so.clerk.ID+")" {
		t.Fatalf("audit actor: %+v %v", trail, err)
	}

	// Logged out, changes are refused again.
	o.Logout()
	_, err = o.Forward(ctx, d.Code, "Văn phòng", time.Time{})
	denied(t, "after logout", err, "đăng nhập")
}

func TestLoginDoesNotTellNameFromPasswordAndLocksAfterFailures(t *testing.T) {
	so := newStaffOffice(t)
	o, ctx := so.o, context.Background()
	_, errName := o.Login(ctx, "Không Có Ai", pw)
	_, errPass := o.Login(ctx, so.clerk.Name, "sai mật khẩu")
	if errName == nil || errPass == nil || errName.Error() != errPass.Error() {
		t.Fatalf("wrong name %v, wrong password %v", errName, errPass)
	}
	if _, ok := o.Who(); ok {
		t.Fatal("logged in after a failure")
	}
	// Accents are optional in the name; the id works too.
	if _, err := o.Login(ctx, "nguyen thi lan", pw+" counter"); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Login(ctx, so.chair.ID, pw+" chair"); err != nil {
		t.Fatal(err)
	}
	o.Logout()
	// A success resets the count: four more failures do not lock.
	for i := 0; i < people.MaxFailures-1; i++ {
		if _, err := o.Login(ctx, so.clerk.Name, "sai"); err == nil {
			t.Fatal("wrong password accepted")
		}
	}
	if _, err := o.Login(ctx, so.clerk.Name, pw+" counter"); err != nil {
		t.Fatalf("locked too early: %v", err)
	}
	o.Logout()
	for i := 0; i < people.MaxFailures; i++ {
		o.Login(ctx, so.clerk.Name, "sai")
	}
	_, err := o.Login(ctx, so.clerk.Name, pw+" counter")
	if err == nil || !strings.Contains(err.Error(), "tạm khóa đến 09:15") {
		t.Fatalf("not locked: %v", err)
	}
	trail, _ := o.Store().AuditOf(ctx, "staff", so.clerk.ID)
	if last := trail[len(trail)-1]; last.Action != "lock_account" {
		t.Fatalf("lock not audited: %+v", last)
	}
	// Others are not locked out by it.
	if _, err := o.Login(ctx, so.chair.Name, pw+" chair"); err != nil {
		t.Fatal(err)
	}
	o.Logout()
	*so.clock = so.clock.Add(people.LockFor + time.Minute)
	if _, err := o.Login(ctx, so.clerk.Name, pw+" counter"); err != nil {
		t.Fatalf("still locked after %v: %v", people.LockFor, err)
	}
	// A member who left cannot log in.
	o.Logout()
	so.login(t, so.admin)
	if _, err := o.EndStaff(ctx, so.spec.ID, vn("2026-11-20 00:00")); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Login(ctx, so.spec.Name, pw+" specialist"); err == nil || !strings.Contains(err.Error(), "thôi công tác") {
		t.Fatalf("left member logs in: %v", err)
	}
	acc, _ := o.Store().AccountOf(ctx, so.clerk.ID)
	if !strings.HasPrefix(acc.PasswordHash, "$argon2id$") || strings.Contains(acc.PasswordHash, "counter") {
		t.Fatalf("stored hash %q", acc.PasswordHash)
	}
}

func TestOnePersonOfficeRunsWithoutPasswords(t *testing.T) {
	so := newStaffOffice(t)
	o, ctx := so.o, context.Background()
	denied(t, "passwords off without login", o.SetPasswordsOff(ctx, true), "cài đặt")
	so.login(t, so.admin)
	if err := o.SetPasswordsOff(ctx, true); err != nil {
		t.Fatal(err)
	}
	o.Logout()
	if on, _ := o.AccountsOn(ctx); on {
		t.Fatal("still on")
	}
	receive(t, o, "khai-sinh", "Giàng A Páo")
	if err := o.SetPasswordsOff(ctx, false); err != nil {
		t.Fatal(err)
	}
	_, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Giàng A Páo"}})
	denied(t, "back on", err, "đăng nhập")
}

func TestTheIssuingBodyComesFromTheProfile(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "c.db"), "2026-11-23 09:00")
	ctx := context.Background()
	if err := o.SetSettings(ctx, map[string]string{"commune": "Ủy ban nhân dân xã Đông Văn"}); err != nil {
		t.Fatal(err)
	}
	in := LetterInput{Kind: letters.Thanks, Recipient: "Bà Hà Thị Ý", Fields: map[string]string{"noi_dung": "giúp đỡ", "co_quan": "Ủy ban nhân dân tỉnh Hà Giang"}}
	_, err := o.PrintLetterTo(ctx, in, nil)
	if err == nil || !strings.Contains(err.Error(), "co_quan") || !strings.Contains(err.Error(), "Cài đặt") {
		t.Fatalf("issuing body changed by a field: %v", err)
	}
	if _, err := o.DraftLetter(ctx, in); err == nil {
		t.Fatal("draft with another issuing body")
	}
	if ls, _ := o.Letters(ctx, "", time.Time{}); len(ls) != 0 {
		t.Fatalf("refused letters saved: %d", len(ls))
	}
	in.Fields["co_quan"] = "Ủy ban nhân dân xã Đông Văn"
	l, err := o.DraftLetter(ctx, in)
	if err != nil || l.Fields["co_quan"] != "Ủy ban nhân dân xã Đông Văn" {
		t.Fatalf("the profile's own value: %v", err)
	}
	_, err = o.UpdateDraft(ctx, l.ID, "", "", map[string]string{"co_quan": "UBND huyện"})
	if err == nil {
		t.Fatal("update changed the issuing body")
	}
}

func TestOpenAsAUser(t *testing.T) {
	so := newStaffOffice(t)
	path := so.o.Path()
	so.o.Close()
	now := func() time.Time { return vn("2026-11-23 10:00") }
	if _, err := Open(path, Options{Now: now, User: "Lê Văn Tuấn", Password: "sai"}); err == nil || !strings.Contains(err.Error(), "không đúng") {
		t.Fatalf("open with a wrong password: %v", err)
	}
	o, err := Open(path, Options{Now: now, User: "le van tuan", Password: pw + " chair"})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if who, ok := o.Who(); !ok || who.Role != people.RoleChair || !o.May(context.Background(), people.ActIssueLetter) {
		t.Fatalf("who %+v", who)
	}
	// Without accounts a register member's name needs no password, and any
	// other name is just the actor's name.
	p := filepath.Join(t.TempDir(), "n.db")
	o2, err := Open(p, Options{Now: now, User: "Cán Bộ Bất Kỳ"})
	if err != nil {
		t.Fatal(err)
	}
	defer o2.Close()
	if _, ok := o2.Who(); ok || o2.Actor() != "Cán Bộ Bất Kỳ" {
		t.Fatalf("actor %q", o2.Actor())
	}
}
