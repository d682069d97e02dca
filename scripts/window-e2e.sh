#!/usr/bin/env bash
# The real window as a clerk uses it, under Xvfb: types a dossier with
# xdotool (Vietnamese text, Tab between fields, Enter to save), prints its
# receipt, finds it by its name typed without accents, returns its result,
# and checks through the command line that the register holds exactly
# that. Screenshots of the main screens at 1366×768 and 1024×768 go to
# OUT (dist/ by default). Usage: window-e2e.sh BINARY [OUT]
set -euo pipefail
bin=$(realpath "$1") out=${2:-dist}
mkdir -p "$out"
. "$(dirname "$0")/xvfb-lib.sh"
fail() { echo "window-e2e FAILED: $*" >&2; echo "--- app log:" >&2; cat "$work/app.log" >&2 || true; exit 1; }

db=$work/motcua.db
"$bin" seed --db "$db" --dossiers 300 --demo-profile >/dev/null
start_xvfb 1366x768x24
export HOME=$work
# No PDF viewer or printer: the machine's default viewer (ImageMagick's
# "display" here) would open its own window over the screenshots. The
# window then says that nothing was opened, and where the file is.
export MOTCUA_VIEWER=none
"$bin" --db "$db" >"$work/app.log" 2>&1 &
app=$!
pids+=($app)
wait_window
[ -n "$wid" ] || fail "no window after 60 s"
sleep 2
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
xdotool windowmove --sync "$wid" 0 0 windowsize --sync "$wid" 1366 740 || true
sleep 1
key() { xdotool key --window "$wid" --clearmodifiers "$@"; sleep 0.4; }
# typ types text as a keyboard would. Letters outside ASCII go as Unicode
# keysyms (U1EA1…): xdotool's own "type" sends Latin-1 letters such as
# "à" through keycodes of the keymap's other levels, which GLFW drops.
typ() {
	python3 - "$wid" "$1" <<'PY'
import subprocess, sys, time
wid, text = sys.argv[1], sys.argv[2]
run = ""
def flush():
    global run
    if run:
        subprocess.run(["xdotool", "type", "--window", wid, "--delay", "40", run], check=True)
        run = ""
for ch in text:
    if ord(ch) < 128:
        run += ch
        continue
    flush()
    # The remapped keycode must outlive the key event: X tells the window
    # of the new mapping, and GLFW must read it before the key.
    time.sleep(0.2)
    subprocess.run(["xdotool", "key", "--window", wid, "--delay", "200", "U%04X" % ord(ch)], check=True)
    time.sleep(0.3)
flush()
PY
	sleep 0.4
}

# Reception: procedure, then the applicant, Tab between fields, Enter saves.
key ctrl+n
typ "khai sinh"
key Return
typ "Giàng Thị Hồng Nhung Páo"
key Tab
typ "Thôn Trung, xã Trung Lý"
key Tab
typ "0912345678"
key Return
sleep 2
import -window root "$out/e2e-reception-saved.png"
code=$("$bin" search --db "$db" --json "giang thi hong nhung pao" | python3 -c '
import json, sys
hits = [r for r in json.load(sys.stdin) if r.get("applicant") == "Giàng Thị Hồng Nhung Páo"]
print(hits[0]["code"] if len(hits) == 1 and hits[0].get("address") == "Thôn Trung, xã Trung Lý" and hits[0].get("phone") == "0912345678" else "")')
[ -n "$code" ] || fail "the dossier typed in the window is not in the register exactly once"
echo "window-e2e: received $code"

# The receipt: Ctrl+P writes it and hands it to the printer or viewer.
key ctrl+p
sleep 3
ls "$work"/.cache/MotCuaThanThien/tai-lieu-in/giay-hen-"$code"-*.pdf >/dev/null 2>&1 || fail "no receipt PDF for $code"
pdftotext "$(ls "$work"/.cache/MotCuaThanThien/tai-lieu-in/giay-hen-"$code"-*.pdf | head -n1)" - | grep -q "Giàng Thị Hồng Nhung Páo" || fail "the receipt does not name the citizen"
import -window root "$out/e2e-print.png"
# Nothing but the window may be on the screen: no viewer opened.
for v in $(xdotool search --onlyvisible --name '.' 2>/dev/null); do
	[ "$v" = "$wid" ] && continue
	name=$(xdotool getwindowname "$v" 2>/dev/null || true)
	case $name in
	*"Một Cửa"* | "") ;;
	*) fail "a window \"$name\" opened beside the program although MOTCUA_VIEWER=none" ;;
	esac
done
# The window says why nothing opened ("Chưa in được", the file's place):
# Escape closes that message, then the document dialog.
key Escape
key Escape

# Find it by its name without accents, open it, return the result.
key ctrl+f
typ "giang thi hong nhung pao"
sleep 1
key Down
key space
sleep 1
import -window root "$out/e2e-register-found.png"
key ctrl+t
key Return
sleep 2
import -window root "$out/e2e-returned.png"
key Escape # the message "Đã trả kết quả"
key Escape # "Soạn thư chúc mừng…?": not now
state=$("$bin" show --db "$db" --json "$code" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
[ "$state" = "returned" ] || fail "dossier $code is '$state', not returned"
echo "window-e2e: $code returned, as typed"

# Screenshots of the screens at 1366×768, then at 1024×768 (tabs 7–9 are
# the ones other areas add: Gửi cấp trên, Báo cáo, Người dân as of now).
shoot() {
	local size=$1 w=$2 h=$3
	xdotool windowmove "$wid" 0 0 windowsize "$wid" "$w" "$h"
	sleep 1.5
	local i=1
	for name in tong-quan tiep-nhan so-theo-doi thu cai-dat lich tab-7 tab-8 tab-9; do
		key alt+$i
		sleep 1.2
		import -window root -crop "${w}x${h}+0+0" "$out/screen-$size-$i-$name.png"
		i=$((i + 1))
	done
}
shoot 1366x768 1366 740
shoot 1024x768 1024 700
echo "window-e2e: screenshots in $out"
kill -TERM "$app"
for _ in $(seq 20); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
kill -0 "$app" 2>/dev/null && fail "the window ignored SIGTERM"
echo "window-e2e: the window ended on SIGTERM"
