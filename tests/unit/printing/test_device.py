from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from escpos.constants import CD_KICK_2

from pos_client.printing.device import MissingLibrary, PrintError, probe, render, send
from pos_client.printing.document import Barcode, PrintDocument, Text
from pos_client.printing.target import PrinterTarget
from tests.printer_emulator import ReceiptPrinterEmulator

RECEIPT = PrintDocument(
    (
        Text("Невский", bold=True, big=True, center=True),
        Text("Итого 1 234,50 ₽ × 2 •••• 0047"),
        Barcode("R:T0001-12"),
    )
)
CUT = b"\x1dV"


@pytest.fixture
def printer() -> Iterator[ReceiptPrinterEmulator]:
    emulator = ReceiptPrinterEmulator()
    yield emulator
    emulator.close()


def test_russian_text_prints_in_the_printers_code_page_and_the_receipt_is_cut() -> None:
    data = render(RECEIPT)
    assert "Невский".encode("cp866") in data
    assert "Итого 1 234,50 р. x 2 **** 0047".encode("cp866") in data  # what CP866 lacks
    assert b"\x1dkI" + bytes([len("{BR:T0001-12")]) + b"{BR:T0001-12" in data  # CODE128
    assert data.rstrip(b"\x00").endswith(CUT) or CUT in data[-8:]


def test_a_file_printer_collects_receipts_one_after_another(tmp_path: Path) -> None:
    roll = tmp_path / "receipts.prn"
    send(b"one", PrinterTarget("file", str(roll)))
    send(b"two", PrinterTarget("file", str(roll)))
    assert roll.read_bytes() == b"onetwo"


def test_a_missing_device_file_is_an_unplugged_printer(tmp_path: Path) -> None:
    with pytest.raises(PrintError) as raised:
        send(b"x", PrinterTarget("file", str(tmp_path / "gone" / "lp0")))
    assert raised.value.reason == "unplugged"


def test_a_network_printer_with_paper_gets_the_whole_receipt(
    printer: ReceiptPrinterEmulator,
) -> None:
    data = render(RECEIPT)
    send(data, PrinterTarget("network", "127.0.0.1", printer.port))
    assert printer.printed() == data


def test_a_printer_out_of_paper_is_reported_and_gets_nothing_to_lose(
    printer: ReceiptPrinterEmulator,
) -> None:
    printer.paper = False
    with pytest.raises(PrintError) as raised:
        send(render(RECEIPT), PrinterTarget("network", "127.0.0.1", printer.port))
    assert raised.value.reason == "out_of_paper"
    assert printer.printed() == b""


def test_a_printer_that_does_not_answer_is_unplugged(printer: ReceiptPrinterEmulator) -> None:
    port = printer.port
    printer.close()
    with pytest.raises(PrintError) as raised:
        send(b"x", PrinterTarget("network", "127.0.0.1", port))
    assert raised.value.reason == "unplugged"


def test_probe_finds_a_network_printer_that_answers_and_names_one_that_does_not(
    printer: ReceiptPrinterEmulator,
) -> None:
    assert probe(PrinterTarget("network", "127.0.0.1", printer.port)) is None
    printer.close()
    problem = probe(PrinterTarget("network", "127.0.0.1", printer.port))
    assert problem is not None and problem.startswith(f"127.0.0.1:{printer.port}: ")


def test_probe_checks_that_a_file_can_be_written_and_a_serial_port_exists(tmp_path: Path) -> None:
    assert probe(PrinterTarget("file", str(tmp_path / "receipts.prn"))) is None
    assert probe(PrinterTarget("file", str(tmp_path / "no" / "receipts.prn"))) == (
        f"{tmp_path / 'no' / 'receipts.prn'}: cannot write there"
    )
    assert probe(PrinterTarget("serial", str(tmp_path / "ttyUSB0"))) == (
        f"{tmp_path / 'ttyUSB0'}: no such port"
    )
    assert not (tmp_path / "receipts.prn").exists()  # nothing printed


def test_probe_looks_for_a_usb_printer_through_libusb() -> None:
    import usb.backend.libusb1

    if usb.backend.libusb1.get_backend() is None:
        with pytest.raises(MissingLibrary):
            probe(PrinterTarget("usb", vendor_id=0, product_id=0))
    else:  # no device has the ids 0000:0000
        assert probe(PrinterTarget("usb", vendor_id=0, product_id=0)) == (
            "usb:0000:0000: no such USB device plugged in"
        )


def test_the_cash_drawer_opens_before_the_receipt_prints_or_alone() -> None:
    opened = render(replace(RECEIPT, open_drawer=True))
    assert opened.startswith(CD_KICK_2) and opened.endswith(render(RECEIPT)[-4:])
    assert CD_KICK_2 not in render(RECEIPT)
    assert render(PrintDocument((), open_drawer=True)) == CD_KICK_2  # nothing printed or cut


def test_an_empty_roll_does_not_keep_the_drawer_shut(printer: ReceiptPrinterEmulator) -> None:
    printer.paper = False
    drawer = render(PrintDocument((), open_drawer=True))
    send(drawer, PrinterTarget("network", "127.0.0.1", printer.port), paper=False)
    assert printer.printed(connections=1) == CD_KICK_2
