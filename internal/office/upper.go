package office

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"motcua/internal/bundle"
	"motcua/internal/calendar"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
)

// The upper level (cấp trên) keeps many communes side by side in one
// database: it registers each commune's key once the officer has confirmed
// its fingerprint by phone, imports their bundles, and counts their figures.

// Keyring is the upper level's list of registered communes (and this
// office's own key, so a commune can check the bundle it just made). trust
// is the fingerprint the officer confirmed for a commune seen for the first
// time ("" when none).
func (o *Office) Keyring(ctx context.Context, trust string) bundle.Keyring {
	return bundle.KeyringFunc(func(m *bundle.Manifest) (ed25519.PublicKey, error) {
		c, ok, err := o.st.UpperCommune(ctx, m.Commune.AgencyCode)
		if err != nil {
			return nil, err
		}
		if ok {
			pub, err := bundle.ParsePublicKey(c.PublicKey)
			if err != nil {
				return nil, err
			}
			if m.Signer.KeyID == c.KeyID {
				return pub, nil
			}
			// A bundle made before the commune rotated its key, arriving late.
			if k, ok, err := o.st.UpperKey(ctx, c.Agency, m.Signer.KeyID); err != nil {
				return nil, err
			} else if ok && k.ReplacedAtSeq != nil && m.Sequence < *k.ReplacedAtSeq {
				return bundle.ParsePublicKey(k.PublicKey)
			}
			// --trust never replaces a registered key: a commune changes keys
			// only through a rotation its old key signed.
			return m.RotatedFrom(pub)
		}
		if own, ok, err := o.st.CurrentSigningKey(ctx); err == nil && ok && own.KeyID == m.Signer.KeyID && m.Commune.AgencyCode == o.Profile().AgencyCode {
			return bundle.ParsePublicKey(own.PublicKey)
		}
		if trust != "" {
			return bundle.TrustFingerprint(trust).Key(m)
		}
		fp := bundle.FingerprintOf(m.Signer.KeyID)
		return nil, &bundle.Error{Kind: bundle.ErrUnknownKey, Msg: fmt.Sprintf(
			"%s (mã %s) chưa đăng ký với cấp trên. Gói được ký bằng khóa có dấu vân tay %s: hãy gọi điện cho xã, đọc dấu vân tay này để xã đối chiếu với lệnh “motcua keys show” của họ, rồi nhập lại kèm --trust %s.",
			m.Commune.Name, m.Commune.AgencyCode, fp, fp)}
	})
}

// VerifyResult is what a verified bundle says about itself.
type VerifyResult struct {
	Path        string        `json:"path"`
	BundleID    string        `json:"bundle_id"`
	Agency      string        `json:"agency_code"`
	Commune     string        `json:"commune"`
	Sequence    int64         `json:"sequence"`
	Previous    string        `json:"previous"`
	PeriodFrom  string        `json:"period_from"`
	PeriodTo    string        `json:"period_to"`
	CreatedAt   string        `json:"created_at"`
	AppVersion  string        `json:"app_version"`
	Fingerprint string        `json:"fingerprint"`
	Rotation    bool          `json:"key_rotation,omitempty"`
	Files       []bundle.File `json:"files"`
}

// VerifyBundle checks a bundle file completely (signature, every file's
// size and hash) against keys. It needs no database.
func VerifyBundle(path string, keys bundle.Keyring) (VerifyResult, *bundle.Reader, *os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return VerifyResult{}, nil, nil, fmt.Errorf("không mở được tệp gói %s: %v", path, err)
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s không phải một tệp", path)
	}
	if err != nil {
		f.Close()
		return VerifyResult{}, nil, nil, err
	}
	r, err := bundle.Open(f, fi.Size(), keys)
	if err == nil {
		err = r.Verify()
	}
	if err != nil {
		f.Close()
		return VerifyResult{}, nil, nil, err
	}
	m := r.Manifest()
	return VerifyResult{Path: path, BundleID: r.ID(), Agency: m.Commune.AgencyCode, Commune: m.Commune.Name, Sequence: m.Sequence,
		Previous: m.Previous, PeriodFrom: m.Period.From, PeriodTo: m.Period.To, CreatedAt: m.CreatedAt, AppVersion: m.AppVersion,
		Fingerprint: bundle.FingerprintOf(m.Signer.KeyID), Rotation: m.KeyRotation != nil, Files: m.Files}, r, f, nil
}

