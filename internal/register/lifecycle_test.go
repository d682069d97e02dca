package register

import (
	"errors"
	"strings"
	"testing"
	"time"

	"motcua/assets"
	"motcua/internal/calendar"
)

func testCalendar(t testing.TB) *calendar.Calendar {
	t.Helper()
	s, err := calendar.ParseSchedules(assets.CalendarSchedules)
	if err != nil {
		t.Fatal(err)
	}
	c, err := calendar.New(calendar.DefaultHours(), s...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func vn(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Zone)
	if err != nil {
		panic(err)
	}
	return t
}

var days3 = Procedure{Code: "xac-nhan-hon-nhan", Name: "Cấp Giấy xác nhận tình trạng hôn nhân", Limit: calendar.Limit{Value: 3, Unit: calendar.WorkingDays}, Version: 2, Unit: "Tư pháp"}
var sameDay = Procedure{Code: "khai-sinh", Name: "Đăng ký khai sinh", Limit: calendar.Limit{Unit: calendar.SameDay}, Version: 1}

func newDossier(t *testing.T, p Procedure, at string) *Dossier {
	t.Helper()
	d, err := Receive(Intake{Procedure: p, Applicant: Applicant{Name: "Nguyễn Văn An"}, At: vn(at), Actor: "Lan", FormSet: "TT03/2025"}, testCalendar(t))
	if err != nil {
		t.Fatal(err)
	}
	d.Code = "000.17.22.H56-261123-0001"
	return d
}

func st(at string) Step { return Step{At: vn(at), Actor: "Lan"} }

func TestReceiveSetsDueDateAndRemembersVersion(t *testing.T) {
	tests := []struct {
		p        Procedure
		at, want string
	}{
		{days3, "2026-11-23 08:30", "2026-11-27 16:00"}, // 24/11 Ngày Văn hóa Việt Nam is off
		{days3, "2026-02-13 10:00", "2026-02-25 16:00"}, // across Tết 2026
		{sameDay, "2026-11-23 07:40", "2026-11-23 16:00"},
		{sameDay, "2026-11-23 15:00", "2026-11-23 16:00"},
		{sameDay, "2026-11-23 15:01", "2026-11-25 16:00"}, // after the cut-off; 24/11 off
		{sameDay, "2026-11-27 16:30", "2026-11-30 16:00"}, // Friday after 15:00 → Monday
	}
	for _, tt := range tests {
		d := newDossier(t, tt.p, tt.at)
		if got := d.DueAt.Format("2006-01-02 15:04"); got != tt.want {
			t.Errorf("%s at %s: due %s, want %s", tt.p.Code, tt.at, got, tt.want)
		}
		if d.State != Received || d.ProcedureVersion != tt.p.Version || d.FormSet != "TT03/2025" || len(d.Events) != 1 {
			t.Errorf("new dossier: %+v", d)
		}
	}
}

func TestReceiveRejectsBadInput(t *testing.T) {
	cal := testCalendar(t)
	at := vn("2026-11-23 08:00")
	cases := []struct {
		in   Intake
		want string
	}{
		{Intake{Procedure: days3, Applicant: Applicant{Name: "  \u00a0 "}, At: at}, "họ tên người nộp hồ sơ không được để trống"},
		{Intake{Procedure: days3, Applicant: Applicant{Name: "An", Phone: "12ab"}, At: at}, "số điện thoại"},
		{Intake{Procedure: days3, Applicant: Applicant{Name: "An", Email: "an@"}, At: at}, "thư điện tử"},
		{Intake{Procedure: Procedure{}, Applicant: Applicant{Name: "An"}, At: at}, "chưa chọn thủ tục"},
		{Intake{Procedure: days3, Applicant: Applicant{Name: "An"}}, "thiếu thời điểm"},
		{Intake{Procedure: days3, Applicant: Applicant{Name: "An"}, At: at, Sets: -1}, "số bộ hồ sơ"},
		{Intake{Procedure: days3, Applicant: Applicant{Name: "An"}, At: at, ResultMethod: "fax"}, "phương thức nhận kết quả"},
		{Intake{Procedure: Procedure{Code: "x", Name: "X", Inactive: true, Limit: days3.Limit}, Applicant: Applicant{Name: "An"}, At: at}, "ngừng áp dụng"},
		{Intake{Procedure: days3, Applicant: Applicant{Name: strings.Repeat("A", 201)}, At: at}, "dài quá 200"},
	}
	for _, c := range cases {
		if _, err := Receive(c.in, cal); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Receive(%+v) = %v, want error containing %q", c.in.Applicant, err, c.want)
		}
	}
}

