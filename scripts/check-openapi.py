#!/usr/bin/env python3
"""Checks that the OpenAPI document tells the truth about access and the statuses every route can answer:
- a route with a JSON body answers 400 (malformed JSON, invalid text) and 413 (body too large);
- every route answers 401 to a token that is invalid or expired, public ones too;
- a state-changing route answers 503 (storage_full: the disk is full);
- a route with parameters answers 400 (a value that is not what the document says), and one with
  a path parameter 404 (nothing by that name);
- every route of the server's permission table (Sources/HallServer/Accounts/RoutePermissions.swift)
  is documented, states 401 (and 403 unless any signed-in caller may), and its `security` does not
  offer anonymous access; every other documented route is public (its `security` allows anonymous).
Usage: scripts/check-openapi.py [--fix] [document]  (--fix adds the missing statuses and security)"""
import re
import sys

import yaml

REFS = {
    "400": '{ $ref: "#/components/responses/Error" }',
    "401": '{ $ref: "#/components/responses/Unauthorized" }',
    "403": '{ $ref: "#/components/responses/Forbidden" }',
    "404": '{ $ref: "#/components/responses/Error" }',
    "413": '{ $ref: "#/components/responses/Error" }',
    "503": '{ $ref: "#/components/responses/StorageFull" }',
}
CHANGING = {"post", "put", "patch", "delete"}
PERMISSIONS = "Sources/HallServer/Accounts/RoutePermissions.swift"
SIGNED_IN = "[{ bearerAuth: [] }, { cookieAuth: [] }]"
ENTRY = re.compile(r'^\s*"(GET|POST|PUT|PATCH|DELETE) (/[^"]*)": \.(anyone|signedIn|permission|anyOf)', re.M)


def shape(path):
    """A path with every parameter (and what follows it in its segment, as in `{kind}.pdf`) as `{}`,
    so that the document's names and the router's can differ."""
    return re.sub(r"\{[^}]*\}[^/]*", "{}", path)


def requirements():
    """`(method, path shape)` → `anyone`, `signedIn`, `permission` or `anyOf`, from the server's table."""
    with open(PERMISSIONS, encoding="utf-8") as f:
        return {(m.group(1).lower(), shape(m.group(2))): m.group(3) for m in ENTRY.finditer(f.read())}


def operations(document):
    for path, ops in document["paths"].items():
        for method, op in ops.items():
            if isinstance(op, dict) and "responses" in op:
                yield path, method, op


def parameter_places(document, path, op):
    """Where the operation's parameters go (`path`, `query`, ...), `$ref`s resolved."""
    places = set()
    for parameter in document["paths"][path].get("parameters", []) + op.get("parameters", []):
        if "$ref" in parameter:
            parameter = document["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[1]]
        places.add(parameter["in"])
    return places


def gaps(document, table):
    """`(path, method, what)` for every untruth: a status code missing, or `security` wrong."""
    out = []
    documented = set()
    global_security = document.get("security", [{}])
    for path, method, op in operations(document):
        documented.add((method, shape(path)))
        need = table.get((method, shape(path)), "anyone")
        statuses = {"401"}  # a presented token that is invalid or expired, whatever the route
        if "requestBody" in op:
            statuses |= {"400", "413"}
        if method in CHANGING:
            statuses.add("503")  # storage_full
        places = parameter_places(document, path, op)
        if places:
            statuses.add("400")  # a parameter that is not what the document says
        if "path" in places:
            statuses.add("404")  # the thing a path parameter names may not exist
        if need != "anyone":
            statuses |= set() if need == "signedIn" else {"403"}
        have = {str(k) for k in op["responses"]}
        out += [(path, method, status) for status in sorted(statuses - have)]
        anonymous = {} in op.get("security", global_security)
        if need != "anyone" and anonymous:
            out.append((path, method, "security"))
        if need == "anyone" and not anonymous:
            out.append((path, method, "public"))
    out += [(path, method, "undocumented") for method, path in sorted(set(table) - documented)]
    return out


def fix(lines, found):
    """Adds each missing status to its operation's `responses` (block or flow style), and the
    signed-in `security` to each protected operation that offers anonymous access."""
    for path, method, what in sorted(found, reverse=True):
        if what in ("public", "undocumented"):
            continue
        p = next(i for i, l in enumerate(lines) if l.rstrip() == f"  {path}:")
        m = next(i for i in range(p + 1, len(lines)) if lines[i].rstrip() == f"    {method}:")
        end = next((i for i in range(m + 1, len(lines)) if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= 4), len(lines))
        if what == "security":
            s = next((i for i in range(m + 1, end) if lines[i].startswith("      security:")), None)
            if s is None:
                lines.insert(m + 1, f"      security: {SIGNED_IN}\n")
            else:
                lines[s] = f"      security: {SIGNED_IN}\n"
            continue
        r = next(i for i in range(m + 1, end) if lines[i].startswith("      responses:"))
        if lines[r].rstrip() == "      responses:":
            lines.insert(r + 1, f'        "{what}": {REFS[what]}\n')
        else:
            body = lines[r].rstrip()
            assert body.endswith("}"), body
            lines[r] = body[:-1].rstrip() + f', "{what}": {REFS[what]} }}\n'
    return lines


def describe(path, method, what):
    if what == "security":
        return f"{method.upper()} {path}: needs credentials, but its `security` offers anonymous access"
    if what == "public":
        return f"{method.upper()} {path}: is public, but its `security` does not offer anonymous access"
    if what == "undocumented":
        return f"{method.upper()} {path}: is in {PERMISSIONS} but not in the document"
    return f"{method.upper()} {path}: the document does not say it can answer {what}"


def main():
    args = [a for a in sys.argv[1:] if a != "--fix"]
    path = args[0] if args else "Sources/HallServer/Resources/openapi.yaml"
    table = requirements()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found = gaps(yaml.safe_load(text), table)
    if found and "--fix" in sys.argv:
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(fix(text.splitlines(keepends=True), found))
        with open(path, encoding="utf-8") as f:
            found = gaps(yaml.safe_load(f.read()), table)
    for entry in found:
        print(describe(*entry), file=sys.stderr)
    if found:
        sys.exit(1)
    print(f"check-openapi: every route states 401, the {len(table)} protected ones 403 and need credentials;"
          " bodies state 400/413, parameters 400, path parameters 404, writes 503")


if __name__ == "__main__":
    main()
