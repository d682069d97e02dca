package app

import (
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// quitGrace is how long a quit may take before the program ends anyway:
// a window whose display went away cannot draw its way out, and a
// program that hangs keeps the register's lock, so that every later start
// says "đang mở ở một cửa sổ khác".
const quitGrace = 5 * time.Second

// watchSignals asks the window to quit on SIGTERM, SIGINT or SIGHUP (a
// shutdown, a logout, a kill from the task manager) and, should it not have
// finished within grace, runs exit. It returns a stop func.
func watchSignals(quit, exit func(), grace time.Duration) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	stopCh := make(chan struct{})
	go func() {
		select {
		case <-stopCh:
			return
		case sig := <-ch:
			log.Printf("signal %v: closing the window", sig)
			go quit()
			select {
			case <-stopCh:
			case <-time.After(grace):
				log.Printf("the window did not close within %v; ending the program", grace)
				exit()
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(stopCh)
	}
}

// waitAtMost runs wait and reports whether it returned within d. After
// the window's loop has ended (the display went away, say), background
// work that hands its result to the UI may never finish; the program must
// still close the database and free its lock.
func waitAtMost(wait func(), d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}
