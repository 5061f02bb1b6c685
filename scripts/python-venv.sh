#!/usr/bin/env bash
# A private Python environment for the cross-checks and baselines that use PyPI packages
# (chinesecalendar: China's working days; python-escpos: the ticket-encoding baseline; PyYAML: the
# OpenAPI document's check).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-test
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import chinese_calendar, escpos, yaml" 2>/dev/null && exit 0
"$venv/bin/pip" install -q --disable-pip-version-check chinesecalendar==1.11.0 python-escpos==3.1 PyYAML==6.0.3
