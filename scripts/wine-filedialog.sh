#!/usr/bin/env bash
# Opens Windows' own save, folder and open dialogs of app/filedialog under
# Wine and Xvfb and answers them with xdotool (Enter, Enter, Escape), with a
# screenshot of each: proof that the comdlg32/shell32 calls work from Go
# without cgo. Needs wine, Xvfb, xdotool, import (ImageMagick), mingw-w64.
#   scripts/wine-filedialog.sh [out-dir]     (default /tmp/motcua-wine-filedialog)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-/tmp/motcua-wine-filedialog}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/motcua-wfd.XXXXXX)
export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree=;mshtml=;winemenubuilder.exe=d"
xvfb_pid=
cleanup() {
	timeout 20 wineserver -k >/dev/null 2>&1
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

(cd "$ROOT" && GOOS=windows CGO_ENABLED=0 go test -c -o "$WORK/fd.exe" ./app/filedialog/) || exit 1
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$WORK/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.2; done
export DISPLAY=:$(head -n1 "$WORK/display")
timeout -k 5 240 wineboot -i >"$OUT/wineboot.log" 2>&1 || { echo "wineboot failed"; exit 1; }
timeout 120 wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	"$ROOT/packaging/windows/bcryptprimitives.c" -lbcrypt || exit 1

MOTCUA_WINE_DIALOG=1 timeout 180 wine "$WORK/fd.exe" -test.run TestNativeDialogs -test.v >"$OUT/test.log" 2>&1 &
test_pid=$!
# answer NAME X Y KEY SHOT: wait for the window, screenshot, click at X,Y
# inside it (a text field: there is no window manager on Xvfb to give it
# focus), then press KEY through XTEST (Wine ignores synthetic events).
answer() {
	local w
	w=$(timeout 60 xdotool search --sync --name "$1" | head -n1) || { echo "no window $1"; return 1; }
	sleep 1.5
	import -window root "$OUT/$5.png"
	xdotool mousemove --window "$w" "$2" "$3" click 1
	sleep 0.3
	xdotool key "$4"
	sleep 1.5
}
answer MOTCUA-SAVE 370 304 Return save
answer "Browse for Folder" 200 260 Return folder
answer MOTCUA-OPEN 370 304 Escape open
wait "$test_pid"
rc=$?
cat "$OUT/test.log"
echo "screenshots in $OUT; test exit $rc"
exit $rc
