package office

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/register"
	"motcua/internal/textvn"
)

// textKind says how a text is cleaned before it is measured and stored.
type textKind int

const (
	oneLine   textKind = iota // a reason, an address: NFC, spaces collapsed, control characters dropped
	name                      // a person's or unit's name: also bidi overrides and zero-width characters stripped
	code                      // a code: as a name, and only a-z, 0-9 and "-"
	multiline                 // a note or a template: keeps its line breaks
)

type textLimit struct {
	label string // the Vietnamese name the clerk knows the field by
	max   int    // in characters (runes), after cleaning
	kind  textKind
}

// TextLimits is the one table of how long each stored text may be. Every
// text a use case stores goes through cleanText with its key: a 100 KB note
// once made a 319-page control slip.
var TextLimits = map[string]textLimit{
	"applicant_name":    {"Họ tên người nộp", 150, name},
	"applicant_address": {"Địa chỉ người nộp", 300, oneLine},
	"applicant_phone":   {"Số điện thoại", 30, oneLine},
	"applicant_email":   {"Thư điện tử", 254, oneLine},
	"note":              {"Ghi chú", 2000, multiline},
	"reason":            {"Lý do", 1000, oneLine},
	"supplement_items":  {"Nội dung cần bổ sung", 2000, multiline},
	"unit":              {"Tên đơn vị", 200, name},
	"document":          {"Tên giấy tờ", 300, oneLine},
	"procedure_code":    {"Mã thủ tục", 64, code},
	"procedure_name":    {"Tên thủ tục", 500, oneLine},
	"procedure_text":    {"Nội dung thủ tục", 2000, oneLine},
	"recipient":         {"Người nhận thư", 200, name},
	"letter_field":      {"Trường thư", 1000, oneLine},
	"template":          {"Mẫu thư", 20000, multiline},
	"setting":           {"Giá trị cài đặt", 500, oneLine},
	"staff_name":        {"Họ tên cán bộ", 150, name},
	"contact":           {"Thông tin liên hệ", 300, oneLine},
	"feedback_text":     {"Nội dung phản ánh, kiến nghị hoặc trả lời", 10000, multiline},
	"comment":           {"Ý kiến", 2000, multiline},
}

// maxDocuments bounds the list of papers handed in with one dossier.
const maxDocuments = 60

// cleanText checks and cleans one text by the rule for key: invalid UTF-8
// is refused (it would print as "Nguy���n"), invisible characters are
// stripped from names and codes, and a text longer than its limit is
// refused with its label and both lengths.
func cleanText(key, s string) (string, error) {
	lim, ok := TextLimits[key]
	if !ok {
		panic("office: no text limit for " + key)
	}
	if !textvn.ValidUTF8(s) {
		return "", fmt.Errorf("%s có ký tự không đọc được (văn bản không phải UTF-8); hãy gõ lại hoặc lưu tệp dưới dạng UTF-8", lim.label)
	}
	switch lim.kind {
	case name:
		s = textvn.StripInvisible(s)
	case code:
		s = strings.ToLower(textvn.StripInvisible(s))
		if i := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') }); i >= 0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			return "", fmt.Errorf("%s %q có ký tự %q không được dùng: chỉ dùng chữ thường không dấu a-z, chữ số và dấu gạch ngang", lim.label, s, r)
		}
	case multiline:
		s = textvn.CleanMultiline(s)
	default:
		s = textvn.StripInvisible(s)
	}
	if n := utf8.RuneCountInString(s); n > lim.max {
		return "", fmt.Errorf("%s dài %d ký tự, quá giới hạn %d ký tự; hãy rút gọn", lim.label, n, lim.max)
	}
	return s, nil
}

// cleanAll applies cleanText to several texts in place, stopping at the
// first refusal.
func cleanAll(pairs ...any) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		key := pairs[i].(string)
		p := pairs[i+1].(*string)
		v, err := cleanText(key, *p)
		if err != nil {
			return err
		}
		*p = v
	}
	return nil
}

// checkReceiveInput cleans what the reception form or the command line
// gives before it enters the register.
func checkReceiveInput(in *ReceiveInput) error {
	if err := cleanAll("procedure_code", &in.ProcedureCode, "applicant_name", &in.Applicant.Name,
		"applicant_address", &in.Applicant.Address, "applicant_phone", &in.Applicant.Phone,
		"applicant_email", &in.Applicant.Email, "note", &in.Note); err != nil {
		return err
	}
	if len(in.Documents) > maxDocuments {
		return fmt.Errorf("danh sách giấy tờ có %d mục, quá giới hạn %d mục", len(in.Documents), maxDocuments)
	}
	docs := in.Documents[:0:0]
	for _, d := range in.Documents {
		v, err := cleanText("document", d)
		if err != nil {
			return err
		}
		if v != "" {
			docs = append(docs, v)
		}
	}
	in.Documents = docs
	if in.Sets < 0 || in.Sets > 100 {
		return fmt.Errorf("số bộ hồ sơ %d không hợp lệ: nhập từ 1 đến 100", in.Sets)
	}
	return nil
}

