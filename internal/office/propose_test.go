package office

import (
	"context"
	"path/filepath"
	"testing"

	"motcua/internal/letters"
	"motcua/internal/register"
)

func TestProposeLetterFollowsTheMoment(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	ctx := context.Background()
	var death *register.Dossier
	ps, _ := o.Procedures(ctx)
	for _, p := range ps {
		if letters.Kind(p.Letter) == letters.Condolence {
			death = receive(t, o, p.Code, "Giàng A Páo")
			break
		}
	}
	if death == nil {
		t.Skip("no procedure proposes a condolence letter")
	}
	if k, ok := o.ProposeLetter(ctx, death, register.EvReceived); !ok || k != letters.Condolence {
		t.Fatalf("death received: %q %v", k, ok)
	}
	birth := receive(t, o, "khai-sinh", "Lò Văn Sáng")
	if _, ok := o.ProposeLetter(ctx, birth, register.EvReceived); ok {
		t.Error("congratulations proposed at reception")
	}
	if k, ok := o.ProposeLetter(ctx, birth, register.EvReturned); !ok || k != letters.Birth {
		t.Errorf("birth returned: %q %v", k, ok)
	}
	// Drafted once, not proposed again when the result is returned.
	if _, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Condolence, DossierCode: death.Code,
		Fields: map[string]string{"nguoi_mat": "Giàng A Sử", "ngay": "ngày 20 tháng 11 năm 2026"}}); err != nil {
		t.Fatalf("drafting the condolence letter: %v", err)
	}
	if _, ok := o.ProposeLetter(ctx, death, register.EvReturned); ok {
		t.Error("condolences proposed twice")
	}
}
