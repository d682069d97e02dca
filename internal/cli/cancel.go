package cli

import (
	"context"
	"io"
	"time"
)

// RunContext is Run under ctx: main cancels it on Ctrl+C, and a long
// command (a year's register book, a report workbook, a bundle, a backup,
// an import) stops in its loop, writes no file and changes nothing.
func RunContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &Env{Stdout: stdout, Stderr: stderr, Now: time.Now, ctx: ctx}
	return e.run(args)
}

// cancelledMessage is what the command line says after Ctrl+C.
const cancelledMessage = "Đã hủy theo yêu cầu (Ctrl+C): không có tệp nào được ghi dở, sổ theo dõi hồ sơ không thay đổi."
