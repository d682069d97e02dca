package office

import (
	"context"

	"motcua/internal/letters"
	"motcua/internal/register"
)

// LetterNeeds lists the merge fields the wording of in.Kind uses that the
// office cannot fill from in (its dossier, recipient, address and fields),
// in the order of letters.Fields(): what a draft form must ask the clerk
// for, such as the baby's name for a birth letter. The recipient and the
// address are assumed given, since every form asks for them. It reads and
// writes nothing but the template and the dossier.
func (o *Office) LetterNeeds(ctx context.Context, in LetterInput) ([]letters.Field, error) {
	if _, err := letters.ParseKind(string(in.Kind)); err != nil {
		return nil, err
	}
	var d *register.Dossier
	if in.DossierCode != "" {
		var err error
		if d, err = o.Show(ctx, in.DossierCode); err != nil {
			return nil, err
		}
	}
	if in.Recipient == "" && d == nil {
		in.Recipient = "-" // stands for the name the form asks for
	}
	if in.Address == "" && (d == nil || d.Applicant.Address == "") {
		in.Address = "-"
	}
	values := o.letterFields(in, d)
	src, err := o.LetterTemplate(ctx, in.Kind)
	if err != nil {
		return nil, err
	}
	t, err := letters.Parse(src)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for _, name := range t.Uses() {
		used[name] = true
	}
	var out []letters.Field
	for _, f := range letters.Fields() {
		if used[f.Name] && values[f.Name] == "" {
			out = append(out, f)
		}
	}
	return out, nil
}
