#!/usr/bin/env bash
# Builds the Debian package build/hall_<version>_<arch>.deb from the release build (`make release`).
# The Swift runtime is linked statically, so the package needs no Swift toolchain; its library
# dependencies are read off the binaries by dpkg-shlibdeps. Checked by lintian when installed.
set -euo pipefail
cd "$(dirname "$0")/.."

release=.build/release
for product in halld hallctl hall-hub; do
  [ -x "$release/$product" ] || { echo "build-deb: $release/$product is missing: run make release first" >&2; exit 1; }
done

# 0.1.<commits on main>: grows with every commit, so a newer build always upgrades an older one.
version="0.1.$(git rev-list --count HEAD 2>/dev/null || echo 0)${HALL_DEB_VERSION_SUFFIX:-}"
arch=$(dpkg --print-architecture)
out=build
stage=$out/hall-stage
rm -rf "$stage" && mkdir -p "$stage/DEBIAN"

# Binaries and the SwiftPM resource bundle beside them (found next to the executable).
install -d "$stage/usr/lib/hall" "$stage/usr/bin"
for product in halld hallctl hall-hub; do
  install -m 0755 "$release/$product" "$stage/usr/lib/hall/$product"
  strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/lib/hall/$product"
  ln -s "../lib/hall/$product" "$stage/usr/bin/$product"
done
cp -r "$release"/*.resources "$stage/usr/lib/hall/"

# Data: device profiles, the sample catalog and the official calendars.
install -d "$stage/usr/share/hall/data"
cp -r devices "$stage/usr/share/hall/"
rm -f "$stage/usr/share/hall/devices/udev/"*.rules
cp -r data/catalog data/calendar data/i18n "$stage/usr/share/hall/data/"
find "$stage/usr/share/hall" -name '*.py' -delete   # maintainers' checking scripts, not for the hall

# System integration: unit, user, folders, udev rules, the configuration (a conffile).
install -D -m 0644 systemd/halld.service "$stage/lib/systemd/system/halld.service"
# The banner's hub: shipped, never enabled by the package (a town hall does not run one; docs/install.md).
install -D -m 0644 systemd/hall-hub.service "$stage/lib/systemd/system/hall-hub.service"
install -D -m 0644 systemd/hall.sysusers.conf "$stage/usr/lib/sysusers.d/hall.conf"
install -D -m 0644 systemd/hall.tmpfiles.conf "$stage/usr/lib/tmpfiles.d/hall.conf"
install -D -m 0644 devices/udev/60-hall-devices.rules "$stage/lib/udev/rules.d/60-hall-devices.rules"
install -D -m 0644 packaging/deb/halld.json "$stage/etc/hall/halld.json"
install -D -m 0644 packaging/deb/lintian-overrides "$stage/usr/share/lintian/overrides/hall"

# Documentation: the manual, the install checklist, the licenses of what is linked in, man pages.
doc=$stage/usr/share/doc/hall
install -d "$doc/licenses"
install -m 0644 README.md "$doc/"
install -m 0644 docs/*.md "$doc/"
gzip -9n "$doc"/*.md
printf 'hall (%s) bookworm; urgency=medium\n\n  * Built from commit %s.\n\n -- Hall developers <hall@example.org>  %s\n' \
  "$version" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")" \
  | gzip -9n >"$doc/changelog.gz"
scripts/deb-copyright.sh "$doc"
install -D -m 0644 packaging/man/halld.8 "$stage/usr/share/man/man8/halld.8"
install -D -m 0644 packaging/man/hallctl.1 "$stage/usr/share/man/man1/hallctl.1"
install -D -m 0644 packaging/man/hall-hub.8 "$stage/usr/share/man/man8/hall-hub.8"
gzip -9n "$stage/usr/share/man/man8/halld.8" "$stage/usr/share/man/man1/hallctl.1" "$stage/usr/share/man/man8/hall-hub.8"

# Files readable by all, writable by root (some resource bundles ship read-only files).
find "$stage" -path "$stage/DEBIAN" -prune -o -type f ! -perm -u+x -exec chmod 0644 {} +
find "$stage" -path "$stage/DEBIAN" -prune -o -type d -exec chmod 0755 {} +

# Package control: scripts, debconf question, conffiles, dependencies read off the binaries.
for f in postinst prerm postrm config; do install -m 0755 "packaging/deb/$f" "$stage/DEBIAN/$f"; done
install -m 0644 packaging/deb/templates "$stage/DEBIAN/templates"
echo /etc/hall/halld.json >"$stage/DEBIAN/conffiles"
shlibs_dir=$(mktemp -d)
trap 'rm -rf "$shlibs_dir"' EXIT
mkdir -p "$shlibs_dir/debian"
printf 'Source: hall\n\nPackage: hall\nArchitecture: any\n' >"$shlibs_dir/debian/control"
shlibs=$(cd "$shlibs_dir" && dpkg-shlibdeps -O "$OLDPWD/$stage/usr/lib/hall/halld" "$OLDPWD/$stage/usr/lib/hall/hallctl" \
  "$OLDPWD/$stage/usr/lib/hall/hall-hub" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" -e "s/@SHLIBS@/$shlibs/" \
  packaging/deb/control.in >"$stage/DEBIAN/control"
(cd "$stage" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"

deb=$out/hall_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
rm -rf "$stage"
echo "$deb"
