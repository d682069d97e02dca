package office

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"motcua/internal/docs"
	"motcua/internal/letters"
	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/textvn"
)

// Letter states.
const (
	LetterDraft  = "draft"  // waiting in the chair's queue
	LetterIssued = "issued" // numbered in the outgoing book; wording frozen
)

// Letter is a letter to a citizen.
type Letter = store.Letter

// LetterDraft is what the clerk or the chair fills in to draft a letter:
// either a dossier (name, address, procedure and dates come from it) or a
// recipient and address, plus the fields the wording needs that the
// register does not know (the baby's name, the deceased, what is thanked).
type LetterInput struct {
	Kind        letters.Kind
	DossierCode string
	Recipient   string
	Address     string
	Fields      map[string]string
}

// LetterTemplate is the wording in force for a kind: the office's own, or
// the shipped default.
func (o *Office) LetterTemplate(ctx context.Context, k letters.Kind) (string, error) {
	if !k.Valid() {
		_, err := letters.ParseKind(string(k))
		return "", err
	}
	own, ok, err := o.st.LetterTemplate(ctx, string(k))
	if err != nil || ok {
		return own, err
	}
	return letters.DefaultTemplate(k)
}

// SetLetterTemplate saves the chair's wording for a kind after checking it:
// a template naming an unknown field is refused with the field's name. An
// empty text restores the shipped wording.
func (o *Office) SetLetterTemplate(ctx context.Context, k letters.Kind, src string) error {
	if _, err := letters.ParseKind(string(k)); err != nil {
		return err
	}
	src = textvn.NFC(strings.TrimSpace(src))
	if src != "" {
		if _, err := letters.Parse(src); err != nil {
			return err
		}
	}
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SetLetterTemplate(string(k), src, o.Now()); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "set_letter_template", Entity: "letter_template", EntityID: string(k), After: src})
	})
}

// letterFields are the merge values the office knows for a letter.
func (o *Office) letterFields(in LetterInput, d *register.Dossier) map[string]string {
	p := o.cfg().profile
	v := map[string]string{
		"co_quan":  p.Commune,
		"ten_xa":   communeName(p.Commune),
		"chu_tich": p.ChairName,
		"ngay":     letters.DateInWords(o.Now()),
	}
	if d != nil {
		v["ho_ten"] = d.Applicant.Name
		v["dia_chi"] = d.Applicant.Address
		v["thu_tuc"] = d.ProcedureName
		v["ma_ho_so"] = d.Code
		v["ngay"] = letters.DateInWords(d.ReceivedAt)
		if d.ReturnedAt != nil {
			v["ngay"] = letters.DateInWords(*d.ReturnedAt)
		}
		if d.ApologyReason != "" {
			v["ly_do"] = lowerFirst(d.ApologyReason)
		}
		if d.NewDueAt != nil {
			v["ngay_hen"] = letters.TimeInWords(*d.NewDueAt)
		}
	}
	if in.Recipient != "" {
		v["ho_ten"] = in.Recipient
	}
	if in.Address != "" {
		v["dia_chi"] = in.Address
	}
	if v["ho_ten"] != "" {
		v["nguoi_nhan"] = "Ông/Bà " + v["ho_ten"]
		v["danh_xung"] = "Ông/Bà"
	}
	if in.Kind == letters.Birth || in.Kind == letters.Condolence {
		// The register knows when the birth or death was registered, not
		// when it happened: the clerk types that date.
		delete(v, "ngay")
	}
	for k, val := range in.Fields {
		if val = textvn.Clean(val); val != "" {
			v[k] = val
		}
	}
	return v
}

