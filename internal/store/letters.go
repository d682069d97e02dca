package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"motcua/internal/letters"
)

// Letter is a letter row: a draft waiting for the chair, or an issued letter
// with its number from the outgoing book and its frozen wording.
type Letter struct {
	ID         string            `json:"id"`
	Kind       string            `json:"kind"`
	DossierID  string            `json:"dossier_id,omitempty"`
	Recipient  string            `json:"recipient"`
	Address    string            `json:"address,omitempty"`
	Fields     map[string]string `json:"fields,omitempty"`
	Paragraphs []string          `json:"paragraphs,omitempty"`
	Status     string            `json:"status"` // draft, issued
	Year       int               `json:"year,omitempty"`
	Number     int               `json:"number,omitempty"`
	Symbol     string            `json:"symbol,omitempty"`
	DraftedAt  time.Time         `json:"drafted_at"`
	IssuedAt   *time.Time        `json:"issued_at,omitempty"`
	// Signer is who signs the letter (the chair or a vice-chair): chosen on the draft, or
	// the office's signer when it is issued, and kept with the issued letter so a reprint
	// shows who signed it. Empty on a draft that leaves the choice to issuing, and on
	// letters issued before signers were kept.
	Signer letters.Signer `json:"signer,omitzero"`
}

const letterCols = `id, kind, COALESCE(dossier_id, ''), recipient, address, fields, paragraphs, status,
	COALESCE(year, 0), COALESCE(number, 0), symbol, drafted_at, issued_at, signer_name, signer_role, signer_title`

func scanLetter(r scanner) (Letter, error) {
	var l Letter
	var fields, paras string
	var drafted int64
	var issued sql.NullInt64
	var role string
	err := r.Scan(&l.ID, &l.Kind, &l.DossierID, &l.Recipient, &l.Address, &fields, &paras, &l.Status,
		&l.Year, &l.Number, &l.Symbol, &drafted, &issued, &l.Signer.Name, &role, &l.Signer.Title)
	if err != nil {
		return l, err
	}
	if err := json.Unmarshal([]byte(fields), &l.Fields); err != nil {
		return l, fmt.Errorf("dữ liệu của thư %s bị hỏng (các trường thư): %v; hãy khôi phục từ bản sao lưu", l.ID, err)
	}
	if err := json.Unmarshal([]byte(paras), &l.Paragraphs); err != nil {
		return l, fmt.Errorf("dữ liệu của thư %s bị hỏng (nội dung thư): %v; hãy khôi phục từ bản sao lưu", l.ID, err)
	}
	l.DraftedAt, l.IssuedAt = at(drafted), atp(issued)
	l.Signer.Role = letters.SignerRole(role)
	return l, nil
}

// SaveLetter inserts or updates a letter.
func (tx *Tx) SaveLetter(l Letter) error {
	fields, err := json.Marshal(l.Fields)
	if err != nil {
		return err
	}
	paras, err := json.Marshal(nonNil(l.Paragraphs))
	if err != nil {
		return err
	}
	var dossier, year, number any
	if l.DossierID != "" {
		dossier = l.DossierID
	}
	if l.Number > 0 {
		year, number = l.Year, l.Number
	}
	_, err = tx.tx.Exec(`INSERT INTO letters (id, kind, dossier_id, recipient, address, fields, paragraphs, status,
		year, number, symbol, drafted_at, issued_at, signer_name, signer_role, signer_title) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (id) DO UPDATE SET recipient = excluded.recipient, address = excluded.address,
		fields = excluded.fields, paragraphs = excluded.paragraphs, status = excluded.status, year = excluded.year,
		number = excluded.number, symbol = excluded.symbol, issued_at = excluded.issued_at,
		signer_name = excluded.signer_name, signer_role = excluded.signer_role, signer_title = excluded.signer_title`,
		l.ID, l.Kind, dossier, l.Recipient, l.Address, string(fields), string(paras), l.Status,
		year, number, l.Symbol, l.DraftedAt.Unix(), nullUnix(l.IssuedAt), l.Signer.Name, string(l.Signer.Role), l.Signer.Title)
	return err
}

