package winconsole

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// Attach must leave a process that already has working standard streams untouched.
func TestAttachKeepsWorkingStreams(t *testing.T) {
	out, errOut := os.Stdout, os.Stderr
	Attach()
	if os.Stdout != out || os.Stderr != errOut {
		t.Fatal("Attach replaced standard streams that were already valid")
	}
}

// The Windows implementation must keep compiling even though tests run on Linux.
func TestWindowsBuildVets(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("already building for windows")
	}
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	cmd := exec.Command(goTool, "vet", ".")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=windows go vet: %v\n%s", err, out)
	}
}
