package bundle

import (
	"crypto/ed25519"
	"encoding/hex"
	"regexp"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// FormatV1 is the only format this package reads and writes.
const FormatV1 = "motcua-bundle/1"

// Names of the data files (docs/bundle-format.md §4). A later program may
// add kinds; a reader accepts any well-formed name.
const (
	FileDossiers  = "dossiers.jsonl"
	FileLetters   = "letters.jsonl"
	FileHolidays  = "holidays.jsonl"
	FileStaff     = "staff.jsonl"
	FilePledges   = "pledges.jsonl"
	FileRatings   = "ratings.jsonl"
	FileFeedback  = "feedback.jsonl"
	FileDialogues = "dialogues.jsonl"
	FileNotes     = "staff_notes.jsonl"
	FileSendings  = "letter_sendings.jsonl"
	FileReport    = "report.json"
	FileReportPDF = "report.pdf"

	ManifestName  = "manifest.json"
	SignatureName = "manifest.sig"
)

// Limits of a bundle (§1).
const (
	MaxManifest  = 1 << 20
	MaxEntries   = 64
	MaxFile      = 1 << 30
	MaxTotal     = 4 << 30
	MaxRatio     = 200
	RatioFloor   = 64 << 10
	MaxRecord    = 4 << 20
	DayLayout    = "2006-01-02"
	StampLayout  = time.RFC3339
	signatureLen = ed25519.SignatureSize
)

// Manifest is manifest.json.
type Manifest struct {
	AppVersion  string    `json:"app_version"`
	Commune     Commune   `json:"commune"`
	CreatedAt   string    `json:"created_at"`
	Files       []File    `json:"files"`
	Format      string    `json:"format"`
	KeyRotation *Rotation `json:"key_rotation,omitempty"`
	Period      Period    `json:"period"`
	Previous    string    `json:"previous"`
	Sequence    int64     `json:"sequence"`
	Signer      Signer    `json:"signer"`
}

// Commune names the sender.
type Commune struct {
	AgencyCode string `json:"agency_code"`
	Name       string `json:"name"`
}

// Period is inclusive days in Vietnam time, YYYY-MM-DD.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// File is one data file of the bundle.
type File struct {
	Name    string `json:"name"`
	Records int64  `json:"records"`
	SHA256  string `json:"sha256"`
	Size    int64  `json:"size"`
}

// Signer names the key that signed the manifest.
type Signer struct {
	KeyID     string `json:"key_id"`
	PublicKey string `json:"public_key"`
}

// Rotation is the old key's statement that newer bundles are signed by
// ToPublicKey.
type Rotation struct {
	FromKeyID   string `json:"from_key_id"`
	Signature   string `json:"signature"`
	ToPublicKey string `json:"to_public_key"`
}

// File looks a data file up by name.
func (m *Manifest) File(name string) (File, bool) {
	for _, f := range m.Files {
		if f.Name == name {
			return f, true
		}
	}
	return File{}, false
}

// SignerKey is the public key the manifest says signed it.
func (m *Manifest) SignerKey() (ed25519.PublicKey, error) {
	b, err := decodeB64(m.Signer.PublicKey)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fail(ErrManifestInvalid, ManifestName, "Khóa công khai của người ký ghi trong gói không đúng dạng. %s", askAgain)
	}
	return ed25519.PublicKey(b), nil
}

// RotatedFrom checks the manifest's key rotation against the registered
// key and returns the new key it hands over to (the bundle's signer).
func (m *Manifest) RotatedFrom(registered ed25519.PublicKey) (ed25519.PublicKey, error) {
	r := m.KeyRotation
	signer, err := m.SignerKey()
	if err != nil {
		return nil, err
	}
	wrong := fail(ErrWrongKey, "", "Gói của %s được ký bằng khóa %s, không phải khóa đã đăng ký %s, và không kèm lời chuyển khóa hợp lệ do khóa cũ ký. Không nhập gói này; hãy gọi điện cho xã để hỏi.",
		m.Commune.Name, FingerprintOf(m.Signer.KeyID), Fingerprint(registered))
	if r == nil || r.FromKeyID != KeyID(registered) || r.ToPublicKey != m.Signer.PublicKey {
		return nil, wrong
	}
	sig, err := decodeB64(r.Signature)
	if err != nil || !ed25519.Verify(registered, RotationMessage(registered, signer), sig) {
		return nil, wrong
	}
	return signer, nil
}

