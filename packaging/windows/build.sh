#!/usr/bin/env bash
# Cross-compiles the Windows release from Linux (mingw-w64, no Docker) and packs it:
#
#   dist/windows/motcua.exe                                GUI exe: icon, version info, manifest; signed
#   dist/windows/motcua-<version>-windows-setup.exe        NSIS installer (Vietnamese), signed
#   dist/windows/motcua-<version>-windows-portable.zip     for PCs where installing is not allowed
#   dist/windows/SHA256SUMS
#
# The version comes from FyneApp.toml (Version, Build) beside the main package.
#
# Settings (environment):
#   MAIN_PKG              main package directory, relative to the repo root (default ".")
#   APP                   exe base name (default "motcua")
#   GO_TAGS               extra build tags (default none)
#   EXTRA_LDFLAGS         appended to -ldflags, e.g. "-X motcua/internal/cli.Version=1.2.3"
#   DIST, BUILD_DIR       output and scratch directories (default dist/windows, build/windows)
#   MOTCUA_SIGN_CERT      PEM certificate (chain) for Authenticode signing  } both set: the real
#   MOTCUA_SIGN_KEY       PEM private key                                    } certificate is used
#   MOTCUA_SIGN_PASS      password of the key (optional)
#   MOTCUA_SIGN_CAFILE    CA bundle to verify a real signature (default the system bundle)
#   MOTCUA_SIGN_TIMESTAMP RFC 3161 timestamp URL (optional; needs the network)
#   MOTCUA_OPENGL32_DLL   a software OpenGL opengl32.dll (Mesa llvmpipe) to ship beside the exe
#   SKIP_INSTALLER=1      build and sign only the exe and the zip
# Without MOTCUA_SIGN_CERT/KEY a throwaway self-signed test certificate is made in
# dist/test-signing/ (ignored by git): the signature then proves the build step works, not who made it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
MAIN_PKG=${MAIN_PKG:-.}
APP=${APP:-motcua}
GO_TAGS=${GO_TAGS:-}
EXTRA_LDFLAGS=${EXTRA_LDFLAGS:-}
DIST=${DIST:-$ROOT/dist/windows}
BUILD_DIR=${BUILD_DIR:-$ROOT/build/windows}
PRODUCT="Một Cửa Thân Thiện"
PUBLISHER=${MOTCUA_PUBLISHER:-Nhóm phát triển Một Cửa Thân Thiện}
APP_ID=vn.gov.motcua.thanthien

say() { printf '== windows: %s\n' "$*"; }
die() { printf 'windows build FAILED: %s\n' "$*" >&2; exit 1; }

for tool in go x86_64-w64-mingw32-gcc x86_64-w64-mingw32-windres makensis osslsigncode openssl zip; do
	command -v "$tool" >/dev/null || die "$tool not found; run: packaging/deps.sh windows"
done

