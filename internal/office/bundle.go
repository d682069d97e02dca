package office

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"motcua/internal/bundle"
	"motcua/internal/calendar"
	"motcua/internal/docs"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/survey"
)

// Signing keys live in the commune's own database (table signing_keys),
// sealed under the passphrase, rather than in a file beside it: a backup of
// the register then always carries the key together with the bundle counter
// and chain it belongs to, a moved database keeps signing as the same
// commune, and there is no second file to lose or to copy unencrypted.

// KeyInfo is the public face of the commune's signing key.
type KeyInfo struct {
	KeyID       string    `json:"key_id"`
	Fingerprint string    `json:"fingerprint"`
	PublicKey   string    `json:"public_key"`
	CreatedAt   time.Time `json:"created_at"`
	Rotated     bool      `json:"rotated,omitempty"` // carries a rotation from an older key
}

// ErrNoKey is returned when the commune has no signing key yet.
var ErrNoKey = errors.New("chưa có khóa ký gói dữ liệu: hãy tạo bằng lệnh “motcua keys init” (hoặc trong màn hình Gửi cấp trên)")

// KeyRequest asks for a new key.
type KeyRequest struct {
	Passphrase    []byte
	OldPassphrase []byte            // rotation: the current key's passphrase
	KDF           *bundle.KDFParams // nil: bundle.DefaultKDF (tests pass cheaper costs)
}

func keyInfo(k store.SigningKey) (KeyInfo, error) {
	pub, err := bundle.ParsePublicKey(k.PublicKey)
	if err != nil {
		return KeyInfo{}, err
	}
	return KeyInfo{KeyID: k.KeyID, Fingerprint: bundle.Fingerprint(pub), PublicKey: k.PublicKey, CreatedAt: k.CreatedAt, Rotated: k.Rotation != ""}, nil
}

// KeysShow shows the signing key in use.
func (o *Office) KeysShow(ctx context.Context) (KeyInfo, error) {
	k, ok, err := o.st.CurrentSigningKey(ctx)
	if err != nil {
		return KeyInfo{}, err
	}
	if !ok {
		return KeyInfo{}, ErrNoKey
	}
	return keyInfo(k)
}

// KeysInit makes the commune's first signing key. A commune that already
// has one rotates it instead (KeysRotate), so the upper level can follow.
func (o *Office) KeysInit(ctx context.Context, req KeyRequest) (KeyInfo, error) {
	if err := o.can(ctx, people.ActSign); err != nil {
		return KeyInfo{}, err
	}
	if _, ok, err := o.st.CurrentSigningKey(ctx); err != nil || ok {
		if err == nil {
			err = errors.New("xã đã có khóa ký; để đổi khóa hãy dùng “motcua keys rotate”, cấp trên sẽ nhận khóa mới qua gói tiếp theo")
		}
		return KeyInfo{}, err
	}
	return o.newKey(ctx, req, nil)
}

// KeysRotate replaces the signing key: the old key (opened with the old
// passphrase) signs the hand-over, which travels in every later bundle.
func (o *Office) KeysRotate(ctx context.Context, req KeyRequest) (KeyInfo, error) {
	if err := o.can(ctx, people.ActSign); err != nil {
		return KeyInfo{}, err
	}
	cur, ok, err := o.st.CurrentSigningKey(ctx)
	if err != nil {
		return KeyInfo{}, err
	}
	if !ok {
		return KeyInfo{}, ErrNoKey
	}
	oldPriv, err := openKey(cur, req.OldPassphrase)
	if err != nil {
		return KeyInfo{}, err
	}
	return o.newKey(ctx, req, oldPriv)
}

func (o *Office) newKey(ctx context.Context, req KeyRequest, old ed25519.PrivateKey) (KeyInfo, error) {
	kdf := bundle.DefaultKDF
	if req.KDF != nil {
		kdf = *req.KDF
	}
	pub, priv, err := bundle.NewKey(rand.Reader)
	if err != nil {
		return KeyInfo{}, err
	}
	sealed, err := bundle.Seal(priv, req.Passphrase, kdf, rand.Reader)
	if err != nil {
		return KeyInfo{}, err
	}
	text, err := bundle.MarshalSealed(sealed)
	if err != nil {
		return KeyInfo{}, err
	}
	k := store.SigningKey{KeyID: bundle.KeyID(pub), PublicKey: bundle.EncodePublicKey(pub), Sealed: text, CreatedAt: o.Now()}
	action := "keys_init"
	if old != nil {
		rot, _ := json.Marshal(bundle.NewRotation(old, pub))
		k.Rotation, action = string(rot), "keys_rotate"
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SaveSigningKey(k); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: action, Entity: "signing_key", EntityID: k.KeyID, After: k.PublicKey})
	})
	if err != nil {
		return KeyInfo{}, err
	}
	return keyInfo(k)
}

