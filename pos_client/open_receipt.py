"""The receipt being built outlives a crash or a power cut.

Kept in the journal at every change and brought back when the till starts again, with its
member, coupons and points to spend; it leaves the journal in the paid sale's own transaction
(so a paid receipt never comes back) or when it is cancelled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pos_client.core.receipt import Receipt, ReceiptError


@dataclass(frozen=True, slots=True)
class OpenReceipt:
    receipt: Receipt
    member_id: str | None
    coupons: frozenset[str]
    redeem_points: int

    @property
    def is_empty(self) -> bool:
        return self.receipt.is_empty and self.member_id is None and not self.coupons

    def to_dict(self) -> dict[str, Any]:
        return {
            "receipt": self.receipt.to_dict(),
            "member_id": self.member_id,
            "coupons": sorted(self.coupons),
            "redeem_points": self.redeem_points,
        }

    def to_text(self) -> str | None:
        """What the journal keeps; None for nothing to keep."""
        return None if self.is_empty else json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_text(cls, text: str) -> OpenReceipt:
        """ReceiptError when the text is no open receipt."""
        try:
            data = json.loads(text)
            member_id = data["member_id"]
            redeem_points = int(data["redeem_points"])
            coupons = frozenset(str(code) for code in data["coupons"])
            receipt = Receipt.from_dict(data["receipt"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ReceiptError(f"not an open receipt: {exc}", "bad_receipt") from None
        if (member_id is not None and not isinstance(member_id, str)) or redeem_points < 0:
            raise ReceiptError("not an open receipt: member or points", "bad_receipt")
        return cls(receipt, member_id, coupons, redeem_points)


@dataclass(frozen=True, slots=True)
class Restored:
    """What came back when the till started: the lines, and whether the member was lost (no
    longer in the member cache: identified again by the cashier)."""

    lines: int
    member_lost: bool
