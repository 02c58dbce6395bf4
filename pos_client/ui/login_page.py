"""The page the till shows while nobody is logged in: pick a name, type the PIN, or scan a badge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_client.core.staff import StaffMember
from pos_client.ui.dialogs import wrapped_label
from pos_client.ui.strings import tr

STAFF_ID_ROLE = Qt.ItemDataRole.UserRole


class LoginPage(QWidget):
    login_requested = Signal(str, str)  # staff id, PIN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.title = QLabel(self)
        self.title.setObjectName("loginTitle")
        self.hint = wrapped_label(self, "loginHint")
        self.people = QListWidget(self)
        self.people.setObjectName("staffList")
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the PIN field keeps the keys
        self.pin_label = QLabel(self)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", self.pin))
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.pin.returnPressed.connect(self._submit)
        self.pin.installEventFilter(self)
        self.button = QPushButton(self)
        self.button.setObjectName("loginButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self._submit)
        self.message = wrapped_label(self, "loginMessage")
        column.addStretch(1)
        for widget in (self.title, self.hint, self.people, self.pin_label, self.pin):
            column.addWidget(widget)
        column.addWidget(self.button)
        column.addWidget(self.message)
        column.addStretch(1)
        self.people.itemClicked.connect(lambda _item: self.pin.setFocus())
        self._staff: list[StaffMember] = []
        self.retranslate()

    def show_staff(self, staff: list[StaffMember]) -> None:
        """The people who may log in; the one chosen before stays chosen."""
        chosen = self.chosen_id()
        self._staff = staff
        self.people.clear()
        for person in staff:
            item = QListWidgetItem(f"{person.name} — {tr(f'role_{person.role.value}')}")
            item.setData(STAFF_ID_ROLE, person.staff_id)
            self.people.addItem(item)
            if person.staff_id == chosen:
                self.people.setCurrentItem(item)
        if self.people.currentItem() is None and staff:
            self.people.setCurrentRow(0)
        if not staff:
            self.show_error(tr("login_no_staff"))

    def chosen_id(self) -> str | None:
        item = self.people.currentItem()
        return str(item.data(STAFF_ID_ROLE)) if item is not None else None

    def choose(self, staff_id: str) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(STAFF_ID_ROLE) == staff_id:
                self.people.setCurrentRow(row)

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def reset(self) -> None:
        self.pin.clear()
        self.message.clear()
        self.pin.setFocus()

    def retranslate(self) -> None:
        self.title.setText(tr("login_title"))
        self.hint.setText(tr("login_hint"))
        self.pin_label.setText(tr("login_pin"))
        self.button.setText(tr("login_button"))
        self.show_staff(self._staff)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Up and Down in the PIN field move through the list: the hands stay on the keys."""
        if watched is self.pin and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None and self.people.count():
                row = min(max(self.people.currentRow() + step, 0), self.people.count() - 1)
                self.people.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def _submit(self) -> None:
        staff_id, pin = self.chosen_id(), self.pin.text()
        self.pin.clear()
        self.login_requested.emit(staff_id or "", pin)
