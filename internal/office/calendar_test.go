package office

import (
	"context"
	"path/filepath"
	"testing"

	"motcua/internal/calendar"
	"motcua/internal/register"
)

// oldSchedule2026 is the 2026 schedule shipped before the fix: Mon 31/08 a
// working day and no make-up Saturday 22/08.
var oldSchedule2026 = calendar.Schedule{Year: 2026, Source: "bản cũ", Confidence: "low",
	Off:  []calendar.Entry{{Date: "2026-01-02"}, {Date: "2026-09-01"}, {Date: "2026-11-24"}},
	Work: []calendar.Entry{{Date: "2026-01-10"}}}

func receiveAt(t *testing.T, o *Office, proc, name, at string) *register.Dossier {
	t.Helper()
	d, err := o.Receive(context.Background(), ReceiveInput{ProcedureCode: proc, Applicant: register.Applicant{Name: name}, At: vn(at)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A register whose dossiers were received under the wrong 2026 schedule
// sees, after the shipped correction, which due dates and outcomes change,
// and they change only when the administrator confirms, with an audit line
// each.
func TestShippedCorrectionIsReviewedThenApplied(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	o := openAt(t, path, "2026-11-28 09:00")
	if err := o.SaveSchedule(ctx, oldSchedule2026); err != nil {
		t.Fatal(err)
	}
	a := receiveAt(t, o, "giam-ho", "Lò Văn A", "2026-08-27 10:00")          // 3 working days
	b := receiveAt(t, o, "cham-dut-giam-ho", "Lò Thị B", "2026-08-20 10:00") // 2 working days
	c := receiveAt(t, o, "giam-ho", "Lò Văn C", "2026-06-01 10:00")          // far from the change
	if got := a.DueAt.Format("2006-01-02"); got != "2026-09-03" {
		t.Fatalf("under the old schedule A is due %s", got)
	}
	if got := b.DueAt.Format("2006-01-02"); got != "2026-08-24" {
		t.Fatalf("under the old schedule B is due %s", got)
	}
	// B was returned on Mon 24/08: on time under the old schedule.
	if _, err := o.Return(ctx, b.Code, vn("2026-08-24 15:00")); err != nil {
		t.Fatal(err)
	}
	// The administrator's old schedule is dropped: the shipped (fixed) one rules.
	if _, err := o.Store().DB().Exec(`DELETE FROM calendar_schedules`); err != nil {
		t.Fatal(err)
	}
	o.Close()
	o = openAt(t, path, "2026-11-28 09:00")

	rev, err := o.PendingCorrections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rev.Years) != 1 || rev.Years[0] != 2026 || len(rev.Changes) != 2 {
		t.Fatalf("review = %+v", rev)
	}
	byCode := map[string]DueChange{}
	for _, ch := range rev.Changes {
		byCode[ch.Code] = ch
	}
	if ch := byCode[a.Code]; ch.NewDue.Format("2006-01-02 15:04") != "2026-09-04 16:00" || ch.OldDue.Format("2006-01-02") != "2026-09-03" {
		t.Errorf("A: %+v", ch)
	}
	if ch := byCode[b.Code]; ch.NewDue.Format("2006-01-02") != "2026-08-22" || ch.OldOutcome != register.OnTime || ch.NewOutcome != register.Late {
		t.Errorf("B: %+v", ch)
	}
	// Nothing changed yet.
	if d, _ := o.Show(ctx, a.Code); d.DueAt.Format("2006-01-02") != "2026-09-03" {
		t.Fatal("the review recomputed a dossier")
	}
	if _, err := o.ApplyCorrections(ctx, rev.Years); err != nil {
		t.Fatal(err)
	}
	if d, _ := o.Show(ctx, a.Code); d.DueAt.Format("2006-01-02 15:04") != "2026-09-04 16:00" {
		t.Errorf("A after apply: due %s", d.DueAt)
	}
	if d, _ := o.Show(ctx, b.Code); d.Outcome != register.Late || d.DueAt.Format("2006-01-02") != "2026-08-22" || len(d.Events) != 2 ||
		d.Events[1].Outcome != register.Late {
		t.Errorf("B after apply: %s %s, %d events %+v", d.Outcome, d.DueAt, len(d.Events), d.Events)
	}
	if d, _ := o.Show(ctx, c.Code); !d.DueAt.Equal(c.DueAt) {
		t.Error("C should not change")
	}
	for _, code := range []string{a.Code, b.Code} {
		d, _ := o.Show(ctx, code)
		audit, err := o.Store().AuditOf(ctx, "dossier", d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if last := audit[len(audit)-1]; last.Action != "calendar_correction" || last.Before == "" || last.After == "" {
			t.Errorf("%s: last audit line %+v", code, last)
		}
	}
	if rev, err := o.PendingCorrections(ctx); err != nil || len(rev.Years) != 0 || len(rev.Changes) != 0 {
		t.Errorf("after apply: %+v, %v", rev, err)
	}
}

// Importing a notice is a dry run until applied.
func TestImportScheduleDryRunThenApply(t *testing.T) {
	ctx := context.Background()
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-28 09:00")
	a := receiveAt(t, o, "giam-ho", "Lò Văn A", "2026-08-27 10:00")
	if got := a.DueAt.Format("2006-01-02"); got != "2026-09-04" {
		t.Fatalf("A is due %s under the shipped schedule", got)
	}
	if rev, err := o.PendingCorrections(ctx); err != nil || len(rev.Changes) != 0 {
		t.Fatalf("a register computed with the calendar in force has nothing pending: %+v %v", rev, err)
	}
	rev, err := o.ImportSchedule(ctx, oldSchedule2026, false)
	if err != nil {
		t.Fatal(err)
	}
	if rev.Applied || len(rev.Changes) != 1 || rev.Changes[0].NewDue.Format("2006-01-02") != "2026-09-03" {
		t.Fatalf("dry run = %+v", rev)
	}
	if d, _ := o.Show(ctx, a.Code); d.DueAt.Format("2006-01-02") != "2026-09-04" {
		t.Fatal("the dry run changed a dossier")
	}
	if _, ok := o.Calendar().Schedule(2026); !ok || !o.Calendar().IsWorkingDay(vn("2026-08-22 00:00")) {
		t.Fatal("the dry run changed the calendar")
	}
	rev, err = o.ImportSchedule(ctx, oldSchedule2026, true)
	if err != nil || !rev.Applied || len(rev.Changes) != 1 {
		t.Fatalf("apply = %+v %v", rev, err)
	}
	ys, err := o.CalendarYears(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range ys {
		if (y.Year == 2026) != (y.Stored && y.ShippedDiffers) {
			t.Errorf("%d: stored %v, shipped differs %v", y.Year, y.Stored, y.ShippedDiffers)
		}
	}
	if d, _ := o.Show(ctx, a.Code); d.DueAt.Format("2006-01-02") != "2026-09-03" {
		t.Errorf("after apply A is due %s", d.DueAt)
	}
	if o.Calendar().IsWorkingDay(vn("2026-08-22 00:00")) {
		t.Error("the imported schedule is not in force")
	}
	if rev, err := o.PendingCorrections(ctx); err != nil || len(rev.Changes) != 0 {
		t.Errorf("after apply: %+v %v", rev, err)
	}
}

func TestProvisionalDueAndYears(t *testing.T) {
	ctx := context.Background()
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2027-02-03 10:00")
	d := receiveAt(t, o, "giam-ho", "Lò Văn A", "2027-02-03 10:00")
	if !o.DueProvisional(d) {
		t.Errorf("due %s crosses the rule's Tết 2027", d.DueAt)
	}
	e := receiveAt(t, o, "giam-ho", "Lò Văn B", "2027-01-05 10:00")
	if o.DueProvisional(e) {
		t.Errorf("due %s is before Tết 2027", e.DueAt)
	}
	ys, err := o.YearsAwaitingNotice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ys) != 5 || ys[0] != 2027 || ys[4] != 2031 {
		t.Errorf("years awaiting a notice: %v", ys)
	}
	all, err := o.CalendarYears(ctx)
	if err != nil || all[0].Year != 2021 || !all[0].Announced || all[0].Source == "" {
		t.Errorf("CalendarYears: %+v %v", all, err)
	}
}

func TestReceiveWithVariant(t *testing.T) {
	ctx := context.Background()
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-28 09:00")
	d, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "ket-hon", Variant: "xac-minh", Applicant: register.Applicant{Name: "Lò Văn A"}, At: vn("2026-08-27 10:00")})
	if err != nil {
		t.Fatal(err)
	}
	// 5 working days from Thu 27/08/2026: Fri 28/08, Thu 03, Fri 04, Mon 07, Tue 08/09.
	if d.Variant != "xac-minh" || d.Limit != (calendar.Limit{Value: 5, Unit: calendar.WorkingDays}) || d.DueAt.Format("2006-01-02") != "2026-09-08" {
		t.Fatalf("variant %q limit %+v due %s", d.Variant, d.Limit, d.DueAt)
	}
	got, err := o.Show(ctx, d.Code)
	if err != nil || got.Variant != "xac-minh" {
		t.Fatalf("stored variant %q, %v", got.Variant, err)
	}
	if s := LimitText(got); s != "05 ngày làm việc (trường hợp cần xác minh)" {
		t.Errorf("LimitText = %q", s)
	}
	if s := o.DossierDoc(got).LimitText; s != "05 ngày làm việc (trường hợp cần xác minh)" {
		t.Errorf("receipt limit = %q", s)
	}
	plain := receiveAt(t, o, "ket-hon", "Lò Thị B", "2026-08-27 10:00")
	if plain.Variant != "" || plain.DueAt.Format("2006-01-02 15:04") != "2026-08-27 16:00" {
		t.Errorf("plain marriage: %q %s", plain.Variant, plain.DueAt)
	}
	if _, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Variant: "xac-minh", Applicant: register.Applicant{Name: "C"}}); err == nil {
		t.Error("khai-sinh has no variant")
	}
	p, err := o.ProcedureOf(ctx, got)
	if err != nil || !p.ByCommittee() || len(p.Variants) != 1 {
		t.Errorf("ProcedureOf: %+v %v", p, err)
	}
	un, err := o.UnconfirmedLimits(ctx)
	if err != nil || len(un) == 0 {
		t.Fatalf("unconfirmed: %v %v", un, err)
	}
}

