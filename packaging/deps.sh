#!/usr/bin/env bash
# Installs the Debian packages that a packaging step needs, and nothing when they are all present.
#
#   packaging/deps.sh windows   cross-compile, resources, installer, signing, zip
#   packaging/deps.sh linux     native Fyne build (cgo, OpenGL, X11) and the tarball
#   packaging/deps.sh smoke     Wine + Xvfb smoke test of the Windows installer
#   packaging/deps.sh window    the real Linux window under Xvfb (scripts/window-check.sh)
#   packaging/deps.sh test      the headless tests (CGO_ENABLED=0 -tags ci): git for the gofmt check
#   packaging/deps.sh office    LibreOffice Calc, which `make xlsx-check` opens our workbooks with
#   packaging/deps.sh icon      only for re-rendering assets/icon from the SVG (not needed to build)
#   packaging/deps.sh test      what `make test` and `make bench` need (pdftotext & co. for the PDF tests)
#   packaging/deps.sh window    what `make window-check` needs to run the real Linux window under Xvfb
#
# Several kinds may be given at once. Runs as root (or through sudo when it is available),
# non-interactive; `apt-get update` runs once, and only when something is missing.
set -euo pipefail

usage() { echo "usage: $0 windows|linux|smoke|icon|test|window|office ..." >&2; exit 2; }
[ $# -ge 1 ] || usage

# Go itself: Debian's golang-go is too old for this module, and a toolchain
# cannot be fetched here, so say what to do instead of failing obscurely.
if ! command -v go >/dev/null 2>&1; then
	if [ -x /usr/local/go/bin/go ]; then
		echo "deps: go is in /usr/local/go/bin but not on PATH; run: export PATH=\$PATH:/usr/local/go/bin" >&2
	else
		echo "deps: Go 1.26 or later is needed (https://go.dev/dl/, install into /usr/local/go)" >&2
	fi
	exit 1
fi

pkgs=()
for kind in "$@"; do
	case "$kind" in
	windows)
		# gcc-mingw-w64-x86-64 brings binutils-mingw-w64-x86-64 (windres) too.
		pkgs+=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis osslsigncode openssl zip unzip) ;;
	linux)
		pkgs+=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev desktop-file-utils) ;;
	smoke)
		# wine64 alone: no i386 multiarch needed, the installer and the app are both 64-bit.
		# libgl1-mesa-dri: llvmpipe, which draws the window through Wine's OpenGL on Xvfb.
		# bsdutils: script(1), which gives the console check a terminal.
		pkgs+=(wine wine64 xvfb xauth xdotool x11-utils imagemagick libgl1-mesa-dri gcc-mingw-w64-x86-64 procps bsdutils) ;;
	window)
		pkgs+=(xvfb xauth xdotool x11-utils imagemagick libgl1-mesa-dri) ;;
	office)
		# LibreOffice Calc without its GUI: CI opens our Excel files with it
		# (a workbook LibreOffice refuses is a failure, whatever excelize says).
		pkgs+=(libreoffice-calc-nogui) ;;
	test)
		pkgs+=(git) ;;
	icon)
		pkgs+=(librsvg2-bin imagemagick) ;;
	test)
		pkgs+=(poppler-utils git) ;;
	window)
		pkgs+=(xvfb xauth xdotool x11-utils imagemagick) ;;
	*) usage ;;
	esac
done

missing=()
for p in "${pkgs[@]}"; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$status" = installed ] || missing+=("$p")
done
# Deduplicate while keeping order.
if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all present ($*)"
	exit 0
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "deps: need root to install: ${missing[*]}" >&2; exit 1; }
	SUDO="sudo -n"
fi

export DEBIAN_FRONTEND=noninteractive
echo "deps: installing ${missing[*]}"
apt_opts=(-y -q -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
$SUDO apt-get update -q -o Dpkg::Use-Pty=0 >/dev/null
# --no-install-recommends keeps wine and imagemagick from pulling in hundreds of MB of
# desktop extras; everything the build and the smoke test use is a hard dependency.
$SUDO apt-get install "${apt_opts[@]}" --no-install-recommends "${missing[@]}"
echo "deps: done"
