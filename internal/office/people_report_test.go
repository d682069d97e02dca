package office

import (
	"context"
	"path/filepath"
	"testing"
)

func TestReportCarriesPeopleFigures(t *testing.T) {
	ctx := context.Background()
	empty := openAt(t, filepath.Join(t.TempDir(), "e.db"), "2026-11-20 10:00")
	p, err := empty.ReportPeriod("2026", zeroTime, zeroTime)
	if err != nil {
		t.Fatal(err)
	}
	r, err := empty.Report(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	// Letters are always kept by the register: none issued is a figure (0),
	// the four others have no records yet.
	if r.People.Satisfaction != nil || r.People.Pledged != nil || r.People.Letters == nil || len(r.Unavailable) != 4 {
		t.Fatalf("an office without records reports people figures: %+v %v", r.People, r.Unavailable)
	}
	o := openAt(t, filepath.Join(t.TempDir(), "s.db"), "2026-11-20 10:00")
	if err := o.FillDemoProfile(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 2000, Years: 1, Seed: 3, People: true}); err != nil {
		t.Fatal(err)
	}
	r, err = o.Report(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	pp := r.People
	if pp.Satisfaction == nil || pp.Satisfaction.Of < 100 || pp.FeedbackOnTime == nil || pp.Letters["birth"] == 0 ||
		pp.Pledged == nil || pp.Pledged.N != 7 || pp.Pledged.Of != 9 || len(pp.NotPledged) != 2 || pp.Dialogues == nil || *pp.Dialogues != 3 ||
		pp.CommitmentsDone == nil || len(r.Unavailable) != 0 || !r.Score.HasSatisfaction {
		t.Fatalf("people figures %+v, unavailable %v", pp, r.Unavailable)
	}
}
