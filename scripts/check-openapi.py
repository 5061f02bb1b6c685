#!/usr/bin/env python3
"""Checks that the OpenAPI document states the statuses every route can answer:
a route with a JSON body answers 400 (malformed JSON, invalid text) and 413 (body too large);
a state-changing route that needs credentials answers 401 and 403;
a state-changing route answers 503 (storage_full: the disk is full).
Usage: scripts/check-openapi.py [--fix] [document]"""
import sys

import yaml

REFS = {
    "400": '{ $ref: "#/components/responses/Error" }',
    "401": '{ $ref: "#/components/responses/Unauthorized" }',
    "403": '{ $ref: "#/components/responses/Forbidden" }',
    "413": '{ $ref: "#/components/responses/Error" }',
    "503": '{ $ref: "#/components/responses/StorageFull" }',
}
CHANGING = {"post", "put", "patch", "delete"}


def wanted(op, method):
    statuses = set()
    if "requestBody" in op:
        statuses |= {"400", "413"}
    if method in CHANGING and op.get("security") != [{}]:
        statuses |= {"401", "403"}
    if method in CHANGING:
        statuses.add("503")
    return statuses


def missing(document):
    out = []
    for path, ops in document["paths"].items():
        for method, op in ops.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            have = {str(k) for k in op["responses"]}
            for status in sorted(wanted(op, method) - have):
                out.append((path, method, status))
    return out


def fix(lines, gaps):
    """Adds each missing status to its operation's `responses`, block or flow style."""
    for path, method, status in sorted(gaps, reverse=True):
        p = next(i for i, l in enumerate(lines) if l.rstrip() == f"  {path}:")
        m = next(i for i in range(p + 1, len(lines)) if lines[i].rstrip() == f"    {method}:")
        end = next((i for i in range(m + 1, len(lines)) if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= 4), len(lines))
        r = next(i for i in range(m + 1, end) if lines[i].startswith("      responses:"))
        if lines[r].rstrip() == "      responses:":
            last = next((i for i in range(r + 1, end) if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= 6), end)
            lines.insert(last, f'        "{status}": {REFS[status]}\n')
        else:
            body = lines[r].rstrip()
            assert body.endswith("}"), body
            lines[r] = body[:-1].rstrip() + f', "{status}": {REFS[status]} }}\n'
    return lines


def main():
    args = [a for a in sys.argv[1:] if a != "--fix"]
    path = args[0] if args else "Sources/HallServer/Resources/openapi.yaml"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    gaps = missing(yaml.safe_load(text))
    if gaps and "--fix" in sys.argv:
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(fix(text.splitlines(keepends=True), gaps))
        with open(path, encoding="utf-8") as f:
            gaps = missing(yaml.safe_load(f.read()))
    for path_, method, status in gaps:
        print(f"{method.upper()} {path_}: the document does not say it can answer {status}", file=sys.stderr)
    if gaps:
        sys.exit(1)
    print("check-openapi: every route states its 400/413 (bodies), 401/403 (credentials) and 503 (writes)")


if __name__ == "__main__":
    main()
