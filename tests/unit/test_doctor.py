"""The doctor's printer check (the other checks run against a real hub in tests/integration)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_client.doctor import BROKEN, DEGRADED, OK, Check, check_printer
from pos_client.printing import device
from pos_client.printing.target import PrinterTarget


def test_a_till_without_a_printer_is_fine() -> None:
    assert check_printer(None) == Check(
        "printer", OK, "none configured (receipts are shown on screen)"
    )


def test_a_printer_that_cannot_be_reached_degrades_the_till(tmp_path: Path) -> None:
    target = PrinterTarget("serial", str(tmp_path / "ttyS9"))
    assert check_printer(target) == Check("printer", DEGRADED, f"{tmp_path}/ttyS9: no such port")
    ready = PrinterTarget("file", str(tmp_path / "receipts.prn"))
    assert check_printer(ready) == Check("printer", OK, f"file:{tmp_path}/receipts.prn: ready")


def test_a_usb_printer_without_libusb_is_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_libusb(_target: PrinterTarget) -> str | None:
        raise device.MissingLibrary("libusb-1.0 is not installed: USB printers cannot print")

    monkeypatch.setattr(device, "probe", no_libusb)
    check = check_printer(PrinterTarget("usb", vendor_id=0x0416, product_id=0x5011))
    assert check == Check(
        "printer",
        BROKEN,
        "usb:0416:5011: libusb-1.0 is not installed: USB printers cannot print",
    )
