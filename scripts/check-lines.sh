#!/usr/bin/env bash
# Fails when a Swift line of ours is longer than the formatter's limit (.swift-format: 150):
# `swift format` cannot break long string literals, so they are split by hand. Also fails on a
# merge's conflict markers left in any tracked file.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=$(python3 -c 'import json; print(json.load(open(".swift-format"))["lineLength"])')
long=$(git ls-files 'Sources/*.swift' 'Tests/*.swift' Package.swift \
  | xargs python3 -c '
import sys
limit = int(sys.argv[1])
for path in sys.argv[2:]:
    for number, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if len(line) > limit:
            print(f"{path}:{number}: {len(line)} characters")
' "$limit")
if [ -n "$long" ]; then
  echo "lines over $limit characters (make format, then split what remains):" >&2
  echo "$long" >&2
  exit 1
fi
if markers=$(git grep -n -E '^(<<<<<<<|>>>>>>>) ' -- . ':!scripts/check-lines.sh'); then
  echo "conflict markers left by a merge:" >&2
  echo "$markers" >&2
  exit 1
fi
echo "check-lines: every Swift line is at most $limit characters; no conflict markers"
