package report

import (
	"encoding/csv"
	"fmt"
	"io"
)

// WriteCSV writes the per-procedure table with its total line, then the
// trend when there is one, as UTF-8 CSV with a byte-order mark (so Excel
// reads the Vietnamese letters) and comma separators.
func WriteCSV(w io.Writer, r Report) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	str := func(row []any) []string {
		out := make([]string, len(row))
		for i, v := range row {
			switch x := v.(type) {
			case float64:
				out[i] = fmt.Sprintf("%.1f", x)
			default:
				out[i] = fmt.Sprint(x)
			}
		}
		return out
	}
	_ = cw.Write([]string{"Kỳ báo cáo", r.Period.Label, r.Period.Range()})
	_ = cw.Write(ProcedureHeader)
	for _, row := range r.ProcedureRows() {
		_ = cw.Write(str(row))
	}
	if len(r.Trend) > 0 {
		_ = cw.Write(nil)
		_ = cw.Write(append([]string{"Tháng", "Từ ngày – đến ngày"}, ProcedureHeader[2:]...))
		for _, p := range r.Trend {
			_ = cw.Write(str(append([]any{p.Period.Label, p.Period.Range()}, figureCells(p.Total)...)))
		}
	}
	cw.Flush()
	return cw.Error()
}
