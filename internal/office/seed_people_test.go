package office

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestSeedAddsALivingOffice(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "s.db"), "2026-11-20 10:00")
	ctx := context.Background()
	if err := o.FillDemoProfile(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 3000, Years: 1, Seed: 42, People: true}); err != nil {
		t.Fatal(err)
	}
	staff, _ := o.StaffList(ctx, false)
	all, _ := o.StaffList(ctx, true)
	if len(staff) != 9 || len(all) != 10 {
		t.Fatalf("staff %d current of %d", len(staff), len(all))
	}
	if p := o.DocProfile(); p.ChairName != "Lê Văn Tuấn" || p.SignAs != "TM" {
		t.Fatalf("signer %+v", p)
	}
	p, err := o.PledgeProgress(ctx, 0)
	if err != nil || p.Staff != 9 || p.Signed != 7 || len(p.Missing) != 2 {
		t.Fatalf("pledges %+v %v", p, err)
	}
	s, err := o.Satisfaction(ctx, vn("2026-01-01 00:00"), vn("2026-11-20 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Rated < 500 || s.Rate < 75 || s.Rate > 97 || s.Dissatisfied == 0 || s.Neutral == 0 || s.Coverage >= 100 {
		t.Fatalf("ratings spread %+v", s)
	}
	counts, err := o.LetterCounts(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	issued, sent := 0, 0
	for _, c := range counts {
		issued += c.Issued
		sent += c.Sent
	}
	if issued < 10 || sent == 0 || sent >= issued {
		t.Fatalf("letters issued %d sent %d", issued, sent)
	}
	fs, _ := o.FeedbackList(ctx, time.Time{}, time.Time{})
	fsum := o.SummarizeFeedback(fs)
	if fsum.Received < 8 || fsum.Late == 0 || fsum.Overdue == 0 || fsum.OnTime == 0 {
		t.Fatalf("feedback %+v", fsum)
	}
	ds, _ := o.Dialogues(ctx, time.Time{}, time.Time{})
	dsum := o.DialogueSummary(ds)
	if dsum.Dialogues != 3 || dsum.DoneOnTime == 0 || dsum.Open == 0 {
		t.Fatalf("dialogues %+v", dsum)
	}
	// Seeding again adds dossiers but no second staff.
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 10, Years: 1, Seed: 7, People: true}); err != nil {
		t.Fatal(err)
	}
	if again, _ := o.StaffList(ctx, true); len(again) != 10 {
		t.Fatalf("staff seeded twice: %d", len(again))
	}
}

func TestPeopleAlertsForTheDashboard(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "s.db"), "2026-11-20 10:00")
	ctx := context.Background()
	if err := o.FillDemoProfile(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 500, Years: 1, Seed: 9, People: true}); err != nil {
		t.Fatal(err)
	}
	a, err := o.PeopleAlerts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a.Pledge.Signed != 7 || len(a.Pledge.Missing) != 2 || len(a.Feedback) != 1 || len(a.Commitments) != 1 || a.Commitments[0].Dialogue != "ĐT 02/2026" {
		t.Fatalf("alerts %+v", a)
	}
}
