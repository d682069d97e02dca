package cli

import (
	"flag"
	"fmt"
	"strings"
)

// The steps whose papers the law shapes: the supplement request (form 02).
func init() {
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
