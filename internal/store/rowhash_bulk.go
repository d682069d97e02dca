package store

// Row hashes of the whole register in one pass. dossierRowHash reads one
// dossier and its steps with three queries; an upgrade that chains the
// audit of a 1,000,000-dossier register did that a million times and ran
// for six minutes. Here one query walks every dossier joined to its steps
// in order, and the hashes come out exactly as dossierRowHash makes them
// (same columns, same values, same encoding): a test holds them equal.

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// prefixCols qualifies each column of a list with a table alias.
func prefixCols(cols, alias string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + "." + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// dossierHashRow is one dossier's row hash with the number of its last
// audit entry (0 when it has none).
type dossierHashRow struct {
	n, lastAudit int64
	id           string
	hash         [32]byte
}

// hashString is the stored form of a row hash.
func (r dossierHashRow) hashString() string { return rowHashV1 + hex.EncodeToString(r.hash[:]) }

// bulkRowHashes calls fn for every dossier in the order of its row number
// with its row hash; withAudit also finds its last audit entry's number.
// progress, when set, is told the dossiers done.
func bulkRowHashes(q rowQuerier, withAudit bool, progress func(done int64), fn func(dossierHashRow) error) error {
	nd := strings.Count(dossierHashCols, ",") + 1
	ne := strings.Count(eventHashCols, ",") + 1
	last := "0"
	if withAudit {
		last = "(SELECT MAX(a.n) FROM audit a WHERE a.entity = 'dossier' AND a.entity_id = d.id)"
	}
	rows, err := q.Query(`SELECT d.n, ` + last + `, ` + prefixCols(dossierHashCols, "d") + `, ` + prefixCols(eventHashCols, "e") + `
		FROM dossiers d LEFT JOIN events e ON e.dossier_n = d.n ORDER BY d.n, e.seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		cur   dossierHashRow
		b     strings.Builder
		open  bool
		done  int64
		vals  = make([]any, 2+nd+ne)
		ptrs  = make([]any, len(vals))
		lastN any
	)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	ptrs[1] = &lastN
	flush := func() error {
		if !open {
			return nil
		}
		cur.hash = sha256.Sum256([]byte(b.String()))
		done++
		if progress != nil && done%1000 == 0 {
			progress(done)
		}
		return fn(cur)
	}
	for rows.Next() {
		for i := range vals {
			vals[i] = nil
		}
		lastN = nil
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		n := vals[0].(int64)
		if !open || n != cur.n {
			if err := flush(); err != nil {
				return err
			}
			cur = dossierHashRow{n: n, lastAudit: toInt64(lastN)}
			b.Reset()
			// The id is the first hashed column.
			switch id := vals[2].(type) {
			case string:
				cur.id = id
			case []byte:
				cur.id = string(id)
			}
			writeValues(&b, vals[2:2+nd])
			open = true
		}
		if vals[2+nd] != nil { // a step (seq is never NULL); NULL: no steps
			writeValues(&b, vals[2+nd:])
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

func toInt64(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case int32:
		return int64(x)
	case int:
		return int64(x)
	}
	return 0
}

// lastEntryHashes are the row hashes each dossier's last audit entry
// carries, sorted by that entry's number, for a walk of the log in order.
type lastEntryHashes []dossierHashRow

func (l lastEntryHashes) sort() {
	sort.Slice(l, func(i, j int) bool { return l[i].lastAudit < l[j].lastAudit })
}
