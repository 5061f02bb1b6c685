#!/usr/bin/env bash
# A private Python environment for the cross-checks and baselines that use PyPI packages
# (chinesecalendar: China's working days; python-escpos: the ticket-encoding baseline; PyYAML: the
# OpenAPI document's check; schemathesis: the API fuzzing run, scripts/fuzz-api.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-test
pins=(chinesecalendar==1.11.0 python-escpos==3.1 PyYAML==6.0.3 schemathesis==4.32.5)
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# Up to date when every pin is installed at its version.
"$venv/bin/python" - "${pins[@]}" <<'PY' 2>/dev/null && exit 0
import sys
from importlib.metadata import version
sys.exit(any(version(name) != wanted for name, wanted in (pin.split("==") for pin in sys.argv[1:])))
PY
"$venv/bin/pip" install -q --disable-pip-version-check "${pins[@]}"
