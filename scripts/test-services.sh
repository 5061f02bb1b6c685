#!/bin/sh
# Starts the system services that Hall's printing tests need and that a container or CI
# machine without systemd does not run by itself:
#   - a D-Bus system bus (at the standard /run/dbus/system_bus_socket), and
#   - avahi-daemon (DNS-SD), without which ippeveprinter exits with
#     "Unable to initialize DNS-SD".
# ippeveprinter itself is started by each test on its own free port and spool directory.
#
# Idempotent: running services are left alone; stale pid files and sockets left behind by
# a killed daemon are removed before starting again. Needs root (as `make test` on CI).
# Exit status 0 when both services answer, 1 otherwise (with the reason on stderr).
set -u

BUS_DIR=/run/dbus
BUS_SOCKET="$BUS_DIR/system_bus_socket"
BUS_PID_FILE="$BUS_DIR/pid"
AVAHI_PID_FILE=/run/avahi-daemon/pid

say() { echo "test-services: $*" >&2; }

# Is the process whose id is in file $1 alive? A zombie (killed, not yet reaped by an init
# that reaps lazily, as in some sandboxes) counts as dead.
pid_file_alive() {
    [ -s "$1" ] || return 1
    pid=$(cat "$1" 2>/dev/null)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    state=$(sed -n 's/^[0-9]* (.*) \([A-Z]\).*/\1/p' "/proc/$pid/stat" 2>/dev/null)
    [ "$state" != "Z" ] && [ "$state" != "X" ]
}

bus_answers() {
    dbus-send --system --print-reply --reply-timeout=2000 --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.GetId >/dev/null 2>&1
}

avahi_answers() {
    dbus-send --system --print-reply --reply-timeout=2000 --dest=org.freedesktop.Avahi \
        / org.freedesktop.Avahi.Server.GetVersionString >/dev/null 2>&1
}

# Waits up to ~10 s for command $1 to succeed.
wait_for() {
    i=0
    while [ $i -lt 50 ]; do
        "$1" && return 0
        sleep 0.2
        i=$((i + 1))
    done
    return 1
}

require() {
    command -v "$1" >/dev/null 2>&1 || { say "missing program '$1' (install package $2)"; exit 1; }
}

require dbus-daemon dbus
require dbus-send dbus
require avahi-daemon avahi-daemon
if [ "$(id -u)" -ne 0 ]; then
    if bus_answers && avahi_answers; then exit 0; fi
    say "must run as root to start the D-Bus system bus and avahi-daemon"
    exit 1
fi

start_bus() {
    if bus_answers; then return 0; fi
    # A daemon that died leaves its pid file and socket; dbus-daemon refuses to start over them.
    if ! pid_file_alive "$BUS_PID_FILE"; then
        rm -f "$BUS_PID_FILE" "$BUS_SOCKET"
    fi
    mkdir -p "$BUS_DIR"
    dbus-uuidgen --ensure 2>/dev/null || true
    # The daemons' standard streams go nowhere: a caller reading this script's stderr to its end
    # (the test support does) would otherwise wait for as long as the daemons live.
    dbus-daemon --system --fork </dev/null >/dev/null 2>&1 || say "dbus-daemon --system --fork failed"
    wait_for bus_answers || { say "the D-Bus system bus does not answer at $BUS_SOCKET"; exit 1; }
    say "started the D-Bus system bus"
}

start_avahi() {
    if avahi_answers; then return 0; fi
    if pid_file_alive "$AVAHI_PID_FILE"; then
        # Running but not (yet) on the bus, e.g. it started before the bus did: restart it.
        avahi-daemon --kill 2>/dev/null || true
        sleep 0.5
    fi
    rm -f "$AVAHI_PID_FILE"
    mkdir -p /run/avahi-daemon
    avahi-daemon --no-drop-root --no-chroot --no-rlimits -D </dev/null >/dev/null 2>&1 || say "avahi-daemon -D failed"
    wait_for avahi_answers || { say "avahi-daemon does not answer on the system bus"; exit 1; }
    say "started avahi-daemon"
}

start_bus
start_avahi
exit 0
