package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"motcua/internal/office"
	"motcua/internal/people"
)

// The command line runs as a named user: --user "HỌ TÊN" before the
// command; when the register uses accounts, the password comes from
// MOTCUA_PASSWORD or is asked for on the terminal (a line of stdin).

// signIn acts as --user in o (asking the password only when accounts are
// on). Without --user nobody is logged in: with accounts off that changes
// nothing, with accounts on every change is refused with a sentence.
func (e *Env) signIn(o *office.Office) error {
	return o.SignIn(e.ctx, e.user, func() (string, error) {
		if v, ok := os.LookupEnv("MOTCUA_PASSWORD"); ok {
			return v, nil
		}
		return e.readSecret("Mật khẩu của " + e.user)
	})
}

// stdin is the command's input, read line by line by every question.
func (e *Env) stdin() *bufio.Reader {
	if e.in == nil {
		var r io.Reader = os.Stdin
		if e.Stdin != nil {
			r = e.Stdin
		}
		e.in = bufio.NewReader(r)
	}
	return e.in
}

// readSecret asks for a password on stderr and reads one line, without echo
// when stdin is a terminal.
func (e *Env) readSecret(prompt string) (string, error) {
	return e.readHidden(prompt, errors.New("chưa nhập mật khẩu: hãy gõ mật khẩu khi được hỏi, hoặc đặt trong biến MOTCUA_PASSWORD"))
}

