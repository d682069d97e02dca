package office

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"motcua/internal/calendar"
	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

func vn(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Zone)
	if err != nil {
		panic(err)
	}
	return t
}

func openAt(t testing.TB, path, now string) *Office {
	o, _ := openClock(t, path, now)
	return o
}

// openClock also returns the fixed clock, for tests that move it on.
func openClock(t testing.TB, path, now string) (*Office, *time.Time) {
	t.Helper()
	o, clock := openBare(t, path, now)
	// Nothing is issued under placeholders: tests work as a commune whose
	// profile is set (a test of the placeholders uses openBare).
	if err := o.FillDemoProfile(context.Background()); err != nil {
		t.Fatal(err)
	}
	return o, clock
}

// openBare opens a register as it is created: the profile still holds
// the placeholders.
func openBare(t testing.TB, path, now string) (*Office, *time.Time) {
	t.Helper()
	clock := vn(now)
	o, err := Open(storetest.DSN(t, path), Options{Now: func() time.Time { return clock }, Actor: "Nguyễn Thị Lan"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o, &clock
}

func receive(t testing.TB, o *Office, proc, name string) *register.Dossier {
	t.Helper()
	d, err := o.Receive(context.Background(), ReceiveInput{ProcedureCode: proc, Applicant: register.Applicant{Name: name, Phone: "0912345678", Address: "Thôn Đông, xã Đông Văn"}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCodesAndEntryNumbers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	o, clock := openClock(t, path, "2026-12-31 09:00")
	ctx := context.Background()
	if err := o.SetSettings(ctx, map[string]string{"agency_code": "000.17.22.H56"}); err != nil {
		t.Fatal(err)
	}
	a := receive(t, o, "khai-sinh", "A")
	b := receive(t, o, "khai-sinh", "B")
	if a.Code != "000.17.22.H56-261231-0001" || b.Code != "000.17.22.H56-261231-0002" || a.EntryNo != 1 || b.EntryNo != 2 {
		t.Fatalf("codes %s %s entries %d %d", a.Code, b.Code, a.EntryNo, b.EntryNo)
	}
	// Next day, new year: sequence and entry numbers restart; a new book
	// continues the year's numbering.
	if err := o.SetSettings(ctx, map[string]string{"book_no": "2"}); err != nil {
		t.Fatal(err)
	}
	*clock = vn("2027-01-05 10:00")
	c, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "C"}, At: vn("2027-01-04 08:00")})
	if err != nil {
		t.Fatal(err)
	}
	if c.Code != "000.17.22.H56-270104-0001" || c.EntryNo != 1 || c.BookNo != 2 {
		t.Fatalf("new year: %s %d %d", c.Code, c.EntryNo, c.BookNo)
	}
	d, _ := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "D"}, At: vn("2027-01-05 08:00")})
	if d.EntryNo != 2 || !strings.HasSuffix(d.Code, "-270105-0001") {
		t.Fatalf("entries continue through the year: %s %d", d.Code, d.EntryNo)
	}
}

