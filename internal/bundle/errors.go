package bundle

import (
	"errors"
	"fmt"
)

// Kinds of refusal. Match them with errors.Is; show err.Error() to people.
var (
	ErrCorrupt          = errors.New("bundle: not a readable zip")
	ErrUnsafePath       = errors.New("bundle: unsafe entry name")
	ErrNotRegular       = errors.New("bundle: entry is not a regular file")
	ErrDuplicate        = errors.New("bundle: duplicate entry")
	ErrTooManyEntries   = errors.New("bundle: too many entries")
	ErrTooLarge         = errors.New("bundle: entry too large or too compressed")
	ErrManifestTooLarge = errors.New("bundle: manifest too large")
	ErrManifestInvalid  = errors.New("bundle: manifest invalid")
	ErrVersion          = errors.New("bundle: unknown format version")
	ErrSignature        = errors.New("bundle: bad signature")
	ErrUnknownKey       = errors.New("bundle: unknown key")
	ErrWrongKey         = errors.New("bundle: wrong key")
	ErrMissingFile      = errors.New("bundle: missing file")
	ErrExtraFile        = errors.New("bundle: file not in manifest")
	ErrSize             = errors.New("bundle: size mismatch")
	ErrHash             = errors.New("bundle: hash mismatch")
	ErrRecord           = errors.New("bundle: bad record")
	ErrPassphrase       = errors.New("bundle: wrong passphrase")
	ErrKeyFile          = errors.New("bundle: damaged key")
)

// Error is a refusal: Msg is the sentence for people, Kind the sentinel for
// code, Name the entry it concerns (empty when it concerns the whole bundle).
type Error struct {
	Kind error
	Name string
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Is matches the kind.
func (e *Error) Is(target error) bool { return target == e.Kind }

func fail(kind error, name, format string, a ...any) *Error {
	return &Error{Kind: kind, Name: name, Msg: fmt.Sprintf(format, a...)}
}

// refusal ends every sentence about a damaged bundle with what to do.
const askAgain = "Đề nghị xã xuất và gửi lại gói."

var kindNames = map[error]string{
	ErrCorrupt: "corrupt", ErrUnsafePath: "unsafe_path", ErrNotRegular: "not_regular", ErrDuplicate: "duplicate",
	ErrTooManyEntries: "too_many_entries", ErrTooLarge: "too_large", ErrManifestTooLarge: "manifest_too_large",
	ErrManifestInvalid: "manifest_invalid", ErrVersion: "version", ErrSignature: "signature", ErrUnknownKey: "unknown_key",
	ErrWrongKey: "wrong_key", ErrMissingFile: "missing_file", ErrExtraFile: "extra_file", ErrSize: "size", ErrHash: "hash",
	ErrRecord: "record", ErrPassphrase: "passphrase", ErrKeyFile: "key_file",
}

// KindName names the kind of a refusal for scripts ("hash", "wrong_key"…);
// "" when err is not a bundle refusal.
func KindName(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return ""
	}
	return kindNames[e.Kind]
}
