package office

import (
	"context"

	"motcua/internal/letters"
	"motcua/internal/register"
	"motcua/internal/store"
)

// ProposeLetter says whether the window (or the command line) should offer
// to draft a letter to the citizen when ev has just happened to d, and of
// which kind. The procedure names the letter; the moment follows it: a
// condolence letter when the death is registered (the family comes once),
// congratulations when the birth or marriage result is returned. A letter
// of that kind already drafted or issued for the dossier is not proposed
// again. Letters that cannot be read propose: asking twice is better than
// never.
func (o *Office) ProposeLetter(ctx context.Context, d *register.Dossier, ev register.EventKind) (letters.Kind, bool) {
	k, ok := o.ProposedLetter(ctx, d)
	if !ok {
		return "", false
	}
	switch ev {
	case register.EvReceived:
		if k != letters.Condolence {
			return "", false
		}
	case register.EvReturned:
	default:
		return "", false
	}
	ls, err := o.st.Letters(ctx, store.LetterFilter{DossierID: d.ID})
	if err == nil {
		for _, l := range ls {
			if l.Kind == string(k) {
				return "", false
			}
		}
	}
	return k, true
}
