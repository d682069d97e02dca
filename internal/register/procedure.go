package register

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/textvn"
)

// Procedure is an administrative procedure (thủ tục hành chính, TTHC) of the
// commune's published list, with its statutory time limit.
type Procedure struct {
	Code       string         `json:"code"`
	Name       string         `json:"name"`
	Field      string         `json:"field"`               // lĩnh vực: Hộ tịch, Chứng thực, …
	Limit      calendar.Limit `json:"limit"`               // thời hạn giải quyết
	LegalBasis string         `json:"legal_basis"`         // căn cứ pháp lý
	Version    int            `json:"version"`             // bumped on every edit; dossiers keep the version they were received under
	Unit       string         `json:"unit,omitempty"`      // cơ quan chủ trì giải quyết
	Documents  []string       `json:"documents,omitempty"` // thành phần hồ sơ
	Letter     string         `json:"letter,omitempty"`    // letter kind a return proposes: birth, marriage, condolence
	Inactive   bool           `json:"inactive,omitempty"`  // withdrawn from the published list
	Note       string         `json:"note,omitempty"`

	// Confidence of Limit and LegalBasis: "V" checked against the legal text,
	// "S" secondary sources agree, "M" unverified recollection (REFERENCE.md
	// tags). Confirmed is set when an administrator has checked the limit
	// against the province's published list of procedures.
	Confidence string `json:"confidence,omitempty"`
	Confirmed  bool   `json:"confirmed,omitempty"`
	// Variants are the other limits the law sets for special cases (e.g.
	// "xac-minh": when verification is needed); the clerk picks one at
	// reception and the due date and the receipt follow it.
	Variants []Variant `json:"variants,omitempty"`
	// Authority is the body that decides the procedure and signs its papers
	// (cơ quan có thẩm quyền giải quyết): empty means the commune People's
	// Committee (Ủy ban nhân dân xã), whose papers are signed "TM. ỦY BAN NHÂN
	// DÂN / CHỦ TỊCH" as the profile says. Residence procedures are the
	// commune police's: Authority "Công an xã".
	Authority string `json:"authority,omitempty"`
	// SignBlock is the signature block of papers the Authority signs, one
	// line each, e.g. ["TRƯỞNG CÔNG AN XÃ"]; empty means the commune's own.
	SignBlock []string `json:"sign_block,omitempty"`
}

// Variant is a special case of a procedure with its own time limit.
type Variant struct {
	Code       string         `json:"code"`        // "xac-minh", "so-luong-lon"
	Name       string         `json:"name"`        // "Trường hợp cần xác minh"
	Limit      calendar.Limit `json:"limit"`       // the whole time limit in that case, from receipt
	LegalBasis string         `json:"legal_basis"` // căn cứ pháp lý
	Confidence string         `json:"confidence,omitempty"`
	Confirmed  bool           `json:"confirmed,omitempty"`
}

// AuthorityCommittee is the default authority of a procedure.
const AuthorityCommittee = "Ủy ban nhân dân xã"

// ByCommittee reports whether the commune People's Committee decides the
// procedure and signs its papers ("TM. ỦY BAN NHÂN DÂN"); false for the
// residence procedures of the commune police.
func (p *Procedure) ByCommittee() bool {
	return p.Authority == "" || p.Authority == AuthorityCommittee
}

// AuthorityName is the body that decides the procedure, never empty.
func (p *Procedure) AuthorityName() string {
	if p.Authority == "" {
		return AuthorityCommittee
	}
	return p.Authority
}

// Variant finds a variant by its code.
func (p *Procedure) Variant(code string) (Variant, bool) {
	for _, v := range p.Variants {
		if v.Code == code {
			return v, true
		}
	}
	return Variant{}, false
}

// WithVariant gives the procedure as received under variant code: its limit
// replaced by the variant's. An empty code gives the procedure unchanged.
func (p Procedure) WithVariant(code string) (Procedure, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return p, nil
	}
	v, ok := p.Variant(code)
	if !ok {
		if len(p.Variants) == 0 {
			return p, fmt.Errorf("thủ tục %s không có trường hợp đặc biệt nào (như %q); bỏ chọn trường hợp rồi tiếp nhận lại", p.Name, code)
		}
		var codes []string
		for _, v := range p.Variants {
			codes = append(codes, v.Code+" ("+v.Name+")")
		}
		return p, fmt.Errorf("thủ tục %s không có trường hợp %q; chọn một trong: %s", p.Name, code, strings.Join(codes, ", "))
	}
	p.Limit = v.Limit
	return p, nil
}

// VariantLabel is how a variant of a dossier is printed after its limit, e.g.
// "trường hợp cần xác minh"; the code itself when the name is unknown.
func (p *Procedure) VariantLabel(code string) string {
	if v, ok := p.Variant(code); ok && v.Name != "" {
		return lowerFirst(v.Name)
	}
	return VariantLabel(code)
}