// communeName turns "Ủy ban nhân dân xã Đông Văn" into "xã Đông Văn".
func communeName(body string) string {
	lower := strings.ToLower(body)
	for _, prefix := range []string{"ủy ban nhân dân ", "uỷ ban nhân dân ", "ubnd "} {
		if strings.HasPrefix(lower, prefix) {
			return strings.ToLower(body[len(prefix):len(prefix)+1]) + body[len(prefix)+1:]
		}
	}
	return body
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// DraftLetter checks that the wording can be filled in and puts the letter
// in the chair's queue. Fields the template needs and nobody gave are
// refused by name, so the clerk can add them.
func (o *Office) DraftLetter(ctx context.Context, in LetterInput) (Letter, error) {
	if _, err := letters.ParseKind(string(in.Kind)); err != nil {
		return Letter{}, err
	}
	for k := range in.Fields {
		if !knownLetterField(k) {
			return Letter{}, fmt.Errorf("không có trường %q trong thư; các trường là: %s", k, letterFieldNames())
		}
	}
	var d *register.Dossier
	if in.DossierCode != "" {
		var err error
		if d, err = o.Show(ctx, in.DossierCode); err != nil {
			return Letter{}, err
		}
	} else if textvn.IsBlank(in.Recipient) {
		return Letter{}, errors.New("thư cần người nhận: chọn một hồ sơ hoặc nhập họ tên người nhận")
	}
	values := o.letterFields(in, d)
	src, err := o.LetterTemplate(ctx, in.Kind)
	if err != nil {
		return Letter{}, err
	}
	if _, err := letters.Render(src, values); err != nil {
		return Letter{}, err
	}
	l := Letter{ID: newID(), Kind: string(in.Kind), Recipient: values["nguoi_nhan"], Address: values["dia_chi"],
		Fields: values, Status: LetterDraft, DraftedAt: o.Now()}
	if l.Recipient == "" {
		l.Recipient = values["ho_ten"]
	}
	if d != nil {
		l.DossierID = d.ID
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SaveLetter(l); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "draft_letter", Entity: "letter", EntityID: l.ID, After: l.Kind + ": " + l.Recipient})
	})
	return l, err
}

func knownLetterField(name string) bool {
	for _, f := range letters.Fields() {
		if f.Name == name {
			return true
		}
	}
	return false
}

func letterFieldNames() string {
	var names []string
	for _, f := range letters.Fields() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// Letters lists letters; status "" lists all.
func (o *Office) Letters(ctx context.Context, status string, draftedOn time.Time) ([]Letter, error) {
	f := store.LetterFilter{Status: status}
	if !draftedOn.IsZero() {
		f.DraftedFrom = dayStart(draftedOn)
		f.DraftedTo = f.DraftedFrom.AddDate(0, 0, 1)
	}
	return o.st.Letters(ctx, f)
}

// IssueLetters gives each draft among ids the next number of the year's
// outgoing book and freezes its wording, all in one transaction. Letters
// already issued keep their number.
func (o *Office) IssueLetters(ctx context.Context, ids []string) ([]Letter, error) {
	var out []Letter
	now := o.Now()
	body := o.cfg().profile.AgencyCode
	templates, err := o.templates(ctx)
	if err != nil {
		return nil, err
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		out = out[:0]
		year, last, err := tx.OutgoingBook(body)
		if err != nil {
			return err
		}
		book := letters.Book{Year: year, Last: last}
		for _, id := range ids {
			l, err := tx.Letter(id)
			if err != nil {
				return err
			}
			if l.Status == LetterIssued {
				out = append(out, l)
				continue
			}
			if l.Paragraphs, err = letters.Render(templates[l.Kind], l.Fields); err != nil {
				return fmt.Errorf("thư gửi %s: %w", l.Recipient, err)
			}
			var n int
			if n, book, err = book.Next(now); err != nil {
				return err
			}
			l.Year, l.Number, l.Symbol, l.Status, l.IssuedAt = book.Year, n, letters.DefaultSymbol, LetterIssued, &now
			if err := tx.SaveLetter(l); err != nil {
				return err
			}
			if err := tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "issue_letter", Entity: "letter", EntityID: l.ID,
				After: letters.Reference(n, l.Symbol) + " " + l.Recipient}); err != nil {
				return err
			}
			out = append(out, l)
		}
		return tx.SetOutgoingBook(body, book.Year, book.Last)
	})
	return out, err
}

// templates reads the wording in force for every kind. Callers read it
// before their transaction: the store has one connection, which the
// transaction holds.
func (o *Office) templates(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	for _, k := range letters.Kinds() {
		src, err := o.LetterTemplate(ctx, k)
		if err != nil {
			return nil, err
		}
		out[string(k)] = src
	}
	return out, nil
}

