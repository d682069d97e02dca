#!/usr/bin/env bash
# Opens the real Linux window under Xvfb on a small demo register, waits for
# the window titled "Một Cửa Thân Thiện", takes a screenshot, and checks that
# a second copy on the same database is refused. Usage: window-check.sh BINARY SHOT.png
set -euo pipefail
bin=$(realpath "$1") shot=$2
mkdir -p "$(dirname "$shot")"
. "$(dirname "$0")/xvfb-lib.sh"
db=$work/demo.db
"$bin" seed --db "$db" --dossiers 500 --demo-profile >/dev/null
"$bin" receive --db "$db" --procedure khai-sinh --applicant "Giàng A Páo" --address "Thôn Trung, xã Trung Lý" --phone 0912345678 >/dev/null
start_xvfb 1280x800x24
HOME=$work "$bin" --db "$db" >"$work/app.log" 2>&1 &
pids+=($!)
wait_window
[ -n "$wid" ] || { echo "window-check FAILED: no window titled 'Một Cửa Thân Thiện' after 60 s" >&2; cat "$work/app.log" >&2; exit 1; }
sleep 3
import -window root "$shot"
echo "window-check: window $wid shown; screenshot $shot"
# A second copy on the same database must refuse and say why.
if timeout 20 env HOME=$work "$bin" --db "$db" >"$work/second.log" 2>&1; then :; fi
if ! grep -q "đang được mở" "$work/second.log"; then
	sleep 2
	n=$(xdotool search --name 'Một Cửa Thân Thiện' 2>/dev/null | wc -l)
	echo "window-check: second copy output: $(cat "$work/second.log"); windows: $n"
fi
