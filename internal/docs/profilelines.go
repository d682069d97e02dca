package docs

import (
	"strings"

	"motcua/internal/letters"
	"motcua/internal/textvn"
)

// NoParent in Profile.ParentBody prints no line above the commune People's Committee, not
// even the province's name.
const NoParent = "-"

// centralCities are the cities directly under the central government (since 01/7/2025):
// a province-level name that takes "Thành phố", not "Tỉnh".
var centralCities = []string{"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"}

// provinceName is the province as a header names it: "Tỉnh Thanh Hóa", "Thành phố Hà Nội";
// a name already starting with its kind is kept.
func provinceName(s string) string {
	s = textvn.Clean(s)
	if s == "" {
		return ""
	}
	low := strings.ToLower(s)
	for _, kind := range []string{"tỉnh ", "thành phố "} {
		if strings.HasPrefix(low, kind) {
			return s
		}
	}
	for _, tp := range []string{"tp. ", "tp.", "tp "} {
		if strings.HasPrefix(low, tp) {
			rest := strings.TrimSpace(s[len(tp):])
			if strings.EqualFold(rest, "HCM") {
				rest = "Hồ Chí Minh"
			}
			return "Thành phố " + rest
		}
	}
	if strings.HasPrefix(low, "thành phố") || strings.HasPrefix(low, "tỉnh") {
		return s
	}
	for _, c := range centralCities {
		if low == c {
			return "Thành phố " + s
		}
	}
	return "Tỉnh " + s
}

// bodyParent is the line above the commune People's Committee on the papers it issues
// (letters, the apology, the stop notice, minutes, reports). Decree 30/2020 (Phụ lục I,
// tên cơ quan ban hành) prints the body's direct parent, and lets a local body add the name
// of the province where it sits. Since 01/7/2025 a commune sits directly under the
// province, with no district between: the profile's parent body when the office typed one,
// else the province's name ("TỈNH THANH HÓA"), or nothing when ParentBody is NoParent.
func (p Profile) bodyParent() string {
	switch pb := textvn.Clean(p.ParentBody); pb {
	case NoParent:
		return ""
	case "":
		return provinceName(p.Province)
	default:
		return pb
	}
}

// explicitParent is the parent body the office typed, without the province: the staff
// pledge is the staff member's own paper, filled on one A4 page under the body's name.
func (p Profile) explicitParent() string {
	if pb := textvn.Clean(p.ParentBody); pb != NoParent {
		return pb
	}
	return ""
}

// placeName is the place of the place-and-date line: the profile's, else the commune's own
// name taken from the body ("Ủy ban nhân dân xã Đông Văn" → "Đông Văn"), as Decree 30/2020
// names a commune's papers after the commune.
func (p Profile) placeName() string {
	if s := textvn.Clean(p.PlaceName); s != "" {
		return s
	}
	body := textvn.Clean(p.Body)
	low := strings.ToLower(body)
	for _, prefix := range []string{"ủy ban nhân dân ", "uỷ ban nhân dân ", "ubnd "} {
		if strings.HasPrefix(low, prefix) {
			body, low = body[len(prefix):], low[len(prefix):]
			break
		}
	}
	for _, unit := range []string{"xã ", "phường ", "đặc khu ", "thị trấn "} {
		if strings.HasPrefix(low, unit) {
			return strings.TrimSpace(body[len(unit):])
		}
	}
	return ""
}

// contactLine is the office's address and phone as papers print them:
// "Địa chỉ: thôn Trung, xã Đông Văn, tỉnh Thanh Hóa; Điện thoại: 0237 3888 999", or "".
func (p Profile) contactLine() string {
	var parts []string
	if a := textvn.Clean(p.Address); a != "" {
		parts = append(parts, "Địa chỉ: "+a)
	}
	if ph := textvn.Clean(p.Phone); ph != "" {
		parts = append(parts, "Điện thoại: "+ph)
	}
	return strings.Join(parts, "; ")
}

// Signer is who signs the papers the profile's body issues: the chair, or a vice-chair
// when the profile signs "KT.".
func (p Profile) Signer() letters.Signer {
	s := letters.Signer{Name: textvn.Clean(p.ChairName), Role: letters.SignerChair, Title: textvn.Clean(p.ChairTitle)}
	if strings.EqualFold(strings.TrimSpace(p.SignAs), "KT") {
		s.Role = letters.SignerViceChair
		if strings.EqualFold(s.Title, "Chủ tịch") {
			s.Title = ""
		}
	} else if strings.EqualFold(s.Title, "Phó Chủ tịch") {
		s.Title = "" // "TM" with a vice-chair's title is a typo for the chair's block
	}
	return s
}

// signLines are the signature block's capital lines for the profile's signer.
func (p Profile) signLines() []string { return letters.SignBlock(p.Signer(), p.BodyShort) }

// WithSigner is the profile with s signing the papers its body issues (the apology, the stop
// and rejection notices): the chair, or a vice-chair signing "KT.". A zero s changes nothing.
func (p Profile) WithSigner(s letters.Signer) Profile {
	if !s.Valid() {
		return p
	}
	p.ChairName, p.ChairTitle, p.SignAs = s.Name, s.Title, "TM"
	if s.Role == letters.SignerViceChair {
		p.SignAs = "KT"
	}
	return p
}
