#!/usr/bin/env bash
# make bench: measures the figures the issues name and prints them as one
# markdown table. Usage: scripts/bench.sh BINARY DB DOSSIERS
set -euo pipefail
bin=$1 db=$2 n=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

rm -f "$db" "$db-wal" "$db-shm" "$db.lock"
echo "Seeding $n dossiers into $db …" >&2
"$bin" seed --db "$db" --dossiers "$n" --demo-profile --json >"$out/seed.json"
echo "Measuring receive, search and page on $db …" >&2
"$bin" bench --db "$db" --samples 400 --desks 5 --json >"$out/db.json"

# Optional: the same on PostgreSQL, when a server is given (MOTCUA_BENCH_PG, or
# the throwaway one of `bash scripts/pg-test.sh make bench`). The figures go in
# a fresh schema of that database, dropped afterwards.
pg=${MOTCUA_BENCH_PG:-${MOTCUA_TEST_PG:-}}
if [ -n "$pg" ]; then
	schema=bench_$$
	psql -q "$pg" -c "CREATE SCHEMA $schema" >/dev/null
	trap 'psql -q "$pg" -c "DROP SCHEMA IF EXISTS '$schema' CASCADE" >/dev/null 2>&1; rm -rf "$out"' EXIT
	case "$pg" in *\?*) pgs="$pg&search_path=$schema" ;; *) pgs="$pg?search_path=$schema" ;; esac
	echo "Seeding $n dossiers into PostgreSQL ($schema) …" >&2
	"$bin" seed --db "$pgs" --dossiers "$n" --demo-profile --json >"$out/pgseed.json"
	echo "Measuring receive, 5 desks, search and page on PostgreSQL …" >&2
	"$bin" bench --db "$pgs" --samples 400 --desks 5 --in-place --json >"$out/pg.json" # the throwaway schema itself
fi
# The real window (MOTCUA_BENCH_WINDOW names the cgo build; make bench sets
# it): first frame and resident memory under Xvfb, scripts/bench-window.sh.
if [ -n "${MOTCUA_BENCH_WINDOW:-}" ]; then
	echo "Measuring the real window on $db (Xvfb) …" >&2
	bash scripts/bench-window.sh "$MOTCUA_BENCH_WINDOW" "$db" >"$out/window.json"
fi
echo "Running in-process Go benchmarks …" >&2
CGO_ENABLED=0 go test -tags ci -run '^$' -bench 'BenchmarkDue$|BenchmarkReceipt$|BenchmarkLetters1000$|BenchmarkFold$' -benchtime 2s \
	./internal/calendar ./internal/docs ./internal/textvn >"$out/go.txt" 2>&1 || { cat "$out/go.txt" >&2; exit 1; }
echo "Running the signed-bundle benchmarks (a busy commune's year) …" >&2
CGO_ENABLED=0 go test -tags ci -run '^$' -bench 'BenchmarkExportYear$|BenchmarkVerifyYear$|BenchmarkImport100Communes$' -benchtime 2x \
	./internal/office >>"$out/go.txt" 2>&1 || { cat "$out/go.txt" >&2; exit 1; }
echo "Measuring the year report and the 12-month trend on $db, and a 50,000-row Excel import …" >&2
MOTCUA_BENCH_DB="$db" CGO_ENABLED=0 go test -tags ci -run '^$' -bench 'BenchmarkYearReport$|BenchmarkTrend12$' -benchtime 10x \
	./internal/office >>"$out/go.txt" 2>&1 || { cat "$out/go.txt" >&2; exit 1; }
CGO_ENABLED=0 go test -tags ci -run '^$' -bench 'BenchmarkImportXLSX50k$' -benchtime 1x -timeout 10m \
	./internal/office >>"$out/go.txt" 2>&1 || { cat "$out/go.txt" >&2; exit 1; }

python3 - "$out" "$n" <<'PY'
import json, re, sys, os
out, n = sys.argv[1], int(sys.argv[2])
seed = json.load(open(os.path.join(out, "seed.json")))
db = json.load(open(os.path.join(out, "db.json")))
go = open(os.path.join(out, "go.txt")).read()
def ns(name):
    m = re.search(r"^%s(?:-\d+)?\s+\d+\s+([\d.]+) ns/op" % re.escape(name), go, re.M)
    return float(m.group(1)) if m else None
rows = []
def row(fig, value, target, ok):
    rows.append((fig, value, target, "yes" if ok else "**NO**"))
