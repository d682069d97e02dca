package office

import (
	"context"
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"time"

	"motcua/internal/docs"
	"motcua/internal/people"
	"motcua/internal/store"
	"motcua/internal/survey"
	"motcua/internal/textvn"
)

// AddDialogue records a dialogue conference with its number of the year.
func (o *Office) AddDialogue(ctx context.Context, d survey.Dialogue) (survey.Dialogue, error) {
	if err := o.can(ctx, people.ActFeedback); err != nil {
		return survey.Dialogue{}, err
	}
	if !d.HeldAt.IsZero() {
		d.HeldAt = d.HeldAt.In(o.Now().Location())
		if err := o.checkAt(d.HeldAt); err != nil {
			return d, err
		}
	}
	if err := checkDialogue(&d); err != nil {
		return d, err
	}
	if err := d.Check(); err != nil {
		return d, err
	}
	now := o.Now()
	d.ID, d.Year, d.CreatedAt, d.UpdatedAt, d.Commitments = newID(), d.HeldAt.Year(), now, now, nil
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if d.No, err = tx.NextNumber("dialogue:" + strconv.Itoa(d.Year)); err != nil {
			return err
		}
		if err := tx.SaveDialogue(d); err != nil {
			return err
		}
		return o.auditAdded(tx, now, "add_dialogue", "dialogue", d.ID, d)
	})
	if err != nil {
		return survey.Dialogue{}, err
	}
	return d, nil
}

var dialogueRefRe = regexp.MustCompile(`^(?i:đt\s*|dt\s*)?0*(\d{1,4})(?:\s*/\s*(\d{4}))?$`)

// FindDialogue finds a dialogue by number ("2", "02/2026", "ĐT 02/2026";
// without a year, this year's) or id, with its commitments.
func (o *Office) FindDialogue(ctx context.Context, ref string) (survey.Dialogue, error) {
	ref = textvn.Clean(ref)
	id := ref
	if m := dialogueRefRe.FindStringSubmatch(ref); m != nil {
		no, _ := strconv.Atoi(m[1])
		year := o.Now().Year()
		if m[2] != "" {
			year, _ = strconv.Atoi(m[2])
		}
		var err error
		if id, err = o.st.DialogueByNumber(ctx, year, no); err != nil {
			return survey.Dialogue{}, err
		}
	}
	var d survey.Dialogue
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		d, err = tx.DialogueByID(id)
		return err
	})
	return d, err
}

// AddCommitment records a commitment made at a dialogue: its text, who is
// answerable (required) and the deadline.
func (o *Office) AddCommitment(ctx context.Context, dialogue string, c survey.Commitment) (survey.Commitment, error) {
	if err := o.can(ctx, people.ActFeedback); err != nil {
		return survey.Commitment{}, err
	}
	d, err := o.FindDialogue(ctx, dialogue)
	if err != nil {
		return c, err
	}
	if err := checkCommitment(&c); err != nil {
		return c, err
	}
	if err := c.Check(d.HeldAt); err != nil {
		return c, err
	}
	now := o.Now()
	c.ID, c.DialogueID, c.No, c.CreatedAt, c.UpdatedAt, c.DoneOn = newID(), d.ID, len(d.Commitments)+1, now, now, nil
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if c.No, err = tx.NextNumber("commitment:" + d.ID); err != nil {
			return err
		}
		if err := tx.SaveCommitment(c); err != nil {
			return err
		}
		return o.auditAdded(tx, now, "add_commitment", "commitment", c.ID, c)
	})
	if err != nil {
		return survey.Commitment{}, err
	}
	return c, nil
}

var commitmentRefRe = regexp.MustCompile(`^(.+)\.(\d{1,3})$`)

// CompleteCommitment records that a commitment was done (zero day: today)
// with its result. ref is "DIALOGUE.N" ("2.1", "02/2026.3") or the
// commitment's id.
func (o *Office) CompleteCommitment(ctx context.Context, ref string, day time.Time, result string) (survey.Commitment, error) {
	if err := o.can(ctx, people.ActFeedback); err != nil {
		return survey.Commitment{}, err
	}
	if day.IsZero() {
		day = o.Now()
	}
	if err := o.checkAt(dayStart(day)); err != nil {
		return survey.Commitment{}, err
	}
	if err := cleanAll("result", &result); err != nil {
		return survey.Commitment{}, err
	}
	id := textvn.Clean(ref)
	var held time.Time
	if m := commitmentRefRe.FindStringSubmatch(id); m != nil {
		d, err := o.FindDialogue(ctx, m[1])
		if err != nil {
			return survey.Commitment{}, err
		}
		no, _ := strconv.Atoi(m[2])
		id, held = "", d.HeldAt
		for _, c := range d.Commitments {
			if c.No == no {
				id = c.ID
			}
		}
		if id == "" {
			return survey.Commitment{}, store.NotFound("hội nghị %s không có cam kết số %d", d.Ref(), no)
		}
	}
	var c survey.Commitment
	now := o.Now()
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if c, err = tx.CommitmentByID(id); err != nil {
			return err
		}
		if held.IsZero() {
			d, err := tx.DialogueByID(c.DialogueID)
			if err != nil {
				return err
			}
			held = d.HeldAt
		}
		before, _ := json.Marshal(c)
		if err := c.Complete(day, result, held); err != nil {
			return err
		}
		c.UpdatedAt = now
		if err := tx.SaveCommitment(c); err != nil {
			return err
		}
		after, _ := json.Marshal(c)
		return tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "complete_commitment", Entity: "commitment", EntityID: c.ID, Before: string(before), After: string(after)})
	})
	return c, err
}

// Dialogues lists the dialogues held in the whole days [from, to] (zero: no
// bound) with their commitments.
func (o *Office) Dialogues(ctx context.Context, from, to time.Time) ([]survey.Dialogue, error) {
	var f, t time.Time
	if !from.IsZero() {
		f = dayStart(from)
	}
	if !to.IsZero() {
		t = dayStart(to).AddDate(0, 0, 1)
	}
	return o.st.Dialogues(ctx, f, t)
}

// DialogueSummary counts dialogues and commitments as of the office clock.
func (o *Office) DialogueSummary(ds []survey.Dialogue) survey.DialogueSummary {
	return survey.SummarizeDialogues(ds, o.Now())
}

// PrintMinutes prints the minutes (biên bản) of a dialogue in the Decree 30
// layout.
func (o *Office) PrintMinutes(ctx context.Context, w io.Writer, ref string) error {
	d, err := o.FindDialogue(ctx, ref)
	if err != nil {
		return err
	}
	m := docs.Minutes{Ref: d.Ref(), HeldAt: d.HeldAt, Place: d.Place, Chair: d.Chair, Participants: d.Participants,
		Attendance: d.Attendance, Issues: d.Issues, Note: d.Note}
	for _, c := range d.Commitments {
		m.Commitments = append(m.Commitments, docs.MinutesCommitment{Text: c.Text, Owner: c.Owner, Deadline: c.Deadline})
	}
	f, err := Fonts()
	if err != nil {
		return err
	}
	return docs.DialogueMinutes(w, f, o.DocProfile(), m)
}
