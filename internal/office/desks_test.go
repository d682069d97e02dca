package office

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/letters"
	"motcua/internal/register"
	"motcua/internal/store/storetest"
)

// Several desks (each its own Office, as on its own PC) receive at the same
// moment into one register: every acknowledged dossier is there, and the
// day's code sequence and the year's entry numbers run 1..N without a gap
// or a repeat. On PostgreSQL the desks share a server; on SQLite they
// share the file.
func TestDesksReceivingAtOnce(t *testing.T) {
	dsn := storetest.DSN(t, filepath.Join(t.TempDir(), "r.db"))
	clock := vn("2026-11-23 09:00")
	const desks, each = 6, 10
	offices := make([]*Office, desks)
	for i := range offices {
		o, err := Open(dsn, Options{Now: func() time.Time { return clock }, Actor: fmt.Sprintf("Quầy %d", i+1)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { o.Close() })
		if i == 0 { // the commune's profile, before the other desks open
			if err := o.FillDemoProfile(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		offices[i] = o
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	acked := make(chan *register.Dossier, desks*each)
	errs := make(chan error, desks*each)
	for i, o := range offices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for j := 0; j < each; j++ {
				d, err := o.Receive(context.Background(), ReceiveInput{ProcedureCode: "khai-sinh",
					Applicant: register.Applicant{Name: fmt.Sprintf("Người %d-%d", i, j)}})
				if err != nil {
					errs <- err
					continue
				}
				acked <- d
				// Another kind of write (locked from its start) between the
				// receives (locked only for their numbers): one audit chain.
				if j%3 == 0 {
					if _, err := o.Forward(context.Background(), d.Code, "Tư pháp - Hộ tịch", time.Time{}); err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	close(acked)
	close(errs)
	for err := range errs {
		t.Errorf("a desk's receive failed (a clerk would have seen it): %v", err)
	}
	r, err := offices[0].VerifyAudit(context.Background())
	if err != nil || len(r.Problems) > 0 || r.Dossiers != desks*each {
		t.Fatalf("audit chain after desks received at once: %+v, %v", r, err)
	}
	var entries, seqs []int
	for d := range acked {
		got, err := offices[0].Show(context.Background(), d.Code)
		if err != nil || got.ID != d.ID || got.EntryNo != d.EntryNo {
			t.Fatalf("acknowledged dossier %s missing or different: %v", d.Code, err)
		}
		entries = append(entries, d.EntryNo)
		seq, _ := strconv.Atoi(d.Code[strings.LastIndexByte(d.Code, '-')+1:])
		seqs = append(seqs, seq)
	}
	checkRun(t, "entry numbers", entries, desks*each)
	checkRun(t, "code sequence", seqs, desks*each)
	if n, _ := offices[0].Count(context.Background(), Filter{}); n != desks*each {
		t.Fatalf("%d dossiers in the register, %d acknowledged", n, desks*each)
	}
}

// checkRun fails unless nums is exactly 1..n in some order.
func checkRun(t *testing.T, what string, nums []int, n int) {
	t.Helper()
	slices.Sort(nums)
	if len(nums) != n {
		t.Fatalf("%s: %d numbers, want %d", what, len(nums), n)
	}
	for i, v := range nums {
		if v != i+1 {
			t.Fatalf("%s: %v is not 1..%d (gap or repeat at %d)", what, nums, n, i+1)
		}
	}
}

// Desks issuing letters at the same moment take the outgoing book's numbers
// one after another: 1..N, none twice.
func TestDesksIssuingLettersAtOnce(t *testing.T) {
	dsn := storetest.DSN(t, filepath.Join(t.TempDir(), "l.db"))
	clock := vn("2026-11-23 15:00")
	const desks, each = 4, 5
	offices := make([]*Office, desks)
	for i := range offices {
		o, err := Open(dsn, Options{Now: func() time.Time { return clock }, Actor: fmt.Sprintf("Quầy %d", i+1)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { o.Close() })
		if i == 0 { // the commune's profile, before the other desks open
			if err := o.FillDemoProfile(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		offices[i] = o
	}
	ctx := context.Background()
	drafts := make([][]string, desks)
	for i, o := range offices {
		for j := 0; j < each; j++ {
			l, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: fmt.Sprintf("Ông %d-%d", i, j),
				Fields: map[string]string{"noi_dung": "giúp đỡ"}})
			if err != nil {
				t.Fatal(err)
			}
			drafts[i] = append(drafts[i], l.ID)
		}
	}
	var mu sync.Mutex
	var numbers []int
	var wg sync.WaitGroup
	for i, o := range offices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, id := range drafts[i] { // one letter per transaction, interleaved with the other desks
				got, err := o.IssueLetters(ctx, []string{id})
				if err != nil {
					t.Errorf("issue: %v", err)
					return
				}
				mu.Lock()
				numbers = append(numbers, got[0].Number)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	checkRun(t, "letter numbers", numbers, desks*each)
}
