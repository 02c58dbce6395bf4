"""Enrolling a customer at the till: name, phone, a plastic card if one is handed over, and
the consent, each box ticked only when the customer says so."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from pos_client.enrol_desk import EnrolForm
from pos_client.ui.dialogs import dialog_buttons, grow_to_fit, wrapped_label
from pos_client.ui.phone_dialog import PhoneField
from pos_client.ui.strings import tr


class EnrolDialog(QDialog):
    """Emits `submitted(EnrolForm)`; the window enrols or shows why not (`show_error`)."""

    submitted = Signal(object)

    def __init__(self, region: str, terms_version: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(tr("enrol_title"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        fields = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("enrolName")
        self.name.setMaxLength(80)
        self.phone = PhoneField(region, self)
        self.card = QLineEdit(self)
        self.card.setObjectName("enrolCard")
        self.card.setMaxLength(32)
        fields.addRow(tr("enrol_name"), self.name)
        fields.addRow(tr("enrol_phone"), self.phone)
        card_label = wrapped_label(self, "enrolCardLabel")
        card_label.setText(tr("enrol_card"))
        fields.addRow(card_label, self.card)
        layout.addLayout(fields)
        self.terms = QCheckBox(tr("enrol_terms", version=terms_version), self)
        self.terms.setObjectName("termsConsent")
        self.marketing = QCheckBox(tr("enrol_marketing"), self)  # off unless the customer asks
        self.marketing.setObjectName("marketingConsent")
        layout.addWidget(self.terms)
        layout.addWidget(self.marketing)
        self.error = wrapped_label(self, "dialogError")
        layout.addWidget(self.error)
        box = dialog_buttons(self, tr("enrol_ok"))
        box.accepted.connect(self._submit)
        layout.addWidget(box)
        self.name.setFocus()

    def take_card(self, code: str) -> None:
        """A card scanned while the dialog is open is the one to link."""
        self.card.setText(code.strip())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        grow_to_fit(self)

    def _submit(self) -> None:
        self.submitted.emit(
            EnrolForm(
                name=self.name.text(),
                phone=self.phone.text(),
                card=self.card.text(),
                terms_accepted=self.terms.isChecked(),
                marketing=self.marketing.isChecked(),
            )
        )