func TestChangesAreAuditedAndPersist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	o, clock := openClock(t, path, "2026-11-23 08:30")
	ctx := context.Background()
	d := receive(t, o, "xac-nhan-hon-nhan", "Đỗ Đức Đạt")
	*clock = vn("2026-11-27 10:00")
	if _, err := o.Forward(ctx, d.Code, "Công chức Tư pháp - Hộ tịch", vn("2026-11-23 09:00")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := o.RequestSupplement(ctx, d.Code, "Thiếu bản sao CCCD", "Hồ sơ thiếu giấy tờ", vn("2026-11-23 10:00")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := o.RequestSupplement(ctx, d.Code, "Lần hai", "Lý do", vn("2026-11-23 11:00")); err == nil {
		t.Fatal("second supplement")
	}
	if _, err := o.Resume(ctx, d.Code, vn("2026-11-25 08:00")); err != nil {
		t.Fatal(err)
	}
	got, _, err := o.Apologise(ctx, d.Code, "Chờ xác minh", vn("2026-12-03 00:00"), vn("2026-11-27 09:00"))
	if err != nil {
		t.Fatal(err)
	}
	if got.DueAt.Format("2006-01-02") != "2026-11-30" {
		t.Fatalf("due after resume %v", got.DueAt)
	}
	o.Close()

	o2 := openAt(t, path, "2026-12-03 10:00")
	back, err := o2.Show(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	kinds := []register.EventKind{}
	for _, e := range back.Events {
		kinds = append(kinds, e.Kind)
	}
	want := []register.EventKind{register.EvReceived, register.EvForwarded, register.EvSupplement, register.EvResumed, register.EvApologised}
	if len(kinds) != len(want) {
		t.Fatalf("events %v", kinds)
	}
	if back.NewDueAt == nil || back.ApologyReason != "Chờ xác minh" || back.State != register.Received {
		t.Fatalf("reloaded %+v", back)
	}
	audit, err := o2.Store().AuditOf(ctx, "dossier", d.ID)
	if err != nil || len(audit) != 5 || audit[0].Action != "receive" || audit[4].Action != "apologise" || audit[4].Before == "" || audit[4].Actor != "Nguyễn Thị Lan" {
		t.Fatalf("audit %d %v", len(audit), err)
	}
	r, err := o2.Return(ctx, d.Code, time.Time{})
	if err != nil || r.Outcome != register.Late {
		t.Fatalf("return %v %v", r, err)
	}
}

func TestSearchIgnoresAccentsAndCase(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	ho := receive(t, o, "khai-sinh", "Phạm Văn Hồ")
	dat := receive(t, o, "khai-sinh", "Đỗ Đức Đạt")
	receive(t, o, "khai-sinh", "Nguyễn Thị Hoa")
	hoa2, _ := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Nguyễn Thị Hòa", Phone: "0987 654 321"}})
	receive(t, o, "khai-sinh", "Trần Văn Đông")
	for _, q := range []string{"do duc dat", "ĐỖ ĐỨC ĐẠT", norm.NFD.String("Đỗ Đức Đạt"), "Do Duc", "dat", dat.Code} {
		res, err := o.Search(ctx, q, 10)
		if err != nil || len(res) != 1 || res[0].Code != dat.Code {
			t.Errorf("search %q: %d results, %v", q, len(res), err)
		}
	}
	res, _ := o.Search(ctx, "nguyen thi hoa", 10)
	if len(res) != 2 || res[0].Code != hoa2.Code {
		t.Errorf("two Hoa, newest first: %+v", res)
	}
	// The last word may be unfinished; whole-word matches come first.
	res, _ = o.Search(ctx, "nguyen thi ho", 10)
	if len(res) != 2 {
		t.Errorf("prefix of the last word: %d", len(res))
	}
	res, _ = o.Search(ctx, "hoa", 10)
	if len(res) != 2 || res[0].Code != hoa2.Code {
		t.Errorf("hoa: %d", len(res))
	}
	res, _ = o.Search(ctx, "ho", 10) // Hồ exactly, then Hoa and Hòa
	if len(res) != 3 || res[0].Code != ho.Code {
		t.Errorf("whole word first: %d", len(res))
	}
	res, _ = o.Search(ctx, "0987.654.321", 10)
	if len(res) != 1 || res[0].Code != hoa2.Code {
		t.Errorf("by phone: %d", len(res))
	}
	res, _ = o.Search(ctx, "dong van", 10) // Hòa gave no address
	if len(res) != 4 {
		t.Errorf("by address: %d", len(res))
	}
	res, _ = o.Search(ctx, "xyz không có", 10)
	if len(res) != 0 {
		t.Errorf("nonsense found %d", len(res))
	}
	// Characters that mean something to FTS5 are plain text here.
	for _, q := range []string{`"`, `AND OR NOT`, `*`, `(`, `dat"*`, `-`, `NEAR(a b)`} {
		if _, err := o.Search(ctx, q, 10); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
	}
}

func TestPageFilterAndDashboard(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	var codes []string
	for i := 0; i < 5; i++ {
		codes = append(codes, receive(t, o, "xac-nhan-hon-nhan", "Công dân").Code)
	}
	late, _ := o.Receive(ctx, ReceiveInput{ProcedureCode: "xac-nhan-hon-nhan", Applicant: register.Applicant{Name: "Trễ"}, At: vn("2026-11-16 08:00")})
	today, _ := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Hôm nay"}, At: vn("2026-11-23 08:00")})
	if _, err := o.Return(ctx, codes[0], time.Time{}); err != nil {
		t.Fatal(err)
	}
	rows, err := o.Page(ctx, Filter{States: []register.State{register.Received}, Limit: 3})
	if err != nil || len(rows) != 3 || rows[0].Code != today.Code {
		t.Fatalf("page: %v %v", rows, err)
	}
	n, _ := o.Count(ctx, Filter{States: []register.State{register.Returned}})
	if n != 1 {
		t.Fatalf("returned count %d", n)
	}
	db, err := o.Dashboard(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// late: received 16/11, due 19/11. today: khai-sinh due 23/11. Others due 27/11.
	if db.Overdue != 1 || db.DueToday != 1 || db.Open != 6 || db.DueTomorrow != 0 {
		t.Fatalf("dashboard %+v", db)
	}
	if o.UrgencyOf(late) != Overdue || o.UrgencyOf(today) != DueSoon {
		t.Fatal("urgency")
	}
	pressing, err := o.Pressing(ctx, 10)
	if err != nil || len(pressing) != 2 || pressing[0].Code != late.Code || pressing[1].Code != today.Code {
		t.Fatalf("pressing %v %v", pressing, err)
	}
}

func TestProcedureVersionsAreKept(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	before := receive(t, o, "tam-tru", "A")
	ps, _ := o.Procedures(ctx)
	var p register.Procedure
	for _, x := range ps {
		if x.Code == "tam-tru" {
			p = x
		}
	}
	p.Limit = calendar.Limit{Value: 2, Unit: calendar.WorkingDays}
	saved, err := o.SaveProcedure(ctx, p)
	if err != nil || saved.Version != 2 {
		t.Fatalf("save: %v %v", saved, err)
	}
	after := receive(t, o, "tam-tru", "B")
	if before.ProcedureVersion != 1 || after.ProcedureVersion != 2 || after.Limit.Value != 2 || before.Limit.Value != 3 {
		t.Fatalf("versions %d/%v %d/%v", before.ProcedureVersion, before.Limit, after.ProcedureVersion, after.Limit)
	}
	old, err := o.Store().ProcedureVersion(ctx, "tam-tru", 1)
	if err != nil || old.Limit.Value != 3 {
		t.Fatalf("v1 kept: %v %v", old, err)
	}
	p.Name = ""
	if _, err := o.SaveProcedure(ctx, p); err == nil {
		t.Fatal("empty name accepted")
	}
}

func TestAdministratorScheduleOverridesShipped(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	if !o.Calendar().IsWorkingDay(vn("2026-09-03 00:00")) {
		t.Skip("shipped 2026 schedule already gives 03/09 off")
	}
	s, _ := o.Calendar().Schedule(2026)
	var off []calendar.Entry
	for _, e := range s.Off {
		if e.Date != "2026-09-01" {
			off = append(off, e)
		}
	}
	s.Off = append(off, calendar.Entry{Date: "2026-09-03", Reason: "Nghỉ Quốc khánh (ngày liền kề)"})
	s.Source, s.Confidence = "Thông báo của Bộ Nội vụ (nhập tay)", "high"
	if err := o.SaveSchedule(ctx, s); err != nil {
		t.Fatal(err)
	}
	if o.Calendar().IsWorkingDay(vn("2026-09-03 00:00")) || !o.Calendar().IsWorkingDay(vn("2026-09-01 00:00")) {
		t.Fatal("override not applied")
	}
	s.Off = append(s.Off, calendar.Entry{Date: "2027-01-01", Reason: "sai năm"})
	if err := o.SaveSchedule(ctx, s); err == nil {
		t.Fatal("entry of another year accepted")
	}
}

func TestFutureAndAncientTimesAreRefused(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	for _, at := range []string{"2026-11-23 09:00", "2062-11-23 08:00", "1926-11-23 08:00"} {
		_, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "An"}, At: vn(at)})
		if err == nil || !strings.Contains(err.Error(), "thời điểm") {
			t.Errorf("receive at %s: %v", at, err)
		}
	}
	d := receive(t, o, "khai-sinh", "An")
	if _, err := o.Return(ctx, d.Code, vn("2026-11-24 08:00")); err == nil || !strings.Contains(err.Error(), "tương lai") {
		t.Errorf("return tomorrow: %v", err)
	}
	if _, err := o.Return(ctx, d.Code, vn("2026-11-23 08:35")); err != nil {
		t.Errorf("a few minutes of clock drift: %v", err)
	}
}

func TestSecondWindowIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	l1, err := store.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.Lock(path)
	if !errors.Is(err, store.ErrInUse) || !strings.Contains(err.Error(), "cửa sổ") {
		t.Fatalf("second lock: %v", err)
	}
	l1.Release()
	l3, err := store.Lock(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	l3.Release()
}

func TestCorruptDatabaseIsExplained(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("this is not a database ", 500)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "bị hỏng hoặc không phải cơ sở dữ liệu") {
		t.Fatalf("corrupt file: %v", err)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "this is not") {
		t.Fatal("the bad file was overwritten")
	}
}

func TestFullDiskLosesNothing(t *testing.T) {
	if storetest.Engine() == "postgres" {
		t.Skip("a full disk is simulated with SQLite's max_page_count; PostgreSQL's (SQLSTATE 53100) is covered in store")
	}
	path := filepath.Join(t.TempDir(), "r.db")
	o := openAt(t, path, "2026-11-23 08:30")
	ctx := context.Background()
	first := receive(t, o, "khai-sinh", "Trước khi đầy")
	var pages int
	if err := o.Store().DB().QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	// Simulate a full disk: the file may not grow any more.
	if _, err := o.Store().DB().Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	var lastErr error
	for i := 0; i < 2000 && lastErr == nil; i++ {
		_, lastErr = o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: strings.Repeat("Nguyễn Văn Dài ", 10), Address: strings.Repeat("Thôn xa xôi ", 24)}})
	}
	if lastErr == nil || !strings.Contains(lastErr.Error(), "ổ đĩa đã đầy") {
		t.Fatalf("full disk: %v", lastErr)
	}
	n, err := o.Count(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := o.Show(ctx, first.Code)
	if err != nil || got.Applicant.Name != "Trước khi đầy" {
		t.Fatalf("earlier dossier lost: %v", err)
	}
	// Every saved dossier is whole: as many search entries and first events as rows.
	var events, audits int
	o.Store().DB().QueryRow("SELECT COUNT(*) FROM events WHERE seq = 1").Scan(&events)
	o.Store().DB().QueryRow("SELECT COUNT(*) FROM audit WHERE action = 'receive'").Scan(&audits)
	if events != n || audits != n {
		t.Fatalf("%d dossiers but %d first events and %d audit lines: a half-saved dossier", n, events, audits)
	}
}
