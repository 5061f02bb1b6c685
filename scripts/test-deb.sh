#!/usr/bin/env bash
# The package test (make package-test): lintian, then the newest build/hall_*.deb installed with apt
# into a debootstrap'd Debian 12 that has no Swift toolchain, and checked there as a county IT person
# would find it. The machine running the test is left as it was: everything happens in the root,
# which is deleted at the end. Needs root (debootstrap, chroot).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-deb-steps.sh
. scripts/test-deb-steps.sh

deb=$(ls -t build/hall_*.deb | head -n 1)
step "lintian $deb"
# Warnings fail the step too; the modalias one (suppressed) only asks for AppStream metadata of the udev rules' ids.
lintian --fail-on error,warning --tag-display-limit 0 --suppress-tags appstream-metadata-missing-modalias-provide "$deb"

root=$(mktemp -d /var/tmp/hall-deb-root.XXXXXX)
trap 'cleanup_root' EXIT
make_root
install_package "$deb"
check_no_swift_toolchain
check_hub_installed_not_enabled

step "a fresh install serves first-run setup on the LAN; hallctl setup completes it with the one-time code"
start_halld
lan=$(lan_address)
check_healthz "http://$lan:$port"
expect_json "/api/setup" 'j["state"] == "pending"'
echo package-test-admin | in_root_as_hall hallctl setup --url "http://127.0.0.1:$port" --code-file /var/lib/hall/setup-code \
  --center-name 乌兰陶勒盖镇便民服务中心 --center-phone 0477-7552004 --password-stdin || fail "hallctl setup failed"
[ ! -e "$root/var/lib/hall/setup-code" ] || fail "the setup code is still there after setup"
sign_in admin package-test-admin
expect_json "/api/setup" 'j["state"] == "done"'

step "a ticket printed by the emulator carries the LAN URL in its QR code"
number=$(issue_ticket)
check_ticket_qr "$number" "http://$lan:$port/t/"
stop_halld

step "an older database (schema v10) is migrated on start, its data intact"
load_fixture packaging/tests/hall-schema-v10.sql
start_halld
sign_in clerk3 hall-demo
expect_json "/api/cases/BM20261206-0001" 'j["case"]["number"] == "BM20261206-0001" and j["case"]["state"] == "in_review"'
expect_json "/api/tickets/1" 'j["ticket"]["number"] == "A001"'
stop_halld

step "upgrade: a newer package keeps the data and the edited configuration"
sed -i 's/"port": 8080/"port": '"$port"'/' "$root/etc/hall/halld.json"
newer=$(HALL_DEB_VERSION_SUFFIX=+test scripts/build-deb.sh)
install_package "$newer"
grep -q "\"port\": $port" "$root/etc/hall/halld.json" || fail "the upgrade replaced the edited /etc/hall/halld.json"
start_halld
sign_in clerk3 hall-demo
expect_json "/api/tickets/1" 'j["ticket"]["number"] == "A001"'
stop_halld
rm -f "$newer"

step "remove keeps /var/lib/hall; purge asks and, by default, keeps it too"
in_root apt-get remove -y -qq hall >/dev/null
[ -f "$root/var/lib/hall/hall.sqlite" ] || fail "remove deleted the database"
[ -f "$root/etc/hall/halld.json" ] || fail "remove deleted the conffile"
in_root apt-get purge -y -qq hall >/dev/null
[ -f "$root/var/lib/hall/hall.sqlite" ] || fail "purge deleted the database although the answer was no"
[ ! -e "$root/etc/hall/halld.json" ] || fail "purge left the conffile"

step "purge with the answer yes deletes the data"
install_package "$deb"
echo "hall hall/purge-data boolean true" | in_root debconf-set-selections
in_root apt-get purge -y -qq hall >/dev/null
[ ! -e "$root/var/lib/hall" ] || fail "purge with the answer yes left /var/lib/hall"

step "package test passed"