// VariantLabel names the variants the shipped catalogue uses, for papers
// that have the dossier but not its procedure at hand.
func VariantLabel(code string) string {
	switch code {
	case "xac-minh":
		return "trường hợp cần xác minh"
	case "so-luong-lon":
		return "trường hợp số lượng lớn"
	}
	return code
}

// LimitCheck is a time limit of the catalogue whose source we could not
// check against the legal text ([S] or [M]) and that an administrator has
// not confirmed against the province's list yet.
type LimitCheck struct {
	Code       string         `json:"code"`
	Name       string         `json:"name"`
	Variant    string         `json:"variant,omitempty"`
	Limit      calendar.Limit `json:"limit"`
	LegalBasis string         `json:"legal_basis"`
	Confidence string         `json:"confidence"`
}

// Unconfirmed lists the limits of the active procedures (and their variants)
// that still wait for an administrator's confirmation.
func Unconfirmed(ps []Procedure) []LimitCheck {
	var out []LimitCheck
	waits := func(conf string, confirmed bool) bool { return conf != "V" && !confirmed }
	for _, p := range ps {
		if p.Inactive {
			continue
		}
		if waits(p.Confidence, p.Confirmed) {
			out = append(out, LimitCheck{Code: p.Code, Name: p.Name, Limit: p.Limit, LegalBasis: p.LegalBasis, Confidence: confOrM(p.Confidence)})
		}
		for _, v := range p.Variants {
			if waits(v.Confidence, v.Confirmed) {
				out = append(out, LimitCheck{Code: p.Code, Name: p.Name, Variant: v.Code, Limit: v.Limit, LegalBasis: v.LegalBasis, Confidence: confOrM(v.Confidence)})
			}
		}
	}
	return out
}

func confOrM(c string) string {
	if c == "" {
		return "M"
	}
	return c
}

// Validate checks a procedure before it enters the catalogue.
func (p *Procedure) Validate() error {
	p.Code = strings.TrimSpace(p.Code)
	p.Name = textvn.Clean(p.Name)
	p.Field = textvn.Clean(p.Field)
	p.LegalBasis = textvn.Clean(p.LegalBasis)
	p.Unit = textvn.Clean(p.Unit)
	for i := range p.Documents {
		p.Documents[i] = textvn.Clean(p.Documents[i])
	}
	if p.Code == "" {
		return fmt.Errorf("mã thủ tục không được để trống")
	}
	if strings.ContainsAny(p.Code, " \t\n") {
		return fmt.Errorf("mã thủ tục %q không được chứa khoảng trắng", p.Code)
	}
	if p.Name == "" {
		return fmt.Errorf("tên thủ tục %s không được để trống", p.Code)
	}
	if err := p.Limit.Validate(); err != nil {
		return fmt.Errorf("thủ tục %s: %w", p.Code, err)
	}
	if err := checkConfidence(p.Confidence); err != nil {
		return fmt.Errorf("thủ tục %s: %w", p.Code, err)
	}
	p.Authority = textvn.Clean(p.Authority)
	seen := map[string]bool{}
	for i := range p.Variants {
		v := &p.Variants[i]
		v.Code, v.Name, v.LegalBasis = strings.TrimSpace(v.Code), textvn.Clean(v.Name), textvn.Clean(v.LegalBasis)
		if v.Code == "" || strings.ContainsAny(v.Code, " \t\n") {
			return fmt.Errorf("thủ tục %s: trường hợp thứ %d cần một mã không có khoảng trắng, ví dụ xac-minh", p.Code, i+1)
		}
		if seen[v.Code] {
			return fmt.Errorf("thủ tục %s: trường hợp %s bị khai báo hai lần", p.Code, v.Code)
		}
		seen[v.Code] = true
		if err := v.Limit.Validate(); err != nil {
			return fmt.Errorf("thủ tục %s, trường hợp %s: %w", p.Code, v.Code, err)
		}
		if err := checkConfidence(v.Confidence); err != nil {
			return fmt.Errorf("thủ tục %s, trường hợp %s: %w", p.Code, v.Code, err)
		}
	}
	if p.Version < 1 {
		p.Version = 1
	}
	return nil
}

// ParseCatalogue reads the procedure catalogue shipped as JSON, refusing
// duplicated codes.
func ParseCatalogue(data []byte) ([]Procedure, error) {
	var ps []Procedure
	if err := json.Unmarshal(data, &ps); err != nil {
		return nil, fmt.Errorf("danh mục thủ tục không đọc được: %v", err)
	}
	seen := map[string]bool{}
	for i := range ps {
		if err := ps[i].Validate(); err != nil {
			return nil, err
		}
		if seen[ps[i].Code] {
			return nil, fmt.Errorf("mã thủ tục %s bị trùng trong danh mục", ps[i].Code)
		}
		seen[ps[i].Code] = true
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Code < ps[j].Code })
	return ps, nil
}

func checkConfidence(c string) error {
	switch c {
	case "", "V", "S", "M":
		return nil
	}
	return fmt.Errorf("độ tin cậy %q không hợp lệ: dùng V (đã đối chiếu văn bản), S (nguồn thứ cấp) hoặc M (chưa kiểm chứng)", c)
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
