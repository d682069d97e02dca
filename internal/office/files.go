package office

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// WriteFileAtomic writes data to path so that the file is either the old
// one or the whole new one, also after a power cut: a temporary file in the
// same folder is written, flushed to the disk (fsync), then renamed over
// path, and the folder is flushed so the rename itself is durable. Errors
// are sentences the clerk can act on.
func WriteFileAtomic(path string, data []byte) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s là một thư mục; hãy nhập tên tệp, ví dụ %s", path, filepath.Join(path, "thu.pdf"))
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("thư mục %s không có; hãy tạo thư mục hoặc chọn nơi lưu khác", dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return fmt.Errorf("không ghi được vào thư mục %s (không có quyền ghi?): %v", dir, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("không ghi được tệp %s (ổ đĩa đầy hoặc không có quyền ghi): %v", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("không đặt được quyền đọc cho tệp %s: %v", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("không ghi được tệp %s xuống đĩa: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("không ghi được tệp %s: %v", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("không ghi được tệp %s (tệp có đang mở trong trình xem PDF không?): %v", path, err)
	}
	ok = true
	if runtime.GOOS != "windows" {
		if d, err := os.Open(dir); err == nil {
			_ = d.Sync() // some file systems refuse fsync on a folder; the file itself is synced
			d.Close()
		}
	}
	return nil
}
