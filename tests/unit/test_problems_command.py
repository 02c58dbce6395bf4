from __future__ import annotations

from pathlib import Path

import pytest

from pos_client.problems_command import ProblemsError, list_problems, problem_lines, resend
from pos_client.store.journal import Problem


@pytest.mark.usefixtures("moscow_time")
def test_each_problem_is_one_line_in_local_time_then_a_count() -> None:
    at = "2026-11-23T03:{}+00:00"
    problems = [
        Problem("s-2", "return", "dead_letter", "return_exceeds_sale", at.format("08:12"), "{}"),
        Problem("s-1", "sale", "conflict", "points_overdrawn", at.format("01:00"), "{}", 120),
    ]
    assert problem_lines(problems) == [
        "rejected  return   2026-11-23 06:08:12  s-2  return_exceeds_sale",
        "conflict  sale     2026-11-23 06:01:00  s-1  points_overdrawn (120 points over)",
        "1 rejected, 1 conflicts",
    ]
    assert problem_lines([]) == ["no problems: the hub took every record"]


def test_a_till_that_never_ran_has_no_journal_to_read_and_none_is_made(tmp_path: Path) -> None:
    db = tmp_path / "terminal.sqlite3"
    with pytest.raises(ProblemsError, match="no journal at"):
        list_problems(db)
    with pytest.raises(ProblemsError, match="no journal at"):
        resend(db, None)
    assert not db.exists()
