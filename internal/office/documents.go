package office

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/docs"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
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

// ChairSignedForms are the papers the People's Committee issues, signed by the chair or
// a vice-chair ("TM. ỦY BAN NHÂN DÂN"); the others are the counter's, signed by its officer.
var ChairSignedForms = []docs.FormKind{docs.FormApology, docs.FormStop, docs.FormRejection}

// DocProfile is the commune profile as documents print it.
func (o *Office) DocProfile() docs.Profile {
	p := o.cfg().profile
	return docs.Profile{
		ParentBody: p.ParentBody, Body: p.Commune, CounterName: p.CounterName, PlaceName: p.PlaceName,
		Province: p.Province, Address: p.Address,
		AgencyCode: p.AgencyCode, Phone: p.Phone, ChairName: p.ChairName, ChairTitle: p.ChairTitle,
		SignAs: p.SignAs, FormSet: p.FormSet, FormPaper: p.FormPaper,
		ArchiveUnit: p.ArchiveUnit, ArchiveCopies: p.ArchiveCopies,
		Demo: IsDemoPath(o.Path()),
	}
}

// formsProfile is DocProfile with the form sets to print with: the shipped
// ones, replaced by the administrator's files when the forms_dir setting
// names a folder. The folder is read at each print, so an edited file takes
// effect at once; a file with a mistake stops printing with a sentence that
// names it.
func (o *Office) formsProfile() (docs.Profile, error) {
	p := o.DocProfile()
	dir := o.cfg().profile.FormsDir
	if dir == "" {
		return p, nil
	}
	l, err := loadForms(dir)
	if err != nil {
		return p, err
	}
	p.Forms = l
	return p, nil
}

func loadForms(dir string) (*docs.FormLibrary, error) {
	def, err := docs.DefaultForms()
	if err != nil {
		return nil, err
	}
	l, err := def.WithOverrides(os.DirFS(dir), ".")
	if err != nil {
		return nil, fmt.Errorf("biểu mẫu trong thư mục %s (cài đặt forms_dir): %w", dir, err)
	}
	return l, nil
}

// withAuthority puts on the papers the authority that decides the dossier's
// procedure (as it was when received) when it is not the commune People's
// Committee: the residence procedures' commune police issue and sign their
// own papers, never "TM. ỦY BAN NHÂN DÂN".
func (o *Office) withAuthority(ctx context.Context, d *register.Dossier, dd *docs.DossierDoc) error {
	p, err := o.ProcedureOf(ctx, d)
	if errors.Is(err, store.ErrNotFound) {
		return nil // an imported dossier whose procedure version is not in the catalogue
	}
	if err != nil {
		return err
	}
	if p.ByCommittee() {
		return nil
	}
	dd.Authority = authorityName(p.AuthorityName(), o.cfg().profile.PlaceName)
	dd.SignLines = p.SignBlock
	return nil
}

// authorityOf names who signs a dossier's papers when it is not the People's
// Committee, for a message.
func (o *Office) authorityOf(ctx context.Context, d *register.Dossier) string {
	var dd docs.DossierDoc
	if err := o.withAuthority(ctx, d, &dd); err != nil || dd.Authority == "" {
		return "cơ quan giải quyết thủ tục"
	}
	return dd.Authority
}

// authorityName completes a commune-level authority with the commune's
// name: "Công an xã" → "Công an xã Đông Văn".
func authorityName(a, place string) string {
	a, place = strings.TrimSpace(a), strings.TrimSpace(place)
	for _, unit := range []string{" xã", " phường", " đặc khu"} {
		if place != "" && strings.HasSuffix(strings.ToLower(a), unit) {
			return a + " " + place
		}
	}
	return a
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
			if r, ok := d.Supplement(); ok {
				dd.SupplementItems, dd.Reason, dd.IssuedAt = r.Items, r.Reason, r.At
			}
		case register.EvRefused, register.EvRejected:
			dd.Reason, dd.IssuedAt = e.Note, e.At
		case register.EvApologised:
			dd.Reason, dd.IssuedAt = d.ApologyReason, e.At
		case register.EvWithdrawn:
			dd.Reason, dd.IssuedAt, dd.StopBy = e.Note, e.At, docs.StopByApplicant
		case register.EvStopped:
			dd.Reason, dd.IssuedAt, dd.StopBy = e.Note, e.At, docs.StopByAgency
		}
	}
	if d.NewDueAt != nil {
		dd.NewDueAt = *d.NewDueAt
	}
	return dd
}

