"""F1: every key of the till on one screen, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_client.ui.strings import tr

KEYS = (
    ("Enter", "help_scan"),
    ("Ctrl+F", "help_find"),
    ("F2", "help_qty"),
    ("Ctrl+F2", "help_price"),
    ("F3", "help_card"),
    ("F4", "help_phone"),
    ("F5", "help_return"),
    ("Ctrl+F5", "help_goods_back"),
    ("F6", "help_points"),
    ("F7", "help_enrol"),
    ("F11", "help_offers"),
    ("Del", "help_remove"),
    ("F8", "help_cancel"),
    ("Ins", "help_park"),
    ("F12", "help_pay"),
    ("F9", "help_sync"),
    ("F10", "help_problems"),
    ("Ctrl+P", "help_reprint"),
    ("Ctrl+F8", "help_void"),
    ("Ctrl+Shift+I / O", "help_cash"),
    ("Ctrl+R", "help_report"),
    ("Ctrl+Shift+X", "help_close"),
    ("Ctrl+L", "help_logout"),
    ("Ctrl+Shift+H", "help_contrast"),
)


class HelpOverlay(QDialog):
    """The keys and what they do; Esc, Enter or F1 closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setWindowTitle(tr("help_title"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(KEYS), 2, self)
        self.table.setObjectName("helpKeys")
        self.table.setHorizontalHeaderLabels([tr("help_key"), tr("help_action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        for row, (key, text) in enumerate(KEYS):
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(tr(text)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        close = QPushButton(tr("close"), self)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addWidget(close)
        self.resize(1000, 760)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt names it
        """Rows take their height once the columns have their final widths."""
        super().showEvent(event)
        self.table.resizeRowsToContents()
