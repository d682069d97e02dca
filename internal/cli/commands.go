package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"motcua/internal/office"
	"motcua/internal/register"
)

// dossierOut is a dossier as printed by the commands that change or show it.
type dossierOut struct {
	*register.Dossier
	DueDate     string   `json:"due_date"`
	Provisional bool     `json:"provisional"` // the due date rests on a provisional (dự kiến) day off
	Warnings    []string `json:"warnings,omitempty"`
}

func (e *Env) printDossier(d *register.Dossier, warnings []string) error {
	out := dossierOut{Dossier: d, DueDate: d.DueAt.Format("2006-01-02"), Warnings: warnings}
	if e.opened != nil {
		out.Provisional = e.opened.DueProvisional(d)
	}
	return e.emit(out, func(w io.Writer) {
		fmt.Fprintf(w, "Mã hồ sơ:      %s (số thứ tự %d, quyển %d)\n", d.Code, d.EntryNo, d.BookNo)
		fmt.Fprintf(w, "Thủ tục:       %s\n", d.ProcedureName)
		fmt.Fprintf(w, "Người nộp:     %s\n", d.Applicant.Name)
		if d.Applicant.Address != "" {
			fmt.Fprintf(w, "Địa chỉ:       %s\n", d.Applicant.Address)
		}
		if d.Applicant.Phone != "" {
			fmt.Fprintf(w, "Điện thoại:    %s\n", d.Applicant.Phone)
		}
		mark := ""
		if len(d.Events) > 0 && d.Events[0].Backdated {
			mark = " [ghi lùi ngày]"
		}
		fmt.Fprintf(w, "Tiếp nhận:     %s%s\n", d.ReceivedAt.Format(stamp), mark)
		fmt.Fprintf(w, "Hẹn trả:       %s; thời hạn %s\n", d.DueAt.Format(stamp), office.LimitText(d))
		if d.NewDueAt != nil {
			fmt.Fprintf(w, "Hẹn trả mới:   %s\n", d.NewDueAt.Format(stamp))
		}
		fmt.Fprintf(w, "Trạng thái:    %s\n", d.State.Vietnamese())
		if d.Outcome != "" {
			fmt.Fprintf(w, "Kết quả:       %s\n", d.Outcome.Vietnamese())
		}
		if len(d.Events) > 1 {
			fmt.Fprintln(w, "Quá trình:")
			for _, ev := range d.Events {
				line := fmt.Sprintf("  %s  %s", ev.At.Format(stamp), ev.Kind.Vietnamese())
				if ev.From != "" || ev.To != "" {
					line += fmt.Sprintf(": %s → %s", ev.From, ev.To)
				}
				if ev.Outcome != "" {
					line += " (" + strings.ToLower(ev.Outcome.Vietnamese()) + ")"
				}
				if ev.Note != "" {
					line += ". " + ev.Note
				}
				if ev.Backdated {
					line += " [ghi lùi ngày]"
				}
				fmt.Fprintln(w, line)
			}
		}
		if out.Provisional {
			fmt.Fprintln(w, "Lưu ý: hạn trả tính qua ngày nghỉ dự kiến (chưa có thông báo chính thức của năm đó), có thể thay đổi; hãy báo cho người nộp.")
		}
		for _, s := range warnings {
			fmt.Fprintf(w, "Lưu ý: %s\n", s)
		}
	})
}

// step is the office's side of forward, done, resume, withdraw and
// return: the dossier code, the text the step records (the unit it goes
// to, the reason) and when.
type step func(o *office.Office, ctx context.Context, code, text string, at time.Time) (*register.Dossier, error)

// plainStep makes those commands: one dossier code and the same flags
// (--reason, --to, --at) whether the step uses them or not. The text
// recorded is --reason, or --to (then required) for forward.
func plainStep(name string, needTo bool, act step) func(*Env, []string) error {
	return func(e *Env, args []string) error {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		reason := fs.String("reason", "", "lý do")
		to := fs.String("to", "", "đơn vị nhận")
		if needTo {
			reason = to
		}
		return e.changeDossier(fs, args, func() error {
			if needTo && *to == "" {
				return usagef("thiếu --to (đơn vị nhận hồ sơ)")
			}
			return nil
		}, func(o *office.Office, code string, at time.Time) (*register.Dossier, []string, error) {
			d, err := act(o, e.ctx, code, *reason, at)
			return d, nil, err
		})
	}
}

