#!/usr/bin/env bash
# Part of make bench, where LibreOffice is installed: the same 200 letters as one PDF, ours
# against `soffice --headless --convert-to pdf` of an equivalent Flat ODT (same text, A4 with
# the Decree 30 margins, Liberation Serif, same header, body, signature block and QR codes),
# printed as a markdown table after bench.sh's. Target: ours at least 10× faster.
# Usage: scripts/bench-soffice.sh BINARY (BINARY is accepted for symmetry with bench.sh; ours is
# timed in-process by internal/docs TestWriteSofficeFixture, as BenchmarkLetters1000 is).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1; then
	echo "LibreOffice (soffice) is not installed: the comparison with LibreOffice was skipped."
	exit 0
fi
# make xlsx-check installs LibreOffice Calc alone; the letters are a Writer document, which
# Calc cannot load ("source file could not be loaded"). Writer's library is libswlo.
if [ -d /usr/lib/libreoffice/program ] && ! ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1; then
	echo "LibreOffice Writer is not installed (only Calc): the comparison with LibreOffice was skipped."
	exit 0
fi
if ! command -v pdfinfo >/dev/null 2>&1; then
	echo "pdfinfo (poppler-utils) is not installed: the comparison with LibreOffice was skipped."
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "Writing the 200 letters for LibreOffice and timing ours …" >&2
MOTCUA_SOFFICE_DIR=$tmp CGO_ENABLED=0 go test -tags ci -count=1 -run '^TestWriteSofficeFixture$' ./internal/docs/ \
	>"$tmp/go.txt" 2>&1 || { cat "$tmp/go.txt" >&2; exit 1; }
ours=$(cat "$tmp/ours.txt")

# One conversion into $tmp/lo; prints its wall time in seconds.
convert() {
	rm -rf "$tmp/lo"
	local t0 t1
	t0=$(date +%s%N)
	soffice "-env:UserInstallation=file://$tmp/lo-profile" --headless --norestore \
		--convert-to pdf --outdir "$tmp/lo" "$tmp/letters.fodt" >"$tmp/soffice.txt" 2>&1 ||
		{ cat "$tmp/soffice.txt" >&2; exit 1; }
	t1=$(date +%s%N)
	[ -s "$tmp/lo/letters.pdf" ] || { echo "soffice wrote no PDF:" >&2; cat "$tmp/soffice.txt" >&2; exit 1; }
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }'
}

version=$(soffice --version 2>/dev/null | awk '{ print $1, $2; exit }')
echo "Converting with $version: one cold run on a fresh profile, then 3 timed …" >&2
cold=$(convert)
best=
for _ in 1 2 3; do
	t=$(convert)
	best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
done

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
for f in "$tmp/ours.pdf" "$tmp/lo/letters.pdf"; do
	n=$(pages "$f")
	if [ "$n" != 200 ]; then
		echo "$(basename "$f") has ${n:-no} pages, not 200: the two documents are not equivalent" >&2
		exit 1
	fi
done

awk -v ours="$ours" -v warm="$best" -v cold="$cold" -v ver="$version" 'BEGIN {
	rw = warm / ours; rc = cold / ours
	print ""
	print "| figure | ours | LibreOffice | ratio | target | met |"
	print "|---|---|---|---|---|---|"
	printf "| 200 letters into one 200-page PDF, vs %s, warm, best of 3 | %.3f s | %.3f s | %.1f× | ≥ 10× | %s |\n", ver, ours, warm, rw, (rw >= 10 ? "yes" : "**NO**")
	printf "| the same, LibreOffice cold (first run, fresh profile) | %.3f s | %.3f s | %.1f× | reported | — |\n", ours, cold, rc
}'