figs = {f["name"]: f for f in db["figures"]}
at = f"at {db['dossiers']:,} dossiers"
r = figs["receive one dossier (durable commit)"]
row(f"receive one dossier, durable commit, p95 ({at})", f"{r['p95_ms']:.2f} ms", "≤ 10 ms", r["p95_ms"] <= 10)
s = figs["search, top 50"]
row(f"search, top 50, p95 ({at})", f"{s['p95_ms']:.2f} ms", "≤ 30 ms", s["p95_ms"] <= 30)
p = figs["page of 50 rows, status filter"]
row(f"page of 50 register rows with a status filter, p95 ({at})", f"{p['p95_ms']:.2f} ms", "≤ 10 ms", p["p95_ms"] <= 10)
d = ns("BenchmarkDue")
row("`calendar due`, per computation", f"{d/1000:.3f} µs" if d else "missing", "≤ 5 µs", d is not None and d <= 5000)
row(f"seeding {seed['dossiers']:,} dossiers", f"{seed['seconds']:.1f} s", "≤ 90 s", seed["seconds"] <= 90)
rows.append((f"database size at {seed['dossiers']:,} dossiers", f"{seed['db_bytes']/1e6:.0f} MB", "reported", "—"))
rc = ns("BenchmarkReceipt")
if rc: row("one receipt PDF", f"{rc/1e6:.2f} ms", "≤ 20 ms", rc <= 20e6)
lt = ns("BenchmarkLetters1000")
if lt: row("1,000 letters into one PDF", f"{lt/1e9:.3f} s", "≤ 1.5 s", lt <= 1.5e9)
f = ns("BenchmarkFold")
if f: rows.append(("search fold of one name and address", f"{f/1000:.3f} µs", "—", "—"))
for name, label, target in (("BenchmarkExportYear", "export a busy commune's year as a signed bundle (30,000 dossiers with events, 3,000 letters, 23,524 ratings)", 2e9),
        ("BenchmarkVerifyYear", "verify that bundle", 1e9),
        ("BenchmarkImport100Communes", "import 100 bundles from 100 communes (300 dossiers each) into one upper-level database", 30e9)):
    v = ns(name)
    row(label, f"{v/1e9:.2f} s" if v else "missing", f"≤ {target/1e9:.0f} s", v is not None and v <= target)

yr = ns("BenchmarkYearReport")
if yr: row(f"a year's report ({at})", f"{yr/1e9:.3f} s", "≤ 1 s (aim 0.2 s)", yr <= 1e9)
tr = ns("BenchmarkTrend12")
if tr: row(f"12-month trend ({at})", f"{tr/1e9:.3f} s", "≤ 2 s", tr <= 2e9)
im = ns("BenchmarkImportXLSX50k")
if im: row("importing a 50,000-row Excel register", f"{im/1e9:.1f} s", "≤ 20 s", im <= 20e9)
dk = figs.get("5 desks receiving at once")
if dk:
    row(f"5 desks receiving at once, p95 per receive ({at})", f"{dk['p95_ms']:.2f} ms, {dk['conflicts']} failed", "≤ 20 ms, 0 failed", dk["p95_ms"] <= 20 and dk["conflicts"] == 0)
wf = os.path.join(out, "window.json")
if os.path.exists(wf):
    w = json.load(open(wf))
    wat = f"at {n:,} dossiers, real window under Xvfb, load {w['load1']}"
    row(f"start to the first frame with the dashboard's numbers ({wat})", f"{w['first_frame_s']:.2f} s ({w['first_frame_cpu_s']:.2f} s of CPU)", "≤ 1 s", w["first_frame_s"] <= 1)
    rows.append((f"resident memory at the dashboard ({wat})", f"{w['rss_dashboard_mb']} MB", "reported", "—"))
    row(f"resident memory, register open and scrolled, 4 s after ({wat})", f"{w['rss_scrolled_mb']} MB (own {w['rss_scrolled_anon_mb']} MB)", "≤ 150 MB", w["rss_scrolled_mb"] <= 150)
    row(f"resident memory, register open and scrolled, 30 s after ({wat})", f"{w['rss_settled_mb']} MB (own {w['rss_settled_anon_mb']} MB)", "≤ 150 MB", w["rss_settled_mb"] <= 150)
    # The longest the UI goroutine was kept from drawing (app/stallprobe.go).
    for key, what in (("stalls_scroll", "scrolling the register (Page Down ×60, wheel ×150)"),
                      ("stalls_typing", "typing a search at 8 keys/s and rubbing it out")):
        st = w.get(key)
        if st:
            row(f"longest block of a frame, {what} ({wat})", f"{st['max_ms']:.0f} ms, {st['over_50ms']} block{'' if st['over_50ms'] == 1 else 's'} over 50 ms", "≤ 50 ms", st["max_ms"] <= 50)
print("| figure | measured | target | met |")
print("|---|---|---|---|")
for r in rows:
    print("| %s | %s | %s | %s |" % r)

pgf = os.path.join(out, "pg.json")
if os.path.exists(pgf):
    pg = json.load(open(pgf))
    pgseed = json.load(open(os.path.join(out, "pgseed.json")))
    pfigs = {f["name"]: f for f in pg["figures"]}
    print()
    print(f"PostgreSQL beside SQLite, at {pg['dossiers']:,} and {db['dossiers']:,} dossiers (p95):")
    print()
    print("| figure | SQLite | PostgreSQL | target | PostgreSQL met |")
    print("|---|---|---|---|---|")
    def both(name, label, target, limit, conflicts=False):
        a, b = figs.get(name), pfigs.get(name)
        if not a or not b:
            return
        extra = lambda f: f", {f['conflicts']} failed" if conflicts else ""
        ok = b["p95_ms"] <= limit and (not conflicts or b["conflicts"] == 0)
        print(f"| {label} | {a['p95_ms']:.2f} ms{extra(a)} | {b['p95_ms']:.2f} ms{extra(b)} | {target} | {'yes' if ok else '**NO**'} |")
    both("5 desks receiving at once", "5 desks receiving at once, per receive", "≤ 20 ms, 0 failed", 20, True)
    both("receive one dossier (durable commit)", "one desk receiving", "≤ 10 ms", 10)
    both("search, top 50", "search, top 50", "≤ 30 ms", 30)
    both("page of 50 rows, status filter", "page of 50 register rows, state filter", "≤ 10 ms", 10)
    print(f"| seeding | {seed['seconds']:.1f} s | {pgseed['seconds']:.1f} s | reported | — |")
PY
if [ -x "$(command -v soffice)" ] && [ -f scripts/bench-soffice.sh ]; then bash scripts/bench-soffice.sh "$bin"; fi
