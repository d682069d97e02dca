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

// The signing key's passphrase and a staff password are asked the same
// way: a line of the command's input, asked again to confirm, one reader
// for all the questions of a command (a second reader would lose what the
// first had buffered).
func TestPassphraseIsAskedOnTheCommandsInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	ask := func(input string, args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		e := &Env{Stdout: &out, Stderr: &errb, Now: func() time.Time { return monday }, ctx: t.Context(), Stdin: strings.NewReader(input)}
		dsn := storetest.DSN(t, db)
		withProfile(t, dsn)
		code := e.run(append([]string{"--db", dsn}, args...))
		return out.String(), errb.String(), code
	}
	// Set but empty would count as given: unset it, as on a clerk's PC.
	t.Setenv("MOTCUA_PASSPHRASE", "")
	os.Unsetenv("MOTCUA_PASSPHRASE")
	if _, errs, code := ask("mật khẩu dài\nmật khẩu khác\n", "keys", "init"); code != 1 || !strings.Contains(errs, "không giống nhau") {
		t.Fatalf("two different answers: exit %d, %s", code, errs)
	}
	out, errs, code := ask("mật khẩu dài\nmật khẩu dài\n", "keys", "init")
	if code != 0 || !strings.Contains(out, "Đã tạo khóa ký") || !strings.Contains(errs, "Nhập lại mật khẩu: ") {
		t.Fatalf("keys init from input: exit %d\n%s\n%s", code, out, errs)
	}
	if _, errs, code := ask("", "export", "--period", "2026-11", "-o", filepath.Join(t.TempDir(), "g.zip")); code != 1 || !strings.Contains(errs, "Chưa nhập mật khẩu của khóa ký") {
		t.Fatalf("no answer: exit %d, %s", code, errs)
	}
}

// Every line of the command table has its own name, a summary, a run
// function, and is a command for main (which opens the window otherwise).
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands {
		if seen[c.name] {
			t.Errorf("%s stands twice in the table: the second is never run", c.name)
		}
		seen[c.name] = true
		if c.summary == "" || c.run == nil || !IsCommand(c.name) {
			t.Errorf("%s: summary %q, run %v, IsCommand %v", c.name, c.summary, c.run != nil, IsCommand(c.name))
		}
	}
	if IsCommand("nosuch") || !IsCommand("help") {
		t.Error("IsCommand")
	}
}