// RenderLetters prints issued letters into one PDF, in number order.
func (o *Office) RenderLetters(ctx context.Context, w io.Writer, ls []Letter) error {
	if len(ls) == 0 {
		return errors.New("không có thư nào để in")
	}
	f, err := Fonts()
	if err != nil {
		return err
	}
	sorted := append([]Letter(nil), ls...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return sorted[i].Year < sorted[j].Year || sorted[i].Year == sorted[j].Year && sorted[i].Number < sorted[j].Number
	})
	var out []docs.Letter
	for _, l := range sorted {
		if l.Status != LetterIssued {
			return fmt.Errorf("thư gửi %s chưa được cấp số; hãy duyệt thư trước khi in", l.Recipient)
		}
		dl := docs.Letter{Kind: letters.Kind(l.Kind), Number: l.Number, Symbol: l.Symbol, Date: *l.IssuedAt,
			Recipient: l.Recipient, Address: l.Address, Paragraphs: l.Paragraphs, DossierCode: l.Fields["ma_ho_so"]}
		if l.Kind == string(letters.Other) {
			dl.Title = strings.ToUpper(l.Fields["tieu_de"])
		}
		out = append(out, dl)
	}
	return docs.Letters(w, f, o.DocProfile(), out)
}

// PrintLetter drafts, issues and prints one letter: the short path of
// `motcua print letter`.
func (o *Office) PrintLetter(ctx context.Context, w io.Writer, in LetterInput) (Letter, error) {
	l, err := o.DraftLetter(ctx, in)
	if err != nil {
		return l, err
	}
	ls, err := o.IssueLetters(ctx, []string{l.ID})
	if err != nil {
		return l, err
	}
	return ls[0], o.RenderLetters(ctx, w, ls)
}

// ProposedLetter is the letter kind the model proposes when this dossier is
// returned (a birth or marriage registration) or received (a death).
func (o *Office) ProposedLetter(ctx context.Context, d *register.Dossier) (letters.Kind, bool) {
	p, err := o.st.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
	if err != nil || p.Letter == "" {
		return "", false
	}
	k := letters.Kind(p.Letter)
	return k, k.Valid()
}

// LetterRef is "05/UBND" for an issued letter.
func LetterRef(l Letter) string {
	if l.Number == 0 {
		return ""
	}
	return letters.Reference(l.Number, l.Symbol) + " (" + strconv.Itoa(l.Year) + ")"
}

// UpdateDraft changes a draft's recipient, address or merge values (the
// chair fixes a typo before approving). The wording is checked again.
// Issued letters cannot change: their number and text are on paper.
func (o *Office) UpdateDraft(ctx context.Context, id, recipient, address string, fields map[string]string) (Letter, error) {
	for k := range fields {
		if !knownLetterField(k) {
			return Letter{}, fmt.Errorf("không có trường %q trong thư; các trường là: %s", k, letterFieldNames())
		}
	}
	templates, err := o.templates(ctx)
	if err != nil {
		return Letter{}, err
	}
	var l Letter
	// Read, check and save in one transaction: an approval in between must
	// not be overwritten by a draft.
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if l, err = tx.Letter(id); err != nil {
			return err
		}
		if l.Status != LetterDraft {
			return fmt.Errorf("thư gửi %s đã cấp số %s, không sửa được nữa", l.Recipient, LetterRef(l))
		}
		values := map[string]string{}
		for k, v := range l.Fields {
			values[k] = v
		}
		for k, v := range fields {
			values[k] = textvn.Clean(v)
		}
		if r := textvn.Clean(recipient); r != "" {
			l.Recipient = r
			values["nguoi_nhan"] = r
		}
		if a := textvn.Clean(address); a != "" {
			l.Address = a
			values["dia_chi"] = a
		}
		if _, err := letters.Render(templates[l.Kind], values); err != nil {
			return err
		}
		l.Fields = values
		if err := tx.SaveLetter(l); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "update_letter", Entity: "letter", EntityID: l.ID, After: l.Kind + ": " + l.Recipient})
	})
	return l, err
}

// DiscardDraft drops a draft letter from the chair's queue.
func (o *Office) DiscardDraft(ctx context.Context, id string) error {
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		l, err := tx.Letter(id)
		if err != nil {
			return err
		}
		if l.Status != LetterDraft {
			return fmt.Errorf("thư gửi %s đã cấp số %s, không xóa được; số đã cấp không bao giờ dùng lại", l.Recipient, LetterRef(l))
		}
		if err := tx.DeleteDraft(id); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "discard_letter", Entity: "letter", EntityID: id, Before: l.Kind + ": " + l.Recipient})
	})
}
