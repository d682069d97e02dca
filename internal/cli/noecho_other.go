//go:build !linux && !windows

package cli

import "os"

// withoutEcho is not available here: the passphrase shows as typed.
func withoutEcho(f *os.File) (restore func(), ok bool) { return func() {}, false }
