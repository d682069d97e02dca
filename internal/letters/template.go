package letters

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"motcua/internal/textvn"
)

// Template syntax
//
// A letter template is plain text. Paragraphs are separated by a blank line; the line breaks
// inside a paragraph are only for the editor and print as spaces. A merge field is a field
// name in single braces, {ho_ten}; written with a capital first letter, {Ho_ten}, it prints
// its value with a capital first letter (for a field that opens a sentence). "{{" and "}}"
// print a literal brace. Any other name in braces is refused, naming it.

// Field is a merge field a template may use.
type Field struct {
	Name    string // as written in braces
	Meaning string // in Vietnamese, for the editor's help panel
	Example string
}

// fields is the complete list; Parse refuses any other name.
var fields = []Field{
	{"nguoi_nhan", "người nhận thư, có danh xưng", "ông Nguyễn Văn An; anh Nguyễn Văn An và chị Lê Thị Bình"},
	{"danh_xung", "cách gọi người nhận trong thân thư", "ông; bà; anh chị; gia đình"},
	{"ho_ten", "họ và tên người nhận (người nộp hồ sơ)", "Nguyễn Văn An"},
	{"dia_chi", "địa chỉ người nhận", "thôn Trung, xã Đông Văn"},
	{"ngay", "ngày của sự việc (kết hôn, sinh, mất, nộp hồ sơ), viết bằng chữ", "ngày 05 tháng 02 năm 2026"},
	{"thu_tuc", "tên thủ tục hành chính", "Đăng ký khai sinh"},
	{"ma_ho_so", "mã hồ sơ", "000.17.22.H56-260205-0001"},
	{"ten_xa", "tên xã, phường", "xã Đông Văn"},
	{"co_quan", "tên cơ quan gửi thư", "Ủy ban nhân dân xã Đông Văn"},
	{"chu_tich", "họ tên người ký thư", "Lê Văn Tuấn"},
	{"ten_con", "tên cháu bé (thư chúc mừng khai sinh)", "Nguyễn Gia Bảo"},
	{"nguoi_mat", "người đã mất, có danh xưng (thư chia buồn)", "cụ ông Lê Văn Cường"},
	{"ly_do", "lý do chậm trễ (thư xin lỗi)", "phải xác minh thêm tại nơi cư trú trước đây"},
	{"ngay_hen", "ngày hẹn trả kết quả mới (thư xin lỗi)", "16 giờ 00 phút, ngày 10 tháng 02 năm 2026"},
	{"noi_dung", "việc được cảm ơn (thư cảm ơn)", "ủng hộ 50 triệu đồng xây dựng nhà văn hóa thôn"},
	{"tieu_de", "tiêu đề in trên thư khác, thay cho chữ THƯ", "THƯ THĂM HỎI"},
	{"loi_thu", "nội dung chính của thư khác", "nhân dịp Tết Nguyên đán, Ủy ban nhân dân xã đến thăm và tặng quà gia đình"},
}

// Fields lists the merge fields a template may use.
func Fields() []Field { return append([]Field(nil), fields...) }

