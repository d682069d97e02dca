// Package xlsximport reads the register communes keep today in Excel: it
// finds the heading row, guesses which column holds which field from the
// usual Vietnamese headings, and turns every row into a record or a
// problem with its line number and reason. It is pure: it reads a workbook
// from an io.Reader and knows nothing of the database; internal/office
// matches procedures, skips duplicates and saves in one transaction.
package xlsximport

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/internal/calendar"
	"motcua/internal/textvn"
)

// Field is a register field a column can hold.
type Field string

const (
	FEntry     Field = "entry"     // TT, số thứ tự
	FCode      Field = "code"      // mã hồ sơ
	FProcedure Field = "procedure" // tên TTHC
	FSets      Field = "sets"      // số lượng hồ sơ (bộ)
	FApplicant Field = "applicant" // tên cá nhân, tổ chức
	FAddress   Field = "address"   // địa chỉ
	FPhone     Field = "phone"     // số điện thoại
	FReceived  Field = "received"  // ngày nhận hồ sơ
	FDue       Field = "due"       // ngày hẹn trả kết quả
	FReturned  Field = "returned"  // ngày trả kết quả
	FNote      Field = "note"      // ghi chú
)

// Fields lists the fields in the order of the paper book.
var Fields = []Field{FEntry, FCode, FProcedure, FSets, FApplicant, FAddress, FPhone, FReceived, FDue, FReturned, FNote}

// Vietnamese names a field as the clerk reads it.
func (f Field) Vietnamese() string {
	switch f {
	case FEntry:
		return "TT"
	case FCode:
		return "Mã hồ sơ"
	case FProcedure:
		return "Tên TTHC"
	case FSets:
		return "Số bộ hồ sơ"
	case FApplicant:
		return "Tên cá nhân, tổ chức"
	case FAddress:
		return "Địa chỉ"
	case FPhone:
		return "Số điện thoại"
	case FReceived:
		return "Ngày nhận"
	case FDue:
		return "Ngày hẹn trả"
	case FReturned:
		return "Ngày trả kết quả"
	case FNote:
		return "Ghi chú"
	}
	return string(f)
}

// Required are the fields a sheet must have.
var Required = []Field{FProcedure, FApplicant, FReceived}

// guesses are folded heading fragments, most specific first.
var guesses = []struct {
	f     Field
	words []string
}{
	{FCode, []string{"ma ho so", "ma hs", "so ho so"}},
	{FDue, []string{"hen tra", "ngay hen", "han tra", "han giai quyet"}},
	{FReturned, []string{"tra ket qua", "ngay tra", "da tra"}},
	{FReceived, []string{"nhan ho so", "ngay nhan", "tiep nhan", "ngay nop"}},
	{FProcedure, []string{"tthc", "thu tuc", "linh vuc"}},
	{FSets, []string{"so luong", "so bo"}},
	{FPhone, []string{"dien thoai", "sdt", "dt"}},
	{FAddress, []string{"dia chi"}},
	{FApplicant, []string{"ten ca nhan", "to chuc", "ho ten", "ho va ten", "nguoi nop", "cong dan", "ten nguoi"}},
	{FNote, []string{"ghi chu"}},
	{FEntry, []string{"tt", "stt", "so thu tu"}},
}

// Mapping says which column (0-based) holds each field.
type Mapping map[Field]int

// Guess maps the headings it recognises. A heading naming both the address
// and the phone ("Địa chỉ, số điện thoại") maps to both.
func Guess(header []string) Mapping {
	m := Mapping{}
	for i, h := range header {
		fh := " " + strings.Join(strings.FieldsFunc(textvn.Fold(h), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}), " ") + " "
		if strings.TrimSpace(fh) == "" {
			continue
		}
		for _, g := range guesses {
			if _, taken := m[g.f]; taken {
				continue
			}
			hit := false
			for _, w := range g.words {
				if strings.Contains(fh, " "+w+" ") {
					hit = true
				}
			}
			if hit {
				m[g.f] = i
				if g.f != FAddress && g.f != FPhone {
					break
				}
			}
		}
	}
	return m
}

// Missing lists the required fields the mapping lacks.
func (m Mapping) Missing() []Field {
	var out []Field
	for _, f := range Required {
		if _, ok := m[f]; !ok {
			out = append(out, f)
		}
	}
	return out
}

// String prints the mapping as --map takes it: "code=B,procedure=C,…".
func (m Mapping) String() string {
	var parts []string
	for _, f := range Fields {
		if c, ok := m[f]; ok {
			name, _ := excelize.ColumnNumberToName(c + 1)
			parts = append(parts, string(f)+"="+name)
		}
	}
	return strings.Join(parts, ",")
}

