package store

import (
	"database/sql"
	"errors"
	"time"
)

// queryRow runs a query prepared once per transaction (an import asks the
// same question for every row).
func (tx *Tx) queryRow(query string, args ...any) *sql.Row {
	if !tx.tx.d.prepare() {
		return tx.tx.QueryRow(query, args...)
	}
	st, ok := tx.stmts[query]
	if !ok {
		var err error
		if st, err = tx.tx.Prepare(query); err != nil {
			return tx.tx.QueryRow(query, args...)
		}
		if tx.stmts == nil {
			tx.stmts = map[string]*sql.Stmt{}
		}
		tx.stmts[query] = st
	}
	return st.QueryRow(args...)
}

func (tx *Tx) exists(query string, args ...any) (bool, error) {
	var one int
	err := tx.queryRow(query, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// CodeExists reports whether a dossier code is already in the register.
func (tx *Tx) CodeExists(code string) (bool, error) {
	return tx.exists(`SELECT 1 FROM dossiers WHERE code = ?`, code)
}

// SameDossierExists finds a dossier without a code of its own in the sheet
// it came from: same procedure, applicant and minute of receipt.
func (tx *Tx) SameDossierExists(procedure, applicant string, receivedAt time.Time) (bool, error) {
	return tx.exists(`SELECT 1 FROM dossiers WHERE received_at = ? AND procedure_code = ? AND applicant_name = ?`,
		receivedAt.Unix(), procedure, applicant)
}

// prepared answers rowQuerier with statements prepared once per
// transaction: the audit chain asks the same few questions for every entry,
// and an import writes tens of thousands of entries.
type prepared struct{ tx *Tx }

func (p prepared) QueryRow(query string, args ...any) *sql.Row { return p.tx.queryRow(query, args...) }

func (p prepared) Query(query string, args ...any) (*sql.Rows, error) {
	if !p.tx.tx.d.prepare() {
		return p.tx.tx.Query(query, args...)
	}
	st, ok := p.tx.stmts[query]
	if !ok {
		var err error
		if st, err = p.tx.tx.Prepare(query); err != nil {
			return nil, err
		}
		if p.tx.stmts == nil {
			p.tx.stmts = map[string]*sql.Stmt{}
		}
		p.tx.stmts[query] = st
	}
	return st.Query(args...)
}
