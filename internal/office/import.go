package office

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/textvn"
	"motcua/internal/xlsximport"
)

// ImportOptions tune an import of an Excel register.
type ImportOptions struct {
	// Map overrides the guessed columns: "procedure=C,received=H" (column
	// letters or exact headings).
	Map string
	// Procedures maps names written in the sheet to catalogue codes, for
	// names the program cannot match by itself.
	Procedures map[string]string
}

// ImportRow is a row ready to enter the register.
type ImportRow struct {
	xlsximport.Record
	ProcedureCode string `json:"procedure_code"`
	NewProcedure  bool   `json:"new_procedure,omitempty"`
}

// ImportPlan is what an import would do: the preview the clerk confirms.
type ImportPlan struct {
	File          string               `json:"file"`
	Sheet         string               `json:"sheet"`
	HeaderRow     int                  `json:"header_row"`
	Header        []string             `json:"header"`
	Mapping       string               `json:"mapping"`
	Rows          int                  `json:"rows"`
	Ready         []ImportRow          `json:"ready"`
	Duplicates    []int                `json:"duplicates"` // lines already in the register
	Problems      []xlsximport.Problem `json:"problems"`
	NewProcedures []register.Procedure `json:"new_procedures,omitempty"`
	mapping       xlsximport.Mapping   // for tests and the wizard
	sheet         *xlsximport.Sheet    //
	procs         map[string]register.Procedure
}

// Mapping is the column mapping in use.
func (p *ImportPlan) ColumnMapping() xlsximport.Mapping { return p.mapping }

