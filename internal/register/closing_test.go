package register

import (
	"slices"
	"strings"
	"testing"
)

// The kinds' rows refine ActRefuse's row of the state table: together they
// allow exactly what the table allows.
func TestRefusalKindsCoverTheStateTable(t *testing.T) {
	var union []State
	for _, k := range RefusalKinds {
		for _, s := range refusalFrom[k] {
			if !slices.Contains(union, s) {
				union = append(union, s)
			}
		}
		if _, ok := refusalEvents[k]; !ok {
			t.Errorf("%s has no event kind", k)
		}
	}
	for _, s := range States {
		if slices.Contains(union, s) != s.Allows(ActRefuse) {
			t.Errorf("%s: kinds allow %v, the table %v", s, slices.Contains(union, s), s.Allows(ActRefuse))
		}
	}
}

func TestRefusalAtTheCounterOrAfterAppraisal(t *testing.T) {
	// At the counter: refusal of acceptance, form 03.
	d := newDossier(t, days3, "2026-11-23 08:30")
	if d.DefaultRefusal() != RefuseAtCounter {
		t.Fatalf("a dossier at the counter defaults to %s", d.DefaultRefusal())
	}
	if _, err := d.Refuse(st("2026-11-23 09:00"), RefuseAtCounter, "Không thuộc thẩm quyền"); err != nil {
		t.Fatal(err)
	}
	if k, ok := d.Refusal(); !ok || k != RefuseAtCounter || d.Events[1].Kind != EvRefused {
		t.Errorf("got %s %v", k, ok)
	}

	// Forwarded for appraisal: the counter can no longer refuse acceptance;
	// the competent body refuses by a written notice.
	d = newDossier(t, days3, "2026-11-23 08:30")
	d.Forward(st("2026-11-23 09:00"), "Tư pháp")
	_, err := d.Refuse(st("2026-11-24 09:00"), RefuseAtCounter, "x")
	if err == nil || !strings.Contains(err.Error(), "cơ quan có thẩm quyền từ chối giải quyết bằng văn bản") {
		t.Fatalf("counter refusal of a forwarded dossier: %v", err)
	}
	if d.DefaultRefusal() != RefuseAfterAppraisal {
		t.Fatalf("a forwarded dossier defaults to %s", d.DefaultRefusal())
	}
	if _, err := d.Refuse(st("2026-11-24 09:00"), RefuseAfterAppraisal, "Không đủ điều kiện theo kết quả thẩm định"); err != nil {
		t.Fatal(err)
	}
	if k, ok := d.Refusal(); !ok || k != RefuseAfterAppraisal || d.State != Refused || d.Events[2].Kind != EvRejected {
		t.Errorf("got %s %v %s", k, ok, d.State)
	}
	if _, err := d.Refuse(st("2026-11-24 10:00"), "phone", "x"); err == nil {
		t.Error("refused twice")
	}
	d = newDossier(t, days3, "2026-11-23 08:30")
	if _, err := d.Refuse(st("2026-11-24 10:00"), "phone", "x"); err == nil || !strings.Contains(err.Error(), "loại từ chối") {
		t.Errorf("unknown kind: %v", err)
	}
	// Refusals recorded before the kinds existed read as form 03's.
	d = newDossier(t, days3, "2026-11-23 08:30")
	d.State = Refused
	if k, _ := d.Refusal(); k != RefuseAtCounter {
		t.Errorf("old refusal reads as %s", k)
	}
}

func TestStopRecordsWhoAskedAndWhy(t *testing.T) {
	d := newDossier(t, days3, "2026-11-23 08:30")
	if _, err := d.Withdraw(st("2026-11-23 09:00"), ""); err != nil {
		t.Fatal(err)
	}
	if by, ok := d.Stopped(); !ok || by != StopByApplicant || d.Events[1].Kind != EvWithdrawn {
		t.Errorf("withdrawal: %s %v", by, ok)
	}
	d = newDossier(t, days3, "2026-11-23 08:30")
	if _, err := d.Stop(st("2026-11-23 09:00"), StopByAgency, " "); err == nil {
		t.Fatal("the agency stopped without a reason")
	}
	if _, err := d.Stop(st("2026-11-23 09:00"), "chair", "x"); err == nil {
		t.Fatal("unknown requester accepted")
	}
	if _, err := d.Stop(st("2026-11-23 09:00"), StopByAgency, "Có tranh chấp đang được Tòa án giải quyết"); err != nil {
		t.Fatal(err)
	}
	if by, ok := d.Stopped(); !ok || by != StopByAgency || d.ClosedReason != "Có tranh chấp đang được Tòa án giải quyết" || d.State != Withdrawn {
		t.Errorf("agency stop: %s %v %+v", by, ok, d)
	}
	if _, ok := newDossier(t, days3, "2026-11-23 08:30").Stopped(); ok {
		t.Error("an open dossier reads as stopped")
	}
}
