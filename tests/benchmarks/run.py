"""Benchmarks: `python tests/benchmarks/run.py NAME [--json]`. Not part of the test run.

They print one JSON object of figures, measured side by side in one run, with ratios.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks import pricing, scan, startup, sync, ui, workday

BENCHMARKS: dict[str, Callable[[], dict[str, object]]] = {
    "pricing": pricing.run,
    "scan": scan.run,
    "startup": startup.run,
    "sync": sync.run,
    "ui": ui.run,
    "workday": workday.run,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name", choices=sorted(BENCHMARKS))
    parser.add_argument("--json", action="store_true", help="print one JSON object only")
    args = parser.parse_args()
    figures = BENCHMARKS[args.name]()
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        for key, value in sorted(figures.items()):
            print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
