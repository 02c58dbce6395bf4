"""The customer-facing screen: the lines as they are scanned, the discounts, the total, the
points to earn, and the member once identified (or a prompt to show the app code). It follows
the cashier window through its signals and owns no state of the sale."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_client.core.loyalty import Member, PointsBalance
from pos_client.core.promotions import PricedReceipt
from pos_client.core.sale import Sale
from pos_client.ui.receipt_model import ReceiptModel
from pos_client.ui.strings import tr
from pos_client.ui.theme import set_style_state

ITEM, QUANTITY, AMOUNT = 1, 2, 4  # of the cashier's receipt columns, the ones customers read


def public_name(member: Member) -> str:
    """The name as a screen others can see shows it: first name and the last name's initial."""
    first, _, rest = member.name.strip().partition(" ")
    return f"{first} {rest.strip()[0]}." if rest.strip() else first


class CustomerDisplay(QWidget):
    def __init__(self, model: ReceiptModel, outlet_name: str, cashier_window: QWidget) -> None:
        # The cashier's keys and scanner must never land here: it takes no focus, and should a
        # window manager activate it all the same, it hands the focus back at once.
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("customerDisplay")
        self._cashier_window = cashier_window
        self._outlet_name = outlet_name
        self._priced: PricedReceipt | None = None
        self._member: tuple[Member, PointsBalance] | None = None
        self._thanks: Sale | None = None
        self._thanks_balance: PointsBalance | None = None
        layout = QVBoxLayout(self)
        self.welcome = QLabel(self)
        self.welcome.setObjectName("customerWelcome")
        layout.addWidget(self.welcome)
        self.pages = QStackedWidget(self)
        self.lines = self._lines_view(model)
        self.thanks = QLabel(self)
        self.thanks.setObjectName("customerThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setWordWrap(True)
        self.pages.addWidget(self.lines)
        self.pages.addWidget(self.thanks)
        layout.addWidget(self.pages, 1)
        totals = QFrame(self)
        totals.setObjectName("customerTotals")
        column = QVBoxLayout(totals)
        self.discount = QLabel(totals)
        self.discount.setObjectName("customerDiscount")
        self.total = QLabel(totals)
        self.total.setObjectName("customerTotal")
        self.points = QLabel(totals)
        self.points.setObjectName("customerPoints")
        self.member = QLabel(totals)
        self.member.setObjectName("customerMember")
        self.member.setWordWrap(True)
        for label in (self.discount, self.total, self.points, self.member):
            column.addWidget(label)
        layout.addWidget(totals)
        model.rowsInserted.connect(self._follow_new_rows)
        self.retranslate()

    def _lines_view(self, model: ReceiptModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName("customerLines")
        view.setModel(model)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measured per scan
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        for column in range(model.columnCount()):
            view.setColumnHidden(column, column not in (ITEM, QUANTITY, AMOUNT))
        return view

    def _size_columns(self) -> None:
        """Quantity and amount as wide as their headings and the widest values."""
        self.lines.ensurePolished()
        metrics = self.lines.fontMetrics()
        heading = self.lines.horizontalHeader().fontMetrics()
        model = self.lines.model()
        for column, widest in ((QUANTITY, "99,999"), (AMOUNT, "−99 999,99")):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(widest), heading.horizontalAdvance(title))
            self.lines.setColumnWidth(column, width + 32)

    def place(self, screen_index: int | None) -> None:
        """Fill the given screen (the customer's monitor), or open as a window."""
        screens = QGuiApplication.screens()
        if screen_index is not None and screen_index < len(screens):
            self.setScreen(screens[screen_index])
            self.setGeometry(screens[screen_index].geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 768)
            self.show()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self._cashier_window.isVisible():
            QTimer.singleShot(0, self._cashier_window.activateWindow)
        return super().event(event)

    # -- following the cashier window ---------------------------------------------------

    def show_receipt(
        self, priced: PricedReceipt, member: Member | None, balance: PointsBalance | None
    ) -> None:
        """The receipt as the cashier window just showed it."""
        self._priced = priced
        self._member = (member, balance) if member is not None and balance is not None else None
        if priced.lines:
            self._thanks = None
        self.refresh()

    def show_sale(self, sale: Sale, _member: Member | None, balance: PointsBalance | None) -> None:
        """The sale just paid: thanks, the change and the points, until the next scan."""
        self._thanks, self._thanks_balance = sale, balance
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("customer_title", outlet=self._outlet_name))
        self.welcome.setText(tr("customer_welcome", outlet=self._outlet_name))
        self._size_columns()
        self.refresh()

    def refresh(self) -> None:
        priced = self._priced
        sale = self._thanks
        if sale is not None:
            self.pages.setCurrentWidget(self.thanks)
            self.thanks.setText(self._thanks_text(sale))
        else:
            self.pages.setCurrentWidget(self.lines)
        discount = priced.discount + priced.points_paid if priced and sale is None else 0
        self.discount.setText(tr("customer_discount", amount=discount) if discount else "")
        self.discount.setVisible(bool(discount))
        total = priced.total if priced and sale is None else 0
        self.total.setText(tr("customer_total", total=total))
        earn = priced.points_earned if priced and sale is None else 0
        self.points.setText(tr("customer_points", points=earn) if earn else "")
        self.points.setVisible(bool(earn))
        if self._member is None:
            self.member.setText(tr("customer_show_app"))
            set_style_state(self.member, "kind", "prompt")
        else:
            member, balance = self._member
            text = tr("customer_member", name=public_name(member), points=balance.active)
            self.member.setText(text)
            set_style_state(self.member, "kind", "member")

    def _thanks_text(self, sale: Sale) -> str:
        rows = [tr("customer_thanks")]
        if sale.change:
            rows.append(tr("customer_change", change=sale.change))
        if sale.member_id is not None:
            rows.append(tr("customer_earned", points=sale.points_earned))
            if self._thanks_balance is not None:
                rows.append(tr("customer_balance", points=self._thanks_balance.active))
        return "\n".join(rows)

    def _follow_new_rows(self, _parent: QModelIndex, _first: int, last: int) -> None:
        self.lines.scrollTo(self.lines.model().index(last, ITEM))
