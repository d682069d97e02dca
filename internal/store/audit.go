package store

// The audit log is a hash chain: each entry carries the hash of the entry
// before it (prev) and its own hash over its number, its fields and prev.
// An entry edited with a plain SQLite tool no longer matches its hash; an
// entry deleted or slipped in breaks the link of the next one. A dossier
// entry also carries the hash of the dossier row and its steps as saved
// (row_hash), so an edit of the register itself (an outcome, a phone
// number, a step) is caught by comparing the row now with the hash of its
// last audit entry.
//
// What this does not stop: someone who knows this scheme and edits the
// file can recompute every hash after the edit. The chain proves that the
// log was not changed by anything but this program, or by someone who went
// to that trouble; the head hash printed by `motcua audit verify`, noted on
// paper or sent upward, pins the log up to that point against even that.
// Cutting entries off the end is caught only through the dossiers' rows.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// rowHashV1 prefixes hashes of the first row format, so a later format
// (new columns) can be told apart and old hashes still checked.
const rowHashV1 = "v1:"

// dossierHashCols and eventHashCols are the columns the row hash covers,
// fixed for format v1: adding a column to the tables does not change old
// hashes.
const (
	dossierHashCols = `id, code, agency, day, seq, year, entry_no, book_no, procedure_code, procedure_name,
		procedure_version, form_set, field, limit_value, limit_unit, applicant_name, applicant_address, applicant_phone,
		applicant_email, sets, documents, result_method, handling_unit, holder, received_by, received_at, due_at,
		new_due_at, state, forwarded_at, done_at, returned_at, outcome, supplement_at, supplement_reason, resumed_at,
		apology_at, apology_reason, closed_reason, note, updated_at`
	eventHashCols = `seq, kind, at, from_unit, to_unit, actor, note, outcome, state, backdated`
)

type rowQuerier interface {
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

// writeValues appends one row's values to h in an unambiguous form.
func writeValues(b *strings.Builder, vals []any) {
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
			b.WriteString("\x00")
		case []byte:
			b.WriteString(strconv.Quote(string(x)))
		case string:
			b.WriteString(strconv.Quote(x))
		case int64: // as %v prints it, without fmt's cost (imports hash thousands of rows)
			b.WriteString(strconv.FormatInt(x, 10))
		default:
			fmt.Fprintf(b, "%v", x)
		}
		b.WriteByte('\x1f')
	}
	b.WriteByte('\x1e')
}

func scanValues(scan func(...any) error, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	return vals, scan(ptrs...)
}

// dossierRowHash hashes the stored dossier row with id and its steps.
func dossierRowHash(q rowQuerier, id string) (string, error) {
	var n int64
	if err := q.QueryRow(`SELECT n FROM dossiers WHERE id = ?`, id).Scan(&n); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil
		}
		return "", err
	}
	var b strings.Builder
	vals, err := scanValues(q.QueryRow(`SELECT `+dossierHashCols+` FROM dossiers WHERE n = ?`, n).Scan, strings.Count(dossierHashCols, ",")+1)
	if err != nil {
		return "", err
	}
	writeValues(&b, vals)
	rows, err := q.Query(`SELECT `+eventHashCols+` FROM events WHERE dossier_n = ? ORDER BY seq`, n)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		vals, err := scanValues(rows.Scan, strings.Count(eventHashCols, ",")+1)
		if err != nil {
			return "", err
		}
		writeValues(&b, vals)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(b.String()))
	return rowHashV1 + hex.EncodeToString(sum[:]), nil
}

