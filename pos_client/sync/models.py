"""What the terminal accepts from the hub. An answer that does not fit is refused whole."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Answer(BaseModel):
    # Validators are built on first use, in the sync thread, not while the window starts.
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class ItemResult(Answer):
    key: str
    status: Literal["applied", "duplicate", "rejected", "conflict"]
    reason: str | None = None
    first_status: Literal["applied", "conflict"] | None = None
    overdraft: int | None = Field(default=None, ge=0)
    member_id: str | None = None
    member_points: int | None = Field(default=None, ge=0)
    member_pending: int | None = Field(default=None, ge=0)


class BatchResult(Answer):
    results: list[ItemResult]


class CatalogAnswer(Answer):
    cursor: int = Field(ge=0)
    full: bool
    products: list[dict[str, Any]]
    removed: list[str]


class MemberCacheAnswer(Answer):
    cursor: str = Field(min_length=1, max_length=40)
    full: bool
    limit: int = Field(ge=0)
    members: list[dict[str, Any]]
    removed: list[str]

    @model_validator(mode="after")
    def _bounded(self) -> MemberCacheAnswer:
        if len(self.members) > self.limit:
            raise ValueError(f"{len(self.members)} members, more than the limit {self.limit}")
        return self


class RulesetAnswer(Answer):
    """Only the version is read here; the document itself is validated by the core parser."""

    version: int = Field(ge=1)


class HealthAnswer(Answer):
    status: Literal["ok"]
    time: str


class PhoneKeyAnswer(Answer):
    key: str = Field(pattern=r"^[A-Za-z0-9_-]{43}$")  # 32 bytes, unpadded base64url


class TerminalAnswer(Answer):
    terminal_id: str = Field(min_length=1, max_length=64)
    outlet_id: str = Field(min_length=1, max_length=64)


class KeysAnswer(Answer):
    keys: dict[str, str] = Field(min_length=1)  # key id -> Ed25519 public key, base64url


class StaffAnswer(Answer):
    """Read whole; each record is validated by the core (a bad PIN hash refuses the list)."""

    staff: list[dict[str, Any]]


class ReturnedAnswer(Answer):
    position: int = Field(ge=0)
    quantity: int = Field(ge=1)


class ReceiptAnswer(Answer):
    """Another till's sale: read whole here, the sale itself by the core (`Sale.from_dict`)."""

    sale: dict[str, Any]
    returned: list[ReturnedAnswer]
