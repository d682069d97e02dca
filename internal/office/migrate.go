package office

import (
	"context"
	"errors"
	"fmt"
	"os"

	"motcua/internal/store"
)

// MoveRegister moves a whole office from one database to another: a SQLite
// file to a PostgreSQL server when the office grows to several desks, or
// back. The target must be empty; the move is one transaction, verified
// table by table (row counts and a hash of every row) before it commits.
// The source is left as it was.
func MoveRegister(ctx context.Context, from, to string) (*store.CopyReport, error) {
	if from == "" || to == "" {
		return nil, errors.New("cần cả nơi chuyển đi (--from) và nơi chuyển đến (--to)")
	}
	if store.Redact(from) == store.Redact(to) {
		return nil, errors.New("nơi chuyển đi và nơi chuyển đến là một; hãy chọn hai cơ sở dữ liệu khác nhau")
	}
	if !store.IsURL(from) {
		if _, err := os.Stat(from); err != nil {
			return nil, fmt.Errorf("không có tệp cơ sở dữ liệu %s để chuyển đi", from)
		}
		// No window may write the file while it is read.
		lock, err := store.Lock(from)
		if err != nil {
			return nil, err
		}
		defer lock.Release()
	}
	created := false
	if !store.IsURL(to) {
		if _, err := os.Stat(to); errors.Is(err, os.ErrNotExist) {
			created = true
		}
	}
	src, err := store.Open(from, store.Options{})
	if err != nil {
		return nil, err
	}
	defer src.Close()
	dst, err := store.Open(to, store.Options{})
	if err != nil {
		return nil, err
	}
	rep, err := store.Copy(ctx, src, dst)
	if err == nil {
		err = dst.Analyze(ctx)
	}
	dst.Close()
	if err != nil && created {
		// Leave nothing behind of a move that did not happen.
		for _, suffix := range []string{"", "-wal", "-shm"} {
			_ = os.Remove(to + suffix)
		}
	}
	return rep, err
}
