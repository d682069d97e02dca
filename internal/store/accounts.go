package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Account is the login side of a staff member (table staff_accounts, one
// row per member who has or had a password): the password hash and the
// count of wrong passwords typed in a row, with the lock they led to.
type Account struct {
	StaffID      string
	PasswordHash string // argon2id PHC string; empty: no password set
	Failed       int
	LockedUntil  time.Time // zero: not locked
}

const accountQuery = `SELECT s.id, COALESCE(a.password_hash, ''), COALESCE(a.failed_logins, 0), COALESCE(a.locked_until, 0)
	FROM staff s LEFT JOIN staff_accounts a ON a.staff_id = s.id WHERE s.id = ?`

func scanAccount(r scanner, staffID string) (Account, error) {
	var a Account
	var locked int64
	err := r.Scan(&a.StaffID, &a.PasswordHash, &a.Failed, &locked)
	if errors.Is(err, sql.ErrNoRows) {
		return a, NotFound("không có cán bộ mã %s trong danh sách cán bộ", staffID)
	}
	if locked > 0 {
		a.LockedUntil = time.Unix(locked, 0)
	}
	return a, err
}

// Account reads a staff member's login state inside the transaction.
func (tx *Tx) Account(staffID string) (Account, error) {
	return scanAccount(tx.tx.QueryRow(accountQuery, staffID), staffID)
}

// AccountOf reads a staff member's login state outside a transaction (a
// login that succeeds at once writes nothing and takes no write lock).
func (s *Store) AccountOf(ctx context.Context, staffID string) (Account, error) {
	return scanAccount(s.db.QueryRowContext(ctx, accountQuery, staffID), staffID)
}

// SaveAccount writes a staff member's login state.
func (tx *Tx) SaveAccount(a Account, now time.Time) error {
	if _, err := tx.StaffByID(a.StaffID); err != nil {
		return err
	}
	var locked int64
	if !a.LockedUntil.IsZero() {
		locked = a.LockedUntil.Unix()
	}
	_, err := tx.tx.Exec(`INSERT INTO staff_accounts (staff_id, password_hash, failed_logins, locked_until, updated_at)
		VALUES (?,?,?,?,?) ON CONFLICT (staff_id) DO UPDATE SET password_hash = excluded.password_hash,
		failed_logins = excluded.failed_logins, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
		a.StaffID, a.PasswordHash, a.Failed, locked, now.Unix())
	return err
}

// PasswordsSet counts the staff members who have a password.
func (s *Store) PasswordsSet(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM staff_accounts WHERE password_hash <> ''`).Scan(&n)
	return n, err
}

// HasPassword reports whether a staff member has a password.
func (s *Store) HasPassword(ctx context.Context, staffID string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM staff_accounts WHERE staff_id = ? AND password_hash <> ''`, staffID).Scan(&n)
	return n > 0, err
}
