package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"motcua/internal/calendar"
	"motcua/internal/register"
)

// A receive is the busiest write of a multi-desk office: five desks may
// receive at the same moment. Its numbers (the day's code sequence, the
// year's entry number) and its audit entry need order; nothing else does.
// So on PostgreSQL a receive runs in a transaction whose register lock is
// taken late (TxLateLock): the procedure is read and the dossier built
// before the lock, and the ordered part is three statements (lock; both
// counters and the audit chain's head in one statement; the dossier, its
// events, its search entry and its audit entry in one statement), then the
// commit. Measured at 50,000 dossiers, five desks on one server: the old
// order (lock first, then fifteen statements) held the lock for ~15 round
// trips plus the commit; see docs/postgresql.md for the figures.

// TxLateLock is Tx for a use case that reads first and writes last: on
// PostgreSQL the register lock is taken by the first store method that
// needs order (ReceiveDossier, NextNumbers, InsertDossier, AppendAudit, or
// any statement through exec), not at the start. fn must not write through
// any other method before one of those. On SQLite it is Tx.
func (s *Store) TxLateLock(ctx context.Context, fn func(*Tx) error) error {
	return s.tx(ctx, true, fn)
}

// lock takes the register's write lock in a transaction started with
// TxLateLock; elsewhere it does nothing (the lock was taken at begin).
func (tx *Tx) lock() error {
	if !tx.late || tx.locked {
		return nil
	}
	if err := tx.tx.d.begin(tx.tx); err != nil {
		return err
	}
	tx.locked = true
	return nil
}

// ReceiveDossier numbers a new dossier and saves it with its events, its
// search entry and the audit entry number returns. number is called once
// the numbers are known (the day's sequence for the code and the year's
// entry number): it completes d (code, entry number) and returns the audit
// entry, whose time, actor and text are the caller's.
func (tx *Tx) ReceiveDossier(agency string, d *register.Dossier, number func(seq, entryNo int) (Audit, error)) error {
	if tx.tx.d.name() != "postgres" {
		seq, entry, err := tx.NextNumbers(agency, d.ReceivedAt)
		if err != nil {
			return err
		}
		a, err := number(seq, entry)
		if err != nil {
			return err
		}
		if err := tx.InsertDossier(agency, seq, d); err != nil {
			return err
		}
		return tx.AppendAudit(a)
	}
	return tx.receiveOrdered(agency, d, number)
}

