"""schemathesis hooks for scripts/fuzz-api.py (loaded through SCHEMATHESIS_HOOKS).

The OpenAPI document states one rule for every string of a request in its description instead of
on each of its hundreds of string schemas: Unicode text without control characters (line breaks
and tabs allowed), bidirectional overrides or isolates, or unpaired surrogates (TextRules in
HallCore; the server answers 400 invalid_text). OpenAPI 3.0 cannot attach a rule to every string,
so the fuzzer applies it here: in the body strings of the cases it generates as valid, each of those
characters becomes an `x` (keeping lengths and patterns such as "not blank"), so that "valid data
refused" means a real disagreement. Cases generated as invalid are left as they are.

A staff caller does not manage its own account (a password reset ends the caller's sessions and
a change of roles its permissions, like signing out, which the runs leave to the anonymous caller
too); the other accounts, the server's refusals to act on oneself and every other route are fuzzed.

A voice clip's upload (PUT /api/voice-packs/…, `audio/wav`) is sent as the raw bytes generated for
its binary body, as schemathesis sends `application/octet-stream`.
"""
import os
import re

import schemathesis

schemathesis.serializer.alias("audio/wav", "application/octet-stream")

# The signed-in caller's own user name (scripts/fuzz-api.py sets it for staff runs).
OWN_USERNAME = os.environ.get("HALL_FUZZ_USERNAME")

REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(value):
    if isinstance(value, str):
        return REFUSED.sub("x", value)
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return case
    if isinstance(case.body, (dict, list, str)):
        case.body = clean(case.body)
    return case


@schemathesis.hook
def filter_case(context, case):
    return not (
        OWN_USERNAME
        and case.operation.path.startswith("/api/accounts/{username}")
        and (case.path_parameters or {}).get("username") == OWN_USERNAME
    )
