package store

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
)

// deskLockPath is where the instance lock of a register on a PostgreSQL
// server lives: on this PC, in the user's cache folder, one per server
// database. Several desks share the register, so the lock is per desk (per
// PC user), not per register: it only keeps a second window on the same PC
// off the same register.
func deskLockPath(url string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	sum := sha256.Sum256([]byte(Redact(url)))
	return filepath.Join(dir, "motcua", "desk-"+hex.EncodeToString(sum[:8]))
}
