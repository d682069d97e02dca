package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/store/storetest"
)

// runAs runs a command line with stdin (passwords typed at the prompt).
func runAs(t *testing.T, db string, now time.Time, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errb, Now: func() time.Time { return now }, ctx: t.Context(), Stdin: strings.NewReader(stdin)}
	code = e.run(append([]string{"--db", storetest.DSN(t, db)}, args...))
	return out.String(), errb.String(), code
}

// as runs a command as a staff member, the password in MOTCUA_PASSWORD.
func as(t *testing.T, db, user, password string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("MOTCUA_PASSWORD", password)
	defer os.Unsetenv("MOTCUA_PASSWORD")
	return runAs(t, db, monday, "", append([]string{"--user", user}, args...)...)
}

func mustRun(t *testing.T, what string) func(out, errs string, code int) string {
	return func(out, errs string, code int) string {
		t.Helper()
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", what, code, errs)
		}
		return out
	}
}

func refused(t *testing.T, what string, errs string, code int, want string) {
	t.Helper()
	if code != ExitError || !strings.Contains(errs, want) {
		t.Fatalf("%s: want exit 1 naming %q, got %d: %s", what, want, code, errs)
	}
}

const (
	admin = "Đỗ Văn Quản"
	chair = "Lê Văn Tuấn"
	clerk = "Nguyễn Thị Lan"
)

func accountsRegister(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "t.db")
	for _, s := range [][2]string{{admin, "admin"}, {chair, "chair"}, {clerk, "counter"}} {
		mustRun(t, "add "+s[0])(run(t, db, monday, "staff", "add", "--name", s[0], "--role", s[1], "--start", "2025-01-02"))
	}
	mustRun(t, "settings")(run(t, db, monday, "settings", "commune=Ủy ban nhân dân xã Đông Văn"))
	// The first password, typed twice at the prompt.
	out := mustRun(t, "first password")(runAs(t, db, monday, "quản trị 2026\nquản trị 2026\n", "staff", "passwd", admin))
	if !strings.Contains(out, "Đã đặt mật khẩu mới cho Đỗ Văn Quản") {
		t.Fatalf("passwd: %s", out)
	}
	// The administrator logs in (password typed) and sets the others'.
	mustRun(t, "chair password")(runAs(t, db, monday, "quản trị 2026\nchủ tịch 2026\nchủ tịch 2026\n", "--user", admin, "staff", "passwd", chair))
	t.Setenv("MOTCUA_NEW_PASSWORD", "một cửa 2026")
	mustRun(t, "clerk password")(as(t, db, admin, "quản trị 2026", "staff", "passwd", clerk))
	os.Unsetenv("MOTCUA_NEW_PASSWORD")
	return db
}

