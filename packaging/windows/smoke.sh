#!/usr/bin/env bash
# Smoke test of the Windows installer under Wine and Xvfb, on a fresh Wine prefix:
#   install silently, check files, shortcuts and the uninstall entry; start the app, find its
#   window by title, take a screenshot; run "motcua.exe version" and a receive/return on a
#   temporary database in the user's data directory; upgrade in place; uninstall silently and
#   check the program is gone while the user's data stays.
#
#   packaging/windows/smoke.sh [path/to/setup.exe]      (default: dist/windows/*-windows-setup.exe)
#
# Settings (environment): SMOKE_PROCEDURE (procedure code for "receive", default khai-sinh),
# SMOKE_OUT (default dist/windows/smoke), SMOKE_KEEP=1 keeps the Wine prefix for a post-mortem.
# Needs: packaging/deps.sh smoke. Everything it starts (Xvfb, wineserver, the app) it stops.
# Wine 8 has no bcryptprimitives.dll, which the Go runtime loads: a test-only stub
# (bcryptprimitives.c) is built here with mingw and put in the prefix's system32.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
DIST=${DIST:-$ROOT/dist/windows}
APP=${APP:-motcua}
TITLE="Một Cửa Thân Thiện"
PROCEDURE=${SMOKE_PROCEDURE:-khai-sinh}
APPLICANT="Nguyễn Văn An"
OUT=${SMOKE_OUT:-$DIST/smoke}
SETUP=${1:-}
if [ -z "$SETUP" ]; then
	SETUP=$(ls -1 "$DIST"/*-windows-setup.exe 2>/dev/null | head -n1)
fi

t0=$SECONDS
passed=0 failed=0
log() { printf '[smoke %3ds] %s\n' "$((SECONDS - t0))" "$*"; }
pass() { passed=$((passed + 1)); log "PASS $*"; }
fail() { failed=$((failed + 1)); log "FAIL $*"; }
fatal() { fail "$*"; finish; }

for tool in wine wineserver Xvfb xdotool import x86_64-w64-mingw32-gcc timeout; do
	command -v "$tool" >/dev/null || { echo "smoke: $tool not found; run: packaging/deps.sh smoke" >&2; exit 1; }
done
[ -n "$SETUP" ] && [ -f "$SETUP" ] || { echo "smoke: no installer found (build it first: packaging/windows/build.sh)" >&2; exit 1; }
SETUP=$(cd "$(dirname "$SETUP")" && pwd)/$(basename "$SETUP")

rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/motcua-smoke.XXXXXX)
export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
# No Wine Mono / Gecko download prompts (there is no network, and nothing here needs them).
export WINEDLLOVERRIDES="mscoree=;mshtml=;winemenubuilder.exe=d"
unset WAYLAND_DISPLAY
xvfb_pid= app_pid=

cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
	timeout 20 wineserver -k >/dev/null 2>&1
	timeout 20 wineserver -w >/dev/null 2>&1
	if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; fi
	if [ "${SMOKE_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
finish() {
	cleanup
	log "logs and screenshot in $OUT; took $((SECONDS - t0))s"
	echo "smoke: $passed passed, $failed failed"
	[ "$failed" -eq 0 ] && exit 0 || exit 1
}
trap 'fail "interrupted"; finish' INT TERM

# wine_run SECONDS LOGNAME PROGRAM ARGS... : runs a Windows program, stdout to $OUT/LOGNAME.out.
wine_run() {
	local secs=$1 name=$2
	shift 2
	timeout -k 5 "$secs" wine "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" </dev/null
	local rc=$?
	[ $rc -eq 124 ] && log "$name: timed out after ${secs}s"
	return $rc
}

# ---- 1. Display and Wine prefix -------------------------------------------------------------
log "installer: $SETUP"
exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset >"$OUT/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.2; done
[ -s "$WORK/display" ] || fatal "Xvfb did not start (see $OUT/xvfb.log)"
export DISPLAY=:$(head -n1 "$WORK/display")
log "Xvfb on $DISPLAY"

log "wineboot -i (fresh prefix)"
timeout -k 5 240 wineboot -i >"$OUT/wineboot.log" 2>&1 || fatal "wineboot -i failed or timed out (see $OUT/wineboot.log)"
timeout 120 wineserver -w || log "wineserver -w timed out after wineboot"
# Debian's Wine 8 makes a prefix that reports Windows 7; the installer (rightly) refuses
# anything older than Windows 10.
timeout 60 wine winecfg -v win10 >>"$OUT/wineboot.log" 2>&1 || fatal "winecfg -v win10 failed"
sys32=$WINEPREFIX/drive_c/windows/system32
[ -d "$sys32" ] || fatal "no system32 in the new prefix"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" "$here/bcryptprimitives.c" -lbcrypt ||
	fatal "could not build the bcryptprimitives.dll stub"
pass "prefix ready (Windows 10), bcryptprimitives.dll stub in system32"

user_dir=$WINEPREFIX/drive_c/users/$(id -un)
appdata=$user_dir/AppData/Roaming
pf=$WINEPREFIX/drive_c/Program\ Files/MotCuaThanThien
exe_win='C:\Program Files\MotCuaThanThien\'"$APP.exe"
start_menu_lnk="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/$TITLE.lnk"
desktop_lnk="$WINEPREFIX/drive_c/users/Public/Desktop/$TITLE.lnk"
uninst_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\MotCuaThanThien'

# The user's data directory (%APPDATA%\MotCuaThanThien, where internal/office keeps motcua.db):
# it already holds data before the install, gets the app's own database when the window opens,
# and must still hold all of it after the upgrade and the uninstall.
DATA_SUBDIR=${SMOKE_DATA_SUBDIR:-MotCuaThanThien}
data_dir=$appdata/$DATA_SUBDIR
data_win="C:\\users\\$(id -un)\\AppData\\Roaming\\$DATA_SUBDIR"
mkdir -p "$data_dir"
echo "dữ liệu của người dùng: không được xóa" >"$data_dir/smoke-sentinel.txt"

# ---- 2. Install -----------------------------------------------------------------------------
log "silent install"
if wine_run 180 install "$SETUP" /S; then pass "installer /S exited 0"; else fatal "installer /S failed with exit code $? (see $OUT/install.*)"; fi
timeout 60 wineserver -w
if [ -f "$pf/$APP.exe" ] && [ -f "$pf/uninstall.exe" ]; then
	pass "files in C:\\Program Files\\MotCuaThanThien: $(cd "$pf" && echo *)"
else
	fatal "motcua.exe or uninstall.exe missing from Program Files: $(ls -la "$WINEPREFIX/drive_c/Program Files" 2>&1)"
fi
if [ -f "$start_menu_lnk" ] && [ -f "$desktop_lnk" ]; then pass "Start menu and desktop shortcuts \"$TITLE\""; else fail "shortcuts missing: $start_menu_lnk / $desktop_lnk"; fi
wine_run 60 reg-query reg query "$uninst_key"
if tr -d '\r' <"$OUT/reg-query.out" | grep -q "DisplayVersion.*REG_SZ" &&
	tr -d '\r' <"$OUT/reg-query.out" | grep -q "EstimatedSize.*REG_DWORD" &&
	tr -d '\r' <"$OUT/reg-query.out" | grep -qi "UninstallString.*uninstall.exe"; then
	pass "uninstall entry registered ($(tr -d '\r' <"$OUT/reg-query.out" | sed -n 's/.*DisplayVersion *REG_SZ *//p'))"
else
	fail "uninstall entry $uninst_key incomplete: $(cat "$OUT/reg-query.out" "$OUT/reg-query.err")"
fi

# ---- 3. The window --------------------------------------------------------------------------
log "starting the app"
(cd "$WORK" && exec timeout -k 5 150 wine "$exe_win" >"$OUT/app.out" 2>"$OUT/app.err" </dev/null) &
app_pid=$!
wid=
for _ in $(seq 120); do
	wid=$(xdotool search --onlyvisible --name "^$TITLE\$" 2>/dev/null | head -n1)
	[ -n "$wid" ] && break
	kill -0 "$app_pid" 2>/dev/null || break
	sleep 0.5
done
if [ -n "$wid" ]; then
	pass "window \"$TITLE\" found (X id $wid)"
	sleep 3 # let the first frames draw
	if timeout 30 import -window "$wid" "$OUT/screenshot.png" 2>"$OUT/import.err" ||
		timeout 30 import -window root "$OUT/screenshot.png" 2>>"$OUT/import.err"; then
		colours=$(convert "$OUT/screenshot.png" -format %k info: 2>/dev/null || echo 0)
		geometry=$(convert "$OUT/screenshot.png" -format %wx%h info: 2>/dev/null)
		if [ "${colours:-0}" -ge 8 ]; then pass "screenshot $geometry, $colours colours: $OUT/screenshot.png"; else fail "screenshot looks blank ($colours colours)"; fi
	else
		fail "screenshot failed: $(cat "$OUT/import.err")"
	fi
else
	fail "no window titled \"$TITLE\" within 60s (app log: $(tail -n 5 "$OUT/app.err" 2>/dev/null | tr '\n' ' '))"
	timeout 10 import -window root "$OUT/screenshot-nowindow.png" 2>/dev/null
fi
# An upgrade while the program is open must stop and say so (exit 3), not half-replace files.
if [ -n "$wid" ]; then
	wine_run 120 install-while-open "$SETUP" /S
	rc=$?
	if [ $rc -eq 3 ]; then pass "installer refuses while the program is open (exit 3)"; else fail "installer while the program is open: exit $rc, expected 3"; fi
fi
if kill -0 "$app_pid" 2>/dev/null; then
	# Ask it to close (taskkill without /f posts WM_CLOSE to its windows); then insist.
	timeout 20 wine taskkill /im "$APP.exe" >"$OUT/taskkill.out" 2>&1 </dev/null
	for _ in $(seq 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
	if kill -0 "$app_pid" 2>/dev/null; then log "the app did not close on WM_CLOSE within 10s; killing it"; else log "the app closed on WM_CLOSE"; fi
	kill "$app_pid" 2>/dev/null
	wait "$app_pid" 2>/dev/null
fi
app_pid=
timeout 30 wineserver -k >/dev/null 2>&1 # nothing of the app may stay running
timeout 30 wineserver -w >/dev/null 2>&1

# ---- 4. The command line --------------------------------------------------------------------
log "command line"
if wine_run 60 version "$exe_win" version && grep -q '[0-9]\+\.[0-9]\+\.[0-9]\+' "$OUT/version.out"; then
	pass "motcua.exe version: $(tr -d '\r' <"$OUT/version.out" | head -n1)"
else
	fail "motcua.exe version printed no version (exit $?): stdout '$(head -c 300 "$OUT/version.out")' stderr '$(head -c 300 "$OUT/version.err")'"
fi
# As from cmd on Windows: no standard handles, only the parent's console. The output can only
# appear through packaging/winconsole's AttachConsole + CONOUT$.
if x86_64-w64-mingw32-gcc -O2 -s -o "$WORK/noconsole-launch.exe" "$here/noconsole-launch.c"; then
	timeout -k 5 90 script -qec "wine '$WORK/noconsole-launch.exe' '$exe_win' version" /dev/null \
		>"$OUT/console.out" 2>&1 </dev/null
	if grep -q '[0-9]\+\.[0-9]\+\.[0-9]\+' "$OUT/console.out"; then
		pass "console: motcua.exe version started without standard handles prints to the parent console"
	else
		fail "console: nothing printed when started like from cmd (is winconsole.Attach() called first in main?): $(head -c 300 "$OUT/console.out" | tr -d '\033')"
	fi
else
	fail "could not build noconsole-launch.exe"
fi
db_win="$data_win\\smoke.db"
# Nothing is issued under placeholders: the commune's profile first (Vietnamese
# arguments through Wine's command line, as a clerk's settings would be).
if wine_run 60 settings "$exe_win" --db "$db_win" settings agency_code=000.17.22.H56 \
	"commune=Ủy ban nhân dân xã Đông Văn" "place_name=Đông Văn" "chair_name=Lê Văn Tuấn"; then
	pass "settings: the commune's profile saved"
else
	fail "settings failed (exit $?): $(head -c 400 "$OUT/settings.err")"
fi
if wine_run 60 receive "$exe_win" --db "$db_win" receive --procedure "$PROCEDURE" --applicant "$APPLICANT" --json; then
	code=$(tr -d '\r' <"$OUT/receive.out" | sed -n 's/.*"[Cc]ode"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' | head -n1)
	if [ -n "$code" ] && grep -q "$APPLICANT" "$OUT/receive.out"; then
		pass "receive: dossier $code for $APPLICANT"
	else
		fail "receive printed no dossier code or applicant: $(head -c 400 "$OUT/receive.out")"
	fi
else
	code=
	fail "receive failed (exit $?; is the CLI in main.go yet? procedure $PROCEDURE): $(head -c 400 "$OUT/receive.err") $(head -c 200 "$OUT/receive.out")"
fi
if [ -n "$code" ]; then
	if wine_run 60 return "$exe_win" --db "$db_win" return "$code" --json && grep -q "$code" "$OUT/return.out"; then
		pass "return: dossier $code returned"
	else
		fail "return $code failed: $(head -c 400 "$OUT/return.err") $(head -c 200 "$OUT/return.out")"
	fi
else
	fail "return skipped: no dossier code from receive"
fi
timeout 30 wineserver -w >/dev/null 2>&1

# ---- 5. Upgrade in place --------------------------------------------------------------------
log "upgrade in place (installing again over the installation)"
before=$(ls "$data_dir" | sort | tr '\n' ' ')
if wine_run 180 upgrade "$SETUP" /S && [ -f "$pf/$APP.exe" ] && [ "$(ls "$data_dir" | sort | tr '\n' ' ')" = "$before" ]; then
	pass "upgrade in place kept the directory and the data ($before)"
else
	fail "upgrade in place: exit $?, data now '$(ls "$data_dir" 2>&1 | tr '\n' ' ')', was '$before'"
fi
timeout 60 wineserver -w

# ---- 6. Uninstall ---------------------------------------------------------------------------
log "silent uninstall"
# The uninstaller copies itself to %TEMP% and returns at once: wait for the directory to go.
wine_run 120 uninstall 'C:\Program Files\MotCuaThanThien\uninstall.exe' /S || fail "uninstall.exe /S exited $?"
for _ in $(seq 120); do [ -e "$pf" ] || break; sleep 0.5; done
timeout 60 wineserver -w
if [ -e "$pf" ]; then fail "Program Files\\MotCuaThanThien still there after uninstall: $(ls -la "$pf")"; else pass "program directory removed"; fi
if [ -e "$start_menu_lnk" ] || [ -e "$desktop_lnk" ]; then fail "shortcuts left after uninstall"; else pass "shortcuts removed"; fi
if wine_run 60 reg-after reg query "$uninst_key"; then fail "uninstall entry still registered"; else pass "uninstall entry removed"; fi
if [ -f "$data_dir/smoke-sentinel.txt" ] && { [ -z "$code" ] || [ -f "$data_dir/smoke.db" ]; }; then
	pass "user data kept after uninstall: $(ls "$data_dir" | tr '\n' ' ')"
else
	fail "user data directory damaged by uninstall: $(ls -la "$data_dir" 2>&1)"
fi
finish
