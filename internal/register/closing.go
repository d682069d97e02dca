package register

// RefusalKind says who refuses a dossier, which decides the paper that
// answers the citizen.
type RefusalKind string

const (
	// RefuseAtCounter: the one-stop counter refuses to accept the dossier
	// (phiếu từ chối tiếp nhận giải quyết hồ sơ, form 03), signed by the
	// receiving officer. Only while the dossier is still at the counter.
	RefuseAtCounter RefusalKind = "counter"
	// RefuseAfterAppraisal: the competent body refuses to resolve the
	// dossier after appraising it, by a written notice it signs (not form 03).
	RefuseAfterAppraisal RefusalKind = "appraisal"
)

// RefusalKinds lists the kinds in the order a window offers them.
var RefusalKinds = []RefusalKind{RefuseAtCounter, RefuseAfterAppraisal}

// Vietnamese names the kind for screens.
func (k RefusalKind) Vietnamese() string {
	switch k {
	case RefuseAtCounter:
		return "Từ chối tiếp nhận (tại bộ phận một cửa)"
	case RefuseAfterAppraisal:
		return "Từ chối giải quyết (sau thẩm định)"
	}
	return string(k)
}

// refusalFrom refines the state table's row for ActRefuse by kind; the
// union of the rows is allowedFrom[ActRefuse] (a test keeps them so).
var refusalFrom = map[RefusalKind][]State{
	RefuseAtCounter:      {Received, SupplementRequested},
	RefuseAfterAppraisal: {Received, InProgress, SupplementRequested},
}

var refusalEvents = map[RefusalKind]EventKind{
	RefuseAtCounter:      EvRefused,
	RefuseAfterAppraisal: EvRejected,
}

// CanRefuse reports whether a refusal of kind k is allowed now.
func (d *Dossier) CanRefuse(k RefusalKind) bool {
	for _, s := range refusalFrom[k] {
		if d.State == s {
			return true
		}
	}
	return false
}

// DefaultRefusal is the refusal a clerk means when they just "refuse": at
// the counter while the dossier has never left it, else the competent
// body's refusal after appraisal.
func (d *Dossier) DefaultRefusal() RefusalKind {
	if d.ForwardedAt == nil && d.CanRefuse(RefuseAtCounter) {
		return RefuseAtCounter
	}
	return RefuseAfterAppraisal
}

// Refusal is the kind of a refused dossier's refusal, from its closing
// event; false when the dossier is not refused. Refusals recorded before the
// kinds existed read as refusals at the counter, the paper they printed.
// It reads the events: a dossier from a list query, loaded without them,
// reads as refused at the counter.
func (d *Dossier) Refusal() (RefusalKind, bool) {
	if d.State != Refused {
		return "", false
	}
	for i := len(d.Events) - 1; i >= 0; i-- {
		if d.Events[i].Kind == EvRejected {
			return RefuseAfterAppraisal, true
		}
		if d.Events[i].Kind == EvRefused {
			break
		}
	}
	return RefuseAtCounter, true
}

// StopBy says who asked to stop handling a dossier.
type StopBy string

const (
	StopByApplicant StopBy = "applicant" // the applicant withdrew the request (rút hồ sơ)
	StopByAgency    StopBy = "agency"    // the agency decided to stop handling it
)

// Vietnamese names who asked, for screens and the stop notice.
func (b StopBy) Vietnamese() string {
	switch b {
	case StopByApplicant:
		return "Người nộp hồ sơ đề nghị dừng (rút hồ sơ)"
	case StopByAgency:
		return "Cơ quan giải quyết quyết định dừng"
	}
	return string(b)
}

// Stopped tells who asked to stop a withdrawn dossier, from its closing
// event (so it needs the events loaded); false when the dossier was not
// stopped.
func (d *Dossier) Stopped() (StopBy, bool) {
	if d.State != Withdrawn {
		return "", false
	}
	for i := len(d.Events) - 1; i >= 0; i-- {
		switch d.Events[i].Kind {
		case EvStopped:
			return StopByAgency, true
		case EvWithdrawn:
			return StopByApplicant, true
		}
	}
	return StopByApplicant, true
}
