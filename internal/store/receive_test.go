package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/register"
	"motcua/internal/store/storetest"
)

func lateDossier(i int, at time.Time) *register.Dossier {
	return &register.Dossier{ID: fmt.Sprintf("id-%d", i), ReceivedAt: at, DueAt: at.Add(72 * time.Hour), UpdatedAt: at,
		Year: at.Year(), BookNo: 1, ProcedureCode: "khai-sinh", ProcedureName: "Đăng ký khai sinh",
		Limit:     calendar.Limit{Value: 1, Unit: calendar.WorkingDays},
		Applicant: register.Applicant{Name: fmt.Sprintf("Nguyễn Văn %d", i), Phone: "0912 345 678"},
		Documents: []string{"Tờ khai"}, State: register.Received, Note: "ghi chú 'có nháy' và \"ngoặc\"",
		Events: []register.Event{{Seq: 1, Kind: register.EvReceived, At: at, Actor: "Lan", State: register.Received}}}
}

func receiveOne(s *Store, d *register.Dossier, fail error) error {
	run := s.TxLateLock
	if d.ID == "id-5" { // also inside an ordinary transaction (locked from its start)
		run = s.Tx
	}
	return run(context.Background(), func(tx *Tx) error {
		return tx.ReceiveDossier("H01.01", d, func(seq, entry int) (Audit, error) {
			if fail != nil {
				return Audit{}, fail
			}
			d.Code = register.FormatCode("H01.01", d.ReceivedAt, seq)
			d.EntryNo = entry
			return Audit{At: d.ReceivedAt, Actor: "Lan", Action: "receive", Entity: "dossier", EntityID: d.ID, After: d.Code}, nil
		})
	})
}

// ReceiveDossier on either engine: numbers given in order, a receive that
// fails after its numbers were taken gives them back, the audit entry's row
// hash is the row as read back (VerifyAudit recomputes it), and the chain
// stays whole when other write transactions (locked at their start)
// interleave with late-locked receives.
func TestReceiveDossierNumbersAndChain(t *testing.T) {
	s, err := Open(storetest.DSN(t, filepath.Join(t.TempDir(), "r.db")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, calendar.Zone)
	refused := errors.New("refused")
	for i := 1; i <= 6; i++ {
		d := lateDossier(i, at.Add(time.Duration(i)*time.Minute))
		if i == 3 {
			if err := receiveOne(s, d, refused); !errors.Is(err, refused) {
				t.Fatalf("a refused receive returned %v", err)
			}
			d = lateDossier(30, d.ReceivedAt)
		}
		if err := receiveOne(s, d, nil); err != nil {
			t.Fatal(err)
		}
		want := i
		if d.EntryNo != want || d.Code != register.FormatCode("H01.01", at, want) {
			t.Fatalf("receive %d got %s entry %d; a refused receive must give its numbers back", i, d.Code, d.EntryNo)
		}
		if i%2 == 0 { // an ordinary write between receives
			if err := s.Tx(context.Background(), func(tx *Tx) error {
				return tx.AppendAudit(Audit{At: at, Actor: "Lan", Action: "note", Entity: "setting", EntityID: "x"})
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	r, err := s.VerifyAudit(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 || r.Entries != 9 || r.Dossiers != 6 {
		t.Fatalf("audit after receives: %+v", r)
	}
	// The hash written with the receive is the hash of the row as stored.
	d := lateDossier(7, at.Add(time.Hour))
	if err := receiveOne(s, d, nil); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := s.db.QueryRow(`SELECT row_hash FROM audit WHERE entity_id = ?`, d.ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	read, err := dossierRowHash(s.db, d.ID)
	if err != nil || read != stored || stored == "" {
		t.Fatalf("row hash written %q, read back %q (%v)", stored, read, err)
	}
}

// A late-locked transaction that fails before its lock leaves nothing
// behind and the connection usable (PostgreSQL: its own connection, given
// back to the pool).
func TestTxLateLockRollsBack(t *testing.T) {
	s, err := Open(storetest.DSN(t, filepath.Join(t.TempDir(), "r.db")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	boom := errors.New("boom")
	for range 20 { // more than the pool's connections
		if err := s.TxLateLock(context.Background(), func(tx *Tx) error {
			if _, err := tx.Procedure("khong-co"); !errors.Is(err, ErrNotFound) {
				return fmt.Errorf("want not found, got %v", err)
			}
			return boom
		}); !errors.Is(err, boom) {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, calendar.Zone)
	d := lateDossier(1, at)
	if err := receiveOne(s, d, nil); err != nil || d.EntryNo != 1 {
		t.Fatalf("receive after failed transactions: %v, entry %d", err, d.EntryNo)
	}
}
