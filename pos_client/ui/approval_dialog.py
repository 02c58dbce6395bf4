"""A manager's PIN for one action: who approves, their PIN, and what exactly they approve."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_client.checkout_errors import CheckoutError
from pos_client.core.staff import OverrideAction, StaffMember
from pos_client.staff_desk import Approval
from pos_client.ui.dialogs import dialog_buttons, error_text, grow_to_fit, wrapped_label
from pos_client.ui.strings import tr

Approve = Callable[[OverrideAction, str, str, str], Approval]


class ApprovalDialog(QDialog):
    approved = Signal(object)  # the Approval

    def __init__(
        self,
        parent: QWidget,
        *,
        action: OverrideAction,
        subject: str,
        what: str,
        approvers: list[StaffMember],
        approve: Approve,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(tr("approval_title"))
        self.setMinimumWidth(560)
        self._action, self._subject, self._approve = action, subject, approve
        layout = QVBoxLayout(self)
        self.what = wrapped_label(self, "approvalWhat")
        self.what.setText(what)
        layout.addWidget(self.what)
        layout.addWidget(QLabel(tr("approval_who"), self))
        self.who = QComboBox(self)
        self.who.setObjectName("approver")
        for person in approvers:
            self.who.addItem(f"{person.name} — {tr(f'role_{person.role.value}')}", person.staff_id)
        layout.addWidget(self.who)
        layout.addWidget(QLabel(tr("approval_pin"), self))
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", self.pin))
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        layout.addWidget(self.pin)
        self.error = wrapped_label(self, "dialogError")
        layout.addWidget(self.error)
        box = dialog_buttons(self, tr("approval_ok"))
        box.accepted.connect(self._submit)
        layout.addWidget(box)
        self.pin.setFocus()

    def enter_pin(self, pin: str) -> None:
        """A PIN typed fast enough to look like a scan arrives here too."""
        self.pin.setText(pin)
        self._submit()

    def _submit(self) -> None:
        staff_id, pin = str(self.who.currentData() or ""), self.pin.text()
        self.pin.clear()
        try:
            approval = self._approve(self._action, self._subject, staff_id, pin)
        except CheckoutError as exc:
            self.error.setText(error_text(exc))
            grow_to_fit(self)
            return
        self.approved.emit(approval)
        self.accept()