// Letter reads one letter inside the transaction.
func (tx *Tx) Letter(id string) (Letter, error) {
	l, err := scanLetter(tx.tx.QueryRow(`SELECT `+letterCols+` FROM letters WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return l, NotFound("không có thư %s", id)
	}
	return l, err
}

// LetterByNumber reads an issued letter by its year and number.
func (s *Store) LetterByNumber(ctx context.Context, year, number int) (Letter, error) {
	l, err := scanLetter(s.db.QueryRowContext(ctx, `SELECT `+letterCols+` FROM letters WHERE year = ? AND number = ?`, year, number))
	if errors.Is(err, sql.ErrNoRows) {
		return l, NotFound("không có thư nào đã cấp số %d/%d", number, year)
	}
	return l, err
}

// LetterFilter selects letters.
type LetterFilter struct {
	Status      string    // "" for all
	DraftedFrom time.Time // inclusive; zero for no bound
	DraftedTo   time.Time // exclusive; zero for no bound
	DossierID   string
}

// Letters lists letters in the order they were drafted.
func (s *Store) Letters(ctx context.Context, f LetterFilter) ([]Letter, error) {
	q := `SELECT ` + letterCols + ` FROM letters WHERE 1 = 1`
	var args []any
	if f.Status != "" {
		q += ` AND status = ?`
		args = append(args, f.Status)
	}
	if !f.DraftedFrom.IsZero() {
		q += ` AND drafted_at >= ?`
		args = append(args, f.DraftedFrom.Unix())
	}
	if !f.DraftedTo.IsZero() {
		q += ` AND drafted_at < ?`
		args = append(args, f.DraftedTo.Unix())
	}
	if f.DossierID != "" {
		q += ` AND dossier_id = ?`
		args = append(args, f.DossierID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY n`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Letter
	for rows.Next() {
		l, err := scanLetter(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// OutgoingBook reads the outgoing book's position for an issuing body.
func (tx *Tx) OutgoingBook(body string) (year, last int, err error) {
	err = tx.tx.QueryRow(`SELECT year, last FROM outgoing_book WHERE body = ?`, body).Scan(&year, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	return
}

// SetOutgoingBook records the last number given.
func (tx *Tx) SetOutgoingBook(body string, year, last int) error {
	_, err := tx.tx.Exec(`INSERT INTO outgoing_book (body, year, last) VALUES (?,?,?)
		ON CONFLICT (body) DO UPDATE SET year = excluded.year, last = excluded.last`, body, year, last)
	return err
}

// LetterTemplate reads the office's own wording for a letter kind.
func (s *Store) LetterTemplate(ctx context.Context, kind string) (string, bool, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM letter_templates WHERE kind = ?`, kind).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return body, err == nil, err
}

// SetLetterTemplate stores the office's wording for a letter kind; an empty
// body goes back to the shipped wording.
func (tx *Tx) SetLetterTemplate(kind, body string, at time.Time) error {
	if body == "" {
		_, err := tx.tx.Exec(`DELETE FROM letter_templates WHERE kind = ?`, kind)
		return err
	}
	_, err := tx.tx.Exec(`INSERT INTO letter_templates (kind, body, updated_at) VALUES (?,?,?)
		ON CONFLICT (kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`, kind, body, at.Unix())
	return err
}

// DeleteDraft removes a draft letter. Issued letters are never deleted: their
// number stays taken in the outgoing book.
func (tx *Tx) DeleteDraft(id string) error {
	res, err := tx.tx.Exec(`DELETE FROM letters WHERE id = ? AND status = 'draft'`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("không có thư nháp %s (thư đã cấp số thì không xóa được)", id)
	}
	return nil
}
