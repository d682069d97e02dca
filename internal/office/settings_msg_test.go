package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// A wrong setting is named by the label the clerk reads beside the field,
// never by its key.
func TestSettingErrorsNameTheField(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 08:30")
	err := o.SetSettings(context.Background(), map[string]string{"hours.close": "5 giờ chiều"})
	if err == nil {
		t.Fatal("a wrong closing time was saved")
	}
	msg := err.Error()
	if strings.Contains(msg, "hours.") || !strings.Contains(msg, "Giờ đóng cửa") {
		t.Errorf("message %q", msg)
	}
}