func knownField(name string) bool {
	for _, f := range fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// Template is a parsed letter template.
type Template struct {
	paras [][]piece
	used  []string // field names, sorted, each once
}

// piece is literal text or a merge field.
type piece struct {
	text  string // literal text, or the field name
	field bool
	upper bool // capitalise the value's first letter
}

// UnknownFieldError is returned by Parse for braces naming no known field.
type UnknownFieldError struct{ Names []string }

func (e *UnknownFieldError) Error() string {
	return "mẫu thư dùng trường không có: " + braces(e.Names) +
		". Hãy sửa lại tên trường; các trường dùng được: " + braces(fieldNames())
}

// MissingValueError is returned by Render when a field the template uses has no value.
type MissingValueError struct{ Names []string }

func (e *MissingValueError) Error() string {
	var parts []string
	for _, n := range e.Names {
		for _, f := range fields {
			if f.Name == n {
				parts = append(parts, "{"+n+"} ("+f.Meaning+")")
			}
		}
	}
	return "mẫu thư cần giá trị cho " + strings.Join(parts, ", ") + " nhưng chưa có: hãy nhập các giá trị đó rồi thử lại"
}

// Parse checks a template and prepares it for Render. It refuses an unknown field, naming
// it: "mẫu thư dùng trường không có: {ten_vo}", an unclosed or stray brace, and an empty
// template.
func Parse(src string) (*Template, error) {
	src = textvn.NFC(strings.ReplaceAll(src, "\r\n", "\n"))
	t := &Template{}
	var unknown []string
	used, seenUnknown := map[string]bool{}, map[string]bool{}
	for _, block := range paragraphs(src) {
		var ps []piece
		var lit strings.Builder
		flush := func() {
			if lit.Len() > 0 {
				ps = append(ps, piece{text: lit.String()})
				lit.Reset()
			}
		}
		for i := 0; i < len(block); {
			switch {
			case strings.HasPrefix(block[i:], "{{"):
				lit.WriteByte('{')
				i += 2
			case strings.HasPrefix(block[i:], "}}"):
				lit.WriteByte('}')
				i += 2
			case block[i] == '}':
				return nil, fmt.Errorf("mẫu thư có dấu } thừa ở đoạn %q: tên trường phải nằm trong cặp ngoặc, ví dụ {ho_ten}; muốn in dấu } thì viết }}", excerpt(block, i))
			case block[i] == '{':
				end := strings.IndexAny(block[i+1:], "{}")
				if end < 0 || block[i+1+end] != '}' {
					return nil, fmt.Errorf("mẫu thư có dấu { chưa đóng ở đoạn %q: viết tên trường trong cặp ngoặc, ví dụ {ho_ten}; muốn in dấu { thì viết {{", excerpt(block, i))
				}
				raw := block[i+1 : i+1+end]
				name, upper := fieldKey(raw)
				flush()
				switch {
				case knownField(name):
					used[name] = true
				case !seenUnknown[raw]:
					unknown = append(unknown, raw)
					seenUnknown[raw] = true
				}
				ps = append(ps, piece{text: name, field: true, upper: upper})
				i += end + 2
			default:
				lit.WriteByte(block[i])
				i++
			}
		}
		flush()
		t.paras = append(t.paras, ps)
	}
	if len(unknown) > 0 {
		return nil, &UnknownFieldError{Names: unknown}
	}
	if len(t.paras) == 0 {
		return nil, fmt.Errorf("mẫu thư đang trống: hãy nhập nội dung thư, các đoạn cách nhau một dòng trống")
	}
	for n := range used {
		t.used = append(t.used, n)
	}
	sort.Strings(t.used)
	return t, nil
}

// Uses lists the fields the template uses, sorted.
func (t *Template) Uses() []string { return append([]string(nil), t.used...) }

// Render fills the fields in and returns the paragraphs, NFC, with white space collapsed.
// A field the template uses but values leave empty is an error naming every such field;
// values the template does not use are ignored.
func (t *Template) Render(values map[string]string) ([]string, error) {
	var missing []string
	for _, n := range t.used {
		if textvn.Clean(values[n]) == "" {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return nil, &MissingValueError{Names: missing}
	}
	out := make([]string, 0, len(t.paras))
	for _, ps := range t.paras {
		var b strings.Builder
		for _, p := range ps {
			if !p.field {
				b.WriteString(p.text)
				continue
			}
			v := textvn.Clean(values[p.text])
			if p.upper {
				v = capitalize(v)
			}
			b.WriteString(v)
		}
		if s := textvn.Clean(b.String()); s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// Render parses src and renders it with values.
func Render(src string, values map[string]string) ([]string, error) {
	t, err := Parse(src)
	if err != nil {
		return nil, err
	}
	return t.Render(values)
}

// paragraphs splits on blank lines and joins the lines of each paragraph with spaces.
func paragraphs(src string) []string {
	var out []string
	var cur []string
	for _, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.TrimSpace(line))
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// fieldKey maps "Ho_ten" to ("ho_ten", true) and trims stray spaces: "{ ho_ten }".
func fieldKey(raw string) (string, bool) {
	s := strings.TrimSpace(raw)
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) {
		return string(unicode.ToLower(r)) + s[n:], true
	}
	return s, false
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func fieldNames() []string {
	ns := make([]string, len(fields))
	for i, f := range fields {
		ns[i] = f.Name
	}
	return ns
}

func braces(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	return strings.Join(out, ", ")
}

// excerpt shows up to 30 characters of s from byte i, for error messages.
func excerpt(s string, i int) string {
	r := []rune(s[i:])
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return string(r)
}
