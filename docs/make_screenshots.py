"""Screenshots of the real till window for the README, made offscreen from a demo session.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py docs
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos_client.core.identity import receipt_code
from pos_client.demo import DemoEnvironment, start_demo
from pos_client.ui.app import build_till
from pos_client.ui.approval_dialog import ApprovalDialog
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.enrol_dialog import EnrolDialog
from pos_client.ui.first_run import SetupScreen
from pos_client.ui.main_window import MainWindow
from pos_client.ui.member_phone import MemberPhone
from pos_client.ui.parking import ParkedDialog
from pos_client.ui.pay_dialog import PayDialog
from pos_client.ui.phone_dialog import PhoneDialog
from pos_client.ui.product_search import ProductSearchDialog
from pos_client.ui.receipt_search import ReceiptNumberDialog
from pos_client.ui.return_dialog import ReturnDialog
from pos_client.ui.return_without_receipt import GoodsBackDialog, ask_return_without_receipt
from pos_client.ui.shift_dialogs import CloseShiftDialog
from pos_client.ui.smoke import start_demo_shift
from pos_client.ui.strings import set_language
from pos_client.ui.theme import Theme, apply_theme

BASKET = ["4607012340016", "4607012340016", "4607012340115", "4607012340177", "2780000000047"]
# Scale labels: 754 g of Gouda (PLU 00101), 1,235 kg of apples (00102); then a cappuccino
WEIGHED = ["2200101007542", "2200102012354", "4607012340016"]


def settle(app: QApplication, until: object = None, timeout_ms: int = 5000) -> None:
    """Let the event loop run until `until()` holds (or the timeout), so signals arrive."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if until is None or until() else None)  # type: ignore[operator]
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()
    app.processEvents()


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def shoot(window: MainWindow, display: QWidget, app: QApplication, out: Path, suffix: str) -> None:
    for code in BASKET:
        window.handle_code(code)
    settle(app, lambda: window.status.status.online)
    save(window, out / f"till{suffix}.png")
    save(display, out / f"customer-display{suffix}.png")
    window.pay()
    dialog = window.dialog
    assert isinstance(dialog, PayDialog)
    dialog.received.setText("1000")
    settle(app, timeout_ms=100)
    save(dialog, out / f"pay{suffix}.png")
    dialog.split.click()
    dialog.received.setText("200")
    settle(app, timeout_ms=100)
    save(dialog, out / f"pay-split{suffix}.png")
    dialog.submitted.emit("cash", 100000)
    receipt = window.dialog
    assert isinstance(receipt, SaleDialog)
    settle(app, lambda: "…" not in receipt.print_row.state.text())  # printed on the demo roll
    save(receipt, out / f"receipt{suffix}.png")
    window.dialog.accept()


def shoot_return(window: MainWindow, app: QApplication, out: Path, suffix: str) -> None:
    """The return of one coffee from the receipt `shoot` made."""
    sale = window.last_sale
    assert sale is not None
    window.cancel_receipt()
    window.returns.start()
    search = window.dialog
    assert isinstance(search, ReceiptNumberDialog)
    search.table.setCurrentCell(0, 0)
    settle(app, timeout_ms=100)
    save(search, out / f"receipt-search{suffix}.png")
    search.reject()
    window.handle_code(receipt_code(sale.terminal_id, sale.number))
    settle(app, lambda: isinstance(window.dialog, ReturnDialog))  # the hub's count of returns
    dialog = window.dialog
    assert isinstance(dialog, ReturnDialog)
    dialog.quantities[0].setValue(1)
    settle(app, timeout_ms=100)
    save(dialog, out / f"return{suffix}.png")
    dialog.reject()
    assert window.staff_flow is not None
    ask_return_without_receipt(window.staff_flow)
    goods = window.dialog
    assert isinstance(goods, GoodsBackDialog)
    for code in (BASKET[1], BASKET[1], BASKET[2]):
        goods.add_code(code)
    goods.reason.setText("не подошёл размер" if not suffix else "wrong size")
    settle(app, timeout_ms=100)
    save(goods, out / f"return-without-receipt{suffix}.png")
    goods.reject()


def shoot_login(window: MainWindow, app: QApplication, out: Path, suffix: str) -> None:
    """The login page after a wrong PIN, then the demo cashier logs in and opens the shift."""
    settle(app, lambda: window.status.status.online)
    flow = window.staff_flow
    assert flow is not None
    flow.login("S0001", "0000")
    settle(app, timeout_ms=100)
    save(window, out / f"login{suffix}.png")
    assert start_demo_shift(window)