main_dir=$(cd "$ROOT/$MAIN_PKG" && pwd) || die "main package directory $ROOT/$MAIN_PKG not found"
toml=$main_dir/FyneApp.toml
[ -f "$toml" ] || die "$toml not found (FyneApp.toml must sit beside the main package)"
version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$toml" | head -n1)
build_no=$(sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$toml" | head -n1)
build_no=${build_no:-0}
[[ $version =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || die "FyneApp.toml Version '$version' is not MAJOR.MINOR.PATCH"
ver_commas="${BASH_REMATCH[1]},${BASH_REMATCH[2]},${BASH_REMATCH[3]},$build_no"
version4="$version.$build_no"
icon_ico=${ICON_ICO:-$ROOT/assets/icon/motcua.ico}
[ -f "$icon_ico" ] || die "$icon_ico not found"
if [ -n "${MOTCUA_OPENGL32_DLL:-}" ]; then
	[ -f "$MOTCUA_OPENGL32_DLL" ] || die "MOTCUA_OPENGL32_DLL=$MOTCUA_OPENGL32_DLL does not exist"
fi
say "$PRODUCT $version (build $build_no) from $main_dir"

rm -rf "$BUILD_DIR" "$DIST"
mkdir -p "$BUILD_DIR/res" "$BUILD_DIR/stage" "$DIST"
trap 'rm -f "$BUILD_DIR/sign.pass"' EXIT

# ---- 1. Resources: icon, version information, manifest -> a COFF object (.syso) -----------
# Generated here, in build/, never committed, and handed straight to the external linker
# (mingw ld merges its .rsrc section): no .syso appears beside main.go, so other builds (Linux,
# tests, GOOS=windows vet, other engineers' checkouts) are unaffected. (go build -overlay does
# not carry .syso files, and CGO_LDFLAGS would invalidate the cached cgo build of Fyne.)
res=$BUILD_DIR/res
sed "s/@VERSION4@/$version4/" "$here/motcua.exe.manifest" >"$res/motcua.exe.manifest"
cp "$icon_ico" "$res/motcua.ico"
cat >"$res/motcua.rc" <<RC
#pragma code_page(65001)
// GLFW loads the icon named GLFW_ICON as the window class icon (title bar, taskbar, Alt+Tab);
// being the exe's only icon group, Explorer and the shortcuts show it too.
GLFW_ICON ICON "motcua.ico"
1 24 "motcua.exe.manifest"
1 VERSIONINFO
FILEVERSION $ver_commas
PRODUCTVERSION $ver_commas
FILEFLAGSMASK 0x3f
FILEFLAGS 0x0
FILEOS 0x40004
FILETYPE 0x1
FILESUBTYPE 0x0
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "042a04b0"
    BEGIN
      VALUE "CompanyName", "$PUBLISHER"
      VALUE "FileDescription", "$PRODUCT"
      VALUE "FileVersion", "$version4"
      VALUE "InternalName", "$APP"
      VALUE "LegalCopyright", "$PUBLISHER"
      VALUE "OriginalFilename", "$APP.exe"
      VALUE "ProductName", "$PRODUCT"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x042a, 1200
  END
END
RC
(cd "$res" && x86_64-w64-mingw32-windres -c 65001 -O coff -i motcua.rc -o rsrc.o) ||
	die "windres failed on $res/motcua.rc"
case $res in *[[:space:]]*) die "the build directory $res must not contain spaces (it is passed to the linker)" ;; esac

# ---- 2. The exe -----------------------------------------------------------------------------
say "go build (cgo, mingw-w64; a cold build of Fyne takes ~5 minutes)"
start=$SECONDS
(
	cd "$main_dir"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
		go build -trimpath -buildvcs=false ${GO_TAGS:+-tags "$GO_TAGS"} \
		-ldflags "-H=windowsgui -s -w -linkmode=external -extldflags=$res/rsrc.o $EXTRA_LDFLAGS" -o "$BUILD_DIR/$APP.unsigned.exe" .
) || die "go build for windows/amd64 failed"
say "built in $((SECONDS - start))s: $(du -h "$BUILD_DIR/$APP.unsigned.exe" | cut -f1)"
# The resources must really be in: the manifest's identity and the version strings.
grep -aq "$APP_ID" "$BUILD_DIR/$APP.unsigned.exe" || die "the manifest resource is missing from the exe"
LC_ALL=C grep -aqP 'F\x00i\x00l\x00e\x00D\x00e\x00s\x00c\x00r\x00i\x00p\x00t\x00i\x00o\x00n' "$BUILD_DIR/$APP.unsigned.exe" ||
	die "the version information resource is missing from the exe"

# ---- 3. Signing -----------------------------------------------------------------------------
sign_args=()
if [ -n "${MOTCUA_SIGN_CERT:-}" ] && [ -n "${MOTCUA_SIGN_KEY:-}" ]; then
	[ -f "$MOTCUA_SIGN_CERT" ] || die "MOTCUA_SIGN_CERT=$MOTCUA_SIGN_CERT does not exist"
	[ -f "$MOTCUA_SIGN_KEY" ] || die "MOTCUA_SIGN_KEY=$MOTCUA_SIGN_KEY does not exist"
	cert=$MOTCUA_SIGN_CERT key=$MOTCUA_SIGN_KEY
	cafile=${MOTCUA_SIGN_CAFILE:-/etc/ssl/certs/ca-certificates.crt}
	if [ -n "${MOTCUA_SIGN_PASS:-}" ]; then
		(umask 077 && printf '%s' "$MOTCUA_SIGN_PASS" >"$BUILD_DIR/sign.pass")
		sign_args+=(-readpass "$BUILD_DIR/sign.pass")
	fi
	say "signing with the certificate from MOTCUA_SIGN_CERT"
else
	testdir=$(dirname "$DIST")/test-signing
	cert=$testdir/cert.pem key=$testdir/key.pem cafile=$cert
	# Reuse a test certificate that is still valid for a day; otherwise make a new one.
	if ! openssl x509 -in "$cert" -noout -checkend 86400 >/dev/null 2>&1 || [ ! -f "$key" ]; then
		mkdir -p "$testdir"
		openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days 30 \
			-keyout "$key" -out "$cert" \
			-subj "/C=VN/O=Mot Cua Than Thien (TEST)/CN=Mot Cua Than Thien TEST code signing" \
			-addext "basicConstraints=critical,CA:false" \
			-addext "keyUsage=critical,digitalSignature" \
			-addext "extendedKeyUsage=codeSigning" 2>/dev/null || die "openssl could not make a test certificate"
		chmod 600 "$key"
	fi
	say "signing with a THROWAWAY TEST certificate ($cert); set MOTCUA_SIGN_CERT and MOTCUA_SIGN_KEY for a release"
fi
if [ -n "${MOTCUA_SIGN_TIMESTAMP:-}" ]; then sign_args+=(-ts "$MOTCUA_SIGN_TIMESTAMP"); fi

sign() { # sign IN OUT DESCRIPTION
	rm -f "$2"
	osslsigncode sign -certs "$cert" -key "$key" "${sign_args[@]}" -h sha256 \
		-n "$3" -i "https://github.com/motcua/motcua" -in "$1" -out "$2" >"$BUILD_DIR/sign.log" 2>&1 ||
		{ cat "$BUILD_DIR/sign.log" >&2; die "osslsigncode could not sign $1"; }
	verify "$2"
}
verify() {
	local out
	if ! out=$(osslsigncode verify -CAfile "$cafile" -in "$1" 2>&1) || ! grep -q "Signature verification: ok" <<<"$out"; then
		printf '%s\n' "$out" >&2
		die "the signature of $1 does not verify"
	fi
	say "signature verified: $(basename "$1")"
}
export -f verify 2>/dev/null || true
sign "$BUILD_DIR/$APP.unsigned.exe" "$DIST/$APP.exe" "$PRODUCT"

# ---- 4. Installer ---------------------------------------------------------------------------
stage=$BUILD_DIR/stage
cp "$DIST/$APP.exe" "$stage/"
gl_defines=()
if [ -n "${MOTCUA_OPENGL32_DLL:-}" ]; then
	cp "$MOTCUA_OPENGL32_DLL" "$stage/opengl32.dll"
	gl_defines+=(-DOPENGL32=1)
	say "including software OpenGL $MOTCUA_OPENGL32_DLL as opengl32.dll"
	# Newer Mesa builds split the driver: opengl32.dll loads libgallium_wgl.dll (and older
	# ones libglapi.dll) from the same folder. Take them along when they sit beside it.
	gl_dir=$(dirname "$MOTCUA_OPENGL32_DLL")
	for extra in libgallium_wgl.dll libglapi.dll; do
		if [ -f "$gl_dir/$extra" ]; then
			cp "$gl_dir/$extra" "$stage/$extra"
			gl_defines+=("-D${extra%.dll}=1")
			say "including $extra from beside it"
		fi
	done
	x86_64-w64-mingw32-objdump -f "$stage/opengl32.dll" 2>/dev/null | grep -q 'pei-x86-64' ||
		die "MOTCUA_OPENGL32_DLL is not a 64-bit Windows DLL"
fi
setup=$DIST/$APP-$version-windows-setup.exe
if [ "${SKIP_INSTALLER:-}" != 1 ]; then
	# The uninstaller is written out by the installer at install time; !uninstfinalize signs
	# it while makensis runs, so the uninstaller on the PC is signed too.
	cat >"$BUILD_DIR/sign-uninstaller.sh" <<SH
#!/usr/bin/env bash
set -e
osslsigncode sign -certs "$cert" -key "$key" ${sign_args[*]} -h sha256 -n "Gỡ cài đặt $PRODUCT" -in "\$1" -out "\$1.signed" >/dev/null
mv -f "\$1.signed" "\$1"
SH
	chmod +x "$BUILD_DIR/sign-uninstaller.sh"
	say "makensis"
	makensis -V2 -INPUTCHARSET UTF8 \
		-DVERSION="$version" -DVERSION4="$version4" -DAPP="$APP" -DSTAGE="$stage" \
		-DICON="$res/motcua.ico" -DOUTFILE="$BUILD_DIR/setup.unsigned.exe" \
		-DPUBLISHER="$PUBLISHER" -DSIGN_UNINSTALLER="$BUILD_DIR/sign-uninstaller.sh" \
		"${gl_defines[@]}" \
		"$here/installer.nsi" || die "makensis failed"
	sign "$BUILD_DIR/setup.unsigned.exe" "$setup" "Cài đặt $PRODUCT"
fi

# ---- 5. Portable zip ------------------------------------------------------------------------
portable=$BUILD_DIR/portable/MotCuaThanThien
mkdir -p "$portable"
cp "$stage"/* "$portable/"
cp "$here/portable-readme.txt" "$portable/DOC-TRUOC.txt"
sed -i 's/$/\r/' "$portable/DOC-TRUOC.txt" # Notepad on old Windows 10 wants CRLF
zip_name=$APP-$version-windows-portable.zip
(cd "$BUILD_DIR/portable" && find . -exec touch -h -d @"${SOURCE_DATE_EPOCH:-1700000000}" {} + &&
	rm -f "$DIST/$zip_name" && zip -q -X -r -9 "$DIST/$zip_name" MotCuaThanThien) || die "zip failed"

(cd "$DIST" && sha256sum -- * >SHA256SUMS)
say "done:"
ls -l "$DIST"
