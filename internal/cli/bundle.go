package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"motcua/internal/bundle"
	"motcua/internal/calendar"
	"motcua/internal/office"
)

// The bundle commands: the commune's signing key, export for the upper
// level, and at the upper level verify, import and the communes list.

// passphrase reads the key's passphrase: --passphrase-file, then
// MOTCUA_PASSPHRASE, then a prompt on the terminal.
func (e *Env) passphrase(file, prompt string, confirm bool) ([]byte, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("không đọc được tệp mật khẩu %s: %v", file, err)
		}
		return []byte(strings.TrimRight(string(b), "\r\n")), nil
	}
	if v, ok := os.LookupEnv("MOTCUA_PASSPHRASE"); ok {
		return []byte(v), nil
	}
	ask := func(prompt string) (string, error) {
		return e.readHidden(prompt, errors.New("chưa nhập mật khẩu của khóa ký; nhập khi được hỏi, hoặc dùng --passphrase-file TỆP hay biến MOTCUA_PASSPHRASE"))
	}
	p, err := ask(prompt)
	if err != nil || !confirm {
		return []byte(p), err
	}
	again, err := ask("Nhập lại mật khẩu")
	if err != nil {
		return nil, err
	}
	if again != p {
		return nil, errors.New("hai lần nhập mật khẩu không giống nhau; hãy chạy lại lệnh và nhập lại")
	}
	return []byte(p), nil
}

func runKeys(e *Env, args []string) error {
	fs := flag.NewFlagSet("keys", flag.ContinueOnError)
	passFile := fs.String("passphrase-file", "", "tệp chứa mật khẩu của khóa")
	newPassFile := fs.String("new-passphrase-file", "", "rotate: tệp chứa mật khẩu của khóa mới")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (pos[0] != "init" && pos[0] != "show" && pos[0] != "rotate") {
		return usagef("dùng: motcua keys init, motcua keys show hoặc motcua keys rotate")
	}
	return e.withOffice(func(o *office.Office) error {
		var info office.KeyInfo
		switch pos[0] {
		case "show":
			info, err = o.KeysShow(e.ctx)
		case "init":
			var p []byte
			if p, err = e.passphrase(*passFile, "Đặt mật khẩu cho khóa ký (ít nhất 8 ký tự)", true); err == nil {
				info, err = o.KeysInit(e.ctx, office.KeyRequest{Passphrase: p})
			}
		case "rotate":
			var old, p []byte
			if old, err = e.passphrase(*passFile, "Mật khẩu của khóa đang dùng", false); err == nil {
				if *newPassFile == "" && os.Getenv("MOTCUA_NEW_PASSPHRASE") != "" {
					p = []byte(os.Getenv("MOTCUA_NEW_PASSPHRASE"))
				} else if p, err = e.passphrase(*newPassFile, "Đặt mật khẩu cho khóa mới (ít nhất 8 ký tự)", true); err != nil {
					return err
				}
				info, err = o.KeysRotate(e.ctx, office.KeyRequest{OldPassphrase: old, Passphrase: p})
			}
		}
		if err != nil {
			return err
		}
		return e.emit(info, func(w io.Writer) {
			switch pos[0] {
			case "init":
				fmt.Fprintln(w, "Đã tạo khóa ký gói dữ liệu. Hãy giữ kín mật khẩu: không có mật khẩu thì không xuất được gói.")
			case "rotate":
				fmt.Fprintln(w, "Đã đổi khóa ký. Gói tiếp theo mang lời chuyển khóa do khóa cũ ký; cấp trên nhận khóa mới khi nhập gói đó.")
			}
			fmt.Fprintf(w, "Dấu vân tay:      %s\n", info.Fingerprint)
			fmt.Fprintf(w, "Khóa công khai:   %s\n", info.PublicKey)
			fmt.Fprintf(w, "Tạo lúc:          %s\n", info.CreatedAt.Format(stamp))
			fmt.Fprintln(w, "Đọc dấu vân tay này qua điện thoại cho cán bộ cấp trên để họ đối chiếu khi nhập gói đầu tiên.")
		})
	})
}

// monthOrDays is the period flags of export and communes: --period
// YYYY-MM, or --from and --to.
type monthOrDays struct{ period, from, to *string }

func defineMonthOrDays(fs *flag.FlagSet) monthOrDays {
	return monthOrDays{fs.String("period", "", "tháng YYYY-MM"), fs.String("from", "", "ngày đầu YYYY-MM-DD"), fs.String("to", "", "ngày cuối YYYY-MM-DD")}
}

// get reads the period given, or def's when none is (nil: one is needed).
func (m monthOrDays) get(def func() office.Period) (office.Period, error) {
	return periodFlags(*m.period, *m.from, *m.to, def)
}

