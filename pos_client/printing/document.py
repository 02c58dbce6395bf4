"""A receipt as the printer and the on-screen preview both show it: rows of text and barcodes."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 42  # characters on a row of 80 mm paper in the printer's normal font


@dataclass(frozen=True, slots=True)
class Text:
    """One row; `big` prints double height and width, so it holds half the characters."""

    text: str
    bold: bool = False
    big: bool = False
    center: bool = False


@dataclass(frozen=True, slots=True)
class Barcode:
    """A CODE128 barcode with its text printed under it (the receipt code, a coupon)."""

    data: str


Block = Text | Barcode


@dataclass(frozen=True, slots=True)
class PrintDocument:
    """Rows to print; `open_drawer` first kicks the cash drawer on the printer's port. A
    document of no rows only opens the drawer (cash paid out: a refund, a cash move)."""

    blocks: tuple[Block, ...]
    open_drawer: bool = False

    def as_text(self, width: int = WIDTH) -> str:
        """The preview: each row as printed, a barcode as its centred text between bars."""
        rows: list[str] = []
        for block in self.blocks:
            if isinstance(block, Barcode):
                rows.append(f"||| {block.data} |||".center(width).rstrip())
            elif block.center:
                rows.append(block.text.center(width).rstrip())
            else:
                rows.append(block.text)
        return "\n".join(rows)
