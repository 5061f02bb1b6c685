#!/usr/bin/env bash
# Prepares what the tests need beyond packages (idempotent). Each device-specific script adds
# its own step here.
set -euo pipefail
cd "$(dirname "$0")/.."
for step in scripts/python-venv.sh scripts/test-services.sh scripts/sane-fault-backend.sh; do
  if [ -x "$step" ]; then "$step"; fi
done
