"""Finding a member by the phone number they say: a field that groups digits as typed."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_client.core.phone import MAX_PHONE_INPUT, example_phone, format_as_typed
from pos_client.ui.dialogs import dialog_buttons, grow_to_fit, wrapped_label
from pos_client.ui.strings import tr


class PhoneDialog(QDialog):
    """Emits `entered(text)`; the window checks the number and either closes the dialog or
    shows why the number is not one (`show_error`), keeping what was typed."""

    entered = Signal(str)

    def __init__(self, region: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("phoneDialog")
        self.setWindowTitle(tr("phone_title"))
        self.setMinimumWidth(480)
        self._region = region
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("phone_label"), self))
        self.number = QLineEdit(self)
        self.number.setObjectName("phoneNumber")
        self.number.setPlaceholderText(example_phone(region))
        self.number.setMaxLength(MAX_PHONE_INPUT)
        self.number.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.number.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9+()\- ]*"), self.number)
        )
        self.number.textEdited.connect(self._regroup)
        layout.addWidget(self.number)
        self.error = wrapped_label(self, "dialogError")
        layout.addWidget(self.error)
        box = dialog_buttons(self, tr("phone_find"))
        box.accepted.connect(lambda: self.entered.emit(self.number.text()))
        layout.addWidget(box)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        grow_to_fit(self)
        self.number.setFocus()

    def _regroup(self, text: str) -> None:
        """Group the digits as the cashier types (only when typing at the end of the field)."""
        self.error.clear()
        if self.number.cursorPosition() != len(text):
            return
        grouped = format_as_typed(text, self._region)
        if grouped and grouped != text:
            self.number.setText(grouped)
