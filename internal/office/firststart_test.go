package office

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/register"
)

func TestFirstStartAndProfileGaps(t *testing.T) {
	o, _ := openBare(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	first, err := o.FirstStart(ctx)
	if err != nil || !first {
		t.Fatalf("a new register: first start %v %v", first, err)
	}
	err = o.CheckProfile(ctx)
	if !errors.Is(err, ErrProfileIncomplete) {
		t.Fatalf("placeholders pass: %v", err)
	}
	for _, want := range []string{"Mã cơ quan", "Tên cơ quan ban hành", "Họ tên người ký"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q not named in %q", want, err)
		}
	}
	// Not only reception's screen: the office itself issues nothing under
	// placeholders, whoever asks (the command line, another desk).
	_, err = o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Giàng A Páo", Address: "Thôn Trung"}})
	if !errors.Is(err, ErrProfileIncomplete) || !strings.Contains(err.Error(), "Mã cơ quan") || !strings.Contains(err.Error(), "tiếp nhận hồ sơ") {
		t.Errorf("received under placeholders: %v", err)
	}
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 5, Seed: 1}); !errors.Is(err, ErrProfileIncomplete) {
		t.Errorf("seeded under placeholders: %v", err)
	}
	if _, err := o.IssueLetters(ctx, []string{"x"}); !errors.Is(err, ErrProfileIncomplete) {
		t.Errorf("letters issued under placeholders: %v", err)
	}
	if n, _ := o.Count(ctx, Filter{}); n != 0 {
		t.Fatalf("%d dossiers issued under placeholders", n)
	}
	if err := o.FillDemoProfile(ctx); err != nil {
		t.Fatal(err)
	}
	if err := o.SetSettings(ctx, map[string]string{"place_name": "Đông Văn"}); err != nil {
		t.Fatal(err)
	}
	if err := o.CheckProfile(ctx); err != nil {
		t.Errorf("a complete profile refused: %v", err)
	}
	if first, _ := o.FirstStart(ctx); first {
		t.Error("first start with a complete profile")
	}
	d, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Giàng A Páo", Address: "Thôn Trung"}})
	if err != nil || !strings.HasPrefix(d.Code, "000.17.22.H56-") {
		t.Errorf("a complete profile: %v %v", d, err)
	}
}

func TestDemoPath(t *testing.T) {
	p := DemoPath(filepath.Join("C:", "data", "motcua.db"))
	if !IsDemoPath(p) || IsDemoPath(filepath.Join("C:", "data", "motcua.db")) || !strings.HasSuffix(p, "motcua-du-lieu-mau.db") {
		t.Errorf("demo path %q", p)
	}
}

// The demo register is a living office on the day it is opened, whatever
// the weekday: due today and on the next working day, overdue, letters
// waiting.
func TestSeedTodayMakesALivingOffice(t *testing.T) {
	for _, day := range []string{"2026-11-23 08:30", "2026-11-27 16:40", "2026-11-28 10:00", "2026-11-29 09:00"} {
		o := openAt(t, filepath.Join(t.TempDir(), "r.db"), day)
		ctx := context.Background()
		if err := o.SeedToday(ctx, 7); err != nil {
			t.Fatalf("%s: %v", day, err)
		}
		db, err := o.Dashboard(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if db.DueToday == 0 && o.Calendar().IsWorkingDay(o.Now()) || db.DueTomorrow == 0 || db.Overdue == 0 {
			t.Errorf("%s: %+v", day, db)
		}
		ls, _ := o.Letters(ctx, LetterDraft, time.Time{})
		if len(ls) == 0 {
			t.Errorf("%s: no letter waiting", day)
		}
	}
}
