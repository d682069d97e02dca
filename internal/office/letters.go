package office

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"motcua/internal/docs"
	"motcua/internal/letters"
	"motcua/internal/people"
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
	// Salutation is "Ông" or "Bà", as the clerk chose; "" prints "Ông/Bà".
	Salutation string
	Fields     map[string]string
	// Signer is the name of the chair or vice-chair who signs (one of
	// Signers); "" leaves it to whoever issues the letter.
	Signer string
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
	if err := o.can(ctx, people.ActTemplates); err != nil {
		return err
	}
	if _, err := letters.ParseKind(string(k)); err != nil {
		return err
	}
	src, err := cleanText("template", src)
	if err != nil {
		return err
	}
	if src != "" {
		if _, err := letters.Parse(src); err != nil {
			return err
		}
	}
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		old, err := tx.StoredLetterTemplate(string(k))
		if err != nil {
			return err
		}
		if old == "" {
			if old, err = letters.DefaultTemplate(k); err != nil {
				return err
			}
		}
		if err := tx.SetLetterTemplate(string(k), src, o.Now()); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "set_letter_template", Entity: "letter_template", EntityID: string(k), Before: old, After: src})
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
		title := "Ông/Bà"
		if slices.Contains(Salutations, in.Salutation) {
			title = in.Salutation
		}
		v["nguoi_nhan"] = title + " " + v["ho_ten"]
		v["danh_xung"] = title
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
	if err := o.can(ctx, people.ActDraftLetter); err != nil {
		return Letter{}, err
	}
	l, err := o.prepareDraft(ctx, in)
	if err != nil {
		return l, err
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error { return o.saveDraft(tx, l) })
	return l, err
}

// prepareDraft builds and checks a draft without saving it (it reads the
// register, so it runs before any write transaction).
func (o *Office) prepareDraft(ctx context.Context, in LetterInput) (Letter, error) {
	if _, err := letters.ParseKind(string(in.Kind)); err != nil {
		return Letter{}, err
	}
	if err := checkLetterInput(&in.Recipient, &in.Address, in.Fields); err != nil {
		return Letter{}, err
	}
	if err := o.profileOwns(in.Fields); err != nil {
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
	signer, err := o.FindSigner(ctx, in.Signer)
	if err != nil {
		return Letter{}, err
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
		Fields: values, Status: LetterDraft, DraftedAt: o.Now(), Signer: signer}
	if l.Recipient == "" {
		l.Recipient = values["ho_ten"]
	}
	if d != nil {
		l.DossierID = d.ID
	}
	return l, nil
}

func (o *Office) saveDraft(tx *store.Tx, l Letter) error {
	if err := tx.SaveLetter(l); err != nil {
		return err
	}
	return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "draft_letter", Entity: "letter", EntityID: l.ID, After: l.Kind + ": " + l.Recipient})
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
	return o.IssueLettersTo(ctx, ids, nil)
}

// IssueLettersTo numbers the drafts among ids, renders them into one PDF and
// hands it to save, all inside the transaction that gives the numbers: if
// rendering or saving fails, no number is given (the outgoing book is as
// before) and the drafts stay in the queue. A nil save only numbers.
func (o *Office) IssueLettersTo(ctx context.Context, ids []string, save func(pdf []byte) error) ([]Letter, error) {
	return o.IssueLettersSignedBy(ctx, ids, "", save)
}

// IssueLettersSignedBy is IssueLettersTo with the signer of the drafts that name
// none: signer (a name among Signers), or "" for the chair or vice-chair logged in, else
// the office's usual signer. Each issued letter keeps its signer.
func (o *Office) IssueLettersSignedBy(ctx context.Context, ids []string, signer string, save func(pdf []byte) error) ([]Letter, error) {
	if err := o.can(ctx, people.ActIssueLetter); err != nil {
		return nil, err
	}
	iss, err := o.issuingSigner(ctx, signer)
	if err != nil {
		return nil, err
	}
	if err := o.requireProfile("cấp số và phát hành thư"); err != nil {
		return nil, err
	}
	templates, err := o.templates(ctx)
	if err != nil {
		return nil, err
	}
	var out []Letter
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if out, err = o.issueInTx(tx, ids, templates, iss); err != nil {
			return err
		}
		return o.renderAndSave(out, save)
	})
	return out, err
}

// renderAndSave renders issued letters and hands the PDF to save.
func (o *Office) renderAndSave(ls []Letter, save func([]byte) error) error {
	if save == nil {
		return nil
	}
	var buf bytes.Buffer
	if err := o.RenderLetters(context.Background(), &buf, ls); err != nil {
		return err
	}
	return save(buf.Bytes())
}

