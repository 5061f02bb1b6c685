#!/usr/bin/env bash
# Installs the Debian packages Hall needs, only those missing.
#   scripts/deps.sh run    - to build and run halld
#   scripts/deps.sh bench  - to run the benchmarks (their Python baselines) as well
#   scripts/deps.sh test   - to build and run every test as well
#   scripts/deps.sh deb    - to build the Debian package and test it in a debootstrap'd root
set -euo pipefail
mode=${1:-run}

run_packages=(
  pkg-config libsqlite3-dev libusb-1.0-0-dev libcups2-dev libcairo2-dev libpango1.0-dev
  libqrencode-dev libsane-dev libturbojpeg0-dev libcurl4-openssl-dev fonts-noto-cjk fonts-noto-core espeak-ng
)
test_packages=(
  python3-venv umockdev libumockdev-dev cups-ipp-utils avahi-daemon dbus poppler-utils zbar-tools sane-utils sox
  chromium chromium-driver
  libfaketime sqlite3
  postgresql-15 openssl
)
deb_packages=(dpkg-dev binutils xz-utils lintian debootstrap curl zbar-tools sqlite3 openssl)

wanted=("${run_packages[@]}")
[ "$mode" = bench ] && wanted+=(python3-venv)
[ "$mode" = test ] && wanted+=("${test_packages[@]}")
[ "$mode" = deb ] && wanted=("${deb_packages[@]}")

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
