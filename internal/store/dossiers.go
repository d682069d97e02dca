package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/register"
	"motcua/internal/textvn"
)

const dossierCols = `n, id, code, year, entry_no, book_no, procedure_code, procedure_name, procedure_version,
	form_set, field, limit_value, limit_unit, applicant_name, applicant_address, applicant_phone,
	applicant_email, sets, documents, result_method, handling_unit, holder, received_by, received_at,
	due_at, new_due_at, state, forwarded_at, done_at, returned_at, outcome, supplement_at,
	supplement_reason, resumed_at, apology_at, apology_reason, closed_reason, note, updated_at, variant, channel`

// NextNumbers reserves the day's sequence number for a dossier code and the
// year's register entry number from their counter rows, inside the write
// transaction: two desks receiving at once queue on the row and never share
// a number, and a receive that rolls back gives its numbers back.
func (tx *Tx) NextNumbers(agency string, at time.Time) (seq, entryNo int, err error) {
	at = at.In(calendar.Zone)
	day := dayKey(at)
	if err = tx.lock(); err != nil {
		return
	}
	if seq, err = tx.next("seq/"+agency+"/"+strconv.Itoa(day), seqStart, agency, day); err != nil {
		return
	}
	entryNo, err = tx.next("entry/"+strconv.Itoa(at.Year()), entryStart, at.Year())
	return
}

// seqStart and entryStart are where a counter met for the first time
// starts (args: agency and day; year).
const (
	seqStart   = `SELECT COALESCE(MAX(seq), 0) FROM dossiers WHERE agency = ? AND day = ?`
	entryStart = `SELECT COALESCE(MAX(entry_no), 0) FROM dossiers WHERE year = ?`
)

// NoteNumbers records numbers given out without NextNumbers (a bulk fill
// that numbers a day's dossiers itself, an import of dossiers with their
// codes): the day's sequence counter and the year's entry counter move up
// to at least seq and entryNo.
func (tx *Tx) NoteNumbers(agency string, at time.Time, seq, entryNo int) error {
	at = at.In(calendar.Zone)
	for _, c := range []struct {
		name string
		n    int
	}{{"seq/" + agency + "/" + strconv.Itoa(dayKey(at)), seq}, {"entry/" + strconv.Itoa(at.Year()), entryNo}} {
		if _, err := tx.exec(`INSERT INTO counters (name, n) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET n = CASE WHEN excluded.n > counters.n THEN excluded.n ELSE counters.n END`, c.name, c.n); err != nil {
			return err
		}
	}
	return nil
}

// next takes the next value of a counter. A counter met for the first time
// starts after the maximum the register already holds (start is that
// query), so databases from before the counters keep their sequence.
func (tx *Tx) next(name, start string, args ...any) (int, error) {
	if err := tx.lock(); err != nil {
		return 0, err
	}
	var n int
	err := tx.tx.QueryRow(`UPDATE counters SET n = n + 1 WHERE name = ? RETURNING n`, name).Scan(&n)
	if !errors.Is(err, sql.ErrNoRows) {
		return n, err
	}
	err = tx.tx.QueryRow(`INSERT INTO counters (name, n) VALUES (?, (`+start+`) + 1)
		ON CONFLICT (name) DO UPDATE SET n = counters.n + 1 RETURNING n`, append([]any{name}, args...)...).Scan(&n)
	return n, err
}

func dayKey(t time.Time) int {
	y, m, d := t.In(calendar.Zone).Date()
	return y*10000 + int(m)*100 + d
}

// dossierInsertCols are the columns InsertDossier fills, in dossierArgs' order.
const dossierInsertCols = `id, code, agency, day, seq, year, entry_no, book_no,
		procedure_code, procedure_name, procedure_version, form_set, field, limit_value, limit_unit,
		applicant_name, applicant_address, applicant_phone, applicant_email, sets, documents, result_method,
		handling_unit, holder, received_by, received_at, due_at, new_due_at, state, forwarded_at, done_at,
		returned_at, outcome, supplement_at, supplement_reason, resumed_at, apology_at, apology_reason,
		closed_reason, note, updated_at, variant, channel`

// dossierInsertN is the number of dossierInsertCols.
const dossierInsertN = 43

