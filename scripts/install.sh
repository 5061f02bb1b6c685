#!/usr/bin/env bash
# Installs a release build as a systemd service (run as root after `make release`).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-/usr/local}
bin=.build/release
install -d "$prefix/bin" "$prefix/share/hall" /usr/lib/sysusers.d /usr/lib/tmpfiles.d /etc/udev/rules.d
install -m 0755 "$bin/halld" "$bin/hallctl" "$prefix/bin/"
# SwiftPM resource bundles live next to the executable.
cp -r "$bin"/*.resources "$prefix/bin/" 2>/dev/null || true
cp -r devices "$prefix/share/hall/"
# Shipped intake data (sample catalog, holiday schedules), seeded into an empty database.
install -d "$prefix/share/hall/data"
cp -r data/catalog data/calendar "$prefix/share/hall/data/"
install -m 0644 systemd/hall.sysusers.conf /usr/lib/sysusers.d/hall.conf
install -m 0644 systemd/hall.tmpfiles.conf /usr/lib/tmpfiles.d/hall.conf
install -m 0644 systemd/halld.service /etc/systemd/system/halld.service
if ls devices/udev/*.rules >/dev/null 2>&1; then install -m 0644 devices/udev/*.rules /etc/udev/rules.d/; fi
systemd-sysusers /usr/lib/sysusers.d/hall.conf
systemd-tmpfiles --create /usr/lib/tmpfiles.d/hall.conf
udevadm control --reload-rules 2>/dev/null || true
systemctl daemon-reload
echo "installed; enable with: systemctl enable --now halld"