// periodFlags reads --period YYYY-MM or --from/--to.
func periodFlags(period, from, to string, def func() office.Period) (office.Period, error) {
	switch {
	case period != "" && (from != "" || to != ""):
		return office.Period{}, usagef("dùng --period hoặc --from/--to, không dùng cả hai")
	case period != "":
		t, err := time.ParseInLocation("2006-01", strings.TrimSpace(period), calendar.Zone)
		if err != nil {
			return office.Period{}, usagef("kỳ %q không hợp lệ: nhập dạng YYYY-MM, ví dụ 2026-11", period)
		}
		return office.MonthPeriod(t.Year(), t.Month()), nil
	case from != "" || to != "":
		if from == "" || to == "" {
			return office.Period{}, usagef("cần cả --from và --to")
		}
		f, err := parseDate(from)
		if err != nil {
			return office.Period{}, usagef("%v", err)
		}
		t, err := parseDate(to)
		if err != nil {
			return office.Period{}, usagef("%v", err)
		}
		return office.DaysPeriod(f, t)
	case def != nil:
		return def(), nil
	}
	return office.Period{}, usagef("cần --period YYYY-MM hoặc --from YYYY-MM-DD --to YYYY-MM-DD")
}

func runExport(e *Env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	period := defineMonthOrDays(fs)
	out := fs.String("o", "", "tệp gói .zip")
	passFile := fs.String("passphrase-file", "", "tệp chứa mật khẩu của khóa")
	if err := e.parseNoArgs(fs, args); err != nil {
		return err
	}
	p, err := period.get(nil)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("cần -o TỆP.zip hoặc -o THƯ_MỤC: nơi lưu gói (thường là ổ USB)")
	}
	return e.withOffice(func(o *office.Office) error {
		if _, err := o.KeysShow(e.ctx); err != nil {
			return err
		}
		if fi, err := os.Stat(*out); err == nil && fi.IsDir() {
			// -o E:\ names the file after the commune and the period.
			*out = filepath.Join(*out, fmt.Sprintf("motcua-%s-%s_%s.zip", o.Profile().AgencyCode, p.From.Format("2006-01-02"), p.To.Format("2006-01-02")))
		}
		pass, err := e.passphrase(*passFile, "Mật khẩu của khóa ký", false)
		if err != nil {
			return err
		}
		res, err := o.Export(e.ctx, office.ExportRequest{Period: p, Path: *out, Passphrase: pass, AppVersion: Version})
		if err != nil {
			return err
		}
		return e.emit(res, func(w io.Writer) {
			fmt.Fprintf(w, "Đã xuất gói số %d, kỳ %s, ra %s (%d byte).\n", res.Sequence, p, res.Path, res.Bytes)
			for _, f := range res.Files {
				fmt.Fprintf(w, "  %-16s %6d bản ghi\n", f.Name, f.Records)
			}
			fmt.Fprintf(w, "Ký bằng khóa %s. Mã gói: %s\n", res.Fingerprint, res.BundleID)
		})
	})
}

type verifyOut struct {
	Valid bool `json:"valid"`
	office.VerifyResult
}

// refused prints a refused bundle as JSON too (with --json), so a script
// reads the reason and its kind on stdout; the exit status stays 1.
func (e *Env) refused(err error) error {
	if e.JSON && bundle.KindName(err) != "" {
		_ = e.emit(map[string]any{"valid": false, "kind": bundle.KindName(err), "error": capitalise(err.Error())}, nil)
	}
	return err
}

func runVerify(e *Env, args []string) error {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	key := fs.String("key", "", "khóa công khai của xã (base64)")
	keyring := fs.String("keyring", "", "cơ sở dữ liệu cấp trên có các xã đã đăng ký")
	trust := fs.String("trust", "", "dấu vân tay đã đối chiếu của xã chưa đăng ký")
	file, err := e.parseOne(fs, args, "tệp gói")
	if err != nil {
		return err
	}
	if *key != "" && *keyring != "" {
		return usagef("dùng --key hoặc --keyring, không dùng cả hai")
	}
	var res office.VerifyResult
	switch {
	case *key != "":
		pub, err := bundle.ParsePublicKey(*key)
		if err != nil {
			return err
		}
		var f *os.File
		res, _, f, err = office.VerifyBundle(file, bundle.FixedKey(pub))
		if f != nil {
			f.Close()
		}
		if err != nil {
			return e.refused(err)
		}
	default:
		if *keyring != "" {
			e.DB = *keyring
		}
		if err := e.withOffice(func(o *office.Office) (err error) {
			res, err = o.Verify(e.ctx, file, *trust)
			return e.refused(err)
		}); err != nil {
			return err
		}
	}
	return e.emit(verifyOut{true, res}, func(w io.Writer) {
		fmt.Fprintf(w, "HỢP LỆ: gói số %d của %s (mã %s), kỳ %s đến %s.\n", res.Sequence, res.Commune, res.Agency, res.PeriodFrom, res.PeriodTo)
		fmt.Fprintf(w, "Chữ ký đúng (khóa %s); đủ %d tệp, không tệp nào bị sửa.\n", res.Fingerprint, len(res.Files))
		for _, f := range res.Files {
			fmt.Fprintf(w, "  %-16s %6d bản ghi  %s\n", f.Name, f.Records, f.SHA256[:16])
		}
	})
}

