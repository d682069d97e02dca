package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/survey"
)

// SigningKey is a commune signing key as stored: the public half in clear,
// the private half sealed under the passphrase (never in clear).
type SigningKey struct {
	KeyID     string
	PublicKey string
	Sealed    string
	Rotation  string // the previous key's rotation statement (JSON), if any
	CreatedAt time.Time
	RetiredAt *time.Time
}

// CurrentSigningKey reads the key in use; ok is false before `keys init`.
func (s *Store) CurrentSigningKey(ctx context.Context) (k SigningKey, ok bool, err error) {
	return currentKey(ctx, s.db)
}

// CurrentSigningKey reads the key in use inside the transaction.
func (tx *Tx) CurrentSigningKey() (SigningKey, bool, error) {
	return currentKey(context.Background(), tx.tx)
}

func currentKey(ctx context.Context, q querier) (k SigningKey, ok bool, err error) {
	var created int64
	err = q.QueryRowContext(ctx, `SELECT key_id, public_key, sealed, rotation, created_at FROM signing_keys
		WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1`).Scan(&k.KeyID, &k.PublicKey, &k.Sealed, &k.Rotation, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return k, false, nil
	}
	if err != nil {
		return k, false, err
	}
	k.CreatedAt = at(created)
	return k, true, nil
}

// SaveSigningKey adds a key; the current one, if any, is retired at the
// same time, so exactly one key is in use.
func (tx *Tx) SaveSigningKey(k SigningKey) error {
	if _, err := tx.tx.Exec(`UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL`, k.CreatedAt.Unix()); err != nil {
		return err
	}
	_, err := tx.tx.Exec(`INSERT INTO signing_keys (key_id, public_key, sealed, rotation, created_at) VALUES (?,?,?,?,?)`,
		k.KeyID, k.PublicKey, k.Sealed, k.Rotation, k.CreatedAt.Unix())
	return err
}

// Export is one bundle the commune made.
type Export struct {
	Seq        int64     `json:"sequence"`
	BundleID   string    `json:"bundle_id"`
	PeriodFrom string    `json:"period_from"`
	PeriodTo   string    `json:"period_to"`
	KeyID      string    `json:"key_id"`
	Records    int64     `json:"records"`
	CreatedAt  time.Time `json:"created_at"`
}

// NextExportSeq draws the next bundle number from the counter row: numbers
// never repeat, and a rolled-back export leaves no gap.
func (tx *Tx) NextExportSeq() (int64, error) {
	var n int64
	err := tx.tx.QueryRow(`UPDATE bundle_counter SET n = n + 1 WHERE name = 'export' RETURNING n`).Scan(&n)
	return n, err
}

// ExportBySeq reads the bundle with that number; ok is false if none.
func (tx *Tx) ExportBySeq(seq int64) (e Export, ok bool, err error) {
	var created int64
	err = tx.tx.QueryRow(`SELECT seq, bundle_id, period_from, period_to, key_id, records, created_at FROM bundle_exports WHERE seq = ?`, seq).
		Scan(&e.Seq, &e.BundleID, &e.PeriodFrom, &e.PeriodTo, &e.KeyID, &e.Records, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	}
	e.CreatedAt = at(created)
	return e, err == nil, err
}

// SaveExport records a bundle made.
func (tx *Tx) SaveExport(e Export) error {
	_, err := tx.tx.Exec(`INSERT INTO bundle_exports (seq, bundle_id, period_from, period_to, key_id, records, created_at)
		VALUES (?,?,?,?,?,?,?)`, e.Seq, e.BundleID, e.PeriodFrom, e.PeriodTo, e.KeyID, e.Records, e.CreatedAt.Unix())
	return err
}

// Exports lists the bundles made, newest first.
func (s *Store) Exports(ctx context.Context) ([]Export, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, bundle_id, period_from, period_to, key_id, records, created_at FROM bundle_exports ORDER BY seq DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Export
	for rows.Next() {
		var e Export
		var created int64
		if err := rows.Scan(&e.Seq, &e.BundleID, &e.PeriodFrom, &e.PeriodTo, &e.KeyID, &e.Records, &created); err != nil {
			return nil, err
		}
		e.CreatedAt = at(created)
		out = append(out, e)
	}
	return out, rows.Err()
}