// Override applies "field=COLUMN,…" (a column letter such as C, or a
// heading's exact text) on top of m.
func (m Mapping) Override(spec string, header []string) error {
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return fmt.Errorf("ánh xạ cột %q không đúng dạng trường=CỘT, ví dụ procedure=C", part)
		}
		f := Field(strings.TrimSpace(k))
		known := false
		for _, x := range Fields {
			known = known || x == f
		}
		if !known {
			var names []string
			for _, x := range Fields {
				names = append(names, string(x))
			}
			return fmt.Errorf("trường %q không có; dùng một trong: %s", k, strings.Join(names, ", "))
		}
		v = strings.TrimSpace(v)
		if v == "" || v == "-" {
			delete(m, f)
			continue
		}
		col := -1
		for i, h := range header {
			if textvn.Fold(h) == textvn.Fold(v) {
				col = i
			}
		}
		if col < 0 {
			n, err := excelize.ColumnNameToNumber(strings.ToUpper(v))
			if err != nil {
				return fmt.Errorf("cột %q của trường %s không có: nhập chữ cái của cột (A, B, …) hoặc đúng tiêu đề cột", v, f)
			}
			col = n - 1
		}
		m[f] = col
	}
	return nil
}

// Sheet is the register sheet as read: its heading and data rows.
type Sheet struct {
	Name      string
	HeaderRow int // 1-based line of the heading
	Header    []string
	Rows      []Line
}

// Line is one data row with its line number in the sheet.
type Line struct {
	No    int
	Cells []string
}

// Read opens the workbook and finds the register: the first sheet whose
// first 15 rows hold a heading naming at least three fields. Cells are read
// raw, so a date cell gives its Excel serial number whatever its format.
func Read(r io.Reader) (*Sheet, error) {
	x, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("không đọc được tệp Excel (.xlsx): %v. Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dạng .xlsx", err)
	}
	defer x.Close()
	// The register is the first sheet whose heading names every required
	// field (a workbook may hold a summary sheet first); failing that, the
	// first heading naming at least three fields, so the clerk can map the rest.
	var fallback *Sheet
	for _, name := range x.GetSheetList() {
		rows, err := x.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("không đọc được trang %s: %v", name, err)
		}
		for i := 0; i < len(rows) && i < 15; i++ {
			if len(Guess(rows[i])) < 3 {
				continue
			}
			s := &Sheet{Name: name, HeaderRow: i + 1, Header: rows[i]}
			start := i + 1
			// A two-row heading, as the paper book has ("Ngày, tháng, năm"
			// over "Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả"): the
			// second row completes the first.
			if i+1 < len(rows) {
				merged := mergeHeader(rows[i], rows[i+1])
				if len(Guess(merged)) > len(Guess(rows[i])) {
					s.Header, start = merged, i+2
				}
			}
			for j := start; j < len(rows); j++ {
				if !blankOrNumbering(rows[j]) {
					s.Rows = append(s.Rows, Line{No: j + 1, Cells: rows[j]})
				}
			}
			if len(Guess(s.Header).Missing()) == 0 {
				return s, nil
			}
			if fallback == nil {
				fallback = s
			}
			break
		}
	}
	if fallback != nil {
		return fallback, nil
	}
	return nil, fmt.Errorf("không tìm thấy dòng tiêu đề của sổ (cần các cột như Mã hồ sơ, Tên TTHC, Tên cá nhân/tổ chức, Ngày nhận) trong 15 dòng đầu của trang nào")
}

// mergeHeader joins a heading row with the row under it, column by column.
func mergeHeader(a, b []string) []string {
	out := make([]string, max(len(a), len(b)))
	last := ""
	for i := range out {
		var x, y string
		if i < len(a) {
			x = strings.TrimSpace(a[i])
		}
		if i < len(b) {
			y = strings.TrimSpace(b[i])
		}
		if x == "" && y != "" {
			x = last // under a merged cell that spans several columns
		} else if x != "" {
			last = x
		}
		out[i] = strings.TrimSpace(x + " " + y)
	}
	return out
}

var numberingRe = regexp.MustCompile(`^\(?\d{1,2}\)?$`)

// blankOrNumbering reports an empty row, or the row of column numbers
// "(1) (2) (3) …" that Vietnamese forms print under their heading.
func blankOrNumbering(cells []string) bool {
	n, nums := 0, 0
	for _, c := range cells {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		n++
		if numberingRe.MatchString(c) {
			nums++
		}
	}
	return n == 0 || (n >= 4 && nums == n)
}

// Record is one row turned into register fields.
type Record struct {
	Line      int        `json:"line"`
	Entry     int        `json:"entry,omitempty"`
	Code      string     `json:"code,omitempty"`
	Procedure string     `json:"procedure"`
	Sets      int        `json:"sets"`
	Applicant string     `json:"applicant"`
	Address   string     `json:"address,omitempty"`
	Phone     string     `json:"phone,omitempty"`
	Received  time.Time  `json:"received"`
	HasTime   bool       `json:"-"` // the received cell had a time of day
	Due       *time.Time `json:"due,omitempty"`
	Returned  *time.Time `json:"returned,omitempty"`
	Note      string     `json:"note,omitempty"`
}

