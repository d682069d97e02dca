package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/store/storetest"
)

// run executes one command line on db with a fixed clock.
func run(t *testing.T, db string, now time.Time, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errb, Now: func() time.Time { return now }, ctx: t.Context()}
	dsn := storetest.DSN(t, db)
	withProfile(t, dsn)
	code = e.run(append([]string{"--db", dsn}, args...))
	return out.String(), errb.String(), code
}

// profiled are the registers a test has given a commune profile.
var profiled sync.Map

// withProfile gives a register the demo commune's profile the first time a
// test uses it: nothing is issued under placeholders, and the tests work as
// a commune that has set its profile (FillDemoProfile leaves what a test
// sets itself).
func withProfile(t *testing.T, dsn string) {
	t.Helper()
	key := t.Name() + "\x00" + dsn
	if _, done := profiled.LoadOrStore(key, true); done {
		return
	}
	o, err := office.Open(dsn, office.Options{})
	if err != nil {
		return // the command under test reports it
	}
	defer o.Close()
	if err := o.FillDemoProfile(t.Context()); err != nil {
		t.Fatal(err)
	}
}

func mustJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, s)
	}
}

var monday = time.Date(2026, 11, 23, 9, 0, 0, 0, calendar.Zone)

func TestReceiveForwardReturnJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	out, errs, code := run(t, db, monday, "receive", "--procedure", "xac-nhan-hon-nhan", "--applicant", "Đỗ Đức Đạt",
		"--address", "Thôn Đông, xã Đông Văn", "--phone", "0912 345 678", "--at", "2026-11-23 08:30", "--json")
	if code != 0 {
		t.Fatalf("receive exit %d: %s", code, errs)
	}
	var r struct {
		ID, Code, DueDate string
		EntryNo           int       `json:"entry_no"`
		ReceivedAt        time.Time `json:"received_at"`
		DueAt             time.Time `json:"due_at"`
		DueDateJSON       string    `json:"due_date"`
	}
	mustJSON(t, out, &r)
	if r.ID == "" || !strings.HasSuffix(r.Code, "-261123-0001") || r.EntryNo != 1 {
		t.Fatalf("identity: %+v", r)
	}
	// 3 working days from Mon 23/11/2026 (Tue 24/11 is Ngày Văn hóa Việt Nam): Wed 25, Thu 26, Fri 27.
	if r.DueDateJSON != "2026-11-27" || r.DueAt.In(calendar.Zone).Format("15:04") != "16:00" {
		t.Fatalf("due %s %v", r.DueDateJSON, r.DueAt)
	}
	if _, errs, code = run(t, db, monday, "forward", r.Code, "--to", "Công chức Tư pháp - Hộ tịch", "--at", "2026-11-23 09:00"); code != 0 {
		t.Fatalf("forward: %s", errs)
	}
	friday := time.Date(2026, 11, 27, 12, 0, 0, 0, calendar.Zone)
	out, errs, code = run(t, db, friday, "return", r.Code, "--at", "2026-11-27 10:00", "--json")
	if code != 0 {
		t.Fatalf("return: %s", errs)
	}
	var ret struct {
		State, Outcome string
	}
	mustJSON(t, out, &ret)
	if ret.State != "returned" || ret.Outcome != "on_time" {
		t.Fatalf("return gave %+v", ret)
	}
	// A returned dossier cannot change state.
	_, errs, code = run(t, db, monday, "refuse", r.Code, "--reason", "x")
	if code != ExitError || !strings.Contains(errs, "đã trả kết quả") {
		t.Fatalf("refuse after return: %d %s", code, errs)
	}
	out, _, code = run(t, db, monday, "show", r.Code)
	if code != 0 || !strings.Contains(out, "Đỗ Đức Đạt") || !strings.Contains(out, "Đúng hạn") {
		t.Fatalf("show: %s", out)
	}
	out, _, code = run(t, db, monday, "search", "do duc dat", "--json")
	var rows []map[string]any
	mustJSON(t, out, &rows)
	if code != 0 || len(rows) != 1 || rows[0]["code"] != r.Code {
		t.Fatalf("search: %s", out)
	}
}

func TestCalendarCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	out, errs, code := run(t, db, monday, "calendar", "due", "--from", "2026-02-13 10:00", "--limit", "3d", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var due struct {
		DueDate string `json:"due_date"`
	}
	mustJSON(t, out, &due)
	if due.DueDate != "2026-02-25" {
		t.Fatalf("3d across Tết 2026: %s", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "due", "--from", "2026-11-27 15:01", "--limit", "same-day", "--json")
	mustJSON(t, out, &due)
	if due.DueDate != "2026-11-30" {
		t.Fatalf("same-day after 15:00 on Friday: %s", out)
	}
	out, _, code = run(t, db, monday, "calendar", "day", "2026-02-17", "--json")
	var day struct {
		Working bool
		Reason  string
		Lunar   string
	}
	mustJSON(t, out, &day)
	if code != 0 || day.Working || !strings.Contains(day.Lunar, "01/01") {
		t.Fatalf("mùng 1 Tết: %s", out)
	}
	out, _, _ = run(t, db, monday, "calendar", "day", "2026-01-10", "--json")
	mustJSON(t, out, &day)
	if !day.Working {
		t.Fatalf("make-up Saturday 10/01/2026 must be a working day: %s", out)
	}
}

func TestErrorsAreVietnameseAndNonZero(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"receive", "--procedure", "khai-sinh", "--applicant", "   "}, ExitError, "họ tên người nộp hồ sơ không được để trống"},
		{[]string{"receive", "--procedure", "khong-co", "--applicant", "An"}, ExitError, "không có thủ tục mã"},
		{[]string{"receive", "--applicant", "An"}, ExitUsage, "thiếu --procedure"},
		{[]string{"receive", "--procedure", "khai-sinh", "--applicant", "An", "--at", "2026-13-45 25:00"}, ExitError, "không hợp lệ"},
		{[]string{"calendar", "due", "--limit", "3x"}, ExitError, "thời hạn"},
		{[]string{"calendar", "day", "31/12/2026"}, ExitError, "YYYY-MM-DD"},
		{[]string{"show", "000.00.00.H00-261123-0999"}, ExitError, "không có hồ sơ"},
		{[]string{"nonsense"}, ExitUsage, "không có lệnh"},
		{[]string{"receive", "--bogus"}, ExitUsage, "không có tùy chọn"},
		{[]string{"apologise", "X-261123-0001", "--reason", "chậm"}, ExitUsage, "thiếu --new-date"},
	}
	for _, c := range cases {
		out, errs, code := run(t, db, monday, append(c.args, "--json")...)
		if code != c.code || !strings.Contains(strings.ToLower(errs), strings.ToLower(c.want)) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d containing %q", c.args, code, errs, c.code, c.want)
		}
		if out != "" {
			t.Errorf("%v: stdout must be empty on error, got %q", c.args, out)
		}
	}
}

func TestSettingsAndProcedures(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if _, errs, code := run(t, db, monday, "settings", "agency_code=000.17.22.H56", "place_name=Đông Văn"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, db, monday, "settings", "sign_as=XX"); code == 0 || !strings.Contains(errs, "Thể thức ký") {
		t.Fatalf("bad setting accepted: %s", errs)
	}
	out, _, _ := run(t, db, monday, "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo", "--at", "2026-11-23 07:40", "--json")
	if !strings.Contains(out, `"code": "000.17.22.H56-261123-0001"`) || !strings.Contains(out, `"due_at": "2026-11-23T16:00:00+07:00"`) {
		t.Fatalf("receipt with agency code: %s", out)
	}
	out, _, code := run(t, db, monday, "procedures", "--json")
	var ps []struct {
		Code, Name string
		Limit      calendar.Limit
	}
	mustJSON(t, out, &ps)
	if code != 0 || len(ps) < 20 {
		t.Fatalf("procedures: %d", len(ps))
	}
	for _, p := range ps {
		if p.Code == "khai-sinh" && p.Limit.Unit != calendar.SameDay {
			t.Fatalf("khai-sinh limit %+v", p.Limit)
		}
	}
}

