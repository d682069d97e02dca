package people

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"motcua/internal/textvn"
)

// Signing records that a staff member signed the pledge (ký bản cam kết) to some sets for a
// year, with the signed paper scanned. The model asks every staff member to sign again each
// year; one signing per member and year.
type Signing struct {
	ID        string    `json:"id"`
	StaffID   string    `json:"staff_id"`
	StaffName string    `json:"staff_name,omitempty"` // for lists; the register holds the name
	Year      int       `json:"year"`
	SignedOn  time.Time `json:"signed_on"` // midnight, Vietnam time
	Sets      []string  `json:"sets"`      // set codes, as chosen by the commune
	Scan      *Scan     `json:"scan,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Scan describes the signed paper attached to a signing; the bytes are stored apart.
type Scan struct {
	Name   string `json:"name"` // file name as given
	Type   string `json:"type"` // application/pdf, image/jpeg, image/png
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"`
}

// MaxScanBytes caps a scanned pledge: a one-page A4 scan at 150–200 dpi is 200 KB–1 MB as
// JPEG or PDF; 2 MiB leaves room without letting a phone photo at full resolution (or a
// wrong file) bloat the register, which travels in backups and bundles.
const MaxScanBytes = 2 << 20

// CheckScan identifies a scanned pledge by its first bytes (PDF, JPEG or PNG) and refuses an
// empty, oversized or other file.
func CheckScan(name string, data []byte) (Scan, error) {
	base := path.Base(strings.ReplaceAll(textvn.Clean(name), `\`, "/"))
	if len(data) == 0 {
		return Scan{}, fmt.Errorf("tệp bản cam kết %s trống: hãy quét lại bản đã ký", base)
	}
	if len(data) > MaxScanBytes {
		return Scan{}, fmt.Errorf("tệp bản cam kết %s nặng %.1f MB, quá mức %d MB: hãy quét lại ở độ phân giải 150–200 dpi hoặc lưu dạng JPEG", base, float64(len(data))/(1<<20), MaxScanBytes>>20)
	}
	var typ string
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		typ = "application/pdf"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		typ = "image/jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		typ = "image/png"
	default:
		return Scan{}, fmt.Errorf("tệp %s không phải PDF, JPEG hay PNG: hãy đính kèm bản quét của bản cam kết đã ký", base)
	}
	sum := sha256.Sum256(data)
	return Scan{Name: base, Type: typ, Size: len(data), SHA256: hex.EncodeToString(sum[:])}, nil
}

// CheckSigning refuses a signing the register cannot take: by someone who has left or not
// yet started on the signing day, for a year far from the signing date, with no set, or
// with a set the commune did not choose. It fills Year from the date when zero.
func CheckSigning(s Staff, chosen []PledgeSet, g *Signing) error {
	if g.SignedOn.IsZero() {
		return errors.New("chưa có ngày ký bản cam kết: hãy nhập ngày ký")
	}
	g.SignedOn = Day(g.SignedOn)
	if g.Year == 0 {
		g.Year = g.SignedOn.Year()
	}
	if s.End != nil && g.SignedOn.After(*s.End) {
		return fmt.Errorf("%s đã thôi công tác từ ngày %s nên không ký cam kết ngày %s được: chỉ cán bộ đang công tác mới ký cam kết", s.Name, s.End.Format("02/01/2006"), g.SignedOn.Format("02/01/2006"))
	}
	if !s.Working(g.SignedOn) {
		return fmt.Errorf("%s bắt đầu công tác từ ngày %s, sau ngày ký %s: hãy kiểm tra lại ngày ký", s.Name, s.Start.Format("02/01/2006"), g.SignedOn.Format("02/01/2006"))
	}
	// A pledge for next year may be signed in December; not earlier, nor for a past year.
	if y := g.SignedOn.Year(); g.Year != y && !(g.Year == y+1 && g.SignedOn.Month() == time.December) {
		return fmt.Errorf("bản cam kết năm %d không ký vào ngày %s được: hãy ký trong năm %d (hoặc tháng 12 năm trước)", g.Year, g.SignedOn.Format("02/01/2006"), g.Year)
	}
	if len(g.Sets) == 0 {
		return fmt.Errorf("chưa chọn bộ cam kết nào cho %s: hãy chọn ít nhất một bộ (4 xin, 5 không…)", s.Name)
	}
	var codes []string
	for _, c := range chosen {
		codes = append(codes, c.Code)
	}
	seen := map[string]bool{}
	for _, c := range g.Sets {
		if !slices.Contains(codes, c) {
			return fmt.Errorf("bộ cam kết %q không nằm trong các bộ xã đã chọn (%s): hãy chọn lại, hoặc thêm bộ đó trong phần cài đặt cam kết", c, strings.Join(codes, ", "))
		}
		if seen[c] {
			return fmt.Errorf("bộ cam kết %q được chọn hai lần", c)
		}
		seen[c] = true
	}
	return nil
}

// Progress is how far the staff are with this year's pledge: the model wants 100%.
type Progress struct {
	Year    int      `json:"year"`
	Staff   int      `json:"staff"`  // working on the day counted
	Signed  int      `json:"signed"` // of them, with a signing for the year
	Percent float64  `json:"percent"`
	Missing []string `json:"missing"` // names of those who have not signed, by name
}

// PledgeProgress counts, among the staff working on day, those who signed for year.
func PledgeProgress(staff []Staff, signings []Signing, year int, day time.Time) Progress {
	signed := map[string]bool{}
	for _, g := range signings {
		if g.Year == year {
			signed[g.StaffID] = true
		}
	}
	p := Progress{Year: year, Missing: []string{}}
	for _, s := range Current(staff, day) {
		p.Staff++
		if signed[s.ID] {
			p.Signed++
		} else {
			p.Missing = append(p.Missing, s.Name)
		}
	}
	slices.SortFunc(p.Missing, func(a, b string) int { return strings.Compare(textvn.Fold(a), textvn.Fold(b)) })
	if p.Staff > 0 {
		p.Percent = float64(p.Signed) * 100 / float64(p.Staff)
	}
	return p
}

// NoteKind is what a note on a staff member records.
type NoteKind string

// Note kinds: provinces score staff on both.
const (
	Violation NoteKind = "violation" // vi phạm cam kết (a complaint upheld)
	Praise    NoteKind = "praise"    // khen ngợi, biểu dương
)

// Vietnamese is the kind as listed.
func (k NoteKind) Vietnamese() string {
	switch k {
	case Violation:
		return "Vi phạm cam kết"
	case Praise:
		return "Khen ngợi"
	}
	return string(k)
}

// ParseNoteKind accepts "violation", "praise" or the Vietnamese words.
func ParseNoteKind(s string) (NoteKind, error) {
	switch textvn.Fold(s) {
	case "violation", "vi pham", "vi pham cam ket":
		return Violation, nil
	case "praise", "khen", "khen ngoi":
		return Praise, nil
	}
	return "", fmt.Errorf("không có loại ghi nhận %q: dùng violation (vi phạm cam kết) hoặc praise (khen ngợi)", s)
}

// Note is a violation of the pledge or a praise noted on a staff member, with its date and
// source (a citizen's complaint upheld, a commendation by the chair).
type Note struct {
	ID        string    `json:"id"`
	StaffID   string    `json:"staff_id"`
	Kind      NoteKind  `json:"kind"`
	On        time.Time `json:"on"`     // midnight, Vietnam time
	Source    string    `json:"source"` // nguồn: phản ánh của người dân, quyết định khen thưởng…
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Check normalises a note and refuses one without kind, date, source or text.
func (n *Note) Check() error {
	n.Source, n.Text = textvn.Clean(n.Source), textvn.Clean(n.Text)
	if n.Kind != Violation && n.Kind != Praise {
		_, err := ParseNoteKind(string(n.Kind))
		return err
	}
	if n.On.IsZero() {
		return errors.New("chưa có ngày của ghi nhận: hãy nhập ngày")
	}
	n.On = Day(n.On)
	if n.Source == "" {
		return errors.New("chưa ghi nguồn của ghi nhận (phản ánh của người dân, quyết định khen thưởng…): tỉnh chấm điểm cán bộ theo nguồn, hãy ghi rõ")
	}
	if n.Text == "" {
		return errors.New("chưa ghi nội dung ghi nhận: hãy ghi việc gì đã xảy ra")
	}
	return nil
}
