#!/bin/sh
# Installs Một Cửa Thân Thiện from this folder.
#   ./install.sh          for the current user: ~/.local/bin, ~/.local/share/{applications,icons}
#   sudo ./install.sh     for everyone: /usr/local/bin, /usr/local/share/{applications,icons}
#   ./install.sh --uninstall   removes those files again (the data in ~/.local/share stays)
# PREFIX=/some/dir overrides the destination.
set -eu
cd "$(dirname "$0")"
if [ -z "${PREFIX:-}" ]; then
	if [ "$(id -u)" -eq 0 ]; then PREFIX=/usr/local; else PREFIX=$HOME/.local; fi
fi
bin=$PREFIX/bin/@APP@
desktop=$PREFIX/share/applications/@APP@.desktop
png=$PREFIX/share/icons/hicolor/512x512/apps/@APP@.png
svg=$PREFIX/share/icons/hicolor/scalable/apps/@APP@.svg
if [ "${1:-}" = --uninstall ]; then
	rm -f "$bin" "$desktop" "$png" "$svg"
	echo "Đã gỡ @APP@ khỏi $PREFIX. Dữ liệu của người dùng được giữ nguyên."
	exit 0
fi
install -D -m 755 @APP@ "$bin"
install -D -m 644 @APP@.png "$png"
install -D -m 644 @APP@.svg "$svg"
mkdir -p "$(dirname "$desktop")"
sed "s|^Exec=.*|Exec=$bin|" @APP@.desktop >"$desktop"
chmod 644 "$desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$(dirname "$desktop")" || true
echo "Đã cài @APP@ vào $bin; mục \"Một Cửa Thân Thiện\" có trong menu ứng dụng (nhóm Văn phòng)."
