#!/usr/bin/env bash
# The real window's figures on a seeded register, measured under Xvfb
# (software rendering, Mesa's llvmpipe): the time from starting the program
# to the first frame drawn with the dashboard's numbers, and its resident
# memory at the dashboard and after opening the register and scrolling it.
# Prints one JSON object. Resident memory is taken 4 s after the scrolling
# ends and again 30 s after (settled). Usage: bench-window.sh BINARY DB [SHOT.png]
# BINARY is the real (cgo) build; DB an already seeded register.
set -euo pipefail
bin=$(realpath "$1") db=$(realpath "$2") shot=${3:-}
. "$(dirname "$0")/xvfb-lib.sh" # $work, $pids and their cleanup, start_xvfb
start_xvfb 1366x768x24
rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; } # MB
# The part of it that is the program's own memory (heaps, stacks), not
# pages of files such as the binary and the OpenGL libraries.
anon() { awk '/^RssAnon/ {print int($2 / 1024)}' "/proc/$1/status"; } # MB
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; } # s, user + system
# How long the UI goroutine is blocked (MOTCUA_STALLS, app/stallprobe.go;
# BENCH_STALLS=0 measures without the probe): stall_take prints the probe's
# JSON report of the time since the previous take and starts it afresh.
stalls=
if [ "${BENCH_STALLS:-1}" != 0 ]; then export MOTCUA_STALLS=$work/stalls.json stalls=$work/stalls.json; fi
stall_take() {
	if [ -z "$stalls" ]; then echo null; return; fi
	rm -f "$stalls"
	kill -USR1 "$app"
	for _ in $(seq 100); do [ -s "$stalls" ] && break; sleep 0.05; done
	if [ -s "$stalls" ]; then cat "$stalls"; else echo null; fi
}
# start: runs the window and waits for its first frame with the dashboard's
# numbers (MOTCUA_FIRST_FRAME, app/probe.go); sets app (the pid), first
# (seconds from the start) and firstcpu (CPU seconds it had used by then).
start() {
	local t0 log=$work/app.$RANDOM.log
	t0=$(date +%s%N)
	HOME=$work MOTCUA_FIRST_FRAME=1 "$bin" --db "$db" >"$log" 2>&1 &
	app=$!
	pids+=($app)
	for _ in $(seq 1200); do
		if grep -q '^first-frame-unix-ns ' "$log"; then
			firstcpu=$(cpu "$app") # the CPU it took, whatever else the machine runs
			first=$(awk -v t0="$t0" '/^first-frame-unix-ns / {printf "%.3f", ($2 - t0) / 1e9; exit}' "$log")
			return
		fi
		sleep 0.05
	done
	echo "bench-window: no frame with the dashboard's numbers after 60 s" >&2
	cat "$log" >&2
	exit 1
}
stop() { kill "$app"; wait "$app" 2>/dev/null || true; }
# The first start of the day makes the automatic backup before the window
# shows, and warms the file cache: measure the third start, once the
# second has left the window's size and place.
start
sleep 2
stop
start
sleep 2
stop
start
load=$(cut -d' ' -f1 /proc/loadavg)
sleep 4
dash=$(rss "$app")
wid=$(xdotool search --onlyvisible --name '^Một Cửa Thân Thiện' | head -n1)
# The register (Ctrl+F), then down the list: Page Down, then the wheel.
cpu0=$(cpu "$app")
xdotool key --window "$wid" ctrl+f
sleep 2
stall_take >/dev/null # scrolling from here
xdotool key --window "$wid" Down
for _ in $(seq 60); do xdotool key --window "$wid" Next; sleep 0.05; done
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove --window "$wid" $((WIDTH / 2)) $((HEIGHT / 3))
for _ in $(seq 150); do xdotool click 5; sleep 0.02; done
sleep 1
stalls_scroll=$(stall_take)
sleep 4
scrolled=$(rss "$app")
scrolledanon=$(anon "$app")
cpu1=$(cpu "$app")
peak=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$app/status")
# Settled: the register still open, the clerk reading. The window gives
# back what scrolling left behind once Fyne's caches expire (15 s,
# app/memtune.go).
sleep 26
settled=$(rss "$app")
settledanon=$(anon "$app")
if [ -n "$shot" ]; then import -window root "$shot"; fi
# Typing a search as a clerk does, back at the keyboard after the pause
# above: Ctrl+F, then about 8 keys a second and rubbing it out. Each pause
# is longer than the register's wait before it searches (searchPause), so
# every key runs a search of the whole register and puts its results on
# screen.
stall_take >/dev/null
cpu2=$(cpu "$app")
xdotool key --window "$wid" ctrl+f
sleep 1
xdotool type --window "$wid" --delay 125 "nguyen van"
for _ in $(seq 10); do xdotool key --window "$wid" BackSpace; sleep 0.125; done
sleep 2
stalls_typing=$(stall_take)
cpu3=$(cpu "$app")
cat <<JSON
{"first_frame_s": $first, "first_frame_cpu_s": $firstcpu, "load1": $load, "rss_dashboard_mb": $dash, "rss_scrolled_mb": $scrolled, "rss_scrolled_anon_mb": $scrolledanon, "rss_settled_mb": $settled, "rss_settled_anon_mb": $settledanon, "rss_peak_mb": $peak, "cpu_scroll_s": $(echo "$cpu0 $cpu1" | awk '{printf "%.2f", $2 - $1}'), "cpu_typing_s": $(echo "$cpu2 $cpu3" | awk '{printf "%.2f", $2 - $1}'), "stalls_scroll": $stalls_scroll, "stalls_typing": $stalls_typing}
JSON
