package cli

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"motcua/internal/office"
	"motcua/internal/register"
	"motcua/internal/textvn"
)

// benchFigure is one measured operation.
type benchFigure struct {
	Name    string  `json:"name"`
	Samples int     `json:"samples"`
	P50ms   float64 `json:"p50_ms"`
	P95ms   float64 `json:"p95_ms"`
	Maxms   float64 `json:"max_ms"`
	// Conflicts counts the receives a clerk would have seen fail (desks figure).
	Conflicts int `json:"conflicts"`
}

func figure(name string, d []time.Duration) benchFigure {
	slices.Sort(d)
	ms := func(x time.Duration) float64 { return float64(x.Microseconds()) / 1000 }
	q := func(p float64) time.Duration { return d[min(len(d)-1, int(p*float64(len(d))))] }
	return benchFigure{Name: name, Samples: len(d), P50ms: ms(q(0.50)), P95ms: ms(q(0.95)), Maxms: ms(d[len(d)-1])}
}

// benchDesks: desks copies of the office (each its own connection, as on
// its own PC) receive at the same time, n receives in all; every latency
// counts, and so does every receive that failed.
func (e *Env) benchDesks(desks, n int, procs []string, open func() (*office.Office, error)) (benchFigure, int, error) {
	offices := make([]*office.Office, desks)
	for i := range offices {
		o, err := open()
		if err != nil {
			return benchFigure{}, 0, err
		}
		defer o.Close()
		offices[i] = o
	}
	var mu sync.Mutex
	var lat []time.Duration
	conflicts := 0
	var wg sync.WaitGroup
	for i, o := range offices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := i; j < n; j += desks {
				t0 := time.Now()
				_, err := o.Receive(e.ctx, office.ReceiveInput{ProcedureCode: procs[j%len(procs)],
					Applicant: register.Applicant{Name: fmt.Sprintf("Quầy %d Đo Thử %d", i+1, j), Address: "Thôn Đo, xã Thử"},
					Note:      "Hồ sơ do lệnh motcua bench tạo"})
				d := time.Since(t0)
				mu.Lock()
				if err != nil {
					conflicts++
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(lat) == 0 {
		return benchFigure{}, conflicts, fmt.Errorf("không quầy nào tiếp nhận được hồ sơ khi đo")
	}
	return figure(fmt.Sprintf("%d desks receiving at once", desks), lat), conflicts, nil
}

// foldASCII drops Vietnamese marks the way a clerk types without accents.
func foldASCII(s string) string { return textvn.Fold(s) }

func runBench(e *Env, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	samples := fs.Int("samples", 300, "số lần đo mỗi phép")
	desks := fs.Int("desks", 0, "đo thêm N quầy cùng tiếp nhận một lúc (mỗi quầy một kết nối riêng)")
	inPlace := fs.Bool("in-place", false, "đo ngay trên sổ này thay vì một bản sao (hồ sơ thử được ghi vào sổ): chỉ dùng cho sổ thử, ví dụ một lược đồ tạm trên máy chủ PostgreSQL")
	if err := e.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *samples < 1 || *samples > 100000 {
		return usagef("--samples phải từ 1 đến 100000")
	}
	// The test dossiers go into a scratch copy: the real register
	// never gets entry numbers for dossiers nobody brought. The copy
	// is a SQLite file, so a register on a server is measured in
	// place (--in-place, on a throwaway schema: scripts/bench.sh).
	real, err := e.office()
	if err != nil {
		return err
	}
	o, open := real, e.office
	if !*inPlace {
		scratchDir, err := os.MkdirTemp("", "motcua-bench-*")
		if err != nil {
			real.Close()
			return fmt.Errorf("không tạo được thư mục tạm để đo: %v", err)
		}
		defer os.RemoveAll(scratchDir)
		scratch, err := real.Backup(e.ctx, filepath.Join(scratchDir, "bench.db"))
		if cerr := real.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if o, err = office.Open(scratch, office.Options{Now: e.Now}); err != nil {
			return err
		}
		defer o.Close()
		open = func() (*office.Office, error) {
			d, err := office.Open(scratch, office.Options{Now: e.Now})
			if err != nil {
				return nil, err
			}
			if err := e.signIn(d); err != nil {
				d.Close()
				return nil, err
			}
			return d, nil
		}
	} else {
		defer real.Close()
	}
	if err := e.signIn(o); err != nil {
		return err
	}
	total, err := o.Count(e.ctx, office.Filter{})
	if err != nil {
		return err
	}
	n := max(10, *samples)
	rng := rand.New(rand.NewPCG(7, 11))
	// Queries people type: names without accents, a phone, a code.
	sample, err := o.Page(e.ctx, office.Filter{Limit: 200, Offset: rng.IntN(max(1, total-200))})
	if err != nil {
		return err
	}
	var queries []string
	for _, d := range sample {
		words := strings.Fields(d.Applicant.Name)
		switch len(queries) % 4 {
		case 0:
			queries = append(queries, strings.ToLower(foldASCII(d.Applicant.Name)))
		case 1:
			queries = append(queries, foldASCII(words[len(words)-1]))
		case 2:
			if d.Applicant.Phone != "" {
				queries = append(queries, d.Applicant.Phone)
			} else {
				queries = append(queries, d.Code)
			}
		default:
			queries = append(queries, d.Code)
		}
	}
	if len(queries) == 0 {
		queries = []string{"nguyen van an"}
	}
	var figs []benchFigure

	var search []time.Duration
	for i := 0; i < n; i++ {
		q := queries[i%len(queries)]
		t0 := time.Now()
		if _, err := o.Search(e.ctx, q, 50); err != nil {
			return err
		}
		search = append(search, time.Since(t0))
	}
	figs = append(figs, figure("search, top 50", search))

	states := [][]register.State{{register.Received}, {register.InProgress}, {register.Returned}, {register.SupplementRequested}, {register.Received, register.InProgress, register.Done}}
	var page []time.Duration
	for i := 0; i < n; i++ {
		f := office.Filter{States: states[i%len(states)], Limit: 50, Offset: 50 * rng.IntN(20)}
		t0 := time.Now()
		if _, err := o.Page(e.ctx, f); err != nil {
			return err
		}
		page = append(page, time.Since(t0))
	}
	figs = append(figs, figure("page of 50 rows, status filter", page))

	procs := []string{"khai-sinh", "chung-thuc-ban-sao", "xac-nhan-hon-nhan", "tam-tru"}
	var recv []time.Duration
	for i := 0; i < n; i++ {
		t0 := time.Now()
		_, err := o.Receive(e.ctx, office.ReceiveInput{ProcedureCode: procs[i%len(procs)],
			Applicant: register.Applicant{Name: "Người Đo Thử " + fmt.Sprint(i), Address: "Thôn Đo, xã Thử", Phone: "0900000000"},
			Note:      "Hồ sơ do lệnh motcua bench tạo"})
		if err != nil {
			return err
		}
		recv = append(recv, time.Since(t0))
	}
	figs = append(figs, figure("receive one dossier (durable commit)", recv))

	if *desks > 1 {
		f, conflicts, err := e.benchDesks(*desks, n, procs, open)
		if err != nil {
			return err
		}
		figs = append(figs, f)
		figs[len(figs)-1].Conflicts = conflicts
	}

	out := map[string]any{"dossiers": total, "figures": figs}
	return e.emit(out, func(w io.Writer) {
		fmt.Fprintf(w, "Đo trên %d hồ sơ:\n", total)
		for _, f := range figs {
			fmt.Fprintf(w, "  %-40s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%d lần)\n", f.Name, f.P50ms, f.P95ms, f.Maxms, f.Samples)
		}
	})
}
