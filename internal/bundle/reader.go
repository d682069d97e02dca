package bundle

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Keyring chooses the key a bundle must be signed with. It sees the
// manifest before the signature is checked, so it must decide from the
// commune and key named there, and return an *Error of kind ErrUnknownKey or
// ErrWrongKey to refuse.
type Keyring interface {
	Key(m *Manifest) (ed25519.PublicKey, error)
}

// KeyringFunc adapts a function to Keyring.
type KeyringFunc func(m *Manifest) (ed25519.PublicKey, error)

// Key calls f.
func (f KeyringFunc) Key(m *Manifest) (ed25519.PublicKey, error) { return f(m) }

// FixedKey accepts bundles signed by pub only.
func FixedKey(pub ed25519.PublicKey) Keyring {
	return KeyringFunc(func(m *Manifest) (ed25519.PublicKey, error) {
		if m.Signer.KeyID != KeyID(pub) {
			return nil, fail(ErrWrongKey, "", "Gói được ký bằng khóa %s, không phải khóa %s đã cho để kiểm tra. Không dùng gói này; hãy hỏi lại xã khóa nào là khóa của họ.",
				FingerprintOf(m.Signer.KeyID), Fingerprint(pub))
		}
		return pub, nil
	})
}

// TrustFingerprint accepts the key the bundle carries when its fingerprint
// is the one the officer confirmed with the commune.
func TrustFingerprint(fingerprint string) Keyring {
	return KeyringFunc(func(m *Manifest) (ed25519.PublicKey, error) {
		want, ok := KeyIDFromFingerprint(fingerprint)
		if !ok {
			return nil, fail(ErrUnknownKey, "", "Dấu vân tay %q không đúng dạng: đó là 16 chữ số và chữ A–F, ví dụ 3F2A-91C0-7B44-E0D1.", fingerprint)
		}
		if m.Signer.KeyID != want {
			return nil, fail(ErrWrongKey, "", "Gói của %s được ký bằng khóa có dấu vân tay %s, khác dấu vân tay %s đã xác nhận. Không nhập gói này; hãy gọi điện cho xã để đối chiếu lại.",
				m.Commune.Name, FingerprintOf(m.Signer.KeyID), FingerprintOf(want))
		}
		return m.SignerKey()
	})
}

// Reader reads a bundle whose signature and list of files were checked by
// Open. File contents are checked as they are read.
type Reader struct {
	m     *Manifest
	raw   []byte
	files map[string]*zip.File
}

// Manifest is the verified manifest.
func (r *Reader) Manifest() *Manifest { return r.m }

// ManifestBytes are the exact signed bytes.
func (r *Reader) ManifestBytes() []byte { return r.raw }

// ID is the bundle id.
func (r *Reader) ID() string { return ID(r.raw) }

