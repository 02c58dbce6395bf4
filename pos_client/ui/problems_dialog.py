"""Sales and returns the hub refused (dead letters) or settled differently (conflicts): each with
its reason, for store staff to see and export. Nothing here is ever dropped silently. A refused
record can be sent again once its cause is put right; a conflict is on the hub already."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_client.problems_export import problem_row, write_csv
from pos_client.store.journal import Problem
from pos_client.ui.strings import has_text, tr
from pos_client.ui.theme import set_style_state

HEADERS = ("problems_list", "problems_receipt", "problems_reason", "problems_at")


class ProblemsDialog(QDialog):
    resend_requested = Signal(list)  # keys of the chosen dead letters

    def __init__(self, problems: list[Problem], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(tr("problems_title"))
        self.problems: list[Problem] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([tr(key) for key in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("message")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(self)
        self.resend_button = buttons.addButton(
            tr("problems_resend"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.resend_button.clicked.connect(self._resend)
        self.export_button = buttons.addButton(
            tr("problems_export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.choose_file)
        close = buttons.addButton(tr("close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_problems(problems)
        self.resize(1000, 520)

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            for column, text in enumerate(self._cells(problem)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.isVisible():
            self.table.resizeRowsToContents()
        self.export_button.setEnabled(bool(problems))
        dead = sum(problem.list == "dead_letter" for problem in problems)
        self.summary.setText(
            tr("problems_summary", dead=dead, conflicts=len(problems) - dead)
            if problems
            else tr("problems_none")
        )
        self._selection_changed()

    def chosen_dead_letters(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.problems[row].key for row in rows if self.problems[row].list == "dead_letter"]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt names it
        """Rows take their height once the columns have their final widths."""
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def _selection_changed(self) -> None:
        self.resend_button.setEnabled(bool(self.chosen_dead_letters()))

    def _resend(self) -> None:
        keys = self.chosen_dead_letters()
        if keys:
            self.resend_requested.emit(keys)

    def show_result(self, text: str, kind: str) -> None:
        self.result_label.setText(text)
        set_style_state(self.result_label, "kind", kind)

    @staticmethod
    def _cells(problem: Problem) -> tuple[str, str, str, str]:
        row = problem_row(problem)
        kind = tr(f"problems_{problem.list}") + " · " + tr(f"problems_kind_{problem.kind}")
        reasons = [
            tr(f"reason_{part}") if has_text(f"reason_{part}") else part
            for part in problem.reason.split(",")
        ]
        if problem.overdraft:
            reasons.append(tr("problems_overdraft", points=problem.overdraft))
        at = datetime.fromisoformat(problem.at).astimezone().strftime("%d.%m.%Y %H:%M:%S")
        return kind, str(row["receipt"]), "; ".join(reasons), at

    def choose_file(self) -> None:
        dialog = QFileDialog(self, tr("problems_export"), "sync-problems.csv", "CSV (*.csv)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))
        dialog.open()

    def export_to(self, path: Path) -> None:
        try:
            count = write_csv(self.problems, path)
        except OSError as exc:
            self.show_result(tr("problems_export_failed", error=exc.strerror or exc), "error")
            return
        self.show_result(tr("problems_exported", count=count, path=str(path)), "info")