func dossierArgs(agency string, seq int, d *register.Dossier) ([]any, error) {
	docs, err := json.Marshal(nonNil(d.Documents))
	if err != nil {
		return nil, err
	}
	return []any{d.ID, d.Code, agency, dayKey(d.ReceivedAt), seq, d.Year, d.EntryNo, d.BookNo,
		d.ProcedureCode, d.ProcedureName, d.ProcedureVersion, d.FormSet, d.Field, d.Limit.Value, string(d.Limit.Unit),
		d.Applicant.Name, d.Applicant.Address, d.Applicant.Phone, d.Applicant.Email, d.Sets, string(docs), d.ResultMethod,
		d.HandlingUnit, d.Holder, d.ReceivedBy, unix(d.ReceivedAt), unix(d.DueAt), nullUnix(d.NewDueAt), string(d.State),
		nullUnix(d.ForwardedAt), nullUnix(d.DoneAt), nullUnix(d.ReturnedAt), string(d.Outcome), nullUnix(d.SupplementAt),
		d.SupplementReason, nullUnix(d.ResumedAt), nullUnix(d.ApologyAt), d.ApologyReason, d.ClosedReason, d.Note, unix(d.UpdatedAt),
		d.Variant, channelOr(d.Channel)}, nil
}

// InsertDossier saves a new dossier with its events and search entry.
func (tx *Tx) InsertDossier(agency string, seq int, d *register.Dossier) error {
	if err := tx.lock(); err != nil {
		return err
	}
	args, err := dossierArgs(agency, seq, d)
	if err != nil {
		return err
	}
	var n int64
	err = tx.queryRow(`INSERT INTO dossiers (`+dossierInsertCols+`)
		VALUES (`+strings.TrimSuffix(strings.Repeat("?,", dossierInsertN), ",")+`) RETURNING n`, args...).Scan(&n)
	if err != nil {
		if e := Explain(err); errors.Is(e, ErrDuplicate) {
			return duplicate("mã hồ sơ %s hoặc số thứ tự %d/%d đã có trong sổ", d.Code, d.EntryNo, d.Year)
		}
		return err
	}
	for _, e := range d.Events {
		if err := tx.insertEvent(n, e); err != nil {
			return err
		}
	}
	_, err = tx.exec(tx.tx.d.indexSQL(), n, tx.tx.d.indexText(SearchText(d)))
	return err
}

