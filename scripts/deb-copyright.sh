#!/usr/bin/env bash
# Writes the package's copyright file into the doc folder given ($1): Hall's own notice, then
# every Swift package linked into the binaries, with its license file copied under licenses/.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=$1

{
  cat <<'EOF'
Hall: software for the hall of a town convenience-service center.

Copyright 2026 the Hall developers.

The binaries halld, hallctl and hall-hub are statically linked with the Swift standard
library, Foundation and Dispatch (Apache License 2.0 with the Runtime Library
Exception, https://swift.org/LICENSE.txt) and with the Swift packages below.
Each package's own license file is in /usr/share/doc/hall/licenses/.
On Debian systems the Apache License 2.0 is in
/usr/share/common-licenses/Apache-2.0.

EOF
  for checkout in .build/checkouts/*/; do
    name=$(basename "$checkout")
    license=$(find "$checkout" -maxdepth 1 -iname 'LICENSE*' -type f | sort | head -n 1)
    [ -n "$license" ] || continue
    install -m 0644 "$license" "$doc/licenses/$name"
    # Apache-2.0 NOTICE files travel with the binaries (swift-nio-ssl's names the BoringSSL it bundles).
    notice=$(find "$checkout" -maxdepth 1 -iname 'NOTICE*' -type f | sort | head -n 1)
    [ -z "$notice" ] || install -m 0644 "$notice" "$doc/licenses/$name.NOTICE"
    first=$(grep -m1 -v '^[[:space:]]*$' "$license" | sed 's/^[[:space:]]*//')
    printf '%s: %s\n' "$name" "$first"
  done
} >"$doc/copyright"
chmod 0644 "$doc/copyright"