func openKey(k store.SigningKey, passphrase []byte) (ed25519.PrivateKey, error) {
	sealed, err := bundle.UnmarshalSealed(k.Sealed)
	if err != nil {
		return nil, err
	}
	return sealed.Open(passphrase)
}

// Period is a bundle's span: inclusive days in Vietnam time.
type Period struct {
	From, To time.Time // midnights in Vietnam time
}

// MonthPeriod is a calendar month.
func MonthPeriod(year int, month time.Month) Period {
	from := time.Date(year, month, 1, 0, 0, 0, 0, calendar.Zone)
	return Period{From: from, To: from.AddDate(0, 1, -1)}
}

// DaysPeriod is from..to inclusive (dates in Vietnam time).
func DaysPeriod(from, to time.Time) (Period, error) {
	day := func(t time.Time) time.Time {
		y, m, d := t.In(calendar.Zone).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, calendar.Zone)
	}
	p := Period{From: day(from), To: day(to)}
	if p.To.Before(p.From) {
		return p, fmt.Errorf("kỳ dữ liệu không hợp lệ: ngày đầu %s sau ngày cuối %s", p.From.Format("02/01/2006"), p.To.Format("02/01/2006"))
	}
	return p, nil
}

// end is the first instant after the period.
func (p Period) end() time.Time { return p.To.AddDate(0, 0, 1) }

// String reads "01/11/2026–30/11/2026".
func (p Period) String() string {
	return p.From.Format("02/01/2006") + "–" + p.To.Format("02/01/2006")
}

// ExportRequest asks for a bundle.
type ExportRequest struct {
	Period     Period
	Path       string // the bundle file to write (replaced atomically)
	Passphrase []byte
	AppVersion string
	Progress   func(records int) // called now and then from the exporting goroutine
}

// ExportResult describes the bundle made.
type ExportResult struct {
	Path        string        `json:"path"`
	Sequence    int64         `json:"sequence"`
	BundleID    string        `json:"bundle_id"`
	Previous    string        `json:"previous"`
	PeriodFrom  string        `json:"period_from"`
	PeriodTo    string        `json:"period_to"`
	Fingerprint string        `json:"fingerprint"`
	Files       []bundle.File `json:"files"`
	Bytes       int64         `json:"bytes"`
}

// letterRecord is a letter as it travels: the row plus the time it last
// changed (its issue, else its drafting).
type letterRecord struct {
	store.Letter
	UpdatedAt time.Time `json:"updated_at"`
}

func letterUpdated(l store.Letter) time.Time {
	if l.IssuedAt != nil && l.IssuedAt.After(l.DraftedAt) {
		return *l.IssuedAt
	}
	return l.DraftedAt
}

// holidayRecord is one year's announced schedule override.
type holidayRecord struct {
	ID        string          `json:"id"`
	Year      int             `json:"year"`
	Schedule  json.RawMessage `json:"schedule"`
	UpdatedAt time.Time       `json:"updated_at"`
}

