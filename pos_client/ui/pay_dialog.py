"""F12: how the customer pays. Cash (what they hand over, and the change), a bank card, or
part in cash and the rest by card."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_client.core.money import MoneyError, format_money, parse_money
from pos_client.ui.dialogs import dialog_buttons, grow_to_fit, wrapped_label
from pos_client.ui.strings import tr

# the ways to pay, each with its key in this dialog
WAYS = (("cash", "F2"), ("card", "F3"), ("split", "F4"))


class PayDialog(QDialog):
    """Choose how the customer pays; for cash, type what they handed over and see the change;
    for a split payment, type the cash part and see what goes to the card."""

    submitted = Signal(str, int)  # "cash", "card" or "split"; the cash handed over

    def __init__(self, total: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("payDialog")
        self.setWindowTitle(tr("pay_title"))
        self.setMinimumWidth(700)
        self._total = total
        layout = QVBoxLayout(self)
        heading = QLabel(tr("pay_total", total=total), self)
        heading.setObjectName("payTotal")
        layout.addWidget(heading)

        kinds = QHBoxLayout()
        self._group = QButtonGroup(self)
        self.way_buttons: dict[str, QPushButton] = {}
        for way, key in WAYS:
            button = QPushButton(f"{key}\n{tr(f'pay_{way}')}", self)
            button.setObjectName(f"pay_{way}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setShortcut(QKeySequence(key))
            self._group.addButton(button)
            kinds.addWidget(button, 1)
            self.way_buttons[way] = button
        self.cash, self.card, self.split = (self.way_buttons[way] for way, _ in WAYS)
        self.cash.setChecked(True)
        layout.addLayout(kinds)

        self.received_label = QLabel(tr("pay_received"), self)
        layout.addWidget(self.received_label)
        self.received = QLineEdit(format_money(total, ""), self)
        self.received.setObjectName("cashReceived")
        self.received.selectAll()
        layout.addWidget(self.received)
        self.change = QLabel(self)
        self.change.setObjectName("payChange")
        layout.addWidget(self.change)
        self.error = wrapped_label(self, "dialogError")
        layout.addWidget(self.error)

        box = dialog_buttons(self, tr("pay_confirm"))
        box.accepted.connect(self._submit)
        layout.addWidget(box)
        self.received.textChanged.connect(self._update_change)
        self._group.buttonToggled.connect(self._update_kind)
        self._update_change()

    @property
    def kind(self) -> str:
        return next(way for way, button in self.way_buttons.items() if button.isChecked())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        grow_to_fit(self)

    def _received_amount(self) -> int | None:
        try:
            return parse_money(self.received.text())
        except MoneyError:
            return None

    def _update_kind(self, _button: QPushButton, checked: bool) -> None:
        if not checked:
            return
        kind = self.kind
        for widget in (self.received_label, self.received, self.change):
            widget.setVisible(kind != "card")
        self.error.setText("")
        if kind == "card":
            return
        self.received_label.setText(tr("pay_received" if kind == "cash" else "pay_split_cash"))
        if kind == "split":
            self.received.clear()  # the cash part is rarely the whole total
        self._update_change()
        self.received.setFocus()
        self.received.selectAll()

    def _update_change(self) -> None:
        amount = self._received_amount()
        if amount is None:
            self.change.setText("")
        elif self.kind == "split":
            fits = 0 < amount < self._total
            shown = tr("pay_split_card", amount=self._total - amount) if fits else ""
            self.change.setText(shown or tr("err_bad_split", total=self._total))
        elif amount >= self._total:
            self.change.setText(tr("pay_change", change=amount - self._total))
        else:
            self.change.setText(tr("pay_short", missing=self._total - amount))

    def _submit(self) -> None:
        kind = self.kind
        if kind == "card":
            self.submitted.emit("card", self._total)
            return
        amount = self._received_amount()
        if amount is None:
            self.show_error(tr("err_bad_amount", text=self.received.text()))
            return
        self.submitted.emit(kind, amount)
