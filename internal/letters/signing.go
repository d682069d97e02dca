package letters

import (
	"strings"

	"motcua/internal/textvn"
)

// SignerRole is the office of whoever signs a letter or a paper of the commune People's
// Committee. Its values are the staff register's roles (people.RoleChair, RoleViceChair).
type SignerRole string

// The signers of the commune's papers (người ký).
const (
	SignerChair     SignerRole = "chair"      // Chủ tịch UBND xã
	SignerViceChair SignerRole = "vice_chair" // Phó Chủ tịch UBND xã, who signs for the chair ("KT.")
)

// Signer is who signs a letter: a name and an office, and optionally the title printed
// (a vice-chair's own title, "Phó Chủ tịch Thường trực"); empty prints the office's.
type Signer struct {
	Name  string     `json:"name"`
	Role  SignerRole `json:"role"`
	Title string     `json:"title,omitempty"`
}

// DefaultBodyShort is the collective body after "TM." when the profile names none.
const DefaultBodyShort = "Ủy ban nhân dân"

// Valid reports whether s can sign: a name and the office of chair or vice-chair.
func (s Signer) Valid() bool {
	return textvn.Clean(s.Name) != "" && (s.Role == SignerChair || s.Role == SignerViceChair)
}

// Label is how a screen or the command line offers the signer: "Hà Văn Bình (Phó Chủ tịch)".
func (s Signer) Label() string {
	if textvn.Clean(s.Name) == "" {
		return ""
	}
	return textvn.Clean(s.Name) + " (" + s.title() + ")"
}

func (s Signer) title() string {
	if t := textvn.Clean(s.Title); t != "" {
		return t
	}
	if s.Role == SignerViceChair {
		return "Phó Chủ tịch"
	}
	return "Chủ tịch"
}

// SignBlock is the signature block's capital lines above the signer's name (Decree 30/2020,
// Phụ lục I, thể thức chữ ký). The People's Committee works collectively, so every paper it
// issues is signed on behalf of the committee, "TM. ỦY BAN NHÂN DÂN": by the chair
// ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"), or by a vice-chair who signs for the chair, which
// adds "KT." before the chair's office and the vice-chair's own office under it
// ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). body is the collective body's
// name ("Ủy ban nhân dân"; empty for DefaultBodyShort).
func SignBlock(s Signer, body string) []string {
	if body = textvn.Clean(body); body == "" {
		body = DefaultBodyShort
	}
	tm := "TM. " + upper(body)
	if s.Role == SignerViceChair {
		return []string{tm, "KT. CHỦ TỊCH", upper(s.title())}
	}
	return []string{tm, upper(s.title())}
}

func upper(s string) string { return strings.ToUpper(textvn.Clean(s)) }
