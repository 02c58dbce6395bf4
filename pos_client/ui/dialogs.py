"""Small dialogs of the till: quantity, card number, payment, the finished receipt.

They open window-modal with `open()` and report through signals, so nothing blocks the
event loop and tests drive them like a cashier would.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from pos_client.checkout_errors import CheckoutError
from pos_client.printing.document import WIDTH as RECEIPT_WIDTH
from pos_client.printing.document import PrintDocument
from pos_client.ui.strings import has_text, tr
from pos_client.ui.theme import set_style_state

TOUCH_ROW_PX = 44  # the least a finger hits reliably


def dialog_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    box.addButton(tr("cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    box.rejected.connect(dialog.reject)
    return box


def lines_table(parent: QWidget, name: str, columns: Sequence[str], rows: int = 0) -> QTableWidget:
    """A read-only table of lines picked by row: the first column (the item) takes the room
    left, the others fit their contents; `columns` are text keys. Rows are tall enough to be
    touched."""
    table = QTableWidget(rows, len(columns), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([tr(key) for key in columns])
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setMinimumSectionSize(TOUCH_ROW_PX)
    table.verticalHeader().setDefaultSectionSize(TOUCH_ROW_PX)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(columns)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def wrapped_label(parent: QWidget, name: str) -> QLabel:
    """A label for a message or summary that wraps, styled by its object name."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def grow_to_fit(dialog: QDialog) -> None:
    """Make room for text that just appeared (a wrapped error line), so no button is cut off."""
    layout = dialog.layout()
    if layout is None:
        return
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(dialog.width())
    else:
        needed = layout.totalSizeHint().height()
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


class NumberDialog(QDialog):
    """Asks for one whole number in a range (a quantity, points to spend)."""

    chosen = Signal(int)

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        label: str,
        value: int,
        maximum: int,
        minimum: int = 1,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        caption = QLabel(label, self)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.spin = QSpinBox(self)
        self.spin.setRange(minimum, maximum)
        self.spin.setValue(value)
        self.spin.selectAll()
        layout.addWidget(self.spin)
        box = dialog_buttons(self, tr("ok"))
        box.accepted.connect(self._accept)
        layout.addWidget(box)

    def _accept(self) -> None:
        self.chosen.emit(self.spin.value())
        self.accept()


class EntryDialog(QDialog):
    """One line of text to type (or scan into): a card number, a receipt number."""

    entered = Signal(str)

    def __init__(self, parent: QWidget, *, title: str, label: str, name: str, digits: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        caption = QLabel(label, self)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.number = QLineEdit(self)
        self.number.setObjectName(name)
        self.number.setMaxLength(64)
        if digits:
            self.number.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        layout.addWidget(self.number)
        box = dialog_buttons(self, tr("ok"))
        box.accepted.connect(self._accept)
        layout.addWidget(box)

    def _accept(self) -> None:
        self.entered.emit(self.number.text())
        self.accept()


class CardDialog(EntryDialog):
    def __init__(self, parent: QWidget) -> None:
        title, label = tr("card_title"), tr("card_label")
        super().__init__(parent, title=title, label=label, name="cardNumber", digits=True)


def error_text(error: CheckoutError) -> str:
    """What the cashier reads for a refused action."""
    key = f"err_{error.code}"
    return tr(key, **error.params) if has_text(key) else error.code


def receipt_view(parent: QWidget, text: str, lines: int) -> QPlainTextEdit:
    """Receipt-printer text as it will print: fixed width, `lines` rows tall at most."""
    view = QPlainTextEdit(parent)
    view.setObjectName("receiptText")
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows fit its width
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(13)
    view.setFont(font)
    view.setPlainText(text)
    view.ensurePolished()  # measured in the font the stylesheet gives it
    metrics = view.fontMetrics()
    rows = min(text.count("\n") + 1, lines)
    # the layout rounds each row up to whole pixels: one row spare keeps the last one in view
    frame = 2 * (view.frameWidth() + round(view.document().documentMargin()))
    view.setMinimumSize(
        metrics.horizontalAdvance("M" * (RECEIPT_WIDTH + 4)),
        metrics.lineSpacing() * (rows + 1) + frame,
    )
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


class PrintRow(QWidget):
    """How printing went, beside a button that prints (again)."""

    requested = Signal()

    def __init__(self, parent: QWidget, button_text: str, shortcut: str = "") -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state = wrapped_label(self, "printState")
        self.button = QPushButton(button_text, self)
        self.button.setObjectName("printButton")
        self.button.setAutoDefault(False)
        if shortcut:
            self.button.setShortcut(QKeySequence(shortcut))
        self.button.clicked.connect(self.requested)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.button)

    def show_state(self, text: str, kind: str) -> None:
        self.state.setText(text)
        set_style_state(self.state, "kind", kind)
        dialog = self.window()
        if isinstance(dialog, QDialog):
            grow_to_fit(dialog)


class SaleDialog(QDialog):
    """The finished receipt as it prints, until the cashier starts the next customer. Change to
    hand back is shown large above it, where the cashier looks while counting it out."""

    def __init__(
        self, number: int, document: PrintDocument, parent: QWidget, *, change: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saleDialog")
        self.setWindowTitle(tr("sale_title", number=number))
        self.number = number
        layout = QVBoxLayout(self)
        done = QLabel(tr("sale_done"), self)
        done.setObjectName("saleDone")
        layout.addWidget(done)
        self.change = QLabel(tr("pay_change", change=change), self)
        self.change.setObjectName("saleChange")
        self.change.setVisible(change > 0)
        layout.addWidget(self.change)
        self.text = receipt_view(self, document.as_text(), lines=28)
        layout.addWidget(self.text)
        self.print_row = PrintRow(self, tr("sale_print"), "Ctrl+P")
        layout.addWidget(self.print_row)
        next_customer = QPushButton(tr("sale_new"), self)
        next_customer.setDefault(True)
        next_customer.clicked.connect(self.accept)
        next_customer.setFont(QFont(next_customer.font().family(), 16, QFont.Weight.Bold))
        layout.addWidget(next_customer)
