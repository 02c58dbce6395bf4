"""Sales and returns the hub refused (dead letters) or settled differently (conflicts): each with
its reason, for store staff to see and export. Nothing here is ever dropped silently."""

from __future__ import annotations

from pathlib import Path

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

HEADERS = ("problems_list", "problems_receipt", "problems_reason", "problems_at")


class ProblemsDialog(QDialog):
    def __init__(self, problems: list[Problem], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(tr("problems_title"))
        self.problems = problems
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(problems), len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([tr(key) for key in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, problem in enumerate(problems):
            for column, text in enumerate(self._cells(problem)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        layout.addWidget(self.table, 1)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("message")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            tr("problems_export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setEnabled(bool(problems))
        self.export_button.clicked.connect(self.choose_file)
        close = buttons.addButton(tr("close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        dead = sum(problem.list == "dead_letter" for problem in problems)
        self.summary.setText(
            tr("problems_summary", dead=dead, conflicts=len(problems) - dead)
            if problems
            else tr("problems_none")
        )
        self.resize(1000, 520)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt names it
        """Rows take their height once the columns have their final widths."""
        super().showEvent(event)
        self.table.resizeRowsToContents()

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
        at = problem.at[:19].replace("T", " ")
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
            self.result_label.setText(tr("problems_export_failed", error=exc.strerror or exc))
            self.result_label.setProperty("kind", "error")
            return
        self.result_label.setText(tr("problems_exported", count=count, path=str(path)))
        self.result_label.setProperty("kind", "info")
