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
