"""Printing to ESC/POS receipt printers through python-escpos (loaded only when printing).

A document is rendered to ESC/POS bytes first (no device needed), then sent in one piece. A
printer that can answer (network, serial, USB) is asked for its paper sensor before anything
is sent, so an empty roll is reported instead of a receipt lost in the printer's buffer.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import platformdirs

# The library turns its printer profiles into a pickle on import, in a new temporary folder
# each time unless told where: keep one in the till's cache, parsed once.
_PROFILES_CACHE = Path(platformdirs.user_cache_dir("pos-client")) / "escpos"
_PROFILES_CACHE.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(_PROFILES_CACHE))

from escpos.escpos import Escpos  # noqa: E402
from escpos.exceptions import Error as EscposError  # noqa: E402
from escpos.printer import Dummy, Network, Serial, Usb  # noqa: E402

from pos_client.printing.document import Barcode, PrintDocument  # noqa: E402
from pos_client.printing.target import DEFAULT_PROFILE, PrinterTarget  # noqa: E402

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
PAPER_OUT = 0  # python-escpos paper_status(): 0 none, 1 near the end, 2 enough
DRAWER_PIN = 2  # the kick connector's pin most drawers are wired to
# Characters the printers' code pages lack, written as a cashier would by hand.
SUBSTITUTES = str.maketrans(
    {"₽": "р.", "…": "...", "—": "-", "−": "-", "×": "x", "•": "*", "«": '"', "»": '"'}
)


class PrintError(Exception):
    """The receipt did not print; `reason` is unplugged, out_of_paper or failed."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def render(document: PrintDocument, profile: str = DEFAULT_PROFILE) -> bytes:
    """The document as ESC/POS commands, ending with a feed and a cut (the drawer's kick
    first, so it opens while the receipt prints)."""
    printer = Dummy(profile=profile)
    if document.open_drawer:
        printer.cashdraw(DRAWER_PIN)
        if not document.blocks:
            return bytes(printer.output)
    for block in document.blocks:
        if isinstance(block, Barcode):
            printer.set_with_default(align="center")
            with contextlib.redirect_stdout(io.StringIO()):  # the library reports its renderer
                printer.barcode(
                    "{B" + block.data,
                    "CODE128",
                    height=64,
                    width=2,
                    pos="BELOW",
                    function_type="B",
                )
            continue
        printer.set_with_default(
            align="center" if block.center else "left",
            bold=block.bold,
            double_height=block.big,
            double_width=block.big,
        )
        printer.text(block.text.translate(SUBSTITUTES) + "\n")
    printer.set_with_default()
    printer.cut()
    return bytes(printer.output)


def send(
    data: bytes, target: PrinterTarget, profile: str = DEFAULT_PROFILE, *, paper: bool = True
) -> None:
    """Send rendered bytes; PrintError says why they did not reach the printer. `paper`: they
    print (not only open the drawer), so an empty roll refuses them."""
    if target.kind == "file":
        _append(Path(target.address), data)
        return
    with _opened(target, profile) as printer:
        try:
            if paper and printer.paper_status() == PAPER_OUT:
                raise PrintError("out_of_paper", str(target))
            printer._raw(data)
        except (OSError, EscposError) as exc:
            raise PrintError("unplugged", f"{target}: {exc}") from exc
    log.info("receipt printed on %s (%d bytes)", target, len(data))


class MissingLibrary(Exception):
    """The installation lacks a library the configured printer needs (libusb for USB)."""


def probe(target: PrinterTarget) -> str | None:
    """Why the printer cannot be reached now, or None when it can; nothing is printed.

    Raises MissingLibrary when no printer of this kind could ever be reached from here.
    """
    if target.kind == "file":
        path = Path(target.address)
        writable = path if path.exists() else path.parent
        return None if os.access(writable, os.W_OK) else f"{path}: cannot write there"
    if target.kind == "network":
        try:
            socket.create_connection((target.address, target.number), CONNECT_TIMEOUT_S).close()
        except OSError as exc:
            return f"{target.address}:{target.number}: {exc.strerror or exc}"
        return None
    if target.kind == "serial":
        return None if Path(target.address).exists() else f"{target.address}: no such port"
    import usb.backend.libusb1
    import usb.core

    backend = usb.backend.libusb1.get_backend()
    if backend is None:
        raise MissingLibrary("libusb-1.0 is not installed: USB printers cannot print")
    device = usb.core.find(idVendor=target.vendor_id, idProduct=target.product_id, backend=backend)
    return None if device is not None else f"{target}: no such USB device plugged in"


def _append(path: Path, data: bytes) -> None:
    """A device node (/dev/usb/lp0) or a file that collects receipts (tests, demo)."""
    try:
        with path.open("ab") as device:
            device.write(data)
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise PrintError("unplugged", f"{path}: {exc.strerror}") from exc
    except OSError as exc:
        raise PrintError("failed", f"{path}: {exc.strerror or exc}") from exc


class _Network(Network):  # type: ignore[misc]
    """The library's network printer, with a socket that is closed when it cannot connect."""

    def open(self, raise_not_found: bool = True) -> None:
        self.device = socket.create_connection((self.host, self.port), self.timeout)


@contextlib.contextmanager
def _opened(target: PrinterTarget, profile: str) -> Iterator[Escpos]:
    printer: Escpos
    if target.kind == "network":
        printer = _Network(target.address, target.number, CONNECT_TIMEOUT_S, profile=profile)
    elif target.kind == "serial":
        printer = Serial(target.address, target.number, timeout=CONNECT_TIMEOUT_S, profile=profile)
    else:
        printer = Usb(target.vendor_id, target.product_id, profile=profile)
    try:
        printer.open()
    except (OSError, EscposError, RuntimeError, ValueError) as exc:  # pyusb without libusb too
        raise PrintError("unplugged", f"{target}: {exc}") from exc
    try:
        yield printer
    finally:
        printer.close()
