package office

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"motcua/internal/people"
	"motcua/internal/store"
)

// Each desk (each PC) remembers which register it works on: the settings
// screen saves the address (a PostgreSQL server shared by the desks, or a
// file) in a small file beside the default register, and the program opens
// it when started without --db. Order: --db, then MOTCUA_DB, then the
// desk's saved choice, then the default file.

// deskFileName is the desk's choice, in the default register's folder.
const deskFileName = "quay.json"

type deskConfig struct {
	// DB is the register's address: postgres://… or a file path.
	DB string `json:"db"`
}

// dataDir is the user's data folder of the program:
// %APPDATA%\MotCuaThanThien on Windows, $XDG_DATA_HOME/motcua-than-thien
// (~/.local/share/…) elsewhere.
func dataDir() (string, error) {
	if runtime.GOOS == "windows" {
		dir, err := os.UserConfigDir() // %APPDATA%
		if err != nil {
			return "", fmt.Errorf("không tìm thấy thư mục dữ liệu của người dùng: %v", err)
		}
		return filepath.Join(dir, "MotCuaThanThien"), nil
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("không tìm thấy thư mục nhà của người dùng: %v", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "motcua-than-thien"), nil
}

// DeskConfigPath is the file holding this desk's choice of register.
func DeskConfigPath() (string, error) {
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, deskFileName), nil
}

// DeskDB is the register to open when no --db was given: MOTCUA_DB when
// set, else the one saved for this desk in the settings (SaveDeskDB), else
// DefaultDBPath.
func DeskDB() (string, error) {
	if p := os.Getenv("MOTCUA_DB"); p != "" {
		return p, nil
	}
	saved, err := SavedDeskDB()
	if err != nil || saved != "" {
		return saved, err
	}
	return DefaultDBPath()
}

// SavedDeskDB is the register saved for this desk, "" when none was.
func SavedDeskDB() (string, error) {
	path, err := DeskConfigPath()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("không đọc được tệp cấu hình của quầy %s: %v. Hãy kiểm tra quyền đọc tệp, hoặc mở phần mềm với --db", path, err)
	}
	var c deskConfig
	if err := json.Unmarshal(b, &c); err != nil {
		return "", fmt.Errorf("tệp cấu hình của quầy %s bị hỏng (%v). Hãy xóa tệp đó rồi chọn lại sổ trong Cài đặt, hoặc mở phần mềm với --db", path, err)
	}
	return strings.TrimSpace(c.DB), nil
}

// SaveDeskDB makes dsn this desk's register from the next start on, once it
// was checked to open (a file path is made absolute); "" or the default
// file returns the desk to the default. It needs the settings permission.
// The window keeps working on the register it has open until it restarts.
func (o *Office) SaveDeskDB(ctx context.Context, dsn string) (DatabaseCheck, error) {
	if err := o.can(ctx, people.ActSettings); err != nil {
		return DatabaseCheck{}, err
	}
	dsn = strings.TrimSpace(dsn)
	path, err := DeskConfigPath()
	if err != nil {
		return DatabaseCheck{}, err
	}
	def, err := DefaultDBPath()
	if err != nil {
		return DatabaseCheck{}, err
	}
	if dsn != "" && !store.IsURL(dsn) {
		if dsn, err = filepath.Abs(dsn); err != nil {
			return DatabaseCheck{}, err
		}
	}
	if dsn == "" || dsn == def {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return DatabaseCheck{}, fmt.Errorf("không xóa được tệp cấu hình của quầy %s: %v", path, err)
		}
		if _, err := os.Stat(def); err != nil {
			return DatabaseCheck{Engine: "sqlite"}, nil // made at the next start
		}
		return CheckDatabase(ctx, def)
	}
	res, err := CheckDatabase(ctx, dsn)
	if err != nil {
		return res, fmt.Errorf("chưa lưu vì không mở được sổ %s: %w", store.Redact(dsn), err)
	}
	b, err := json.MarshalIndent(deskConfig{DB: dsn}, "", "  ")
	if err != nil {
		return res, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return res, fmt.Errorf("không tạo được thư mục %s để lưu cấu hình của quầy: %v", filepath.Dir(path), err)
	}
	// The address may carry a password: readable by this user only.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return res, fmt.Errorf("không ghi được tệp cấu hình của quầy %s: %v", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return res, fmt.Errorf("không ghi được tệp cấu hình của quầy %s: %v", path, err)
	}
	return res, nil
}
