package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"motcua/internal/office"
	"motcua/internal/store"
)

// noteWindow tells the clerk that a change made from the command line went
// into a register the desktop window has open. The decision (see
// docs/reliability.md): such a change is allowed. SQLite lets one writer at
// a time commit, each change is one transaction with its audit line, and
// the window reads the register afresh when it refreshes its lists, so
// nothing is lost or doubled; the window just shows the change a little
// later.
func (e *Env) noteWindow() {
	if e.opened == nil || !e.opened.Wrote() || e.JSON {
		return
	}
	if store.WindowHolds(e.dbPath) {
		fmt.Fprintln(e.Stderr, "Lưu ý: cửa sổ phần mềm đang mở sổ này; thay đổi đã được ghi an toàn (phần mềm ghi lần lượt từng thay đổi), cửa sổ sẽ hiện thay đổi khi làm mới danh sách.")
	}
}

func (e *Env) dbFile() (string, error) {
	if e.DB != "" {
		return e.DB, nil
	}
	return office.DeskDB()
}

func runCheck(e *Env, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	if _, err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		problems, err := o.Check(e.ctx)
		if err != nil {
			return err
		}
		if err := e.emit(map[string]any{"ok": len(problems) == 0, "problems": problems, "db": o.Path()}, func(w io.Writer) {
			if len(problems) == 0 {
				fmt.Fprintf(w, "Tệp dữ liệu %s nguyên vẹn.\n", o.Path())
			}
		}); err != nil {
			return err
		}
		if len(problems) > 0 {
			return fmt.Errorf("tệp dữ liệu %s bị hỏng (%s); hãy khôi phục từ bản sao lưu mới nhất (motcua restore)", o.Path(), strings.Join(problems, "; "))
		}
		return nil
	})
}

func runBackup(e *Env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	out := fs.String("o", "", "tệp hoặc thư mục sao lưu")
	if err := e.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("thiếu -o TỆP.db (nơi lưu bản sao lưu)")
	}
	return e.withOffice(func(o *office.Office) error {
		n, err := o.Count(e.ctx, office.Filter{})
		if err != nil {
			return err
		}
		file, err := o.Backup(e.ctx, *out)
		if err != nil {
			return err
		}
		return e.emit(map[string]any{"file": file, "dossiers": n}, func(w io.Writer) {
			fmt.Fprintf(w, "Đã sao lưu %d hồ sơ ra tệp %s\n", n, file)
		})
	})
}

func runRestore(e *Env, args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	yes := fs.Bool("yes", false, "không hỏi lại")
	backup, err := e.parseOne(fs, args, "tệp sao lưu")
	if err != nil {
		return err
	}
	path, err := e.dbFile()
	if err != nil {
		return err
	}
	if err := e.mayRestore(); err != nil { // accounts.go
		return err
	}
	confirm := func(p office.RestorePlan) bool {
		if *yes {
			if w := p.Warning(); w != "" {
				fmt.Fprintln(e.Stderr, w)
			}
			return true
		}
		fmt.Fprintf(e.Stderr, "Sẽ thay sổ %s (%d hồ sơ) bằng bản sao lưu %s (%d hồ sơ).\n", p.Current, p.CurrentDossiers, p.Source, p.SourceDossiers)
		if w := p.Warning(); w != "" {
			fmt.Fprintln(e.Stderr, w)
		}
		fmt.Fprint(e.Stderr, "Gõ \"có\" để khôi phục: ")
		line, _ := e.stdin().ReadString('\n')
		a := strings.ToLower(strings.TrimSpace(line))
		return a == "có" || a == "co" || a == "yes" || a == "y"
	}
	plan, err := office.Restore(e.ctx, path, backup, e.Now(), confirm)
	if err != nil {
		return err
	}
	return e.emit(plan, func(w io.Writer) {
		fmt.Fprintf(w, "Đã khôi phục sổ %s từ %s (%d hồ sơ).\n", plan.Current, plan.Source, plan.SourceDossiers)
		if plan.Aside != "" {
			fmt.Fprintf(w, "Sổ trước khi khôi phục (%d hồ sơ) được giữ ở %s.\n", plan.CurrentDossiers, plan.Aside)
		}
		if plan.Newer > 0 {
			fmt.Fprintf(w, "%d hồ sơ có trong sổ cũ mà bản sao lưu không có (hoặc có ít bước hơn) nay không còn trong sổ; xem lại trong tệp giữ lại.\n", plan.Newer)
		}
	})
}

func runAudit(e *Env, args []string) error {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "verify" {
		return usagef("dùng: motcua audit verify")
	}
	return e.withOffice(func(o *office.Office) error {
		r, err := o.VerifyAudit(e.ctx)
		if err != nil {
			return err
		}
		if err := e.emit(r, func(w io.Writer) {
			if len(r.Problems) == 0 {
				fmt.Fprintf(w, "Nhật ký nguyên vẹn: %d mục, %d hồ sơ khớp với nhật ký.\n", r.Entries, r.Dossiers-r.Unlogged-r.Adopted)
				if r.Adopted > 0 {
					fmt.Fprintf(w, "%d hồ sơ có trước nhật ký (đã có trong sổ khi nâng cấp lên phiên bản có nhật ký chống sửa, được ghi nhận lúc đó).\n", r.Adopted)
				}
				fmt.Fprintf(w, "Mã kiểm tra của mục cuối (ghi lại để đối chiếu về sau): %s\n", r.Head)
				return
			}
			for _, p := range r.Problems {
				fmt.Fprintf(w, "- %s\n", capitalise(p.Message))
			}
		}); err != nil {
			return err
		}
		if len(r.Problems) > 0 {
			return fmt.Errorf("nhật ký hoặc sổ đã bị sửa ngoài phần mềm (%d điểm, điểm đầu tiên: %s); hãy đối chiếu với bản sao lưu và báo lãnh đạo", len(r.Problems), r.Problems[0].Message)
		}
		return nil
	})
}
