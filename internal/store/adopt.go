package store

// Dossiers that were in a register before its audit chain began, without an
// audit line of their own (an older release's demo seeder wrote none), are
// adopted when the register is upgraded: one chained audit entry names how
// many they are, the highest row number among them and a digest of their
// ids in row order. Verify then reads them as "có trước nhật ký" instead of
// "added outside the program", while a dossier slipped in later without an
// audit line (above that row number, or in a gap below it, which changes
// the digest) is still caught. Their contents were never hashed by the
// program, so an edit of one of them is not detected; every change the
// program makes to one of them writes its audit line and row hash as usual.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"time"
)

// adoptAction is the audit action of the adoption entry.
const adoptAction = "adopt_unlogged"

// adoption is the adoption entry's content.
type adoption struct {
	Dossiers int64  `json:"dossiers"`
	LastN    int64  `json:"last_n"`
	Digest   string `json:"digest"`
}

// unloggedDigest accumulates the ids of unlogged dossiers in row order.
type unloggedDigest struct {
	h     hash.Hash
	count int64
	lastN int64
}

func newUnloggedDigest() *unloggedDigest { return &unloggedDigest{h: sha256.New()} }

func (d *unloggedDigest) add(n int64, id string) {
	fmt.Fprintf(d.h, "%d\x1f%s\x1e", n, id)
	d.count++
	d.lastN = n
}

func (d *unloggedDigest) sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

func adoptUnlogged(tx *Tx) error {
	var done int64
	if err := tx.tx.QueryRow(`SELECT COUNT(*) FROM audit WHERE action = ? AND entity = 'register'`, adoptAction).Scan(&done); err != nil {
		return err
	}
	if done > 0 {
		return nil // adopted once already
	}
	rows, err := tx.tx.Query(`SELECT d.n, d.id FROM dossiers d
		WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.entity = 'dossier' AND a.entity_id = d.id) ORDER BY d.n`)
	if err != nil {
		return err
	}
	dg := newUnloggedDigest()
	for rows.Next() {
		var n int64
		var id string
		if err := rows.Scan(&n, &id); err != nil {
			rows.Close()
			return err
		}
		dg.add(n, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if dg.count == 0 {
		return nil
	}
	after, err := json.Marshal(adoption{Dossiers: dg.count, LastN: dg.lastN, Digest: dg.sum()})
	if err != nil {
		return err
	}
	return tx.appendChained(Audit{At: time.Now(), Actor: "nâng cấp phần mềm", Action: adoptAction,
		Entity: "register", EntityID: "dossiers", After: string(after)})
}

func init() { migrationHooks["adopt-unlogged"] = adoptUnlogged }
