//go:build !windows

package store

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A lock left by a program that was killed (its window hung, the task
// manager ended it) is taken over by the next start; while that program
// lives, the next start is refused and told which process holds it.
func TestLockOfAKilledProgramIsTakenOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "motcua.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MOTCUA_HOLD_LOCK="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "locked" {
		t.Fatalf("the other program says %q", line)
	}
	_, err = Lock(path)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("a live holder: %v", err)
	}
	if pid := cmd.Process.Pid; !strings.Contains(err.Error(), "tiến trình số "+strconv.Itoa(pid)) {
		t.Errorf("the message does not name process %d: %v", pid, err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l, err := Lock(path)
	if err != nil {
		t.Fatalf("the lock of a killed program was not taken over: %v", err)
	}
	l.Release()
}
