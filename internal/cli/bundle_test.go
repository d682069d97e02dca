package cli

import (
	"motcua/internal/store/storetest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func TestBundleCommands(t *testing.T) {
	dir := t.TempDir()
	commune, upper := filepath.Join(dir, "xa.db"), filepath.Join(dir, "tinh.db")
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, calendar.Zone)
	passFile := filepath.Join(dir, "pass.txt")
	os.WriteFile(passFile, []byte("mật khẩu xã Đông Văn\n"), 0o600)

	if _, errs, code := run(t, commune, now, "settings", "agency_code=000.17.22.H56", "commune=Ủy ban nhân dân xã Đông Văn"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, commune, now, "receive", "--procedure", "xac-nhan-hon-nhan", "--applicant", "Đỗ Đức Đạt", "--at", "2026-11-23 08:30"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, commune, now, "export", "--period", "2026-11", "-o", filepath.Join(dir, "a.zip"), "--passphrase-file", passFile); code != 1 || !strings.Contains(errs, "keys init") {
		t.Fatalf("export without a key: %d %s", code, errs)
	}
	out, errs, code := run(t, commune, now, "keys", "init", "--passphrase-file", passFile, "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var key struct {
		Fingerprint string
		PublicKey   string `json:"public_key"`
	}
	mustJSON(t, out, &key)
	var shown struct{ Fingerprint string }
	out, _, _ = run(t, commune, now, "keys", "show", "--json")
	mustJSON(t, out, &shown)
	if key.Fingerprint == "" || shown.Fingerprint != key.Fingerprint {
		t.Fatalf("keys show %q, init %q", shown.Fingerprint, key.Fingerprint)
	}

	t.Setenv("MOTCUA_PASSPHRASE", "mật khẩu xã Đông Văn")
	zip := filepath.Join(dir, "nov.zip")
	out, errs, code = run(t, commune, now, "export", "--period", "2026-11", "-o", zip, "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var exp struct {
		Sequence int64
		Files    []struct {
			Name    string
			Records int
		}
	}
	mustJSON(t, out, &exp)
	dossiers := 0
	for _, f := range exp.Files {
		if f.Name == "dossiers.jsonl" {
			dossiers = f.Records
		}
	}
	if exp.Sequence != 1 || dossiers != 1 {
		t.Fatalf("export %+v", exp)
	}
	usb := filepath.Join(dir, "usb")
	os.Mkdir(usb, 0o755)
	if _, errs, code = run(t, commune, now, "export", "--period", "2026-11", "-o", usb); code != 0 {
		t.Fatal(errs)
	}
	if _, err := os.Stat(filepath.Join(usb, "motcua-000.17.22.H56-2026-11-01_2026-11-30.zip")); err != nil {
		t.Fatalf("export into a folder: %v", err)
	}

	if out, errs, code = run(t, upper, now, "verify", zip, "--key", key.PublicKey); code != 0 || !strings.Contains(out, "HỢP LỆ") {
		t.Fatalf("verify with the key: %d %s %s", code, out, errs)
	}
	b, _ := os.ReadFile(zip)
	bad := filepath.Join(dir, "cut.zip")
	os.WriteFile(bad, b[:len(b)-30], 0o644)
	if _, errs, code = run(t, upper, now, "verify", bad, "--key", key.PublicKey); code != 1 || !strings.Contains(errs, "cắt cụt") {
		t.Fatalf("verify of a cut bundle: %d %s", code, errs)
	}
	out, _, code = run(t, upper, now, "verify", bad, "--key", key.PublicKey, "--json")
	var refused struct {
		Valid bool
		Kind  string
	}
	mustJSON(t, out, &refused)
	if code != 1 || refused.Valid || refused.Kind != "corrupt" {
		t.Fatalf("verify --json of a cut bundle: %d %s", code, out)
	}
	if _, errs, code = run(t, upper, now, "verify", zip); code != 1 || !strings.Contains(errs, key.Fingerprint) {
		t.Fatalf("verify against an upper level that does not know the commune: %d %s", code, errs)
	}

	if _, errs, code = run(t, upper, now, "import", zip); code != 1 || !strings.Contains(errs, "--trust "+key.Fingerprint) {
		t.Fatalf("import without trust: %d %s", code, errs)
	}
	if out, errs, code = run(t, upper, now, "import", zip, "--trust", strings.ToLower(key.Fingerprint)); code != 0 || !strings.Contains(out, "Đã đăng ký") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	if out, _, code = run(t, upper, now, "import", zip); code != 0 || !strings.Contains(out, "đã nhập trước đây") {
		t.Fatalf("import again: %d %s", code, out)
	}
	if out, errs, code = run(t, upper, now, "verify", zip, "--keyring", storetest.DSN(t, upper)); code != 0 {
		t.Fatalf("verify with the keyring: %s %s", out, errs)
	}
	out, errs, code = run(t, upper, now, "communes", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var cs struct {
		PeriodFrom string `json:"period_from"`
		Communes   []struct {
			Agency  string `json:"agency_code"`
			Sent    bool
			Figures struct{ Received int }
		}
		NotSent []string `json:"not_sent"`
	}
	mustJSON(t, out, &cs)
	if cs.PeriodFrom != "2026-11-01" || len(cs.Communes) != 1 || !cs.Communes[0].Sent || cs.Communes[0].Figures.Received != 1 || len(cs.NotSent) != 0 {
		t.Fatalf("communes %s", out)
	}
	if out, _, _ = run(t, upper, now, "communes", "--period", "2026-10"); !strings.Contains(out, "Chưa gửi đủ kỳ: 000.17.22.H56") {
		t.Fatalf("October not flagged as missing:\n%s", out)
	}

	// Rotation: the old passphrase opens the old key, the new one seals the
	// new key; the next bundle imports and registers it.
	t.Setenv("MOTCUA_NEW_PASSPHRASE", "mật khẩu mới của xã")
	out, errs, code = run(t, commune, now, "keys", "rotate", "--json")
	if code != 0 || strings.Contains(out, key.Fingerprint) {
		t.Fatalf("rotate: %d %s %s", code, out, errs)
	}
	t.Setenv("MOTCUA_PASSPHRASE", "mật khẩu xã Đông Văn")
	if _, errs, code = run(t, commune, now, "export", "--period", "2026-11", "-o", filepath.Join(dir, "old-pass.zip")); code != 1 || !strings.Contains(errs, "Sai mật khẩu") {
		t.Fatalf("export with the old passphrase after rotation: %d %s", code, errs)
	}
	t.Setenv("MOTCUA_PASSPHRASE", "mật khẩu mới của xã")
	dec := filepath.Join(dir, "dec.zip")
	if _, errs, code = run(t, commune, now, "export", "--from", "2026-12-01", "--to", "2026-12-31", "-o", dec); code != 0 {
		t.Fatal(errs)
	}
	if out, errs, code = run(t, upper, now, "import", dec); code != 0 || !strings.Contains(out, "chuyển sang khóa mới") {
		t.Fatalf("import after rotation: %d %s %s", code, out, errs)
	}
}
