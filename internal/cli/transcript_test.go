package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"motcua/internal/store/storetest"
)

var updateTranscript = flag.Bool("update-transcript", false, "rewrite testdata/transcript.golden from the current code")

// The transcript pins what every command prints, to which stream, with
// which exit status: the help listing, each command's -h, an unknown flag
// (with and without --json), a missing argument, and a clerk's day run
// through the commands that change a dossier. The command line was moved
// onto one table and one open/close helper without changing a byte of it;
// any later change shows here as a diff to review (go test
// ./internal/cli -run TestTranscript -update-transcript rewrites it).
func TestTranscript(t *testing.T) {
	if storetest.Engine() != "sqlite" {
		t.Skip("the transcript pins the command line's own words; the other tests cover the engine")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, monday.Location())
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	sort.Strings(names)

	var lines [][]string
	add := func(args ...string) { lines = append(lines, args) }
	add()
	add("help")
	add("--help")
	add("nosuch")
	add("--json", "nosuch")
	for _, n := range names {
		add(n, "-h")
		add(n, "--nope")
		add(n, "--json", "--nope")
	}
	// Each command with nothing after it, where that cannot wait for a
	// terminal or take long (bench measures, seed would need a figure).
	for _, n := range names {
		switch n {
		case "bench", "keys", "restore":
			continue
		}
		add(n)
		add(n, "--json")
	}
	os.WriteFile(filepath.Join(dir, "empty.txt"), []byte("\n"), 0o644)
	day := [][]string{
		{"receive", "--procedure", "xac-nhan-hon-nhan", "--applicant", "Đỗ Đức Đạt", "--address", "Thôn Đông", "--phone", "0912 345 678", "--at", "2026-11-23 08:30"},
		{"receive", "--procedure", "khai-sinh", "--applicant", "Lê Thị Hoa", "--at", "2026-11-23 08:40", "--json"},
		{"receive", "--procedure", "khai-sinh", "--applicant", "Phạm Văn Bình", "--at", "2026-11-23 08:50"},
		{"receive", "--procedure", "khai-sinh", "--applicant", "Trần Văn Cường", "--at", "2026-11-23 08:55"},
		{"receive", "--procedure", "khai-sinh", "--applicant", "Ngô Thị Dung", "--at", "2026-11-23 08:56"},
		{"receive", "--applicant", "Không Thủ Tục"},
		{"receive", "thừa", "--procedure", "khai-sinh", "--applicant", "A"},
		{"receive", "--procedure", "khai-sinh", "--applicant", "A", "--at", "hôm qua"},
		{"search", "dat"},
		{"search", "--json", "hoa"},
		{"search", "--limit", "0", "hoa"},
		{"search", "không-có-ai"},
		{"show", "@1"},
		{"show", "--json", "@2"},
		{"show"},
		{"show", "@1", "@2"},
		{"show", "KHÔNG-CÓ"},
		{"show", "--json", "KHÔNG-CÓ"},
		{"papers", "@1"},
		{"papers", "--json", "@1"},
		{"forward", "@1"},
		{"forward", "@1", "--to", "Công chức tư pháp", "--at", "2026-11-23 10:00"},
		{"forward", "--json", "@1", "--to", "Lại lần nữa"},
		{"supplement", "@2"},
		{"supplement", "@2", "--items", "Bản sao CCCD"},
		{"supplement", "@2", "--items", "  "},
		{"supplement", "@2", "--items", "Bản sao CCCD; Giấy chứng sinh", "--reason", "Thiếu giấy chứng sinh", "--at", "2026-11-23 09:30"},
		{"supplement", "--json", "@2", "--items", "Lần hai", "--reason", "Lại thiếu"},
		{"resume", "@2", "--at", "2026-11-24 08:00"},
		{"refuse", "@3"},
		{"refuse", "@3", "--reason", "Không thuộc thẩm quyền", "--kind", "sai"},
		{"refuse", "@3", "--reason", "Không thuộc thẩm quyền", "--at", "2026-11-23 09:10"},
		{"refuse", "--json", "@3", "--reason", "Lần hai"},
		{"stop", "@4"},
		{"stop", "@4", "--by", "ai-đó"},
		{"stop", "@4", "--by", "agency"},
		{"stop", "@4", "--by", "applicant", "--reason", "Người nộp xin dừng", "--at", "2026-11-23 09:20"},
		{"stop", "--json", "@4", "--by", "applicant"},
		{"apologise", "@5"},
		{"apologise", "@5", "--reason", "Chờ xác minh"},
		{"apologise", "@5", "--reason", "Chờ xác minh", "--new-date", "2026-13-01"},
		{"apologise", "@5", "--reason", "Chờ xác minh", "--new-date", "2026-12-04", "--at", "2026-11-23 09:40"},
		{"apologise", "--json", "@5", "--reason", "Lần hai", "--new-date", "2026-12-10"},
		{"done", "@1"},
		{"return", "@1"},
		{"return", "--json", "@1"},
		{"withdraw", "@5", "--reason", "Không cần nữa"},
		{"rate", "@1", "1", "--sipas", "5,5,4,4,5", "--comment", "Nhanh", "--by", "Cán bộ A"},
		{"rate", "@1", "1"},
		{"rate", "@1", "7"},
		{"rate", "@1"},
		{"satisfaction", "--from", "2026-11-01", "--to", "2026-11-30"},
		{"satisfaction", "--json", "--from", "2026-11-01", "--to", "2026-11-30"},
		{"satisfaction", "--from", "hôm qua"},
		{"settings", "commune.nope"},
		{"settings", "--json", "report.start_day"},
		{"feedback", "add", "--content", "Quầy đông", "--sender", "Bà Năm", "--at", "2026-11-23 10:00"},
		{"feedback", "add"},
		{"feedback", "--json", "list"},
		{"feedback", "list"},
		{"feedback", "answer", "01", "--text", "Đã thêm quầy", "--accepted", "yes", "--at", "2026-11-24 10:00"},
		{"feedback", "accept", "01", "có lẽ"},
		{"feedback", "days"},
		{"feedback", "nope"},
		{"dialogue", "add", "--at", "2026-11-20 14:00", "--place", "Nhà văn hóa thôn Đông", "--chair", "Chủ tịch UBND xã", "--attendance", "40", "--issue", "Đường hỏng"},
		{"dialogue", "add"},
		{"dialogue", "commit", "01", "--text", "Sửa đường", "--owner", "Phó Chủ tịch", "--deadline", "2026-12-20"},
		{"dialogue", "done", "01.1", "--date", "2026-12-01", "--result", "Đã sửa"},
		{"dialogue", "list"},
		{"dialogue", "--json", "list"},
		{"dialogue", "minutes", "01"},
		{"dialogue", "nope"},
		{"staff", "list"},
		{"staff", "--json", "list"},
		{"pledge", "list"},
		{"pledge", "--json", "notes"},
		{"pledge", "notes"},
		{"staff", "add", "--name", "Nguyễn Văn An", "--role", "counter", "--title", "Công chức văn phòng", "--phone", "0900 000 001", "--start", "2025-01-01"},
		{"staff", "add", "--name", "Nguyễn Văn An"},
		{"staff", "list"},
		{"staff", "--json", "list"},
		{"staff", "edit", "Nguyễn Văn An", "--unit", "Văn phòng"},
		{"staff", "nope"},
		{"pledge", "sign", "Nguyễn Văn An", "--date", "2026-01-05"},
		{"pledge", "list"},
		{"pledge", "missing"},
		{"pledge", "--json", "missing"},
		{"pledge", "sets"},
		{"pledge", "note", "Nguyễn Văn An", "--kind", "praise", "--source", "Người dân", "--text", "Tận tình", "--date", "2026-11-20"},
		{"pledge", "notes"},
		{"pledge", "nope"},
		{"letters"},
		{"letters", "--json", "--status", "issued"},
		{"letter-counts", "--year", "2026"},
		{"letter-sent", "01", "--how", "post"},
		{"letter-template", "thanks", "--set", "@dir/empty.txt"},
		{"letter-template", "nope"},
		{"outreach"},
		{"outreach", "--json"},
		{"whoami"},
		{"whoami", "--json"},
		{"report", "--period", "2026-11"},
		{"report", "--period", "2026-11", "--format", "csv"},
		{"report", "--format", "doc"},
		{"report", "--format", "pdf"},
		{"report", "--from", "2026-13-01", "--to", "2026-11-30"},
		{"communes"},
		{"communes", "--json", "--period", "2026-10"},
		{"communes", "--period", "10/2026"},
		{"communes", "--period", "2026-10", "--from", "2026-10-01"},
		{"keys", "show"},
		{"keys", "--json", "show"},
		{"keys", "nope"},
		{"export", "--period", "2026-11"},
		{"export", "--period", "2026-11", "-o", "@dir/out.zip"},
		{"verify", "@dir/none.zip"},
		{"verify", "--json", "@dir/none.zip", "--key", "AAAA"},
		{"verify", "@dir/none.zip", "--key", "x", "--keyring", "y"},
		{"import", "@dir/none.zip"},
		{"import", "--json", "@dir/none.zip"},
		{"import-xlsx", "@dir/none.xlsx"},
		{"procedures", "--unconfirmed"},
		{"procedures", "confirm"},
		{"calendar", "due", "--from", "2026-11-23 08:30", "--limit", "3d"},
		{"calendar", "--json", "day", "2026-09-01"},
		{"calendar", "holidays", "2026"},
		{"calendar", "nope"},
		{"print", "receipt", "@1"},
		{"print", "nope", "-o", "@dir/x.pdf"},
		{"print", "receipt", "-o", "@dir/x.pdf"},
		{"print", "register", "-o", "@dir/x.pdf"},
		{"print", "letter", "-o", "@dir/x.pdf"},
		{"rate-slip", "@1"},
		{"rate-slip"},
		{"backup", "extra", "-o", "@dir/b.db"},
		{"audit", "nope"},
		{"migrate", "--from", "@dir/t.db"},
		{"seed", "--dossiers", "0"},
		{"seed", "extra"},
		{"seed", "--dossiers", "3", "--years", "60"},
		{"bench", "--samples", "0"},
		{"bench", "extra"},
		{"restore"},
		{"restore", "a.db", "b.db"},
		{"version"},
		{"version", "--json"},
	}
	lines = append(lines, day...)

	var codes []string // the codes of the dossiers received, for @1 … @5
	var b strings.Builder
	for _, args := range lines {
		argv := make([]string, len(args))
		for i, a := range args {
			if strings.HasPrefix(a, "@dir/") {
				a = filepath.Join(dir, strings.TrimPrefix(a, "@dir/"))
			} else if len(a) == 2 && a[0] == '@' && a[1] >= '1' && a[1] <= '9' && int(a[1]-'1') < len(codes) {
				a = codes[a[1]-'1']
			}
			argv[i] = a
		}
		var out, errb bytes.Buffer
		e := &Env{Stdout: &out, Stderr: &errb, Now: func() time.Time { return now }, ctx: t.Context(), Stdin: strings.NewReader("")}
		withProfile(t, db)
		code := e.run(append([]string{"--db", db}, argv...))
		if len(args) > 0 && args[0] == "receive" && code == 0 {
			if c := receivedCode(out.String()); c != "" {
				codes = append(codes, c)
			}
		}
		fmt.Fprintf(&b, "$ motcua %s\nexit %d\n", strings.Join(args, " "), code)
		if out.Len() > 0 {
			fmt.Fprintf(&b, "--- stdout\n%s", ensureNL(out.String()))
		}
		if errb.Len() > 0 {
			fmt.Fprintf(&b, "--- stderr\n%s", ensureNL(errb.String()))
		}
		b.WriteString("\n")
	}
	got := normaliseTranscript(b.String(), dir)

	golden := filepath.Join("testdata", "transcript.golden")
	if *updateTranscript {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (write it with -update-transcript)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				lo := max(0, i-8)
				t.Fatalf("transcript differs at line %d:\nwant: %q\ngot:  %q\ncontext (got):\n%s", i+1, w, g, strings.Join(gl[lo:min(len(gl), i+4)], "\n"))
			}
		}
	}
}

func ensureNL(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

var (
	codeLine  = regexp.MustCompile(`(?m)^Mã hồ sơ:\s+(\S+)`)
	codeJSON  = regexp.MustCompile(`"code": "([^"]+)"`)
	uuidRe    = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	hexRe     = regexp.MustCompile(`\b[0-9a-f]{32,}\b`)
	secondsRe = regexp.MustCompile(`trong [0-9.]+ giây`)
)

func receivedCode(out string) string {
	if m := codeLine.FindStringSubmatch(out); m != nil {
		return m[1]
	}
	if m := codeJSON.FindStringSubmatch(out); m != nil {
		return m[1]
	}
	return ""
}

// normaliseTranscript takes out what differs from run to run: the
// temporary folder, random ids and hashes.
func normaliseTranscript(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "$DIR")
	s = uuidRe.ReplaceAllString(s, "$$UUID")
	s = hexRe.ReplaceAllString(s, "$$HEX")
	s = secondsRe.ReplaceAllString(s, "trong $$N giây")
	return s
}
