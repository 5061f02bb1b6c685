#!/usr/bin/env bash
# Builds with `swift build "$@"` and fails when the compiler warns about our own code (Sources/,
# Tests/, Package.swift). Warnings in dependencies do not count. The build's output is kept in
# .build/build-warnings.log.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
identity=$(basename "$root" | tr '[:upper:]' '[:lower:]')   # SwiftPM names the root package after its folder
log=.build/build-warnings.log
mkdir -p .build
${SWIFT:-swift} build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] && exit "$status"
ours=$(grep -E "^($root/)?(Sources|Tests)/[^:]+:[0-9]+:[0-9]+: warning:|^warning: '$identity':" "$log" | sort -u)
if [ -n "$ours" ]; then
  echo "the build warns about our own code (fix it; CI keeps the build warning-free):" >&2
  echo "$ours" >&2
  exit 1
fi
echo "build-checked: no warning in Sources/ or Tests/"
