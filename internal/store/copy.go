package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// TableCopy is what Copy moved of one table, with the fingerprint both
// sides agreed on.
type TableCopy struct {
	Table string `json:"table"`
	Rows  int64  `json:"rows"`
	Hash  string `json:"hash"`
}

// CopyReport is the account of a whole-office move.
type CopyReport struct {
	From    string        `json:"from"`
	To      string        `json:"to"`
	Tables  []TableCopy   `json:"tables"`
	Elapsed time.Duration `json:"elapsed_ns"`
}

// Copy moves every row of every table of src into dst, an empty register
// at the same schema version (SQLite to PostgreSQL or back), in one
// transaction of dst: all of it arrives or nothing does. Before the commit
// each table of dst is read back and its row count and row hash compared
// with what was read from src; any difference rolls everything back. The
// search index is rebuilt on dst from the copied dossiers rather than
// copied, as the engines index differently.
func Copy(ctx context.Context, src, dst *Store) (*CopyReport, error) {
	start := time.Now()
	sv, err := src.Version()
	if err != nil {
		return nil, Explain(err)
	}
	dv, err := dst.Version()
	if err != nil {
		return nil, Explain(err)
	}
	if sv != SchemaVersion || dv != SchemaVersion {
		return nil, fmt.Errorf("hai cơ sở dữ liệu phải cùng phiên bản lược đồ %d của phần mềm này (nguồn %d, đích %d); hãy mở cả hai bằng phần mềm này trước", SchemaVersion, sv, dv)
	}
	tables, err := src.copyTables(ctx)
	if err != nil {
		return nil, Explain(err)
	}
	dtables, err := dst.copyTables(ctx)
	if err != nil {
		return nil, Explain(err)
	}
	if !slices.Equal(sortedCopy(tables), sortedCopy(dtables)) {
		return nil, fmt.Errorf("hai cơ sở dữ liệu có bảng khác nhau (nguồn %v, đích %v)", tables, dtables)
	}
	// Empty means as a new register is: some migrations put rows in (a
	// counter starting at 0), so each table is compared with a fresh one.
	fresh, err := freshHashes(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		n, h, err := tableHash(ctx, dst.db, t)
		if err != nil {
			return nil, Explain(err)
		}
		if f, ok := fresh[t]; n > 0 && (!ok || f.Hash != h) {
			return nil, fmt.Errorf("cơ sở dữ liệu đích %s đã có dữ liệu (bảng %s có %d dòng); chỉ chuyển vào một cơ sở dữ liệu trống, không gộp hai sổ", dst.Path(), t, n)
		}
	}
	rep := &CopyReport{From: src.Path(), To: dst.Path()}
	err = dst.Tx(ctx, func(tx *Tx) error {
		rep.Tables = rep.Tables[:0]
		// The rows a new register starts with make way for the source's.
		for i := len(tables) - 1; i >= 0; i-- {
			if _, err := tx.tx.Exec(`DELETE FROM ` + tables[i]); err != nil {
				return err
			}
		}
		for _, t := range tables {
			tc, err := copyTable(ctx, src, tx, t)
			if err != nil {
				return fmt.Errorf("chép bảng %s: %w", t, err)
			}
			rep.Tables = append(rep.Tables, tc)
		}
		if err := dst.db.d.afterCopy(tx.tx, tables); err != nil {
			return err
		}
		if err := tx.reindexAll(); err != nil {
			return fmt.Errorf("dựng lại chỉ mục tìm kiếm: %w", err)
		}
		// Read back what the transaction holds and compare.
		for _, tc := range rep.Tables {
			n, h, err := tableHash(ctx, tx.tx, tc.Table)
			if err != nil {
				return err
			}
			if n != tc.Rows || h != tc.Hash {
				return fmt.Errorf("kiểm tra sau khi chép bảng %s không khớp (nguồn %d dòng, đích %d dòng); không có gì được lưu", tc.Table, tc.Rows, n)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// TableHashes counts and fingerprints every table of s (the same figures
// Copy compares), for checking a move afterwards.
func (s *Store) TableHashes(ctx context.Context) ([]TableCopy, error) {
	tables, err := s.copyTables(ctx)
	if err != nil {
		return nil, Explain(err)
	}
	var out []TableCopy
	for _, t := range tables {
		n, h, err := tableHash(ctx, s.db, t)
		if err != nil {
			return nil, Explain(err)
		}
		out = append(out, TableCopy{t, n, h})
	}
	return out, nil
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// copyTables lists the register's own tables (not the search index, not the
// schema version), parents before the tables that refer to them.
func (s *Store) copyTables(ctx context.Context) ([]string, error) {
	var q string
	if s.db.d.name() == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	} else {
		q = `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'`
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		if n == "schema_version" || strings.HasPrefix(n, "dossier_search") {
			continue
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.Sort(names)
	parents := map[string][]string{}
	for _, n := range names {
		if parents[n], err = s.db.d.references(ctx, s.db, n); err != nil {
			return nil, err
		}
	}
	var order []string
	done := map[string]bool{}
	var visit func(n string, depth int)
	visit = func(n string, depth int) {
		if done[n] || depth > len(names) {
			return
		}
		for _, p := range parents[n] {
			if p != n {
				visit(p, depth+1)
			}
		}
		if !done[n] {
			done[n] = true
			order = append(order, n)
		}
	}
	for _, n := range names {
		visit(n, 0)
	}
	return order, nil
}

// copyTable streams one table from src into the transaction and returns
// its count and hash as read from src.
func copyTable(ctx context.Context, src *Store, tx *Tx, table string) (TableCopy, error) {
	rows, err := src.db.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return TableCopy{}, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return TableCopy{}, err
	}
	ins := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (` +
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
	var h rowHasher
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return TableCopy{}, err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok { // TEXT as text on both engines
				vals[i] = string(b)
			}
		}
		h.add(vals)
		if _, err := tx.exec(ins, vals...); err != nil {
			return TableCopy{}, err
		}
	}
	if err := rows.Err(); err != nil {
		return TableCopy{}, err
	}
	return TableCopy{Table: table, Rows: h.n, Hash: h.sum()}, nil
}

func tableHash(ctx context.Context, q querier, table string) (int64, string, error) {
	rows, err := q.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return 0, "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, "", err
	}
	var h rowHasher
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, "", err
		}
		h.add(vals)
	}
	return h.n, h.sum(), rows.Err()
}

// rowHasher fingerprints a table independently of row order: the sum,
// modulo 2^128, of the SHA-256 (first 16 bytes) of each row's canonical
// form, in which a value is typed (null, integer, real, text) the same way
// whichever engine it was read from.
type rowHasher struct {
	n      int64
	hi, lo uint64
	buf    []byte
}

func (h *rowHasher) add(vals []any) {
	b := h.buf[:0]
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
			b = append(b, 'N')
		case int64:
			b = append(b, 'i')
			b = strconv.AppendInt(b, x, 10)
		case int32:
			b = append(b, 'i')
			b = strconv.AppendInt(b, int64(x), 10)
		case int:
			b = append(b, 'i')
			b = strconv.AppendInt(b, int64(x), 10)
		case bool:
			b = append(b, 'i')
			if x {
				b = append(b, '1')
			} else {
				b = append(b, '0')
			}
		case float64:
			if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
				b = append(b, 'i')
				b = strconv.AppendInt(b, int64(x), 10)
			} else {
				b = append(b, 'f')
				b = strconv.AppendFloat(b, x, 'g', -1, 64)
			}
		case string:
			b = append(b, 's')
			b = strconv.AppendInt(b, int64(len(x)), 10)
			b = append(b, ':')
			b = append(b, x...)
		case []byte:
			b = append(b, 's')
			b = strconv.AppendInt(b, int64(len(x)), 10)
			b = append(b, ':')
			b = append(b, x...)
		case time.Time:
			b = append(b, 'i')
			b = strconv.AppendInt(b, x.Unix(), 10)
		default:
			b = fmt.Appendf(b, "?%v", x)
		}
		b = append(b, 0)
	}
	h.buf = b
	sum := sha256.Sum256(b)
	hi, lo := binary.BigEndian.Uint64(sum[:8]), binary.BigEndian.Uint64(sum[8:16])
	var carry uint64
	h.lo, carry = add64(h.lo, lo)
	h.hi = h.hi + hi + carry
	h.n++
}

func add64(a, b uint64) (uint64, uint64) {
	s := a + b
	if s < a {
		return s, 1
	}
	return s, 0
}

func (h *rowHasher) sum() string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], h.hi)
	binary.BigEndian.PutUint64(b[8:], h.lo)
	return hex.EncodeToString(b[:])
}

// freshHashes fingerprints the tables of a new, empty register.
func freshHashes(ctx context.Context) (map[string]TableCopy, error) {
	dir, err := os.MkdirTemp("", "motcua-fresh")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	s, err := Open(filepath.Join(dir, "fresh.db"), Options{Fast: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	hs, err := s.TableHashes(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]TableCopy{}
	for _, h := range hs {
		out[h.Table] = h
	}
	return out, nil
}

// copyToFile copies the whole register into a new SQLite file at abs.
func (s *Store) copyToFile(ctx context.Context, abs string) error {
	dst, err := Open(abs, Options{})
	if err != nil {
		return err
	}
	_, err = Copy(ctx, s, dst)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(abs + suffix)
		}
	}
	return err
}
