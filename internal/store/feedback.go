package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"motcua/internal/survey"
)

// NextNumber takes the next number of a named counter (feedback of a year,
// dialogues of a year…) in the transaction: numbers never repeat, and a
// rolled-back transaction leaves no gap.
func (tx *Tx) NextNumber(name string) (int, error) {
	var n int
	err := tx.tx.QueryRow(`INSERT INTO people_counters (name, n) VALUES (?, 1)
		ON CONFLICT (name) DO UPDATE SET n = people_counters.n + 1 RETURNING n`, name).Scan(&n)
	return n, err
}

const feedbackCols = `f.id, f.year, f.no, f.received_at, f.channel, f.sender, f.contact, COALESCE(f.dossier_id, ''),
	COALESCE(d.code, ''), COALESCE(f.staff_id, ''), COALESCE(s.name, ''), f.content, f.handler, f.due_on, f.answer,
	f.answered_at, f.accepted, f.created_at, f.updated_at`

const feedbackFrom = ` FROM feedback f LEFT JOIN dossiers d ON d.id = f.dossier_id LEFT JOIN staff s ON s.id = f.staff_id`

func scanFeedback(r scanner) (survey.Feedback, error) {
	var f survey.Feedback
	var channel string
	var received, due, created, updated int64
	var answered, accepted sql.NullInt64
	err := r.Scan(&f.ID, &f.Year, &f.No, &received, &channel, &f.Sender, &f.Contact, &f.DossierID, &f.DossierCode,
		&f.StaffID, &f.StaffName, &f.Content, &f.Handler, &due, &f.Answer, &answered, &accepted, &created, &updated)
	f.Channel = survey.FeedbackChannel(channel)
	f.ReceivedAt, f.DueOn, f.AnsweredAt = at(received), at(due), atp(answered)
	f.CreatedAt, f.UpdatedAt = at(created), at(updated)
	if accepted.Valid {
		v := accepted.Int64 == 1
		f.Accepted = &v
	}
	return f, err
}

func nullBool(b *bool) any {
	if b == nil {
		return nil
	}
	if *b {
		return 1
	}
	return 0
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SaveFeedback inserts or updates feedback.
func (tx *Tx) SaveFeedback(f survey.Feedback) error {
	_, err := tx.tx.Exec(`INSERT INTO feedback (id, year, no, received_at, channel, sender, contact, dossier_id, staff_id,
		content, handler, due_on, answer, answered_at, accepted, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, sender = excluded.sender, contact = excluded.contact,
		dossier_id = excluded.dossier_id, staff_id = excluded.staff_id, content = excluded.content, handler = excluded.handler,
		due_on = excluded.due_on, answer = excluded.answer, answered_at = excluded.answered_at, accepted = excluded.accepted,
		updated_at = excluded.updated_at`,
		f.ID, f.Year, f.No, f.ReceivedAt.Unix(), string(f.Channel), f.Sender, f.Contact, nullText(f.DossierID), nullText(f.StaffID),
		f.Content, f.Handler, f.DueOn.Unix(), f.Answer, nullUnix(f.AnsweredAt), nullBool(f.Accepted), f.CreatedAt.Unix(), f.UpdatedAt.Unix())
	return err
}

// FeedbackByID reads one feedback in the transaction.
func (tx *Tx) FeedbackByID(id string) (survey.Feedback, error) {
	f, err := scanFeedback(tx.tx.QueryRow(`SELECT `+feedbackCols+feedbackFrom+` WHERE f.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, NotFound("không có phản ánh %s", id)
	}
	return f, err
}

// FeedbackByNumber finds feedback by its yearly number.
func (s *Store) FeedbackByNumber(ctx context.Context, year, no int) (survey.Feedback, error) {
	f, err := scanFeedback(s.db.QueryRowContext(ctx, `SELECT `+feedbackCols+feedbackFrom+` WHERE f.year = ? AND f.no = ?`, year, no))
	if errors.Is(err, sql.ErrNoRows) {
		return f, NotFound("không có phản ánh số %02d năm %d", no, year)
	}
	return f, err
}

// FeedbackFilter selects feedback.
type FeedbackFilter struct {
	From, To  time.Time // received in [From, To); zero for no bound
	OpenOnly  bool      // not yet answered
	DueBefore time.Time // due_on before; zero for no bound
}

// FeedbackList lists feedback by the date it was received.
func (s *Store) FeedbackList(ctx context.Context, flt FeedbackFilter) ([]survey.Feedback, error) {
	q := `SELECT ` + feedbackCols + feedbackFrom + ` WHERE 1 = 1`
	var args []any
	if !flt.From.IsZero() {
		q += ` AND f.received_at >= ?`
		args = append(args, flt.From.Unix())
	}
	if !flt.To.IsZero() {
		q += ` AND f.received_at < ?`
		args = append(args, flt.To.Unix())
	}
	if flt.OpenOnly {
		q += ` AND f.answered_at IS NULL`
	}
	if !flt.DueBefore.IsZero() {
		q += ` AND f.due_on < ?`
		args = append(args, flt.DueBefore.Unix())
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY f.received_at, f.year, f.no`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []survey.Feedback
	for rows.Next() {
		f, err := scanFeedback(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
