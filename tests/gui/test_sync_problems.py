"""A conflict and a rejected sale reach the status bar and the problems window, which exports
them; the clock warning shows when the till's clock is off the hub's."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.problems_dialog import ProblemsDialog
from tests.conftest import CAPPUCCINO, GOLD_CARD
from tests.gui.conftest import pay_by_card, press, scan

MEMBER = "M-00004"


def sell_with_points(qtbot: QtBot, till: RunningTill) -> None:
    for _ in range(3):
        scan(qtbot, CAPPUCCINO)
    scan(qtbot, GOLD_CARD)
    press(qtbot, Qt.Key.Key_F6)
    dialog = till.window.dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.spin, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    pay_by_card(qtbot, till.window)
    till.window.dialog.accept()  # type: ignore[union-attr]


def test_conflicts_and_rejections_are_shown_and_exported(
    demo: DemoEnvironment, till: RunningTill, qtbot: QtBot, tmp_path: Path
) -> None:
    window = till.window
    hub = demo.hub.store
    with hub.transaction() as conn:  # the member spent everything elsewhere meanwhile
        conn.execute("UPDATE members SET points = 0 WHERE member_id = ?", [MEMBER])
        conn.execute(
            "INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
            " VALUES (?, 'web', -10000, 'burn', '2026-11-01')",
            [MEMBER],
        )
    sell_with_points(qtbot, till)
    till.loop.wake(force=True)
    qtbot.waitUntil(lambda: window.status.status.conflicts == 1, timeout=10_000)
    assert window.status.conflicts.isVisible()
    assert window.status.conflicts.text() == "Конфликтов: 1"

    with hub.transaction() as conn:
        member_row = conn.execute("SELECT * FROM members WHERE member_id = ?", [MEMBER]).fetchone()
        conn.execute("DELETE FROM members WHERE member_id = ?", [MEMBER])
    scan(qtbot, CAPPUCCINO)
    scan(qtbot, GOLD_CARD)
    pay_by_card(qtbot, window)
    window.dialog.accept()  # type: ignore[union-attr]
    till.loop.wake(force=True)
    qtbot.waitUntil(lambda: window.status.status.dead_letters == 1, timeout=10_000)

    press(qtbot, Qt.Key.Key_F10)
    dialog = window.dialog
    assert isinstance(dialog, ProblemsDialog)
    assert dialog.table.rowCount() == 2
    reasons = {dialog.table.item(row, 2).text() for row in range(2)}
    assert "участник неизвестен серверу" in reasons
    assert any(
        r.startswith("списано больше баллов, чем было на счёте; сверх остатка:") for r in reasons
    )
    target = tmp_path / "problems.csv"
    dialog.export_to(target)
    with target.open(encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    assert {row["reason"] for row in rows} == {"unknown_member", "points_overdrawn"}
    assert dialog.result_label.text() == f"Выгружено строк: 2 в {target}"
    dialog.export_to(tmp_path / "missing" / "problems.csv")
    assert dialog.result_label.text().startswith("Не удалось выгрузить:")

    # the member is back on the hub: the refused sale can go again; a conflict cannot
    with hub.transaction() as conn:
        marks = ", ".join("?" * len(member_row))
        conn.execute(f"INSERT INTO members VALUES ({marks})", tuple(member_row))
    lists = [problem.list for problem in dialog.problems]
    assert not dialog.resend_button.isEnabled()  # nothing chosen
    dialog.table.selectRow(lists.index("conflict"))
    assert not dialog.resend_button.isEnabled()
    dialog.table.selectRow(lists.index("dead_letter"))
    assert dialog.resend_button.isEnabled()
    qtbot.mouseClick(dialog.resend_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "Снова в очереди: 1; уйдут с этой синхронизацией"
    assert [problem.list for problem in dialog.problems] == ["conflict"]
    qtbot.waitUntil(
        lambda: window.status.status.dead_letters == 0 and window.status.status.waiting == 0,
        timeout=10_000,
    )
    assert not window.status.dead.isVisible()
    assert hub.query("SELECT COUNT(*) FROM transactions WHERE kind = 'sale'")[0][0] == 2


def test_a_clock_off_the_hub_is_shown(till: RunningTill, qtbot: QtBot) -> None:
    bar = till.window.status
    assert not bar.clock.isVisible()
    bar.show_status(replace(bar.status, clock_skew_s=-300.4))
    assert bar.clock.isVisible()
    assert bar.clock.text() == "⚠ Часы кассы расходятся с сервером на 300 с"
