package office

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/docs"
	"motcua/internal/people"
	"motcua/internal/register"
)

// fontCache loads the PDF fonts once per process: parsing a TrueType face
// costs more than rendering a receipt.
var fontCache struct {
	once  sync.Once
	fonts *docs.Fonts
	err   error
}

// Fonts are the faces documents are set in: the PC's Times New Roman when
// present (Windows), else the bundled Liberation Serif.
func Fonts() (*docs.Fonts, error) {
	fontCache.once.Do(func() {
		var dirs []string
		if runtime.GOOS == "windows" {
			win := os.Getenv("WINDIR")
			if win == "" {
				win = `C:\Windows`
			}
			dirs = append(dirs, filepath.Join(win, "Fonts"))
		}
		fontCache.fonts, fontCache.err = docs.LoadFonts(dirs...)
	})
	return fontCache.fonts, fontCache.err
}

// DocProfile is the commune profile as documents print it.
func (o *Office) DocProfile() docs.Profile {
	p := o.cfg().profile
	return docs.Profile{
		ParentBody: p.ParentBody, Body: p.Commune, CounterName: p.CounterName, PlaceName: p.PlaceName,
		AgencyCode: p.AgencyCode, Phone: p.Phone, ChairName: p.ChairName, ChairTitle: p.ChairTitle,
		SignAs: p.SignAs, FormSet: p.FormSet,
	}
}

// DossierDoc turns a dossier into what its forms print.
func (o *Office) DossierDoc(d *register.Dossier) docs.DossierDoc {
	dd := docs.DossierDoc{
		Code: d.Code, FormSet: d.FormSet, BookNo: d.BookNo, EntryNo: d.EntryNo, ProcedureName: d.ProcedureName,
		Applicant: docs.Applicant{Name: d.Applicant.Name, Address: d.Applicant.Address, Phone: d.Applicant.Phone, Email: d.Applicant.Email},
		Sets:      d.Sets, LimitText: LimitText(d), ReceivedAt: d.ReceivedAt, DueAt: d.DueAt,
		ResultMethod: d.ResultMethod, ReceivedBy: d.ReceivedBy, HandlingUnit: d.HandlingUnit,
	}
	for _, name := range d.Documents {
		dd.Documents = append(dd.Documents, docs.Document{Name: name})
	}
	for _, e := range d.Events {
		switch e.Kind {
		case register.EvForwarded, register.EvDone, register.EvReturned:
			dd.Handovers = append(dd.Handovers, docs.Handover{From: e.From, To: e.To, Giver: e.Actor, At: e.At,
				Outcome: e.Outcome.Vietnamese(), Note: e.Note})
		case register.EvSupplement:
			// The note is the list itself: printed once, as numbered
			// items, not again as a reason.
			dd.SupplementItems = splitItems(e.Note)
			dd.Reason, dd.IssuedAt = "", e.At
		case register.EvRefused:
			dd.Reason, dd.IssuedAt = e.Note, e.At
		case register.EvApologised:
			dd.Reason, dd.IssuedAt = d.ApologyReason, e.At
		case register.EvWithdrawn:
			dd.Reason, dd.IssuedAt = e.Note, e.At
		}
	}
	if d.NewDueAt != nil {
		dd.NewDueAt = *d.NewDueAt
	}
	return dd
}

