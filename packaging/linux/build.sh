#!/usr/bin/env bash
# Builds the Linux release tarball:
#   dist/linux/motcua-<version>-linux-amd64.tar.gz
#     motcua-<version>-linux-amd64/motcua            the program (window and command line)
#     motcua-<version>-linux-amd64/motcua.desktop    menu entry
#     motcua-<version>-linux-amd64/motcua.png, .svg  icon
#     motcua-<version>-linux-amd64/install.sh        installs for one user, or system-wide as root
#     motcua-<version>-linux-amd64/CAI-DAT.txt       install note (Vietnamese and English)
# Settings (environment): MAIN_PKG (default "."), APP (default "motcua"), GO_TAGS,
# EXTRA_LDFLAGS (e.g. "-X motcua/internal/cli.Version=1.2.3"), DIST (default dist/linux),
# BUILD_DIR (default build/linux). Needs: packaging/deps.sh linux.
# Built with the same flags as "make build" so both share Go's build cache (a cold cgo build
# of Fyne takes minutes).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
MAIN_PKG=${MAIN_PKG:-.}
APP=${APP:-motcua}
GO_TAGS=${GO_TAGS:-}
EXTRA_LDFLAGS=${EXTRA_LDFLAGS:-}
DIST=${DIST:-$ROOT/dist/linux}
BUILD_DIR=${BUILD_DIR:-$ROOT/build/linux}
ICON_DIR=${ICON_DIR:-$ROOT/assets/icon}

say() { printf '== linux: %s\n' "$*"; }
die() { printf 'linux build FAILED: %s\n' "$*" >&2; exit 1; }

command -v go >/dev/null || die "go not found"
command -v gcc >/dev/null || die "gcc not found; run: packaging/deps.sh linux"
main_dir=$(cd "$ROOT/$MAIN_PKG" && pwd) || die "main package directory $ROOT/$MAIN_PKG not found"
toml=$main_dir/FyneApp.toml
[ -f "$toml" ] || die "$toml not found"
version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$toml" | head -n1)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "FyneApp.toml Version '$version' is not MAJOR.MINOR.PATCH"
for f in "$ICON_DIR/motcua.png" "$ICON_DIR/motcua.svg" "$here/motcua.desktop"; do
	[ -f "$f" ] || die "$f not found"
done

name=$APP-$version-linux-amd64
stage=$BUILD_DIR/$name
rm -rf "$BUILD_DIR" "$DIST"
mkdir -p "$stage" "$DIST"

say "go build (cgo, OpenGL)"
start=$SECONDS
(cd "$main_dir" && CGO_ENABLED=1 GOOS=linux GOARCH=amd64 \
	go build -buildvcs=false ${GO_TAGS:+-tags "$GO_TAGS"} -ldflags "-s -w $EXTRA_LDFLAGS" -o "$stage/$APP" .) ||
	die "go build failed"
say "built in $((SECONDS - start))s: $(du -h "$stage/$APP" | cut -f1)"

sed "s/^Exec=.*/Exec=$APP/; s/^Icon=.*/Icon=$APP/" \
	"$here/motcua.desktop" >"$stage/$APP.desktop"
if command -v desktop-file-validate >/dev/null; then
	desktop-file-validate "$stage/$APP.desktop" || die "$APP.desktop does not validate"
fi
cp "$ICON_DIR/motcua.png" "$stage/$APP.png"
cp "$ICON_DIR/motcua.svg" "$stage/$APP.svg"
sed "s/@APP@/$APP/g" "$here/install.sh" >"$stage/install.sh"
sed "s/@APP@/$APP/g; s/@VERSION@/$version/g" "$here/CAI-DAT.txt" >"$stage/CAI-DAT.txt"
chmod 755 "$stage/$APP" "$stage/install.sh"
chmod 644 "$stage/$APP.desktop" "$stage/$APP.png" "$stage/$APP.svg" "$stage/CAI-DAT.txt"

# Reproducible archive: fixed order, owner and time.
tarball=$DIST/$name.tar.gz
(cd "$BUILD_DIR" && tar --sort=name --owner=0 --group=0 --numeric-owner \
	--mtime=@"${SOURCE_DATE_EPOCH:-1700000000}" -cf - "$name" | gzip -n -9 >"$tarball") || die "tar failed"
(cd "$DIST" && sha256sum -- *.tar.gz >SHA256SUMS)
say "done:"
tar -tzvf "$tarball"
ls -l "$DIST"
