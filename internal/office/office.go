// Package office holds the use cases of the one-stop counter: receive a
// dossier, hand it on, ask for a supplement, apologise, refuse, return it,
// find it. It is the one door the desktop window and the command line both
// walk through: every rule is checked here (through the pure packages) and
// every change is saved with its audit line in one transaction.
package office

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"motcua/assets"
	"motcua/internal/calendar"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
)

// Options tune Open.
type Options struct {
	// Now is the clock; time.Now when nil. Tests fix it.
	Now func() time.Time
	// Actor names who makes the changes when no one logs in: just a name,
	// it grants no role.
	Actor string
	// User and Password log a staff member in at Open (see Login); with
	// accounts off, User is only the actor's name. accounts.go.
	User, Password string
	// Fast makes commits non-durable: only for seeding demo data.
	Fast bool
	// CheckAlways runs the full integrity check even if the register
	// already passed one today.
	CheckAlways bool
	// DeferCheck leaves the day's integrity check to CheckInBackground
	// (the window, after its first frame); see store.Options.DeferCheck.
	DeferCheck bool
	// Progress, when set, is told how the upgrade of a register made by an
	// older release advances (upgrade.go); called on Open's goroutine.
	Progress func(UpgradeProgress)
}

// Office is an open register with its calendar and profile.
type Office struct {
	st    *store.Store
	conf  atomic.Pointer[config] // replaced whole by reload, read from any goroutine
	now   func() time.Time
	actor string
	// damaged is set when the register failed its integrity check (at Open
	// or in CheckInBackground) and is read-only.
	damaged atomic.Pointer[error]
	// who is the staff member logged in (accounts.go); nil: nobody.
	who atomic.Pointer[Staff]
	// base is the actor's name when nobody is logged in.
	base string
	// exitCopy is today's automatic backup as ExitBackup left it, with the
	// register's change mark then (backup.go); nil before ExitBackup.
	exitCopy atomic.Pointer[exitCopy]
}

// DefaultDBPath is the database in the user's data directory:
// %APPDATA%\MotCuaThanThien\motcua.db on Windows,
// $XDG_DATA_HOME/motcua-than-thien/motcua.db (~/.local/share/…) elsewhere.
// MOTCUA_DB overrides it.
func DefaultDBPath() (string, error) {
	if p := os.Getenv("MOTCUA_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir() // deskdb.go
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "motcua.db"), nil
}

// Open opens the register at path, creating and filling a new one with the
// default catalogue.
func Open(path string, opt Options) (*Office, error) {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	st, err := store.Open(path, store.Options{Fast: opt.Fast, CheckAlways: opt.CheckAlways, DeferCheck: opt.DeferCheck,
		Progress: opt.Progress, UpgradeBackup: upgradeBackupPath(now)})
	if err != nil {
		return nil, err
	}
	o := &Office{st: st, now: now, actor: opt.Actor}
	if err := damagedWithBackup(st); err != nil {
		o.damaged.Store(&err)
	}
	if err := o.init(context.Background()); err != nil {
		st.Close()
		return nil, err
	}
	if o.actor == "" {
		o.actor = o.cfg().profile.ClerkName
	}
	if o.actor == "" {
		o.actor = defaultActor()
	}
	if err := o.signIn(context.Background(), opt); err != nil {
		st.Close()
		return nil, err
	}
	return o, nil
}