// Export writes a signed bundle of every record created or changed in the
// period, with the next sequence number and the previous bundle's id, and
// records it in the same transaction that draws the number.
func (o *Office) Export(ctx context.Context, req ExportRequest) (ExportResult, error) {
	if err := o.can(ctx, people.ActSign); err != nil {
		return ExportResult{}, err
	}
	var res ExportResult
	p := o.Profile()
	if req.Path == "" {
		return res, errors.New("chưa chọn nơi lưu gói dữ liệu")
	}
	cur, ok, err := o.st.CurrentSigningKey(ctx)
	if err != nil {
		return res, err
	}
	if !ok {
		return res, ErrNoKey
	}
	priv, err := openKey(cur, req.Passphrase)
	if err != nil {
		return res, err
	}
	var rot *bundle.Rotation
	if cur.Rotation != "" {
		rot = &bundle.Rotation{}
		if err := json.Unmarshal([]byte(cur.Rotation), rot); err != nil {
			return res, fmt.Errorf("lời chuyển khóa lưu trong máy bị hỏng: %v", err)
		}
	}
	repJSON, repPDF, err := o.periodReport(ctx, req.Period)
	if err != nil {
		return res, fmt.Errorf("không lập được báo cáo của kỳ để đưa vào gói: %w", err)
	}
	dir := filepath.Dir(req.Path)
	tmp, err := os.CreateTemp(dir, ".motcua-bundle-*.tmp")
	if err != nil {
		return res, fmt.Errorf("không tạo được tệp trong %s (ổ USB đã cắm và còn chỗ trống chưa?): %v", dir, err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		now, _, err := tx.CurrentSigningKey()
		if err != nil || now.KeyID != cur.KeyID {
			return errors.Join(err, errors.New("khóa ký vừa được đổi trong lúc xuất gói; hãy xuất lại"))
		}
		seq, err := tx.NextExportSeq()
		if err != nil {
			return err
		}
		prev := ""
		if seq > 1 {
			pe, ok, err := tx.ExportBySeq(seq - 1)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("không tìm thấy gói số %d trong sổ gói đã xuất; cơ sở dữ liệu có thể đã bị sửa", seq-1)
			}
			prev = pe.BundleID
		}
		w := bundle.NewWriter(tmp, bundle.Header{
			Commune: bundle.Commune{AgencyCode: p.AgencyCode, Name: p.Commune},
			From:    req.Period.From, To: req.Period.To, Sequence: seq, Previous: prev,
			CreatedAt: o.Now(), AppVersion: req.AppVersion, Rotation: rot,
		})
		count := 0
		report := stepper(ctx, 0) // the total is not known: the count is reported
		// tick counts a record, reports now and then, and stops the
		// export once it is cancelled (the transaction rolls back, the
		// sequence number is not used, the temporary file is removed).
		tick := func() error {
			count++
			if err := report(count); err != nil {
				return err
			}
			if req.Progress != nil && count%500 == 0 {
				req.Progress(count)
			}
			return nil
		}
		fw, err := w.Create(bundle.FileDossiers)
		if err != nil {
			return err
		}
		if err := tx.ExportDossiers(req.Period.From, req.Period.end(), func(d *register.Dossier) error {
			if err := tick(); err != nil {
				return err
			}
			return fw.Record(d)
		}); err != nil {
			return err
		}
		if fw, err = w.Create(bundle.FileHolidays); err != nil {
			return err
		}
		if err := tx.ExportSchedules(func(year int, data string, updated time.Time) error {
			if err := tick(); err != nil {
				return err
			}
			return fw.Record(holidayRecord{ID: strconv.Itoa(year), Year: year, Schedule: json.RawMessage(data), UpdatedAt: updated})
		}); err != nil {
			return err
		}
		if fw, err = w.Create(bundle.FileLetters); err != nil {
			return err
		}
		if err := tx.ExportLetters(req.Period.From, req.Period.end(), func(l store.Letter) error {
			if err := tick(); err != nil {
				return err
			}
			return fw.Record(letterRecord{Letter: l, UpdatedAt: letterUpdated(l)})
		}); err != nil {
			return err
		}
		if err := exportPeople(tx, w, req.Period, tick); err != nil {
			return err
		}
		for _, f := range []struct {
			name string
			data []byte
		}{{bundle.FileReport, repJSON}, {bundle.FileReportPDF, repPDF}} {
			fw, err := w.Create(f.name)
			if err != nil {
				return err
			}
			if _, err := fw.Write(f.data); err != nil {
				return err
			}
		}
		m, id, err := w.Close(priv)
		if err != nil {
			return err
		}
		if err := tmp.Sync(); err != nil {
			return fmt.Errorf("không ghi xong gói dữ liệu ra %s: %v", dir, err)
		}
		var records int64
		for _, f := range m.Files {
			records += f.Records
		}
		e := store.Export{Seq: seq, BundleID: id, PeriodFrom: m.Period.From, PeriodTo: m.Period.To, KeyID: cur.KeyID, Records: records, CreatedAt: o.Now()}
		if err := tx.SaveExport(e); err != nil {
			return err
		}
		res = ExportResult{Path: req.Path, Sequence: seq, BundleID: id, Previous: prev, PeriodFrom: m.Period.From, PeriodTo: m.Period.To,
			Fingerprint: bundle.FingerprintOf(cur.KeyID), Files: m.Files}
		summary, _ := json.Marshal(e)
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "export_bundle", Entity: "bundle", EntityID: id, After: string(summary)})
	})
	if err != nil {
		return ExportResult{}, stopped(ctx, err)
	}
	if fi, err := tmp.Stat(); err == nil {
		res.Bytes = fi.Size()
	}
	if err := tmp.Close(); err != nil {
		return res, err
	}
	if err := os.Rename(tmp.Name(), req.Path); err != nil {
		return res, fmt.Errorf("gói số %d đã tạo nhưng không lưu được thành %s (%v); hãy xuất lại kỳ này", res.Sequence, req.Path, err)
	}
	return res, nil
}

