#!/usr/bin/env bash
# Build dist/pos-client_VERSION_ARCH.deb from the bundle that `make package` left in dist/.
#   POS_CLIENT_DEB_VERSION overrides the version (default: what the bundle's --version says).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=packaging/linux
bundle=dist/pos-client
if [[ ! -x $bundle/pos-client ]]; then
  echo "build-deb: no bundle in $bundle; run 'make package' first" >&2
  exit 1
fi
version=${POS_CLIENT_DEB_VERSION:-$("$bundle/pos-client" --version | awk '{print $2}')}
arch=$(dpkg --print-architecture)
# The newest glibc symbol version any bundled library asks for is the package's libc6 bound.
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -name pos-client \) -exec objdump -T {} + 2>/dev/null |
  grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)

root=build/deb/pos-client_${version}_${arch}
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/sbin" \
  "$root/usr/share/applications" "$root/usr/share/doc/pos-client" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$root/opt/pos-client"
install -m 0755 "$here/pos-client.sh" "$root/usr/bin/pos-client"
install -m 0755 "$here/pos-client-autostart" "$root/usr/sbin/pos-client-autostart"
install -m 0644 "$here/pos-client.desktop" "$root/usr/share/applications/pos-client.desktop"
install -m 0644 resources/icons/pos-client.png "$root/usr/share/icons/hicolor/256x256/apps/"
install -m 0644 resources/icons/pos-client.svg "$root/usr/share/icons/hicolor/scalable/apps/"
install -m 0644 README.md "$root/usr/share/doc/pos-client/README.md"
install -m 0755 "$here/postrm" "$root/DEBIAN/postrm"
size_kb=$(du -sk --apparent-size "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size_kb/" -e "s/@GLIBC@/$glibc/" \
  "$here/control.in" >"$root/DEBIAN/control"

deb=dist/pos-client_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "build-deb: $deb ($(du -h "$deb" | cut -f1); needs libc6 >= $glibc)"
