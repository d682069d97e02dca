// Package cli is the command line of the same binary: `motcua <command>`.
// It only parses flags, calls internal/office and prints, as Vietnamese text
// or, with --json, as one JSON document on stdout. Errors go to stderr in
// Vietnamese with a non-zero exit status.
package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/office"
)

// Version is the program version, set at build time with
// -ldflags "-X motcua/internal/cli.Version=…"; it matches FyneApp.toml.
var Version = "0.1.0"

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // the command ran and failed (a rule, a missing dossier…)
	ExitUsage = 2 // the command line itself is wrong
)

// Env is what a command runs with.
type Env struct {
	Stdout, Stderr io.Writer
	Now            func() time.Time
	JSON           bool
	DB             string
	openAfter      bool // print: open the PDF in the viewer
	sendToPrinter  bool // print: send the PDF to the printer
	ctx            context.Context
	flags          *flag.FlagSet
	open           func() (*office.Office, error)
	Stdin          io.Reader      // answers to confirmations (restore); os.Stdin when nil
	opened         *office.Office // the register the command opened, if any
	dbPath         string         // its path
	user           string         // --user: who acts (accounts.go)
	in             *bufio.Reader  // stdin, read line by line (passwords, confirmations)
}

type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Run runs one command line (without the program name) and returns the exit
// status.
func Run(args []string, stdout, stderr io.Writer) int {
	return RunContext(context.Background(), args, stdout, stderr)
}

func (e *Env) run(args []string) int {
	// Global flags may stand before the command: motcua --db x.db show CODE.
	var name string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") && name == "" {
			switch k, v, hasV := strings.Cut(strings.TrimLeft(a, "-"), "="); {
			case k == "db" && hasV:
				e.DB = v
			case k == "db" && i+1 < len(args):
				e.DB = args[i+1]
				i++
			case k == "user" && hasV:
				e.user = v
			case k == "user" && i+1 < len(args):
				e.user = args[i+1]
				i++
			case k == "json" && !hasV:
				e.JSON = true
			default:
				rest = append(rest, a)
			}
			continue
		}
		if name == "" {
			name = a
			continue
		}
		rest = append(rest, a)
	}
	if name == "" || name == "help" || name == "-h" || name == "--help" {
		e.usage(e.Stdout)
		return ExitOK
	}
	c, ok := find(name)
	if !ok {
		fmt.Fprintf(e.Stderr, "Lỗi: không có lệnh %q.\n\n", name)
		e.usage(e.Stderr)
		return ExitUsage
	}
	err := c.run(e, rest)
	if e.opened != nil {
		// Commands close the register with defer, which drops the error;
		// closing again returns it (a checkpoint or close that failed).
		if cerr := e.opened.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	if err == nil {
		e.noteWindow()
		return ExitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(e.Stderr, "Lỗi: %s\nCách dùng: motcua %s %s\n", ue.msg, c.name, c.usage)
		return ExitUsage
	}
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(e.Stderr, cancelledMessage)
		return ExitError
	}
	fmt.Fprintf(e.Stderr, "Lỗi: %s\n", capitalise(err.Error()))
	return ExitError
}

func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func (e *Env) usage(w io.Writer) {
	fmt.Fprintln(w, "Một Cửa Thân Thiện: sổ theo dõi hồ sơ của bộ phận một cửa cấp xã.")
	fmt.Fprintln(w, "\nChạy không có lệnh để mở cửa sổ chương trình. Các lệnh:")
	cs := append([]command(nil), commands...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  motcua %s %s\n      %s\n", c.name, c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nMọi lệnh nhận --db TỆP (cơ sở dữ liệu; mặc định trong thư mục dữ liệu người dùng) và --json (in kết quả dạng JSON).")
	fmt.Fprintln(w, "Khi sổ dùng tài khoản có mật khẩu: --user \"HỌ TÊN\" (đứng trước lệnh) làm việc dưới tên cán bộ đó; mật khẩu gõ khi được hỏi hoặc đặt trong biến MOTCUA_PASSWORD.")
}

