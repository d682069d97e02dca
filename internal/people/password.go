package people

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Passwords are stored as argon2id hashes in a PHC-like string that carries
// its own salt and costs, so the costs can be raised later without making
// old passwords unreadable:
//
//	$argon2id$v=19$m=19456,t=2,p=1$<salt, base64>$<hash, base64>
//
// 19 MiB and two passes are the OWASP minimum for argon2id: a login on the
// commune's old PC takes a fraction of a second.
const (
	pwMemory  = 19 * 1024
	pwTime    = 2
	pwThreads = 1
	pwKeyLen  = 32
	pwSaltLen = 16
)

// Login limits: after MaxFailures wrong passwords in a row the account is
// locked for LockFor.
const (
	MaxFailures = 5
	LockFor     = 15 * time.Minute
)

// CheckNewPassword refuses a password too short or too long to be useful.
func CheckNewPassword(pw string) error {
	n := utf8.RuneCountInString(pw)
	switch {
	case !utf8.ValidString(pw):
		return errors.New("mật khẩu có ký tự không hợp lệ; hãy gõ lại mật khẩu")
	case n < 8:
		return errors.New("mật khẩu quá ngắn: hãy dùng ít nhất 8 ký tự, nên gồm chữ và số")
	case n > 200:
		return errors.New("mật khẩu quá dài: hãy dùng tối đa 200 ký tự")
	case strings.TrimSpace(pw) == "":
		return errors.New("mật khẩu không được chỉ gồm dấu cách")
	}
	return nil
}

// HashPassword hashes pw with a fresh salt read from random.
func HashPassword(pw string, random io.Reader) (string, error) {
	salt := make([]byte, pwSaltLen)
	if _, err := io.ReadFull(random, salt); err != nil {
		return "", fmt.Errorf("không tạo được muối cho mật khẩu: %v", err)
	}
	key := argon2.IDKey([]byte(pw), salt, pwTime, pwMemory, pwThreads, pwKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, pwMemory, pwTime, pwThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// dummyHash is checked against when the name is unknown, so a wrong name
// costs as much time as a wrong password.
var dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

// PasswordMatches reports whether pw is the password hashed in stored, in
// constant time. An empty or unreadable stored hash matches nothing (it
// still costs one hash, like a real check).
func PasswordMatches(stored, pw string) bool {
	if stored == "" {
		stored = dummyHash
	}
	parts := strings.Split(stored, "$")
	ok := len(parts) == 6 && parts[1] == "argon2id"
	var v, m, t, p int
	var salt, want []byte
	if ok {
		_, e1 := fmt.Sscanf(parts[2], "v=%d", &v)
		_, e2 := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p)
		var e3, e4 error
		salt, e3 = base64.RawStdEncoding.DecodeString(parts[4])
		want, e4 = base64.RawStdEncoding.DecodeString(parts[5])
		ok = e1 == nil && e2 == nil && e3 == nil && e4 == nil && v == argon2.Version &&
			m >= 8 && m <= 1<<21 && t >= 1 && t <= 16 && p >= 1 && p <= 16 && len(want) >= 16 && len(want) <= 64
	}
	if !ok {
		// Unreadable: still spend the time, then refuse.
		argon2.IDKey([]byte(pw), []byte("motcua-dummy-salt"), pwTime, pwMemory, pwThreads, pwKeyLen)
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, uint32(t), uint32(m), uint8(p), uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1 && stored != dummyHash
}