// noText is a step that records no text of its own.
func noText(act func(*office.Office, context.Context, string, time.Time) (*register.Dossier, error)) step {
	return func(o *office.Office, ctx context.Context, code, _ string, at time.Time) (*register.Dossier, error) {
		return act(o, ctx, code, at)
	}
}

func runReceive(e *Env, args []string) error {
	fs := flag.NewFlagSet("receive", flag.ContinueOnError)
	proc := fs.String("procedure", "", "mã thủ tục")
	variant := fs.String("variant", "", "trường hợp đặc biệt của thủ tục (ví dụ xac-minh); xem motcua procedures")
	var a register.Applicant
	fs.StringVar(&a.Name, "applicant", "", "họ tên người nộp")
	fs.StringVar(&a.Address, "address", "", "địa chỉ")
	fs.StringVar(&a.Phone, "phone", "", "điện thoại")
	fs.StringVar(&a.Email, "email", "", "thư điện tử")
	sets := fs.Int("sets", 1, "số bộ hồ sơ")
	method := fs.String("result", "counter", "nơi nhận kết quả: counter, post, online")
	channel := fs.String("channel", "counter", "kênh tiếp nhận: counter (tại quầy), post (bưu chính), online (trực tuyến)")
	atS := fs.String("at", "", "thời điểm tiếp nhận")
	note := fs.String("note", "", "ghi chú")
	if err := e.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *proc == "" {
		return usagef("thiếu --procedure (mã thủ tục; xem motcua procedures)")
	}
	at, err := parseAt(*atS)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		d, err := o.Receive(e.ctx, office.ReceiveInput{ProcedureCode: *proc, Applicant: a, At: at, Sets: *sets, ResultMethod: *method, Channel: *channel, Note: *note, Variant: *variant})
		if err != nil {
			return err
		}
		return e.printDossier(d, nil)
	})
}

func runApologise(e *Env, args []string) error {
	fs := flag.NewFlagSet("apologise", flag.ContinueOnError)
	reason := fs.String("reason", "", "lý do chậm")
	nd := fs.String("new-date", "", "ngày hẹn trả mới")
	var newDate time.Time
	return e.changeDossier(fs, args, func() error {
		if strings.TrimSpace(*reason) == "" {
			return usagef("thiếu --reason (lý do chậm trả kết quả)")
		}
		if *nd == "" {
			return usagef("thiếu --new-date (ngày hẹn trả mới)")
		}
		var err error
		newDate, err = parseDate(*nd)
		return err
	}, func(o *office.Office, code string, at time.Time) (*register.Dossier, []string, error) {
		return o.Apologise(e.ctx, code, *reason, newDate, at)
	})
}

func runShow(e *Env, args []string) error {
	return e.withDossier("show", args, func(_ *office.Office, d *register.Dossier) error {
		return e.printDossier(d, nil)
	})
}

func runSearch(e *Env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	limit := fs.Int("limit", 50, "số kết quả tối đa")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("thiếu từ khóa tìm kiếm")
	}
	if *limit < 1 || *limit > 10000 {
		return usagef("--limit phải từ 1 đến 10000")
	}
	return e.withOffice(func(o *office.Office) error {
		ds, err := o.Search(e.ctx, strings.Join(pos, " "), *limit)
		if err != nil {
			return err
		}
		type row struct {
			Code      string         `json:"code"`
			Applicant string         `json:"applicant"`
			Address   string         `json:"address,omitempty"`
			Phone     string         `json:"phone,omitempty"`
			Procedure string         `json:"procedure"`
			State     register.State `json:"state"`
			Received  time.Time      `json:"received_at"`
			Due       time.Time      `json:"due_at"`
		}
		rows := make([]row, 0, len(ds))
		for _, d := range ds {
			rows = append(rows, row{d.Code, d.Applicant.Name, d.Applicant.Address, d.Applicant.Phone, d.ProcedureName, d.State, d.ReceivedAt, d.DueAt})
		}
		return e.emit(rows, func(w io.Writer) {
			if len(rows) == 0 {
				fmt.Fprintln(w, "Không tìm thấy hồ sơ nào.")
			}
			for _, r := range rows {
				fmt.Fprintf(w, "%s  %-28s %-14s %s  %s\n", r.Code, r.Applicant, r.Phone, r.State.Vietnamese(), r.Procedure)
			}
		})
	})
}