func runImport(e *Env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	trust := fs.String("trust", "", "dấu vân tay của xã đã đối chiếu qua điện thoại (gói đầu tiên của xã)")
	file, err := e.parseOne(fs, args, "tệp gói")
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		res, err := o.Import(e.ctx, file, *trust)
		if err != nil {
			return err
		}
		return e.emit(res, func(w io.Writer) {
			if res.AlreadyImported {
				fmt.Fprintf(w, "Gói số %d của %s đã nhập trước đây; không có gì thay đổi.\n", res.Sequence, res.Commune)
				return
			}
			if res.Registered {
				fmt.Fprintf(w, "Đã đăng ký %s (mã %s) với khóa %s.\n", res.Commune, res.Agency, res.Fingerprint)
			}
			fmt.Fprintf(w, "Đã nhập gói số %d của %s, kỳ %s đến %s: %d bản ghi mới hoặc cập nhật.\n", res.Sequence, res.Commune, res.PeriodFrom, res.PeriodTo, res.Changed)
			for _, k := range []string{"dossiers", "letters", "holidays"} {
				if n, ok := res.Records[k]; ok {
					fmt.Fprintf(w, "  %-10s %6d bản ghi trong gói\n", k, n)
				}
			}
			for _, s := range res.Warnings {
				fmt.Fprintf(w, "Lưu ý: %s\n", s)
			}
			if t := office.MissingText(res.Commune, res.Missing); t != "" {
				fmt.Fprintf(w, "Lưu ý: %s; hãy đề nghị xã gửi lại.\n", capitalise(t))
			}
		})
	})
}

type communesOut struct {
	PeriodFrom string                 `json:"period_from"`
	PeriodTo   string                 `json:"period_to"`
	Communes   []office.CommuneStatus `json:"communes"`
	Total      office.Figures         `json:"total"`
	NotSent    []string               `json:"not_sent"`
}

func runCommunes(e *Env, args []string) error {
	fs := flag.NewFlagSet("communes", flag.ContinueOnError)
	period := defineMonthOrDays(fs)
	if err := e.parseNoArgs(fs, args); err != nil {
		return err
	}
	p, err := period.get(func() office.Period {
		last := e.Now().In(calendar.Zone).AddDate(0, 0, -e.Now().In(calendar.Zone).Day())
		return office.MonthPeriod(last.Year(), last.Month())
	})
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		cs, total, err := o.Communes(e.ctx, p)
		if err != nil {
			return err
		}
		out := communesOut{PeriodFrom: p.From.Format("2006-01-02"), PeriodTo: p.To.Format("2006-01-02"), Communes: cs, Total: total, NotSent: []string{}}
		out.Communes = orEmpty(out.Communes)
		for _, c := range cs {
			if !c.Sent {
				out.NotSent = append(out.NotSent, c.Agency)
			}
		}
		return e.emit(out, func(w io.Writer) {
			if len(cs) == 0 {
				fmt.Fprintln(w, "Chưa có xã nào đăng ký. Nhập gói đầu tiên của một xã bằng “motcua import TỆP.zip --trust DẤU_VÂN_TAY”.")
				return
			}
			fmt.Fprintf(w, "Kỳ %s.\n", p)
			for _, c := range cs {
				sent := "đã gửi đủ kỳ"
				if !c.Sent {
					sent = "CHƯA GỬI đủ kỳ"
				}
				fmt.Fprintf(w, "%-16s %-28s gói cuối số %d, %s\n", c.Agency, c.Name, c.LastSequence, sent)
				fmt.Fprintf(w, "  %s\n", figuresLine(c.Figures))
				if t := office.MissingText(c.Name, c.Missing); t != "" {
					fmt.Fprintf(w, "  %s\n", capitalise(t))
				}
			}
			fmt.Fprintf(w, "Tổng hợp %d xã: %s\n", len(cs), figuresLine(total))
			if len(out.NotSent) > 0 {
				fmt.Fprintf(w, "Chưa gửi đủ kỳ: %s\n", strings.Join(out.NotSent, ", "))
			}
		})
	})
}

func figuresLine(f office.Figures) string {
	return fmt.Sprintf("tiếp nhận %d; trả %d (trước hạn %d, đúng hạn %d, quá hạn %d); thư %d; đánh giá %d (hài lòng %d); cam kết đã ký %d; phản ánh %d; hội nghị đối thoại %d",
		f.Received, f.Returned, f.Early, f.OnTime, f.Late, f.Letters, f.Ratings, f.Satisfied, f.Pledges, f.Feedback, f.Dialogues)
}
