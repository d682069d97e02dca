package letters

import (
	"fmt"
	"strings"
	"time"
)

// FormatNumber writes a document number as printed after "Số:": at least two digits, "05",
// "12", "105" (Decree 30/2020: numbers are written in Arabic numerals from 01).
func FormatNumber(n int) string { return fmt.Sprintf("%02d", n) }

// Reference is the number and symbol as printed after "Số:", e.g. "05/UBND".
func Reference(n int, symbol string) string {
	if symbol = strings.TrimSpace(symbol); symbol == "" {
		return FormatNumber(n)
	}
	return FormatNumber(n) + "/" + symbol
}

// DefaultSymbol is the symbol (ký hiệu) of a letter issued by the commune's People's Committee.
//
// Choice: letters are "thư công", one of the 29 document types of Decree 30/2020 (Điều 7), but
// its Appendix III gives no abbreviation for that type (unlike "TB" for thông báo or "GM" for
// giấy mời; "TC" is thông cáo, not thư). A document type without an abbreviation is
// numbered like a công văn: number / the issuing body's abbreviation, optionally followed by
// "-" and the drafting unit's, e.g. "05/UBND" or "05/UBND-VP". So every kind gets "UBND" by
// default; a province that prescribes another symbol sets it per kind through Symbols.
const DefaultSymbol = "UBND"

// Symbols overrides the symbol per letter kind; kinds not in the map use DefaultSymbol.
type Symbols map[Kind]string

// For returns the symbol for kind k.
func (s Symbols) For(k Kind) string {
	if v := strings.TrimSpace(s[k]); v != "" {
		return v
	}
	return DefaultSymbol
}

// Book is the yearly outgoing-document book (sổ đăng ký văn bản đi) of one issuing body, as
// far as numbering goes: Decree 30/2020 numbers documents from 01 on 1 January to 31 December,
// and a number once given is never given again, even when the letter is cancelled. The store
// persists Year and Last (one row per issuing body) and calls Next inside the transaction
// that records the letter, so two clerks can never draw the same number.
type Book struct {
	Year int `json:"year"` // the year the last number was given in; 0 for a new book
	Last int `json:"last"` // the last number given in Year; 0 when none yet
}

// Next gives the number for a document dated at (taken in Vietnam time) and the book after
// it. The first document of a year gets 01. A date in a year before the book's is refused:
// that year's book is closed, and numbering into it again could repeat a number.
func (b Book) Next(at time.Time) (int, Book, error) {
	y := at.In(Zone).Year()
	switch {
	case y < b.Year:
		return 0, b, fmt.Errorf("không cấp được số văn bản đề ngày %s: sổ văn bản đi đã sang năm %d, số của năm %d đã khóa. Hãy kiểm tra lại ngày giờ của máy tính", at.In(Zone).Format("02/01/2006"), b.Year, y)
	case y > b.Year:
		return 1, Book{Year: y, Last: 1}, nil
	}
	return b.Last + 1, Book{Year: y, Last: b.Last + 1}, nil
}