// Open checks a bundle's structure, manifest and signature: everything but
// the contents of the data files, which Verify, Open and Records check as
// they stream. Nothing is loaded whole except the manifest (at most
// MaxManifest bytes).
func Open(ra io.ReaderAt, size int64, keys Keyring) (*Reader, error) {
	if n, ok := declaredEntries(ra, size); ok && n > MaxEntries {
		// Refused before archive/zip reads a central directory that could
		// hold millions of entries.
		return nil, fail(ErrTooManyEntries, "", "Gói có %d mục, quá giới hạn %d. Không nhập gói này; %s", n, MaxEntries, lowerFirst(askAgain))
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, fail(ErrCorrupt, "", "Tệp này không phải gói dữ liệu đọc được: tệp ZIP bị cắt cụt hoặc hỏng (%v). Có thể việc chép ra USB chưa xong; %s", err, lowerFirst(askAgain))
	}
	if len(zr.File) > MaxEntries {
		return nil, fail(ErrTooManyEntries, "", "Gói có %d mục, quá giới hạn %d. Không nhập gói này; %s", len(zr.File), MaxEntries, lowerFirst(askAgain))
	}
	files := map[string]*zip.File{}
	folded := map[string]string{}
	for _, f := range zr.File {
		if err := checkEntry(f); err != nil {
			return nil, err
		}
		key := strings.ToLower(f.Name)
		if prev, ok := folded[key]; ok {
			names := fmt.Sprintf("%q", f.Name)
			if prev != f.Name {
				names = fmt.Sprintf("%q và %q (chỉ khác chữ hoa, chữ thường)", prev, f.Name)
			}
			return nil, fail(ErrDuplicate, f.Name, "Gói có hai mục cùng tên %s; không biết tin mục nào. Không nhập gói này; %s", names, lowerFirst(askAgain))
		}
		folded[key] = f.Name
		files[f.Name] = f
	}
	mf, ok := files[ManifestName]
	if !ok {
		return nil, fail(ErrMissingFile, ManifestName, "Gói không có bản kê manifest.json nên không kiểm tra được. %s", askAgain)
	}
	sf, ok := files[SignatureName]
	if !ok {
		return nil, fail(ErrMissingFile, SignatureName, "Gói không có chữ ký manifest.sig: không chứng minh được gói do xã gửi. %s", askAgain)
	}
	if mf.UncompressedSize64 > MaxManifest {
		return nil, fail(ErrManifestTooLarge, ManifestName, "Bản kê manifest.json của gói lớn %d byte, quá giới hạn %d byte. Không nhập gói này; %s", mf.UncompressedSize64, MaxManifest, lowerFirst(askAgain))
	}
	raw, err := readSmall(mf, MaxManifest)
	if err != nil {
		return nil, err
	}
	if sf.UncompressedSize64 != signatureLen {
		return nil, fail(ErrSignature, SignatureName, "Chữ ký manifest.sig của gói dài %d byte, không phải %d: gói đã bị sửa hoặc hỏng. Không nhập gói này; %s", sf.UncompressedSize64, signatureLen, lowerFirst(askAgain))
	}
	sig, err := readSmall(sf, signatureLen)
	if err != nil {
		return nil, err
	}
	m, err := parseManifest(raw)
	if err != nil {
		return nil, err
	}
	pub, err := keys.Key(m)
	if err != nil {
		return nil, err
	}
	if len(sig) != signatureLen || !ed25519.Verify(pub, signedMessage(raw), sig) {
		return nil, fail(ErrSignature, ManifestName, "Chữ ký của gói không đúng với khóa %s: bản kê đã bị sửa sau khi ký, hoặc gói không do xã này ký. Không nhập gói này; %s", Fingerprint(pub), lowerFirst(askAgain))
	}
	listed := map[string]bool{ManifestName: true, SignatureName: true}
	for _, f := range m.Files {
		listed[f.Name] = true
		zf, ok := files[f.Name]
		if !ok {
			return nil, fail(ErrMissingFile, f.Name, "Gói thiếu tệp %s mà bản kê có ghi: gói không đầy đủ. %s", f.Name, askAgain)
		}
		if zf.UncompressedSize64 != uint64(f.Size) {
			return nil, fail(ErrSize, f.Name, "Tệp %s trong gói dài %d byte, nhưng bản kê đã ký ghi %d byte: tệp đã bị sửa. Không nhập gói này; %s", f.Name, zf.UncompressedSize64, f.Size, lowerFirst(askAgain))
		}
	}
	for _, zf := range zr.File {
		if !listed[zf.Name] {
			return nil, fail(ErrExtraFile, zf.Name, "Gói có tệp %s không có trong bản kê đã ký: có người đã thêm tệp vào gói. Không nhập gói này; %s", zf.Name, lowerFirst(askAgain))
		}
	}
	return &Reader{m: m, raw: raw, files: files}, nil
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// checkEntry applies the per-entry rules of §1 from the central directory.
func checkEntry(f *zip.File) error {
	n := f.Name
	// No entry may name a folder: that rules out absolute paths, drive
	// letters, ".." and backslashes at once.
	if n == "" || strings.ContainsAny(n, `/\:`) || n == "." || n == ".." || !isNFC(n) ||
		path.Clean(n) != n || strings.ContainsRune(n, 0) {
		return fail(ErrUnsafePath, n, "Gói có mục tên %q là một đường dẫn (có thư mục, “..” hoặc đường dẫn tuyệt đối): gói hợp lệ chỉ có tệp nằm ngay trong gói. Không nhập gói này; %s", n, lowerFirst(askAgain))
	}
	mode := f.Mode()
	if mode&0o170000 != 0 || !mode.IsRegular() {
		what := "không phải tệp thường"
		if mode&fs.ModeSymlink != 0 {
			what = "là liên kết tượng trưng (symlink)"
		}
		return fail(ErrNotRegular, n, "Mục %q trong gói %s. Không nhập gói này; %s", n, what, lowerFirst(askAgain))
	}
	if f.Flags&0x1 != 0 || (f.Method != zip.Store && f.Method != zip.Deflate) {
		return fail(ErrCorrupt, n, "Mục %q trong gói được mã hóa hoặc nén theo cách không hỗ trợ. Không nhập gói này; %s", n, lowerFirst(askAgain))
	}
	if n == ManifestName && f.UncompressedSize64 > MaxManifest {
		return fail(ErrManifestTooLarge, n, "Bản kê manifest.json của gói lớn %d byte, quá giới hạn %d byte. Không nhập gói này; %s", f.UncompressedSize64, MaxManifest, lowerFirst(askAgain))
	}
	if f.UncompressedSize64 > MaxFile {
		return fail(ErrTooLarge, n, "Mục %q trong gói giải nén ra %d byte, quá giới hạn %d byte. Không nhập gói này; %s", n, f.UncompressedSize64, MaxFile, lowerFirst(askAgain))
	}
	if f.UncompressedSize64 > RatioFloor && f.UncompressedSize64 > MaxRatio*f.CompressedSize64 {
		return fail(ErrTooLarge, n, "Mục %q trong gói nén %d byte thành %d byte (hơn %d lần): đó là dấu hiệu “bom giải nén”. Không nhập gói này; %s", n, f.CompressedSize64, f.UncompressedSize64, MaxRatio, lowerFirst(askAgain))
	}
	return nil
}

func readSmall(f *zip.File, max int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, damaged(f.Name, err)
	}
	if int64(len(b)) > max {
		if f.Name == ManifestName {
			return nil, fail(ErrManifestTooLarge, f.Name, "Bản kê manifest.json của gói giải nén ra hơn %d byte. Không nhập gói này; %s", max, lowerFirst(askAgain))
		}
		return nil, fail(ErrTooLarge, f.Name, "Mục %s trong gói giải nén ra nhiều hơn khai báo. Không nhập gói này; %s", f.Name, lowerFirst(askAgain))
	}
	return b, nil
}

