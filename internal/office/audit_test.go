package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/letters"
	"motcua/internal/register"
)

// tamperedOffice is a register with a little history: three dossiers
// received and moved on, a template and a schedule changed.
func tamperedOffice(t *testing.T) (*Office, string) {
	t.Helper()
	o := openAt(t, filepath.Join(t.TempDir(), "a.db"), "2026-11-23 09:00")
	ctx := context.Background()
	a := receive(t, o, "chung-thuc-ban-sao", "Nguyễn Văn An")
	receive(t, o, "tam-tru", "Trần Thị Bình")
	receive(t, o, "khai-sinh", "Lê Văn Cường")
	if _, err := o.Return(ctx, a.Code, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := o.SetLetterTemplate(ctx, letters.Thanks, "Kính gửi {nguoi_nhan}.\n\nCảm ơn {noi_dung}."); err != nil {
		t.Fatal(err)
	}
	r, err := o.VerifyAudit(ctx)
	if err != nil || len(r.Problems) != 0 || r.Entries < 5 || r.Head == "" {
		t.Fatalf("a clean register does not verify: %+v %v", r, err)
	}
	return o, a.Code
}

// Each kind of edit made with a plain SQLite tool is caught and named.
func TestAuditVerifyCatchesEdits(t *testing.T) {
	cases := []struct {
		name, sql, kind, says string
	}{
		{"edited event", `UPDATE events SET at = at - 86400 WHERE kind = 'returned'`, "dossier_edited", "đã bị sửa ngoài phần mềm"},
		{"edited outcome", `UPDATE dossiers SET outcome = 'early' WHERE state = 'returned'`, "dossier_edited", "-0001 đã bị sửa"},
		{"edited phone", `UPDATE dossiers SET applicant_phone = '0999999999' WHERE applicant_name = 'Trần Thị Bình'`, "dossier_edited", "hồ sơ"},
		{"edited audit actor", `UPDATE audit SET actor = 'Chủ tịch' WHERE n = 2`, "edited", "mục nhật ký số 2"},
		{"deleted audit row", `DELETE FROM audit WHERE n = 3`, "deleted", "số 3"},
		{"inserted audit row", `INSERT INTO audit (n, at, actor, action, entity, entity_id) VALUES ((SELECT MAX(n) + 1 FROM audit), 1, 'x', 'receive', 'dossier', 'x')`, "inserted", "thêm vào ngoài phần mềm"},
		{"inserted dossier", `INSERT INTO dossiers (id, code, agency, day, seq, year, entry_no, book_no, procedure_code, procedure_name, procedure_version, form_set, limit_value, limit_unit, applicant_name, result_method, received_at, due_at, state, updated_at)
			VALUES ('x', 'X-1', 'X', 1, 1, 2026, 999, 1, 'khai-sinh', 'K', 1, 'F', 0, 'same_day', 'Giả', 'counter', 1, 1, 'received', 1)`, "dossier_unlogged", "ngoài phần mềm"},
		{"edited template audit", `UPDATE audit SET after = 'Kính gửi.' WHERE entity = 'letter_template'`, "edited", "set_letter_template"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, _ := tamperedOffice(t)
			if _, err := o.Store().DB().Exec(c.sql); err != nil {
				t.Fatal(err)
			}
			r, err := o.VerifyAudit(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Problems) == 0 {
				t.Fatalf("%s not caught", c.name)
			}
			p := r.Problems[0]
			if p.Kind != c.kind || !strings.Contains(p.Message, c.says) {
				t.Fatalf("%s reported as %s: %s", c.name, p.Kind, p.Message)
			}
		})
	}
}

// An edited dossier is caught even when the edit is the only change, and
// a program change after it does not hide it from a verify made before.
func TestAuditChainSurvivesNormalWork(t *testing.T) {
	o, code := tamperedOffice(t)
	ctx := context.Background()
	for i := 0; i < 20; i++ {
		receive(t, o, "chung-thuc-ban-sao", "Người Thứ Tự")
	}
	if _, err := o.ImportSchedule(ctx, calendar.Schedule{Year: 2025, Source: "thử", Confidence: "high"}, true); err != nil {
		t.Fatal(err)
	}
	var before2025 string
	o.Store().DB().QueryRow(`SELECT before FROM audit WHERE entity = 'calendar' AND entity_id = '2025'`).Scan(&before2025)
	if !strings.Contains(before2025, "2025-01-01") {
		t.Errorf("imported schedule did not record the shipped one it replaced: %q", before2025)
	}
	if err := o.SaveSchedule(ctx, calendar.Schedule{Year: 2026, Source: "thử", Confidence: "high"}); err != nil {
		t.Fatal(err)
	}
	r, err := o.VerifyAudit(ctx)
	if err != nil || len(r.Problems) != 0 {
		t.Fatalf("after normal work: %+v %v", r.Problems, err)
	}
	// The schedule and template changes recorded the old values.
	for _, entity := range []string{"calendar", "letter_template"} {
		var before string
		o.Store().DB().QueryRow(`SELECT before FROM audit WHERE entity = ? ORDER BY n DESC LIMIT 1`, entity).Scan(&before)
		if before == "" {
			t.Errorf("%s change did not record the old value", entity)
		}
	}
	d, _ := o.Show(ctx, code)
	if d == nil {
		t.Fatal("dossier gone")
	}
}

// A step entered later with an earlier time is marked in the event and in
// the audit; one entered as it happens is not.
func TestBackdatedStepsAreMarked(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "b.db"), "2026-11-25 09:00")
	ctx := context.Background()
	d, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "chung-thuc-ban-sao", Applicant: register.Applicant{Name: "Nguyễn Văn An"}, At: vn("2026-11-23 08:00")})
	if err != nil {
		t.Fatal(err)
	}
	now := receive(t, o, "chung-thuc-ban-sao", "Trần Thị Bình")
	back, _ := o.Show(ctx, d.Code)
	fresh, _ := o.Show(ctx, now.Code)
	if !back.Events[0].Backdated || fresh.Events[0].Backdated {
		t.Fatalf("backdated marks: %v %v", back.Events[0].Backdated, fresh.Events[0].Backdated)
	}
	audit, _ := o.Store().AuditOf(ctx, "dossier", d.ID)
	if audit[0].BackdatedTo == nil || !audit[0].BackdatedTo.Equal(vn("2026-11-23 08:00")) {
		t.Fatalf("audit of a backdated receive: %+v", audit[0])
	}
	if !o.BackdatedBeyondToday(vn("2026-11-24 16:00")) || o.BackdatedBeyondToday(vn("2026-11-25 08:55")) {
		t.Fatal("BackdatedBeyondToday")
	}
	// Removing the mark with plain SQL is caught.
	o.Store().DB().Exec(`UPDATE events SET backdated = 0`)
	if r, _ := o.VerifyAudit(ctx); len(r.Problems) == 0 {
		t.Fatal("removing the backdated mark was not caught")
	}
}