// receiveOrdered is ReceiveDossier on PostgreSQL. In a transaction of
// TxLateLock (its own connection) it takes two round trips once the lock is
// asked for: the lock, both counters and the audit chain's head in one
// pipeline (the lock's wait ends on the server, which then runs the next
// statement with a snapshot taken after it); then the dossier, its events,
// search entry and audit entry in one statement, pipelined with COMMIT.
// The transaction is then committed: fn must not write after it. In any
// other transaction the same statements go one by one and Tx commits.
func (tx *Tx) receiveOrdered(agency string, d *register.Dossier, number func(seq, entryNo int) (Audit, error)) error {
	at := d.ReceivedAt.In(calendar.Zone)
	day := dayKey(at)
	seqName, entryName := "seq/"+agency+"/"+strconv.Itoa(day), "entry/"+strconv.Itoa(at.Year())
	const numbersSQL = `WITH s AS (UPDATE counters SET n = n + 1 WHERE name = $1 RETURNING n),
		e AS (UPDATE counters SET n = n + 1 WHERE name = $2 RETURNING n)
		SELECT (SELECT n FROM s), (SELECT n FROM e), h.n, h.hash
		FROM (SELECT 1) one LEFT JOIN (SELECT n, hash FROM audit ORDER BY n DESC LIMIT 1) h ON true`
	var seq, entry, headN sql.NullInt64
	var head sql.NullString
	piped := tx.tx.conn != nil && !tx.locked
	if piped {
		b := &pgx.Batch{}
		b.Queue(pgLockSQL)
		b.Queue(numbersSQL, seqName, entryName)
		err := tx.pipeline(b, func(br pgx.BatchResults) error {
			if _, err := br.Exec(); err != nil {
				return err
			}
			tx.locked = true
			return br.QueryRow().Scan(&seq, &entry, &headN, &head)
		})
		if err != nil {
			return err
		}
	} else {
		if err := tx.lock(); err != nil {
			return err
		}
		if err := tx.tx.QueryRow(numbersSQL, seqName, entryName).Scan(&seq, &entry, &headN, &head); err != nil {
			return err
		}
	}
	// A counter met for the first time (the day's first dossier).
	if !seq.Valid {
		n, err := tx.next(seqName, seqStart, agency, day)
		if err != nil {
			return err
		}
		seq = sql.NullInt64{Int64: int64(n), Valid: true}
	}
	if !entry.Valid {
		n, err := tx.next(entryName, entryStart, at.Year())
		if err != nil {
			return err
		}
		entry = sql.NullInt64{Int64: int64(n), Valid: true}
	}
	a, err := number(int(seq.Int64), int(entry.Int64))
	if err != nil {
		return err
	}
	args, err := dossierArgs(agency, int(seq.Int64), d)
	if err != nil {
		return err
	}
	// The row hash is what dossierRowHash will read back: the same values,
	// in the form the driver returns them (see hashValue).
	var b strings.Builder
	writeValues(&b, hashValues(args[:dossierHashN]))
	events := make([][]any, len(d.Events))
	for i, e := range d.Events {
		events[i] = eventArgs(0, e)[1:]
		writeValues(&b, hashValues(events[i]))
	}
	sum := sha256.Sum256([]byte(b.String()))
	rowHash := rowHashV1 + hex.EncodeToString(sum[:])
	n := headN.Int64 + 1
	back := nullUnix(a.BackdatedTo)
	h := entryHash(n, a.At.Unix(), a.Actor, a.Action, a.Entity, a.EntityID, a.Before, a.After, back, rowHash, head.String)

	var q strings.Builder
	q.WriteString(`WITH d AS (INSERT INTO dossiers (` + dossierInsertCols + `) VALUES (` + marks(dossierInsertN) + `) RETURNING n)`)
	for i := range events {
		q.WriteString(`, e` + strconv.Itoa(i) + ` AS (INSERT INTO events (` + eventCols + `) VALUES ((SELECT n FROM d), ` + marks(len(events[i])) + `))`)
		args = append(args, events[i]...)
	}
	q.WriteString(`, s AS (INSERT INTO dossier_search (n, folded) VALUES ((SELECT n FROM d), ?))`)
	args = append(args, tx.tx.d.indexText(SearchText(d)))
	q.WriteString(` INSERT INTO audit (n, at, actor, action, entity, entity_id, before, after, backdated_to, row_hash, prev, hash)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	args = append(args, n, a.At.Unix(), a.Actor, a.Action, a.Entity, a.EntityID, a.Before, a.After, back, rowHash, head.String, h)
	if piped {
		bt := &pgx.Batch{}
		bt.Queue(tx.tx.d.rebind(q.String()), args...)
		bt.Queue("COMMIT")
		bt.Queue(markSQL) // after the commit, in the same round trip (see committed)
		err = tx.pipeline(bt, func(br pgx.BatchResults) error {
			if _, err := br.Exec(); err != nil {
				return err
			}
			ct, err := br.Exec()
			if err != nil {
				return err
			}
			if ct.String() != "COMMIT" {
				return fmt.Errorf("máy chủ không lưu hồ sơ (%s); hãy thử lại", ct.String())
			}
			tx.tx.ended = true
			if _, err := br.Exec(); err == nil {
				tx.marked = true
			}
			return nil
		})
	} else {
		_, err = tx.tx.Exec(q.String(), args...)
	}
	if err != nil {
		if e := Explain(err); errors.Is(e, ErrDuplicate) {
			return duplicate("mã hồ sơ %s hoặc số thứ tự %d/%d đã có trong sổ", d.Code, d.EntryNo, d.Year)
		}
		return err
	}
	return nil
}

// pipeline sends a batch of statements in one round trip on the
// transaction's own connection; read takes the results in order.
func (tx *Tx) pipeline(b *pgx.Batch, read func(pgx.BatchResults) error) error {
	if tx.tx.ended {
		return errEnded
	}
	return tx.tx.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("kết nối không phải của PostgreSQL (%T)", dc)
		}
		br := c.Conn().SendBatch(context.Background(), b)
		if err := read(br); err != nil {
			br.Close()
			return err
		}
		if err := br.Close(); err != nil && !tx.tx.ended {
			return err // once COMMIT answered, what follows it cannot undo the receive
		}
		return nil
	})
}

// dossierHashN is the number of dossierHashCols: the first columns of
// dossierInsertCols, in the same order.
var dossierHashN = strings.Count(dossierHashCols, ",") + 1

func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

// hashValues gives the values a row is saved with in the types the driver
// reads them back as (integers as int64, strings as string), so that
// writeValues writes the same bytes for both.
func hashValues(vals []any) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = hashValue(v)
	}
	return out
}

func hashValue(v any) any {
	if v == nil {
		return nil
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return r.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32:
		return int64(r.Uint())
	case reflect.String:
		return r.String()
	case reflect.Bool:
		if r.Bool() {
			return int64(1)
		}
		return int64(0)
	}
	return v
}
