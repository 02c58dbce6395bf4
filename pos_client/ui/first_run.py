"""The first-run screen: a till with no settings asks for them instead of failing to start.

The same fields as `pos-client provision` (hub address, outlet, terminal id, token, language),
a "test connection" button that asks the hub in the background, and "save and start", which
writes the config and the token exactly as `provision` does. A wrong field is named on the
screen and nothing is written.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_client.config import LANGUAGES
from pos_client.provisioning import ProvisionError, Settings, check_connection, provision
from pos_client.sync.errors import HubError, HubWrongTerminal
from pos_client.ui.app import prepared_app
from pos_client.ui.dialogs import grow_to_fit
from pos_client.ui.strings import set_language, tr
from pos_client.ui.theme import Theme, apply_theme, set_style_state

LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}
FIELDS = ("api_url", "outlet_id", "terminal_id", "token")


class ConnectionReport(QObject):
    """Carries the background connection test's answer to the UI thread."""

    done = Signal(bool, str)  # succeeded, what to show


class SetupScreen(QDialog):
    """Accepted once the settings are saved; `provisioned` then holds where they went."""

    def __init__(self, config_path: Path, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupScreen")
        self.config_path = config_path
        self.report = ConnectionReport(self)
        self.report.done.connect(self._tested)
        self.intro = QLabel(self)
        self.intro.setObjectName("setupIntro")
        self.intro.setWordWrap(True)
        self.fields = {name: QLineEdit(self) for name in FIELDS}
        for name, field in self.fields.items():
            field.setObjectName(f"setup_{name}")
            field.textEdited.connect(self._clear_status)
        self.fields["api_url"].setPlaceholderText("https://loyalty.example.com")
        self.fields["token"].setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox(self)
        self.language.setObjectName("setupLanguage")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(language))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.status = QLabel(self)
        self.status.setObjectName("setupStatus")
        self.status.setWordWrap(True)
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.quit_button = QPushButton(self)
        self.quit_button.clicked.connect(self.reject)
        self._labels: dict[str, QLabel] = {}
        self._lay_out()
        self._retranslate()

    def _lay_out(self) -> None:
        form = QFormLayout()
        for name in (*FIELDS, "language"):
            self._labels[name] = QLabel(self)
            widget = self.language if name == "language" else self.fields[name]
            form.addRow(self._labels[name], widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(760)

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("setup_title"))
        self.intro.setText(tr("setup_intro", path=self.config_path))
        for name, label in self._labels.items():
            label.setText(tr(f"setup_{name}"))
        self.test_button.setText(tr("setup_test"))
        self.save_button.setText(tr("setup_save"))
        self.quit_button.setText(tr("setup_quit"))

    def settings(self) -> Settings:
        text = {name: field.text().strip() for name, field in self.fields.items()}
        return Settings(
            text["api_url"],
            text["outlet_id"],
            text["terminal_id"],
            text["token"],
            self.language.currentData(),
        )

    def test_connection(self) -> None:
        settings = self._checked_settings()
        if settings is None:
            return
        self.test_button.setEnabled(False)
        self._show("info", tr("setup_testing", url=settings.api_url))
        QThreadPool.globalInstance().start(lambda: self._ask_hub(settings))

    def save(self) -> None:
        settings = self._checked_settings()
        if settings is None:
            return
        try:
            provision(settings, self.config_path)
        except ProvisionError as exc:
            self._refused(exc)
            return
        self.accept()

    def _ask_hub(self, settings: Settings) -> None:
        """Runs on a pool thread."""
        url = settings.api_url.rstrip("/")
        try:
            check_connection(settings)
        except HubWrongTerminal as exc:
            answer = (False, tr("setup_hub_wrong_terminal", **asdict(exc.hub)))
        except HubError as exc:
            answer = (False, tr(f"setup_hub_{exc.kind}", detail=str(exc)))
        else:
            answer = (True, tr("setup_hub_ok", url=url))
        try:
            self.report.done.emit(*answer)
        except RuntimeError:  # the screen was closed meanwhile
            return

    def _tested(self, succeeded: bool, text: str) -> None:
        self.test_button.setEnabled(True)
        self._show("ok" if succeeded else "error", text)

    def _checked_settings(self) -> Settings | None:
        settings = self.settings()
        try:
            settings.check()
        except ProvisionError as exc:
            self._refused(exc)
            return None
        return settings

    def _refused(self, error: ProvisionError) -> None:
        if error.field is None:
            self._show("error", tr("setup_not_saved", detail=str(error)))
            return
        self._show("error", tr(f"setup_bad_{error.field}"))
        self.fields[error.field].setFocus()
        self.fields[error.field].selectAll()

    def _show(self, kind: str, text: str) -> None:
        set_style_state(self.status, "kind", kind)
        self.status.setText(text)
        grow_to_fit(self)

    def _clear_status(self) -> None:
        if self.status.property("kind") == "error":
            self._show("none", "")

    def _language_changed(self) -> None:
        set_language(self.language.currentData())
        self._retranslate()
        self._show("none", "")


def set_up(config_path: Path, language: str) -> bool:
    """Show the first-run screen; True once this till's settings are saved."""
    app = prepared_app()
    apply_theme(app, Theme.current)
    set_language(language)
    screen = SetupScreen(config_path, language)
    screen.resize(820, 560)
    return screen.exec() == QDialog.DialogCode.Accepted
