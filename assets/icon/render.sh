#!/usr/bin/env bash
# Renders the committed icon files from the SVG sources. Run it after editing an SVG and
# commit the results; builds use the rendered files and need none of these tools.
#   motcua.svg        the icon (512 grid), used for 24 px and up
#   motcua-small.svg  the same picture redrawn on a 16 px grid, used for 16 px
#   motcua.png        512 px (FyneApp.toml, Linux)
#   motcua.ico        16, 24, 32, 48, 64, 256 px (the Windows exe, installer, shortcuts)
# Needs rsvg-convert (librsvg2-bin) and ImageMagick: packaging/deps.sh icon
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rsvg-convert -w 16 -h 16 motcua-small.svg -o "$tmp/16.png"
for s in 24 32 48 64 256 512; do
	rsvg-convert -w "$s" -h "$s" motcua.svg -o "$tmp/$s.png"
done
# -strip drops timestamps and other chunks so that re-rendering gives identical bytes.
/usr/bin/convert "$tmp/512.png" -strip -define png:exclude-chunks=date,time motcua.png
/usr/bin/convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/256.png" \
	-strip -define png:exclude-chunks=date,time motcua.ico
ls -l motcua.png motcua.ico