func damaged(name string, err error) error {
	var be *Error
	if errors.As(err, &be) {
		return err
	}
	return fail(ErrCorrupt, name, "Tệp %s trong gói bị hỏng, không giải nén được (%v). %s", name, err, askAgain)
}

func parseManifest(raw []byte) (*Manifest, error) {
	var probe struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(raw, &probe); err != nil {
		return nil, fail(ErrManifestInvalid, ManifestName, "Bản kê manifest.json của gói không phải JSON hợp lệ (%v). %s", err, askAgain)
	}
	if probe.Format != FormatV1 {
		return nil, fail(ErrVersion, ManifestName, "Gói theo định dạng %q, phần mềm này chỉ đọc %q. Hãy cập nhật phần mềm hoặc đề nghị xã xuất gói bằng phiên bản phù hợp.", probe.Format, FormatV1)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fail(ErrManifestInvalid, ManifestName, "Bản kê manifest.json của gói có trường sai kiểu (%v). %s", err, askAgain)
	}
	again, err := Canonical(&m)
	if err != nil || !bytes.Equal(again, raw) {
		return nil, fail(ErrManifestInvalid, ManifestName, "Bản kê manifest.json của gói không ở dạng chuẩn tắc (có trường lạ, khoảng trắng thừa, khóa không theo thứ tự hoặc chữ chưa chuẩn hóa NFC). %s", askAgain)
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return &m, nil
}

// checked streams one data file, failing with ErrSize, ErrHash or
// ErrTooLarge at the end if the bytes are not the ones the manifest signed.
type checked struct {
	rc    io.ReadCloser
	lr    io.Reader
	h     hash.Hash
	n     int64
	f     File
	ended bool
}

func (c *checked) Read(p []byte) (int, error) {
	if c.ended {
		return 0, io.EOF
	}
	n, err := c.lr.Read(p)
	c.h.Write(p[:n])
	c.n += int64(n)
	if c.n > c.f.Size {
		return n, fail(ErrTooLarge, c.f.Name, "Tệp %s trong gói giải nén ra nhiều hơn %d byte đã ghi trong bản kê. Không nhập gói này; %s", c.f.Name, c.f.Size, lowerFirst(askAgain))
	}
	if err == io.EOF {
		c.ended = true
		if c.n != c.f.Size {
			return n, fail(ErrSize, c.f.Name, "Tệp %s trong gói dài %d byte, bản kê đã ký ghi %d byte: tệp bị cắt hoặc sửa. %s", c.f.Name, c.n, c.f.Size, askAgain)
		}
		if hex.EncodeToString(c.h.Sum(nil)) != c.f.SHA256 {
			return n, fail(ErrHash, c.f.Name, "Nội dung tệp %s trong gói khác với bản kê đã ký (mã băm SHA-256 không khớp): tệp đã bị sửa sau khi ký. Không nhập gói này; %s", c.f.Name, lowerFirst(askAgain))
		}
		return n, io.EOF
	}
	if err != nil {
		return n, damaged(c.f.Name, err)
	}
	return n, nil
}

func (c *checked) Close() error { return c.rc.Close() }

// OpenFile streams a data file. The reader returns io.EOF only after the
// file's size and hash were found right; any other end is an *Error.
func (r *Reader) OpenFile(name string) (io.ReadCloser, error) {
	f, ok := r.m.File(name)
	if !ok {
		return nil, fail(ErrMissingFile, name, "Gói không có tệp %s.", name)
	}
	rc, err := r.files[name].Open()
	if err != nil {
		return nil, damaged(name, err)
	}
	return &checked{rc: rc, lr: io.LimitReader(rc, f.Size+1), h: sha256.New(), f: f}, nil
}

// Verify streams every data file and checks its size, hash and (for JSON
// Lines) its number of records.
func (r *Reader) Verify() error {
	buf := make([]byte, 256<<10)
	for _, f := range r.m.Files {
		rc, err := r.OpenFile(f.Name)
		if err != nil {
			return err
		}
		var lines int64
		for {
			n, err := rc.Read(buf)
			lines += int64(bytes.Count(buf[:n], []byte{'\n'}))
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return err
			}
		}
		rc.Close()
		if strings.HasSuffix(f.Name, ".jsonl") && lines != f.Records {
			return fail(ErrRecord, f.Name, "Tệp %s có %d dòng nhưng bản kê ghi %d bản ghi. %s", f.Name, lines, f.Records, askAgain)
		}
	}
	return nil
}

