package office

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/register"
)

// An apology's new date is what the dashboard, the pressing list and the
// colours go by: a rescheduled dossier is no longer "quá hạn".
func TestApologyMovesTheDossierOutOfOverdue(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	late, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "xac-nhan-hon-nhan", Applicant: register.Applicant{Name: "Trễ"}, At: vn("2026-11-16 08:00")})
	if err != nil {
		t.Fatal(err)
	}
	far, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "xac-nhan-hon-nhan", Applicant: register.Applicant{Name: "Hẹn xa"}, At: vn("2026-11-16 09:00")})
	if err != nil {
		t.Fatal(err)
	}
	db, _ := o.Dashboard(ctx)
	if db.Overdue != 2 {
		t.Fatalf("before: %+v", db)
	}
	// The suggested date is the next working day after today (Tuesday
	// 24/11 is a holiday in the test calendar or not: the calendar says).
	suggest := o.SuggestApologyDate(late)
	if want := o.Calendar().AddWorkingDays(o.Now(), 1); !suggest.Equal(want) {
		t.Fatalf("suggested %v, want %v", suggest, want)
	}
	late, _, err = o.Apologise(ctx, late.Code, "Chờ xác minh", suggest, vn("2026-11-23 08:30"))
	if err != nil {
		t.Fatal(err)
	}
	far, _, err = o.Apologise(ctx, far.Code, "Chờ ý kiến huyện", vn("2026-12-15 08:00"), vn("2026-11-23 08:30"))
	if err != nil {
		t.Fatal(err)
	}
	db, _ = o.Dashboard(ctx)
	if db.Overdue != 0 || db.DueToday+db.DueTomorrow != 1 || db.Open != 2 {
		t.Fatalf("after: %+v", db)
	}
	if o.UrgencyOf(late) != DueSoon || o.UrgencyOf(far) != Calm {
		t.Fatalf("urgency %v %v", o.UrgencyOf(late), o.UrgencyOf(far))
	}
	pressing, err := o.Pressing(ctx, 10)
	if err != nil || len(pressing) != 1 || pressing[0].Code != late.Code {
		t.Fatalf("pressing %v %v", pressing, err)
	}
	// Past the new date, it is overdue again.
	o.now = func() time.Time { return vn("2026-12-16 08:00") }
	if o.UrgencyOf(far) != Overdue {
		t.Fatal("past the new date and not overdue")
	}
	db, _ = o.Dashboard(ctx)
	if db.Overdue != 2 {
		t.Fatalf("in December: %+v", db)
	}
}

// A supplement list typed one paper per line keeps its lines, and the form
// numbers each item once and does not repeat the list as a reason.
func TestSupplementListKeepsItsLines(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	d := receive(t, o, "thuong-tru", "Giàng A Páo")
	d, _, err := o.RequestSupplement(ctx, d.Code, "1. Giấy xác nhận của chủ hộ\n2) Bản sao sổ hộ khẩu\n- Ảnh 4x6", "Hồ sơ thiếu giấy tờ theo quy định", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	d, _ = o.Show(ctx, d.Code)
	dd := o.DossierDoc(d)
	want := []string{"Giấy xác nhận của chủ hộ", "Bản sao sổ hộ khẩu", "Ảnh 4x6"}
	if len(dd.SupplementItems) != 3 || dd.SupplementItems[0] != want[0] || dd.SupplementItems[1] != want[1] || dd.SupplementItems[2] != want[2] {
		t.Errorf("items %q", dd.SupplementItems)
	}
	if dd.Reason != "Hồ sơ thiếu giấy tờ theo quy định" {
		t.Errorf("the list is printed again as a reason: %q", dd.Reason)
	}
}
