package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// ErrConnection is matched (errors.Is) by every error that means the
// PostgreSQL server could not be reached or the connection broke: nothing of
// the operation was saved, and the same operation can be tried again.
var ErrConnection = errors.New("mất kết nối tới máy chủ cơ sở dữ liệu")

// connError is the one sentence a clerk reads when the server is out of
// reach; the driver's own words stay reachable through Unwrap for logs.
type connError struct {
	msg   string
	cause error
}

func (e *connError) Error() string        { return e.msg }
func (e *connError) Unwrap() error        { return e.cause }
func (e *connError) Is(target error) bool { return target == ErrConnection }

// pgOpened: this process has talked to a PostgreSQL server.
var pgOpened atomic.Bool

// openPostgres opens the register on a PostgreSQL server.
func openPostgres(dsn string, opt Options) (*Store, error) {
	pgOpened.Store(true)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("địa chỉ máy chủ cơ sở dữ liệu %q không hợp lệ (dạng đúng: postgres://tài_khoản@máy_chủ:5432/tên_csdl): %v", Redact(dsn), err)
	}
	if cfg.ConnectTimeout == 0 || cfg.ConnectTimeout > 10*time.Second {
		cfg.ConnectTimeout = 5 * time.Second
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["application_name"] = "motcua"
	// pgx prepares and caches statements; after five runs PostgreSQL may plan
	// a cached statement once for any parameter. For search that generic plan
	// cannot know whether a word is common (walk the newest rows) or rare (use
	// the index), and picked the walk for rare words: 200 ms instead of 1 ms.
	cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	// A desk's queries are short: starting parallel workers (even ones a
	// one-time filter never runs) or compiling with JIT costs more than the
	// query itself (20 ms of worker start-up seen on a 5 ms search).
	cfg.RuntimeParams["max_parallel_workers_per_gather"] = "0"
	cfg.RuntimeParams["jit"] = "off"
	if opt.Fast {
		// Only the seeder: a crash loses the last moments of a bulk fill.
		cfg.RuntimeParams["synchronous_commit"] = "off"
	}
	if opt.ReadOnly {
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	sqldb := stdlib.OpenDB(*cfg)
	// A desk needs few connections; a dead one is dropped after a minute idle
	// so a restarted server is met with fresh ones.
	sqldb.SetMaxOpenConns(8)
	sqldb.SetMaxIdleConns(4)
	sqldb.SetConnMaxIdleTime(time.Minute)
	s := &Store{db: &DB{DB: sqldb, d: postgresDialect{}}, path: Redact(dsn), pgcfg: cfg.Copy()}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, explainPostgresOpen(cfg, err)
	}
	if !opt.ReadOnly {
		max := len(migrations)
		if opt.MaxMigration > 0 && opt.MaxMigration < max {
			max = opt.MaxMigration
		}
		if err := s.migrate(max); err != nil {
			sqldb.Close()
			return nil, explainPostgresOpen(cfg, err)
		}
	}
	return s, nil
}

// Redact is a database address fit for a message or a log: a URL loses its
// password; a file path stays as it is.
func Redact(dsn string) string {
	if !IsURL(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	return u.String()
}

func explainPostgresOpen(cfg *pgx.ConnConfig, err error) error {
	where := fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "3D000":
			return explained(fmt.Sprintf("máy chủ %s:%d chưa có cơ sở dữ liệu %q; hãy nhờ quản trị viên tạo nó (xem docs/postgresql.md): %v", cfg.Host, cfg.Port, cfg.Database, err), err)
		case "28000", "28P01":
			return explained(fmt.Sprintf("máy chủ cơ sở dữ liệu %s từ chối tài khoản %q (sai tên hoặc mật khẩu, hoặc máy này chưa được phép kết nối); kiểm tra lại với quản trị viên: %v", where, cfg.User, err), err)
		case "42501":
			return explained(fmt.Sprintf("tài khoản %q không có quyền nâng cấp lược đồ cơ sở dữ liệu %s; hãy nhờ quản trị viên mở phần mềm một lần bằng tài khoản chủ sở hữu cơ sở dữ liệu để nâng cấp: %v", cfg.User, where, err), err)
		}
	}
	if e := Explain(err); errors.Is(e, ErrConnection) {
		return &connError{fmt.Sprintf("Không kết nối được tới máy chủ cơ sở dữ liệu %s; kiểm tra máy chủ đã bật và mạng hoạt động, rồi thử lại.", where), err}
	} else if e != err {
		return e
	}
	return explained(fmt.Sprintf("không mở được cơ sở dữ liệu trên máy chủ %s: %v", where, err), err)
}

// explainPostgres classifies a PostgreSQL or network error; ok is false for
// errors that are not the server's.
func explainPostgres(err error) (error, bool) {
	var ex *explainedError
	if errors.Is(err, ErrConnection) || errors.As(err, &ex) {
		return err, true // already said
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "23505":
			return duplicate("dữ liệu bị trùng với một bản ghi đã có (%v)", err), true
		case pe.Code == "53100":
			return explained(fmt.Sprintf("ổ đĩa của máy chủ cơ sở dữ liệu đã đầy nên dữ liệu chưa được lưu (không mất dữ liệu cũ). Hãy báo quản trị viên giải phóng dung lượng rồi thử lại: %v", err), err), true
		case pe.Code == "40001" || pe.Code == "40P01":
			return explained(fmt.Sprintf("nhiều quầy cùng ghi một lúc nên dữ liệu chưa được lưu; hãy thử lại: %v", err), err), true
		case pe.Code == "25006":
			return explained(fmt.Sprintf("cơ sở dữ liệu đang mở ở chế độ chỉ đọc nên không ghi được: %v", err), err), true
		case pe.Code == "42501":
			return explained(fmt.Sprintf("tài khoản kết nối không có quyền làm việc này trên máy chủ cơ sở dữ liệu; hãy hỏi quản trị viên: %v", err), err), true
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"), pe.Code == "53300":
			return lostConnection(err), true
		}
		return err, true
	}
	// Only errors the driver made: a use case's own error (a bundle's bad
	// passphrase wrapping io.ErrUnexpectedEOF, say) must pass through.
	var ce *pgconn.ConnectError
	var oe *net.OpError
	var pgx interface{ SafeToRetry() bool } // pgconn's network and protocol errors
	if errors.As(err, &ce) || errors.As(err, &oe) || errors.Is(err, driver.ErrBadConn) || errors.As(err, &pgx) {
		return lostConnection(err), true
	}
	// The driver also hands up a bare (unwrapped) EOF when the server closes
	// the socket mid-statement; only a process talking to a server counts it.
	if (err == io.EOF || err == io.ErrUnexpectedEOF) && pgOpened.Load() {
		return lostConnection(err), true
	}
	return err, false
}

func lostConnection(err error) error {
	return &connError{"Mất kết nối tới máy chủ cơ sở dữ liệu; dữ liệu chưa được lưu, hãy thử lại khi mạng hoạt động.", err}
}

// explainedError is a server error already turned into a sentence, so that
// passing through Explain again (a store function explains, then Tx does)
// does not say it twice.
type explainedError struct {
	msg   string
	cause error
}

func (e *explainedError) Error() string { return e.msg }
func (e *explainedError) Unwrap() error { return e.cause }

func explained(msg string, cause error) error { return &explainedError{msg, cause} }