func channelOr(c string) string {
	if c == "" {
		return register.AtCounter
	}
	return c
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// SearchText is what the search index holds for a dossier: its folded
// name, address, code and phone digits.
func SearchText(d *register.Dossier) string {
	return textvn.Fold(d.Applicant.Name + " " + d.Applicant.Address + " " + d.Code + " " + textvn.Digits(d.Applicant.Phone))
}

// eventCols are the columns insertEvent fills, in eventArgs' order.
const eventCols = `dossier_n, seq, kind, at, from_unit, to_unit, actor, note, outcome, state, backdated`

func eventArgs(n int64, e register.Event) []any {
	return []any{n, e.Seq, string(e.Kind), unix(e.At), e.From, e.To, e.Actor, e.Note, string(e.Outcome), string(e.State), boolInt(e.Backdated)}
}

func (tx *Tx) insertEvent(n int64, e register.Event) error {
	_, err := tx.exec(`INSERT INTO events (`+eventCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?)`, eventArgs(n, e)...)
	return err
}

// UpdateDossier saves the changed state of a dossier and appends its new
// event (the last of d.Events).
func (tx *Tx) UpdateDossier(d *register.Dossier) error {
	var n int64
	if err := tx.tx.QueryRow(`SELECT n FROM dossiers WHERE id = ?`, d.ID).Scan(&n); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return NotFound("hồ sơ %s", d.Code)
		}
		return err
	}
	_, err := tx.tx.Exec(`UPDATE dossiers SET due_at = ?, new_due_at = ?, state = ?, holder = ?, handling_unit = ?,
		forwarded_at = ?, done_at = ?, returned_at = ?, outcome = ?, supplement_at = ?, supplement_reason = ?,
		resumed_at = ?, apology_at = ?, apology_reason = ?, closed_reason = ?, updated_at = ? WHERE n = ?`,
		unix(d.DueAt), nullUnix(d.NewDueAt), string(d.State), d.Holder, d.HandlingUnit,
		nullUnix(d.ForwardedAt), nullUnix(d.DoneAt), nullUnix(d.ReturnedAt), string(d.Outcome), nullUnix(d.SupplementAt),
		d.SupplementReason, nullUnix(d.ResumedAt), nullUnix(d.ApologyAt), d.ApologyReason, d.ClosedReason, unix(d.UpdatedAt), n)
	if err != nil {
		return err
	}
	if len(d.Events) == 0 {
		return nil
	}
	return tx.insertEvent(n, d.Events[len(d.Events)-1])
}

// reindexAll fills the search index; it runs inside migration 2, so it reads
// only the columns that existed then (not dossierCols, which later
// migrations extend).
func (tx *Tx) reindexAll() error {
	rows, err := tx.tx.Query(`SELECT n, code, applicant_name, applicant_address, applicant_phone FROM dossiers`)
	if err != nil {
		return err
	}
	type item struct {
		n    int64
		text string
	}
	var items []item
	for rows.Next() {
		var d register.Dossier
		var n int64
		if err := rows.Scan(&n, &d.Code, &d.Applicant.Name, &d.Applicant.Address, &d.Applicant.Phone); err != nil {
			rows.Close()
			return err
		}
		items = append(items, item{n, SearchText(&d)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, it := range items {
		tx.rowProgress(int64(i), int64(len(items)))
		if _, err := tx.tx.Exec(tx.tx.d.indexSQL(), it.n, tx.tx.d.indexText(it.text)); err != nil {
			return err
		}
	}
	return nil
}

type scanner interface{ Scan(...any) error }

func scanDossier(r scanner) (*register.Dossier, int64, error) {
	var (
		d                                                               register.Dossier
		n                                                               int64
		unit, docs, state, outcome                                      string
		received, due, updated                                          int64
		newDue, forwarded, done, returned, supplement, resumed, apology sql.NullInt64
	)
	err := r.Scan(&n, &d.ID, &d.Code, &d.Year, &d.EntryNo, &d.BookNo, &d.ProcedureCode, &d.ProcedureName, &d.ProcedureVersion,
		&d.FormSet, &d.Field, &d.Limit.Value, &unit, &d.Applicant.Name, &d.Applicant.Address, &d.Applicant.Phone,
		&d.Applicant.Email, &d.Sets, &docs, &d.ResultMethod, &d.HandlingUnit, &d.Holder, &d.ReceivedBy, &received,
		&due, &newDue, &state, &forwarded, &done, &returned, &outcome, &supplement,
		&d.SupplementReason, &resumed, &apology, &d.ApologyReason, &d.ClosedReason, &d.Note, &updated, &d.Variant, &d.Channel)
	if err != nil {
		return nil, 0, err
	}
	d.Limit.Unit = calendar.Unit(unit)
	d.State = register.State(state)
	d.Outcome = register.Outcome(outcome)
	if docs != "" && docs != "[]" {
		if err := json.Unmarshal([]byte(docs), &d.Documents); err != nil {
			return nil, 0, fmt.Errorf("dữ liệu của hồ sơ %s bị hỏng (danh mục giấy tờ): %v; hãy khôi phục từ bản sao lưu", d.Code, err)
		}
	}
	d.ReceivedAt, d.DueAt, d.UpdatedAt = at(received), at(due), at(updated)
	d.NewDueAt, d.ForwardedAt, d.DoneAt, d.ReturnedAt = atp(newDue), atp(forwarded), atp(done), atp(returned)
	d.SupplementAt, d.ResumedAt, d.ApologyAt = atp(supplement), atp(resumed), atp(apology)
	return &d, n, nil
}

func at(u int64) time.Time { return time.Unix(u, 0).In(calendar.Zone) }

func atp(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := at(v.Int64)
	return &t
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func loadDossier(ctx context.Context, q querier, where string, arg any) (*register.Dossier, error) {
	d, n, err := scanDossier(q.QueryRowContext(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT seq, kind, at, from_unit, to_unit, actor, note, outcome, state, backdated
		FROM events WHERE dossier_n = ? ORDER BY seq`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e register.Event
		var kind, outcome, state string
		var t, backdated int64
		if err := rows.Scan(&e.Seq, &kind, &t, &e.From, &e.To, &e.Actor, &e.Note, &outcome, &state, &backdated); err != nil {
			return nil, err
		}
		e.Kind, e.At, e.Outcome, e.State = register.EventKind(kind), at(t), register.Outcome(outcome), register.State(state)
		e.Backdated = backdated != 0
		d.Events = append(d.Events, e)
	}
	return d, rows.Err()
}

// DossierByCode loads a dossier with its events, inside the transaction.
func (tx *Tx) DossierByCode(code string) (*register.Dossier, error) {
	d, err := loadDossier(context.Background(), tx.tx, "code = ?", strings.TrimSpace(code))
	if errors.Is(err, ErrNotFound) {
		return nil, NotFound("không có hồ sơ mã %s trong sổ", code)
	}
	return d, err
}

// DossierByCode loads a dossier with its events.
func (s *Store) DossierByCode(ctx context.Context, code string) (*register.Dossier, error) {
	d, err := loadDossier(ctx, s.db, "code = ?", strings.TrimSpace(code))
	if errors.Is(err, ErrNotFound) {
		return nil, NotFound("không có hồ sơ mã %s trong sổ", code)
	}
	return d, err
}

// DossierByID loads a dossier with its events by its id.
func (s *Store) DossierByID(ctx context.Context, id string) (*register.Dossier, error) {
	d, err := loadDossier(ctx, s.db, "id = ?", id)
	if errors.Is(err, ErrNotFound) {
		return nil, NotFound("không có hồ sơ %s", id)
	}
	return d, err
}