func runSettings(e *Env, args []string) error {
	fs := flag.NewFlagSet("settings", flag.ContinueOnError)
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		if len(pos) > 0 {
			values := map[string]string{}
			for _, kv := range pos {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					return usagef("%q phải có dạng KHÓA=GIÁ_TRỊ", kv)
				}
				values[strings.TrimSpace(k)] = v
			}
			if err := o.SetSettings(e.ctx, values); err != nil {
				return err
			}
		}
		ss, err := o.Settings(e.ctx)
		if err != nil {
			return err
		}
		return e.emit(ss, func(w io.Writer) {
			for _, s := range ss {
				fmt.Fprintf(w, "%-18s = %-40s  %s\n", s.Key, s.Value, s.Label)
			}
		})
	})
}

func runSeed(e *Env, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	n := fs.Int("dossiers", 0, "số hồ sơ")
	years := fs.Int("years", 0, "trải trong bao nhiêu năm gần đây")
	seed := fs.Uint64("seed", 1, "hạt giống ngẫu nhiên")
	ifEmpty := fs.Bool("if-empty", false, "chỉ tạo khi sổ chưa có hồ sơ nào")
	demoProfile := fs.Bool("demo-profile", false, "điền thông tin xã mẫu nếu chưa đặt")
	if err := e.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *n <= 0 {
		return usagef("thiếu --dossiers N (số hồ sơ cần tạo, lớn hơn 0)")
	}
	if *years < 0 || *years > 50 {
		return usagef("--years phải từ 1 đến 50")
	}
	path, err := e.dbFile()
	if err != nil {
		return err
	}
	o, err := office.Open(path, office.Options{Now: e.Now, Fast: true})
	if err != nil {
		return err
	}
	defer o.Close()
	if err := e.signIn(o); err != nil {
		return err
	}
	if err := o.SeedAllowed(e.ctx); err != nil && !*ifEmpty {
		return err
	}
	if *demoProfile {
		if err := o.FillDemoProfile(e.ctx); err != nil {
			return err
		}
	}
	if *ifEmpty {
		if n, err := o.Count(e.ctx, office.Filter{}); err != nil {
			return err
		} else if n > 0 {
			return e.emit(map[string]any{"dossiers": 0, "existing": n, "db": path}, func(w io.Writer) {
				fmt.Fprintf(w, "Sổ đã có %d hồ sơ; không tạo thêm dữ liệu mẫu.\n", n)
			})
		}
	}
	start := time.Now()
	last := time.Now()
	count, err := o.Seed(e.ctx, office.SeedOptions{Dossiers: *n, Years: *years, Seed: *seed, People: true, Progress: func(done int) {
		if !e.JSON && time.Since(last) > 2*time.Second {
			fmt.Fprintf(e.Stderr, "  đã tạo %d/%d hồ sơ…\n", done, *n)
			last = time.Now()
		}
	}})
	if errors.Is(err, office.ErrProfileIncomplete) {
		return fmt.Errorf("%w. Muốn tạo hồ sơ mẫu của xã mẫu, chạy lại với --demo-profile", err)
	}
	if err != nil {
		return fmt.Errorf("đã tạo %d hồ sơ rồi dừng vì lỗi: %w", count, err)
	}
	if *demoProfile {
		// A demo is a living office on the day it is opened: due
		// today, tomorrow, overdue, letters waiting.
		if err := o.SeedToday(e.ctx, *seed); err != nil {
			return err
		}
	}
	elapsed := time.Since(start)
	if err := o.Close(); err != nil {
		return err
	}
	var size int64
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	return e.emit(map[string]any{"dossiers": count, "seconds": elapsed.Seconds(), "db_bytes": size, "db": path}, func(w io.Writer) {
		fmt.Fprintf(w, "Đã tạo %d hồ sơ trong %.1f giây; cơ sở dữ liệu %s nặng %.1f MB.\n", count, elapsed.Seconds(), path, float64(size)/1e6)
	})
}