// Verify checks a bundle against this database's registered communes.
func (o *Office) Verify(ctx context.Context, path, trust string) (VerifyResult, error) {
	res, _, f, err := VerifyBundle(path, o.Keyring(ctx, trust))
	if f != nil {
		f.Close()
	}
	return res, err
}

// ImportResult says what an import did.
type ImportResult struct {
	VerifyResult
	AlreadyImported bool           `json:"already_imported"`
	Registered      bool           `json:"registered,omitempty"`  // first bundle: the commune's key was registered
	KeyRotated      bool           `json:"key_rotated,omitempty"` // the commune's new key replaced the registered one
	Records         map[string]int `json:"records"`
	Changed         int            `json:"changed"` // records added or updated
	Missing         []int64        `json:"missing,omitempty"`
	Warnings        []string       `json:"warnings,omitempty"`
}

// Import verifies a bundle, then stores its records in one transaction.
// The same bundle twice changes nothing; an older bundle only adds or
// updates records it holds in a newer state than stored.
func (o *Office) Import(ctx context.Context, path, trust string) (ImportResult, error) {
	if err := o.can(ctx, people.ActImport); err != nil {
		return ImportResult{}, err
	}
	vr, r, f, err := VerifyBundle(path, o.Keyring(ctx, trust))
	if err != nil {
		return ImportResult{}, err
	}
	defer f.Close()
	m := r.Manifest()
	res := ImportResult{VerifyResult: vr, Records: map[string]int{}}
	name := communeShort(m.Commune.Name)
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if _, ok, err := tx.UpperBundleByID(r.ID()); err != nil || ok {
			res.AlreadyImported = ok
			return err
		}
		if b, ok, err := tx.UpperBundleBySeq(m.Commune.AgencyCode, m.Sequence); err != nil || ok {
			if err == nil {
				err = fmt.Errorf("đã nhập một gói số %d khác của %s (nhận lúc %s, mã %s…), nay lại có gói số %d với nội dung khác. Có thể máy của xã đã khôi phục từ bản sao lưu cũ: hãy hỏi xã gói nào đúng trước khi nhập",
					m.Sequence, name, b.ImportedAt.Format("15:04 02/01/2006"), b.BundleID[:12], m.Sequence)
			}
			return err
		}
		c, known, err := tx.UpperCommune(m.Commune.AgencyCode)
		if err != nil {
			return err
		}
		now := o.Now()
		switch {
		case !known:
			c = store.UpperCommune{Agency: m.Commune.AgencyCode, RegisteredAt: now}
			res.Registered = true
		case c.KeyID != m.Signer.KeyID:
			// The keyring let the signature through; tell again, inside the
			// transaction, which of its three reasons it was.
			pub, err := bundle.ParsePublicKey(c.PublicKey)
			if err != nil {
				return err
			}
			old, isOld, err := tx.UpperKey(c.Agency, m.Signer.KeyID)
			if err != nil {
				return err
			}
			switch {
			case func() bool { _, err := m.RotatedFrom(pub); return err == nil }():
				res.KeyRotated = true
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s đã chuyển sang khóa mới %s (khóa cũ %s đã ký xác nhận).", name, bundle.FingerprintOf(m.Signer.KeyID), bundle.FingerprintOf(c.KeyID)))
			case isOld && old.ReplacedAtSeq != nil && m.Sequence < *old.ReplacedAtSeq:
				// A late bundle signed before the rotation: no key changes.
			default:
				return &bundle.Error{Kind: bundle.ErrWrongKey, Msg: fmt.Sprintf("Gói của %s được ký bằng khóa %s, không phải khóa đã đăng ký %s. Không nhập gói này; hãy gọi điện cho xã để hỏi.", name, bundle.FingerprintOf(m.Signer.KeyID), bundle.FingerprintOf(c.KeyID))}
			}
		}
		if !known || res.KeyRotated || c.Name != m.Commune.Name {
			replaces := ""
			if res.KeyRotated {
				replaces = c.KeyID
			}
			if !known || res.KeyRotated {
				c.KeyID, c.PublicKey = m.Signer.KeyID, m.Signer.PublicKey
			}
			c.Name, c.UpdatedAt = m.Commune.Name, now
			if err := tx.SaveUpperCommune(c); err != nil {
				return err
			}
			if !known || res.KeyRotated {
				if err := tx.SaveUpperKey(c.Agency, c.KeyID, c.PublicKey, replaces, m.Sequence, now); err != nil {
					return err
				}
			}
		}
		var records int64
		for _, file := range m.Files {
			n, changed, err := importFile(tx, r, m.Commune.AgencyCode, file)
			if err != nil {
				return err
			}
			res.Records[strings.TrimSuffix(strings.TrimSuffix(file.Name, ".jsonl"), ".json")] = n
			res.Changed += changed
			records += int64(n)
		}
		if prev, ok, err := tx.UpperBundleBySeq(m.Commune.AgencyCode, m.Sequence-1); err != nil {
			return err
		} else if ok && prev.BundleID != m.Previous {
			res.Warnings = append(res.Warnings, fmt.Sprintf("Chuỗi gói của %s bị đứt: gói số %d không nối tiếp gói số %d đã nhận. Hãy hỏi xã.", name, m.Sequence, m.Sequence-1))
		}
		if next, ok, err := tx.UpperBundleBySeq(m.Commune.AgencyCode, m.Sequence+1); err != nil {
			return err
		} else if ok && next.Previous != r.ID() {
			res.Warnings = append(res.Warnings, fmt.Sprintf("Chuỗi gói của %s bị đứt: gói số %d đã nhận không nối tiếp gói số %d này. Hãy hỏi xã.", name, m.Sequence+1, m.Sequence))
		}
		created, _ := time.Parse(bundle.StampLayout, m.CreatedAt)
		if err := tx.SaveUpperBundle(store.UpperBundle{Agency: m.Commune.AgencyCode, Seq: m.Sequence, BundleID: r.ID(), Previous: m.Previous,
			PeriodFrom: m.Period.From, PeriodTo: m.Period.To, KeyID: m.Signer.KeyID, Records: records, Changed: int64(res.Changed),
			CreatedAt: created, ImportedAt: now}); err != nil {
			return err
		}
		summary, _ := json.Marshal(map[string]any{"agency": m.Commune.AgencyCode, "sequence": m.Sequence, "records": records, "changed": res.Changed})
		return tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "import_bundle", Entity: "bundle", EntityID: r.ID(), After: string(summary)})
	})
	if err != nil {
		return ImportResult{}, err
	}
	bs, err := o.st.UpperBundles(ctx, m.Commune.AgencyCode)
	if err != nil {
		return res, err
	}
	res.Missing = missing(bs)
	return res, nil
}

