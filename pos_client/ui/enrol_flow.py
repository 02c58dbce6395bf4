"""F7 on the till: a customer joins the programme, with their consent, and this purchase
already earns them points."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pos_client.checkout_errors import CheckoutError
from pos_client.enrol_desk import EnrolDesk, EnrolForm
from pos_client.ui.dialogs import error_text
from pos_client.ui.enrol_dialog import EnrolDialog
from pos_client.ui.strings import tr

if TYPE_CHECKING:
    from pos_client.ui.main_window import MainWindow


class EnrolFlow(QObject):
    def __init__(self, window: MainWindow, desk: EnrolDesk) -> None:
        super().__init__(window)
        self.window, self.desk = window, desk
        window.add_action_button("action_enrol", "F7", self.start, before="action_remove")
        window.code_takers.append(self.take_code)

    def start(self) -> None:
        window = self.window
        dialog = EnrolDialog(
            window.checkout.identity_rules.phone_region, self.desk.terms_version, window
        )
        dialog.submitted.connect(lambda form: self._submitted(dialog, form))
        window.open_dialog(dialog)

    def take_code(self, code: str) -> bool:
        """A card scanned while enrolling is the card to link."""
        dialog = self.window.dialog
        if isinstance(dialog, EnrolDialog):
            dialog.take_card(code)
            return True
        return False

    def _submitted(self, dialog: EnrolDialog, form: EnrolForm) -> None:
        try:
            member = self.desk.enrol(form)
        except CheckoutError as exc:
            dialog.show_error(error_text(exc))
            return
        dialog.accept()
        self.window.refresh()
        self.window.show_message(tr("enrolled", name=member.name))
        self.window.wake_sync()