func TestCommandLineRunsAsANamedUser(t *testing.T) {
	db := accountsRegister(t)
	count := func() int {
		out, _, _ := run(t, db, monday, "search", "", "--json")
		return strings.Count(out, `"code"`)
	}

	// Nobody logged in: changes are refused, reading works.
	_, errs, code := run(t, db, monday, "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo")
	refused(t, "receive without --user", errs, code, "đăng nhập")
	if n := count(); n != 0 {
		t.Fatalf("refused receive saved %d", n)
	}
	// A wrong password and an unknown name get the same answer.
	_, e1, c1 := as(t, db, clerk, "sai mật khẩu", "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo")
	_, e2, c2 := as(t, db, "Không Có Ai", "một cửa 2026", "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo")
	if c1 != 1 || e1 != e2 || !strings.Contains(e1, "Họ tên hoặc mật khẩu không đúng") {
		t.Fatalf("wrong password %d %q, wrong name %d %q", c1, e1, c2, e2)
	}

	// The clerk receives and drafts; print letter only drafts.
	mustRun(t, "clerk receives")(as(t, db, clerk, "một cửa 2026", "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo"))
	pdf := filepath.Join(t.TempDir(), "thu.pdf")
	out := mustRun(t, "clerk prints a letter")(as(t, db, clerk, "một cửa 2026", "print", "letter", "--kind", "thanks", "--to", "Bà Hà Thị Ý", "--field", "noi_dung=giúp đỡ", "-o", pdf))
	if !strings.Contains(out, "Đã soạn thư gửi") || !strings.Contains(out, "chờ Chủ tịch") {
		t.Fatalf("clerk print letter: %s", out)
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Fatal("a clerk's letter was printed (issued)")
	}
	_, errs, code = as(t, db, clerk, "một cửa 2026", "print", "letters", "-o", pdf)
	refused(t, "clerk issues", errs, code, "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã được phát hành thư")
	if _, err := os.Stat(pdf); err == nil {
		t.Fatal("refused issue wrote a PDF")
	}
	// The issuing body is the profile's.
	_, errs, code = as(t, db, chair, "chủ tịch 2026", "print", "letter", "--kind", "thanks", "--to", "Ông Lò Văn Pọm", "--field", "noi_dung=giúp đỡ", "--field", "co_quan=Ủy ban nhân dân tỉnh Hà Giang", "-o", pdf)
	refused(t, "co_quan field", errs, code, "co_quan")
	// The chair issues the clerk's draft.
	out = mustRun(t, "chair issues")(as(t, db, chair, "chủ tịch 2026", "print", "letters", "-o", pdf))
	if !strings.Contains(out, "Đã cấp số và in 1 thư") {
		t.Fatalf("chair: %s", out)
	}
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("chair's PDF: %v", err)
	}

	// Administration is the administrator's.
	_, errs, code = as(t, db, chair, "chủ tịch 2026", "settings", "commune=Ủy ban nhân dân xã Khác")
	refused(t, "chair settings", errs, code, "Chỉ người quản trị được thay đổi cài đặt")
	if out, _, _ := run(t, db, monday, "settings"); !strings.Contains(out, "Ủy ban nhân dân xã Đông Văn") {
		t.Fatalf("refused setting changed: %s", out)
	}
	_, errs, code = as(t, db, clerk, "một cửa 2026", "staff", "add", "--name", "Người Lạ", "--role", "admin")
	refused(t, "clerk adds staff", errs, code, "Chỉ người quản trị")
	t.Setenv("MOTCUA_NEW_PASSWORD", "đổi mật khẩu 1")
	_, errs, code = as(t, db, clerk, "một cửa 2026", "staff", "passwd", chair)
	refused(t, "clerk sets the chair's password", errs, code, "mật khẩu của người khác")
	mustRun(t, "own password")(as(t, db, clerk, "một cửa 2026", "staff", "passwd", clerk))
	os.Unsetenv("MOTCUA_NEW_PASSWORD")

	// Back-dating to an earlier day: the administrator only.
	_, errs, code = as(t, db, clerk, "đổi mật khẩu 1", "receive", "--procedure", "khai-sinh", "--applicant", "Lò Văn Pọm", "--at", "2026-11-20 08:00")
	refused(t, "clerk back-dates", errs, code, "ghi lùi ngày")
	out = mustRun(t, "admin back-dates")(as(t, db, admin, "quản trị 2026", "receive", "--procedure", "khai-sinh", "--applicant", "Lò Văn Pọm", "--at", "2026-11-20 08:00"))
	if !strings.Contains(out, "[ghi lùi ngày]") {
		t.Fatalf("back-dated receive not marked: %s", out)
	}
	if n := count(); n != 2 {
		t.Fatalf("dossiers: %d", n)
	}

	// whoami says who and what.
	out = mustRun(t, "whoami")(as(t, db, chair, "chủ tịch 2026", "whoami"))
	if !strings.Contains(out, "Lê Văn Tuấn (Chủ tịch)") || !strings.Contains(out, "phát hành thư") || strings.Contains(out, "cài đặt") {
		t.Fatalf("whoami: %s", out)
	}

	// Restore: the administrator's (a server is restored with its own
	// tools, not with motcua restore).
	if storetest.Engine() == "sqlite" {
		bak := filepath.Join(t.TempDir(), "bak.db")
		mustRun(t, "backup")(run(t, db, monday, "backup", "-o", bak))
		_, errs, code = as(t, db, clerk, "đổi mật khẩu 1", "restore", bak, "--yes")
		refused(t, "clerk restores", errs, code, "khôi phục sổ")
		mustRun(t, "admin restores")(as(t, db, admin, "quản trị 2026", "restore", bak, "--yes"))
	}

	// Five wrong passwords lock the account for 15 minutes.
	for i := 0; i < 5; i++ {
		as(t, db, clerk, "sai", "whoami")
	}
	_, errs, code = as(t, db, clerk, "đổi mật khẩu 1", "whoami")
	refused(t, "locked", errs, code, "tạm khóa")

	// A one-person office chooses no passwords.
	mustRun(t, "passwords off")(as(t, db, admin, "quản trị 2026", "staff", "passwords", "off"))
	mustRun(t, "receive without login")(run(t, db, monday, "receive", "--procedure", "khai-sinh", "--applicant", "Hà Thị Ý"))
	out = mustRun(t, "whoami off")(run(t, db, monday, "whoami", "--json"))
	if !strings.Contains(out, `"accounts": false`) {
		t.Fatalf("whoami: %s", out)
	}
}
