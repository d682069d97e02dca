package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/store/storetest"
)

// The command line issues nothing under the placeholders of a new
// register: receive names what is missing, seed says to use
// --demo-profile, and with it the demo commune's codes are issued.
func TestNothingIssuedUnderPlaceholders(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	db := storetest.DSN(t, filepath.Join(t.TempDir(), "r.db"))
	_, errs, code := runRaw(t, now, "--db", db, "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo")
	if code == 0 || !strings.Contains(errs, "Mã cơ quan") || !strings.Contains(errs, "motcua settings") {
		t.Errorf("receive under placeholders: exit %d %q", code, errs)
	}
	_, errs, code = runRaw(t, now, "--db", db, "seed", "--dossiers", "5")
	if code == 0 || !strings.Contains(errs, "--demo-profile") {
		t.Errorf("seed under placeholders: exit %d %q", code, errs)
	}
	out, errs, code := runRaw(t, now, "--db", db, "seed", "--dossiers", "5", "--demo-profile")
	if code != 0 {
		t.Fatalf("seed --demo-profile: exit %d %q %q", code, out, errs)
	}
	out, errs, code = runRaw(t, now, "--db", db, "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo")
	if code != 0 || !strings.Contains(out, "000.17.22.H56-") {
		t.Errorf("receive with the demo profile: exit %d %q %q", code, out, errs)
	}
}
