"""The cashier window: scan field, receipt, member and totals, actions, sync status."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_client.checkout import MAX_FOUND, Checkout, Coupon
from pos_client.checkout_errors import CheckoutError
from pos_client.core.catalog import Product
from pos_client.core.loyalty import Member, PointsBalance
from pos_client.core.money import format_money
from pos_client.core.receipt import MAX_QUANTITY
from pos_client.core.sale import Sale
from pos_client.core.tiers import tier_progress
from pos_client.return_desk import ReceiptElsewhere
from pos_client.store.journal import SaleForReturn
from pos_client.sync.status import SyncStatus
from pos_client.ui.coupon_holds import CouponHolds
from pos_client.ui.dialogs import (
    CardDialog,
    NumberDialog,
    SaleDialog,
    error_text,
)
from pos_client.ui.help_overlay import HelpOverlay
from pos_client.ui.panels import MemberPanel, TotalsPanel
from pos_client.ui.pay_dialog import PayDialog
from pos_client.ui.phone_dialog import PhoneDialog
from pos_client.ui.problems_dialog import ProblemsDialog
from pos_client.ui.product_search import ProductSearchDialog
from pos_client.ui.receipt_model import ITEM_PADDING_PX, PaddedTextDelegate, ReceiptModel
from pos_client.ui.receipt_search import ReceiptNumberDialog
from pos_client.ui.receipt_text import ReceiptHeader, receipt_document
from pos_client.ui.return_flow import ReturnFlow
from pos_client.ui.scan_field import ScanField
from pos_client.ui.status_bar import SyncStatusBar
from pos_client.ui.strings import LANGUAGES, Language, has_text, set_language, tr
from pos_client.ui.sync_bridge import SyncBridge
from pos_client.ui.theme import Theme, apply_theme, set_style_state

T = TypeVar("T")

# What the checkout answers to text that is no code; typed, with letters, it is a name to find.
WORDS_NOT_CODES = ("unknown_code", "unreadable_code")

if TYPE_CHECKING:
    from pos_client.ui.parking import Parking
    from pos_client.ui.receipt_printing import ReceiptPrinting
    from pos_client.ui.staff_flow import StaffFlow


class MainWindow(QMainWindow):
    rules_reloaded = Signal()
    retranslated = Signal()
    sale_completed = Signal(object, object, object)  # Sale, Member | None, PointsBalance | None
    # the receipt just shown: PricedReceipt, Member | None, PointsBalance | None
    receipt_shown = Signal(object, object, object)
    cash_moved = Signal()  # cash paid out or put in with no receipt: the drawer opens

    def __init__(
        self, checkout: Checkout, bridge: SyncBridge, outlet_name: str, terminal_id: str
    ) -> None:
        super().__init__()
        self.setObjectName("till")
        self.checkout = checkout
        self.bridge = bridge
        self._outlet_name, self._terminal_id = outlet_name, terminal_id
        self._ruleset_version = checkout.ruleset.version
        self.dialog: QDialog | None = None
        self.last_sale: Sale | None = None
        self.staff_flow: StaffFlow | None = None  # login, shifts and approvals, when staffed
        self.printing: ReceiptPrinting | None = None  # receipts on paper, when set up
        self.parking: Parking | None = None  # receipts put aside, when set up
        # Who takes a scanned code before the till does (a badge at login, a card to link).
        self.code_takers: list[Callable[[str], bool]] = []
        self.returns = ReturnFlow(self)

        central = QWidget(self)
        root = QVBoxLayout(central)
        self.top = QHBoxLayout()  # the scan field and message; the camera preview beside them
        entry = QVBoxLayout()
        self.scan_field = ScanField(central)
        self.scan_field.returnPressed.connect(self._scan_field_entered)
        entry.addWidget(self.scan_field)
        self.message = QLabel(central)
        self.message.setObjectName("message")
        self.message.setProperty("kind", "none")  # styled with it when laid out
        self.message.setWordWrap(True)
        entry.addWidget(self.message)
        self.top.addLayout(entry, 1)
        root.addLayout(self.top)

        root.addLayout(self._build_body(central), 1)
        root.addLayout(self._build_actions(central))
        self.till_page = central
        self.pages = QStackedWidget(self)
        self.pages.addWidget(central)
        self.setCentralWidget(self.pages)

        self.status = SyncStatusBar(outlet_name, terminal_id, self)
        self.setStatusBar(self.status)
        self._build_menus()

        bridge.status_changed.connect(self._sync_status)
        bridge.member_found.connect(self._member_found_online)
        bridge.member_missing.connect(self._member_missing)
        bridge.coupon_refused.connect(self._coupon_refused)
        self.coupon_holds = CouponHolds(bridge)
        self.retranslate()
        self.refresh()
        self.scan_field.setFocus()

    def _build_body(self, central: QWidget) -> QHBoxLayout:
        body = QHBoxLayout()
        self.model = ReceiptModel()
        self.table = QTableView(central)
        self.table.setObjectName("receipt")
        self.table.setModel(self.model)
        self.table.setItemDelegate(PaddedTextDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The item column's width decides where names wrap: when it changes, measure again.
        # Queued: the header emits this before the view has taken the new width.
        header.sectionResized.connect(
            lambda column, _old, _new: (
                QTimer.singleShot(0, self.table.resizeRowsToContents) if column == 1 else None
            )
        )
        self.empty_hint = QLabel(central)
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.receipt_area = QStackedWidget(central)
        self.receipt_area.addWidget(self.table)
        self.receipt_area.addWidget(self.empty_hint)
        body.addWidget(self.receipt_area, 3)
        side = QVBoxLayout()
        self.member_panel = MemberPanel(central)
        self.totals_panel = TotalsPanel(central)
        side.addWidget(self.member_panel)
        side.addWidget(self.totals_panel, 1)
        body.addLayout(side, 2)
        return body

    def add_page(self, page: QWidget) -> None:
        """Another page of the window (the login page), shown instead of the till."""
        self.pages.addWidget(page)

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        if page is self.till_page:
            self.scan_field.setFocus()

    def showing(self, page: QWidget) -> bool:
        return self.pages.currentWidget() is page

    def set_till_enabled(self, enabled: bool) -> None:
        """The till's keys work only on the till page, for someone logged in."""
        for action in self.till_actions:
            action.setEnabled(enabled)

    def add_camera_preview(self, preview: QWidget) -> None:
        """The camera's picture beside the scan field, like a viewfinder: the cashier sees
        what it reads, and the receipt and totals keep their room."""
        self.top.addWidget(preview)

    def _build_actions(self, central: QWidget) -> QHBoxLayout:
        """A big button per action, each with its F-key (also when the button is not seen)."""
        self.action_bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.till_actions: list[QAction] = []
        for key, shortcut, handler in (
            ("action_qty", "F2", self.change_quantity),
            ("action_card", "F3", self.enter_card),
            ("action_phone", "F4", self.enter_phone),
            ("action_return", "F5", self.returns.start),
            ("action_points", "F6", self.pay_with_points),
            ("action_remove", "Del", self.remove_line),
            ("action_cancel", "F8", self.cancel_receipt),
            ("action_pay", "F12", self.pay),
        ):
            self.add_action_button(key, shortcut, handler)
        # No buttons: the member panel names F11 with the offers, and the scan field says a
        # name can be typed there.
        for shortcut, handler in (
            ("F11", self.take_offers),
            ("Ctrl+F", lambda _checked=False: self.find_product()),  # not `checked` as query
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(handler)
            self.addAction(action)
            self.till_actions.append(action)
        return self.action_bar

    def add_action_button(
        self, key: str, shortcut: str, handler: Callable[[], None], before: str = ""
    ) -> None:
        """An action of the till as a button (labelled by text `key`) and its key; placed
        before the button of `before` when given, else at the end."""
        button = QPushButton()  # the bar's widget becomes its parent
        button.setObjectName("payButton" if key == "action_pay" else "actionButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(handler)
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(handler)
        self.addAction(action)
        self.till_actions.append(action)
        index = self.action_bar.indexOf(self.buttons[before]) if before else -1
        self.action_bar.insertWidget(index, button)
        self.buttons[key] = button
        button.setText(tr(key).replace("  ", "\n", 1))  # the key above its action

    # -- menus and language ------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.terminal_menu = self.menuBar().addMenu("")
        self.sync_now = self.terminal_menu.addAction("")
        self.sync_now.setShortcut(QKeySequence("F9"))
        self.sync_now.triggered.connect(self._sync_now)
        self.work_offline = self.terminal_menu.addAction("")
        self.work_offline.setCheckable(True)
        self.work_offline.toggled.connect(self._set_working_offline)
        self.problems_action = self.terminal_menu.addAction("")
        self.problems_action.setShortcut(QKeySequence("F10"))
        self.problems_action.triggered.connect(self.show_problems)
        self.help_action = self.terminal_menu.addAction("")
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(lambda: self._open(HelpOverlay(self)))
        self.terminal_menu.addSeparator()
        self.quit_action = self.terminal_menu.addAction("")
        self.quit_action.triggered.connect(self.close)
        self.view_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = self.view_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == Language.current)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        self.view_menu.addSeparator()
        self.high_contrast = self.view_menu.addAction("")
        self.high_contrast.setCheckable(True)
        self.high_contrast.setChecked(Theme.current == "high-contrast")
        self.high_contrast.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.high_contrast.toggled.connect(self.set_high_contrast)

    def set_language(self, language: str) -> None:
        set_language(language)
        self.checkout.language = language
        self.language_actions[language].setChecked(True)
        self.retranslate()

    def set_high_contrast(self, on: bool) -> None:
        if self.high_contrast.isChecked() != on:
            self.high_contrast.setChecked(on)  # its toggled signal comes back here
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, "high-contrast" if on else "standard")
        self.model.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(
            tr("window_title", outlet=self._outlet_name, terminal=self._terminal_id)
        )
        self.scan_field.setPlaceholderText(tr("scan_placeholder"))
        self.empty_hint.setText(tr("empty_receipt_hint"))
        for key, button in self.buttons.items():
            button.setText(tr(key).replace("  ", "\n", 1))  # the key above its action
        self.terminal_menu.setTitle(tr("menu_terminal"))
        self.sync_now.setText(tr("menu_sync_now"))
        self.work_offline.setText(tr("menu_work_offline"))
        self.problems_action.setText(tr("menu_problems"))
        self.help_action.setText(tr("menu_help"))
        self.quit_action.setText(tr("menu_quit"))
        self.view_menu.setTitle(tr("menu_view"))
        self.high_contrast.setText(tr("menu_high_contrast"))
        self.model.refresh()
        self._size_columns()
        self.member_panel.refresh()
        self.totals_panel.refresh()
        self.status.refresh()
        self.clear_message()
        self.retranslated.emit()

    def _size_columns(self) -> None:
        """Number, quantity (or weight), price and amount as wide as their headings and the
        longest values a till shows, so no value is cut and nothing is measured on every scan."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        heading = header.fontMetrics()
        padding = 2 * ITEM_PADDING_PX + 6  # the item padding of the style sheet, and a little air
        for column, widest in ((0, "99"), (2, "99,999"), (3, "99 999,99"), (4, "−99 999,99")):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(widest), heading.horizontalAdvance(title))
            header.resizeSection(column, width + padding)
        self.table.resizeRowsToContents()

    # -- what the cashier sees ---------------------------------------------------------------

    def refresh(self) -> None:
        priced = self.checkout.priced
        for row in self.model.show(priced):
            self.table.resizeRowToContents(row)
        member = self.checkout.member
        balance = self._balance_of(member) if member else None
        progress = tier_progress(self.checkout.ruleset.programme, member) if member else None
        offers = [name for _, name in self.checkout.member_offers()]
        self.member_panel.show_member(member, balance or PointsBalance(0, 0), progress, offers)
        self.totals_panel.show_totals(priced)
        self.receipt_shown.emit(priced, member, balance)
        self.buttons["action_pay"].setEnabled(bool(priced.lines))
        self.receipt_area.setCurrentWidget(self.table if priced.lines else self.empty_hint)
        self.coupon_holds.follow(self.checkout.coupon_claims())

    def _balance_of(self, member: Member) -> PointsBalance:
        try:
            return self.checkout.balance_of(member)
        except CheckoutError:
            return PointsBalance(member.points, member.pending_points, member.expiring)

    def clear_message(self) -> None:
        self.show_message("", "none")

    def show_message(self, text: str, kind: str = "info") -> None:
        """Say what happened; a refusal also beeps, for a cashier whose eyes are on the goods."""
        self.message.setText(text)
        set_style_state(self.message, "kind", kind)
        if kind == "error":
            QApplication.beep()

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run a checkout action: on success show the new state, on refusal say why."""
        return self.outcome(lambda: [action()]) is not None  # a list: None from it is success

    def outcome(self, action: Callable[[], T]) -> T | None:
        """What a checkout action gives, the new state shown; None, said why, when refused."""
        try:
            result = action()
        except CheckoutError as exc:
            self.show_error(exc)
            return None
        self.refresh()
        return result

    def tell_restored(self) -> None:
        """Say once that the receipt on screen was left open when the till stopped."""
        restored, self.checkout.restored = self.checkout.restored, None
        if restored is not None:
            key = "receipt_restored_member_lost" if restored.member_lost else "receipt_restored"
            self.show_message(tr(key, count=restored.lines))

    def show_error(self, error: CheckoutError) -> None:
        self.show_message(error_text(error), "error")

    # -- scanning ------------------------------------------------------------------------------

    def handle_code(self, code: str, *, typed: bool = False) -> None:
        """A code from the scanner, the camera or the scan field.

        It closes the finished receipt, and answers an open card or phone dialog (a card or
        app code scanned instead of typed). While another dialog is open it is not taken.
        Words `typed` in the scan field that are no code are a product search.
        """
        if any(take(code) for take in self.code_takers):
            return
        if isinstance(self.dialog, SaleDialog):
            self.dialog.accept()
        elif isinstance(self.dialog, CardDialog | PhoneDialog | ReceiptNumberDialog):
            self.dialog.reject()
        if self.dialog is not None and self.dialog.isVisible():
            self.show_message(tr("err_scan_while_dialog"), "error")
            return
        try:
            found = self.checkout.handle_code(code)
        except CheckoutError as exc:
            if typed and exc.code in WORDS_NOT_CODES and any(char.isalpha() for char in code):
                self.find_product(code)
            else:
                self.show_error(exc)
            return
        self.refresh()
        if isinstance(found, Product):
            self.show_message(tr("added", item=found.name(Language.current)))
            self._select_line_of(found)
        elif isinstance(found, Coupon):
            self.show_message(tr("coupon_taken", code=found.code))
        elif isinstance(found, SaleForReturn | ReceiptElsewhere):
            self.returns.open(found)
        else:
            self.show_message(tr("member_attached", name=found.name))

    def _scan_field_entered(self) -> None:
        code = self.scan_field.text()
        self.scan_field.clear()
        if code.strip():
            self.handle_code(code, typed=True)

    def find_product(self, query: str = "") -> None:
        """Ctrl+F, or words typed in the scan field: the product search; the item picked goes
        on the receipt as if scanned."""
        dialog = ProductSearchDialog(self, self.checkout.find_products, MAX_FOUND, query.strip())
        dialog.picked.connect(lambda product: self.handle_code(product.barcode))
        self._open(dialog)

    def _select_line_of(self, product: Product) -> None:
        for line in self.checkout.receipt.lines:
            if line.product.sku == product.sku:
                row = self.model.row_of_line(line.line_id)
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

    def selected_line_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line_id_at(rows[0].row()) if rows else None

    # -- actions ------------------------------------------------------------------------------

    def change_quantity(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            self.show_message(tr("err_no_line"), "error")
            return
        line = self.checkout.receipt.line(line_id)
        if line.weighing is not None:  # its label says how much: no number to type
            self.show_message(tr("err_weighed_quantity"), "error")
            return
        item = line.product.name(Language.current)
        dialog = NumberDialog(
            self,
            title=tr("qty_title"),
            label=tr("qty_label", item=item),
            value=line.quantity,
            maximum=MAX_QUANTITY,
        )
        dialog.chosen.connect(lambda quantity: self._quantity_chosen(line_id, quantity))
        self._open(dialog)

    def _quantity_chosen(self, line_id: int, quantity: int) -> None:
        if self.attempt(lambda: self.checkout.set_quantity(line_id, quantity)):
            self.table.selectRow(self.model.row_of_line(line_id))

    def remove_line(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            self.show_message(tr("err_no_line"), "error")
            return
        self.attempt(lambda: self.checkout.remove_line(line_id))

    def pay_with_points(self) -> None:
        """Let the member spend points on this receipt, within the programme's limits."""
        if self.checkout.member is None:
            self.show_message(tr("err_no_member_points"), "error")
            return
        self.checkout.set_redeem_points(0)
        try:
            available = self.checkout.redeemable_points()
        except CheckoutError as exc:
            self.show_error(exc)
            if exc.code.startswith("offline_") and self.staff_flow is not None:
                self.staff_flow.waive_offline_cap(exc)
            return
        rate = format_money(self.checkout.ruleset.points.kopecks_per_point)
        if available <= 0:
            self.show_message(tr("err_nothing_redeemable"), "error")
            return
        dialog = NumberDialog(
            self,
            title=tr("redeem_title"),
            label=tr("redeem_label", points=available, rate=rate),
            value=available,
            maximum=available,
            minimum=0,
        )
        dialog.chosen.connect(self._points_chosen)
        self._open(dialog)

    def _points_chosen(self, points: int) -> None:
        self.attempt(lambda: self.checkout.set_redeem_points(points))

    def show_problems(self) -> None:
        """What the hub refused or settled differently, with reasons, to see and export."""
        try:
            problems = self.checkout.sync_problems()
        except CheckoutError as exc:
            self.show_error(exc)
            return
        dialog = ProblemsDialog(problems, self)
        dialog.resend_requested.connect(lambda keys: self._resend(dialog, keys))
        self._open(dialog)

    def _resend(self, dialog: ProblemsDialog, keys: list[str]) -> None:
        """Chosen rejected records back in the queue, and a sync round to take them."""
        try:
            count = self.checkout.resend_rejected(keys)
            problems = self.checkout.sync_problems()
        except CheckoutError as exc:
            dialog.show_result(error_text(exc), "error")
            return
        dialog.show_problems(problems)
        dialog.show_result(tr("problems_resent", count=count), "info")
        self._sync_now()

    def take_offers(self) -> None:
        """F11: the identified member's personal offers go on the receipt."""
        taken = self.outcome(self.checkout.take_offers)
        if taken is not None:
            self.show_message(tr("offers_taken", offers="; ".join(taken)))

    def cancel_receipt(self) -> None:
        self.checkout.cancel()
        self.clear_message()
        self.refresh()

    def enter_card(self) -> None:
        dialog = CardDialog(self)
        dialog.entered.connect(self._card_entered)
        self._open(dialog)

    def _card_entered(self, card: str) -> None:
        try:
            member = self.checkout.identify_card(card)
        except CheckoutError as exc:
            if exc.code == "unknown_card":
                self.show_message(tr("looking_up_card", card=card.strip()))
                self.bridge.lookup_card(card.strip())
            else:
                self.show_error(exc)
            return
        self.refresh()
        self.show_message(tr("member_attached", name=member.name))

    def enter_phone(self) -> None:
        dialog = PhoneDialog(self.checkout.identity_rules.phone_region, self)
        dialog.entered.connect(self._phone_entered)
        self._open(dialog)

    def _phone_entered(self, text: str) -> None:
        dialog = self.dialog
        assert isinstance(dialog, PhoneDialog)
        try:
            member = self.checkout.identify_phone(text)
        except CheckoutError as exc:
            if exc.code == "bad_phone":
                dialog.show_error(tr(f"err_bad_phone_{exc.params['reason']}"))
                return
            dialog.accept()
            if exc.code == "unknown_phone":
                shown = str(exc.params["phone"])
                self.show_message(tr("looking_up_phone", phone=shown))
                self.bridge.lookup_phone(self.checkout.members.phone_number(text), shown)
            else:
                self.show_error(exc)
            return
        dialog.accept()
        self.refresh()
        self.show_message(tr("member_attached", name=member.name))

    def _member_found_online(self, member: Member) -> None:
        if self.attempt(lambda: self.checkout.attach_member(member)):
            self.show_message(tr("member_attached", name=member.name))

    def _member_missing(self, what: str, shown: str, unreachable: bool) -> None:
        if what == "phone":
            key = "err_phone_offline" if unreachable else "err_unknown_phone"
            self.show_message(tr(key, phone=shown), "error")
            return
        key = "err_card_offline" if unreachable else "err_unknown_card"
        self.show_message(tr(key, card=shown), "error")

    def _coupon_refused(self, code: str, member_id: str, reason: str) -> None:
        """The hub would not hold a coupon of the open receipt: it comes off, and why is shown."""
        if (code, member_id) not in self.checkout.coupon_claims():
            return  # the receipt has moved on (paid, cancelled, another member)
        self.checkout.drop_coupon(code)
        self.refresh()
        key = f"err_coupon_refused_{reason}"
        self.show_message(tr(key if has_text(key) else "err_coupon_refused", code=code), "error")

    def pay(self) -> None:
        priced = self.checkout.priced
        if not priced.lines:
            self.show_message(tr("err_empty_receipt"), "error")
            return
        dialog = PayDialog(priced.total, self)
        dialog.submitted.connect(self._payment_submitted)
        self._open(dialog)
        dialog.received.setFocus()

    def _payment_submitted(self, kind: str, received: int) -> None:
        dialog = self.dialog
        assert isinstance(dialog, PayDialog)
        member = self.checkout.member
        try:
            if kind == "split":
                sale = self.checkout.pay_split(received)
            else:
                sale = self.checkout.pay("card" if kind == "card" else "cash", received)
        except CheckoutError as exc:
            dialog.show_error(error_text(exc))
            return
        dialog.accept()
        self.last_sale = sale
        self.coupon_holds.keep_for_sale()
        self.refresh()
        self.clear_message()
        self.wake_sync()
        balance = self._balance_of(member) if member else None
        document = receipt_document(sale, member, balance, self.receipt_header())
        self._open(SaleDialog(sale.number, document, self, change=sale.change))
        self.sale_completed.emit(sale, member, balance)

    def receipt_header(self) -> ReceiptHeader:
        """The outlet and the names of its stamp cards, as receipts print them."""
        language = Language.current
        names = {
            rule.effect.stamp_card: rule.name(language)
            for rule in self.checkout.ruleset.rules
            if rule.effect.kind == "stamp" and rule.effect.stamp_card
        }
        return ReceiptHeader(self._outlet_name, names)

    def wake_sync(self) -> None:
        """Something new waits to be sent: the sync thread sends it now when online."""
        if self.bridge.loop is not None:
            self.bridge.loop.wake()

    def open_dialog(self, dialog: QDialog) -> None:
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if self.dialog is not None:
            return  # another dialog followed this one and keeps the keys
        self.activateWindow()  # keys go back to the till, whatever the window manager does
        if self.showing(self.till_page):
            self.scan_field.setFocus()
        elif self.staff_flow is not None:
            self.staff_flow.page.pin.setFocus()

    # -- sync -----------------------------------------------------------------------------------

    def _sync_now(self) -> None:
        if self.bridge.loop is not None:
            self.bridge.loop.wake(force=True)

    def _set_working_offline(self, offline: bool) -> None:
        if self.bridge.loop is not None:
            self.bridge.loop.set_working_offline(offline)

    def _sync_status(self, status: SyncStatus) -> None:
        self.status.show_status(status)
        if status.ruleset_version is not None and status.ruleset_version != self._ruleset_version:
            self.checkout.reload_rules()
            self._ruleset_version = status.ruleset_version
            self.rules_reloaded.emit()
        self.refresh()