func TestReceiveNormalisesNFD(t *testing.T) {
	nfd := "Nguye\u0302\u0303n Thi\u0323 Hoa" // "Nguyễn Thị Hoa" decomposed
	d, err := Receive(Intake{Procedure: days3, Applicant: Applicant{Name: "  " + nfd + " "}, At: vn("2026-11-23 08:00")}, testCalendar(t))
	if err != nil {
		t.Fatal(err)
	}
	if d.Applicant.Name != "Nguyễn Thị Hoa" {
		t.Fatalf("name %q not NFC", d.Applicant.Name)
	}
}

func TestFullLifecycleAndControlSlip(t *testing.T) {
	cal := testCalendar(t)
	d := newDossier(t, days3, "2026-11-23 08:30") // due Fri 27/11 16:00
	if _, err := d.Forward(st("2026-11-23 09:00"), "Công chức Tư pháp - Hộ tịch"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Forward(st("2026-11-25 09:00"), "Lãnh đạo UBND xã"); err != nil {
		t.Fatal(err)
	}
	ev, err := d.MarkDone(st("2026-11-27 10:00"), "")
	if err != nil || ev.Outcome != OnTime || ev.From != "Lãnh đạo UBND xã" {
		t.Fatalf("done: %+v %v", ev, err)
	}
	ev, err = d.Return(st("2026-11-27 15:30"))
	if err != nil || d.Outcome != OnTime || d.State != Returned || ev.Seq != 5 {
		t.Fatalf("return: %+v %v", d, err)
	}
	var hand []Event
	for _, e := range d.Events {
		if e.IsHandover() {
			hand = append(hand, e)
		}
	}
	if len(hand) != 5 || hand[1].From != DefaultCounter || hand[1].To != "Công chức Tư pháp - Hộ tịch" || hand[1].Outcome != Early {
		t.Fatalf("control slip rows: %+v", hand)
	}
	_ = cal
}

func TestOutcomeAtReturn(t *testing.T) {
	for _, tt := range []struct {
		at   string
		want Outcome
	}{
		{"2026-11-26 16:59", Early},
		{"2026-11-27 08:00", OnTime},
		{"2026-11-27 23:59", OnTime},
		{"2026-11-28 08:00", Late},
		{"2026-12-01 08:00", Late},
	} {
		d := newDossier(t, days3, "2026-11-23 08:30")
		if _, err := d.Return(st(tt.at)); err != nil {
			t.Fatal(err)
		}
		if d.Outcome != tt.want {
			t.Errorf("returned %s: %s, want %s", tt.at, d.Outcome, tt.want)
		}
	}
}

func TestClassifyUsesVietnamTime(t *testing.T) {
	due := vn("2026-11-27 16:00")
	// 23:30 UTC on 26/11 is 06:30 on 27/11 in Vietnam: on time, not early.
	if got := Classify(time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC), due); got != OnTime {
		t.Fatalf("got %s", got)
	}
}