// FormKinds the command line and the window can print for a dossier.
var FormKinds = paperOrder

// PrintForms renders one form for one or more dossiers into one PDF, each
// with the form set it was received under. A form that the dossier's
// history does not call for (an apology for a dossier never apologised
// for) is refused, with the sentence Papers gives.
func (o *Office) PrintForms(ctx context.Context, w io.Writer, kind docs.FormKind, codes ...string) error {
	return o.PrintFormsSignedBy(ctx, w, kind, "", codes...)
}

// PrintFormsSignedBy is PrintForms with the signer of the papers the People's Committee
// signs (apology, stop and rejection notices): a name among Signers, a vice-chair signing
// "KT."; "" is the office's usual signer. The counter's forms have no such signer.
func (o *Office) PrintFormsSignedBy(ctx context.Context, w io.Writer, kind docs.FormKind, signer string, codes ...string) error {
	if len(codes) == 0 {
		return fmt.Errorf("chưa chọn hồ sơ nào để in")
	}
	s, err := o.FindSigner(ctx, signer)
	if err != nil {
		return err
	}
	if s.Valid() && !slices.Contains(ChairSignedForms, kind) {
		return fmt.Errorf("phiếu này do cán bộ một cửa ký, không chọn người ký được; người ký chỉ chọn cho văn bản xin lỗi, thông báo dừng giải quyết và thông báo từ chối giải quyết")
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
		if err := o.paperFor(kind, d); err != nil {
			return err
		}
		if s.Valid() && !o.committeeSigns(ctx, d) {
			return fmt.Errorf("giấy tờ của hồ sơ %s do %s ký, không chọn Chủ tịch hay Phó Chủ tịch ký được; hãy in không chọn người ký", d.Code, o.authorityOf(ctx, d))
		}
		dd := o.DossierDoc(d)
		if err := o.withAuthority(ctx, d, &dd); err != nil {
			return err
		}
		dds = append(dds, dd)
	}
	p, err := o.formsProfile()
	if err != nil {
		return err
	}
	p = p.WithSigner(s)
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
	case docs.FormRejection:
		return docs.RejectionNotice(w, f, p, dds[0])
	case docs.FormApology:
		return docs.Apology(w, f, p, dds[0])
	case docs.FormStop:
		return docs.StopNotice(w, f, p, dds[0])
	case docs.FormControl:
		return docs.ControlSlip(w, f, p, dds[0])
	}
	return fmt.Errorf("không có mẫu %q; dùng %s", kind, kindList())
}

// PrintRegister renders the register book for the dossiers received in
// [from, to] (whole days, Vietnam time).
func (o *Office) PrintRegister(ctx context.Context, w io.Writer, from, to time.Time) error {
	return stopped(ctx, o.printRegister(ctx, w, from, to))
}

func (o *Office) printRegister(ctx context.Context, w io.Writer, from, to time.Time) error {
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
	// Progress counts each dossier twice: gathered, then printed.
	step := stepper(ctx, 2*len(ds))
	in.Step = func(i int) error { return step(len(ds) + i) }
	for i, d := range ds {
		if err := step(i); err != nil {
			return err
		}
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
		if d.State == register.Refused || d.State == register.Withdrawn {
			// The list comes without events; who refused or stopped is in the last one.
			full, err := o.Show(ctx, d.Code)
			if err != nil {
				return err
			}
			d = *full
		}
		switch d.State {
		case register.Refused:
			row.Note = "Từ chối tiếp nhận: " + d.ClosedReason
			if k, _ := d.Refusal(); k == register.RefuseAfterAppraisal {
				row.Note = "Từ chối giải quyết: " + d.ClosedReason
			}
		case register.Withdrawn:
			row.Note = "Rút hồ sơ"
			if by, _ := d.Stopped(); by == register.StopByAgency {
				row.Note = "Dừng giải quyết: " + d.ClosedReason
			}
		case register.SupplementRequested:
			row.Note = "Chờ bổ sung"
		}
		if d.Outcome == register.Late {
			row.Note = strings.TrimSpace(row.Note + " Quá hạn")
		}
		in.Rows = append(in.Rows, row)
	}
	p, err := o.formsProfile()
	if err != nil {
		return err
	}
	if err := docs.RegisterBook(w, f, p, in); err != nil {
		return err
	}
	reportDone(ctx, 2*len(ds))
	return nil
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
