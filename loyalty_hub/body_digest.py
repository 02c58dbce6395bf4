"""One spelling of a transaction's body, so that the same body sent again has the same digest.

A key sent again with the same body is a duplicate; with another body it is a reused key. The
spelling: keys sorted, no spaces, text in UTF-8 rather than escaped, written by orjson.

Hubs before this one wrote bodies with Python's json module. The two spell every body alike
except for floats that have a fraction and are below 1e-4 (json writes 1e-05, orjson
0.00001). No transaction body holds one (its numbers are whole: kopecks, points, grams), so
the digests those hubs stored still match the bodies sent again.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import orjson


class NotUnicode(ValueError):
    """The body holds text that has no UTF-8 spelling (a lone surrogate such as "\\ud800")."""


def canonical_body(body: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(body, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:  # an integer beyond 64 bits, or a lone surrogate
        text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise NotUnicode(str(exc)) from exc


def body_digest(canonical: bytes) -> str:
    return hashlib.sha256(canonical).hexdigest()
