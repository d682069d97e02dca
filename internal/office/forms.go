package office

import (
	"context"
	"time"

	"motcua/internal/register"
)

// RequestSupplement asks the citizen, once, to complete the dossier: items
// are what is missing (one per line, or separated by ";"), reason is why;
// both are required and printed on form 02. A request made later than the
// law allows after receipt is recorded with warnings, and audited as
// "supplement_late".
func (o *Office) RequestSupplement(ctx context.Context, code, items, reason string, at time.Time) (*register.Dossier, []string, error) {
	if err := cleanAll("supplement_items", &items, "reason", &reason); err != nil {
		return nil, nil, err
	}
	var warnings []string
	d, err := o.changeAs(ctx, code, at, func(d *register.Dossier) (string, error) {
		var err error
		_, warnings, err = d.RequestSupplement(o.step(at), []string{items}, reason, o.cfg().cal)
		if len(warnings) > 0 {
			return "supplement_late", err
		}
		return "supplement", err
	})
	return d, warnings, err
}

// Refuse closes the dossier with a reason, as the refusal the dossier's
// history implies: refusal of acceptance at the counter (form 03) while it
// has never left the counter, else the competent body's refusal after
// appraisal (a written notice signed by it).
func (o *Office) Refuse(ctx context.Context, code, reason string, at time.Time) (*register.Dossier, error) {
	return o.RefuseAs(ctx, code, "", reason, at)
}

// RefuseAs refuses with an explicit kind; an empty kind is the default.
func (o *Office) RefuseAs(ctx context.Context, code string, kind register.RefusalKind, reason string, at time.Time) (*register.Dossier, error) {
	if err := cleanAll("reason", &reason); err != nil {
		return nil, err
	}
	return o.changeAs(ctx, code, at, func(d *register.Dossier) (string, error) {
		k := kind
		if k == "" {
			k = d.DefaultRefusal()
		}
		_, err := d.Refuse(o.step(at), k, reason)
		if k == register.RefuseAfterAppraisal {
			return "refuse_after_appraisal", err
		}
		return "refuse", err
	})
}

// Stop closes the dossier without a result, at the applicant's request or
// by the agency's decision (which must give its reason); the stop notice
// answers either.
func (o *Office) Stop(ctx context.Context, code string, by register.StopBy, reason string, at time.Time) (*register.Dossier, error) {
	if err := cleanAll("reason", &reason); err != nil {
		return nil, err
	}
	return o.changeAs(ctx, code, at, func(d *register.Dossier) (string, error) {
		_, err := d.Stop(o.step(at), by, reason)
		if by == register.StopByAgency {
			return "stop_by_agency", err
		}
		return "withdraw", err
	})
}
