// Package winconsole gives the Windows GUI build of motcua a working command line.
//
// The release exe is linked with -H=windowsgui so that double-clicking it opens the window
// without a black console box. Such an exe gets no console: started from cmd or PowerShell,
// "motcua.exe version" would print nothing. Attach, called by main before it runs a
// subcommand (or prints an error), fixes that: it attaches to the console of the parent
// process (cmd, PowerShell, Windows Terminal) and points os.Stdout and os.Stderr at it, but
// only those of the two that are not already valid handles, so "motcua.exe export > out.txt"
// and pipes keep working. Started from Explorer or a shortcut there is no parent console,
// and Attach does nothing. Do not call it for the desktop window.
//
// Caveat of every GUI-subsystem program: cmd does not wait for it, so the prompt may come
// back before the output. "start /wait motcua.exe …" in cmd, or piping into Out-Host or
// Write-Output in PowerShell, waits for it.
//
// On other systems Attach does nothing.
package winconsole
