package docs

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"motcua/assets"
)

// Block is one step of a form's layout, as data (assets/forms/*.json). Text is a template:
// {field} or {field|dots} (dots when empty) or {field|stop} (ends the sentence), **bold**,
// _italic_, and [[ … ]] for a part printed only when every field in it has a value.
type Block struct {
	Type       string            `json:"type"`                 // one of blockTypes
	Text       string            `json:"text,omitempty"`       // text, body, label (the value), qr
	Label      string            `json:"label,omitempty"`      // label: printed before ": "
	Align      string            `json:"align,omitempty"`      // text: left (default), center, justify
	Size       string            `json:"size,omitempty"`       // text: "text" (default) or "small"
	After      float64           `json:"after,omitempty"`      // text: space after, pt
	Hang       float64           `json:"hang,omitempty"`       // text: indent of the lines after the first, mm on A5 (scaled)
	Pt         float64           `json:"pt,omitempty"`         // gap: pt
	Relative   string            `json:"relative,omitempty"`   // gap: "after" adds the paper's space between paragraphs
	When       []string          `json:"when,omitempty"`       // conditions, all must hold: field, !field, field=value, field!=value
	Columns    []Column          `json:"columns,omitempty"`    // documents, handovers
	EmptyRows  int               `json:"empty_rows,omitempty"` // documents: rows printed when there is none; handovers: at least this many
	Signers    []Signer          `json:"signers,omitempty"`    // signatures: one (right half) or two (side by side)
	Recipients []string          `json:"recipients,omitempty"` // closing: "Nơi nhận" after "Như trên", before the archive
	Labels     map[string]string `json:"labels,omitempty"`     // signatures: sign_note; handovers: from, to, giver, receiver, sign_note
	runs       []tmpl            // parsed Text
	label      []tmpl            // parsed Label
	cols       [][]tmpl          // parsed column texts
	signers    [][2]tmpl         // parsed signer title and name
	recips     []tmpl
}

// Column is a table column: its heading, width (mm on A5, scaled to the paper; 0 takes what
// the others leave), alignment and, for documents, the cell's template.
type Column struct {
	Title string  `json:"title"`
	Width float64 `json:"width,omitempty"`
	Align string  `json:"align,omitempty"`
	Text  string  `json:"text,omitempty"`
	Value string  `json:"value,omitempty"` // register book: what the column holds (one of registerValues)
	Group string  `json:"group,omitempty"` // register book: a heading over neighbouring columns of the same group
}

// registerValues are what a register book column can hold.
var registerValues = []string{"no", "code", "procedure", "sets", "applicant", "address_phone", "handling_unit",
	"received", "due", "forwarded", "result", "returned", "result_method", "signature", "note"}

// Signer is a signature block: capital title, and the signer's name under the room to sign.
type Signer struct {
	Title string `json:"title"`
	Name  string `json:"name"`
}

// blockTypes are the layout steps the engine knows.
var blockTypes = []string{"text", "body", "label", "gap", "mark", "qr", "qr_end", "items", "documents", "handovers", "signatures", "closing"}

// formFields are the fields a form's text may use, and what they print.
var formFields = map[string]string{
	"code": "mã hồ sơ", "copy": "liên (giấy tiếp nhận)", "applicant": "họ tên người nộp", "address": "địa chỉ",
	"phone": "số điện thoại", "email": "thư điện tử", "procedure": "thủ tục", "counter": "bộ phận một cửa",
	"body": "cơ quan (UBND xã)", "counter_phone": "số điện thoại của bộ phận một cửa", "received": "thời gian nhận hồ sơ",
	"due": "thời gian hẹn trả", "new_due": "thời gian hẹn trả mới", "reason": "lý do", "limit": "thời hạn giải quyết",
	"sets": "số bộ hồ sơ", "book": "quyển số", "entry": "số thứ tự", "result_method": "nơi nhận kết quả",
	"result_code": "counter, post hoặc online", "issued_date": "ngày của phiếu (dd/mm/yyyy)", "officer": "cán bộ ký phiếu",
	"received_by": "người tiếp nhận", "stop_by": "applicant hoặc agency", "handling_unit": "cơ quan giải quyết",
	"coordinating": "cơ quan phối hợp", "office_address": "địa chỉ trụ sở (cài đặt address)",
	"paper": "khổ giấy đang in: A4 hoặc A5 (dùng trong điều kiện \"when\")",
	// table cells
	"n": "số thứ tự của dòng", "name": "tên giấy tờ", "form": "hình thức (bản chính, bản sao…)", "count": "số lượng",
}

