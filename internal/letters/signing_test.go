package letters

import (
	"slices"
	"testing"
)

func TestSignBlock(t *testing.T) {
	for _, tt := range []struct {
		name   string
		signer Signer
		body   string
		want   []string
	}{
		{"chair signs for the committee", Signer{Name: "Lê Văn Tuấn", Role: SignerChair}, "", []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}},
		{"vice-chair signs for the chair, still for the committee", Signer{Name: "Hà Văn Bình", Role: SignerViceChair}, "", []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}},
		{"vice-chair's own title", Signer{Name: "Hà Văn Bình", Role: SignerViceChair, Title: "Phó Chủ tịch Thường trực"}, "", []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC"}},
		{"another collective body's short name", Signer{Name: "A", Role: SignerChair}, "Ủy ban nhân dân phường", []string{"TM. ỦY BAN NHÂN DÂN PHƯỜNG", "CHỦ TỊCH"}},
		{"unknown role prints as the chair", Signer{Name: "A"}, " ", []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}},
	} {
		if got := SignBlock(tt.signer, tt.body); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSignerValidAndLabel(t *testing.T) {
	if (Signer{Name: "  ", Role: SignerChair}).Valid() || (Signer{Name: "A", Role: "counter"}).Valid() {
		t.Error("a signer without a name or with another office is valid")
	}
	if !(Signer{Name: "A", Role: SignerViceChair}).Valid() {
		t.Error("a vice-chair cannot sign")
	}
	if got := (Signer{Name: "Hà Văn Bình", Role: SignerViceChair}).Label(); got != "Hà Văn Bình (Phó Chủ tịch)" {
		t.Errorf("label %q", got)
	}
}
