# The steps of scripts/test-deb.sh: a debootstrap'd Debian 12 root, the package installed in it
# with apt, halld started there from the installed files, and checks over HTTP on the LAN address.
# Sourced, not run. Uses: $root (the root folder), $port (set here).

port=${HALL_TEST_PORT:-18380}
cache=build/debootstrap-bookworm.tar.gz
mirror=${HALL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
token=""

step() { printf '\n== %s\n' "$*"; }
fail() { echo "package test FAILED: $*" >&2; [ -f "$root/var/tmp/halld.log" ] && tail -n 30 "$root/var/tmp/halld.log" >&2; exit 1; }
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
in_root_as_hall() { chroot --userspec=hall:hall "$root" env -i PATH=/usr/bin:/bin HOME=/var/lib/hall LANG=C.UTF-8 "$@"; }

# A minimal Debian 12 (cached as a tarball under build/ between runs on one machine).
make_root() {
  step "debootstrap Debian 12 into $root"
  if [ -f "$cache" ]; then
    tar -xzf "$cache" -C "$root"
  else
    debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
    tar -czf "$cache" -C "$root" .
  fi
  chmod 0755 "$root"   # mktemp made it 0700: the hall user and apt's _apt must traverse it
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"   # with /dev/pts (dpkg's log wants a pty)
  mount --make-rslave "$root/dev"  # nothing done in the root propagates back to this machine's /dev
  in_root apt-get update -qq
}

cleanup_root() {
  stop_halld 2>/dev/null || true
  umount -R "$root/dev" 2>/dev/null || true
  umount "$root/proc" 2>/dev/null || true
  # Never delete through a mount that is still there (it would be this machine's /dev).
  if grep -q " $root/" /proc/mounts; then echo "test-deb: $root still has mounts; left in place" >&2; return 0; fi
  rm -rf "$root"
}

# apt resolves the package's Depends from the mirror, as on a county IT person's machine.
install_package() {
  step "apt install $(basename "$1")"
  cp "$1" "$root/var/tmp/"
  in_root apt-get install -y -qq --no-install-recommends "/var/tmp/$(basename "$1")" >/dev/null
  rm -f "$root/var/tmp/$(basename "$1")"
}

check_no_swift_toolchain() {
  step "the root has no Swift toolchain and the binaries need no Swift library"
  [ ! -e "$root/opt/swift" ] || fail "the root has /opt/swift"
  if in_root ldd /usr/lib/hall/halld | grep -E 'libswift|libFoundation|not found'; then fail "halld needs a library the package does not pull"; fi
  if in_root ldd /usr/lib/hall/hallctl | grep -E 'libswift|libFoundation|not found'; then fail "hallctl needs a library the package does not pull"; fi
  if in_root ldd /usr/lib/hall/hall-hub | grep -E 'libswift|libFoundation|not found'; then fail "hall-hub needs a library the package does not pull"; fi
  in_root /usr/bin/hallctl --help >/dev/null || fail "hallctl does not run"
}

# The banner's hub ships with the package but is not enabled: a town hall does not run one.
check_hub_installed_not_enabled() {
  step "hall-hub is installed, runs, and its unit is in place but not enabled"
  in_root /usr/bin/hall-hub --help >/dev/null || fail "hall-hub does not run"
  [ -f "$root/lib/systemd/system/hall-hub.service" ] || fail "the hall-hub unit is missing"
  [ -L "$root/etc/systemd/system/multi-user.target.wants/halld.service" ] || fail "halld.service is not enabled"
  [ ! -e "$root/etc/systemd/system/multi-user.target.wants/hall-hub.service" ] || fail "hall-hub.service is enabled"
  in_root getent passwd hall-hub >/dev/null || fail "no hall-hub user"
  in_root /usr/bin/hall-hub make-certificates --dir /var/tmp/hub-tls --host hub.test --host 10.0.0.1 >/dev/null ||
    fail "hall-hub make-certificates failed"
  [ "$(in_root stat -c "%a %U %G" /var/tmp/hub-tls/hub.key)" = "640 root hall-hub" ] || fail "hub.key is not root:hall-hub 0640"
  [ "$(stat -c '%a' "$root/var/tmp/hub-tls/ca.key")" = "600" ] || fail "ca.key is not 0600"
  openssl verify -CAfile "$root/var/tmp/hub-tls/ca.crt" "$root/var/tmp/hub-tls/hub.crt" >/dev/null ||
    fail "the hub's certificate does not verify against its CA"
  rm -rf "$root/var/tmp/hub-tls"
}

# A database written by an older halld, as if the previous package had run: loaded before the start.
load_fixture() {
  rm -f "$root/var/lib/hall/hall.sqlite"*
  sqlite3 "$root/var/lib/hall/hall.sqlite" <"$1"
  chroot "$root" chown hall:hall /var/lib/hall/hall.sqlite
}

# halld as the unit starts it (user hall, the conffile), on $port.
start_halld() {
  chroot --userspec=hall:hall "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
    /usr/lib/hall/halld --set listen.port="$port" >>"$root/var/tmp/halld.log" 2>&1 &
  echo $! >"$root/var/tmp/halld.pid"
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$root/var/tmp/halld.pid")" 2>/dev/null || fail "halld exited at start"
    sleep 0.5
  done
  fail "halld did not answer /healthz within 60 s"
}

stop_halld() {
  [ -f "$root/var/tmp/halld.pid" ] || return 0
  local pid
  pid=$(cat "$root/var/tmp/halld.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$root/var/tmp/halld.pid"
}

# The first address of this machine that is not loopback: what the hall's LAN reaches.
lan_address() { hostname -I | tr ' ' '\n' | grep -v '^127\.' | grep -v ':' | head -n 1; }

check_healthz() {
  step "GET $1/healthz from outside the root, on the LAN address"
  if ! curl -fsS "$1/healthz" >/dev/null; then
    curl -sS "$1/healthz" | head -c 600 >&2 || true
    fail "/healthz does not answer on $1"
  fi
}

sign_in() {
  token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
    "http://127.0.0.1:$port/api/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') ||
    fail "sign-in as $1 failed"
}

# expect_json PATH PYTHON-EXPRESSION-ON-j
expect_json() {
  local auth=()
  [ -z "$token" ] || auth=(-H "Authorization: Bearer $token")
  curl -fsS "${auth[@]}" "http://127.0.0.1:$port$1" |
    python3 -c "import json,sys; j=json.load(sys.stdin); sys.exit(0 if ($2) else 1)" || fail "GET $1: expected $2"
}

issue_ticket() {
  curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"service":"综合窗口"}' \
    "http://127.0.0.1:$port/api/tickets" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ticket"]["number"])' ||
    fail "the ticket was not issued"
}

# The emulated printer writes each printout as a PNG under the state folder; its QR code is read back.
check_ticket_qr() {
  local png=""
  for _ in $(seq 1 20); do
    png=$(grep -l "$1" "$root"/var/lib/hall/printed/*.txt 2>/dev/null | tail -n 1 | sed 's/\.txt$/.png/')
    [ -n "$png" ] && [ -f "$png" ] && break
    sleep 0.5
  done
  [ -n "$png" ] || fail "no printout of ticket $1 under /var/lib/hall/printed"
  local url
  url=$(zbarimg --quiet --raw "$png") || fail "no QR code on $png"
  case "$url" in "$2"*) echo "QR: $url" ;; *) fail "the QR code carries $url, not $2…" ;; esac
}
