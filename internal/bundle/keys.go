package bundle

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// Domain-separation prefixes: a signature made for one purpose is never
// valid for another (docs/bundle-format.md §3, §5).
const (
	manifestPrefix = "motcua-bundle/1 manifest\n"
	rotationPrefix = "motcua-bundle/1 key rotation\n"
	sealPrefix     = "motcua-bundle/1 signing key\n"
)

// KeyID is the short hash of a public key: the first 8 bytes of its SHA-256
// in lower-case hex.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

// KeyIDOf is the key id of a public key written by EncodePublicKey ("" when
// it is not one).
func KeyIDOf(publicKey string) string {
	pub, err := ParsePublicKey(publicKey)
	if err != nil {
		return ""
	}
	return KeyID(pub)
}

// Fingerprint is the key id as read over the phone: 3F2A-91C0-7B44-E0D1.
func Fingerprint(pub ed25519.PublicKey) string { return FingerprintOf(KeyID(pub)) }

// FingerprintOf formats a key id as a fingerprint.
func FingerprintOf(keyID string) string {
	id := strings.ToUpper(keyID)
	var parts []string
	for len(id) > 4 {
		parts = append(parts, id[:4])
		id = id[4:]
	}
	return strings.Join(append(parts, id), "-")
}

// KeyIDFromFingerprint turns what an officer typed (any case, spaces and
// dashes) back into a key id; ok is false when it cannot be one.
func KeyIDFromFingerprint(s string) (string, bool) {
	s = strings.ToLower(strings.NewReplacer("-", "", " ", "", "\t", "").Replace(s))
	if len(s) != 16 {
		return "", false
	}
	if _, err := hex.DecodeString(s); err != nil {
		return "", false
	}
	return s, true
}

// EncodePublicKey writes a public key as standard base64.
func EncodePublicKey(pub ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(pub) }

// ParsePublicKey reads a public key written by EncodePublicKey.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fail(ErrUnknownKey, "", "Khóa công khai %q không đúng dạng: đó phải là 44 ký tự base64 như lệnh “motcua keys show” in ra.", s)
	}
	return ed25519.PublicKey(b), nil
}

// NewKey makes a signing key from rand.
func NewKey(rand io.Reader) (ed25519.PublicKey, ed25519.PrivateKey, error) {
	return ed25519.GenerateKey(rand)
}

// RotationMessage is what the old key signs to hand over to the new one.
func RotationMessage(oldPub, newPub ed25519.PublicKey) []byte {
	m := make([]byte, 0, len(rotationPrefix)+2*ed25519.PublicKeySize)
	m = append(m, rotationPrefix...)
	m = append(m, oldPub...)
	return append(m, newPub...)
}

// NewRotation is the statement, signed by the old key, that bundles from now
// on are signed by newPub.
func NewRotation(oldPriv ed25519.PrivateKey, newPub ed25519.PublicKey) *Rotation {
	oldPub := oldPriv.Public().(ed25519.PublicKey)
	return &Rotation{
		FromKeyID:   KeyID(oldPub),
		ToPublicKey: EncodePublicKey(newPub),
		Signature:   base64.StdEncoding.EncodeToString(ed25519.Sign(oldPriv, RotationMessage(oldPub, newPub))),
	}
}

// KDFParams are the argon2id costs.
type KDFParams struct {
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
}

// DefaultKDF is what keys are sealed with: argon2id, 3 passes over 64 MiB,
// 4 lanes (a quarter of a second on an office PC, a year per billion
// guesses for an attacker).
var DefaultKDF = KDFParams{Time: 3, MemoryKiB: 64 * 1024, Threads: 4}

// SealedKey is a private key encrypted under a passphrase.
type SealedKey struct {
	Version   int       `json:"version"`
	KDF       string    `json:"kdf"`
	Params    KDFParams `json:"params"`
	Salt      []byte    `json:"salt"`
	Nonce     []byte    `json:"nonce"`
	Sealed    []byte    `json:"sealed"`
	PublicKey []byte    `json:"public_key"`
}

// Seal encrypts priv's seed under passphrase: argon2id derives the key,
// XChaCha20-Poly1305 seals the seed bound to the public key.
func Seal(priv ed25519.PrivateKey, passphrase []byte, p KDFParams, rand io.Reader) (*SealedKey, error) {
	if len(passphrase) < 8 {
		return nil, fail(ErrPassphrase, "", "Mật khẩu bảo vệ khóa phải có ít nhất 8 ký tự.")
	}
	s := &SealedKey{Version: 1, KDF: "argon2id", Params: p, Salt: make([]byte, 16),
		Nonce: make([]byte, chacha20poly1305.NonceSizeX), PublicKey: priv.Public().(ed25519.PublicKey)}
	if _, err := io.ReadFull(rand, s.Salt); err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(rand, s.Nonce); err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(argon2.IDKey(passphrase, s.Salt, p.Time, p.MemoryKiB, p.Threads, chacha20poly1305.KeySize))
	if err != nil {
		return nil, err
	}
	s.Sealed = aead.Seal(nil, s.Nonce, priv.Seed(), append([]byte(sealPrefix), s.PublicKey...))
	return s, nil
}

// Open decrypts the key with passphrase.
func (s *SealedKey) Open(passphrase []byte) (ed25519.PrivateKey, error) {
	if s.Version != 1 || s.KDF != "argon2id" || len(s.PublicKey) != ed25519.PublicKeySize ||
		len(s.Nonce) != chacha20poly1305.NonceSizeX || s.Params.Time == 0 || s.Params.Time > 100 ||
		s.Params.MemoryKiB < 8 || s.Params.MemoryKiB > 4<<20 || s.Params.Threads == 0 {
		return nil, fail(ErrKeyFile, "", "Khóa ký lưu trong máy bị hỏng hoặc do phiên bản lạ tạo ra; hãy khôi phục bản sao lưu hoặc tạo khóa mới và báo cấp trên.")
	}
	aead, err := chacha20poly1305.NewX(argon2.IDKey(passphrase, s.Salt, s.Params.Time, s.Params.MemoryKiB, s.Params.Threads, chacha20poly1305.KeySize))
	if err != nil {
		return nil, err
	}
	seed, err := aead.Open(nil, s.Nonce, s.Sealed, append([]byte(sealPrefix), s.PublicKey...))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fail(ErrPassphrase, "", "Sai mật khẩu của khóa ký; hãy nhập lại (phân biệt chữ hoa, chữ thường và dấu).")
	}
	priv := ed25519.NewKeyFromSeed(seed)
	if !priv.Public().(ed25519.PublicKey).Equal(ed25519.PublicKey(s.PublicKey)) {
		return nil, fail(ErrKeyFile, "", "Khóa ký lưu trong máy không khớp với khóa công khai của nó; hãy khôi phục bản sao lưu.")
	}
	return priv, nil
}

// MarshalSealed and UnmarshalSealed store a sealed key as JSON text.
func MarshalSealed(s *SealedKey) (string, error) {
	b, err := json.Marshal(s)
	return string(b), err
}

// UnmarshalSealed reads a sealed key stored by MarshalSealed.
func UnmarshalSealed(text string) (*SealedKey, error) {
	var s SealedKey
	if err := json.Unmarshal([]byte(text), &s); err != nil {
		return nil, fail(ErrKeyFile, "", "Khóa ký lưu trong máy bị hỏng (%v); hãy khôi phục bản sao lưu.", err)
	}
	return &s, nil
}

func decodeB64(s string) ([]byte, error) { return base64.StdEncoding.DecodeString(s) }