def shoot_staff(window: MainWindow, app: QApplication, out: Path, suffix: str) -> None:
    """A manager's approval for voiding the last receipt, and the shift's close."""
    flow = window.staff_flow
    sale = window.last_sale
    assert flow is not None and sale is not None
    window.cancel_receipt()
    flow.void_paid_receipt()
    assert window.dialog is not None
    window.dialog.entered.emit(str(sale.number))  # type: ignore[attr-defined]
    settle(app, timeout_ms=100)
    approval = window.dialog
    assert isinstance(approval, ApprovalDialog)
    save(approval, out / f"approval{suffix}.png")
    approval.reject()
    flow.close_shift()
    close = window.dialog
    assert isinstance(close, CloseShiftDialog)
    close.counted.setText("320")
    settle(app, timeout_ms=100)
    save(close, out / f"close-shift{suffix}.png")
    close.reject()


def shoot_offline(window: MainWindow, app: QApplication, out: Path) -> None:
    window.work_offline.setChecked(True)
    settle(app, lambda: window.status.status.working_offline)
    window.handle_code(BASKET[2])
    pay_by_card(window)
    window.sync_now.trigger()
    settle(app, lambda: window.status.status.waiting == 1)
    save(window, out / "offline.png")


def pay_by_card(window: MainWindow) -> None:
    """Pay the receipt through the payment dialog, as the cashier does, and close its receipt."""
    window.pay()
    dialog = window.dialog
    assert isinstance(dialog, PayDialog)
    dialog.submitted.emit("card", 0)
    receipt = window.dialog
    assert isinstance(receipt, SaleDialog)
    receipt.accept()


def shoot_problems(demo: DemoEnvironment, window: MainWindow, app: QApplication, out: Path) -> None:
    """A sale spending points the member no longer had (a conflict), and one for a member the
    hub no longer knows (rejected): the status bar, then the problems window."""
    window.work_offline.setChecked(False)
    settle(app, lambda: window.status.status.online)
    window.cancel_receipt()
    member = "M-00004"
    with demo.hub.store.transaction() as conn:
        conn.execute("UPDATE members SET points = 0 WHERE member_id = ?", [member])
        conn.execute(
            "INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
            " VALUES (?, 'web', -10000, 'burn', '2026-11-01')",
            [member],
        )
    for code in BASKET:
        window.handle_code(code)
    window.checkout.set_redeem_points(100)
    pay_by_card(window)
    window.sync_now.trigger()
    settle(app, lambda: window.status.status.conflicts == 1)
    with demo.hub.store.transaction() as conn:
        conn.execute("DELETE FROM members WHERE member_id = ?", [member])
    for code in BASKET[:2] + BASKET[-1:]:
        window.handle_code(code)
    pay_by_card(window)
    window.sync_now.trigger()
    settle(app, lambda: window.status.status.dead_letters == 1)
    window.refresh()
    save(window, out / "sync-status.png")
    window.show_problems()
    settle(app, timeout_ms=100)
    assert window.dialog is not None
    save(window.dialog, out / "sync-problems.png")
    window.dialog.reject()


def shoot_phone_dialog(window: MainWindow, app: QApplication, out: Path) -> None:
    window.cancel_receipt()
    window.enter_phone()
    dialog = window.dialog
    assert isinstance(dialog, PhoneDialog)
    dialog.number.setText("8 916 555-00-0")
    dialog.entered.emit(dialog.number.text())
    settle(app, timeout_ms=100)
    save(dialog, out / "phone.png")
    dialog.reject()


def shoot_high_contrast(window: MainWindow, app: QApplication, out: Path) -> None:
    window.cancel_receipt()
    window.set_high_contrast(True)
    for code in BASKET:
        window.handle_code(code)
    settle(app, timeout_ms=100)
    save(window, out / "till-high-contrast.png")
    window.cancel_receipt()
    window.set_high_contrast(False)


def shoot_enrolment(window: MainWindow, app: QApplication, out: Path, suffix: str) -> None:
    """The enrolment form refused without the terms ticked, as the cashier sees it."""
    window.cancel_receipt()
    window.buttons["action_enrol"].click()
    dialog = window.dialog
    assert isinstance(dialog, EnrolDialog)
    dialog.name.setText("Ольга Петрова" if suffix == "" else "Olga Petrova")
    dialog.phone.setText("8 921 000-12-34")
    dialog.take_card("2780000000993")
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)  # the terms not ticked: refused
    settle(app, timeout_ms=100)
    save(dialog, out / f"enrol{suffix}.png")
    dialog.reject()