// Records streams the records of a JSON Lines file to fn, one line (without
// its LF) at a time. The file's hash is checked at its end, so a caller
// writing records must do so in a transaction it can roll back, or call
// Verify first. A missing file has no records.
func (r *Reader) Records(name string, fn func(line []byte) error) error {
	if _, ok := r.m.File(name); !ok {
		return nil
	}
	rc, err := r.OpenFile(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > MaxRecord+1 {
			return fail(ErrRecord, name, "Một bản ghi trong tệp %s dài quá %d byte. %s", name, MaxRecord, askAgain)
		}
		switch {
		case err == bufio.ErrBufferFull:
			line = append(line, chunk...)
			continue
		case err == io.EOF:
			if len(line)+len(chunk) > 0 {
				return fail(ErrRecord, name, "Tệp %s không kết thúc bằng dấu xuống dòng: dòng cuối bị cắt. %s", name, askAgain)
			}
			return nil
		case err != nil:
			return err
		}
		if len(line) > 0 {
			line = append(line, chunk...)
			chunk, line = line, line[:0]
		}
		if err := fn(chunk[:len(chunk)-1]); err != nil {
			return err
		}
	}
}

// RecordKey reads the id and updated_at every record carries.
func RecordKey(name string, line []byte) (id string, updated time.Time, err error) {
	var k struct {
		ID        *string `json:"id"`
		UpdatedAt string  `json:"updated_at"`
	}
	if e := json.Unmarshal(line, &k); e != nil || k.ID == nil || *k.ID == "" {
		return "", time.Time{}, fail(ErrRecord, name, "Một bản ghi trong tệp %s không đọc được hoặc thiếu mã (id). %s", name, askAgain)
	}
	updated, e := time.Parse(StampLayout, k.UpdatedAt)
	if e != nil {
		return "", time.Time{}, fail(ErrRecord, name, "Bản ghi %s trong tệp %s thiếu thời điểm cập nhật (updated_at) hợp lệ. %s", *k.ID, name, askAgain)
	}
	return *k.ID, updated, nil
}

// declaredEntries reads the entry count of the zip's end-of-central-
// directory record (0xFFFF when a zip64 record holds the real count).
func declaredEntries(ra io.ReaderAt, size int64) (int, bool) {
	const eocdLen, maxComment = 22, 0xFFFF
	n := int64(eocdLen + maxComment)
	if n > size {
		n = size
	}
	if n < eocdLen {
		return 0, false
	}
	buf := make([]byte, n)
	if _, err := ra.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return 0, false
	}
	for i := len(buf) - eocdLen; i >= 0; i-- {
		if buf[i] == 'P' && buf[i+1] == 'K' && buf[i+2] == 5 && buf[i+3] == 6 {
			return int(buf[i+10]) | int(buf[i+11])<<8, true
		}
	}
	return 0, false
}
