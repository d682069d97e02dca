package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"motcua/internal/office"
	"motcua/internal/store/storetest"
)

// Desks as separate programs: N copies of the built binary receive at the
// same moment into one register (a PostgreSQL server, or one SQLite file).
// Every dossier a process acknowledged is in the register, and the numbers
// run 1..N.
func TestDeskProcessesReceivingAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "motcua")
	build := exec.Command("go", "build", "-tags", "ci", "-o", bin, "motcua")
	build.Env = append(build.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dsn := storetest.DSN(t, filepath.Join(dir, "r.db"))
	o, err := office.Open(dsn, office.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.FillDemoProfile(t.Context()); err != nil { // nothing is issued under placeholders
		t.Fatal(err)
	}
	o.Close()
	const procs = 8
	type ack struct {
		Code    string `json:"code"`
		EntryNo int    `json:"entry_no"`
	}
	acks := make([]ack, procs)
	var wg sync.WaitGroup
	for i := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, "--db", dsn, "receive", "--procedure", "khai-sinh",
				"--applicant", fmt.Sprintf("Người nộp %d", i), "--json")
			out, err := cmd.Output()
			if err != nil {
				t.Errorf("process %d: %v %s", i, err, out)
				return
			}
			if err := json.Unmarshal(out, &acks[i]); err != nil {
				t.Errorf("process %d: %v %s", i, err, out)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	o, err = office.Open(dsn, office.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	var entries, seqs []int
	day := map[string]bool{}
	for _, a := range acks {
		if _, err := o.Show(context.Background(), a.Code); err != nil {
			t.Fatalf("acknowledged %s not in the register: %v", a.Code, err)
		}
		entries = append(entries, a.EntryNo)
		cut := strings.LastIndexByte(a.Code, '-')
		seq, _ := strconv.Atoi(a.Code[cut+1:])
		seqs = append(seqs, seq)
		day[a.Code[:cut]] = true
	}
	if len(day) != 1 {
		t.Skipf("the processes straddled midnight (%v); numbers restart per day", day)
	}
	if r, err := o.VerifyAudit(context.Background()); err != nil || len(r.Problems) > 0 || r.Dossiers != procs {
		t.Fatalf("audit chain after processes received at once: %+v, %v", r, err)
	}
	for what, nums := range map[string][]int{"entry numbers": entries, "code sequence": seqs} {
		slices.Sort(nums)
		for i, v := range nums {
			if v != i+1 {
				t.Fatalf("%s: %v is not 1..%d", what, nums, procs)
			}
		}
	}
}
