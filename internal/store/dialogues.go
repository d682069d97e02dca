package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"motcua/internal/survey"
)

const dialogueCols = `id, year, no, held_at, place, chair, participants, attendance, issues, note, created_at, updated_at`

func scanDialogue(r scanner) (survey.Dialogue, error) {
	var d survey.Dialogue
	var issues string
	var held, created, updated int64
	if err := r.Scan(&d.ID, &d.Year, &d.No, &held, &d.Place, &d.Chair, &d.Participants, &d.Attendance, &issues, &d.Note, &created, &updated); err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(issues), &d.Issues); err != nil {
		return d, fmt.Errorf("dữ liệu hội nghị đối thoại %s hỏng (ý kiến người dân): %v", d.ID, err)
	}
	d.HeldAt, d.CreatedAt, d.UpdatedAt = at(held), at(created), at(updated)
	return d, nil
}

// SaveDialogue inserts or updates a dialogue (not its commitments).
func (tx *Tx) SaveDialogue(d survey.Dialogue) error {
	issues, err := json.Marshal(nonNil(d.Issues))
	if err != nil {
		return err
	}
	_, err = tx.tx.Exec(`INSERT INTO dialogues (`+dialogueCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (id) DO UPDATE SET held_at = excluded.held_at, place = excluded.place, chair = excluded.chair,
		participants = excluded.participants, attendance = excluded.attendance, issues = excluded.issues,
		note = excluded.note, updated_at = excluded.updated_at`,
		d.ID, d.Year, d.No, d.HeldAt.Unix(), d.Place, d.Chair, d.Participants, d.Attendance, string(issues), d.Note,
		d.CreatedAt.Unix(), d.UpdatedAt.Unix())
	return err
}

// DialogueByID reads one dialogue with its commitments in the transaction.
func (tx *Tx) DialogueByID(id string) (survey.Dialogue, error) {
	d, err := scanDialogue(tx.tx.QueryRow(`SELECT `+dialogueCols+` FROM dialogues WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, NotFound("không có hội nghị đối thoại %s", id)
	}
	if err != nil {
		return d, err
	}
	rows, err := tx.tx.Query(`SELECT `+commitmentCols+` FROM commitments WHERE dialogue_id = ? ORDER BY no`, id)
	if err != nil {
		return d, err
	}
	d.Commitments, err = scanCommitments(rows)
	return d, err
}

const commitmentCols = `id, dialogue_id, no, text, owner, deadline_on, done_on, result, created_at, updated_at`

func scanCommitments(rows rowsScanner) ([]survey.Commitment, error) {
	defer rows.Close()
	var out []survey.Commitment
	for rows.Next() {
		var c survey.Commitment
		var deadline, created, updated int64
		var done sql.NullInt64
		if err := rows.Scan(&c.ID, &c.DialogueID, &c.No, &c.Text, &c.Owner, &deadline, &done, &c.Result, &created, &updated); err != nil {
			return nil, err
		}
		c.Deadline, c.DoneOn, c.CreatedAt, c.UpdatedAt = at(deadline), atp(done), at(created), at(updated)
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveCommitment inserts or updates a commitment.
func (tx *Tx) SaveCommitment(c survey.Commitment) error {
	_, err := tx.tx.Exec(`INSERT INTO commitments (`+commitmentCols+`) VALUES (?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (id) DO UPDATE SET text = excluded.text, owner = excluded.owner, deadline_on = excluded.deadline_on,
		done_on = excluded.done_on, result = excluded.result, updated_at = excluded.updated_at`,
		c.ID, c.DialogueID, c.No, c.Text, c.Owner, c.Deadline.Unix(), nullUnix(c.DoneOn), c.Result, c.CreatedAt.Unix(), c.UpdatedAt.Unix())
	return err
}

// CommitmentByID reads one commitment in the transaction.
func (tx *Tx) CommitmentByID(id string) (survey.Commitment, error) {
	rows, err := tx.tx.Query(`SELECT `+commitmentCols+` FROM commitments WHERE id = ?`, id)
	if err != nil {
		return survey.Commitment{}, err
	}
	cs, err := scanCommitments(rows)
	if err != nil {
		return survey.Commitment{}, err
	}
	if len(cs) == 0 {
		return survey.Commitment{}, NotFound("không có cam kết %s", id)
	}
	return cs[0], nil
}

// Dialogues lists the dialogues held in [from, to) (zero: no bound) with
// their commitments, by date.
func (s *Store) Dialogues(ctx context.Context, from, to time.Time) ([]survey.Dialogue, error) {
	q := `SELECT ` + dialogueCols + ` FROM dialogues WHERE 1 = 1`
	var args []any
	if !from.IsZero() {
		q += ` AND held_at >= ?`
		args = append(args, from.Unix())
	}
	if !to.IsZero() {
		q += ` AND held_at < ?`
		args = append(args, to.Unix())
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY held_at, year, no`, args...)
	if err != nil {
		return nil, err
	}
	var out []survey.Dialogue
	for rows.Next() {
		d, err := scanDialogue(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, err
	}
	rows.Close()
	// One connection: the commitments are read after the dialogues' rows close.
	for i := range out {
		crows, err := s.db.QueryContext(ctx, `SELECT `+commitmentCols+` FROM commitments WHERE dialogue_id = ? ORDER BY no`, out[i].ID)
		if err != nil {
			return nil, err
		}
		if out[i].Commitments, err = scanCommitments(crows); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DialogueByNumber finds a dialogue by its yearly number.
func (s *Store) DialogueByNumber(ctx context.Context, year, no int) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM dialogues WHERE year = ? AND no = ?`, year, no).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", NotFound("không có hội nghị đối thoại số %02d năm %d", no, year)
	}
	return id, err
}
