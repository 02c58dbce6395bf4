import pytest

from pos_client.printing.target import PrinterTarget, parse_target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("file:/dev/usb/lp0", PrinterTarget("file", "/dev/usb/lp0")),
        ("network:192.168.1.50", PrinterTarget("network", "192.168.1.50", 9100)),
        ("network:printer.local:9101", PrinterTarget("network", "printer.local", 9101)),
        ("serial:/dev/ttyUSB0", PrinterTarget("serial", "/dev/ttyUSB0", 9600)),
        ("serial:COM3:19200", PrinterTarget("serial", "COM3", 19200)),
        ("usb:04b8:0e15", PrinterTarget("usb", vendor_id=0x04B8, product_id=0x0E15)),
    ],
)
def test_each_kind_of_printer_is_read_with_its_defaults(text: str, target: PrinterTarget) -> None:
    assert parse_target(text) == target


def test_a_target_reads_back_as_written() -> None:
    for text in ("network:10.0.0.7:9100", "usb:04b8:0e15", "serial:COM3:19200"):
        assert str(parse_target(text)) == text


@pytest.mark.parametrize(
    "text", ["lp0", "bluetooth:AA", "file:", "network:host:port", "usb:04b8", "usb:xyz:1"]
)
def test_anything_else_is_refused_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(ValueError, match="file:PATH, network:HOST"):
        parse_target(text)
