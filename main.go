// Command motcua is Một Cửa Thân Thiện: without arguments (or with only
// --db FILE) it opens the desktop window; with a subcommand it is the
// command line (see `motcua help`).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"motcua/app"
	"motcua/internal/cli"
	"motcua/packaging/winconsole"
)

func main() {
	args := os.Args[1:]
	if db, ok := windowArgs(args); ok {
		if err := app.Run(app.Options{DBPath: db, Version: cli.Version}); err != nil {
			winconsole.Attach()
			fmt.Fprintf(os.Stderr, "Lỗi: %v\n", err)
			os.Exit(cli.ExitError)
		}
		return
	}
	winconsole.Attach()
	// Ctrl+C cancels a long command (it stops and writes nothing); a
	// second Ctrl+C ends the program at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := cli.RunContext(ctx, args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// windowArgs reports whether the arguments ask for the window, and on which
// database ("" means the default one).
func windowArgs(args []string) (db string, ok bool) {
	switch {
	case len(args) == 0:
		return "", true
	case len(args) == 2 && (args[0] == "--db" || args[0] == "-db"):
		return args[1], true
	case len(args) == 1 && (strings.HasPrefix(args[0], "--db=") || strings.HasPrefix(args[0], "-db=")):
		_, v, _ := strings.Cut(args[0], "=")
		return v, true
	}
	return "", false
}