// importFile stores one data file's records; it returns how many records
// the file held and how many were added or updated.
func importFile(tx *store.Tx, r *bundle.Reader, agency string, file bundle.File) (n, changed int, err error) {
	if file.Name == bundle.FileReport {
		return importReport(tx, r, agency)
	}
	if !strings.HasSuffix(file.Name, ".jsonl") {
		// report.pdf is for people to read from the bundle; the hash check
		// already covered it.
		return 0, 0, nil
	}
	kind := strings.TrimSuffix(file.Name, ".jsonl")
	err = r.Records(file.Name, func(line []byte) error {
		id, updated, err := bundle.RecordKey(file.Name, line)
		if err != nil {
			return err
		}
		n++
		var ok bool
		switch file.Name {
		case bundle.FileDossiers:
			var d register.Dossier
			if err := json.Unmarshal(line, &d); err != nil {
				return badRecord(file.Name, id, err)
			}
			ok, err = tx.UpsertUpperDossier(agency, &d, line)
		case bundle.FileLetters:
			var l letterRecord
			if err := json.Unmarshal(line, &l); err != nil {
				return badRecord(file.Name, id, err)
			}
			ok, err = tx.UpsertUpperLetter(agency, l.Letter, updated, line)
		default:
			on, level, perr := countedOn(kind, line)
			if perr != nil {
				return badRecord(file.Name, id, perr)
			}
			ok, err = tx.UpsertUpperRecord(agency, kind, id, updated, on, level, line)
		}
		if ok {
			changed++
		}
		return err
	})
	return n, changed, err
}