// checkProcedure cleans a procedure before it enters the catalogue: its
// code is [a-z0-9-], its texts within their limits.
func checkProcedure(p *register.Procedure) error {
	if err := cleanAll("procedure_code", &p.Code, "procedure_name", &p.Name, "procedure_text", &p.Field,
		"procedure_text", &p.LegalBasis, "unit", &p.Unit, "procedure_text", &p.Note, "procedure_text", &p.Letter); err != nil {
		return fmt.Errorf("thủ tục %q: %w", p.Code, err)
	}
	if len(p.Documents) > maxDocuments {
		return fmt.Errorf("thủ tục %s có %d giấy tờ, quá giới hạn %d", p.Code, len(p.Documents), maxDocuments)
	}
	for i := range p.Documents {
		if err := cleanAll("document", &p.Documents[i]); err != nil {
			return fmt.Errorf("thủ tục %s: %w", p.Code, err)
		}
	}
	if p.Limit.Unit != calendar.SameDay && p.Limit.Value <= 0 {
		return fmt.Errorf("thủ tục %s có thời hạn %d %s: thời hạn phải lớn hơn 0 (hoặc dùng same_day)", p.Code, p.Limit.Value, p.Limit.Unit)
	}
	if p.Limit.Value > 365 {
		return fmt.Errorf("thủ tục %s có thời hạn %d, quá dài; kiểm tra lại tệp", p.Code, p.Limit.Value)
	}
	return p.Validate()
}

// checkLetterInput cleans a letter's recipient, address and merge values
// (the map is cleaned in place).
func checkLetterInput(recipient, address *string, fields map[string]string) error {
	if err := cleanAll("recipient", recipient, "applicant_address", address); err != nil {
		return err
	}
	for k, v := range fields {
		c, err := cleanText("letter_field", v)
		if err != nil {
			return fmt.Errorf("trường %s: %w", k, err)
		}
		fields[k] = c
	}
	return nil
}

// maxImport bounds a file read for an import (the shipped catalogue is
// under 100 KB).
const maxImport = 8 << 20

func checkImportBytes(what string, data []byte) error {
	if len(strings.TrimSpace(string(data))) == 0 {
		return fmt.Errorf("tệp %s trống", what)
	}
	if len(data) > maxImport {
		return fmt.Errorf("tệp %s nặng %d byte, quá giới hạn %d MB", what, len(data), maxImport>>20)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("tệp %s có ký tự không đọc được; hãy lưu tệp dưới dạng UTF-8", what)
	}
	return nil
}

// ParseProcedureFile reads a procedures import (a JSON list) and checks
// every procedure as SaveProcedures will, before anything is saved.
func ParseProcedureFile(data []byte) ([]register.Procedure, error) {
	if err := checkImportBytes("danh mục thủ tục", data); err != nil {
		return nil, err
	}
	ps, err := register.ParseCatalogue(data)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for i := range ps {
		if err := checkProcedure(&ps[i]); err != nil {
			return nil, err
		}
		if seen[ps[i].Code] {
			return nil, fmt.Errorf("mã thủ tục %s bị trùng trong tệp", ps[i].Code)
		}
		seen[ps[i].Code] = true
	}
	return ps, nil
}

// ParseScheduleFile reads one year's announced schedule (a JSON object)
// and checks that it is that year's.
func ParseScheduleFile(data []byte, year int) (calendar.Schedule, error) {
	if err := checkImportBytes("lịch nghỉ", data); err != nil {
		return calendar.Schedule{}, err
	}
	ss, err := calendar.ParseSchedules(append(append([]byte("["), data...), ']'))
	if err != nil {
		return calendar.Schedule{}, err
	}
	if len(ss) != 1 || ss[0].Year != year {
		return calendar.Schedule{}, fmt.Errorf("tệp phải chứa lịch nghỉ của đúng năm %d", year)
	}
	s := ss[0]
	for _, d := range append(append([]calendar.Entry(nil), s.Off...), s.Work...) {
		if _, err := cleanText("reason", d.Reason); err != nil {
			return calendar.Schedule{}, fmt.Errorf("ngày %s: %w", d.Date, err)
		}
	}
	return s, nil
}
