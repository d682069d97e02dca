package office

import (
	"os"
	"time"
)

var zeroTime time.Time

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }
