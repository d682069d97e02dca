package cli

import (
	"fmt"

	"motcua/internal/office"
)

// upgradeProgress prints, on stderr, how the upgrade of a register made by
// an older release advances (the window shows the same sentences): one line
// per step, and inside a step that walks the rows one line per tenth done.
func (e *Env) upgradeProgress() func(office.UpgradeProgress) {
	first := true
	lastStep, lastTenth := -1, int64(-1)
	return func(p office.UpgradeProgress) {
		if first {
			fmt.Fprintf(e.Stderr, "Sổ được tạo bởi phiên bản cũ (lược đồ %d), đang nâng cấp lên lược đồ %d. %s\n", p.From, p.To, office.UpgradeNote)
			first = false
		}
		if p.Total > 0 {
			tenth := p.Done * 10 / p.Total
			if p.Step == lastStep && tenth == lastTenth {
				return
			}
			lastTenth = tenth
		} else {
			lastTenth = -1
		}
		lastStep = p.Step
		fmt.Fprintln(e.Stderr, "  "+office.UpgradeText(p))
	}
}