// splitItems reads a supplement request typed as "a; b; c" or one item per
// line into its items, without the numbers or dashes the clerk typed in
// front (the form numbers them itself).
func splitItems(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if p := strings.TrimSpace(itemLead.ReplaceAllString(part, "")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// itemLead is a typed list marker: "1.", "2)", "a)", "-", "•", "+".
var itemLead = regexp.MustCompile(`^\s*(?:[0-9]{1,2}[.)]|[a-zđ]\)|[-•+*])\s*`)

// FormKinds the command line and the window can print for a dossier.
var FormKinds = []docs.FormKind{docs.FormReceipt, docs.FormSupplement, docs.FormRefusal, docs.FormApology, docs.FormStop, docs.FormControl}

// PrintForms renders one form for one or more dossiers into one PDF, each
// with the form set it was received under. A form that the dossier's
// history does not support (an apology for a dossier never apologised for)
// is refused.
func (o *Office) PrintForms(ctx context.Context, w io.Writer, kind docs.FormKind, codes ...string) error {
	if len(codes) == 0 {
		return fmt.Errorf("chưa chọn hồ sơ nào để in")
	}
	f, err := Fonts()
	if err != nil {
		return err
	}
	var dds []docs.DossierDoc
	for _, code := range codes {
		d, err := o.Show(ctx, code)
		if err != nil {
			return err
		}
		if err := printable(kind, d); err != nil {
			return err
		}
		dds = append(dds, o.DossierDoc(d))
	}
	p := o.DocProfile()
	switch kind {
	case docs.FormReceipt:
		return docs.Receipts(w, f, p, dds)
	}
	if len(dds) != 1 {
		return fmt.Errorf("chỉ in được giấy hẹn cho nhiều hồ sơ cùng lúc; các phiếu khác in từng hồ sơ")
	}
	switch kind {
	case docs.FormSupplement:
		return docs.Supplement(w, f, p, dds[0])
	case docs.FormRefusal:
		return docs.Refusal(w, f, p, dds[0])
	case docs.FormApology:
		return docs.Apology(w, f, p, dds[0])
	case docs.FormStop:
		return docs.StopNotice(w, f, p, dds[0])
	case docs.FormControl:
		return docs.ControlSlip(w, f, p, dds[0])
	}
	return fmt.Errorf("không có mẫu %q; dùng receipt, supplement, refusal, apology, stop hoặc control", kind)
}

func printable(kind docs.FormKind, d *register.Dossier) error {
	switch kind {
	case docs.FormSupplement:
		if d.SupplementAt == nil {
			return fmt.Errorf("hồ sơ %s chưa có yêu cầu bổ sung nên không có phiếu yêu cầu bổ sung để in", d.Code)
		}
	case docs.FormRefusal:
		if d.State != register.Refused {
			return fmt.Errorf("hồ sơ %s không bị từ chối nên không có phiếu từ chối để in", d.Code)
		}
	case docs.FormApology:
		if d.ApologyAt == nil {
			return fmt.Errorf("hồ sơ %s chưa có văn bản xin lỗi, hẹn lại; hãy ghi xin lỗi và ngày hẹn mới trước", d.Code)
		}
	case docs.FormStop:
		if d.State != register.Withdrawn && d.State != register.Refused {
			return fmt.Errorf("hồ sơ %s chưa dừng giải quyết (rút hoặc từ chối) nên không có thông báo dừng để in", d.Code)
		}
	}
	return nil
}

// PrintRegister renders the register book for the dossiers received in
// [from, to] (whole days, Vietnam time).
func (o *Office) PrintRegister(ctx context.Context, w io.Writer, from, to time.Time) error {
	from = dayStart(from)
	to = dayStart(to)
	if to.Before(from) {
		return fmt.Errorf("ngày cuối %s trước ngày đầu %s", to.Format("02/01/2006"), from.Format("02/01/2006"))
	}
	ds, err := o.st.ReceivedBetween(ctx, from, to.AddDate(0, 0, 1))
	if err != nil {
		return err
	}
	f, err := Fonts()
	if err != nil {
		return err
	}
	in := docs.RegisterBookInput{BookNo: o.cfg().profile.BookNo, From: from, To: to, FormSet: o.cfg().profile.FormSet}
	for _, d := range ds {
		row := docs.RegisterRow{EntryNo: d.EntryNo, Code: d.Code, ProcedureName: d.ProcedureName, Sets: d.Sets,
			Applicant: d.Applicant.Name, Address: d.Applicant.Address, Phone: d.Applicant.Phone, HandlingUnit: d.HandlingUnit,
			ReceivedAt: d.ReceivedAt, DueAt: d.DueAt, ResultMethod: register.ResultMethodVietnamese(d.ResultMethod)}
		if d.ForwardedAt != nil {
			row.ForwardedAt = *d.ForwardedAt
		}
		if d.DoneAt != nil {
			row.ResultAt = *d.DoneAt
		}
		if d.ReturnedAt != nil {
			row.ReturnedAt = *d.ReturnedAt
		}
		switch d.State {
		case register.Refused:
			row.Note = "Từ chối: " + d.ClosedReason
		case register.Withdrawn:
			row.Note = "Rút hồ sơ"
		case register.SupplementRequested:
			row.Note = "Chờ bổ sung"
		}
		if d.Outcome == register.Late {
			row.Note = strings.TrimSpace(row.Note + " Quá hạn")
		}
		in.Rows = append(in.Rows, row)
	}
	return docs.RegisterBook(w, f, o.DocProfile(), in)
}

func dayStart(t time.Time) time.Time {
	t = t.In(calendar.Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, calendar.Zone)
}

// PledgeSets lists the pledge slogan sets shipped with the program.
func (o *Office) PledgeSets() ([]people.PledgeSet, error) { return people.DefaultPledgeSets() }

// PrintPledge renders the pledge form of one staff member for the chosen sets.
func (o *Office) PrintPledge(w io.Writer, staff people.Staff, setCodes []string, date time.Time) error {
	if err := staff.Validate(); err != nil {
		return err
	}
	all, err := o.PledgeSets()
	if err != nil {
		return err
	}
	if len(setCodes) == 0 {
		return fmt.Errorf("chưa chọn bộ khẩu hiệu nào để cam kết")
	}
	var sets []people.PledgeSet
	for _, c := range setCodes {
		s, ok := people.FindSet(all, strings.TrimSpace(c))
		if !ok {
			var codes []string
			for _, s := range all {
				codes = append(codes, s.Code)
			}
			return fmt.Errorf("không có bộ khẩu hiệu %q; các bộ có: %s", c, strings.Join(codes, ", "))
		}
		sets = append(sets, s)
	}
	if err := people.ValidateSets(sets); err != nil {
		return err
	}
	f, err := Fonts()
	if err != nil {
		return err
	}
	return docs.PledgeForm(w, f, o.DocProfile(), docs.Pledge{Staff: staff, Sets: sets, Date: date})
}