// entryHash is the hash of one audit entry chained to prev.
func entryHash(n int64, at int64, actor, action, entity, entityID, before, after string, backdatedTo any, rowHash, prev string) string {
	var b strings.Builder
	b.WriteString("motcua-audit-v1\x1e")
	writeValues(&b, []any{n, at, actor, action, entity, entityID, before, after, backdatedTo, rowHash, prev})
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// appendChained writes an audit entry with the next number, linked to the
// last entry, inside the caller's transaction (which holds the write lock,
// so no other entry can slip in between).
func (tx *Tx) appendChained(a Audit) error {
	if err := tx.lock(); err != nil {
		return err
	}
	var lastN int64
	var prev string
	err := tx.queryRow(`SELECT n, hash FROM audit ORDER BY n DESC LIMIT 1`).Scan(&lastN, &prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	rowHash := ""
	if a.Entity == "dossier" {
		if rowHash, err = dossierRowHash(prepared{tx}, a.EntityID); err != nil {
			return err
		}
	}
	n := lastN + 1
	back := nullUnix(a.BackdatedTo)
	h := entryHash(n, a.At.Unix(), a.Actor, a.Action, a.Entity, a.EntityID, a.Before, a.After, back, rowHash, prev)
	_, err = tx.exec(`INSERT INTO audit (n, at, actor, action, entity, entity_id, before, after, backdated_to, row_hash, prev, hash)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, n, a.At.Unix(), a.Actor, a.Action, a.Entity, a.EntityID, a.Before, a.After, back, rowHash, prev, h)
	return err
}

// chainAudit links the entries written before the chain existed, at the
// migration that adds it; dossier entries get the hash of the row as it is
// now on their last entry only (earlier rows are gone). It hashes the
// register in one pass (bulkRowHashes), then walks the log in chunks and
// writes each chunk's hashes back: on 1,000,000 dossiers with
// 2.5 million audit lines this took six minutes and 2 GB one entry and one
// dossier at a time.
func chainAudit(tx *Tx) error {
	var dossiers, entries int64
	if err := tx.tx.QueryRow(`SELECT COUNT(*) FROM dossiers`).Scan(&dossiers); err != nil {
		return err
	}
	if err := tx.tx.QueryRow(`SELECT COUNT(*) FROM audit`).Scan(&entries); err != nil {
		return err
	}
	// A register whose dossiers have no audit line (an older release's
	// demo seeding) has no row hash to compute.
	var logged bool
	if err := tx.tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM audit WHERE entity = 'dossier')`).Scan(&logged); err != nil {
		return err
	}
	if !logged {
		dossiers = 0
	}
	total := dossiers + entries
	tx.rowProgress(0, total)
	var last lastEntryHashes
	if logged {
		err := bulkRowHashes(tx.tx, true, func(done int64) { tx.rowProgress(done, total) }, func(r dossierHashRow) error {
			if r.lastAudit > 0 {
				r.id = ""
				last = append(last, r)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	last.sort()
	const chunk = 500
	prev := ""
	after := int64(-1 << 62)
	done := dossiers
	next := 0 // index in last
	type update struct {
		n                   int64
		rowHash, prev, hash string
	}
	for {
		rows, err := tx.tx.Query(`SELECT n, at, actor, action, entity, entity_id, before, after, backdated_to FROM audit
			WHERE n > ? ORDER BY n LIMIT ?`, after, chunk)
		if err != nil {
			return err
		}
		var ups []update
		for rows.Next() {
			var n, at int64
			var actor, action, entity, entityID, before, afterText string
			var back any
			if err := rows.Scan(&n, &at, &actor, &action, &entity, &entityID, &before, &afterText, &back); err != nil {
				rows.Close()
				return err
			}
			for next < len(last) && last[next].lastAudit < n {
				next++
			}
			rowHash := ""
			if next < len(last) && last[next].lastAudit == n && entity == "dossier" {
				rowHash = last[next].hashString()
			}
			h := entryHash(n, at, actor, action, entity, entityID, before, afterText, back, rowHash, prev)
			ups = append(ups, update{n, rowHash, prev, h})
			prev, after = h, n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ups) == 0 {
			return nil
		}
		// One prepared statement per row: a multi-row UPDATE … FROM (VALUES …)
		// with bound values made SQLite scan the whole log for each chunk
		// (1.6 s per 500 rows at 2.5 million entries).
		for _, u := range ups {
			if _, err := tx.exec(`UPDATE audit SET row_hash = ?, prev = ?, hash = ? WHERE n = ?`, u.rowHash, u.prev, u.hash, u.n); err != nil {
				return err
			}
		}
		done += int64(len(ups))
		tx.rowProgress(done, total)
	}
}

func init() { migrationHooks["chain-audit"] = chainAudit }

// AuditProblem is one finding of VerifyAudit.
type AuditProblem struct {
	N       int64  `json:"n,omitempty"`       // audit entry number
	Dossier string `json:"dossier,omitempty"` // dossier code
	Kind    string `json:"kind"`              // edited, inserted, deleted, dossier_edited, dossier_unlogged
	Message string `json:"message"`
}

// AuditReport is what VerifyAudit found.
type AuditReport struct {
	Entries  int            `json:"entries"`
	Dossiers int            `json:"dossiers"`
	Head     string         `json:"head"` // hash of the last entry
	Problems []AuditProblem `json:"problems"`
	// Unlogged counts dossiers without any audit entry (the seeder's
	// demo dossiers have none).
	Unlogged int `json:"unlogged"`
	// Adopted counts dossiers that were in the register before its audit
	// chain began ("có trước nhật ký"), adopted at the upgrade (adopt.go).
	Adopted int `json:"adopted"`
}

// VerifyAudit walks the chain from the first entry and names the first
// entry edited, inserted or deleted; then recomputes every dossier's row
// hash against its last audit entry. max bounds the problems listed.
func (s *Store) VerifyAudit(ctx context.Context, max int) (AuditReport, error) {
	var r AuditReport
	add := func(p AuditProblem) {
		if len(r.Problems) < max {
			r.Problems = append(r.Problems, p)
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT n, at, actor, action, entity, entity_id, before, after, backdated_to, row_hash, prev, hash FROM audit ORDER BY n`)
	if err != nil {
		return r, err
	}
	lastHash := map[string]string{} // dossier id → row hash of its last entry
	var adopt *adoption             // the adoption entry, if the upgrade wrote one
	lastN := map[string]int64{}
	var prevN int64
	prev := ""
	chainOK := true
	for rows.Next() {
		var n, at int64
		var actor, action, entity, id, before, after, rowHash, p, h string
		var back any
		if err := rows.Scan(&n, &at, &actor, &action, &entity, &id, &before, &after, &back, &rowHash, &p, &h); err != nil {
			rows.Close()
			return r, err
		}
		r.Entries++
		if entity == "register" && action == adoptAction && adopt == nil && chainOK {
			var a adoption
			if err := json.Unmarshal([]byte(after), &a); err == nil {
				adopt = &a
			}
		}
		if entity == "dossier" {
			lastHash[id], lastN[id] = rowHash, n
		}
		if chainOK {
			want := entryHash(n, at, actor, action, entity, id, before, after, back, rowHash, p)
			switch {
			case h == "":
				add(AuditProblem{N: n, Kind: "inserted", Message: fmt.Sprintf("mục nhật ký số %d không có mã băm: được thêm vào ngoài phần mềm", n)})
				chainOK = false
			case h != want:
				add(AuditProblem{N: n, Kind: "edited", Message: fmt.Sprintf("mục nhật ký số %d (%s, %s) đã bị sửa ngoài phần mềm", n, action, actor)})
				chainOK = false
			case n != prevN+1 && p != prev:
				add(AuditProblem{N: n, Kind: "deleted", Message: deletedMessage(prevN+1, n-1)})
				chainOK = false
			case p != prev:
				add(AuditProblem{N: n, Kind: "inserted", Message: fmt.Sprintf("chuỗi nhật ký đứt trước mục số %d: một mục đã bị chèn hoặc xóa ngoài phần mềm", n)})
				chainOK = false
			case n != prevN+1:
				add(AuditProblem{N: n, Kind: "deleted", Message: deletedMessage(prevN+1, n-1)})
				chainOK = false
			}
		}
		prevN, prev = n, h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	r.Head = prev

	// Every dossier against its last audit entry, hashed in one pass
	// (bulkRowHashes) rather than three queries per dossier.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return r, err
	}
	defer conn.Close()
	q := connQuerier{ctx, conn}
	adopted := newUnloggedDigest()
	var edited []dossierHashRow
	err = bulkRowHashes(q, false, nil, func(d dossierHashRow) error {
		r.Dossiers++
		want, logged := lastHash[d.id]
		if !logged {
			if adopt != nil && d.n <= adopt.LastN {
				adopted.add(d.n, d.id)
				return nil
			}
			r.Unlogged++
			return nil
		}
		if want != "" && d.hashString() != want { // "": chained at migration time without a row hash
			edited = append(edited, d)
		}
		return ctx.Err()
	})
	if err != nil {
		return r, err
	}
	for _, d := range edited {
		if len(r.Problems) >= max {
			break
		}
		var code string
		if err := conn.QueryRowContext(ctx, `SELECT code FROM dossiers WHERE n = ?`, d.n).Scan(&code); err != nil {
			return r, err
		}
		add(AuditProblem{N: lastN[d.id], Dossier: code, Kind: "dossier_edited",
			Message: fmt.Sprintf("hồ sơ %s đã bị sửa ngoài phần mềm sau mục nhật ký số %d (dữ liệu hoặc các bước xử lý khác với lúc lưu)", code, lastN[d.id])})
	}
	if adopt != nil {
		r.Adopted = int(adopted.count)
		if adopted.count != adopt.Dossiers || adopted.sum() != adopt.Digest {
			add(AuditProblem{Kind: "adopted_changed", Message: fmt.Sprintf(
				"các hồ sơ có trước nhật ký (%d hồ sơ được ghi nhận khi nâng cấp, nay thấy %d) đã bị thêm, xóa hoặc thay ngoài phần mềm",
				adopt.Dossiers, adopted.count)})
		}
	}
	return r, nil
}

func deletedMessage(from, to int64) string {
	if from == to {
		return fmt.Sprintf("mục nhật ký số %d đã bị xóa", from)
	}
	return fmt.Sprintf("mục nhật ký số %d đến %d đã bị xóa", from, to)
}

type connQuerier struct {
	ctx  context.Context
	conn *sqlConn
}

func (c connQuerier) QueryRow(q string, args ...any) *sql.Row {
	return c.conn.QueryRowContext(c.ctx, q, args...)
}

func (c connQuerier) Query(q string, args ...any) (*sql.Rows, error) {
	return c.conn.QueryContext(c.ctx, q, args...)
}

// StoredLetterTemplate reads the office's own wording for a kind inside the
// transaction ("" when the shipped wording is in force), for the audit's
// old value.
func (tx *Tx) StoredLetterTemplate(kind string) (string, error) {
	var body string
	err := tx.tx.QueryRow(`SELECT body FROM letter_templates WHERE kind = ?`, kind).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return body, err
}

// StoredSchedule reads the stored schedule of a year inside the
// transaction ("" when none is stored), for the audit's old value.
func (tx *Tx) StoredSchedule(year int) (string, error) {
	var data string
	err := tx.tx.QueryRow(`SELECT data FROM calendar_schedules WHERE year = ?`, year).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return data, err
}
