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