const inPeriod = `((received_at >= ? AND received_at < ?) OR (updated_at >= ? AND updated_at < ?))`

// ExportDossiers streams, in register order, every dossier received or
// changed in [from, to), with its events. It reads a thousand dossiers at a
// time and then their events, never two result sets at once (PostgreSQL's
// driver cannot interleave them on one connection).
func (tx *Tx) ExportDossiers(from, to time.Time, fn func(*register.Dossier) error) error {
	f, t := from.Unix(), to.Unix()
	const batch = 1000
	after := int64(-1 << 62)
	for {
		rows, err := tx.tx.Query(`SELECT `+dossierCols+` FROM dossiers WHERE `+inPeriod+` AND n > ? ORDER BY n LIMIT ?`, f, t, f, t, after, batch)
		if err != nil {
			return err
		}
		var ds []*register.Dossier
		byN := map[int64]*register.Dossier{}
		for rows.Next() {
			d, n, err := scanDossier(rows)
			if err != nil {
				rows.Close()
				return err
			}
			ds = append(ds, d)
			byN[n] = d
			after = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ds) == 0 {
			return nil
		}
		ns := make([]any, 0, len(byN))
		for n := range byN {
			ns = append(ns, n)
		}
		evs, err := tx.tx.Query(`SELECT dossier_n, seq, kind, at, from_unit, to_unit, actor, note, outcome, state FROM events
			WHERE dossier_n IN (`+strings.TrimSuffix(strings.Repeat("?,", len(ns)), ",")+`) ORDER BY dossier_n, seq`, ns...)
		if err != nil {
			return err
		}
		for evs.Next() {
			var e register.Event
			var n, at64 int64
			var kind, outcome, state string
			if err := evs.Scan(&n, &e.Seq, &kind, &at64, &e.From, &e.To, &e.Actor, &e.Note, &outcome, &state); err != nil {
				evs.Close()
				return err
			}
			e.Kind, e.At, e.Outcome, e.State = register.EventKind(kind), at(at64), register.Outcome(outcome), register.State(state)
			byN[n].Events = append(byN[n].Events, e)
		}
		evs.Close()
		if err := evs.Err(); err != nil {
			return err
		}
		for _, d := range ds {
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(ds) < batch {
			return nil
		}
	}
}

// ExportLetters streams every letter drafted or issued in [from, to).
func (tx *Tx) ExportLetters(from, to time.Time, fn func(Letter) error) error {
	f, t := from.Unix(), to.Unix()
	rows, err := tx.tx.Query(`SELECT `+letterCols+` FROM letters WHERE (drafted_at >= ? AND drafted_at < ?)
		OR (issued_at >= ? AND issued_at < ?) ORDER BY n`, f, t, f, t)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		l, err := scanLetter(rows)
		if err != nil {
			return err
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ExportSchedules streams every stored schedule override (the ones in force).
func (tx *Tx) ExportSchedules(fn func(year int, data string, updated time.Time) error) error {
	rows, err := tx.tx.Query(`SELECT year, data, updated_at FROM calendar_schedules ORDER BY year`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var year int
		var data string
		var updated int64
		if err := rows.Scan(&year, &data, &updated); err != nil {
			return err
		}
		if err := fn(year, data, at(updated)); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Figures are a period's counts: dossiers received, returned early, on time
// and late, and letters issued.
type Figures struct {
	Received int `json:"received"`
	Returned int `json:"returned"`
	Early    int `json:"early"`
	OnTime   int `json:"on_time"`
	Late     int `json:"late"`
	Letters  int `json:"letters"`
	// From the people records: satisfaction ratings of dossiers returned
	// in the period (and how many said satisfied), pledges signed, and
	// citizens' feedback received.
	Ratings   int `json:"ratings"`
	Satisfied int `json:"satisfied"`
	Pledges   int `json:"pledges"`
	Feedback  int `json:"feedback"`
	Dialogues int `json:"dialogues"` // dialogue conferences held
}

// Add sums figures.
func (f *Figures) Add(g Figures) {
	f.Received += g.Received
	f.Returned += g.Returned
	f.Early += g.Early
	f.OnTime += g.OnTime
	f.Late += g.Late
	f.Letters += g.Letters
	f.Ratings += g.Ratings
	f.Satisfied += g.Satisfied
	f.Pledges += g.Pledges
	f.Feedback += g.Feedback
	f.Dialogues += g.Dialogues
}

// CommuneFigures counts the office's own register for [from, to).
func (s *Store) CommuneFigures(ctx context.Context, from, to time.Time) (Figures, error) {
	return figures(ctx, s.db, "dossiers", "letters", "", from, to)
}

// UpperFigures counts one commune's imported records for [from, to).
func (s *Store) UpperFigures(ctx context.Context, agency string, from, to time.Time) (Figures, error) {
	return figures(ctx, s.db, "upper_dossiers", "upper_letters", agency, from, to)
}

func figures(ctx context.Context, q querier, dossiers, letters, agency string, from, to time.Time) (Figures, error) {
	var f Figures
	where, args := "", []any{}
	if agency != "" {
		where, args = "agency = ? AND ", []any{agency}
	}
	a := func(extra ...any) []any { return append(append([]any(nil), args...), extra...) }
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+dossiers+` WHERE `+where+`received_at >= ? AND received_at < ?`,
		a(from.Unix(), to.Unix())...).Scan(&f.Received); err != nil {
		return f, err
	}
	rows, err := q.QueryContext(ctx, `SELECT outcome, COUNT(*) FROM `+dossiers+` WHERE `+where+`returned_at >= ? AND returned_at < ?
		GROUP BY outcome`, a(from.Unix(), to.Unix())...)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	for rows.Next() {
		var o string
		var n int
		if err := rows.Scan(&o, &n); err != nil {
			return f, err
		}
		f.Returned += n
		switch register.Outcome(o) {
		case register.Early:
			f.Early += n
		case register.OnTime:
			f.OnTime += n
		case register.Late:
			f.Late += n
		}
	}
	if err := rows.Err(); err != nil {
		return f, err
	}
	err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+letters+` WHERE `+where+`status = 'issued' AND issued_at >= ? AND issued_at < ?`,
		a(from.Unix(), to.Unix())...).Scan(&f.Letters)
	if err != nil {
		return f, err
	}
	// The people records: the commune's own tables, or at the upper level
	// the communes' records by kind with their date and level.
	type count struct {
		dst        *int
		table, col string
		extra      string
	}
	var counts []count
	if agency == "" {
		counts = []count{
			{&f.Ratings, "ratings", "returned_at", ""},
			{&f.Satisfied, "ratings", "returned_at", " AND level = 1"},
			{&f.Pledges, "pledge_signings", "signed_on", ""},
			{&f.Feedback, "feedback", "received_at", ""},
			{&f.Dialogues, "dialogues", "held_at", ""},
		}
	} else {
		counts = []count{
			{&f.Ratings, "upper_records", "at", " AND kind = 'ratings'"},
			{&f.Satisfied, "upper_records", "at", " AND kind = 'ratings' AND level = 1"},
			{&f.Pledges, "upper_records", "at", " AND kind = 'pledges'"},
			{&f.Feedback, "upper_records", "at", " AND kind = 'feedback'"},
			{&f.Dialogues, "upper_records", "at", " AND kind = 'dialogues'"},
		}
	}
	for _, c := range counts {
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+c.table+` WHERE `+where+c.col+` >= ? AND `+c.col+` < ?`+c.extra,
			a(from.Unix(), to.Unix())...).Scan(c.dst); err != nil {
			return f, err
		}
	}
	return f, nil
}

// UpperCommune is a commune registered at the upper level.
type UpperCommune struct {
	Agency       string    `json:"agency_code"`
	Name         string    `json:"name"`
	KeyID        string    `json:"key_id"`
	PublicKey    string    `json:"public_key"`
	RegisteredAt time.Time `json:"registered_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

const upperCommuneCols = `agency, name, key_id, public_key, registered_at, updated_at`

func scanUpperCommune(r scanner) (UpperCommune, error) {
	var c UpperCommune
	var reg, upd int64
	err := r.Scan(&c.Agency, &c.Name, &c.KeyID, &c.PublicKey, &reg, &upd)
	c.RegisteredAt, c.UpdatedAt = at(reg), at(upd)
	return c, err
}

// UpperCommune reads a registered commune; ok is false if it is unknown.
func (s *Store) UpperCommune(ctx context.Context, agency string) (UpperCommune, bool, error) {
	c, err := scanUpperCommune(s.db.QueryRowContext(ctx, `SELECT `+upperCommuneCols+` FROM upper_communes WHERE agency = ?`, agency))
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// UpperCommune reads a registered commune inside the transaction.
func (tx *Tx) UpperCommune(agency string) (UpperCommune, bool, error) {
	c, err := scanUpperCommune(tx.tx.QueryRow(`SELECT `+upperCommuneCols+` FROM upper_communes WHERE agency = ?`, agency))
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// UpperCommunes lists registered communes by agency code.
func (s *Store) UpperCommunes(ctx context.Context) ([]UpperCommune, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+upperCommuneCols+` FROM upper_communes ORDER BY agency`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UpperCommune
	for rows.Next() {
		c, err := scanUpperCommune(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveUpperCommune registers a commune or changes its name or key.
func (tx *Tx) SaveUpperCommune(c UpperCommune) error {
	_, err := tx.tx.Exec(`INSERT INTO upper_communes (`+upperCommuneCols+`) VALUES (?,?,?,?,?,?)
		ON CONFLICT (agency) DO UPDATE SET name = excluded.name, key_id = excluded.key_id,
		public_key = excluded.public_key, updated_at = excluded.updated_at`,
		c.Agency, c.Name, c.KeyID, c.PublicKey, c.RegisteredAt.Unix(), c.UpdatedAt.Unix())
	return err
}

// UpperBundle is a bundle imported at the upper level.
type UpperBundle struct {
	Agency     string    `json:"agency_code"`
	Seq        int64     `json:"sequence"`
	BundleID   string    `json:"bundle_id"`
	Previous   string    `json:"previous"`
	PeriodFrom string    `json:"period_from"`
	PeriodTo   string    `json:"period_to"`
	KeyID      string    `json:"key_id"`
	Records    int64     `json:"records"`
	Changed    int64     `json:"changed"`
	CreatedAt  time.Time `json:"created_at"`
	ImportedAt time.Time `json:"imported_at"`
}

const upperBundleCols = `agency, seq, bundle_id, previous, period_from, period_to, key_id, records, changed, created_at, imported_at`

func scanUpperBundle(r scanner) (UpperBundle, error) {
	var b UpperBundle
	var created, imported int64
	err := r.Scan(&b.Agency, &b.Seq, &b.BundleID, &b.Previous, &b.PeriodFrom, &b.PeriodTo, &b.KeyID, &b.Records, &b.Changed, &created, &imported)
	b.CreatedAt, b.ImportedAt = at(created), at(imported)
	return b, err
}

// UpperBundleByID finds an imported bundle by its id.
func (tx *Tx) UpperBundleByID(id string) (UpperBundle, bool, error) {
	b, err := scanUpperBundle(tx.tx.QueryRow(`SELECT `+upperBundleCols+` FROM upper_bundles WHERE bundle_id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return b, false, nil
	}
	return b, err == nil, err
}

// UpperBundleBySeq finds a commune's imported bundle by its number.
func (tx *Tx) UpperBundleBySeq(agency string, seq int64) (UpperBundle, bool, error) {
	b, err := scanUpperBundle(tx.tx.QueryRow(`SELECT `+upperBundleCols+` FROM upper_bundles WHERE agency = ? AND seq = ?`, agency, seq))
	if errors.Is(err, sql.ErrNoRows) {
		return b, false, nil
	}
	return b, err == nil, err
}

// SaveUpperBundle records an imported bundle.
func (tx *Tx) SaveUpperBundle(b UpperBundle) error {
	_, err := tx.tx.Exec(`INSERT INTO upper_bundles (`+upperBundleCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		b.Agency, b.Seq, b.BundleID, b.Previous, b.PeriodFrom, b.PeriodTo, b.KeyID, b.Records, b.Changed, b.CreatedAt.Unix(), b.ImportedAt.Unix())
	return err
}

// UpperBundles lists a commune's imported bundles by number ("" for all).
func (s *Store) UpperBundles(ctx context.Context, agency string) ([]UpperBundle, error) {
	q, args := `SELECT `+upperBundleCols+` FROM upper_bundles ORDER BY agency, seq`, []any{}
	if agency != "" {
		q, args = `SELECT `+upperBundleCols+` FROM upper_bundles WHERE agency = ? ORDER BY seq`, []any{agency}
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UpperBundle
	for rows.Next() {
		b, err := scanUpperBundle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// UpsertUpperDossier stores a commune's dossier unless the stored copy is
// as new or newer; changed tells whether a row was written.
func (tx *Tx) UpsertUpperDossier(agency string, d *register.Dossier, raw []byte) (changed bool, err error) {
	res, err := tx.exec(`INSERT INTO upper_dossiers (agency, id, code, procedure_code, state, outcome, received_at, due_at,
		returned_at, updated_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (agency, id) DO UPDATE SET code = excluded.code, procedure_code = excluded.procedure_code,
		state = excluded.state, outcome = excluded.outcome, received_at = excluded.received_at, due_at = excluded.due_at,
		returned_at = excluded.returned_at, updated_at = excluded.updated_at, data = excluded.data
		WHERE upper_dossiers.updated_at < excluded.updated_at`,
		agency, d.ID, d.Code, d.ProcedureCode, string(d.State), string(d.Outcome), d.ReceivedAt.Unix(), d.DueAt.Unix(),
		nullUnix(d.ReturnedAt), d.UpdatedAt.Unix(), string(raw))
	return affected(res, err)
}

// UpsertUpperLetter stores a commune's letter unless the stored copy is as
// new or newer.
func (tx *Tx) UpsertUpperLetter(agency string, l Letter, updated time.Time, raw []byte) (bool, error) {
	res, err := tx.exec(`INSERT INTO upper_letters (agency, id, kind, status, drafted_at, issued_at, updated_at, data)
		VALUES (?,?,?,?,?,?,?,?)
		ON CONFLICT (agency, id) DO UPDATE SET kind = excluded.kind, status = excluded.status, drafted_at = excluded.drafted_at,
		issued_at = excluded.issued_at, updated_at = excluded.updated_at, data = excluded.data
		WHERE upper_letters.updated_at < excluded.updated_at`,
		agency, l.ID, l.Kind, l.Status, l.DraftedAt.Unix(), nullUnix(l.IssuedAt), updated.Unix(), string(raw))
	return affected(res, err)
}

// UpsertUpperRecord stores any other kind of record as its JSON, with the
// date it counts on (nil when none) and a rating's level (nil when none).
func (tx *Tx) UpsertUpperRecord(agency, kind, id string, updated time.Time, on *time.Time, level *int, raw []byte) (bool, error) {
	var lv any
	if level != nil {
		lv = *level
	}
	res, err := tx.exec(`INSERT INTO upper_records (agency, kind, id, updated_at, at, level, data) VALUES (?,?,?,?,?,?,?)
		ON CONFLICT (agency, kind, id) DO UPDATE SET updated_at = excluded.updated_at, at = excluded.at,
		level = excluded.level, data = excluded.data
		WHERE upper_records.updated_at < excluded.updated_at`, agency, kind, id, updated.Unix(), nullUnix(on), lv, string(raw))
	return affected(res, err)
}

func affected(res sql.Result, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// UpperRecordCount counts a commune's stored records of one kind (tests,
// the communes list).
func (s *Store) UpperRecordCount(ctx context.Context, agency, kind string) (int, error) {
	var n int
	var err error
	switch kind {
	case "dossiers":
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM upper_dossiers WHERE agency = ?`, agency).Scan(&n)
	case "letters":
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM upper_letters WHERE agency = ?`, agency).Scan(&n)
	default:
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM upper_records WHERE agency = ? AND kind = ?`, agency, kind).Scan(&n)
	}
	return n, err
}

// UpperDossierData reads the JSON of a commune's dossier as last imported.
func (s *Store) UpperDossierData(ctx context.Context, agency, id string) (string, error) {
	var data string
	err := s.db.QueryRowContext(ctx, `SELECT data FROM upper_dossiers WHERE agency = ? AND id = ?`, agency, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", NotFound("không có hồ sơ %s của xã %s", id, agency)
	}
	return data, err
}

// UpperKey is one of a commune's keys known to the upper level.
type UpperKey struct {
	KeyID     string
	PublicKey string
	// ReplacedAtSeq is the first bundle signed by the next key; the key
	// signs only bundles numbered below it. Nil for the key in use.
	ReplacedAtSeq *int64
}

// UpperKey reads one of a commune's keys; ok is false if unknown.
func (s *Store) UpperKey(ctx context.Context, agency, keyID string) (UpperKey, bool, error) {
	return upperKey(ctx, s.db, agency, keyID)
}

// UpperKey reads one of a commune's keys inside the transaction.
func (tx *Tx) UpperKey(agency, keyID string) (UpperKey, bool, error) {
	return upperKey(context.Background(), tx.tx, agency, keyID)
}

func upperKey(ctx context.Context, q querier, agency, keyID string) (k UpperKey, ok bool, err error) {
	var replaced sql.NullInt64
	err = q.QueryRowContext(ctx, `SELECT key_id, public_key, replaced_at_seq FROM upper_keys WHERE agency = ? AND key_id = ?`,
		agency, keyID).Scan(&k.KeyID, &k.PublicKey, &replaced)
	if errors.Is(err, sql.ErrNoRows) {
		return k, false, nil
	}
	if replaced.Valid {
		k.ReplacedAtSeq = &replaced.Int64
	}
	return k, err == nil, err
}

// SaveUpperKey records a commune's new key; the key it replaces, if any,
// stays valid for bundles numbered below seq.
func (tx *Tx) SaveUpperKey(agency, keyID, publicKey, replaces string, seq int64, at time.Time) error {
	if replaces != "" {
		if _, err := tx.tx.Exec(`UPDATE upper_keys SET replaced_at_seq = ? WHERE agency = ? AND key_id = ?`, seq, agency, replaces); err != nil {
			return err
		}
	}
	_, err := tx.tx.Exec(`INSERT INTO upper_keys (agency, key_id, public_key, registered_at) VALUES (?,?,?,?)
		ON CONFLICT (agency, key_id) DO UPDATE SET replaced_at_seq = NULL`, agency, keyID, publicKey, at.Unix())
	return err
}

// The people and outreach records travel in bundles too: each kind is read
// here with the scan of its own store file. A record belongs in a bundle
// when it was created or changed in [from, to); the staff register travels
// whole in every bundle (it is small, and the upper level needs everyone in
// post to count pledges against).

const changedIn = `((%[1]screated_at >= ? AND %[1]screated_at < ?) OR (%[1]supdated_at >= ? AND %[1]supdated_at < ?))`

func changed(alias string) string { return fmt.Sprintf(changedIn, alias) }

func period4(from, to time.Time) []any {
	f, t := from.Unix(), to.Unix()
	return []any{f, t, f, t}
}

// ExportStaff streams the whole staff register.
func (tx *Tx) ExportStaff(fn func(people.Staff) error) error {
	rows, err := tx.tx.Query(`SELECT ` + staffCols + ` FROM staff ORDER BY created_at, id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		s, err := scanStaff(rows)
		if err != nil {
			return err
		}
		if err := fn(s); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ExportSignings streams the pledge signings created or changed in the period.
func (tx *Tx) ExportSignings(from, to time.Time, fn func(people.Signing) error) error {
	rows, err := tx.tx.Query(`SELECT `+signingCols+` FROM pledge_signings g JOIN staff s ON s.id = g.staff_id
		WHERE `+changed("g.")+` ORDER BY g.created_at, g.id`, period4(from, to)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		g, err := scanSigning(rows)
		if err != nil {
			return err
		}
		if err := fn(g); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ExportNotes streams the notes on staff created or changed in the period.
func (tx *Tx) ExportNotes(from, to time.Time, fn func(people.Note) error) error {
	rows, err := tx.tx.Query(`SELECT id, staff_id, kind, noted_on, source, text, created_at, updated_at FROM staff_notes
		WHERE `+changed("")+` ORDER BY created_at, id`, period4(from, to)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n people.Note
		var kind string
		var noted, created, updated int64
		if err := rows.Scan(&n.ID, &n.StaffID, &kind, &noted, &n.Source, &n.Text, &created, &updated); err != nil {
			return err
		}
		n.Kind = people.NoteKind(kind)
		n.On, n.CreatedAt, n.UpdatedAt = at(noted), at(created), at(updated)
		if err := fn(n); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ExportRatings streams the ratings created or changed in the period.
func (tx *Tx) ExportRatings(from, to time.Time, fn func(survey.Rating) error) error {
	rows, err := tx.tx.Query(`SELECT `+ratingCols+` FROM ratings WHERE `+changed("")+` ORDER BY created_at, id`, period4(from, to)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRating(rows)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ExportFeedback streams the citizens' feedback created or changed in the period.
func (tx *Tx) ExportFeedback(from, to time.Time, fn func(survey.Feedback) error) error {
	rows, err := tx.tx.Query(`SELECT `+feedbackCols+feedbackFrom+` WHERE `+changed("f.")+` ORDER BY f.created_at, f.id`, period4(from, to)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		f, err := scanFeedback(rows)
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ExportSendings streams the letter sendings created or changed in the period.
func (tx *Tx) ExportSendings(from, to time.Time, fn func(LetterSending) error) error {
	rows, err := tx.tx.Query(`SELECT id, letter_id, how, sent_at, created_at, updated_at FROM letter_sendings
		WHERE `+changed("")+` ORDER BY created_at, id`, period4(from, to)...)
	if err != nil {
		return err
	}
	ls, err := scanSendings(rows)
	if err != nil {
		return err
	}
	for _, l := range ls {
		if err := fn(l); err != nil {
			return err
		}
	}
	return nil
}

// ExportDialogues streams the dialogue conferences that were held, changed,
// or had a commitment added or changed in the period, each with all its
// commitments; its updated_at is the latest of those changes, so the upper
// level replaces its copy.
func (tx *Tx) ExportDialogues(from, to time.Time, fn func(survey.Dialogue) error) error {
	args := append(period4(from, to), period4(from, to)...)
	rows, err := tx.tx.Query(`SELECT `+dialogueCols+` FROM dialogues WHERE `+changed("")+`
		OR id IN (SELECT dialogue_id FROM commitments WHERE `+changed("")+`) ORDER BY created_at, id`, args...)
	if err != nil {
		return err
	}
	var ds []survey.Dialogue
	for rows.Next() {
		d, err := scanDialogue(rows)
		if err != nil {
			rows.Close()
			return err
		}
		ds = append(ds, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, d := range ds {
		crows, err := tx.tx.Query(`SELECT `+commitmentCols+` FROM commitments WHERE dialogue_id = ? ORDER BY no`, d.ID)
		if err != nil {
			return err
		}
		if d.Commitments, err = scanCommitments(crows); err != nil {
			return err
		}
		for _, c := range d.Commitments {
			if c.UpdatedAt.After(d.UpdatedAt) {
				d.UpdatedAt = c.UpdatedAt
			}
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}
