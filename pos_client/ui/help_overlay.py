"""F1: every key of the till on one screen, in the window's language, grouped by what the
cashier is doing: the receipt, the customer, returns, the shift."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_client.ui.strings import tr

SECTIONS = (
    (
        "help_section_receipt",
        (
            ("Enter", "help_scan"),
            ("Ctrl+F", "help_find"),
            ("F2", "help_qty"),
            ("Ctrl+F2", "help_price"),
            ("Del", "help_remove"),
            ("F8", "help_cancel"),
            ("Ins", "help_park"),
            ("F12", "help_pay"),
        ),
    ),
    (
        "help_section_customer",
        (
            ("F3", "help_card"),
            ("F4", "help_phone"),
            ("F6", "help_points"),
            ("F7", "help_enrol"),
            ("F11", "help_offers"),
        ),
    ),
    (
        "help_section_returns",
        (
            ("F5", "help_return"),
            ("Ctrl+F5", "help_goods_back"),
            ("Ctrl+F8", "help_void"),
            ("Ctrl+P", "help_reprint"),
        ),
    ),
    (
        "help_section_shift",
        (
            ("Ctrl+Shift+I / O", "help_cash"),
            ("Ctrl+Shift+D", "help_no_sale"),
            ("Ctrl+R", "help_report"),
            ("Ctrl+Shift+X", "help_close"),
            ("Ctrl+L", "help_logout"),
            ("F9", "help_sync"),
            ("F10", "help_problems"),
            ("Ctrl+Shift+H", "help_contrast"),
            ("F1", "help_help"),
        ),
    ),
)
KEYS = tuple(key for _, keys in SECTIONS for key in keys)
COLUMNS = 2
WIDTH_PX = 1180  # as wide as the keys read best; on a 1024 x 768 till, the window's width


class HelpOverlay(QDialog):
    """The keys and what they do, in two columns that fit without scrolling; Esc, Enter or F1
    closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setWindowTitle(tr("help_title"))
        self._till = parent
        self.key_labels: list[tuple[QLabel, QLabel]] = []
        columns = QHBoxLayout()
        columns.setSpacing(32)
        per_column = -(-len(SECTIONS) // COLUMNS)
        for first in range(0, len(SECTIONS), per_column):
            columns.addLayout(self._column(SECTIONS[first : first + per_column]), 1)
        layout = self._layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        close = QPushButton(tr("close"), self)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addWidget(close)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt names it
        """As wide as the till's window allows, up to WIDTH_PX, and as tall as the wrapped
        texts then need (with the stylesheet applied, so only once shown)."""
        till = self._till.window()
        width = min(WIDTH_PX, till.width())
        self.resize(width, min(self._layout.totalHeightForWidth(width), till.height()))
        super().showEvent(event)

    def rows(self) -> list[tuple[str, str]]:
        """What the screen says: each key beside what it does, in reading order."""
        return [(key.text(), text.text()) for key, text in self.key_labels]

    def _column(self, sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]) -> QGridLayout:
        """Sections one under another, their keys in one column of equal width."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        row = 0
        for title, keys in sections:
            heading = QLabel(tr(title), self)
            heading.setObjectName("helpSection")
            grid.addWidget(heading, row, 0, 1, 2)
            for key, text in keys:
                row += 1
                key_label = QLabel(key, self)
                key_label.setObjectName("helpKey")
                key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                text_label = QLabel(tr(text), self)
                text_label.setObjectName("helpText")
                text_label.setWordWrap(True)
                grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(text_label, row, 1)
                self.key_labels.append((key_label, text_label))
            row += 1
            grid.setRowMinimumHeight(row, 16)  # a gap before the next section
            row += 1
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(row, 1)
        return grid