// PlanImport reads an Excel register and checks every row without saving
// anything: the columns are guessed from the headings (or given), each row
// is parsed and validated, procedures are matched to the catalogue by code
// or name (unknown ones are proposed as new procedures with the time limit
// the sheet's own due dates show), and rows already in the register (same
// dossier code, or for rows without one the same procedure, applicant and
// time of receipt) are skipped.
func (o *Office) PlanImport(ctx context.Context, r io.Reader, name string, opt ImportOptions) (*ImportPlan, error) {
	sh, err := xlsximport.Read(r)
	if err != nil {
		return nil, err
	}
	m := xlsximport.Guess(sh.Header)
	if err := m.Override(opt.Map, sh.Header); err != nil {
		return nil, err
	}
	if miss := m.Missing(); len(miss) > 0 {
		var names []string
		for _, f := range miss {
			names = append(names, f.Vietnamese()+" ("+string(f)+")")
		}
		return nil, fmt.Errorf("không nhận ra cột %s trong dòng tiêu đề %d của trang %s; hãy chỉ định bằng --map, ví dụ --map %s=C",
			strings.Join(names, ", "), sh.HeaderRow, sh.Name, miss[0])
	}
	plan := &ImportPlan{File: filepath.Base(name), Sheet: sh.Name, HeaderRow: sh.HeaderRow, Header: sh.Header, Mapping: m.String(),
		Rows: len(sh.Rows), mapping: m, sheet: sh, procs: map[string]register.Procedure{}}
	recs, probs := sh.Records(m)
	plan.Problems = probs

	catalogue, err := o.Procedures(ctx)
	if err != nil {
		return nil, err
	}
	byCode, byName := map[string]register.Procedure{}, map[string]register.Procedure{}
	for _, p := range catalogue {
		byCode[strings.ToLower(p.Code)] = p
		byName[textvn.Fold(p.Name)] = p
	}
	userMap := map[string]string{}
	for k, v := range opt.Procedures {
		p, ok := byCode[strings.ToLower(strings.TrimSpace(v))]
		if !ok {
			return nil, fmt.Errorf("mã thủ tục %q (dùng cho %q) không có trong danh mục; xem motcua procedures", v, k)
		}
		userMap[textvn.Fold(k)] = p.Code
	}
	// Unknown procedures: grouped by name, their limit from the sheet's due dates.
	unknown := map[string][]int{}
	cal := o.cfg().cal
	var rows []ImportRow
	seenCode := map[string]int{}
	step := stepper(ctx, len(recs))
	for i, rec := range recs {
		if err := step(i); err != nil {
			return nil, err
		}
		if !rec.HasTime {
			rec.Received = atClock(rec.Received, cal.Hours().Open)
		}
		if rec.Code != "" {
			if first, dup := seenCode[rec.Code]; dup {
				plan.Problems = append(plan.Problems, xlsximport.Problem{Line: rec.Line, Reason: fmt.Sprintf("mã hồ sơ %s trùng với dòng %d", rec.Code, first)})
				continue
			}
			seenCode[rec.Code] = rec.Line
		}
		if err := o.checkAt(rec.Received); err != nil {
			plan.Problems = append(plan.Problems, xlsximport.Problem{Line: rec.Line, Reason: "ngày nhận: " + err.Error()})
			continue
		}
		if rec.Returned != nil && rec.Returned.After(o.Now()) {
			plan.Problems = append(plan.Problems, xlsximport.Problem{Line: rec.Line, Reason: "ngày trả kết quả ở tương lai"})
			continue
		}
		row := ImportRow{Record: rec}
		key := textvn.Fold(rec.Procedure)
		switch p, ok := byCode[strings.ToLower(rec.Procedure)]; {
		case userMap[key] != "":
			row.ProcedureCode = userMap[key]
		case ok:
			row.ProcedureCode = p.Code
		case byName[key].Code != "":
			row.ProcedureCode = byName[key].Code
		default:
			unknown[key] = append(unknown[key], len(rows))
		}
		rows = append(rows, row)
	}
	drop := map[int]string{}
	// The limits every stored text has (limits.go) hold for a paper book
	// typed into Excel too: a row that breaks one is listed, not imported.
	for i := range rows {
		r := &rows[i]
		if err := cleanAll("applicant_name", &r.Applicant, "applicant_address", &r.Address,
			"applicant_phone", &r.Phone, "note", &r.Note); err != nil {
			drop[i] = err.Error()
		}
	}
	keys := make([]string, 0, len(unknown))
	for k := range unknown {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		idx := unknown[k]
		name := rows[idx[0]].Procedure
		days := -1
		for _, i := range idx {
			if d := rows[i].Due; d != nil {
				days = max(days, cal.WorkingDaysBetween(rows[i].Received, *d))
			}
		}
		if days < 0 {
			for _, i := range idx {
				drop[i] = fmt.Sprintf("thủ tục %q chưa có trong danh mục và sổ không ghi ngày hẹn trả để biết thời hạn; hãy chỉ định mã thủ tục bằng --procedure \"%s=MÃ\"", name, name)
			}
			continue
		}
		p := register.Procedure{Code: newProcedureCode(k, byCode), Name: name, Limit: calendar.Limit{Value: days, Unit: calendar.WorkingDays},
			Note: "Tạo khi nhập sổ Excel " + plan.File + "; thời hạn suy ra từ ngày hẹn trả trong sổ, hãy kiểm tra lại"}
		if days == 0 {
			p.Limit = calendar.Limit{Unit: calendar.SameDay}
		}
		byCode[strings.ToLower(p.Code)] = p
		plan.NewProcedures = append(plan.NewProcedures, p)
		for _, i := range idx {
			rows[i].ProcedureCode, rows[i].NewProcedure = p.Code, true
		}
	}
	for _, p := range byCode {
		plan.procs[p.Code] = p
	}
	// Rows already in the register.
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		for i, r := range rows {
			if _, bad := drop[i]; bad {
				continue
			}
			dup, err := isImported(tx, r)
			if err != nil {
				return err
			}
			if dup {
				drop[i] = ""
				plan.Duplicates = append(plan.Duplicates, r.Line)
			}
		}
		return errRollback
	})
	if err != nil && !errors.Is(err, errRollback) {
		return nil, err
	}
	for i, r := range rows {
		reason, skip := drop[i]
		switch {
		case !skip:
			plan.Ready = append(plan.Ready, r)
		case reason != "":
			plan.Problems = append(plan.Problems, xlsximport.Problem{Line: r.Line, Reason: reason})
		}
	}
	sort.SliceStable(plan.Problems, func(i, j int) bool { return plan.Problems[i].Line < plan.Problems[j].Line })
	return plan, nil
}

// errRollback ends a read-only look inside a transaction.
var errRollback = errors.New("rollback")

func isImported(tx *store.Tx, r ImportRow) (bool, error) {
	if r.Code != "" {
		return tx.CodeExists(r.Code)
	}
	return tx.SameDossierExists(r.ProcedureCode, r.Applicant, r.Received.Truncate(time.Minute))
}

var slugRe = regexp.MustCompile(`[^a-z0-9]+`)

func newProcedureCode(folded string, taken map[string]register.Procedure) string {
	base := strings.Trim(slugRe.ReplaceAllString(folded, "-"), "-")
	if len(base) > 40 {
		base = strings.Trim(base[:40], "-")
	}
	base = "nhap-" + base
	code := base
	for i := 2; ; i++ {
		if _, ok := taken[code]; !ok {
			return code
		}
		code = fmt.Sprintf("%s-%d", base, i)
	}
}

