package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"motcua/internal/register"
)

// Setting reads one setting; ok is false when it was never set.
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return value, err == nil, err
}

// Settings reads every setting.
func (s *Store) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings ORDER BY key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, rows.Err()
}

// SetSetting writes one setting.
func (tx *Tx) SetSetting(key, value string) error {
	_, err := tx.tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// Procedures lists the catalogue by code.
func (s *Store) Procedures(ctx context.Context) ([]register.Procedure, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM procedures ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []register.Procedure
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var p register.Procedure
		if err := json.Unmarshal([]byte(data), &p); err != nil {
			return nil, fmt.Errorf("dữ liệu thủ tục hỏng: %v", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Procedure reads the current version of one procedure.
func (tx *Tx) Procedure(code string) (register.Procedure, error) {
	var data string
	err := tx.tx.QueryRow(`SELECT data FROM procedures WHERE code = ?`, code).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return register.Procedure{}, NotFound("không có thủ tục mã %q trong danh mục", code)
	}
	if err != nil {
		return register.Procedure{}, err
	}
	var p register.Procedure
	err = json.Unmarshal([]byte(data), &p)
	return p, err
}

// CountProcedures tells whether the catalogue was ever filled.
func (tx *Tx) CountProcedures() (int, error) {
	var n int
	err := tx.tx.QueryRow(`SELECT COUNT(*) FROM procedures`).Scan(&n)
	return n, err
}

// SaveProcedure stores a procedure as its current version and keeps every
// version, so a dossier can always show the rules it was received under.
func (tx *Tx) SaveProcedure(p register.Procedure, at time.Time) error {
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if _, err := tx.tx.Exec(`INSERT INTO procedures (code, version, name, data, updated_at) VALUES (?,?,?,?,?)
		ON CONFLICT (code) DO UPDATE SET version = excluded.version, name = excluded.name, data = excluded.data,
		updated_at = excluded.updated_at`, p.Code, p.Version, p.Name, string(data), at.Unix()); err != nil {
		return err
	}
	_, err = tx.tx.Exec(`INSERT INTO procedure_versions (code, version, data, saved_at) VALUES (?,?,?,?)
		ON CONFLICT (code, version) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
		p.Code, p.Version, string(data), at.Unix())
	return err
}

// ProcedureVersion reads one stored version of a procedure.
func (s *Store) ProcedureVersion(ctx context.Context, code string, version int) (register.Procedure, error) {
	var data string
	err := s.db.QueryRowContext(ctx, `SELECT data FROM procedure_versions WHERE code = ? AND version = ?`, code, version).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return register.Procedure{}, NotFound("không có phiên bản %d của thủ tục %s", version, code)
	}
	if err != nil {
		return register.Procedure{}, err
	}
	var p register.Procedure
	err = json.Unmarshal([]byte(data), &p)
	return p, err
}

// Schedules reads the stored announced calendar schedules (raw JSON, one
// per year) in year order.
func (s *Store) Schedules(ctx context.Context) ([][]byte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM calendar_schedules ORDER BY year`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		out = append(out, []byte(data))
	}
	return out, rows.Err()
}

// SaveSchedule stores one year's announced schedule (JSON).
func (tx *Tx) SaveSchedule(year int, data []byte, at time.Time) error {
	_, err := tx.tx.Exec(`INSERT INTO calendar_schedules (year, data, updated_at) VALUES (?,?,?)
		ON CONFLICT (year) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`, year, string(data), at.Unix())
	return err
}

// Audit is one line of the audit log.
type Audit struct {
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID string    `json:"entity_id"`
	Before   string    `json:"before,omitempty"`
	After    string    `json:"after,omitempty"`
	// BackdatedTo is the earlier time a back-dated step claims (At is
	// when it was entered); nil for a step entered as it happened.
	BackdatedTo *time.Time `json:"backdated_to,omitempty"`
}

// AppendAudit adds a line to the audit log, chained to the one before it
// (see audit.go); it is never updated or deleted.
func (tx *Tx) AppendAudit(a Audit) error { return tx.appendChained(a) }

// AuditOf lists the audit lines of one entity, oldest first.
func (s *Store) AuditOf(ctx context.Context, entity, id string) ([]Audit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, actor, action, entity, entity_id, before, after, backdated_to FROM audit
		WHERE entity = ? AND entity_id = ? ORDER BY n`, entity, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Audit
	for rows.Next() {
		var a Audit
		var t int64
		var back sql.NullInt64
		if err := rows.Scan(&t, &a.Actor, &a.Action, &a.Entity, &a.EntityID, &a.Before, &a.After, &back); err != nil {
			return nil, err
		}
		a.At, a.BackdatedTo = at(t), atp(back)
		out = append(out, a)
	}
	return out, rows.Err()
}