func TestVersion(t *testing.T) {
	out, _, code := run(t, filepath.Join(t.TempDir(), "t.db"), monday, "version")
	if code != 0 || !strings.Contains(out, Version) {
		t.Fatal(out)
	}
}

func TestAdministratorEditsCatalogueAndSchedule(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	procs := filepath.Join(dir, "p.json")
	os.WriteFile(procs, []byte(`[{"code":"tam-tru","name":"Đăng ký tạm trú","field":"Cư trú","limit":{"value":2,"unit":"working_days"},"legal_basis":"Quyết định công bố TTHC của tỉnh"},
		{"code":"moi","name":"Thủ tục mới của tỉnh","field":"Khác","limit":{"value":16,"unit":"working_hours"},"legal_basis":"QĐ 1/2026"}]`), 0o644)
	out, errs, code := run(t, db, monday, "procedures", "import", procs, "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	if !strings.Contains(out, `"code": "moi"`) {
		t.Fatal(out)
	}
	out, _, _ = run(t, db, monday.Add(8*time.Hour), "receive", "--procedure", "moi", "--applicant", "An", "--at", "2026-11-23 15:00", "--json")
	// 16 working hours from Mon 15:00: 2 h Monday, Tue 24/11 off, 8 h Wed, 6 h Thu → Thu 26/11 15:00.
	if !strings.Contains(out, `"due_at": "2026-11-26T15:00:00+07:00"`) {
		t.Fatalf("16h: %s", out)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(procs, []byte(`[{"code":"x","name":"","limit":{"value":1,"unit":"working_days"}}]`), 0o644)
	if _, errs, code := run(t, db, monday, "procedures", "import", procs); code == 0 || !strings.Contains(errs, "không được để trống") {
		t.Fatalf("empty name imported: %s", errs)
	}
	os.WriteFile(bad, []byte(`{"year": 2027, "source": "x", "off": [{"date": "2027-13-01", "reason": "?"}]}`), 0o644)
	if _, errs, code := run(t, db, monday, "calendar", "schedule", "2027", "import", bad); code == 0 || errs == "" {
		t.Fatal("bad schedule accepted")
	}
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte(`{"year": 2027, "source": "Thông báo (thử)", "confidence": "high", "off": [{"date": "2027-04-15", "reason": "Nghỉ thử"}], "work": []}`), 0o644)
	// Without --apply the import is a dry run: nothing is saved.
	if out, errs, code := run(t, db, monday, "calendar", "schedule", "2027", "import", good); code != 0 || !strings.Contains(out, "--apply") {
		t.Fatal(out, errs)
	}
	if out, _, _ = run(t, db, monday, "calendar", "day", "2027-04-15", "--json"); !strings.Contains(out, `"working": true`) {
		t.Fatalf("a dry run saved the schedule: %s", out)
	}
	if _, errs, code := run(t, db, monday, "calendar", "schedule", "2027", "import", good, "--apply"); code != 0 {
		t.Fatal(errs)
	}
	out, _, _ = run(t, db, monday, "calendar", "day", "2027-04-15", "--json")
	if !strings.Contains(out, `"working": false`) {
		t.Fatalf("imported day off not applied: %s", out)
	}
}

func openOffice(t *testing.T, db string, now time.Time) *office.Office {
	t.Helper()
	o, err := office.Open(storetest.DSN(t, db), office.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func letterInput(kind, code string) office.LetterInput {
	return office.LetterInput{Kind: letters.Kind(kind), DossierCode: code}
}