func defaultActor() string {
	for _, k := range []string{"MOTCUA_USER", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "cán bộ một cửa"
}

func (o *Office) init(ctx context.Context) error {
	// Read first: a filled register is opened without taking the write
	// lock, so commands that only read never wait for a writer.
	ps, err := o.st.Procedures(ctx)
	if err != nil {
		return err
	}
	if o.st.Damaged() != nil {
		return o.reload(ctx)
	}
	if len(ps) > 0 {
		// Writes only when an older release's catalogue needs it.
		if err := o.upgradeShippedCatalogue(ctx); err != nil {
			return err
		}
		return o.reload(ctx)
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		n, err := tx.CountProcedures()
		if err != nil || n > 0 {
			return err
		}
		ps, err := register.ParseCatalogue(assets.Procedures)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if err := tx.SaveProcedure(p, o.now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := o.upgradeShippedCatalogue(ctx); err != nil {
		return err
	}
	return o.reload(ctx)
}

// reload reads the profile and rebuilds the calendar from shipped and
// stored schedules; stored ones replace shipped ones year by year.
func (o *Office) reload(ctx context.Context) error {
	settings, err := o.st.Settings(ctx)
	if err != nil {
		return err
	}
	p, err := profileFrom(settings)
	if err != nil {
		return err
	}
	if err := o.fromRegister(ctx, &p); err != nil {
		return err
	}
	scheds, err := o.schedules(ctx)
	if err != nil {
		return err
	}
	cal, err := calendar.New(p.Hours, scheds...)
	if err != nil {
		return err
	}
	o.conf.Store(&config{profile: p, cal: cal})
	return nil
}

func (o *Office) schedules(ctx context.Context) ([]calendar.Schedule, error) {
	shipped, err := calendar.ParseSchedules(assets.CalendarSchedules)
	if err != nil {
		return nil, fmt.Errorf("lịch nghỉ kèm theo phần mềm bị lỗi: %w", err)
	}
	byYear := map[int]calendar.Schedule{}
	for _, s := range shipped {
		byYear[s.Year] = s
	}
	stored, err := o.st.Schedules(ctx)
	if err != nil {
		return nil, err
	}
	for _, raw := range stored {
		ss, err := calendar.ParseSchedules(append(append([]byte("["), raw...), ']'))
		if err != nil {
			return nil, fmt.Errorf("lịch nghỉ đã lưu bị lỗi: %w", err)
		}
		for _, s := range ss {
			byYear[s.Year] = s
		}
	}
	out := make([]calendar.Schedule, 0, len(byYear))
	for y := 1900; y <= 2200 && len(out) < len(byYear); y++ {
		if s, ok := byYear[y]; ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// config is what settings and schedules make of the office: swapped as one
// value so a window reading it while an administrator saves never sees half
// of each.
type config struct {
	profile Profile
	cal     *calendar.Calendar
}

func (o *Office) cfg() *config { return o.conf.Load() }

// Close closes the database, reporting a failure to fold the write-ahead
// log back or to close the file.
func (o *Office) Close() error {
	current := o.exitCopyCurrent()
	err := o.st.Close()
	if err == nil && current != "" {
		// Closing folds the write-ahead log into the register's file, which
		// makes it newer than the backup that already holds all of it: the
		// backup is dated after, so the next exit can tell it is current.
		now := time.Now()
		_ = os.Chtimes(current, now, now)
	}
	return err
}

// Damaged says, in a full sentence, why the register was opened for
// reading only (its integrity check failed) and names the newest good
// automatic backup to restore; nil when it is sound. The window shows it at
// start; every change is refused with the store's words.
func (o *Office) Damaged() error {
	if p := o.damaged.Load(); p != nil {
		return *p
	}
	return nil
}

func damagedWithBackup(st *store.Store) error {
	err := st.Damaged()
	if err == nil {
		return nil
	}
	if b := NewestGoodBackup(context.Background(), st.Path()); b != "" {
		return fmt.Errorf("%w Bản sao lưu tốt mới nhất: %s (khôi phục bằng: motcua restore \"%s\").", err, b, b)
	}
	return err
}

// Path is the register's database file (links resolved).
func (o *Office) Path() string { return o.st.Path() }

// Store exposes the store for benchmarks.
func (o *Office) Store() *store.Store { return o.st }

// Calendar is the working-day calendar in force.
func (o *Office) Calendar() *calendar.Calendar { return o.cfg().cal }

// Profile is the commune's profile and office settings.
func (o *Office) Profile() Profile { return o.cfg().profile }

// Now is the office clock, in Vietnam time.
func (o *Office) Now() time.Time { return o.now().In(calendar.Zone) }

func (o *Office) at(t time.Time) time.Time {
	if t.IsZero() {
		return o.Now()
	}
	return t.In(calendar.Zone)
}

// SaveSchedule stores an administrator's corrected schedule for one year,
// replacing the shipped one, without touching any dossier: the dossiers it
// would change then show in PendingCorrections. ImportSchedule reviews and
// recomputes in one go.
func (o *Office) SaveSchedule(ctx context.Context, s calendar.Schedule) error {
	if err := o.can(ctx, people.ActCalendar); err != nil {
		return err
	}
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if _, err := calendar.ParseSchedules(append(append([]byte("["), data...), ']')); err != nil {
		return err
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		old, err := o.oldSchedule(tx, s.Year)
		if err != nil {
			return err
		}
		if err := tx.SaveSchedule(s.Year, data, o.Now()); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "save_schedule", Entity: "calendar", EntityID: strconv.Itoa(s.Year), Before: old, After: string(data)})
	})
	if err != nil {
		return err
	}
	return o.reload(ctx)
}

// oldSchedule is the schedule of year in force before a change, for the
// audit: the stored one, or the shipped one when none was stored.
func (o *Office) oldSchedule(tx *store.Tx, year int) (string, error) {
	old, err := tx.StoredSchedule(year)
	if err != nil || old != "" {
		return old, err
	}
	if shipped, ok := o.cfg().cal.Schedule(year); ok {
		b, err := json.Marshal(shipped)
		if err != nil {
			return "", err
		}
		return string(b), nil
	}
	return "", nil
}

// Procedures lists the catalogue.
func (o *Office) Procedures(ctx context.Context) ([]register.Procedure, error) {
	return o.st.Procedures(ctx)
}

// SaveProcedure adds a procedure or edits one, as a new version; dossiers
// already received keep the version they were received under.
func (o *Office) SaveProcedure(ctx context.Context, p register.Procedure) (register.Procedure, error) {
	ps, err := o.SaveProcedures(ctx, []register.Procedure{p})
	if err != nil {
		return p, err
	}
	return ps[0], nil
}

// SaveProcedures saves a whole import in one transaction: every procedure
// is checked first, and either all are saved (each as a new version) or,
// if anything fails or the program is stopped half-way, none is.
func (o *Office) SaveProcedures(ctx context.Context, ps []register.Procedure) ([]register.Procedure, error) {
	if err := o.can(ctx, people.ActCatalogue); err != nil {
		return nil, err
	}
	for i := range ps {
		if err := checkProcedure(&ps[i]); err != nil {
			return nil, err
		}
	}
	out := make([]register.Procedure, len(ps))
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		for i, p := range ps {
			old, err := tx.Procedure(p.Code)
			before := ""
			switch {
			case err == nil:
				p.Version = old.Version + 1
				b, err := json.Marshal(old)
				if err != nil {
					return err
				}
				before = string(b)
			case errors.Is(err, store.ErrNotFound):
				p.Version = 1
			default:
				return err
			}
			if err := tx.SaveProcedure(p, o.Now()); err != nil {
				return err
			}
			after, err := json.Marshal(p)
			if err != nil {
				return err
			}
			if err := tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "save_procedure", Entity: "procedure", EntityID: p.Code, Before: before, After: string(after)}); err != nil {
				return err
			}
			out[i] = p
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}
