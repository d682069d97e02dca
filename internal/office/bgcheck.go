package office

import (
	"context"
	"errors"
	"fmt"
	"os"

	"motcua/internal/store"
)

// CheckLogSuffix names the file beside the register where a failed
// background integrity check is recorded (one line each, with the time),
// so the finding outlives the window that showed it.
const CheckLogSuffix = ".kiem-tra.log"

// CheckInBackground runs the day's integrity check that Open deferred
// (Options.DeferCheck) while the register stays in use: writes go on
// normally meanwhile. When it finds damage the office turns read-only,
// exactly as a register found damaged at Open (Damaged names the newest
// good backup, every change is refused), the finding is recorded in the
// file CheckLogSuffix beside the register, and it is returned. It returns
// nil for a sound register, one already checked today, one on a server,
// and when ctx ends first (the next open checks again). Any other error
// means the check could not run; the register stays writable.
func (o *Office) CheckInBackground(ctx context.Context) error {
	err := o.st.CheckInBackground(ctx)
	if err == nil || !errors.Is(err, store.ErrDamaged) {
		return err
	}
	full := damagedWithBackup(o.st)
	o.damaged.Store(&full)
	o.recordCheck(full)
	restore := "motcua restore"
	if b := NewestGoodBackup(ctx, o.Path()); b != "" {
		restore = fmt.Sprintf("%s, bằng lệnh motcua restore \"%s\"", b, b)
	}
	return &foundDamaged{fmt.Sprintf("Kiểm tra định kỳ vừa thấy tệp dữ liệu %s bị hỏng nên từ bây giờ phần mềm chỉ cho xem, không ghi thêm gì: hãy đóng phần mềm, khôi phục từ bản sao lưu tốt mới nhất (%s) và báo cán bộ công nghệ thông tin.", o.Path(), restore), err}
}

// foundDamaged is the one sentence the clerk reads when the background
// check finds damage; it matches store.ErrDamaged, and the check's details
// are in the check log.
type foundDamaged struct {
	msg   string
	cause error
}

func (e *foundDamaged) Error() string { return e.msg }
func (e *foundDamaged) Unwrap() error { return e.cause }

// recordCheck appends the finding to the check log; a log that cannot be
// written loses only the record, never the read-only state.
func (o *Office) recordCheck(finding error) {
	f, err := os.OpenFile(o.Path()+CheckLogSuffix, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "%s\tkiểm tra khi đang dùng thấy tệp bị hỏng, sổ chuyển sang chỉ đọc\t%v\n", o.Now().Format("2006-01-02 15:04:05"), finding)
	_ = f.Sync()
}
