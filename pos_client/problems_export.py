"""Dead letters and conflicts as a CSV file store staff can send to the programme's office."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from pos_client.store.journal import Problem

COLUMNS = ("list", "kind", "key", "receipt", "reason", "overdraft", "at", "total", "member_id")


def problem_row(problem: Problem) -> dict[str, object]:
    body = json.loads(problem.body)
    return {
        "list": problem.list,
        "kind": problem.kind,
        "key": problem.key,
        "receipt": body.get("number", ""),
        "reason": problem.reason,
        "overdraft": problem.overdraft if problem.overdraft is not None else "",
        "at": problem.at,
        "total": body.get("total", body.get("refund", "")),
        "member_id": body.get("member_id") or "",
    }


def write_csv(problems: Iterable[Problem], path: Path) -> int:
    """Write the problems to `path` (UTF-8 with BOM, so spreadsheet programs read Cyrillic);
    returns how many rows were written."""
    rows = [problem_row(problem) for problem in problems]
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