// A register created by an older release holds the catalogue without
// confidences, variants and authorities: at open, the procedures it never
// edited move to the shipped definition as a new version; edited ones stay.
func TestOldCatalogueIsUpgraded(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	o := openAt(t, path, "2026-11-28 09:00")
	d := receiveAt(t, o, "thuong-tru", "Lò Văn A", "2026-11-02 09:00")
	// Make the stored catalogue look like the old release's.
	old := []string{`UPDATE procedures SET version = 1,
		data = json_remove(json_set(data, '$.version', 1), '$.confidence', '$.variants', '$.authority', '$.sign_block')`,
		`UPDATE procedures SET version = 3, data = json_set(data, '$.version', 3) WHERE code = 'tam-tru'`}
	if o.Store().Engine() == "postgres" {
		old = []string{`UPDATE procedures SET version = 1,
		data = ((data::jsonb - 'confidence' - 'variants' - 'authority' - 'sign_block') || '{"version": 1}')::text`,
			`UPDATE procedures SET version = 3, data = (data::jsonb || '{"version": 3}')::text WHERE code = 'tam-tru'`}
	}
	for _, q := range old {
		if _, err := o.Store().DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	o.Close()
	o = openAt(t, path, "2026-11-28 09:00")
	ps, err := o.Procedures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		switch p.Code {
		case "thuong-tru":
			if p.Version != 2 || p.ByCommittee() || p.Confidence != "M" {
				t.Errorf("thuong-tru not upgraded: %+v", p)
			}
		case "tam-tru":
			if p.Version != 3 || p.Authority != "" {
				t.Errorf("an edited procedure was changed: %+v", p)
			}
		case "ket-hon":
			if len(p.Variants) != 1 {
				t.Errorf("ket-hon has no variant after upgrade")
			}
		}
	}
	if got, _ := o.Show(ctx, d.Code); got.ProcedureVersion != d.ProcedureVersion {
		t.Error("a dossier keeps its procedure version")
	}
	audit, err := o.Store().AuditOf(ctx, "procedure", "thuong-tru")
	if err != nil || len(audit) == 0 || audit[len(audit)-1].Action != "upgrade_shipped_procedure" {
		t.Errorf("audit: %+v %v", audit, err)
	}
}
