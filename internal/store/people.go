package store

import (
	"context"
	"database/sql"
	"errors"

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
