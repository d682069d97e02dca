package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"motcua/internal/office"
	"motcua/internal/report"
)

func runReport(e *Env, args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	period := fs.String("period", "", "kỳ báo cáo")
	fromS := fs.String("from", "", "từ ngày")
	toS := fs.String("to", "", "đến ngày")
	format := fs.String("format", "", "text, json, pdf, xlsx hoặc csv")
	out := fs.String("o", "", "tệp kết quả")
	if err := e.parseNoArgs(fs, args); err != nil {
		return err
	}
	var from, to time.Time
	var err error
	if *fromS != "" {
		if from, err = parseDate(*fromS); err != nil {
			return usagef("%v", err)
		}
	}
	if *toS != "" {
		if to, err = parseDate(*toS); err != nil {
			return usagef("%v", err)
		}
	}
	f := strings.ToLower(strings.TrimSpace(*format))
	if f == "" {
		switch ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(*out), ".")); {
		case ext == office.FormatPDF || ext == office.FormatXLSX || ext == office.FormatCSV:
			f = ext
		case e.JSON:
			f = "json"
		default:
			f = "text"
		}
	}
	switch f {
	case "text", "json", office.FormatPDF, office.FormatXLSX, office.FormatCSV:
	default:
		return usagef("định dạng %q không có: dùng text, json, pdf, xlsx hoặc csv", *format)
	}
	if (f == office.FormatPDF || f == office.FormatXLSX) && *out == "" {
		return usagef("thiếu -o TỆP.%s (nơi lưu báo cáo)", f)
	}
	return e.withOffice(func(o *office.Office) error {
		p, err := o.ReportPeriod(*period, from, to)
		if err != nil {
			return err
		}
		r, err := o.Report(e.ctx, p, true)
		if err != nil {
			return err
		}
		switch f {
		case "text", "json":
			if f == "json" {
				e.JSON = true
			}
			if *out != "" {
				return usagef("-o chỉ dùng với --format pdf, xlsx hoặc csv")
			}
			return e.emit(r, func(w io.Writer) { printReport(w, r) })
		case office.FormatCSV:
			if *out == "" {
				return o.WriteReport(e.ctx, e.Stdout, r, f)
			}
		}
		if err := writeFileAtomic(*out, func(w io.Writer) error { return o.WriteReport(e.ctx, w, r, f) }); err != nil {
			return err
		}
		return e.emit(map[string]any{"file": *out, "period": p.Key, "format": f}, func(w io.Writer) {
			fmt.Fprintf(w, "Đã lưu báo cáo %s (%s): %s\n", strings.ToLower(p.Label), p.Range(), *out)
		})
	})
}

func printReport(w io.Writer, r report.Report) {
	fmt.Fprintf(w, "Báo cáo %s (%s), số liệu đến %s\n\n", strings.ToLower(r.Period.Label), r.Period.Range(), r.Generated.Format(stamp))
	for _, l := range r.Lines() {
		fmt.Fprintf(w, "  %-62s %s\n", l[0], l[1])
	}
	fmt.Fprintf(w, "\n%s\n", r.RateBasis)
	if len(r.Unavailable) > 0 {
		fmt.Fprintf(w, "Chưa có số liệu: %s.\n", strings.Join(r.Unavailable, "; "))
	}
	if len(r.Trend) > 0 {
		fmt.Fprintln(w, "\nDiễn biến 12 tháng:")
		for _, p := range r.Trend {
			fmt.Fprintf(w, "  %-14s tiếp nhận %5d  đã trả %5d  quá hạn %4d  tỷ lệ %s\n", p.Period.Label, p.Total.Received, p.Total.Returned, p.Total.Late, report.Percent(p.Total.Rate, p.Total.HasRate))
		}
	}
}

// writeFileAtomic renders into memory and replaces path only when
// rendering succeeded, so a failure never leaves half a file.
func writeFileAtomic(path string, render func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".motcua-*")
	if err != nil {
		return fmt.Errorf("không ghi được vào thư mục %s: %v", dir, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("không ghi được tệp %s (ổ đĩa đầy hoặc không có quyền ghi): %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("không ghi được tệp %s: %v", path, err)
	}
	_ = os.Chmod(tmp.Name(), 0o644)
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("không ghi được tệp %s (tệp có đang mở trong Excel hoặc trình xem PDF không?): %v", path, err)
	}
	return nil
}