func badRecord(name, id string, err error) error {
	return &bundle.Error{Kind: bundle.ErrRecord, Name: name, Msg: fmt.Sprintf("Bản ghi %s trong tệp %s không đúng dạng (%v). Không nhập gói này; đề nghị xã xuất và gửi lại gói.", id, name, err)}
}

// missing lists the sequence numbers below the highest received that never
// arrived.
func missing(bs []store.UpperBundle) []int64 {
	have := map[int64]bool{}
	var max int64
	for _, b := range bs {
		have[b.Seq] = true
		if b.Seq > max {
			max = b.Seq
		}
	}
	var out []int64
	for s := int64(1); s < max; s++ {
		if !have[s] {
			out = append(out, s)
		}
	}
	return out
}

// MissingText says which bundles of a commune never arrived.
func MissingText(commune string, seqs []int64) string {
	if len(seqs) == 0 {
		return ""
	}
	nums := make([]string, len(seqs))
	for i, s := range seqs {
		nums[i] = fmt.Sprint(s)
	}
	return fmt.Sprintf("thiếu gói số %s của %s", strings.Join(nums, ", "), communeShort(commune))
}

// communeShort drops the "Ủy ban nhân dân" before "xã …".
func communeShort(name string) string {
	for _, p := range []string{"Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "} {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			return rest
		}
	}
	if name == "" {
		return "xã"
	}
	return name
}

// CommuneStatus is one registered commune at the upper level.
type CommuneStatus struct {
	store.UpperCommune
	Fingerprint  string        `json:"fingerprint"`
	Bundles      int           `json:"bundles"`
	LastSequence int64         `json:"last_sequence"`
	LastImported *time.Time    `json:"last_imported,omitempty"`
	Missing      []int64       `json:"missing,omitempty"`
	Sent         bool          `json:"sent"` // bundles cover the whole period asked about
	Figures      store.Figures `json:"figures"`
}

// Communes lists the registered communes with their bundles, gaps and
// figures for a period, and the combined figures.
func (o *Office) Communes(ctx context.Context, p Period) ([]CommuneStatus, store.Figures, error) {
	var total store.Figures
	cs, err := o.st.UpperCommunes(ctx)
	if err != nil {
		return nil, total, err
	}
	all, err := o.st.UpperBundles(ctx, "")
	if err != nil {
		return nil, total, err
	}
	byAgency := map[string][]store.UpperBundle{}
	for _, b := range all {
		byAgency[b.Agency] = append(byAgency[b.Agency], b)
	}
	out := make([]CommuneStatus, 0, len(cs))
	for _, c := range cs {
		bs := byAgency[c.Agency]
		s := CommuneStatus{UpperCommune: c, Fingerprint: bundle.FingerprintOf(c.KeyID), Bundles: len(bs), Missing: missing(bs), Sent: covers(bs, p)}
		for _, b := range bs {
			if b.Seq > s.LastSequence {
				s.LastSequence = b.Seq
			}
			if s.LastImported == nil || b.ImportedAt.After(*s.LastImported) {
				t := b.ImportedAt
				s.LastImported = &t
			}
		}
		if s.Figures, err = o.st.UpperFigures(ctx, c.Agency, p.From, p.end()); err != nil {
			return nil, total, err
		}
		total.Add(s.Figures)
		out = append(out, s)
	}
	return out, total, nil
}

