from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_client.store.journal import Problem
from pos_client.ui.problems_dialog import ProblemsDialog
from pos_client.ui.strings import set_language


@pytest.mark.usefixtures("moscow_time")
def test_when_is_the_tills_local_time_and_only_rejected_rows_can_go_again(qtbot: QtBot) -> None:
    set_language("en")
    parent = QWidget()
    qtbot.addWidget(parent)
    problems = [
        Problem("s-2", "sale", "dead_letter", "unknown_member", "2026-11-23T03:08:12+00:00", "{}"),
        Problem(
            "s-1", "sale", "conflict", "coupon_already_used", "2026-11-23T03:01:00+00:00", "{}"
        ),
    ]
    dialog = ProblemsDialog(problems, parent)
    assert dialog.table.item(0, 3).text() == "23.11.2026 06:08:12"  # stored in UTC
    asked: list[list[str]] = []
    dialog.resend_requested.connect(asked.append)
    dialog.table.selectAll()
    assert dialog.chosen_dead_letters() == ["s-2"]
    dialog.resend_button.click()
    assert asked == [["s-2"]]
    dialog.show_problems(problems[1:])
    assert not dialog.resend_button.isEnabled()
    assert dialog.summary.text().startswith("Rejected by the server: 0")