func TestSupplementOnlyOnceAndLimitRestarts(t *testing.T) {
	cal := testCalendar(t)
	d := newDossier(t, days3, "2026-11-23 08:30")
	if _, _, err := d.RequestSupplement(st("2026-11-23 10:00"), []string{"  "}, "Thiếu giấy tờ theo quy định", testCalendar(t)); err == nil {
		t.Fatal("empty reason accepted")
	}
	if _, _, err := d.RequestSupplement(st("2026-11-23 10:00"), []string{"Thiếu bản sao CCCD"}, "Thiếu giấy tờ theo quy định", testCalendar(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Return(st("2026-11-23 11:00")); err == nil {
		t.Fatal("returned while waiting for supplement")
	}
	if _, err := d.Resume(st("2026-12-01 09:00"), "", cal); err != nil {
		t.Fatal(err)
	}
	// Day 0 is Tue 01/12; three working days → Fri 04/12.
	if got := d.DueAt.Format("2006-01-02 15:04"); got != "2026-12-04 16:00" {
		t.Fatalf("restarted due %s", got)
	}
	if d.State != Received {
		t.Fatalf("state after resume %s", d.State)
	}
	_, _, err := d.RequestSupplement(st("2026-12-02 09:00"), []string{"Thiếu giấy khác"}, "Thiếu giấy tờ theo quy định", testCalendar(t))
	if err == nil || !strings.Contains(err.Error(), "chỉ cho phép yêu cầu bổ sung một lần") {
		t.Fatalf("second supplement: %v", err)
	}
	if _, err := d.Resume(st("2026-12-02 10:00"), "", cal); err == nil {
		t.Fatal("resume without pending supplement accepted")
	}
}

func TestApologyRules(t *testing.T) {
	cal := testCalendar(t)
	d := newDossier(t, days3, "2026-11-23 08:30") // due Fri 27/11
	cases := []struct {
		at, reason, date, want string
	}{
		{"2026-11-25 09:00", "", "2026-12-02", "lý do"},
		{"2026-11-25 09:00", "Chờ xác minh", "2026-11-29", "ngày nghỉ"},    // Sunday
		{"2026-11-25 09:00", "Chờ xác minh", "2026-11-27", "phải sau hạn"}, // not later than due
		{"2026-11-25 09:00", "Chờ xác minh", "2026-11-26", "phải sau hạn"},
	}
	for _, c := range cases {
		if _, _, err := d.Apologise(st(c.at), c.reason, vn(c.date+" 00:00"), cal); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("apology %+v: %v", c, err)
		}
	}
	// In time (two working days before): no warning.
	_, warns, err := d.Apologise(st("2026-11-25 09:00"), "Chờ xác minh tại địa phương", vn("2026-12-02 00:00"), cal)
	if err != nil || len(warns) != 0 {
		t.Fatalf("apology in time: %v %v", warns, err)
	}
	if d.NewDueAt == nil || d.NewDueAt.Format("2006-01-02 15:04") != "2026-12-02 16:00" || d.DueAt.Format("2006-01-02") != "2026-11-27" {
		t.Fatalf("dates after apology: new %v due %v", d.NewDueAt, d.DueAt)
	}
	_, _, err = d.Apologise(st("2026-11-26 09:00"), "Lần nữa", vn("2026-12-04 00:00"), cal)
	if err == nil || !strings.Contains(err.Error(), "chỉ cho phép hẹn lại một lần") {
		t.Fatalf("second apology: %v", err)
	}
	// Returned on the apology's date: still late against the statutory date.
	if _, err := d.Return(st("2026-12-02 15:00")); err != nil || d.Outcome != Late {
		t.Fatalf("outcome after apology %s %v", d.Outcome, err)
	}
}

func TestLateApologyWarns(t *testing.T) {
	cal := testCalendar(t)
	for _, at := range []string{"2026-11-27 08:00", "2026-11-26 16:00", "2026-11-30 09:00"} {
		d := newDossier(t, days3, "2026-11-23 08:30") // due Fri 27/11
		_, warns, err := d.Apologise(st(at), "Chờ ý kiến cơ quan khác", vn("2026-12-03 00:00"), cal)
		if err != nil {
			t.Fatal(err)
		}
		// 26/11 is one working day before 27/11: in time. 27/11 and later: late.
		wantWarn := at != "2026-11-26 16:00"
		if (len(warns) > 0) != wantWarn {
			t.Errorf("apology at %s: warnings %v", at, warns)
		}
	}
}

func TestFinalStatesCannotChange(t *testing.T) {
	cal := testCalendar(t)
	closers := map[string]func(d *Dossier) error{
		"returned": func(d *Dossier) error { _, err := d.Return(st("2026-11-24 09:00")); return err },
		"refused": func(d *Dossier) error {
			_, err := d.Refuse(st("2026-11-24 09:00"), d.DefaultRefusal(), "Không thuộc thẩm quyền")
			return err
		},
		"withdrawn": func(d *Dossier) error { _, err := d.Withdraw(st("2026-11-24 09:00"), ""); return err },
	}
	actions := map[string]func(d *Dossier) error{
		"forward": func(d *Dossier) error { _, err := d.Forward(st("2026-11-25 09:00"), "X"); return err },
		"done":    func(d *Dossier) error { _, err := d.MarkDone(st("2026-11-25 09:00"), ""); return err },
		"supplement": func(d *Dossier) error {
			_, _, err := d.RequestSupplement(st("2026-11-25 09:00"), []string{"x"}, "Thiếu giấy tờ theo quy định", testCalendar(t))
			return err
		},
		"resume": func(d *Dossier) error { _, err := d.Resume(st("2026-11-25 09:00"), "", cal); return err },
		"apologise": func(d *Dossier) error {
			_, _, err := d.Apologise(st("2026-11-25 09:00"), "x", vn("2026-12-10 00:00"), cal)
			return err
		},
		"refuse": func(d *Dossier) error {
			_, err := d.Refuse(st("2026-11-25 09:00"), d.DefaultRefusal(), "x")
			return err
		},
		"withdraw": func(d *Dossier) error { _, err := d.Withdraw(st("2026-11-25 09:00"), ""); return err },
		"return":   func(d *Dossier) error { _, err := d.Return(st("2026-11-25 09:00")); return err },
	}
	for cn, closeFn := range closers {
		for an, act := range actions {
			d := newDossier(t, days3, "2026-11-23 08:30")
			if err := closeFn(d); err != nil {
				t.Fatal(cn, err)
			}
			n := len(d.Events)
			err := act(d)
			if !errors.Is(err, ErrFinal) {
				t.Errorf("%s then %s: %v, want ErrFinal", cn, an, err)
			}
			if len(d.Events) != n || string(d.State) != cn {
				t.Errorf("%s then %s changed the dossier", cn, an)
			}
		}
	}
}

func TestStateGuards(t *testing.T) {
	d := newDossier(t, days3, "2026-11-23 08:30")
	if _, err := d.Forward(st("2026-11-23 09:00"), " "); err == nil {
		t.Fatal("forward without unit")
	}
	if _, err := d.Forward(st("2026-11-23 08:00"), "X"); err == nil || !strings.Contains(err.Error(), "sớm hơn") {
		t.Fatalf("step before receipt: %v", err)
	}
	if _, _, err := d.RequestSupplement(st("2026-11-23 09:00"), []string{"Thiếu giấy"}, "Thiếu giấy tờ theo quy định", testCalendar(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Forward(st("2026-11-23 10:00"), "X"); err == nil || !strings.Contains(err.Error(), "Chờ bổ sung") {
		t.Fatalf("forward while waiting: %v", err)
	}
	if _, _, err := d.Apologise(st("2026-11-23 10:00"), "x", vn("2026-12-10 00:00"), testCalendar(t)); err == nil {
		t.Fatal("apology while the clock is stopped")
	}
	if _, err := d.Withdraw(st("2026-11-23 11:00"), "Công dân không bổ sung"); err != nil {
		t.Fatal(err)
	}
}

func TestCodes(t *testing.T) {
	code := FormatCode("000.17.22.H56", vn("2021-05-31 08:00"), 1)
	if code != "000.17.22.H56-210531-0001" {
		t.Fatal(code)
	}
	ag, day, seq, err := ParseCode(code)
	if err != nil || ag != "000.17.22.H56" || seq != 1 || day.Format("2006-01-02") != "2021-05-31" {
		t.Fatal(ag, day, seq, err)
	}
	// The day is Vietnam's: 20:00 UTC on 30/05 is 03:00 on 31/05 in Vietnam.
	if c := FormatCode("A", time.Date(2021, 5, 30, 20, 0, 0, 0, time.UTC), 12); c != "A-210531-0012" {
		t.Fatal(c)
	}
	for _, bad := range []string{"", "abc", "A-2105-0001", "A-219931-0001"} {
		if _, _, _, err := ParseCode(bad); err == nil {
			t.Errorf("ParseCode(%q) accepted", bad)
		}
	}
}

func TestCatalogue(t *testing.T) {
	ps, err := ParseCatalogue(assets.Procedures)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 20 {
		t.Fatalf("only %d procedures", len(ps))
	}
	want := map[string]calendar.Limit{
		"khai-sinh":           {Unit: calendar.SameDay},
		"chung-thuc-hop-dong": {Value: 2, Unit: calendar.WorkingDays},
		"thuong-tru":          {Value: 7, Unit: calendar.WorkingDays},
		"dat-dai-lan-dau":     {Value: 20, Unit: calendar.WorkingDays},
	}
	for _, p := range ps {
		if w, ok := want[p.Code]; ok && p.Limit != w {
			t.Errorf("%s: %+v", p.Code, p.Limit)
		}
		if p.LegalBasis == "" || p.Field == "" {
			t.Errorf("%s lacks legal basis or field", p.Code)
		}
	}
	if _, err := ParseCatalogue([]byte(`[{"code":"a","name":"A","limit":{"value":1,"unit":"working_days"}},{"code":"a","name":"B","limit":{"value":1,"unit":"working_days"}}]`)); err == nil || !strings.Contains(err.Error(), "bị trùng") {
		t.Fatalf("duplicate code: %v", err)
	}
	if _, err := ParseCatalogue([]byte(`[{"code":"a","name":"A","limit":{"value":1,"unit":"weeks"}}]`)); err == nil {
		t.Fatal("bad unit accepted")
	}
}

func TestAllowsMatchesTheSteps(t *testing.T) {
	cal := testCalendar(t)
	steps := map[Action]func(d *Dossier) error{
		ActForward: func(d *Dossier) error { _, err := d.Forward(st("2026-11-25 09:00"), "Đơn vị khác"); return err },
		ActDone:    func(d *Dossier) error { _, err := d.MarkDone(st("2026-11-25 09:00"), "Quầy"); return err },
		ActSupplement: func(d *Dossier) error {
			_, _, err := d.RequestSupplement(st("2026-11-25 09:00"), []string{"x"}, "Thiếu giấy tờ theo quy định", testCalendar(t))
			return err
		},
		ActResume: func(d *Dossier) error { _, err := d.Resume(st("2026-11-25 09:00"), "", cal); return err },
		ActApologise: func(d *Dossier) error {
			_, _, err := d.Apologise(st("2026-11-25 09:00"), "x", vn("2026-12-10 00:00"), cal)
			return err
		},
		ActRefuse: func(d *Dossier) error {
			_, err := d.Refuse(st("2026-11-25 09:00"), d.DefaultRefusal(), "x")
			return err
		},
		ActWithdraw: func(d *Dossier) error { _, err := d.Withdraw(st("2026-11-25 09:00"), ""); return err },
		ActReturn:   func(d *Dossier) error { _, err := d.Return(st("2026-11-25 09:00")); return err },
	}
	// Reach each state, then compare Allows with what the step does.
	reach := map[State]func(d *Dossier){
		Received:   func(d *Dossier) {},
		InProgress: func(d *Dossier) { d.Forward(st("2026-11-23 09:00"), "Tư pháp") },
		SupplementRequested: func(d *Dossier) {
			d.RequestSupplement(st("2026-11-23 09:00"), []string{"Thiếu giấy"}, "Thiếu giấy tờ theo quy định", testCalendar(t))
		},
		Done:      func(d *Dossier) { d.MarkDone(st("2026-11-23 09:00"), "") },
		Returned:  func(d *Dossier) { d.Return(st("2026-11-23 09:00")) },
		Refused:   func(d *Dossier) { d.Refuse(st("2026-11-23 09:00"), d.DefaultRefusal(), "x") },
		Withdrawn: func(d *Dossier) { d.Withdraw(st("2026-11-23 09:00"), "") },
	}
	for state, get := range reach {
		for _, a := range Actions {
			d := newDossier(t, days3, "2026-11-23 08:30")
			get(d)
			if d.State != state {
				t.Fatalf("could not reach %s", state)
			}
			allowed := d.State.Allows(a) && d.Can(a)
			err := steps[a](d)
			if allowed != (err == nil) {
				t.Errorf("%s from %s: Allows=%v but step error %v", a, state, allowed, err)
			}
		}
	}
}
