package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"motcua/internal/office"
	"motcua/internal/register"
)

// The steps whose papers the law shapes: the supplement request (form 02),
// the refusal (form 03 at the counter, or the competent body's notice after
// appraisal) and the stop (form 05).
func init() {
	addCommand(command{"refuse", "MÃ_HỒ_SƠ --reason LÝ_DO [--kind counter|appraisal] [--at …]",
		"Từ chối hồ sơ, nêu rõ lý do: counter = từ chối tiếp nhận tại bộ phận một cửa (mẫu 03), appraisal = cơ quan có thẩm quyền từ chối giải quyết sau thẩm định; mặc định theo quá trình của hồ sơ.", runRefuse})
	addCommand(command{"papers", "MÃ_HỒ_SƠ",
		"Liệt kê các giấy tờ in được cho hồ sơ (giấy tiếp nhận, phiếu bổ sung, từ chối, xin lỗi, thông báo dừng…), giấy nào dùng được lúc này và vì sao.", runPapers})
	addCommand(command{"stop", "MÃ_HỒ_SƠ --by applicant|agency [--reason LÝ_DO] [--at …]",
		"Dừng giải quyết hồ sơ: theo đề nghị của người nộp (applicant) hoặc quyết định của cơ quan (agency, phải có lý do).", runStop})
	addCommand(command{"supplement", "MÃ_HỒ_SƠ --items \"GIẤY TỜ; GIẤY TỜ…\" --reason LÝ_DO [--at …]",
		"Yêu cầu bổ sung, hoàn thiện hồ sơ (chỉ một lần): ghi đủ các nội dung cần bổ sung và lý do.", runSupplement})
}

func runSupplement(e *Env, args []string) error {
	fs := flag.NewFlagSet("supplement", flag.ContinueOnError)
	items := fs.String("items", "", "các nội dung cần bổ sung, cách nhau dấu ; hoặc xuống dòng")
	reason := fs.String("reason", "", "lý do yêu cầu bổ sung")
	atS := fs.String("at", "", "thời điểm")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cần đúng một mã hồ sơ")
	}
	if strings.TrimSpace(*items) == "" {
		return usagef("thiếu --items (các nội dung cần bổ sung, hoàn thiện)")
	}
	if strings.TrimSpace(*reason) == "" {
		return usagef("thiếu --reason (lý do yêu cầu bổ sung, in trên phiếu)")
	}
	at, err := parseAt(*atS)
	if err != nil {
		return err
	}
	o, err := e.office()
	if err != nil {
		return err
	}
	defer o.Close()
	d, warnings, err := o.RequestSupplement(e.ctx, pos[0], *items, *reason, at)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintf(e.Stderr, "Cảnh báo: %s\n", w)
	}
	return e.printDossier(d, warnings)
}

func runRefuse(e *Env, args []string) error {
	fs := flag.NewFlagSet("refuse", flag.ContinueOnError)
	reason := fs.String("reason", "", "lý do từ chối")
	kind := fs.String("kind", "", "counter (từ chối tiếp nhận) hoặc appraisal (từ chối giải quyết sau thẩm định)")
	atS := fs.String("at", "", "thời điểm")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cần đúng một mã hồ sơ")
	}
	if strings.TrimSpace(*reason) == "" {
		return usagef("thiếu --reason (lý do từ chối)")
	}
	at, err := parseAt(*atS)
	if err != nil {
		return err
	}
	o, err := e.office()
	if err != nil {
		return err
	}
	defer o.Close()
	d, err := o.RefuseAs(e.ctx, pos[0], register.RefusalKind(*kind), *reason, at)
	if err != nil {
		return err
	}
	return e.printDossier(d, nil)
}

func runStop(e *Env, args []string) error {
	fs := flag.NewFlagSet("stop", flag.ContinueOnError)
	by := fs.String("by", "", "applicant (người nộp đề nghị) hoặc agency (cơ quan quyết định)")
	reason := fs.String("reason", "", "lý do dừng")
	atS := fs.String("at", "", "thời điểm")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cần đúng một mã hồ sơ")
	}
	if *by == "" {
		return usagef("thiếu --by (applicant: người nộp đề nghị dừng; agency: cơ quan quyết định dừng)")
	}
	at, err := parseAt(*atS)
	if err != nil {
		return err
	}
	o, err := e.office()
	if err != nil {
		return err
	}
	defer o.Close()
	d, err := o.Stop(e.ctx, pos[0], register.StopBy(*by), *reason, at)
	if err != nil {
		return err
	}
	return e.printDossier(d, nil)
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
