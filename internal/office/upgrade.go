package office

import (
	"fmt"
	"path/filepath"
	"time"

	"motcua/internal/store"
)

// UpgradeProgress is how far the upgrade of a register made by an older
// release is (store.Progress): Open reports it through Options.Progress.
type UpgradeProgress = store.Progress

// PendingUpgrade tells, without changing the file, whether opening the
// register at path will upgrade it (a register made by an older release),
// so the window can show its progress window first.
func PendingUpgrade(path string) bool {
	_, _, pending := store.PendingUpgrade(path)
	return pending
}

// upgradePrefix names the copy of a register taken just before an upgrade,
// in the automatic backups' folder: "motcua-truoc-nang-cap-v4-2026-11-28-0930.db"
// is the register as schema 4 left it. The automatic backups' pruning and
// NewestGoodBackup leave these alone (they are not named by day).
const upgradePrefix = "motcua-truoc-nang-cap-"

// upgradeBackupPath is where the pre-upgrade copy of the register at real
// (schema from) goes.
func upgradeBackupPath(now func() time.Time) func(real string, from int) string {
	return func(real string, from int) string {
		name := fmt.Sprintf("%sv%d-%s%s", upgradePrefix, from, now().Format("2006-01-02-150405"), autoSuffix)
		return filepath.Join(BackupDir(real), name)
	}
}

// UpgradeText is the sentence the window's progress window and the command
// line show for p.
func UpgradeText(p UpgradeProgress) string {
	switch p.Phase {
	case store.PhaseCheck:
		return "Đang kiểm tra tệp dữ liệu trước khi nâng cấp sổ lên phiên bản mới…"
	case store.PhaseBackup:
		return "Đang sao lưu sổ trước khi nâng cấp, vào tệp " + p.Backup + "…"
	}
	s := fmt.Sprintf("Đang nâng cấp sổ lên phiên bản mới: bước %d/%d", p.Step, p.Steps)
	if p.Total > 0 {
		s += fmt.Sprintf(" (%s/%s dòng)", thousands(p.Done), thousands(p.Total))
	}
	return s + "…"
}

// UpgradeNote is the warning shown beside the progress.
const UpgradeNote = "Vui lòng không tắt máy tính hoặc đóng phần mềm trong lúc nâng cấp. Nếu bị ngắt giữa chừng, sổ vẫn nguyên vẹn: lần mở sau phần mềm làm tiếp từ bước đang dở."

// thousands writes n with dots between thousands, as Vietnamese does.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	return string(out)
}
