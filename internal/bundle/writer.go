package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"sort"
	"strings"
	"time"
)

// Header is what the exporting office knows about a bundle before writing
// its data.
type Header struct {
	Commune    Commune
	From, To   time.Time // inclusive days; only the date in Vietnam time counts
	Sequence   int64
	Previous   string
	CreatedAt  time.Time
	AppVersion string
	Rotation   *Rotation
}

// Writer writes a bundle in one pass: data files first, then the manifest
// and its signature (Close).
type Writer struct {
	zw    *zip.Writer
	h     Header
	files []File
	cur   *FileWriter
	names map[string]bool
	err   error
}

// NewWriter starts a bundle on w.
func NewWriter(w io.Writer, h Header) *Writer {
	zw := zip.NewWriter(w)
	// Level 1 deflate: a busy year's JSON Lines still shrink about 8 : 1, at
	// several times the speed of the default level.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return &Writer{zw: zw, h: h, names: map[string]bool{}}
}

// FileWriter writes one data file, hashing and counting as it goes.
type FileWriter struct {
	w       io.Writer
	h       hash.Hash
	size    int64
	records int64
	enc     *json.Encoder
	buf     bytes.Buffer
	name    string
	lines   bool // JSON Lines: count records
}

// Write writes raw bytes: for JSON Lines, whole lines each ended by LF
// (every LF counts one record); for other files (report.json, report.pdf)
// the file as it is.
func (f *FileWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	f.h.Write(p[:n])
	f.size += int64(n)
	if f.lines {
		f.records += int64(bytes.Count(p[:n], []byte{'\n'}))
	}
	return n, err
}

// Record writes v as one JSON Lines record (encoding/json, no HTML
// escaping). v must carry "id" and "updated_at".
func (f *FileWriter) Record(v any) error {
	f.buf.Reset()
	if err := f.enc.Encode(v); err != nil {
		return fmt.Errorf("không ghi được bản ghi vào %s: %w", f.name, err)
	}
	if f.buf.Len() > MaxRecord {
		return fmt.Errorf("một bản ghi của %s dài %d byte, quá giới hạn %d byte", f.name, f.buf.Len(), MaxRecord)
	}
	_, err := f.Write(f.buf.Bytes()) // json.Encoder ends the record with its one LF
	return err
}

// Create starts the data file name; the previous one is finished.
func (w *Writer) Create(name string) (*FileWriter, error) {
	if w.err != nil {
		return nil, w.err
	}
	if !nameRe.MatchString(name) || w.names[name] {
		return nil, fmt.Errorf("tên tệp %q không dùng được trong gói", name)
	}
	w.finish()
	zf, err := w.zw.CreateHeader(w.header(name))
	if err != nil {
		w.err = err
		return nil, err
	}
	w.names[name] = true
	f := &FileWriter{w: zf, h: sha256.New(), name: name, lines: strings.HasSuffix(name, ".jsonl")}
	f.enc = json.NewEncoder(&f.buf)
	f.enc.SetEscapeHTML(false)
	w.cur = f
	return f, nil
}

func (w *Writer) header(name string) *zip.FileHeader {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: w.h.CreatedAt.UTC()}
	h.SetMode(0o644)
	return h
}

func (w *Writer) finish() {
	if w.cur == nil {
		return
	}
	f := w.cur
	w.files = append(w.files, File{Name: f.name, Records: f.records, SHA256: hex.EncodeToString(f.h.Sum(nil)), Size: f.size})
	w.cur = nil
}

// Manifest builds the manifest the bundle will carry, signed by pub.
func (w *Writer) manifest(pub ed25519.PublicKey) Manifest {
	files := append([]File(nil), w.files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	if files == nil {
		files = []File{}
	}
	return Manifest{
		AppVersion:  w.h.AppVersion,
		Commune:     w.h.Commune,
		CreatedAt:   w.h.CreatedAt.In(vietnam).Format(StampLayout),
		Files:       files,
		Format:      FormatV1,
		KeyRotation: w.h.Rotation,
		Period:      Period{From: w.h.From.In(vietnam).Format(DayLayout), To: w.h.To.In(vietnam).Format(DayLayout)},
		Previous:    w.h.Previous,
		Sequence:    w.h.Sequence,
		Signer:      Signer{KeyID: KeyID(pub), PublicKey: EncodePublicKey(pub)},
	}
}

// Close writes the manifest and its signature and ends the zip. It returns
// the manifest and the bundle id.
func (w *Writer) Close(priv ed25519.PrivateKey) (*Manifest, string, error) {
	if w.err != nil {
		return nil, "", w.err
	}
	w.finish()
	m := w.manifest(priv.Public().(ed25519.PublicKey))
	if err := m.check(); err != nil {
		return nil, "", err
	}
	raw, err := Canonical(&m)
	if err != nil {
		return nil, "", err
	}
	if len(raw) > MaxManifest {
		return nil, "", fmt.Errorf("bản kê của gói dài %d byte, quá giới hạn %d byte", len(raw), MaxManifest)
	}
	sig := ed25519.Sign(priv, signedMessage(raw))
	for _, e := range []struct {
		name string
		data []byte
	}{{ManifestName, raw}, {SignatureName, sig}} {
		zf, err := w.zw.CreateHeader(w.header(e.name))
		if err != nil {
			return nil, "", err
		}
		if _, err := zf.Write(e.data); err != nil {
			return nil, "", err
		}
	}
	if err := w.zw.Close(); err != nil {
		return nil, "", err
	}
	return &m, ID(raw), nil
}

func signedMessage(manifest []byte) []byte {
	msg := make([]byte, 0, len(manifestPrefix)+len(manifest))
	return append(append(msg, manifestPrefix...), manifest...)
}

func sha256Sum(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}

// vietnam is UTC+7 without daylight saving; fixed here so the package needs
// no time zone database.
var vietnam = time.FixedZone("ICT", 7*3600)
