package store

import (
	"context"
	"time"
)

// LetterSending is how and when an issued letter was sent.
type LetterSending struct {
	ID        string    `json:"id"`
	LetterID  string    `json:"letter_id"`
	How       string    `json:"how"` // hand, post, counter
	SentAt    time.Time `json:"sent_at"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// InsertSending records that a letter was sent; a letter is sent once.
func (tx *Tx) InsertSending(s LetterSending) error {
	_, err := tx.tx.Exec(`INSERT INTO letter_sendings (id, letter_id, how, sent_at, created_at, updated_at) VALUES (?,?,?,?,?,?)`,
		s.ID, s.LetterID, s.How, s.SentAt.Unix(), s.CreatedAt.Unix(), s.UpdatedAt.Unix())
	return err
}

// SendingOf reads how a letter was sent, if it was.
func (tx *Tx) SendingOf(letterID string) (LetterSending, bool, error) {
	rows, err := tx.tx.Query(`SELECT id, letter_id, how, sent_at, created_at, updated_at FROM letter_sendings WHERE letter_id = ?`, letterID)
	if err != nil {
		return LetterSending{}, false, err
	}
	ss, err := scanSendings(rows)
	if err != nil || len(ss) == 0 {
		return LetterSending{}, false, err
	}
	return ss[0], true, nil
}

// Sendings lists the letters sent in [from, to), by time.
func (s *Store) Sendings(ctx context.Context, from, to time.Time) ([]LetterSending, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, letter_id, how, sent_at, created_at, updated_at FROM letter_sendings
		WHERE sent_at >= ? AND sent_at < ? ORDER BY sent_at, id`, from.Unix(), to.Unix())
	if err != nil {
		return nil, err
	}
	return scanSendings(rows)
}

type rowsScanner interface {
	scanner
	Next() bool
	Err() error
	Close() error
}

func scanSendings(rows rowsScanner) ([]LetterSending, error) {
	defer rows.Close()
	var out []LetterSending
	for rows.Next() {
		var l LetterSending
		var sent, created, updated int64
		if err := rows.Scan(&l.ID, &l.LetterID, &l.How, &sent, &created, &updated); err != nil {
			return nil, err
		}
		l.SentAt, l.CreatedAt, l.UpdatedAt = at(sent), at(created), at(updated)
		out = append(out, l)
	}
	return out, rows.Err()
}

// RecordProposal notes that a letter of kind was proposed for a dossier.
// It reports false, changing nothing, when one was proposed before.
func (tx *Tx) RecordProposal(id, dossierID, kind, moment string, now time.Time) (bool, error) {
	res, err := tx.tx.Exec(`INSERT INTO letter_proposals (id, dossier_id, kind, moment, proposed_at, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?) ON CONFLICT (dossier_id, kind) DO NOTHING`, id, dossierID, kind, moment, now.Unix(), now.Unix(), now.Unix())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// HasLetter reports whether a letter of kind was drafted or issued for a
// dossier.
func (tx *Tx) HasLetter(dossierID, kind string) (bool, error) {
	var n int
	err := tx.tx.QueryRow(`SELECT COUNT(*) FROM letters WHERE dossier_id = ? AND kind = ?`, dossierID, kind).Scan(&n)
	return n > 0, err
}