// tmpl is one run of a parsed template: a style and parts, each literal text or a field, with
// optional parts ([[ … ]]) printed only when all their fields have values.
type tmpl struct {
	st    style
	parts []tpart
}

type tpart struct {
	lit      string
	field    string
	filter   string // "", "dots", "stop"
	optional []tpart
}

var fieldRe = regexp.MustCompile(`^\{([a-z_]+)(?:\|(dots|stop))?\}`)

// parseTemplate splits s into styled runs (** toggles bold, _ italic) and their parts.
func parseTemplate(s string) ([]tmpl, error) {
	var out []tmpl
	boldOn, italOn := false, false
	cur := tmpl{st: regular}
	flush := func() {
		if len(cur.parts) > 0 {
			out = append(out, cur)
		}
		cur = tmpl{st: styleOf(boldOn, italOn)}
	}
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "**"):
			flush()
			boldOn = !boldOn
			cur.st = styleOf(boldOn, italOn)
			s = s[2:]
		case strings.HasPrefix(s, "_"):
			flush()
			italOn = !italOn
			cur.st = styleOf(boldOn, italOn)
			s = s[1:]
		case strings.HasPrefix(s, "[["):
			end := strings.Index(s, "]]")
			if end < 0 {
				return nil, errors.New("thiếu ]] đóng phần tùy chọn")
			}
			inner, err := parseParts(s[2:end])
			if err != nil {
				return nil, err
			}
			cur.parts = append(cur.parts, tpart{optional: inner})
			s = s[end+2:]
		default:
			n := nextMark(s)
			ps, err := parseParts(s[:n])
			if err != nil {
				return nil, err
			}
			cur.parts = append(cur.parts, ps...)
			s = s[n:]
		}
	}
	if boldOn || italOn {
		return nil, errors.New("thiếu dấu ** hoặc _ đóng kiểu chữ")
	}
	flush()
	return out, nil
}

// nextMark is where the next **, _ or [[ starts in s, outside {fields} (whose names have
// underscores), or len(s).
func nextMark(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '{':
			if j := strings.IndexByte(s[i:], '}'); j > 0 {
				i += j
			}
		case s[i] == '_', strings.HasPrefix(s[i:], "**"), strings.HasPrefix(s[i:], "[["):
			return i
		}
	}
	return len(s)
}

func styleOf(b, i bool) style {
	switch {
	case b && i:
		return boldItalic
	case b:
		return bold
	case i:
		return italic
	}
	return regular
}

// parseParts splits plain text into literals and {fields}.
func parseParts(s string) ([]tpart, error) {
	var out []tpart
	for len(s) > 0 {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			out = append(out, tpart{lit: s})
			break
		}
		if i > 0 {
			out = append(out, tpart{lit: s[:i]})
		}
		m := fieldRe.FindStringSubmatch(s[i:])
		if m == nil {
			return nil, fmt.Errorf("trường viết sai ở %q: viết {tên_trường}, {tên_trường|dots} hoặc {tên_trường|stop}", clip(s[i:]))
		}
		if _, ok := formFields[m[1]]; !ok {
			return nil, fmt.Errorf("không có trường {%s}; các trường có: %s", m[1], fieldNames())
		}
		out = append(out, tpart{field: m[1], filter: m[2]})
		s = s[i+len(m[0]):]
	}
	return out, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

