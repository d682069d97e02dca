package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"motcua/internal/office"
)

// procFlag collects --procedure "Tên trong sổ=mã" pairs.
type procFlag map[string]string

func (f procFlag) String() string { return "" }

func (f procFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
		return fmt.Errorf("--procedure cần dạng \"Tên thủ tục trong sổ=mã thủ tục\"")
	}
	f[strings.TrimSpace(k)] = strings.TrimSpace(v)
	return nil
}

func runImportXLSX(e *Env, args []string) error {
	fs := flag.NewFlagSet("import-xlsx", flag.ContinueOnError)
	mapSpec := fs.String("map", "", "ánh xạ cột")
	procs := procFlag{}
	fs.Var(procs, "procedure", "ánh xạ tên thủ tục trong sổ sang mã")
	yes := fs.Bool("yes", false, "nhập thật (không có: chỉ xem trước)")
	file, err := e.parseOne(fs, args, "tệp .xlsx")
	if err != nil {
		return err
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("không mở được tệp %s: %v", file, err)
	}
	defer f.Close()
	return e.withOffice(func(o *office.Office) error {
		plan, err := o.PlanImport(e.ctx, f, file, office.ImportOptions{Map: *mapSpec, Procedures: procs})
		if err != nil {
			return err
		}
		var res *office.XLSXImportResult
		if *yes && len(plan.Ready) > 0 {
			r, err := o.ApplyImport(e.ctx, plan)
			if err != nil {
				return err
			}
			res = &r
		}
		out := map[string]any{"plan": plan, "imported": 0, "confirmed": *yes}
		if res != nil {
			out["imported"] = res.Imported
			out["result"] = res
		}
		return e.emit(out, func(w io.Writer) { printPlan(w, plan, res, *yes) })
	})
}

func printPlan(w io.Writer, p *office.ImportPlan, res *office.XLSXImportResult, yes bool) {
	fmt.Fprintf(w, "Tệp %s, trang %s, dòng tiêu đề %d, %d dòng dữ liệu.\n", p.File, p.Sheet, p.HeaderRow, p.Rows)
	fmt.Fprintf(w, "Cột: %s\n", p.Mapping)
	fmt.Fprintf(w, "Nhập được: %d dòng. Đã có trong sổ (bỏ qua): %d dòng. Lỗi: %d dòng.\n", len(p.Ready), len(p.Duplicates), len(p.Problems))
	for _, np := range p.NewProcedures {
		fmt.Fprintf(w, "Thủ tục mới sẽ tạo: %s (%s), thời hạn %s suy ra từ ngày hẹn trong sổ.\n", np.Name, np.Code, np.Limit.Vietnamese())
	}
	if n := min(len(p.Ready), 10); n > 0 {
		fmt.Fprintln(w, "\nXem trước:")
		for _, r := range p.Ready[:n] {
			ret := ""
			if r.Returned != nil {
				ret = ", trả " + r.Returned.Format("02/01/2006")
			}
			fmt.Fprintf(w, "  dòng %-5d %-24s %-28s %s, nhận %s%s\n", r.Line, r.Code, r.Applicant, r.ProcedureCode, r.Received.Format("02/01/2006 15:04"), ret)
		}
		if len(p.Ready) > n {
			fmt.Fprintf(w, "  … và %d dòng nữa\n", len(p.Ready)-n)
		}
	}
	if len(p.Problems) > 0 {
		fmt.Fprintln(w, "\nDòng không nhập được:")
		for _, pr := range p.Problems {
			fmt.Fprintf(w, "  dòng %d: %s\n", pr.Line, pr.Reason)
		}
	}
	switch {
	case res != nil:
		fmt.Fprintf(w, "\nĐã nhập %d hồ sơ vào sổ", res.Imported)
		if res.NewProcedures > 0 {
			fmt.Fprintf(w, " và tạo %d thủ tục mới", res.NewProcedures)
		}
		fmt.Fprintln(w, ".")
	case yes:
		fmt.Fprintln(w, "\nKhông có dòng nào mới để nhập.")
	default:
		fmt.Fprintln(w, "\nChưa nhập gì. Kiểm tra bản xem trước rồi chạy lại lệnh với --yes để nhập các dòng hợp lệ.")
	}
}