def shoot_product_search(window: MainWindow, app: QApplication, out: Path, suffix: str) -> None:
    """The search for an item by name, as words typed in the scan field open it."""
    window.cancel_receipt()
    window.find_product("вода" if suffix == "" else "water")
    dialog = window.dialog
    assert isinstance(dialog, ProductSearchDialog)
    settle(app, timeout_ms=100)
    save(dialog, out / f"find-item{suffix}.png")
    dialog.reject()


def shoot_parked(window: MainWindow, app: QApplication, out: Path, suffix: str) -> None:
    """Two receipts put aside (Ins), and the list Ins shows on the empty till."""
    window.cancel_receipt()
    parking = window.parking
    assert parking is not None
    for basket in (BASKET, BASKET[:1]):
        for code in basket:
            window.handle_code(code)
        parking.park_or_list()
    parking.park_or_list()
    dialog = window.dialog
    assert isinstance(dialog, ParkedDialog)
    settle(app, timeout_ms=100)
    save(dialog, out / f"parked{suffix}.png")
    dialog.reject()
    for receipt in window.checkout.parked():  # the next screenshots start from an empty till
        window.checkout.take_up(receipt.park_id)
        window.checkout.cancel()


def shoot_weighed(window: MainWindow, app: QApplication, out: Path, suffix: str) -> None:
    """Goods sold by weight, scanned from the scale's labels."""
    window.cancel_receipt()
    for code in WEIGHED:
        window.handle_code(code)
    settle(app, timeout_ms=100)
    save(window, out / f"weighed{suffix}.png")
    window.cancel_receipt()


def shoot_help(window: MainWindow, app: QApplication, out: Path, suffix: str) -> None:
    window.help_action.trigger()
    settle(app, timeout_ms=100)
    assert window.dialog is not None
    save(window.dialog, out / f"help{suffix}.png")
    window.dialog.reject()


def shoot_camera(app: QApplication, out: Path) -> None:
    """The till with the simulated camera, and the demo member's app held up to it."""
    demo = start_demo(language="ru", camera="synthetic")
    till = build_till(demo.config, app)
    till.window.resize(1280, 768)
    till.window.show()
    assert start_demo_shift(till.window)
    phone = MemberPhone(demo.members(), demo.app_code, camera=till.camera)
    phone.member.setCurrentIndex(phone.member.findData("M-00004"))
    phone.show()
    phone.hold.click()
    settle(app, lambda: till.window.checkout.member is not None)
    settle(app, lambda: till.window.status.status.online)
    for code in BASKET[:3]:
        till.window.handle_code(code)
    settle(app, timeout_ms=300)
    save(till.window, out / "camera.png")
    save(phone, out / "member-app.png")
    phone.close()
    till.close()
    demo.close()


def shoot_first_run(app: QApplication, out: Path) -> None:
    """The first-run screen, in Russian with a refused token, and in English."""
    demo = start_demo()
    with tempfile.TemporaryDirectory() as tmp:
        for language, suffix in (("ru", ""), ("en", "-en")):
            set_language(language)
            apply_theme(app, Theme.current)
            screen = SetupScreen(Path(tmp) / "pos-client" / "config.toml", language)
            screen.resize(820, 560)
            screen.show()
            for name, value in (
                ("api_url", demo.config.api_url),
                ("outlet_id", demo.config.outlet_id),
                ("terminal_id", demo.config.terminal_id),
                ("token", demo.config.token if suffix else "x" * 43),
            ):
                screen.fields[name].setText(value)
            screen.test_connection()
            settle(app, lambda s=screen: s.test_button.isEnabled())
            save(screen, out / f"first-run{suffix}.png")
            screen.close()
    demo.close()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    for language, suffix in (("ru", ""), ("en", "-en")):
        demo = start_demo(language=language)
        till = build_till(replace(demo.config, customer_display="window"), app)
        till.window.resize(1280, 800)
        till.window.show()
        (display,) = till.extra_windows
        display.resize(1024, 640)
        display.show()
        shoot_login(till.window, app, out, suffix)
        shoot(till.window, display, app, out, suffix)
        shoot_return(till.window, app, out, suffix)
        shoot_staff(till.window, app, out, suffix)
        shoot_enrolment(till.window, app, out, suffix)
        shoot_product_search(till.window, app, out, suffix)
        shoot_parked(till.window, app, out, suffix)
        shoot_help(till.window, app, out, suffix)
        shoot_weighed(till.window, app, out, suffix)
        if language == "ru":
            shoot_offline(till.window, app, out)
            shoot_phone_dialog(till.window, app, out)
            shoot_high_contrast(till.window, app, out)
            shoot_problems(demo, till.window, app, out)
        till.close()
        demo.close()
    shoot_camera(app, out)
    shoot_first_run(app, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")))