// covers tells whether the bundles' periods together cover every day of p.
func covers(bs []store.UpperBundle, p Period) bool {
	type span struct{ from, to string }
	var spans []span
	for _, b := range bs {
		spans = append(spans, span{b.PeriodFrom, b.PeriodTo})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	next := p.From // first day not yet covered
	for _, s := range spans {
		from, err1 := time.ParseInLocation(bundle.DayLayout, s.from, calendar.Zone)
		to, err2 := time.ParseInLocation(bundle.DayLayout, s.to, calendar.Zone)
		if err1 != nil || err2 != nil || from.After(next) {
			continue
		}
		if !to.Before(next) {
			next = to.AddDate(0, 0, 1)
		}
		if next.After(p.To) {
			return true
		}
	}
	return next.After(p.To)
}

// IsBundleError tells whether err is a bundle refusal (the bundle, not the
// program, is at fault).
func IsBundleError(err error) bool {
	var be *bundle.Error
	return errors.As(err, &be)
}

// importReport keeps the commune's own report of the period as a record of
// kind "report", keyed by the period, newest bundle's copy winning.
func importReport(tx *store.Tx, r *bundle.Reader, agency string) (n, changed int, err error) {
	m := r.Manifest()
	f, _ := m.File(bundle.FileReport)
	if f.Size > bundle.MaxRecord {
		return 0, 0, &bundle.Error{Kind: bundle.ErrRecord, Name: f.Name, Msg: fmt.Sprintf("Tệp %s trong gói lớn %d byte, quá giới hạn %d byte của một bản ghi. Đề nghị xã xuất và gửi lại gói.", f.Name, f.Size, bundle.MaxRecord)}
	}
	rc, err := r.OpenFile(bundle.FileReport)
	if err != nil {
		return 0, 0, err
	}
	defer rc.Close()
	raw, err := io.ReadAll(rc)
	if err != nil {
		return 0, 0, err
	}
	if !json.Valid(raw) {
		return 0, 0, &bundle.Error{Kind: bundle.ErrRecord, Name: f.Name, Msg: "Tệp report.json trong gói không phải JSON hợp lệ. Đề nghị xã xuất và gửi lại gói."}
	}
	created, _ := time.Parse(bundle.StampLayout, m.CreatedAt)
	ok, err := tx.UpsertUpperRecord(agency, "report", m.Period.From+"_"+m.Period.To, created, nil, nil, bytes.TrimSpace(raw))
	if ok {
		changed = 1
	}
	return 1, changed, err
}

// countedOn reads the date a people record counts on at the upper level
// (a rating: its dossier's return; a pledge: its signing; feedback: its
// receipt) and a rating's level; other kinds count on nothing.
func countedOn(kind string, line []byte) (*time.Time, *int, error) {
	var r struct {
		ReturnedAt *time.Time `json:"returned_at"`
		SignedOn   *time.Time `json:"signed_on"`
		ReceivedAt *time.Time `json:"received_at"`
		HeldAt     *time.Time `json:"held_at"`
		Level      *int       `json:"level"`
	}
	switch kind {
	case "ratings", "pledges", "feedback", "dialogues":
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, nil, err
		}
	default:
		return nil, nil, nil
	}
	var on *time.Time
	switch kind {
	case "ratings":
		on = r.ReturnedAt
	case "pledges":
		on = r.SignedOn
	case "feedback":
		on = r.ReceivedAt
	case "dialogues":
		on = r.HeldAt
	}
	if on == nil {
		return nil, nil, fmt.Errorf("thiếu ngày tính số liệu")
	}
	if kind != "ratings" {
		r.Level = nil
	}
	return on, r.Level, nil
}
