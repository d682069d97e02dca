package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"motcua/internal/people"
)

const staffCols = `id, name, title, unit, role, phone, email, start_on, end_on, created_at, updated_at`

func scanStaff(r scanner) (people.Staff, error) {
	var s people.Staff
	var role string
	var start, created, updated int64
	var end sql.NullInt64
	if err := r.Scan(&s.ID, &s.Name, &s.Position, &s.Unit, &role, &s.Phone, &s.Email, &start, &end, &created, &updated); err != nil {
		return s, err
	}
	s.Role = people.Role(role)
	s.Start, s.End = at(start), atp(end)
	s.CreatedAt, s.UpdatedAt = at(created), at(updated)
	return s, nil
}

// SaveStaff inserts or updates a staff member of the register.
func (tx *Tx) SaveStaff(s people.Staff) error {
	_, err := tx.tx.Exec(`INSERT INTO staff (`+staffCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title, unit = excluded.unit,
		role = excluded.role, phone = excluded.phone, email = excluded.email, start_on = excluded.start_on,
		end_on = excluded.end_on, updated_at = excluded.updated_at`,
		s.ID, s.Name, s.Position, s.Unit, string(s.Role), s.Phone, s.Email, s.Start.Unix(), nullUnix(s.End),
		s.CreatedAt.Unix(), s.UpdatedAt.Unix())
	return err
}

// StaffByID reads one staff member inside the transaction.
func (tx *Tx) StaffByID(id string) (people.Staff, error) {
	s, err := scanStaff(tx.tx.QueryRow(`SELECT `+staffCols+` FROM staff WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, NotFound("không có cán bộ mã %s trong danh sách cán bộ", id)
	}
	return s, err
}

// StaffList lists the whole register, those who left included, by name.
func (s *Store) StaffList(ctx context.Context) ([]people.Staff, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+staffCols+` FROM staff ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []people.Staff
	for rows.Next() {
		st, err := scanStaff(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

const signingCols = `g.id, g.staff_id, s.name, g.year, g.signed_on, g.sets, g.scan_name, g.scan_type, g.scan_size, g.scan_sha256, g.created_at, g.updated_at`

func scanSigning(r scanner) (people.Signing, error) {
	var g people.Signing
	var sets string
	var on, created, updated int64
	var sc people.Scan
	if err := r.Scan(&g.ID, &g.StaffID, &g.StaffName, &g.Year, &on, &sets, &sc.Name, &sc.Type, &sc.Size, &sc.SHA256, &created, &updated); err != nil {
		return g, err
	}
	if err := json.Unmarshal([]byte(sets), &g.Sets); err != nil {
		return g, fmt.Errorf("dữ liệu bản cam kết %s hỏng (danh sách bộ cam kết): %v", g.ID, err)
	}
	if sc.Size > 0 {
		g.Scan = &sc
	}
	g.SignedOn, g.CreatedAt, g.UpdatedAt = at(on), at(created), at(updated)
	return g, nil
}

// SaveSigning inserts or updates a pledge signing (without the scan's bytes).
// A second signing for the same member and year is refused as a duplicate.
func (tx *Tx) SaveSigning(g people.Signing) error {
	sets, err := json.Marshal(nonNil(g.Sets))
	if err != nil {
		return err
	}
	var sc people.Scan
	if g.Scan != nil {
		sc = *g.Scan
	}
	_, err = tx.tx.Exec(`INSERT INTO pledge_signings (id, staff_id, year, signed_on, sets, scan_name, scan_type, scan_size,
		scan_sha256, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (id) DO UPDATE SET signed_on = excluded.signed_on, sets = excluded.sets, scan_name = excluded.scan_name,
		scan_type = excluded.scan_type, scan_size = excluded.scan_size, scan_sha256 = excluded.scan_sha256,
		updated_at = excluded.updated_at`,
		g.ID, g.StaffID, g.Year, g.SignedOn.Unix(), string(sets), sc.Name, sc.Type, sc.Size, sc.SHA256,
		g.CreatedAt.Unix(), g.UpdatedAt.Unix())
	return err
}

// SigningOf reads a member's signing for a year, if any.
func (tx *Tx) SigningOf(staffID string, year int) (people.Signing, bool, error) {
	g, err := scanSigning(tx.tx.QueryRow(`SELECT `+signingCols+` FROM pledge_signings g JOIN staff s ON s.id = g.staff_id
		WHERE g.staff_id = ? AND g.year = ?`, staffID, year))
	if errors.Is(err, sql.ErrNoRows) {
		return g, false, nil
	}
	return g, err == nil, err
}

// SaveScan stores the bytes of a signing's scanned paper, replacing any.
func (tx *Tx) SaveScan(signingID string, data []byte, now time.Time) error {
	_, err := tx.tx.Exec(`INSERT INTO pledge_scans (signing_id, data, created_at, updated_at) VALUES (?,?,?,?)
		ON CONFLICT (signing_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
		signingID, base64.StdEncoding.EncodeToString(data), now.Unix(), now.Unix())
	return err
}

// Scan reads the bytes of a signing's scanned paper.
func (s *Store) Scan(ctx context.Context, signingID string) ([]byte, error) {
	var data string
	err := s.db.QueryRowContext(ctx, `SELECT data FROM pledge_scans WHERE signing_id = ?`, signingID).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, NotFound("bản cam kết %s chưa có bản quét đính kèm", signingID)
	}
	if err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return nil, fmt.Errorf("bản quét của bản cam kết %s bị hỏng: %v", signingID, err)
	}
	return b, nil
}

// Signings lists pledge signings, of one year or (0) all, by year then name.
func (s *Store) Signings(ctx context.Context, year int) ([]people.Signing, error) {
	q := `SELECT ` + signingCols + ` FROM pledge_signings g JOIN staff s ON s.id = g.staff_id`
	var args []any
	if year != 0 {
		q += ` WHERE g.year = ?`
		args = append(args, year)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY g.year, s.name, g.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []people.Signing
	for rows.Next() {
		g, err := scanSigning(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// SaveNote inserts a note on a staff member.
func (tx *Tx) SaveNote(n people.Note) error {
	_, err := tx.tx.Exec(`INSERT INTO staff_notes (id, staff_id, kind, noted_on, source, text, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, noted_on = excluded.noted_on,
		source = excluded.source, text = excluded.text, updated_at = excluded.updated_at`,
		n.ID, n.StaffID, string(n.Kind), n.On.Unix(), n.Source, n.Text, n.CreatedAt.Unix(), n.UpdatedAt.Unix())
	return err
}

// Notes lists the notes on a staff member (or on everyone when staffID is
// empty), oldest first.
func (s *Store) Notes(ctx context.Context, staffID string) ([]people.Note, error) {
	q := `SELECT id, staff_id, kind, noted_on, source, text, created_at, updated_at FROM staff_notes`
	var args []any
	if staffID != "" {
		q += ` WHERE staff_id = ?`
		args = append(args, staffID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY noted_on, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []people.Note
	for rows.Next() {
		var n people.Note
		var kind string
		var on, created, updated int64
		if err := rows.Scan(&n.ID, &n.StaffID, &kind, &on, &n.Source, &n.Text, &created, &updated); err != nil {
			return nil, err
		}
		n.Kind, n.On, n.CreatedAt, n.UpdatedAt = people.NoteKind(kind), at(on), at(created), at(updated)
		out = append(out, n)
	}
	return out, rows.Err()
}
