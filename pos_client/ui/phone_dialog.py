"""Finding a member by the phone number they say: a field that groups digits as typed."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_client.core.phone import MAX_PHONE_INPUT, example_phone, format_as_typed
from pos_client.ui.dialogs import dialog_buttons, grow_to_fit, wrapped_label
from pos_client.ui.strings import tr


class PhoneField(QLineEdit):
    """A phone number field that groups the digits as they are typed."""

    def __init__(self, region: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("phoneNumber")
        self._region = region
        self.setPlaceholderText(example_phone(region))
        self.setMaxLength(MAX_PHONE_INPUT)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9+()\- ]*"), self))
        self.textEdited.connect(self._regroup)

    def _regroup(self, text: str) -> None:
        """Group the digits (only when typing at the end of the field)."""
        if self.cursorPosition() != len(text):
            return
        grouped = format_as_typed(text, self._region)
        if grouped and grouped != text:
            self.setText(grouped)


class PhoneDialog(QDialog):
    """Emits `entered(text)`; the window checks the number and either closes the dialog or
    shows why the number is not one (`show_error`), keeping what was typed."""

    entered = Signal(str)

    def __init__(self, region: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("phoneDialog")
        self.setWindowTitle(tr("phone_title"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("phone_label"), self))
        self.number = PhoneField(region, self)
        layout.addWidget(self.number)
        self.error = wrapped_label(self, "dialogError")
        self.number.textEdited.connect(lambda _text: self.error.clear())
        layout.addWidget(self.error)
        box = dialog_buttons(self, tr("phone_find"))
        box.accepted.connect(lambda: self.entered.emit(self.number.text()))
        layout.addWidget(box)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        grow_to_fit(self)
        self.number.setFocus()
