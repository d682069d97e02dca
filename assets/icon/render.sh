#!/usr/bin/env bash
# Renders the committed icon files from the SVG sources. Run it after editing an SVG and
# commit the results; builds use the rendered files and need none of these tools.
#   motcua.svg        the icon (512 grid), used for 24 px and up
#   motcua-small.svg  the same picture redrawn on a 16 px grid, used for 16 px
#   motcua.png        512 px (FyneApp.toml, Linux)
#   motcua.ico        16, 24, 32, 48, 64, 256 px (the Windows exe, installer, shortcuts)
#   ../../packaging/windows/wizard.bmp, header.bmp   the installer's side and header pictures
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
# NSIS wants uncompressed 24-bit BMPs: 164x314 for the welcome/finish side, 150x57 for the header.
rsvg-convert -w 120 -h 120 motcua.svg -o "$tmp/120.png"
/usr/bin/convert -size 164x314 gradient:'#E42E24-#B81A14' "$tmp/120.png" -gravity north -geometry +0+56 \
	-composite -fill '#FFCD00' -draw "rectangle 0,300 164,305" -type TrueColor BMP3:../../packaging/windows/wizard.bmp
/usr/bin/convert -size 150x57 xc:white "$tmp/48.png" -gravity east -geometry +6+0 -composite \
	-type TrueColor BMP3:../../packaging/windows/header.bmp
ls -l motcua.png motcua.ico ../../packaging/windows/wizard.bmp ../../packaging/windows/header.bmp
