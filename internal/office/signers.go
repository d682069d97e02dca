package office

import (
	"context"
	"fmt"
	"strings"

	"motcua/internal/letters"
	"motcua/internal/people"
	"motcua/internal/textvn"
)

// Signer is who signs a letter: the chair or a vice-chair.
type Signer = letters.Signer

// Signers lists who may sign the commune's letters, the office's usual signer first (the
// profile's, as the staff register or the settings name it), then the chairs and the
// vice-chairs working today in the staff register, then the vice-chairs the settings name
// (vice_chairs). A name appears once.
func (o *Office) Signers(ctx context.Context) ([]Signer, error) {
	staff, err := o.st.StaffList(ctx)
	if err != nil {
		return nil, err
	}
	var out []Signer
	add := func(s Signer) {
		s.Name, s.Title = textvn.Clean(s.Name), textvn.Clean(s.Title)
		if !s.Valid() {
			return
		}
		for _, x := range out {
			if textvn.Fold(x.Name) == textvn.Fold(s.Name) {
				return
			}
		}
		out = append(out, s)
	}
	add(o.DocProfile().Signer())
	current := people.Current(staff, o.Now())
	for _, role := range []people.Role{people.RoleChair, people.RoleViceChair} {
		for _, s := range current {
			if s.Role == role {
				add(Signer{Name: s.Name, Role: letters.SignerRole(role)})
			}
		}
	}
	// A vice-chair the settings still name but the staff register says has
	// left signs no more.
	left := map[string]bool{}
	for _, s := range staff {
		if !s.Working(o.Now()) {
			left[textvn.Fold(s.Name)] = true
		}
	}
	for _, n := range strings.Split(o.cfg().profile.ViceChairs, ";") {
		if !left[textvn.Fold(textvn.Clean(n))] {
			add(Signer{Name: n, Role: letters.SignerViceChair})
		}
	}
	return out, nil
}

// FindSigner finds a signer by name among Signers (accents optional). An empty name is
// the zero Signer: the letter is signed by whoever issues it (see issuingSigner).
func (o *Office) FindSigner(ctx context.Context, name string) (Signer, error) {
	name = textvn.Clean(name)
	if name == "" {
		return Signer{}, nil
	}
	all, err := o.Signers(ctx)
	if err != nil {
		return Signer{}, err
	}
	for _, s := range all {
		if textvn.Fold(s.Name) == textvn.Fold(name) {
			return s, nil
		}
	}
	return Signer{}, notSigner(name, all)
}

func notSigner(name string, all []Signer) error {
	if len(all) == 0 {
		return fmt.Errorf("“%s” không ký được thư: xã chưa có Chủ tịch hay Phó Chủ tịch nào trong danh sách cán bộ hoặc Cài đặt; hãy nhập họ tên người ký trong Cài đặt", name)
	}
	var labels []string
	for _, s := range all {
		labels = append(labels, s.Label())
	}
	return fmt.Errorf("“%s” không phải Chủ tịch hay Phó Chủ tịch của xã nên không ký được thư; chọn một trong: %s (Phó Chủ tịch mới: thêm vào danh sách cán bộ hoặc ô “Họ tên các Phó Chủ tịch” trong Cài đặt)",
		name, strings.Join(labels, ", "))
}

// issuing is who signs the letters being issued: def for those that name nobody, and
// the chair or vice-chair logged in, when accounts are on, who may issue only the letters
// they sign.
type issuing struct {
	def Signer
	who *Signer
}

// issuingSigner reads, before the issuing transaction (the store has one connection), who
// signs: the signer named (chosen for the batch), else the chair or vice-chair logged in
// (who approves signs), else the office's usual signer.
func (o *Office) issuingSigner(ctx context.Context, named string) (issuing, error) {
	var iss issuing
	all, err := o.Signers(ctx)
	if err != nil {
		return iss, err
	}
	if on, err := o.AccountsOn(ctx); err != nil {
		return iss, err
	} else if who, ok := o.Who(); on && ok && who.Role.Signs() {
		me := Signer{Name: who.Name, Role: letters.SignerRole(who.Role)}
		for _, s := range all {
			if textvn.Fold(s.Name) == textvn.Fold(who.Name) {
				me = s
			}
		}
		iss.who, iss.def = &me, me
	} else if len(all) > 0 {
		iss.def = all[0]
	}
	if named != "" {
		s, err := o.FindSigner(ctx, named)
		if err != nil {
			return iss, err
		}
		iss.def = s
	}
	return iss, nil
}

// sign gives a letter being issued its signer, and refuses one that names another signer
// than the chair or vice-chair logged in: who approves a letter signs it, and a letter is
// never issued over another person's name. Without accounts (one PC, one person) the
// letter keeps the signer it names.
func (iss issuing) sign(l *Letter) error {
	if !l.Signer.Valid() {
		l.Signer = iss.def
	}
	if iss.who != nil && textvn.Fold(iss.who.Name) != textvn.Fold(l.Signer.Name) {
		return notAllowed{fmt.Sprintf("thư gửi %s do %s ký, nên chỉ người ký được duyệt và cấp số; hãy để người ký duyệt, hoặc đổi người ký của thư trước khi duyệt",
			l.Recipient, l.Signer.Label())}
	}
	return nil
}

// SignBlock is the signature block's capital lines for s on the commune's letters.
func SignBlock(s Signer) []string { return letters.SignBlock(s, "") }

// LetterSignature is the signature block a letter prints, its capital lines then the
// signer's name: the letter's own signer, else (a draft leaving the choice to issuing, a
// letter issued before signers were kept) the office's usual signer.
func (o *Office) LetterSignature(l Letter) []string {
	p := o.DocProfile()
	s := l.Signer
	if !s.Valid() {
		s = p.Signer()
	}
	return append(letters.SignBlock(s, p.BodyShort), s.Name)
}
