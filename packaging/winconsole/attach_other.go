//go:build !windows

package winconsole

// Attach does nothing outside Windows: the process already has the terminal it was started from.
func Attach() {}