// flags parses a command's flags, which may stand before or after its
// positional arguments ("forward CODE --to X" as well as "forward --to X CODE").
func (e *Env) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.DB, "db", e.DB, "tệp cơ sở dữ liệu")
	fs.BoolVar(&e.JSON, "json", e.JSON, "in kết quả dạng JSON")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(e.Stdout)
				fs.PrintDefaults()
				return nil, err
			}
			return nil, usagef("%s", translateFlagError(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func translateFlagError(err error) string {
	s := err.Error()
	switch {
	case strings.HasPrefix(s, "flag provided but not defined: "):
		return "không có tùy chọn " + strings.TrimPrefix(s, "flag provided but not defined: ")
	case strings.HasPrefix(s, "flag needs an argument: "):
		return "tùy chọn " + strings.TrimPrefix(s, "flag needs an argument: ") + " cần một giá trị"
	case strings.HasPrefix(s, "invalid value "):
		return "giá trị không hợp lệ: " + strings.TrimPrefix(s, "invalid value ")
	}
	return s
}

func (e *Env) office() (*office.Office, error) {
	o, err := e.openOffice()
	if err != nil {
		return o, err
	}
	if err := e.signIn(o); err != nil {
		o.Close()
		return nil, err
	}
	e.opened = o
	return o, nil
}

func (e *Env) openOffice() (*office.Office, error) {
	if e.open != nil {
		return e.open()
	}
	path, err := e.dbFile()
	if err != nil {
		return nil, err
	}
	o, err := office.Open(path, office.Options{Now: e.Now})
	if err != nil {
		return nil, err
	}
	e.opened, e.dbPath = o, path
	if derr := o.Damaged(); derr != nil {
		fmt.Fprintf(e.Stderr, "Cảnh báo: %s\n", derr)
	}
	return o, nil
}

// emit prints v as JSON with --json, or calls text otherwise.
func (e *Env) emit(v any, text func(w io.Writer)) error {
	if e.JSON {
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	}
	text(e.Stdout)
	return nil
}

// parseAt reads "YYYY-MM-DD HH:MM" (or a date alone, meaning 00:00) in
// Vietnam time; empty means now.
func parseAt(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, calendar.Zone); err == nil {
			if t.Year() < minYear || t.Year() > maxYear {
				return time.Time{}, fmt.Errorf("thời điểm %q có năm ngoài khoảng %d–%d; kiểm tra lại năm", s, minYear, maxYear)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("thời điểm %q không hợp lệ: nhập dạng \"YYYY-MM-DD HH:MM\", ví dụ \"2026-11-23 08:30\"", s)
}

func parseDate(s string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), calendar.Zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("ngày %q không hợp lệ: nhập dạng YYYY-MM-DD, ví dụ 2026-11-23", s)
	}
	if t.Year() < minYear || t.Year() > maxYear {
		return time.Time{}, fmt.Errorf("ngày %q có năm ngoài khoảng %d–%d; kiểm tra lại năm", s, minYear, maxYear)
	}
	return t, nil
}

// The years the command line accepts in dates: a mistyped 0000 or 20266
// is refused where it is typed.
const minYear, maxYear = 1990, 2100

// parseYear reads a year strictly: "2026abc" and "0000" are refused.
func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || y < minYear || y > maxYear {
		return 0, fmt.Errorf("năm %q không hợp lệ: nhập bốn chữ số từ %d đến %d, ví dụ 2026", s, minYear, maxYear)
	}
	return y, nil
}

const stamp = "15:04 02/01/2006"

func runVersion(e *Env, args []string) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	if _, err := e.parse(fs, args); err != nil {
		return err
	}
	return e.emit(map[string]string{"version": Version, "name": "Một Cửa Thân Thiện"}, func(w io.Writer) {
		fmt.Fprintf(w, "Một Cửa Thân Thiện %s\n", Version)
	})
}