func atClock(day time.Time, c calendar.Clock) time.Time {
	y, m, d := day.In(calendar.Zone).Date()
	return time.Date(y, m, d, int(c)/60, int(c)%60, 0, 0, calendar.Zone)
}

// XLSXImportResult says what an import saved.
type XLSXImportResult struct {
	Imported      int      `json:"imported"`
	Codes         []string `json:"codes,omitempty"`
	NewProcedures int      `json:"new_procedures"`
}

// ApplyImport saves the plan's ready rows in one transaction: all of them
// or, on any failure, none. Each dossier gets its due date and outcome from
// the calendar and the procedure's limit, an entry number after the
// register's, and events and an audit line that say it was imported (file
// and line). Rows that entered the register since the plan was made are
// skipped, so importing the same file twice adds nothing.
func (o *Office) ApplyImport(ctx context.Context, plan *ImportPlan) (XLSXImportResult, error) {
	if err := o.can(ctx, people.ActImport); err != nil {
		return XLSXImportResult{}, err
	}
	var res XLSXImportResult
	if plan == nil {
		return res, errors.New("chưa có bản xem trước để nhập")
	}
	cal := o.cfg().cal
	prof := o.cfg().profile
	now := o.Now()
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		res = XLSXImportResult{}
		nums := &numbering{seq: map[string]int{}, entry: map[int]int{}}
		// The sheet's own codes first: a code made up for a row without
		// one must not take a number a later row's code carries.
		for _, r := range plan.Ready {
			if a, day, seq, err := register.ParseCode(r.Code); err == nil && sameDay(day, r.Received) {
				if err := nums.taken(tx, a, r.Received, seq); err != nil {
					return err
				}
			}
		}
		for _, p := range plan.NewProcedures {
			if _, err := tx.Procedure(p.Code); err == nil {
				continue
			}
			if err := p.Validate(); err != nil {
				return err
			}
			if err := tx.SaveProcedure(p, now); err != nil {
				return err
			}
			if err := tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "import_procedure", Entity: "procedure", EntityID: p.Code,
				After: "nhập từ sổ Excel " + plan.File}); err != nil {
				return err
			}
			res.NewProcedures++
		}
		// A cancel stops here and the transaction rolls back: nothing of
		// the file enters the register.
		step := stepper(ctx, len(plan.Ready))
		for i, r := range plan.Ready {
			if err := step(i); err != nil {
				return err
			}
			dup, err := isImported(tx, r)
			if err != nil {
				return err
			}
			if dup {
				continue
			}
			p, ok := plan.procs[r.ProcedureCode]
			if !ok {
				if p, err = tx.Procedure(r.ProcedureCode); err != nil {
					return err
				}
			}
			d, agency, seq, err := o.importedDossier(tx, nums, r, p, plan.File, cal, prof)
			if err != nil {
				return fmt.Errorf("dòng %d: %w", r.Line, err)
			}
			if err := tx.InsertDossier(agency, seq, d); err != nil {
				return fmt.Errorf("dòng %d: %w", r.Line, err)
			}
			// The row and its steps are pinned by the audit chain's row
			// hash; the line says where they came from.
			after, _ := json.Marshal(map[string]any{"file": plan.File, "line": r.Line, "code": d.Code})
			if err := tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: "import_xlsx", Entity: "dossier", EntityID: d.ID,
				After: string(after), BackdatedTo: backdatedTo(o.backdated(d.ReceivedAt), d.ReceivedAt)}); err != nil {
				return err
			}
			res.Imported++
			if len(res.Codes) < 20 {
				res.Codes = append(res.Codes, d.Code)
			}
		}
		return nil
	})
	if err != nil {
		return XLSXImportResult{}, stopped(ctx, err)
	}
	return res, nil
}

