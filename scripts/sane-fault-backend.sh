#!/usr/bin/env bash
# Builds the SANE backend that misbehaves on purpose (Tests/HallScannerTests/Fixtures/sane-fault/
# hallfault.c) as artifacts/sane-fault/libsane-hallfault.so.1, for the tests of scanning in a child
# process: libsane's dll backend loads it when a test's dll.conf names `hallfault` and the folder
# is on LD_LIBRARY_PATH. Rebuilt only when the source is newer.
set -euo pipefail
cd "$(dirname "$0")/.."
source=Tests/HallScannerTests/Fixtures/sane-fault/hallfault.c
out=artifacts/sane-fault/libsane-hallfault.so.1
[ -f "$out" ] && [ "$out" -nt "$source" ] && exit 0
compiler=${CC:-$(command -v cc || command -v clang || true)}
[ -n "$compiler" ] || { echo "sane-fault-backend: no C compiler (cc or clang) on PATH" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
"$compiler" -shared -fPIC -O1 -Wall -Wextra -Werror -o "$out.tmp" "$source" -lpthread
mv "$out.tmp" "$out"
echo "sane-fault-backend: built $out"
