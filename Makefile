# Hall — the two commands a newcomer needs:
#   make run    installs what is missing, builds, and starts halld on its embedded defaults
#   make test   installs what the tests need and runs every test
SWIFT ?= swift
PORT ?= 8080

.PHONY: run test fuzz build bench release deb package-test install clean format

build:
	scripts/deps.sh run
	$(SWIFT) build --product halld
	$(SWIFT) build --product hallctl

# Demo mode: seeds the documented demo accounts and device tokens on first start (see README).
run: build
	mkdir -p var
	.build/debug/halld --port $(PORT) --set accounts.demoAccounts=true

test:
	scripts/deps.sh test
	mkdir -p artifacts/screenshots
	scripts/test-prepare.sh
	scripts/check-lines.sh
	.venv-test/bin/python scripts/check-openapi.py
	SWIFT=$(SWIFT) scripts/build-checked.sh --build-tests
	# Serial: device tests block threads on real I/O (ptys, sockets, libsane, child processes);
	# run in parallel on two cores they starve each other's timers. About a minute either way.
	HALL_PYTHON=$(CURDIR)/.venv-test/bin/python $(SWIFT) test --skip-build --no-parallel
	# schemathesis against a live halld as each caller (docs/api.md#fuzzing-the-api), at most 5 minutes.
	.venv-test/bin/python scripts/fuzz-api.py

# The fuzzing run of make test alone: schemathesis against a live demo halld, through its own
# OpenAPI document, as each caller (anonymous, kiosk, screen, rating pad, clerk, reviewer, head,
# admin); see docs/api.md.
fuzz:
	scripts/deps.sh test
	scripts/test-prepare.sh
	$(SWIFT) build --product halld
	.venv-test/bin/python scripts/fuzz-api.py

# Only what ships (halld, hallctl, hall-hub): the test-only targets (umockdev) are not built. The
# Swift runtime is linked statically, so the binaries run on a Debian 12 without a Swift toolchain.
release:
	scripts/deps.sh run
	$(SWIFT) build -c release --static-swift-stdlib --product halld
	$(SWIFT) build -c release --static-swift-stdlib --product hallctl
	$(SWIFT) build -c release --static-swift-stdlib --product hall-hub

# The Debian package build/hall_<version>_<arch>.deb (docs/install.md).
deb: release
	scripts/deps.sh deb
	scripts/build-deb.sh

# Installs the package in a debootstrap'd Debian 12 and checks it there (docs/install.md).
package-test: deb
	scripts/deps.sh deb
	$$([ "$$(id -u)" -eq 0 ] || echo sudo) scripts/test-deb.sh

bench:
	scripts/deps.sh bench
	$(SWIFT) build -c release --static-swift-stdlib --product hall-bench  # as release: one set of release objects
	scripts/python-venv.sh
	HALL_PYTHON=$(CURDIR)/.venv-test/bin/python .build/release/hall-bench

# Builds the package and installs it on this machine with apt (its dependencies with it).
install: deb
	$$([ "$$(id -u)" -eq 0 ] || echo sudo) apt-get install -y "./$$(ls -t build/hall_*.deb | head -n 1)"

# Formats every Swift file of ours with the toolchain's swift-format (.swift-format).
format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

clean:
	rm -rf .build var build
