// Package people owns the commune's staff as the model "Chính quyền thân thiện, vì Nhân dân
// phục vụ" sees them: who signs a pledge (bản cam kết) and the pledge slogan sets they sign to.
// It is pure: no SQL, no Fyne, no file system (the default sets are embedded in assets).
package people

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"motcua/assets"
	"motcua/internal/textvn"
)

// PledgeSet is a set of slogans a staff member pledges to follow (bộ nội dung cam kết), e.g.
// "4 xin" or "5 không". Sets differ by province (REFERENCE §7), so they are data.
type PledgeSet struct {
	Code     string   `json:"code"`               // stable key, e.g. "4-xin"
	Name     string   `json:"name"`               // as printed: "4 xin"
	Province string   `json:"province,omitempty"` // whose wording, empty when national or common
	Source   string   `json:"source,omitempty"`   // where the wording comes from
	Items    []string `json:"items"`              // the slogans, each printed as one line
	Editable bool     `json:"editable,omitempty"` // shipped without wording: the commune fills the items in
}

// Label is the set's name with the province whose wording it is, as shown in lists:
// "5 không (Thái Bình)".
func (s PledgeSet) Label() string {
	if s.Province == "" {
		return s.Name
	}
	return s.Name + " (" + s.Province + ")"
}

// Normalize trims and NFC-normalises every text field and drops empty items.
func (s *PledgeSet) Normalize() {
	s.Code = strings.TrimSpace(s.Code)
	s.Name = textvn.Clean(s.Name)
	s.Province = textvn.Clean(s.Province)
	s.Source = textvn.Clean(s.Source)
	items := s.Items[:0]
	for _, it := range s.Items {
		if it = textvn.Clean(it); it != "" {
			items = append(items, it)
		}
	}
	s.Items = items
}

// Validate refuses a set that cannot be stored: no code or no name.
func (s PledgeSet) Validate() error {
	if strings.TrimSpace(s.Code) == "" {
		return fmt.Errorf("bộ cam kết %q chưa có mã: hãy đặt một mã ngắn, ví dụ \"4-xin\"", s.Name)
	}
	if textvn.Clean(s.Name) == "" {
		return fmt.Errorf("bộ cam kết mã %s chưa có tên: hãy nhập tên in trên bản cam kết, ví dụ \"4 xin\"", s.Code)
	}
	return nil
}

// CheckPrintable refuses a set that would print as an empty heading: a set without items,
// typically Thanh Hóa's "3 không" or "4 thể hiện" before the commune has filled them in.
func (s PledgeSet) CheckPrintable() error {
	if err := s.Validate(); err != nil {
		return err
	}
	for _, it := range s.Items {
		if textvn.Clean(it) != "" {
			return nil
		}
	}
	return fmt.Errorf("bộ cam kết \"%s\" chưa có nội dung nào nên chưa in được: hãy nhập các điều cam kết của bộ này trong phần cài đặt rồi in lại", s.Label())
}

// ValidateSets checks a whole catalogue: every set valid, no code used twice.
// All problems are reported together, one per line.
func ValidateSets(sets []PledgeSet) error {
	var errs []error
	seen := map[string]string{}
	for _, s := range sets {
		if err := s.Validate(); err != nil {
			errs = append(errs, err)
			continue
		}
		code := strings.TrimSpace(s.Code)
		if prev, ok := seen[code]; ok {
			errs = append(errs, fmt.Errorf("mã bộ cam kết %s bị trùng (\"%s\" và \"%s\"): mỗi bộ cần một mã riêng", code, prev, s.Label()))
			continue
		}
		seen[code] = s.Label()
	}
	return errors.Join(errs...)
}

// ParsePledgeSets reads a catalogue in the format of assets/pledges/sets.json,
// normalises it and validates it.
func ParsePledgeSets(data []byte) ([]PledgeSet, error) {
	var doc struct {
		Sets []PledgeSet `json:"sets"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("danh mục bộ cam kết không đọc được (%v): hãy kiểm tra lại tệp", err)
	}
	for i := range doc.Sets {
		doc.Sets[i].Normalize()
	}
	if err := ValidateSets(doc.Sets); err != nil {
		return nil, err
	}
	return doc.Sets, nil
}

// DefaultPledgeSets returns the sets shipped in assets/pledges/sets.json, a fresh copy on
// every call.
func DefaultPledgeSets() ([]PledgeSet, error) {
	return ParsePledgeSets(assets.PledgeSetsJSON)
}

// FindSet returns the set with the given code.
func FindSet(sets []PledgeSet, code string) (PledgeSet, bool) {
	for _, s := range sets {
		if s.Code == code {
			return s, true
		}
	}
	return PledgeSet{}, false
}
