// Package bundle reads and writes signed bundles (gói dữ liệu gửi cấp trên):
// a ZIP of JSON Lines files with a canonical manifest that lists every file's
// size and SHA-256, signed with the commune's Ed25519 key. The format is
// specified in docs/bundle-format.md; this package is its implementation and
// promises that a Reader hands out no record before the signature, the set of
// files and (for a file being read) its size and hash have been checked.
//
// It is pure: no SQL, no windows, no file names. Callers pass io.Writer and
// io.ReaderAt, a clock's time and a source of randomness. Every refusal is an
// *Error whose message is a Vietnamese sentence for the officer and whose kind
// matches one of the Err… sentinels with errors.Is.
package bundle