// readHidden asks on stderr and reads one line of stdin, without echo when
// stdin is a terminal; missing is the error when nothing was typed.
func (e *Env) readHidden(prompt string, missing error) (string, error) {
	fmt.Fprint(e.Stderr, prompt+": ")
	restore, hidden := func() {}, false
	if e.Stdin == nil {
		restore, hidden = withoutEcho(os.Stdin)
	}
	line, err := e.stdin().ReadString('\n')
	restore()
	if hidden {
		fmt.Fprintln(e.Stderr)
	}
	if err != nil && (err != io.EOF || line == "") {
		return "", missing
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// staffAccounts runs "staff passwd MÃ|HỌ_TÊN" and "staff passwords on|off".
func (e *Env) staffAccounts(o *office.Office, pos []string) error {
	switch pos[0] {
	case "passwd":
		if len(pos) != 2 {
			return usagef("cần đúng một cán bộ: motcua staff passwd MÃ|HỌ_TÊN")
		}
		pw, ok := os.LookupEnv("MOTCUA_NEW_PASSWORD")
		if !ok {
			var err error
			if pw, err = e.readSecret("Mật khẩu mới cho " + pos[1]); err != nil {
				return err
			}
			again, err := e.readSecret("Nhập lại mật khẩu mới")
			if err != nil {
				return err
			}
			if again != pw {
				return errors.New("hai lần nhập mật khẩu mới không giống nhau; hãy chạy lại lệnh và nhập lại")
			}
		}
		s, err := o.SetPassword(e.ctx, pos[1], pw)
		if err != nil {
			return err
		}
		return e.emit(map[string]any{"staff_id": s.ID, "name": s.Name, "password_set": true}, func(w io.Writer) {
			fmt.Fprintf(w, "Đã đặt mật khẩu mới cho %s.\n", s.Label())
			if on, _ := o.AccountsOn(e.ctx); on {
				fmt.Fprintln(w, "Sổ đang dùng tài khoản: mỗi lệnh thay đổi sổ cần --user \"HỌ TÊN\" và mật khẩu.")
			}
		})
	case "passwords":
		if len(pos) != 2 || (pos[1] != "on" && pos[1] != "off") {
			return usagef("dùng motcua staff passwords on (bật đăng nhập) hoặc off (một người, không cần mật khẩu)")
		}
		if err := o.SetPasswordsOff(e.ctx, pos[1] == "off"); err != nil {
			return err
		}
		on, err := o.AccountsOn(e.ctx)
		if err != nil {
			return err
		}
		return e.emit(map[string]any{"accounts": on}, func(w io.Writer) {
			if on {
				fmt.Fprintln(w, "Đã bật đăng nhập: mỗi người làm việc bằng tài khoản và mật khẩu của mình.")
			} else {
				fmt.Fprintln(w, "Đã chọn “một người, không cần mật khẩu”: phần mềm không hỏi đăng nhập, mọi việc đều làm được.")
			}
		})
	}
	return usagef("không có việc %q", pos[0])
}

// whoOut is what whoami prints.
type whoOut struct {
	Accounts bool     `json:"accounts"`
	StaffID  string   `json:"staff_id,omitempty"`
	Name     string   `json:"name,omitempty"`
	Role     string   `json:"role,omitempty"`
	Actor    string   `json:"actor"`
	May      []string `json:"may"`
}

// allActions names the guarded actions for whoami, in Vietnamese.
var allActions = []struct {
	act  people.Action
	name string
}{
	{people.ActReceive, "tiếp nhận hồ sơ"},
	{people.ActHandle, "xử lý, trả hồ sơ"},
	{people.ActDraftLetter, "soạn thư"},
	{people.ActRate, "ghi đánh giá"},
	{people.ActFeedback, "ghi phản ánh"},
	{people.ActIssueLetter, "phát hành thư"},
	{people.ActSign, "ký gói số liệu"},
	{people.ActCatalogue, "sửa thủ tục"},
	{people.ActCalendar, "sửa lịch nghỉ"},
	{people.ActTemplates, "sửa mẫu thư"},
	{people.ActSettings, "cài đặt"},
	{people.ActStaff, "quản lý cán bộ, mật khẩu"},
	{people.ActRestore, "khôi phục sổ"},
	{people.ActBackdate, "ghi lùi ngày"},
	{people.ActImport, "nhập dữ liệu từ nơi khác"},
}

// mayRestore refuses a restore to whoever may not do it when the register
// in place uses accounts. A register that cannot even be opened cannot say
// who may: the restore then goes on (it is what such a register needs).
func (e *Env) mayRestore() error {
	o, err := e.openOffice()
	if err != nil {
		fmt.Fprintf(e.Stderr, "Lưu ý: không mở được sổ hiện tại để kiểm tra quyền (%v); vẫn khôi phục.\n", err)
		return nil
	}
	defer func() { o.Close(); e.opened = nil }()
	if err := e.signIn(o); err != nil {
		return err
	}
	return o.Permit(e.ctx, people.ActRestore)
}

// draftOnly is print letter for someone who drafts but may not issue (a
// clerk, with accounts on): the letter is saved as a draft for the chair or
// vice-chair to approve and number (motcua print letters), never drafted
// and issued in one step. done is false when the user may issue.
func (e *Env) draftOnly(o *office.Office, in office.LetterInput) (done bool, err error) {
	if o.May(e.ctx, people.ActIssueLetter) || !o.May(e.ctx, people.ActDraftLetter) {
		return false, nil
	}
	l, err := o.DraftLetter(e.ctx, in)
	if err != nil {
		return true, err
	}
	return true, e.emit(map[string]any{"id": l.ID, "status": l.Status, "recipient": l.Recipient, "issued": false}, func(w io.Writer) {
		fmt.Fprintf(w, "Đã soạn thư gửi %s; thư chờ Chủ tịch hoặc Phó Chủ tịch duyệt, cấp số và in (motcua --user \"NGƯỜI KÝ\" print letters -o TỆP.pdf). Chưa có tệp PDF nào được ghi.\n", l.Recipient)
	})
}

func runWhoami(e *Env, args []string) error {
	fs := flag.NewFlagSet("whoami", flag.ContinueOnError)
	if _, err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		on, err := o.AccountsOn(e.ctx)
		if err != nil {
			return err
		}
		out := whoOut{Accounts: on, Actor: o.Actor(), May: []string{}}
		s, ok := o.Who()
		if ok {
			out.StaffID, out.Name, out.Role = s.ID, s.Name, string(s.Role)
		}
		for _, a := range allActions {
			if o.May(e.ctx, a.act) {
				out.May = append(out.May, a.name)
			}
		}
		return e.emit(out, func(w io.Writer) {
			switch {
			case ok:
				fmt.Fprintf(w, "Đang làm việc: %s, mã %s.\n", s.Label(), s.ID)
			case on:
				fmt.Fprintln(w, "Chưa đăng nhập: hãy chạy lệnh với --user \"HỌ TÊN\" (mật khẩu gõ khi được hỏi hoặc đặt trong MOTCUA_PASSWORD).")
			default:
				fmt.Fprintf(w, "Đang làm việc dưới tên: %s (chỉ là tên ghi vào nhật ký, không phải tài khoản).\n", o.Actor())
			}
			if on {
				fmt.Fprintln(w, "Sổ dùng tài khoản có mật khẩu.")
			} else {
				fmt.Fprintln(w, "Sổ không dùng mật khẩu: mọi việc đều làm được.")
			}
			if len(out.May) > 0 {
				fmt.Fprintf(w, "Được làm: %s.\n", strings.Join(out.May, "; "))
			} else {
				fmt.Fprintln(w, "Chưa được làm việc nào thay đổi sổ; vẫn xem và tìm được hồ sơ.")
			}
		})
	})
}
