"""The hub's HTTP API (FastAPI). Every route but /v1/health needs a terminal's bearer token."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from loyalty_hub.models import (
    BatchResult,
    CatalogBody,
    Health,
    KeysBody,
    MemberBody,
    MemberCacheBody,
    PhoneKeyBody,
    PhoneQuery,
    ProductBody,
    RulesetBody,
    TransactionBatch,
)
from loyalty_hub.phones import key_text, outlet_phone_key, without_raw_phone
from loyalty_hub.points import member_document
from loyalty_hub.repricing import Repricer
from loyalty_hub.rules import outlet_ruleset
from loyalty_hub.store import HubStore, TerminalAuth
from loyalty_hub.tokens import public_keys
from loyalty_hub.transactions import apply_batch
from pos_client import __version__

bearer = HTTPBearer(auto_error=False)


def _terminal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> TerminalAuth:
    store: HubStore = request.app.state.store
    auth = store.authenticate(credentials.credentials) if credentials else None
    if auth is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "unknown or revoked terminal token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return auth


Terminal = Annotated[TerminalAuth, Depends(_terminal)]


def create_app(store: HubStore) -> FastAPI:
    app = FastAPI(title="Loyalty hub", version=__version__)
    app.state.store = store
    repricer = Repricer(store)

    @app.get("/v1/health")
    def health() -> Health:
        return Health(status="ok", time=datetime.now(UTC).isoformat())

    @app.get("/v1/ruleset")
    def ruleset(auth: Terminal) -> RulesetBody:
        """The terminal's outlet ruleset: its attributes, policies and the rules for it."""
        return RulesetBody.model_validate(outlet_ruleset(store, auth.outlet_id))

    @app.get("/v1/catalog")
    def catalog(auth: Terminal) -> CatalogBody:
        rows = store.query("SELECT * FROM products ORDER BY sku")
        return CatalogBody(
            version=int(store.setting("catalog_version", "1")),
            products=[
                ProductBody.model_validate({**dict(row), "tags": json.loads(row["tags"])})
                for row in rows
            ],
        )

    def member_body(conn: sqlite3.Connection, row: sqlite3.Row, outlet_id: str) -> MemberBody:
        document = member_document(conn, row, datetime.now(UTC).date())
        return MemberBody.model_validate(
            without_raw_phone(document, outlet_phone_key(conn, outlet_id))
        )

    def one_member(auth: TerminalAuth, where: str, value: str, missing: str) -> MemberBody:
        with store.transaction() as conn:
            row = conn.execute(f"SELECT * FROM members WHERE {where} = ?", (value,)).fetchone()
            if row is None:
                raise HTTPException(status.HTTP_404_NOT_FOUND, missing)
            return member_body(conn, row, auth.outlet_id)

    @app.get("/v1/members")
    def members(auth: Terminal) -> MemberCacheBody:
        """The outlet's member cache, for identifying members while offline."""
        with store.transaction() as conn:
            rows = conn.execute("SELECT * FROM members ORDER BY member_id").fetchall()
            members = [member_body(conn, row, auth.outlet_id) for row in rows]
        return MemberCacheBody(version=int(store.setting("members_version", "1")), members=members)

    @app.get("/v1/members/by-card/{card}")
    def member_by_card(card: str, auth: Terminal) -> MemberBody:
        return one_member(auth, "card", card, "no member with this card")

    @app.post("/v1/members/by-phone")
    def member_by_phone(query: PhoneQuery, auth: Terminal) -> MemberBody:
        """The member with this number (E.164). POST, so the number stays out of URLs and logs."""
        return one_member(auth, "phone", query.phone, "no member with this phone number")

    @app.get("/v1/phone-key")
    def phone_key(auth: Terminal) -> PhoneKeyBody:
        """The outlet's key for the phone HMACs in its member cache."""
        with store.transaction() as conn:
            return PhoneKeyBody(key=key_text(outlet_phone_key(conn, auth.outlet_id)))

    @app.get("/v1/keys")
    def keys(auth: Terminal) -> KeysBody:
        """Public keys that verify members' app codes, by key id."""
        return KeysBody(keys=public_keys(store))

    @app.post("/v1/transactions")
    def transactions(batch: TransactionBatch, auth: Terminal) -> BatchResult:
        return BatchResult(results=apply_batch(store, repricer, auth, batch.items))

    return app
