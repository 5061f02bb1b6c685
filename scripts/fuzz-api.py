#!/usr/bin/env python3
"""Fuzzes a live halld with schemathesis through its own OpenAPI document, as each role.

Starts the built halld (demo accounts, emulated devices) on a free port and a temporary state
directory, signs in each demo account, then runs `st run` once per caller: anonymous, each
device token (on the routes devices use), each staff role (every route). The callers run in two
lanes side by side, one for the anonymous and device callers, one for staff, so that the run fits
in its five minutes on two cores. Fails when schemathesis reports any failure (a 5xx, a response
or status the document does not state, valid data refused, invalid data accepted, ...) or when
halld is no longer running after a caller's run. halld is always stopped at the end.

Usage: .venv-test/bin/python scripts/fuzz-api.py [--halld PATH] [--max-examples N] [--seed N]
                                                 [--only ROLE,...] [--keep]
Environment: HALL_FUZZ_MAX_EXAMPLES, HALL_FUZZ_SEED override the defaults below.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO_PASSWORD = "hall-demo"

# Two lanes of callers that run side by side, each in this order. Device tokens are configured, not
# accounts, so nothing the staff lane does can take them away; within the staff lane the callers
# that can change accounts and settings come last, so a fuzzed change (a deactivated account, a
# changed opening hour) cannot hide what the others find.
LANES = [
    [
        ("anonymous", None),
        ("kiosk", "device:demo-kiosk-token-0001"),
        ("screen", "device:demo-screen-token-0001"),
        ("rating_pad", "device:demo-pad-token-0003"),
    ],
    [("clerk", "staff:clerk3"), ("reviewer", "staff:reviewer"), ("head", "staff:head"), ("admin", "staff:admin")],
]

# What a device is fuzzed on: the routes that take any signed-in caller, its own, and one it may not
# use (403). The anonymous and staff runs cover every route.
DEVICE_COMMON = [
    "GET /api/session", "GET /api/voice", "GET /api/posts", "GET /api/appointment-slots/duty",
    "POST /api/windows/{window}/call-next",
]
DEVICE_ROUTES = {
    "kiosk": ["POST /api/tickets", "POST /api/appointments/check-in", "POST /api/idcard/tickets", "POST /api/idcard/check-in"],
    "screen": [],
    "rating_pad": ["GET /api/rating-pad", "POST /api/rating-pad"],
}

# The coverage phase (every boundary value and type of every parameter and property, the same for
# any caller) runs for the anonymous caller, the devices and the center head, who may call nearly
# every route; the clerk, the reviewer and the administrator get the examples, random cases and
# stateful sequences, which is where their roles make a difference. Keeps the run within 5 minutes.
PHASES = {"clerk": "examples,fuzzing,stateful", "reviewer": "examples,fuzzing,stateful", "admin": "examples,fuzzing,stateful"}

# Operations a signed-in caller does not fuzz: signing out or changing the password would end the
# caller's own session and leave the rest of its run unauthenticated. The anonymous run covers them.
SIGNED_IN_EXCLUDES = ["DELETE /api/session", "PUT /api/session/password"]


# The schemathesis processes running now, stopped with halld when the run is interrupted.
RUNNING = set()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url, method="GET", body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=10) as response:
        return response.status, json.loads(response.read() or b"null")


class Daemon:
    """halld as a child process in its own process group; `stop` always ends it."""

    def __init__(self, binary, state):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(state, "halld.log")
        self.log = open(self.log_path, "wb")
        settings = [
            "accounts.demoAccounts=true", "accounts.passwordCost=4",
            "extendedHours.refuseTicketsAfterClosing=false", f'stateDirectory="{state}"',
        ]
        args = [binary, "--port", str(self.port), "--database", os.path.join(state, "hall.sqlite")]
        for setting in settings:
            args += ["--set", setting]
        self.process = subprocess.Popen(args, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)

    def wait_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=2).read()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"halld did not answer /healthz within {seconds} s")

    def check_alive(self):
        code = self.process.poll()
        if code is not None:
            how = f"signal {-code}" if code < 0 else f"status {code}"
            raise RuntimeError(f"halld exited ({how}); the end of its log:\n{self.tail()}")

    def tail(self, lines=40):
        self.log.flush()
        with open(self.log_path, "rb") as f:
            return b"\n".join(f.read().splitlines()[-lines:]).decode(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def staff_name(credential):
    """The user name of a staff credential (`staff:NAME`), None for a device or anonymous."""
    return credential.split(":", 1)[1] if credential and credential.startswith("staff:") else None


def token_for(daemon, credential):
    if credential is None:
        return None
    kind, value = credential.split(":", 1)
    if kind == "device":
        return value
    status, body = request(f"{daemon.base}/api/session", "POST", {"username": value, "password": DEMO_PASSWORD})
    if status != 201:
        raise RuntimeError(f"signing in {value} answered {status}")
    return body["token"]


def fuzz(daemon, role, token, username, args, report_dir, output_lock):
    command = [
        os.path.join(os.path.dirname(sys.executable), "st"), "--config-file", os.path.join(ROOT, "scripts/fuzz-api.toml"),
        "run", f"{daemon.base}/openapi.yaml",
        "--url", daemon.base, "--checks", "all", "--max-examples", str(args.max_examples),
        "--seed", str(args.seed), "--workers", "1",
        "--report", "junit", "--report-junit-path", os.path.join(report_dir, f"{role}.xml"),
        "--no-color", "--output-truncate", "false", "--generation-database", "none",
        # Hypothesis' health checks judge the generator (too slow on a busy machine, too many drawn
        # values filtered), not the API: they would fail a run for the machine's load or the seed.
        "--suppress-health-check", "all",
    ]
    if role in PHASES:
        command += ["--phases", PHASES[role]]
    command += args.extra
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
        for operation in SIGNED_IN_EXCLUDES:
            command += ["--exclude-name", operation]
    for operation in (DEVICE_COMMON + DEVICE_ROUTES[role]) if role in DEVICE_ROUTES else []:
        command += ["--include-name", operation]
    started = time.monotonic()
    environment = dict(os.environ, SCHEMATHESIS_HOOKS="fuzz_hooks", PYTHONPATH=os.path.join(ROOT, "scripts"))
    if username:
        environment["HALL_FUZZ_USERNAME"] = username
    log_path = os.path.join(report_dir, f"{role}.log")
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=report_dir, env=environment, stdout=log, stderr=subprocess.STDOUT)
        RUNNING.add(process)
        code = process.wait()
        RUNNING.discard(process)
    with output_lock, open(log_path, encoding="utf-8", errors="replace") as log:
        print(f"== fuzz-api: {role}", flush=True)
        sys.stdout.write(log.read())
        print(f"== fuzz-api: {role}: exit {code} in {time.monotonic() - started:.0f} s", flush=True)
    return code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--halld", default=os.path.join(ROOT, ".build/debug/halld"))
    parser.add_argument("--max-examples", type=int, default=int(os.environ.get("HALL_FUZZ_MAX_EXAMPLES", "5")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("HALL_FUZZ_SEED", "16")))
    parser.add_argument("--only", default="")
    parser.add_argument("--keep", action="store_true", help="keep the state directory and reports")
    args, args.extra = parser.parse_known_args()
    only = set(filter(None, args.only.split(",")))
    state = tempfile.mkdtemp(prefix="hall-fuzz-")
    report_dir = os.path.join(state, "reports")
    os.makedirs(report_dir)
    started = time.monotonic()
    # SIGTERM (make interrupted, a CI timeout) unwinds like Ctrl-C, so halld is always stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    daemon = Daemon(args.halld, state)
    failed = []
    try:
        daemon.wait_ready()
        lanes = [
            [(role, token_for(daemon, credential), staff_name(credential)) for role, credential in lane if not only or role in only]
            for lane in LANES
        ]
        output_lock = threading.Lock()

        def run_lane(callers):
            for role, token, username in callers:
                if daemon.process.poll() is not None:
                    return
                if fuzz(daemon, role, token, username, args, report_dir, output_lock) != 0:
                    failed.append(role)

        threads = [threading.Thread(target=run_lane, args=(lane,)) for lane in lanes if lane]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        daemon.check_alive()
    except RuntimeError as error:
        print(f"fuzz-api: {error}", file=sys.stderr)
        failed.append("halld")
    finally:
        for process in list(RUNNING):
            process.kill()
        daemon.stop()
        if not args.keep and not failed:
            shutil.rmtree(state, ignore_errors=True)
    elapsed = time.monotonic() - started
    if failed:
        print(f"fuzz-api: FAILED for {', '.join(failed)} after {elapsed:.0f} s (state and reports in {state})", file=sys.stderr)
        sys.exit(1)
    print(f"fuzz-api: no failure as any caller, {elapsed:.0f} s")


if __name__ == "__main__":
    main()