func fieldNames() string {
	var ns []string
	for k := range formFields {
		ns = append(ns, k)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

// formFile is one data file: a form set.
type formFile struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Source string `json:"source"` // where its forms come from, and how sure that is
	Forms  []Form `json:"forms"`
}

// FormLibrary is the form sets the renderer prints with: the shipped ones, or an
// administrator's replacements.
type FormLibrary struct {
	sets []FormSetInfo
}

var defaultLibrary = sync.OnceValues(func() (*FormLibrary, error) {
	return LoadFormLibrary(assets.FormSets, "forms")
})

// DefaultForms is the form sets shipped with the program (assets/forms).
func DefaultForms() (*FormLibrary, error) { return defaultLibrary() }

func mustDefault() *FormLibrary {
	l, err := defaultLibrary()
	if err != nil {
		panic("the shipped form sets are invalid: " + err.Error())
	}
	return l
}

// LoadFormLibrary reads every *.json form set in dir of fsys.
func LoadFormLibrary(fsys fs.FS, dir string) (*FormLibrary, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	l := &FormLibrary{}
	for _, n := range names {
		s, err := readFormSet(fsys, n)
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(l.sets, func(x FormSetInfo) bool { return x.Code == s.Code }) {
			return nil, fmt.Errorf("tệp biểu mẫu %s: bộ biểu mẫu %s đã có trong một tệp khác", path.Base(n), s.Code)
		}
		l.sets = append(l.sets, s)
	}
	if len(l.sets) == 0 {
		return nil, fmt.Errorf("không thấy tệp bộ biểu mẫu (*.json) nào trong thư mục %s", dir)
	}
	sort.SliceStable(l.sets, func(i, j int) bool { return l.sets[i].Code == FormSet2025 && l.sets[j].Code != FormSet2025 })
	return l, nil
}

// WithOverrides returns the library with the sets found in dir of fsys replacing those of
// the same code (and any new set added): an administrator's folder of replacements.
func (l *FormLibrary) WithOverrides(fsys fs.FS, dir string) (*FormLibrary, error) {
	o, err := LoadFormLibrary(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := &FormLibrary{sets: slices.Clone(l.sets)}
	for _, s := range o.sets {
		if i := slices.IndexFunc(out.sets, func(x FormSetInfo) bool { return x.Code == s.Code }); i >= 0 {
			out.sets[i] = s
		} else {
			out.sets = append(out.sets, s)
		}
	}
	return out, nil
}

func readFormSet(fsys fs.FS, name string) (FormSetInfo, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return FormSetInfo{}, fmt.Errorf("không đọc được tệp biểu mẫu %s: %v", name, err)
	}
	var f formFile
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return FormSetInfo{}, fmt.Errorf("tệp biểu mẫu %s không đúng định dạng: %v", path.Base(name), err)
	}
	where := "tệp biểu mẫu " + path.Base(name)
	if strings.TrimSpace(f.Code) == "" || strings.TrimSpace(f.Name) == "" {
		return FormSetInfo{}, fmt.Errorf("%s thiếu \"code\" hoặc \"name\" của bộ biểu mẫu", where)
	}
	s := FormSetInfo{Code: f.Code, Name: f.Name, Source: f.Source}
	for i := range f.Forms {
		fm := f.Forms[i]
		if err := fm.compile(); err != nil {
			return FormSetInfo{}, fmt.Errorf("%s, mẫu %q: %w", where, fm.Kind, err)
		}
		if slices.ContainsFunc(s.Forms, func(x Form) bool { return x.Kind == fm.Kind }) {
			return FormSetInfo{}, fmt.Errorf("%s: mẫu %q có hai lần", where, fm.Kind)
		}
		s.Forms = append(s.Forms, fm)
	}
	for _, k := range []FormKind{FormReceipt, FormSupplement, FormRefusal, FormApology, FormControl, FormRegister} {
		if !slices.ContainsFunc(s.Forms, func(x Form) bool { return x.Kind == k }) {
			return FormSetInfo{}, fmt.Errorf("%s thiếu mẫu %q", where, k)
		}
	}
	return s, nil
}

