"""What the terminal accepts from the hub. An answer that does not fit is refused whole."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Answer(BaseModel):
    # Validators are built on first use, in the sync thread, not while the window starts.
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class ItemResult(Answer):
    key: str
    status: Literal["applied", "duplicate", "rejected"]
    reason: str | None = None
    member_id: str | None = None
    member_points: int | None = Field(default=None, ge=0)
    member_pending: int | None = Field(default=None, ge=0)


class BatchResult(Answer):
    results: list[ItemResult]


class CatalogAnswer(Answer):
    version: int = Field(ge=1)
    products: list[dict[str, Any]]


class MemberCacheAnswer(Answer):
    version: int = Field(ge=1)
    members: list[dict[str, Any]]


class RulesetAnswer(Answer):
    """Only the version is read here; the document itself is validated by the core parser."""

    version: int = Field(ge=1)


class HealthAnswer(Answer):
    status: Literal["ok"]
    time: str


class PhoneKeyAnswer(Answer):
    key: str = Field(pattern=r"^[A-Za-z0-9_-]{43}$")  # 32 bytes, unpadded base64url


class KeysAnswer(Answer):
    keys: dict[str, str] = Field(min_length=1)  # key id -> Ed25519 public key, base64url
