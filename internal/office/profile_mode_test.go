package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// The program's profile (issue 11): the counter by default, the upper level
// when chosen, and nothing else.
func TestProfileMode(t *testing.T) {
	o, _ := openClock(t, filepath.Join(t.TempDir(), "m.db"), "2026-11-20 09:00")
	ctx := context.Background()
	if o.IsUpperLevel() || o.Profile().Mode != ModeCommune {
		t.Fatalf("default mode %q, upper %v", o.Profile().Mode, o.IsUpperLevel())
	}
	err := o.SetSettings(ctx, map[string]string{"profile.mode": "tinh"})
	if err == nil || !strings.Contains(err.Error(), "cap-tren") {
		t.Fatalf("bad mode accepted or unclear: %v", err)
	}
	if o.IsUpperLevel() {
		t.Fatal("a refused mode changed the profile")
	}
	if err := o.SetSettings(ctx, map[string]string{"profile.mode": ModeUpper}); err != nil {
		t.Fatal(err)
	}
	if !o.IsUpperLevel() {
		t.Fatal("upper-level mode not applied")
	}
	if err := o.SetSettings(ctx, map[string]string{"profile.mode": ModeCommune}); err != nil {
		t.Fatal(err)
	}
	if o.IsUpperLevel() {
		t.Fatal("back to the commune's mode not applied")
	}
}
