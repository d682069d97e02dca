// Package letters owns the letters a commune sends to citizens under the model "Chính quyền
// thân thiện, vì Nhân dân phục vụ" (REFERENCE §8): their kinds, their editable wording with
// merge fields, which register events propose which letter, and the numbering rule of the
// yearly outgoing-document book. It is pure: the store persists the book, internal/docs
// prints the letters.
package letters

import (
	"fmt"
	"io/fs"
	"strings"
	"time"

	"motcua/assets"
)

// Kind is a kind of letter (loại thư).
type Kind string

// The five letter kinds the model names, and a free letter for anything else.
const (
	Thanks     Kind = "thanks"     // thư cảm ơn
	Apology    Kind = "apology"    // thư xin lỗi
	Marriage   Kind = "marriage"   // thư chúc mừng kết hôn
	Birth      Kind = "birth"      // thư chúc mừng khai sinh
	Condolence Kind = "condolence" // thư chia buồn
	Other      Kind = "other"      // thư khác: a free letter (thăm hỏi, mời, động viên…) with its own title
)

var kindInfo = []struct {
	kind  Kind
	name  string // as listed in the app
	title string // as printed above the letter
}{
	{Thanks, "Thư cảm ơn", "THƯ CẢM ƠN"},
	{Apology, "Thư xin lỗi", "THƯ XIN LỖI"},
	{Marriage, "Thư chúc mừng kết hôn", "THƯ CHÚC MỪNG"},
	{Birth, "Thư chúc mừng khai sinh", "THƯ CHÚC MỪNG"},
	{Condolence, "Thư chia buồn", "THƯ CHIA BUỒN"},
	{Other, "Thư khác", "THƯ"},
}

// Kinds lists the letter kinds in the order the app shows them.
func Kinds() []Kind {
	ks := make([]Kind, len(kindInfo))
	for i, k := range kindInfo {
		ks[i] = k.kind
	}
	return ks
}

// ParseKind accepts a kind's code ("birth"), refusing anything else in Vietnamese.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.TrimSpace(s))
	if k.Valid() {
		return k, nil
	}
	codes := make([]string, len(kindInfo))
	for i, ki := range kindInfo {
		codes[i] = string(ki.kind)
	}
	return "", fmt.Errorf("không có loại thư %q: các loại thư là %s", s, strings.Join(codes, ", "))
}

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool {
	for _, ki := range kindInfo {
		if ki.kind == k {
			return true
		}
	}
	return false
}

// Name is the kind as listed in the app: "Thư chúc mừng khai sinh".
func (k Kind) Name() string {
	for _, ki := range kindInfo {
		if ki.kind == k {
			return ki.name
		}
	}
	return string(k)
}

// Title is the kind as printed above the letter, in capitals: "THƯ CHÚC MỪNG".
func (k Kind) Title() string {
	for _, ki := range kindInfo {
		if ki.kind == k {
			return ki.title
		}
	}
	return strings.ToUpper(string(k))
}

// DefaultTemplate returns the wording shipped for the kind (assets/letters/<kind>.txt).
func DefaultTemplate(k Kind) (string, error) {
	if !k.Valid() {
		_, err := ParseKind(string(k))
		return "", err
	}
	b, err := fs.ReadFile(assets.LetterTemplates, "letters/"+string(k)+".txt")
	if err != nil {
		return "", fmt.Errorf("không đọc được mẫu thư mặc định %s: %v", k.Name(), err)
	}
	return string(b), nil
}

// Zone is Vietnam time, in which letters are dated and numbered.
var Zone = time.FixedZone("ICT", 7*3600)

// DateInWords writes a date the way Decree 30/2020 wants it in a document: "ngày 05 tháng 02
// năm 2026". Days below 10 and the months January and February take a leading zero (so that
// nobody can turn "tháng 1" into "tháng 11"); the other months do not: "ngày 15 tháng 3 năm
// 2026". The date is taken in Vietnam time.
func DateInWords(t time.Time) string {
	t = t.In(Zone)
	m := int(t.Month())
	month := fmt.Sprint(m)
	if m <= 2 {
		month = fmt.Sprintf("%02d", m)
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
}

// TimeInWords writes a time the way forms and letters print it: "16 giờ 00 phút, ngày 10
// tháng 02 năm 2026", in Vietnam time.
func TimeInWords(t time.Time) string {
	t = t.In(Zone)
	return fmt.Sprintf("%02d giờ %02d phút, %s", t.Hour(), t.Minute(), DateInWords(t))
}