// Exports lists the bundles this commune made, newest first.
func (o *Office) Exports(ctx context.Context) ([]store.Export, error) { return o.st.Exports(ctx) }

// Figures are a period's counts, the same at the commune and at the upper
// level (store.Figures).
type Figures = store.Figures

// CommuneFigures counts the office's own register for a period.
func (o *Office) CommuneFigures(ctx context.Context, p Period) (store.Figures, error) {
	return o.st.CommuneFigures(ctx, p.From, p.end())
}

// periodReport makes the period's report, as figures (report.json) and as
// the printed report (report.pdf), from the same register the records come
// from. It runs before the export's transaction: the store has one
// connection, which the transaction would hold.
func (o *Office) periodReport(ctx context.Context, p Period) (js, pdf []byte, err error) {
	rp, err := report.Custom(p.From, p.To)
	if err != nil {
		return nil, nil, err
	}
	r, err := o.Report(ctx, rp, false)
	if err != nil {
		return nil, nil, err
	}
	var jb, pb bytes.Buffer
	enc := json.NewEncoder(&jb)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, nil, err
	}
	fonts, err := Fonts()
	if err != nil {
		return nil, nil, err
	}
	if err := docs.ReportPDF(&pb, fonts, o.DocProfile(), docs.ReportInput{Report: r, UpperLevel: o.Profile().UpperLevel}); err != nil {
		return nil, nil, err
	}
	return jb.Bytes(), pb.Bytes(), nil
}

// exportPeople adds the people and outreach records: the staff register
// whole, and the pledges, notes on staff, ratings, feedback and letter
// sendings and dialogue conferences (with their commitments) created or
// changed in the period, one file per kind.
func exportPeople(tx *store.Tx, w *bundle.Writer, p Period, tick func() error) error {
	from, to := p.From, p.end()
	file := func(name string, each func(rec func(any) error) error) error {
		fw, err := w.Create(name)
		if err != nil {
			return err
		}
		return each(func(v any) error {
			if err := tick(); err != nil {
				return err
			}
			return fw.Record(v)
		})
	}
	return errors.Join(
		file(bundle.FileStaff, func(rec func(any) error) error {
			return tx.ExportStaff(func(s people.Staff) error { return rec(s) })
		}),
		file(bundle.FilePledges, func(rec func(any) error) error {
			return tx.ExportSignings(from, to, func(g people.Signing) error { return rec(g) })
		}),
		file(bundle.FileNotes, func(rec func(any) error) error {
			return tx.ExportNotes(from, to, func(n people.Note) error { return rec(n) })
		}),
		file(bundle.FileRatings, func(rec func(any) error) error {
			return tx.ExportRatings(from, to, func(r survey.Rating) error { return rec(r) })
		}),
		file(bundle.FileFeedback, func(rec func(any) error) error {
			return tx.ExportFeedback(from, to, func(f survey.Feedback) error { return rec(f) })
		}),
		file(bundle.FileSendings, func(rec func(any) error) error {
			return tx.ExportSendings(from, to, func(l store.LetterSending) error { return rec(l) })
		}),
		file(bundle.FileDialogues, func(rec func(any) error) error {
			return tx.ExportDialogues(from, to, func(d survey.Dialogue) error { return rec(d) })
		}),
	)
}
