"""`pos-client problems`: what the hub rejected or settled differently, for store IT at a shell;
rejected records can be sent again from here as from the window's F10."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from pos_client.store.db import open_database
from pos_client.store.journal import Journal, Problem

LISTS = {"dead_letter": "rejected", "conflict": "conflict"}


class ProblemsError(Exception):
    """The command cannot do what was asked; nothing was changed."""


@contextmanager
def _journal_at(db_path: Path) -> Iterator[Journal]:
    if not db_path.exists():
        raise ProblemsError(f"no journal at {db_path}: the till has not run here yet")
    db = open_database(db_path)
    try:
        yield Journal(db)
    finally:
        db.close()


def list_problems(db_path: Path) -> list[Problem]:
    with _journal_at(db_path) as journal:
        return journal.problems()


def resend(db_path: Path, keys: Sequence[str] | None) -> int:
    """The named rejected records (all of them with None) back in the queue; how many went.
    A key that is not a rejected record refuses the whole request."""
    with _journal_at(db_path) as journal:
        rejected = [p.key for p in journal.problems() if p.list == "dead_letter"]
        strangers = sorted(set(keys or ()) - set(rejected))
        if strangers:
            raise ProblemsError(
                f"not a rejected record here: {', '.join(strangers)}"
                " (a conflict is on the hub already; `pos-client problems` lists the keys)"
            )
        return journal.resend(rejected if keys is None else keys)


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """One line per problem, newest first, then a count."""
    if not problems:
        return ["no problems: the hub took every record"]
    lines = []
    for problem in problems:
        at = datetime.fromisoformat(problem.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        over = f" ({problem.overdraft} points over)" if problem.overdraft else ""
        lines.append(
            f"{LISTS[problem.list]:9} {problem.kind:8} {at}  {problem.key}  {problem.reason}{over}"
        )
    rejected = sum(problem.list == "dead_letter" for problem in problems)
    lines.append(f"{rejected} rejected, {len(problems) - rejected} conflicts")
    return lines
