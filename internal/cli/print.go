package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/people"
	"motcua/internal/sysopen"
)

// fieldsFlag collects repeated --field name=value.
type fieldsFlag map[string]string

func (f fieldsFlag) String() string { return "" }

func (f fieldsFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(k) == "" {
		return fmt.Errorf("%q phải có dạng TÊN=GIÁ_TRỊ", s)
	}
	f[strings.TrimSpace(k)] = v
	return nil
}

// writePDF renders into memory and writes the file only when rendering
// succeeded, through a temporary file, so a failure never leaves half a PDF
// or clobbers an earlier good one.
func writePDF(path string, render func(w io.Writer) error) error {
	if path == "" {
		return usagef("thiếu -o TỆP.pdf (nơi lưu tệp PDF)")
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	return office.WriteFileAtomic(path, buf.Bytes())
}

// saveOnce is the save step handed to the office when a number is given in
// the same transaction as the file is written: if the transaction fails
// after the file was written, the file goes too, so no PDF carries a number
// the outgoing book does not have.
type saveOnce struct {
	path  string
	wrote bool
}

func (s *saveOnce) save(pdf []byte) error {
	if err := office.WriteFileAtomic(s.path, pdf); err != nil {
		return err
	}
	s.wrote = true
	return nil
}

func (s *saveOnce) undo(err error) error {
	if err != nil && s.wrote {
		os.Remove(s.path)
	}
	return err
}

func (e *Env) printed(path string, extra map[string]any, text string) error {
	switch {
	case e.sendToPrinter:
		if _, err := sysopen.Print(path); err != nil {
			return err
		}
	case e.openAfter:
		if err := sysopen.Open(path); err != nil {
			return err
		}
	}
	out := map[string]any{"file": path}
	for k, v := range extra {
		out[k] = v
	}
	return e.emit(out, func(w io.Writer) { fmt.Fprintf(w, "%s: %s\n", text, path) })
}

func runPrint(e *Env, args []string) error {
	if len(args) == 0 {
		return usagef("thiếu loại giấy cần in")
	}
	what, args := args[0], args[1:]
	fs := flag.NewFlagSet("print "+what, flag.ContinueOnError)
	out := fs.String("o", "", "tệp PDF")
	fs.StringVar(out, "output", "", "tệp PDF")
	year := fs.Int("year", 0, "năm của sổ")
	fromS := fs.String("from", "", "từ ngày")
	toS := fs.String("to", "", "đến ngày; với letter: họ tên người nhận")
	kind := fs.String("kind", "", "loại thư")
	number := fs.String("number", "", "in lại thư đã cấp số SỐ/NĂM, ví dụ 12/2026")
	dossier := fs.String("dossier", "", "mã hồ sơ")
	address := fs.String("address", "", "địa chỉ người nhận")
	fields := fieldsFlag{}
	fs.Var(fields, "field", "trường thư TÊN=GIÁ_TRỊ (lặp lại được)")
	date := fs.String("date", "", "ngày")
	name := fs.String("name", "", "họ tên cán bộ")
	title := fs.String("title", "", "chức vụ")
	unit := fs.String("unit", "", "đơn vị công tác")
	sets := fs.String("sets", "", "các bộ khẩu hiệu, cách nhau dấu phẩy")
	fs.BoolVar(&e.openAfter, "open", false, "mở tệp PDF sau khi in")
	signer := fs.String("signer", "", "với letter, letters, apology, stop, rejection: họ tên người ký (Chủ tịch hoặc một Phó Chủ tịch, xem motcua signers); bỏ trống: người duyệt thư, hoặc người ký thường lệ")
	fs.BoolVar(&e.sendToPrinter, "print", false, "gửi tệp PDF ra máy in (Linux: lp; Windows: mở trình xem để bấm In)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("thiếu -o TỆP.pdf (nơi lưu tệp PDF)")
	}
	return e.withOffice(func(o *office.Office) error {
		for _, k := range office.FormKinds {
			if what == string(k) {
				if len(pos) == 0 {
					return usagef("thiếu mã hồ sơ")
				}
				if err := writePDF(*out, func(w io.Writer) error { return o.PrintFormsSignedBy(e.ctx, w, k, *signer, pos...) }); err != nil {
					return err
				}
				return e.printed(*out, map[string]any{"dossiers": pos}, "Đã in ra tệp")
			}
		}
		switch what {
		case "register":
			var from, to time.Time
			switch {
			case *year != 0:
				if *year < 1990 || *year > 2100 {
					return fmt.Errorf("năm %d không hợp lệ", *year)
				}
				from = time.Date(*year, 1, 1, 0, 0, 0, 0, o.Now().Location())
				to = time.Date(*year, 12, 31, 0, 0, 0, 0, o.Now().Location())
			case *fromS != "" && *toS != "":
				if from, err = parseDate(*fromS); err != nil {
					return err
				}
				if to, err = parseDate(*toS); err != nil {
					return err
				}
			default:
				return usagef("cần --year YYYY hoặc --from YYYY-MM-DD --to YYYY-MM-DD")
			}
			if err := writePDF(*out, func(w io.Writer) error { return o.PrintRegister(e.ctx, w, from, to) }); err != nil {
				return err
			}
			return e.printed(*out, nil, "Đã in sổ theo dõi hồ sơ ra tệp")
		case "letter":
			if *number != "" {
				n, y, err := office.ParseLetterNumber(*number)
				if err != nil {
					return err
				}
				l, err := o.LetterByNumber(e.ctx, y, n)
				if err != nil {
					return err
				}
				if err := writePDF(*out, func(w io.Writer) error { return o.RenderLetters(e.ctx, w, []office.Letter{l}) }); err != nil {
					return err
				}
				return e.printed(*out, map[string]any{"number": l.Number, "symbol": l.Symbol, "year": l.Year, "reference": office.LetterRef(l)},
					"Đã in lại thư số "+office.LetterRef(l)+" ra tệp")
			}
			if *kind == "" {
				return usagef("thiếu --kind (thanks, apology, marriage, birth, condolence)")
			}
			k, err := letters.ParseKind(*kind)
			if err != nil {
				return err
			}
			if (*dossier == "") == (*toS == "") {
				return usagef("cần --dossier MÃ_HỒ_SƠ hoặc --to HỌ_TÊN (một trong hai)")
			}
			in := office.LetterInput{Kind: k, DossierCode: *dossier, Recipient: *toS, Address: *address, Fields: fields, Signer: *signer}
			if done, err := e.draftOnly(o, in); done || err != nil { // accounts.go: a clerk drafts, the chair issues
				return err
			}
			sv := &saveOnce{path: *out}
			l, err := o.PrintLetterTo(e.ctx, in, sv.save)
			if err := sv.undo(err); err != nil {
				return fmt.Errorf("%w. Thư chưa được cấp số", err)
			}
			return e.printed(*out, map[string]any{"number": l.Number, "symbol": l.Symbol, "year": l.Year, "reference": office.LetterRef(l), "signer": l.Signer},
				"Đã cấp số "+office.LetterRef(l)+", người ký "+l.Signer.Label()+", và in thư ra tệp")
		case "letters":
			day := o.Now()
			if *date != "" {
				if day, err = parseDate(*date); err != nil {
					return err
				}
			}
			drafts, err := o.Letters(e.ctx, office.LetterDraft, day)
			if err != nil {
				return err
			}
			if len(drafts) == 0 {
				return fmt.Errorf("không có thư nào soạn ngày %s đang chờ in", day.Format("02/01/2006"))
			}
			ids := make([]string, len(drafts))
			for i, l := range drafts {
				ids[i] = l.ID
			}
			sv := &saveOnce{path: *out}
			issued, err := o.IssueLettersSignedBy(e.ctx, ids, *signer, sv.save)
			if err := sv.undo(err); err != nil {
				return fmt.Errorf("%w. Các thư vẫn chờ in, chưa được cấp số", err)
			}
			return e.printed(*out, map[string]any{"letters": len(issued)}, fmt.Sprintf("Đã cấp số và in %d thư ra tệp", len(issued)))
		case "pledge":
			if *name == "" || *sets == "" {
				return usagef("cần --name HỌ_TÊN và --sets BỘ,BỘ (xem motcua pledge-sets)")
			}
			var day time.Time
			if *date != "" {
				if day, err = parseDate(*date); err != nil {
					return err
				}
			}
			staff := people.Staff{Name: *name, Position: *title, Unit: *unit}
			if err := writePDF(*out, func(w io.Writer) error { return o.PrintPledge(w, staff, strings.Split(*sets, ","), day) }); err != nil {
				return err
			}
			return e.printed(*out, nil, "Đã in bản cam kết ra tệp")
		}
		return usagef("không in được %q: dùng receipt, supplement, refusal, apology, stop, control, register, letter, letters hoặc pledge", what)
	})
}

func runPledgeSets(e *Env, args []string) error {
	fs := flag.NewFlagSet("pledge-sets", flag.ContinueOnError)
	if _, err := e.parse(fs, args); err != nil {
		return err
	}
	sets, err := people.DefaultPledgeSets()
	if err != nil {
		return err
	}
	return e.emit(sets, func(w io.Writer) {
		for _, s := range sets {
			fmt.Fprintf(w, "%-14s %s (%d nội dung)\n", s.Code, s.Name, len(s.Items))
			for _, it := range s.Items {
				fmt.Fprintf(w, "    - %s\n", it)
			}
		}
	})
}

func runLetters(e *Env, args []string) error {
	fs := flag.NewFlagSet("letters", flag.ContinueOnError)
	status := fs.String("status", "", "draft hoặc issued")
	date := fs.String("date", "", "ngày soạn")
	if _, err := e.parse(fs, args); err != nil {
		return err
	}
	if *status != "" && *status != office.LetterDraft && *status != office.LetterIssued {
		return usagef("--status %q không có: dùng draft (chờ duyệt) hoặc issued (đã cấp số)", *status)
	}
	var day time.Time
	if *date != "" {
		var err error
		if day, err = parseDate(*date); err != nil {
			return err
		}
	}
	return e.withOffice(func(o *office.Office) error {
		ls, err := o.Letters(e.ctx, *status, day)
		if err != nil {
			return err
		}
		return e.emit(orEmpty(ls), func(w io.Writer) {
			if len(ls) == 0 {
				fmt.Fprintln(w, "Không có thư nào.")
			}
			for _, l := range ls {
				k, _ := letters.ParseKind(l.Kind)
				line := fmt.Sprintf("%s  %-12s %-26s %s", l.DraftedAt.Format(stamp), office.LetterRef(l), k.Name(), l.Recipient)
				if l.Signer.Valid() {
					line += "  (ký: " + l.Signer.Label() + ")"
				}
				fmt.Fprintln(w, line)
			}
		})
	})
}

func runLetterTemplate(e *Env, args []string) error {
	fs := flag.NewFlagSet("letter-template", flag.ContinueOnError)
	set := fs.String("set", "", "tệp văn bản chứa mẫu thư mới")
	reset := fs.Bool("reset", false, "dùng lại mẫu thư mặc định")
	kind, err := e.parseOne(fs, args, "loại thư: thanks, apology, marriage, birth hoặc condolence")
	if err != nil {
		return err
	}
	k, err := letters.ParseKind(kind)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		switch {
		case *reset:
			err = o.SetLetterTemplate(e.ctx, k, "")
		case *set != "":
			var b []byte
			if b, err = os.ReadFile(*set); err != nil {
				return fmt.Errorf("không đọc được tệp %s: %v", *set, err)
			}
			if strings.TrimSpace(string(b)) == "" {
				return fmt.Errorf("tệp %s trống nên không dùng làm mẫu thư; muốn dùng lại mẫu mặc định thì chạy: motcua letter-template %s --reset", *set, k)
			}
			err = o.SetLetterTemplate(e.ctx, k, string(b))
		}
		if err != nil {
			return err
		}
		src, err := o.LetterTemplate(e.ctx, k)
		if err != nil {
			return err
		}
		return e.emit(map[string]string{"kind": string(k), "template": src}, func(w io.Writer) { fmt.Fprintln(w, src) })
	})
}

func runSigners(e *Env, args []string) error {
	if err := e.parseNoArgs(flag.NewFlagSet("signers", flag.ContinueOnError), args); err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		ss, err := o.Signers(e.ctx)
		if err != nil {
			return err
		}
		return e.emit(ss, func(w io.Writer) {
			if len(ss) == 0 {
				fmt.Fprintln(w, "Chưa có người ký: hãy nhập họ tên Chủ tịch trong Cài đặt (motcua settings chair_name=\"HỌ TÊN\") hoặc thêm vào danh sách cán bộ.")
			}
			for _, s := range ss {
				fmt.Fprintf(w, "%s\n    %s\n", s.Label(), strings.Join(office.SignBlock(s), " / "))
			}
		})
	})
}
