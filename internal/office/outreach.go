package office

import (
	"context"
	"fmt"
	"time"

	"motcua/internal/letters"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
)

// LetterSending is how and when an issued letter was sent.
type LetterSending = store.LetterSending

// MarkSent records that an issued letter was sent (đã gửi): by hand, by
// post or at the counter, and when (zero: now). A draft cannot be sent, and
// a letter is sent once.
func (o *Office) MarkSent(ctx context.Context, letterID string, how letters.Delivery, at time.Time) (LetterSending, error) {
	if err := o.can(ctx, people.ActDraftLetter); err != nil {
		return LetterSending{}, err
	}
	if _, err := letters.ParseDelivery(string(how)); err != nil {
		return LetterSending{}, err
	}
	at = o.at(at)
	if err := o.checkAt(at); err != nil {
		return LetterSending{}, err
	}
	now := o.Now()
	s := LetterSending{ID: newID(), LetterID: letterID, How: string(how), SentAt: at, CreatedAt: now, UpdatedAt: now}
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		l, err := tx.Letter(letterID)
		if err != nil {
			return err
		}
		if l.Status != LetterIssued {
			return fmt.Errorf("thư gửi %s chưa được Chủ tịch duyệt và cấp số nên chưa gửi được: hãy duyệt thư trước", l.Recipient)
		}
		if at.Before(*l.IssuedAt) {
			return fmt.Errorf("ngày gửi %s trước ngày cấp số %s của thư gửi %s: hãy kiểm tra lại ngày gửi", at.Format("02/01/2006"), l.IssuedAt.Format("02/01/2006"), l.Recipient)
		}
		if old, ok, err := tx.SendingOf(letterID); err != nil {
			return err
		} else if ok {
			return fmt.Errorf("thư %s gửi %s đã được gửi %s ngày %s; không ghi gửi lần nữa", LetterRef(l), l.Recipient, letters.Delivery(old.How).Vietnamese(), old.SentAt.Format("02/01/2006"))
		}
		if err := tx.InsertSending(s); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "send_letter", Entity: "letter", EntityID: letterID,
			After: letters.Delivery(s.How).Vietnamese() + " " + at.Format("02/01/2006 15:04")})
	})
	return s, err
}

// LetterSendings maps letter ids to how they were sent, for the letters
// sent in year (0: this year).
func (o *Office) LetterSendings(ctx context.Context, year int) (map[string]LetterSending, error) {
	from, to := yearRange(o, year)
	ss, err := o.st.Sendings(ctx, from, to)
	if err != nil {
		return nil, err
	}
	out := make(map[string]LetterSending, len(ss))
	for _, s := range ss {
		out[s.LetterID] = s
	}
	return out, nil
}

func yearRange(o *Office, year int) (time.Time, time.Time) {
	if year == 0 {
		year = o.Now().Year()
	}
	from := time.Date(year, 1, 1, 0, 0, 0, 0, o.Now().Location())
	return from, from.AddDate(1, 0, 0)
}

// LetterMonth counts the letters of one kind in one month: drafted (by
// drafting date), issued (by number date) and sent (by sending date).
type LetterMonth struct {
	Month   int    `json:"month"`
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	Drafted int    `json:"drafted"`
	Issued  int    `json:"issued"`
	Sent    int    `json:"sent"`
}

// LetterCounts counts the letters of a year (0: this year) per kind per
// month, month by month in the order of letters.Kinds(); months and kinds
// without a letter are left out.
func (o *Office) LetterCounts(ctx context.Context, year int) ([]LetterMonth, error) {
	from, to := yearRange(o, year)
	// Letters issued or sent this year may have been drafted last December.
	ls, err := o.st.Letters(ctx, store.LetterFilter{DraftedFrom: from.AddDate(-1, 0, 0), DraftedTo: to})
	if err != nil {
		return nil, err
	}
	sent, err := o.st.Sendings(ctx, from, to)
	if err != nil {
		return nil, err
	}
	kindOf := map[string]string{}
	type key struct {
		month int
		kind  string
	}
	c := map[key]*LetterMonth{}
	get := func(t time.Time, kind string) *LetterMonth {
		k := key{int(t.In(from.Location()).Month()), kind}
		if c[k] == nil {
			c[k] = &LetterMonth{Month: k.month, Kind: kind, Name: letters.Kind(kind).Name()}
		}
		return c[k]
	}
	in := func(t time.Time) bool { return !t.Before(from) && t.Before(to) }
	for _, l := range ls {
		kindOf[l.ID] = l.Kind
		if in(l.DraftedAt) {
			get(l.DraftedAt, l.Kind).Drafted++
		}
		if l.IssuedAt != nil && in(*l.IssuedAt) {
			get(*l.IssuedAt, l.Kind).Issued++
		}
	}
	for _, s := range sent {
		if k, ok := kindOf[s.LetterID]; ok {
			get(s.SentAt, k).Sent++
		}
	}
	var out []LetterMonth
	for m := 1; m <= 12; m++ {
		for _, k := range letters.Kinds() {
			if v := c[key{m, string(k)}]; v != nil {
				out = append(out, *v)
			}
		}
	}
	return out, nil
}

// ProposeLetter says whether the window should propose a letter for d at
// this moment of its life, and which: the kind its procedure proposes,
// when the moment calls for it, and only once per dossier and kind (the
// proposal is recorded), never when such a letter was already drafted.
// Whatever the clerk answers, the same letter is not proposed again.
func (o *Office) ProposeLetter(ctx context.Context, d *register.Dossier, m letters.Moment) (letters.Kind, bool, error) {
	k, ok := o.ProposedLetter(ctx, d)
	if !ok || !letters.ProposesAt(k, m) {
		return "", false, nil
	}
	propose := false
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		has, err := tx.HasLetter(d.ID, string(k))
		if err != nil || has {
			return err
		}
		if propose, err = tx.RecordProposal(newID(), d.ID, string(k), string(m), o.Now()); err != nil || !propose {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "propose_letter", Entity: "dossier", EntityID: d.ID, After: string(k) + " " + string(m)})
	})
	if err != nil || !propose {
		return "", false, err
	}
	return k, true, nil
}