func (o *Office) issueInTx(tx *store.Tx, ids []string, templates map[string]string, iss issuing) ([]Letter, error) {
	var out []Letter
	now := o.Now()
	body := o.cfg().profile.AgencyCode
	year, last, err := tx.OutgoingBook(body)
	if err != nil {
		return nil, err
	}
	book := letters.Book{Year: year, Last: last}
	for _, id := range ids {
		l, err := tx.Letter(id)
		if err != nil {
			return nil, err
		}
		if l.Status == LetterIssued {
			out = append(out, l)
			continue
		}
		if err := iss.sign(&l); err != nil {
			return nil, err
		}
		if l.Paragraphs, err = letters.Render(templates[l.Kind], l.Fields); err != nil {
			return nil, fmt.Errorf("thư gửi %s: %w", l.Recipient, err)
		}
		var n int
		if n, book, err = book.Next(now); err != nil {
			return nil, err
		}
		issued := now
		l.Year, l.Number, l.Symbol, l.Status, l.IssuedAt = book.Year, n, letters.DefaultSymbol, LetterIssued, &issued
		if err := tx.SaveLetter(l); err != nil {
			return nil, err
		}
		if err := tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "issue_letter", Entity: "letter", EntityID: l.ID,
			After: letters.Reference(n, l.Symbol) + " " + l.Recipient + ", ký: " + l.Signer.Label()}); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, tx.SetOutgoingBook(body, book.Year, book.Last)
}

// LetterByNumber finds an issued letter by its number and year, to print
// it again (its wording and date are the frozen ones).
func (o *Office) LetterByNumber(ctx context.Context, year, number int) (Letter, error) {
	return o.st.LetterByNumber(ctx, year, number)
}

// ParseLetterNumber reads "12/2026" (number/year) as typed by the clerk.
func ParseLetterNumber(s string) (number, year int, err error) {
	ns, ys, ok := strings.Cut(strings.TrimSpace(s), "/")
	bad := fmt.Errorf("số thư %q không hợp lệ: nhập dạng SỐ/NĂM, ví dụ 12/%d", s, time.Now().Year())
	if !ok {
		return 0, 0, bad
	}
	if number, err = strconv.Atoi(ns); err != nil || number < 1 || number > 999999 {
		return 0, 0, bad
	}
	if year, err = strconv.Atoi(ys); err != nil || year < 2000 || year > 2200 {
		return 0, 0, bad
	}
	return number, year, nil
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
			Recipient: l.Recipient, Address: l.Address, Paragraphs: l.Paragraphs, DossierCode: l.Fields["ma_ho_so"], Signer: l.Signer}
		if l.Kind == string(letters.Other) {
			dl.Title = strings.ToUpper(l.Fields["tieu_de"])
		}
		out = append(out, dl)
	}
	return docs.Letters(w, f, o.DocProfile(), out)
}

// PrintLetter drafts, issues and prints one letter: the short path of
// `motcua print letter`. The letter is rendered before anything is saved;
// prefer PrintLetterTo, which also keeps the number when the file cannot
// be written.
func (o *Office) PrintLetter(ctx context.Context, w io.Writer, in LetterInput) (Letter, error) {
	return o.PrintLetterTo(ctx, in, func(pdf []byte) error {
		_, err := w.Write(pdf)
		return err
	})
}

// PrintLetterTo drafts, issues, renders and saves one letter in a single
// transaction: a letter gets its number only if save succeeded (a folder
// that does not exist, a full disk), so no number is ever given to a
// letter that was not written.
func (o *Office) PrintLetterTo(ctx context.Context, in LetterInput, save func(pdf []byte) error) (Letter, error) {
	// Drafting and issuing in one step is the signer's short path: a clerk
	// drafts (DraftLetter) and the chair or vice-chair issues.
	if err := o.can(ctx, people.ActIssueLetter); err != nil {
		return Letter{}, err
	}
	l, err := o.prepareDraft(ctx, in)
	if err != nil {
		return l, err
	}
	templates, err := o.templates(ctx)
	if err != nil {
		return l, err
	}
	iss, err := o.issuingSigner(ctx, "")
	if err != nil {
		return l, err
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := o.saveDraft(tx, l); err != nil {
			return err
		}
		ls, err := o.issueInTx(tx, []string{l.ID}, templates, iss)
		if err != nil {
			return err
		}
		l = ls[0]
		return o.renderAndSave(ls, save)
	})
	return l, err
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
	if err := o.can(ctx, people.ActDraftLetter); err != nil {
		return Letter{}, err
	}
	if err := checkLetterInput(&recipient, &address, fields); err != nil {
		return Letter{}, err
	}
	if err := o.profileOwns(fields); err != nil {
		return Letter{}, err
	}
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

// SetDraftSigner names who signs a draft: a name among Signers, or "" to leave it to
// whoever issues it. An issued letter keeps its signer.
func (o *Office) SetDraftSigner(ctx context.Context, id, signer string) (Letter, error) {
	if err := o.can(ctx, people.ActDraftLetter); err != nil {
		return Letter{}, err
	}
	s, err := o.FindSigner(ctx, signer)
	if err != nil {
		return Letter{}, err
	}
	var l Letter
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if l, err = tx.Letter(id); err != nil {
			return err
		}
		if l.Status != LetterDraft {
			return fmt.Errorf("thư gửi %s đã cấp số %s, không đổi được người ký nữa", l.Recipient, LetterRef(l))
		}
		if l.Signer == s {
			return nil
		}
		before := l.Signer.Label()
		l.Signer = s
		if err := tx.SaveLetter(l); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "set_letter_signer", Entity: "letter", EntityID: l.ID, Before: before, After: s.Label()})
	})
	return l, err
}

// DiscardDraft drops a draft letter from the chair's queue.
func (o *Office) DiscardDraft(ctx context.Context, id string) error {
	if err := o.can(ctx, people.ActDraftLetter); err != nil {
		return err
	}
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