var knownKinds = []FormKind{FormReceipt, FormSupplement, FormRefusal, FormApology, FormStop, FormControl, FormRegister, FormRejection}

// compile checks a form and parses its templates.
func (f *Form) compile() error {
	if !slices.Contains(knownKinds, f.Kind) {
		return fmt.Errorf("loại mẫu không có; dùng một trong %v", knownKinds)
	}
	if strings.TrimSpace(f.Title) == "" {
		return errors.New("thiếu tên mẫu (\"title\")")
	}
	if f.Kind != FormRegister && len(f.Blocks) == 0 {
		return errors.New("chưa có nội dung (\"blocks\")")
	}
	if f.Kind == FormRegister {
		if len(f.Columns) == 0 {
			return errors.New("sổ theo dõi chưa có cột nào (\"columns\")")
		}
		for _, c := range f.Columns {
			if !slices.Contains(registerValues, c.Value) {
				return fmt.Errorf("cột %q: \"value\" %q không có; dùng một trong %s", c.Title, c.Value, strings.Join(registerValues, ", "))
			}
			if c.Width <= 0 {
				return fmt.Errorf("cột %q chưa có độ rộng (\"width\", mm)", c.Title)
			}
		}
	}
	if f.Issuer != "" && f.Issuer != "counter" && f.Issuer != "body" {
		return fmt.Errorf("\"issuer\" %q không có: dùng counter hoặc body", f.Issuer)
	}
	if f.Date != "" && f.Date != "issued" && f.Date != "received" {
		return fmt.Errorf("\"date\" %q không có: dùng issued hoặc received", f.Date)
	}
	for i := range f.Blocks {
		if err := f.Blocks[i].compile(); err != nil {
			return fmt.Errorf("khối thứ %d (%s): %w", i+1, f.Blocks[i].Type, err)
		}
	}
	return nil
}

func (b *Block) compile() error {
	if !slices.Contains(blockTypes, b.Type) {
		return fmt.Errorf("loại khối không có; dùng một trong %s", strings.Join(blockTypes, ", "))
	}
	var err error
	if b.runs, err = parseTemplate(b.Text); err != nil {
		return err
	}
	if b.label, err = parseTemplate(b.Label); err != nil {
		return err
	}
	for _, c := range b.Columns {
		t, err := parseTemplate(c.Text)
		if err != nil {
			return fmt.Errorf("cột %q: %w", c.Title, err)
		}
		b.cols = append(b.cols, t)
	}
	for _, s := range b.Signers {
		t, err := parseTemplate(s.Title)
		if err != nil {
			return err
		}
		n, err := parseTemplate(s.Name)
		if err != nil {
			return err
		}
		b.signers = append(b.signers, [2]tmpl{join(t), join(n)})
	}
	for _, r := range b.Recipients {
		t, err := parseTemplate(r)
		if err != nil {
			return err
		}
		b.recips = append(b.recips, join(t))
	}
	for _, w := range b.When {
		name := strings.TrimPrefix(w, "!")
		if i := strings.IndexAny(name, "!="); i >= 0 {
			name = name[:i]
		}
		if _, ok := formFields[name]; !ok {
			return fmt.Errorf("điều kiện %q dùng trường không có; các trường có: %s", w, fieldNames())
		}
	}
	switch b.Type {
	case "signatures":
		if n := len(b.Signers); n < 1 || n > 2 {
			return errors.New("khối chữ ký cần một hoặc hai người ký (\"signers\")")
		}
	case "documents", "handovers":
		if len(b.Columns) != 4 {
			return errors.New("bảng cần đúng 4 cột (\"columns\")")
		}
	}
	return nil
}

// join is a plain template (a signer's title or name): its runs' parts, style dropped.
func join(t []tmpl) tmpl {
	out := tmpl{st: regular}
	for _, r := range t {
		out.parts = append(out.parts, r.parts...)
	}
	return out
}
