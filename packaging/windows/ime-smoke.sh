#!/usr/bin/env bash
# Vietnamese keyboards (Unikey/EVKey, Telex) in the Windows window, under Wine and Xvfb.
#
# Those keyboards fix a word by sending backspaces; sent as Unicode packets (SendInput with
# KEYEVENTF_UNICODE 0x08) GLFW drops them, so "y a a" gives "yaâ" or "yaaâ" instead of "yâ".
# app/winkeys hooks the window procedure to turn them into Backspace presses. This check builds
# packaging/windows/imetest (a Fyne window with one Entry that types Unikey's sequences into
# itself with SendInput) and runs it three times on a fresh Wine prefix:
#   without winkeys          the bug must show (otherwise the check proves nothing)
#   with winkeys             the right text, and no change to real Backspace, Enter, Ctrl+H
#   with winkeys, early      installed before the window exists (Install's retry path)
#
#   packaging/windows/ime-smoke.sh
#
# Settings (environment): IME_SMOKE_OUT (logs, default dist/ime-smoke), IME_SMOKE_KEEP=1 keeps
# the Wine prefix. Needs Go and: packaging/deps.sh smoke windows. Everything it starts (Xvfb,
# wineserver, the test program) it stops. Exit status 0 only if every line is PASS.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
OUT=${IME_SMOKE_OUT:-$ROOT/dist/ime-smoke}

t0=$SECONDS
passed=0 failed=0
log() { printf '[ime-smoke %3ds] %s\n' "$((SECONDS - t0))" "$*"; }
pass() { passed=$((passed + 1)); log "PASS $*"; }
fail() { failed=$((failed + 1)); log "FAIL $*"; }
fatal() { fail "$*"; finish; }

for tool in go wine wineserver Xvfb x86_64-w64-mingw32-gcc timeout; do
	command -v "$tool" >/dev/null || { echo "ime-smoke: $tool not found; run: packaging/deps.sh smoke windows" >&2; exit 1; }
done

rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/motcua-ime-smoke.XXXXXX)
export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree=;mshtml=;winemenubuilder.exe=d"
unset WAYLAND_DISPLAY
xvfb_pid=

cleanup() {
	timeout 20 wineserver -k >/dev/null 2>&1
	timeout 20 wineserver -w >/dev/null 2>&1
	if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; fi
	if [ "${IME_SMOKE_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
finish() {
	trap - INT TERM
	cleanup
	log "logs in $OUT; took $((SECONDS - t0))s"
	echo "ime-smoke: $passed passed, $failed failed"
	[ "$failed" -eq 0 ] && exit 0 || exit 1
}
trap 'fail "interrupted"; finish' INT TERM

# ---- 1. Vet and build -------------------------------------------------------------------------
cd "$ROOT" || fatal "no $ROOT"
if GOOS=windows CGO_ENABLED=0 timeout 300 go vet ./app/winkeys >"$OUT/vet.log" 2>&1; then
	pass "GOOS=windows go vet ./app/winkeys"
else
	fail "GOOS=windows go vet ./app/winkeys: $(head -c 400 "$OUT/vet.log")"
fi
log "building imetest.exe (cgo, mingw-w64; shares the Fyne build cache of make windows, ~5 min cold)"
# -trimpath -buildvcs=false as packaging/windows/build.sh, so the cached cgo build of Fyne is reused.
# Console subsystem (no -H=windowsgui): the results come on standard output.
if CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
	timeout -k 10 1200 go build -trimpath -buildvcs=false -ldflags "-s -w" \
	-o "$WORK/imetest.exe" ./packaging/windows/imetest >"$OUT/build.log" 2>&1; then
	pass "built imetest.exe ($(du -h "$WORK/imetest.exe" | cut -f1))"
else
	fatal "go build ./packaging/windows/imetest failed: $(tail -c 600 "$OUT/build.log")"
fi

# ---- 2. Display and Wine prefix ---------------------------------------------------------------
exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset >"$OUT/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.2; done
[ -s "$WORK/display" ] || fatal "Xvfb did not start (see $OUT/xvfb.log)"
export DISPLAY=:$(head -n1 "$WORK/display")
log "Xvfb on $DISPLAY; wineboot -i (fresh prefix)"
timeout -k 5 240 wineboot -i >"$OUT/wineboot.log" 2>&1 || fatal "wineboot -i failed or timed out (see $OUT/wineboot.log)"
timeout 120 wineserver -w || log "wineserver -w timed out after wineboot"
# Wine 8 has no bcryptprimitives.dll, which the Go runtime loads: a test-only stub in system32.
sys32=$WINEPREFIX/drive_c/windows/system32
[ -d "$sys32" ] || fatal "no system32 in the new prefix"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" "$here/bcryptprimitives.c" -lbcrypt ||
	fatal "could not build the bcryptprimitives.dll stub"
pass "Wine prefix ready, bcryptprimitives.dll stub in system32"

# ---- 3. The three runs ------------------------------------------------------------------------
# run NAME LABEL MODE ARGS...: one imetest.exe run, which must report MODE ("fix=… early=…");
# each RESULT line (imetest compares with its expectations for that mode) becomes a PASS or a FAIL.
run() {
	local name=$1 label=$2 mode=$3
	shift 3
	log "run: $label"
	(cd "$WORK" && timeout -k 5 150 wine "$WORK/imetest.exe" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" </dev/null)
	local rc=$?
	[ $rc -eq 124 ] && log "$name: timed out after 150s"
	tr -d '\r' <"$OUT/$name.out" | grep '^INFO' | sed 's/^/    /'
	if ! tr -d '\r' <"$OUT/$name.out" | grep -q "^INFO.$mode "; then
		fail "$label: imetest.exe did not run in the mode $mode"
		return
	fi
	local n=0 verdict scen got want
	while IFS=$'\t' read -r _ verdict scen got want; do
		n=$((n + 1))
		if [ "$verdict" = ok ]; then
			pass "$label: $scen: $got"
		elif [ "$name" = without ]; then
			fail "$label: $scen: $got, $want (GLFW no longer drops it? then this check proves nothing: review app/winkeys)"
		else
			fail "$label: $scen: $got, $want"
		fi
	done < <(tr -d '\r' <"$OUT/$name.out" | grep '^RESULT')
	tr -d '\r' <"$OUT/$name.out" | grep '^ERROR' | while IFS= read -r line; do log "$line"; done
	[ "$n" -gt 0 ] || fail "$label: no results (exit $rc; $(tail -n 3 "$OUT/$name.err" 2>/dev/null | tr '\n' ' '))"
	[ "$rc" -eq 0 ] || fail "$label: imetest.exe exited $rc"
	timeout 30 wineserver -w >/dev/null 2>&1
}
run without "without winkeys (bug reproduced)" "fix=false early=false"
run fix "with winkeys.Install after Show" "fix=true early=false" -fix
run early "with winkeys.Install before Show" "fix=true early=true" -fix -early
finish