// Problem is a row that cannot be imported, and why.
type Problem struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// Records parses every row by the mapping.
func (s *Sheet) Records(m Mapping) ([]Record, []Problem) {
	var recs []Record
	var probs []Problem
	cell := func(l Line, f Field) string {
		c, ok := m[f]
		if !ok || c >= len(l.Cells) {
			return ""
		}
		return textvn.Clean(l.Cells[c])
	}
	for _, l := range s.Rows {
		r := Record{Line: l.No, Code: cell(l, FCode), Procedure: cell(l, FProcedure), Applicant: cell(l, FApplicant),
			Address: cell(l, FAddress), Phone: cell(l, FPhone), Note: cell(l, FNote), Sets: 1}
		if ca, okA := m[FAddress]; okA && r.Address != "" {
			if cp, okP := m[FPhone]; okP && cp == ca {
				r.Address, r.Phone = splitPhone(r.Address)
			}
		}
		var why []string
		if v := cell(l, FEntry); v != "" {
			if n, err := strconv.Atoi(strings.TrimSuffix(v, ".0")); err == nil {
				r.Entry = n
			}
		}
		if v := cell(l, FSets); v != "" {
			n, err := strconv.Atoi(strings.TrimSuffix(v, ".0"))
			if err != nil || n < 1 || n > 1000 {
				why = append(why, fmt.Sprintf("số bộ hồ sơ %q không phải số từ 1 đến 1000", v))
			} else {
				r.Sets = n
			}
		}
		if r.Procedure == "" {
			why = append(why, "thiếu tên thủ tục")
		}
		if r.Applicant == "" {
			why = append(why, "thiếu tên cá nhân, tổ chức")
		}
		v := cell(l, FReceived)
		if v == "" {
			why = append(why, "thiếu ngày nhận hồ sơ")
		} else if t, hasTime, err := ParseDate(v); err != nil {
			why = append(why, "ngày nhận: "+err.Error())
		} else {
			r.Received, r.HasTime = t, hasTime
		}
		for _, d := range []struct {
			f    Field
			dst  **time.Time
			name string
		}{{FDue, &r.Due, "ngày hẹn trả"}, {FReturned, &r.Returned, "ngày trả kết quả"}} {
			v := cell(l, d.f)
			if v == "" {
				continue
			}
			t, _, err := ParseDate(v)
			if err != nil {
				why = append(why, d.name+": "+err.Error())
				continue
			}
			*d.dst = &t
		}
		if r.Returned != nil && !r.Received.IsZero() && dayOf(*r.Returned) < dayOf(r.Received) {
			why = append(why, fmt.Sprintf("ngày trả kết quả %s trước ngày nhận %s", r.Returned.Format("02/01/2006"), r.Received.Format("02/01/2006")))
		}
		if len(why) > 0 {
			probs = append(probs, Problem{Line: l.No, Reason: strings.Join(why, "; ")})
			continue
		}
		recs = append(recs, r)
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
	return recs, probs
}

func dayOf(t time.Time) int { y, m, d := t.Date(); return y*10000 + int(m)*100 + d }

// splitPhone separates a trailing phone number from "Thôn Đông, 0912 345 678".
func splitPhone(s string) (addr, phone string) {
	i := len(s)
	for i > 0 && strings.ContainsRune("0123456789 .+-()", rune(s[i-1])) {
		i--
	}
	if len(textvn.Digits(s[i:])) < 9 {
		return s, ""
	}
	return strings.TrimRight(strings.TrimSpace(s[:i]), ",;-–"), strings.TrimSpace(s[i:])
}

// ParseDate reads a date as Vietnamese registers write it: dd/mm/yyyy
// (also with "-" or "." and with a time "08:30"), yyyy-mm-dd, or an Excel
// serial number (days since 30/12/1899, a fraction for the time of day).
func ParseDate(s string) (t time.Time, hasTime bool, err error) {
	s = strings.TrimSpace(s)
	if f, e := strconv.ParseFloat(s, 64); e == nil {
		if math.IsNaN(f) || f < 20000 || f > 120000 { // 1954 … 2228 (NaN compares false: "NaN" read as 30/12/1899, found by FuzzParseDate)
			return time.Time{}, false, fmt.Errorf("%q không phải ngày hợp lệ", s)
		}
		days := math.Floor(f)
		mins := math.Round((f - days) * 24 * 60)
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, calendar.Zone).AddDate(0, 0, int(days)).Add(time.Duration(mins) * time.Minute)
		return t, mins > 0, nil
	}
	norm := strings.NewReplacer("-", "/", ".", "/", "h", ":", "g", ":").Replace(strings.ToLower(s))
	for _, layout := range []struct {
		l    string
		time bool
	}{{"2/1/2006 15:04", true}, {"15:04 2/1/2006", true}, {"2/1/2006", false}, {"2006/1/2 15:04", true}, {"2006/1/2", false}, {"2/1/06", false}} {
		if t, err := time.ParseInLocation(layout.l, norm, calendar.Zone); err == nil {
			if t.Year() < 1954 || t.Year() > 2228 {
				break
			}
			return t, layout.time, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("%q không đọc được; nhập dạng ngày/tháng/năm, ví dụ 05/01/2027", s)
}
