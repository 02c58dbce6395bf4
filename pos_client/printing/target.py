"""Where the receipt printer is, as the config names it (no printer library loaded)."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("file", "network", "serial", "usb")
NETWORK_PORT = 9100  # raw printing port of network receipt printers
SERIAL_BAUD = 9600
DEFAULT_PROFILE = "TM-T88III"  # the code pages of the common 80 mm printers (CP866 for Russian)
USAGE = (
    "printer must be file:PATH, network:HOST[:PORT], serial:DEVICE[:BAUD] or "
    "usb:VENDOR:PRODUCT (hex ids)"
)


@dataclass(frozen=True, slots=True)
class PrinterTarget:
    """Where the receipt printer is: a device or file path, a host, a serial port, USB ids."""

    kind: str
    address: str = ""
    number: int = 0  # the network port or the serial baud rate
    vendor_id: int = 0
    product_id: int = 0

    def __str__(self) -> str:
        if self.kind == "usb":
            return f"usb:{self.vendor_id:04x}:{self.product_id:04x}"
        return f"{self.kind}:{self.address}" + (f":{self.number}" if self.number else "")


def parse_target(text: str) -> PrinterTarget:
    """The printer named in the config; ValueError (saying the accepted forms) otherwise."""
    kind, _, rest = text.strip().partition(":")
    if kind not in KINDS or not rest:
        raise ValueError(f"{USAGE}, not {text!r}")
    if kind == "file":
        return PrinterTarget("file", rest)
    if kind == "usb":
        ids = rest.split(":")
        try:
            vendor, product = (int(part, 16) for part in ids)
        except ValueError:
            raise ValueError(f"{USAGE}, not {text!r}") from None
        return PrinterTarget("usb", vendor_id=vendor, product_id=product)
    address, _, number = rest.rpartition(":") if kind == "network" else rest.partition(":")
    if kind == "network" and not address:
        address, number = rest, ""
    if number and not number.isdigit():
        raise ValueError(f"{USAGE}, not {text!r}")
    default = NETWORK_PORT if kind == "network" else SERIAL_BAUD
    return PrinterTarget(kind, address, int(number) if number else default)
