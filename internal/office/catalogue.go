package office

import (
	"context"
	"encoding/json"

	"motcua/assets"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
)

// UnconfirmedLimits lists the time limits of the catalogue (and of their
// variants) that were not checked against the legal text ([S] or [M]) and
// that no administrator has confirmed against the province's list yet: the
// settings screen shows them, `motcua procedures --unconfirmed` prints them.
func (o *Office) UnconfirmedLimits(ctx context.Context) ([]register.LimitCheck, error) {
	ps, err := o.st.Procedures(ctx)
	if err != nil {
		return nil, err
	}
	out := register.Unconfirmed(ps)
	if out == nil {
		out = []register.LimitCheck{}
	}
	return out, nil
}

// ProcedureOf is the procedure as the dossier was received under it (its
// version): who decides and signs it (Authority, SignBlock, ByCommittee),
// its variants and legal basis, for the papers of the dossier.
func (o *Office) ProcedureOf(ctx context.Context, d *register.Dossier) (register.Procedure, error) {
	return o.st.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
}

// LimitText is the dossier's time limit as its receipt prints it, with the
// variant chosen at reception: "05 ngày làm việc (trường hợp cần xác minh)".
func LimitText(d *register.Dossier) string {
	s := d.Limit.Vietnamese()
	if d.Variant != "" {
		s += " (" + register.VariantLabel(d.Variant) + ")"
	}
	return s
}

// upgradeShippedCatalogue brings procedures that came with an older release
// and were never edited (version 1, no confidence tag: the catalogue before
// legal-basis confidences, variants and authorities) to the shipped
// definition, as version 2 with an audit line. Edited or imported ones
// (version > 1) are the office's own and are left alone; dossiers keep the
// version they were received under.
func (o *Office) upgradeShippedCatalogue(ctx context.Context) error {
	ps, err := register.ParseCatalogue(assets.Procedures)
	if err != nil {
		return err
	}
	stored, err := o.st.Procedures(ctx)
	if err != nil {
		return err
	}
	have := map[string]register.Procedure{}
	for _, p := range stored {
		have[p.Code] = p
	}
	var todo []register.Procedure
	for _, p := range ps {
		old, ok := have[p.Code]
		// A code the office withdrew, or new in this release, is not added
		// behind its back; an edited or imported one is the office's own.
		if ok && old.Version == 1 && old.Confidence == "" && p.Confidence != "" {
			todo = append(todo, p)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		for _, p := range todo {
			old, err := tx.Procedure(p.Code)
			if err != nil {
				return err
			}
			if old.Version != 1 || old.Confidence != "" {
				continue // changed meanwhile
			}
			p.Version = 2
			before, _ := json.Marshal(old)
			after, _ := json.Marshal(p)
			if err := tx.SaveProcedure(p, o.now()); err != nil {
				return err
			}
			if err := tx.AppendAudit(store.Audit{At: o.now(), Actor: "phần mềm (danh mục kèm theo)", Action: "upgrade_shipped_procedure",
				Entity: "procedure", EntityID: p.Code, Before: string(before), After: string(after)}); err != nil {
				return err
			}
		}
		return nil
	})
}

// ConfirmLimit records that an administrator checked a procedure's time
// limit (or one variant's, when variant is not empty) against the province's
// published list: the limit leaves UnconfirmedLimits. The procedure is saved
// as a new version with its audit line; dossiers keep theirs.
func (o *Office) ConfirmLimit(ctx context.Context, code, variant string) (register.Procedure, error) {
	if err := o.can(ctx, people.ActCatalogue); err != nil {
		return register.Procedure{}, err
	}
	ps, err := o.st.Procedures(ctx)
	if err != nil {
		return register.Procedure{}, err
	}
	for _, p := range ps {
		if p.Code != code {
			continue
		}
		if variant == "" {
			p.Confirmed = true
			return o.SaveProcedure(ctx, p)
		}
		p.Variants = append([]register.Variant(nil), p.Variants...)
		for i := range p.Variants {
			if p.Variants[i].Code == variant {
				p.Variants[i].Confirmed = true
				return o.SaveProcedure(ctx, p)
			}
		}
		_, err := p.WithVariant(variant)
		return register.Procedure{}, err
	}
	return register.Procedure{}, store.NotFound("không có thủ tục mã %q trong danh mục", code)
}
