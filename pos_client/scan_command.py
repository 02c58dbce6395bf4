"""`pos-client scan`: decode the codes in image files, as the till's camera would.

One line per file. A product is a number the terminal's catalog knows; without a configured
terminal, any retail number with a correct check digit counts as one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pos_client.core.identity import IdentityRules, classify
from pos_client.scanner.decoders import CascadeDecoder, Decoder
from pos_client.scanner.sources import IMAGE_SUFFIXES, read_image


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        else:
            yield path


def scan_file(
    path: Path,
    decoder: Decoder,
    is_product: Callable[[str], bool],
    rules: IdentityRules,
    is_weighed: Callable[[str], bool] = lambda _plu: False,
) -> dict[str, Any]:
    try:
        image = read_image(path)
    except (OSError, ValueError) as exc:
        return {
            "file": str(path),
            "error": str(exc) if isinstance(exc, ValueError) else f"{path}: {exc.strerror or exc}",
        }
    start = time.perf_counter()
    codes = decoder.decode(image)
    elapsed = (time.perf_counter() - start) * 1000
    return {
        "file": str(path),
        "codes": [
            {
                "format": code.format,
                "text": code.text,
                "kind": classify(
                    code.text, rules, is_product=is_product, is_weighed=is_weighed
                ).kind.value,
            }
            for code in codes
        ],
        "ms": round(elapsed, 1),
    }


def _line(entry: dict[str, Any], as_json: bool) -> str:
    if as_json:
        return json.dumps(entry, ensure_ascii=False)
    if "error" in entry:
        return f"{entry['file']}: cannot read: {entry['error']}"
    if not entry["codes"]:
        return f"{entry['file']}: no code found ({entry['ms']} ms)"
    found = "; ".join(f"{c['format']} {c['text']!r} ({c['kind']})" for c in entry["codes"])
    return f"{entry['file']}: {found} ({entry['ms']} ms)"


def scan_files(
    paths: Iterable[Path],
    *,
    as_json: bool,
    is_product: Callable[[str], bool],
    is_weighed: Callable[[str], bool] = lambda _plu: False,
    rules: IdentityRules | None = None,
    write: Callable[[str], None] = print,
) -> int:
    """Print a line per file; 1 when some file could not be read, else 0."""
    decoder, status = CascadeDecoder(), 0
    for path in _files(paths):
        entry = scan_file(path, decoder, is_product, rules or IdentityRules(), is_weighed)
        status = max(status, 1 if "error" in entry else 0)
        write(_line(entry, as_json))
    return status
