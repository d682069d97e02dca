# Sourced by window-check.sh and window-e2e.sh: a scratch folder ($work)
# removed on exit, the background processes ($pids) stopped on exit, a
# virtual screen, and the wait for the program's window.
work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	# The window saves its size as it closes: let it finish before the
	# folder goes.
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

# start_xvfb WIDTHxHEIGHTxDEPTH starts a virtual screen and exports DISPLAY.
start_xvfb() {
	Xvfb -displayfd 3 -screen 0 "$1" -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
	pids+=($!)
	for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
	DISPLAY=:$(cat "$work/display")
	export DISPLAY
}

# wait_window sets wid to the window titled "Một Cửa Thân Thiện", or to ""
# when none came within 60 s.
wait_window() {
	wid=
	for _ in $(seq 120); do
		wid=$(xdotool search --name '^Một Cửa Thân Thiện$' 2>/dev/null | head -n1 || true)
		[ -n "$wid" ] && break
		sleep 0.5
	done
}