var (
	nameRe    = regexp.MustCompile(`^[a-z0-9_]+\.(jsonl|json|pdf)$`)
	agencyRe  = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.]*$`)
	hexHashRe = regexp.MustCompile(`^[0-9a-f]{64}$`)
	keyIDRe   = regexp.MustCompile(`^[0-9a-f]{16}$`)
)

// check validates the fields after parsing (the format is checked before).
func (m *Manifest) check() error {
	bad := func(what string) error {
		return fail(ErrManifestInvalid, ManifestName, "Bản kê (manifest.json) của gói có %s. %s", what, askAgain)
	}
	if !agencyRe.MatchString(m.Commune.AgencyCode) || len(m.Commune.AgencyCode) > 64 {
		return bad("mã cơ quan của xã không hợp lệ")
	}
	from, err1 := time.Parse(DayLayout, m.Period.From)
	to, err2 := time.Parse(DayLayout, m.Period.To)
	if err1 != nil || err2 != nil || to.Before(from) {
		return bad("kỳ dữ liệu không hợp lệ")
	}
	if _, err := time.Parse(StampLayout, m.CreatedAt); err != nil {
		return bad("thời điểm tạo không hợp lệ")
	}
	if m.Sequence < 1 {
		return bad("số thứ tự gói không hợp lệ")
	}
	if (m.Sequence == 1) != (m.Previous == "") || (m.Previous != "" && !hexHashRe.MatchString(m.Previous)) {
		return bad("mã gói trước không hợp lệ")
	}
	if !keyIDRe.MatchString(m.Signer.KeyID) {
		return bad("mã khóa ký không hợp lệ")
	}
	pub, err := m.SignerKey()
	if err != nil {
		return err
	}
	if KeyID(pub) != m.Signer.KeyID {
		return bad("mã khóa ký không khớp với khóa công khai")
	}
	if len(m.Files) > MaxEntries-2 {
		return fail(ErrTooManyEntries, ManifestName, "Bản kê của gói liệt kê %d tệp, quá giới hạn %d. %s", len(m.Files), MaxEntries-2, askAgain)
	}
	if !sort.SliceIsSorted(m.Files, func(i, j int) bool { return m.Files[i].Name < m.Files[j].Name }) {
		return bad("danh sách tệp không xếp theo tên")
	}
	var total int64
	for i, f := range m.Files {
		if !nameRe.MatchString(f.Name) || (i > 0 && m.Files[i-1].Name == f.Name) {
			return bad("tên tệp " + f.Name + " không hợp lệ hoặc lặp lại")
		}
		if !hexHashRe.MatchString(f.SHA256) || f.Size < 0 || f.Records < 0 || (f.Records != 0 && !strings.HasSuffix(f.Name, ".jsonl")) {
			return bad("thông tin tệp " + f.Name + " không hợp lệ")
		}
		if f.Size > MaxFile {
			return fail(ErrTooLarge, f.Name, "Tệp %s trong gói lớn %d byte, quá giới hạn %d byte. %s", f.Name, f.Size, MaxFile, askAgain)
		}
		total += f.Size
	}
	if total > MaxTotal {
		return fail(ErrTooLarge, "", "Dữ liệu trong gói lớn %d byte, quá giới hạn %d byte. %s", total, int64(MaxTotal), askAgain)
	}
	return nil
}

// ID is the bundle id: SHA-256 of the manifest bytes.
func ID(manifest []byte) string {
	return hex.EncodeToString(sha256Sum(manifest))
}

func isNFC(s string) bool { return norm.NFC.IsNormalString(s) }
