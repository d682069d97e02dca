package register

import (
	"slices"
	"strings"
	"testing"
)

func TestSupplementNeedsItemsAndReason(t *testing.T) {
	cal := testCalendar(t)
	d := newDossier(t, days3, "2026-11-23 08:30")
	_, _, err := d.RequestSupplement(st("2026-11-23 10:00"), []string{"Bản sao CCCD"}, "  ", cal)
	if err == nil || !strings.Contains(err.Error(), "chưa nhập lý do yêu cầu bổ sung") {
		t.Fatalf("empty reason: %v", err)
	}
	if _, _, err := d.RequestSupplement(st("2026-11-23 10:00"), []string{" ; 1. "}, "Thiếu giấy", cal); err == nil {
		t.Fatal("no items accepted")
	}
	if d.SupplementAt != nil || len(d.Events) != 1 {
		t.Fatal("a refused request changed the dossier")
	}
	ev, warns, err := d.RequestSupplement(st("2026-11-23 10:00"),
		[]string{"1. Bản sao CCCD;\n2) Giấy xác nhận cư trú", "- Tờ khai có chữ ký"}, "Hồ sơ thiếu giấy tờ theo quy định của thủ tục", cal)
	if err != nil || len(warns) != 0 {
		t.Fatal(err, warns)
	}
	if ev.Note != "Hồ sơ thiếu giấy tờ theo quy định của thủ tục" {
		t.Errorf("event note %q", ev.Note)
	}
	r, ok := d.Supplement()
	want := []string{"Bản sao CCCD", "Giấy xác nhận cư trú", "Tờ khai có chữ ký"}
	if !ok || !slices.Equal(r.Items, want) || r.Reason != "Hồ sơ thiếu giấy tờ theo quy định của thủ tục" || r.Late {
		t.Errorf("got %+v", r)
	}
}

// Received Mon 23/11/2026; Tue 24/11 is a holiday, so Fri 27/11 is the 3rd
// working day after receipt (on time) and Mon 30/11 the 4th (late).
func TestSupplementLateIsWarnedAndRecorded(t *testing.T) {
	cal := testCalendar(t)
	for _, tt := range []struct {
		at   string
		late bool
	}{
		{"2026-11-23 15:00", false},
		{"2026-11-27 16:30", false},
		{"2026-11-30 08:00", true},
	} {
		d := newDossier(t, days3, "2026-11-23 08:30")
		d.Forward(st("2026-11-23 09:00"), "Tư pháp")
		ev, warns, err := d.RequestSupplement(st(tt.at), []string{"Bản sao CCCD"}, "Thiếu giấy", cal)
		if err != nil {
			t.Fatal(err)
		}
		if (len(warns) > 0) != tt.late {
			t.Errorf("%s: warnings %q", tt.at, warns)
		}
		r, _ := d.Supplement()
		if r.Late != tt.late || r.Reason != "Thiếu giấy" {
			t.Errorf("%s: %+v", tt.at, r)
		}
		if tt.late && (!strings.Contains(ev.Note, "sau 04 ngày làm việc kể từ ngày tiếp nhận 23/11/2026") || !strings.Contains(warns[0], "trong 03 ngày làm việc")) {
			t.Errorf("%s: note %q, warning %q", tt.at, ev.Note, warns)
		}
	}
}

// A request recorded before the reason was asked for kept the list in both
// places: it reads as items without a reason, so the list prints once.
func TestSupplementRecordedBeforeReasons(t *testing.T) {
	d := newDossier(t, days3, "2026-11-23 08:30")
	at := vn("2026-11-23 10:00")
	d.State, d.SupplementAt, d.SupplementReason = SupplementRequested, &at, "1. Bản sao CCCD; 2. Tờ khai"
	d.Events = append(d.Events, Event{Seq: 2, Kind: EvSupplement, At: at, Note: d.SupplementReason, State: SupplementRequested})
	r, ok := d.Supplement()
	if !ok || r.Reason != "" || !slices.Equal(r.Items, []string{"Bản sao CCCD", "Tờ khai"}) {
		t.Errorf("got %+v", r)
	}
}

func TestSplitItems(t *testing.T) {
	for in, want := range map[string][]string{
		"a; b; c":                       {"a", "b", "c"},
		"1. Bản sao\n2. Tờ khai.":       {"Bản sao", "Tờ khai"},
		"a) Giấy A\nb) Giấy B":          {"Giấy A", "Giấy B"},
		"• Một\n- Hai\n+ Ba\n1) 1. Bốn": {"Một", "Hai", "Ba", "Bốn"},
		" ; \n ":                        nil,
		"Giấy khai sinh số 12/2020":     {"Giấy khai sinh số 12/2020"},
	} {
		if got := SplitItems(in); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