func (o *Office) importedDossier(tx *store.Tx, nums *numbering, r ImportRow, p register.Procedure, file string, cal *calendar.Calendar, prof Profile) (*register.Dossier, string, int, error) {
	where := fmt.Sprintf("Nhập từ sổ Excel %s, dòng %d", file, r.Line)
	d, err := register.Receive(register.Intake{Procedure: p, Applicant: register.Applicant{Name: r.Applicant, Address: r.Address, Phone: r.Phone},
		At: r.Received, Actor: o.name(), Counter: prof.CounterName, Sets: r.Sets, FormSet: prof.FormSet, Note: r.Note}, cal)
	if err != nil {
		// A phone number the register would refuse at the counter goes to the note.
		if r.Phone == "" {
			return nil, "", 0, err
		}
		d, err = register.Receive(register.Intake{Procedure: p, Applicant: register.Applicant{Name: r.Applicant, Address: r.Address},
			At: r.Received, Actor: o.name(), Counter: prof.CounterName, Sets: r.Sets, FormSet: prof.FormSet,
			Note: strings.TrimSpace(r.Note + " Điện thoại ghi trong sổ: " + r.Phone)}, cal)
		if err != nil {
			return nil, "", 0, err
		}
	}
	d.Events[0].Note = where
	d.Events[0].Backdated = o.backdated(d.ReceivedAt)
	agency, seq := "", 0
	if r.Code != "" {
		if a, day, s, err := register.ParseCode(r.Code); err == nil && sameDay(day, d.ReceivedAt) {
			agency, seq = a, s
		} else {
			agency = "NHAP"
		}
		d.Code = r.Code
	}
	if agency == "" {
		agency = prof.AgencyCode
	}
	if seq > 0 {
		if err := nums.taken(tx, agency, d.ReceivedAt, seq); err != nil {
			return nil, "", 0, err
		}
	}
	s, entry, err := nums.next(tx, agency, d.ReceivedAt)
	if err != nil {
		return nil, "", 0, err
	}
	if seq == 0 {
		seq = s
	}
	if d.Code == "" {
		d.Code = register.FormatCode(agency, d.ReceivedAt, seq)
	}
	d.ID, d.EntryNo, d.BookNo = newID(), entry, prof.BookNo
	if r.Entry > 0 {
		d.Note = strings.TrimSpace(fmt.Sprintf("%s (TT %d trong sổ Excel)", d.Note, r.Entry))
	}
	if r.Due != nil && !sameDay(*r.Due, d.DueAt) {
		d.Note = strings.TrimSpace(d.Note + " Ngày hẹn ghi trong sổ: " + r.Due.Format("02/01/2006") + ".")
	}
	if r.Returned != nil {
		at := *r.Returned
		if at.Hour() == 0 && at.Minute() == 0 {
			at = atClock(at, cal.Hours().ReturnAt)
		}
		if at.Before(d.ReceivedAt) {
			at = d.ReceivedAt
		}
		d.State, d.ReturnedAt, d.Outcome, d.UpdatedAt = register.Returned, &at, register.Classify(at, d.DueAt), at
		d.Holder = "Người nộp hồ sơ"
		d.Events = append(d.Events, register.Event{Seq: 2, Kind: register.EvReturned, At: at, From: d.Events[0].To, To: d.Holder,
			Actor: o.name(), Note: where, Outcome: d.Outcome, State: register.Returned, Backdated: o.backdated(at)})
	}
	return d, agency, seq, nil
}

// numbering hands out day sequences and entry numbers within one import
// transaction: the register is asked once per day and year, then counted on
// in memory (the transaction holds the write lock, so nobody else numbers).
type numbering struct {
	seq   map[string]int // agency|day → last sequence
	entry map[int]int    // year → last entry number
}

func (n *numbering) key(agency string, at time.Time) string {
	return agency + "|" + at.In(calendar.Zone).Format("20060102")
}

func (n *numbering) next(tx *store.Tx, agency string, at time.Time) (seq, entry int, err error) {
	k, y := n.key(agency, at), at.In(calendar.Zone).Year()
	last, okS := n.seq[k]
	lastE, okE := n.entry[y]
	if !okS || !okE {
		s, e, err := tx.NextNumbers(agency, at)
		if err != nil {
			return 0, 0, err
		}
		if !okS {
			last = s - 1
		}
		if !okE {
			lastE = e - 1
		}
	}
	n.seq[k], n.entry[y] = last+1, lastE+1
	return last + 1, lastE + 1, nil
}

// taken records a sequence the sheet's own code uses, so no code the
// import makes up takes it later.
func (n *numbering) taken(tx *store.Tx, agency string, at time.Time, seq int) error {
	k := n.key(agency, at)
	if _, ok := n.seq[k]; !ok {
		s, _, err := tx.NextNumbers(agency, at)
		if err != nil {
			return err
		}
		n.seq[k] = s - 1
	}
	if seq > n.seq[k] {
		n.seq[k] = seq
	}
	return nil
}
