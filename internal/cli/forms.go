package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"motcua/internal/office"
	"motcua/internal/register"
)

// The steps whose papers the law shapes: the supplement request (form 02),
// the refusal (form 03 at the counter, or the competent body's notice after
// appraisal) and the stop (form 05).

func runSupplement(e *Env, args []string) error {
	fs := flag.NewFlagSet("supplement", flag.ContinueOnError)
	items := fs.String("items", "", "các nội dung cần bổ sung, cách nhau dấu ; hoặc xuống dòng")
	reason := fs.String("reason", "", "lý do yêu cầu bổ sung")
	return e.changeDossier(fs, args, func() error {
		if strings.TrimSpace(*items) == "" {
			return usagef("thiếu --items (các nội dung cần bổ sung, hoàn thiện)")
		}
		if strings.TrimSpace(*reason) == "" {
			return usagef("thiếu --reason (lý do yêu cầu bổ sung, in trên phiếu)")
		}
		return nil
	}, func(o *office.Office, code string, at time.Time) (*register.Dossier, []string, error) {
		return o.RequestSupplement(e.ctx, code, *items, *reason, at)
	})
}

func runRefuse(e *Env, args []string) error {
	fs := flag.NewFlagSet("refuse", flag.ContinueOnError)
	reason := fs.String("reason", "", "lý do từ chối")
	kind := fs.String("kind", "", "counter (từ chối tiếp nhận) hoặc appraisal (từ chối giải quyết sau thẩm định)")
	return e.changeDossier(fs, args, func() error {
		if strings.TrimSpace(*reason) == "" {
			return usagef("thiếu --reason (lý do từ chối)")
		}
		return nil
	}, func(o *office.Office, code string, at time.Time) (*register.Dossier, []string, error) {
		d, err := o.RefuseAs(e.ctx, code, register.RefusalKind(*kind), *reason, at)
		return d, nil, err
	})
}

func runStop(e *Env, args []string) error {
	fs := flag.NewFlagSet("stop", flag.ContinueOnError)
	by := fs.String("by", "", "applicant (người nộp đề nghị) hoặc agency (cơ quan quyết định)")
	reason := fs.String("reason", "", "lý do dừng")
	return e.changeDossier(fs, args, func() error {
		if *by == "" {
			return usagef("thiếu --by (applicant: người nộp đề nghị dừng; agency: cơ quan quyết định dừng)")
		}
		return nil
	}, func(o *office.Office, code string, at time.Time) (*register.Dossier, []string, error) {
		d, err := o.Stop(e.ctx, code, register.StopBy(*by), *reason, at)
		return d, nil, err
	})
}

func runPapers(e *Env, args []string) error {
	return e.withDossier("papers", args, func(o *office.Office, d *register.Dossier) error {
		ps := o.Papers(d)
		return e.emit(ps, func(w io.Writer) {
			for _, p := range ps {
				mark := "  "
				if p.Enabled {
					mark = "✓ "
				}
				fmt.Fprintf(w, "%s%-11s %s (%s)\n      %s\n", mark, p.Kind, p.Title, p.Sheet, p.Why)
			}
			fmt.Fprintf(w, "In bằng: motcua print LOẠI %s -o TỆP.pdf\n", d.Code)
		})
	})
}
