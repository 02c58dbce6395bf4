"""The hub's HTTP API (FastAPI). Every route but /v1/health needs a terminal's bearer token."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import (
    APIRouter,
    Depends,
    FastAPI,
    Header,
    HTTPException,
    Path,
    Query,
    Request,
    Response,
    status,
)
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from loyalty_hub.coupons import CouponRefused, release, reserve
from loyalty_hub.deltas import catalog_delta, member_cache_delta
from loyalty_hub.models import (
    BatchResult,
    CatalogBody,
    CouponQuery,
    CouponReservation,
    Health,
    KeysBody,
    MemberBody,
    MemberCacheBody,
    PhoneKeyBody,
    PhoneQuery,
    Problem,
    ReceiptBody,
    RulesetBody,
    StaffBody,
    StaffListBody,
    TerminalBody,
    TransactionBatch,
)
from loyalty_hub.phones import key_text, outlet_phone_key, without_raw_phone
from loyalty_hub.points import member_document
from loyalty_hub.receipts import find_receipt
from loyalty_hub.repricing import Rulesets
from loyalty_hub.rules import outlet_ruleset
from loyalty_hub.staff import outlet_staff
from loyalty_hub.store import HubStore, TerminalAuth
from loyalty_hub.tokens import public_keys
from loyalty_hub.transactions import apply_batch

JSON = "application/json"
API_VERSION = "1.10.0"  # of the contract in resources/api/openapi.yaml, not of the program
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "not found"}}
BAD_BODY: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "the body cannot be read as JSON"}
}
bearer = HTTPBearer(auto_error=False)


async def _terminal(
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


def _staff_routes(api: APIRouter, store: HubStore) -> None:
    @api.get("/v1/staff")
    def staff(auth: Terminal) -> StaffListBody:
        """Who may log in at the outlet's tills, with PIN hashes for checking PINs offline."""
        with store.transaction() as conn:
            people = outlet_staff(conn, auth.outlet_id)
        return StaffListBody(staff=[StaffBody.model_validate(p.to_dict()) for p in people])


def _receipt_routes(api: APIRouter, store: HubStore) -> None:
    @api.get("/v1/receipts/{terminal_id}/{number}", responses=NOT_FOUND)
    def receipt(
        terminal_id: Annotated[str, Path(min_length=1, max_length=64)],
        number: Annotated[int, Path(ge=1, le=999_999_999)],
        auth: Terminal,
    ) -> ReceiptBody:
        """A sale of any till of the chain by the terminal and number printed on its receipt,
        with what returns took back of each line, for a return taken at another till."""
        with store.transaction() as conn:
            found = find_receipt(conn, terminal_id, number)
        if found is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such receipt on the hub")
        return found


def _coupon_routes(api: APIRouter, store: HubStore) -> None:
    @api.post(
        "/v1/coupons/reserve",
        responses={
            **NOT_FOUND,
            **BAD_BODY,
            409: {"model": Problem, "description": "used, or held by another till"},
        },
    )
    def reserve_coupon(query: CouponQuery, auth: Terminal) -> CouponReservation:
        """Hold a member's coupon for this terminal's open receipt (15 minutes)."""
        with store.transaction() as conn:
            if not conn.execute(
                "SELECT 1 FROM members WHERE member_id = ?", (query.member_id,)
            ).fetchone():
                raise HTTPException(status.HTTP_404_NOT_FOUND, "no such member")
            try:
                until = reserve(
                    conn, query.code, query.member_id, auth.terminal_id, datetime.now(UTC)
                )
            except CouponRefused as exc:
                raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
        return CouponReservation(
            code=query.code, member_id=query.member_id, status="reserved", until=until.isoformat()
        )

    @api.post("/v1/coupons/release", responses=BAD_BODY)
    def release_coupon(query: CouponQuery, auth: Terminal) -> CouponReservation:
        """Give back this terminal's hold on a coupon (the receipt was cancelled)."""
        with store.transaction() as conn:
            release(conn, query.code, query.member_id, auth.terminal_id)
        return CouponReservation(code=query.code, member_id=query.member_id, status="released")


def create_app(store: HubStore) -> FastAPI:
    app = FastAPI(
        title="Loyalty hub",
        version=API_VERSION,
        description="The central loyalty API that store terminals speak (pos-client).",
    )
    api = APIRouter(
        responses={401: {"model": Problem, "description": "unknown or revoked terminal token"}}
    )
    app.state.store = store
    rulesets = Rulesets()

    @app.get("/v1/health")
    def health() -> Health:
        return Health(status="ok", time=datetime.now(UTC).isoformat())

    @api.get(
        "/v1/ruleset",
        response_model=RulesetBody,
        responses={304: {"description": "The terminal's copy (If-None-Match) is current"}},
    )
    def ruleset(
        auth: Terminal,
        response: Response,
        if_none_match: Annotated[str | None, Header()] = None,
    ) -> RulesetBody | Response:
        """The terminal's outlet ruleset: its attributes, policies and the rules for it."""
        body = RulesetBody.model_validate(outlet_ruleset(store, auth.outlet_id))
        canonical = json.dumps(body.model_dump(), sort_keys=True, ensure_ascii=False)
        etag = '"' + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32] + '"'
        if if_none_match == etag:
            return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        response.headers["ETag"] = etag
        return body

    @api.get("/v1/catalog")
    def catalog(auth: Terminal, since: Annotated[int, Query(ge=0, le=2**53)] = 0) -> CatalogBody:
        """Products changed since the cursor of the terminal's last pull (0: all of them)."""
        with store.transaction() as conn:
            return catalog_delta(conn, since)

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

    @api.get("/v1/members")
    def members(
        auth: Terminal, since: Annotated[str, Query(max_length=40)] = ""
    ) -> MemberCacheBody:
        """The outlet's member cache (its regular customers), for identifying members offline."""
        with store.transaction() as conn:
            return member_cache_delta(conn, auth.outlet_id, since, datetime.now(UTC).date())

    @api.get("/v1/members/by-card/{card}", responses=NOT_FOUND)
    def member_by_card(card: str, auth: Terminal) -> MemberBody:
        return one_member(auth, "card", card, "no member with this card")

    @api.post("/v1/members/by-phone", responses={**NOT_FOUND, **BAD_BODY})
    def member_by_phone(query: PhoneQuery, auth: Terminal) -> MemberBody:
        """The member with this number (E.164). POST, so the number stays out of URLs and logs."""
        return one_member(auth, "phone", query.phone, "no member with this phone number")

    @api.get("/v1/phone-key")
    def phone_key(auth: Terminal) -> PhoneKeyBody:
        """The outlet's key for the phone HMACs in its member cache."""
        with store.transaction() as conn:
            return PhoneKeyBody(key=key_text(outlet_phone_key(conn, auth.outlet_id)))

    @api.get("/v1/terminal")
    def terminal(auth: Terminal) -> TerminalBody:
        """The terminal and outlet the token belongs to, for a till to check its settings."""
        return TerminalBody(terminal_id=auth.terminal_id, outlet_id=auth.outlet_id)

    @api.get("/v1/keys")
    def keys(auth: Terminal) -> KeysBody:
        """Public keys that verify members' app codes, by key id."""
        return KeysBody(keys=public_keys(store))

    _staff_routes(api, store)
    _receipt_routes(api, store)

    _coupon_routes(api, store)

    @api.post("/v1/transactions", response_model=BatchResult, responses=BAD_BODY)
    def transactions(batch: TransactionBatch, auth: Terminal) -> Response:
        # The results are the hub's own models: written out once, not checked again.
        results = apply_batch(store, rulesets, auth, batch.items)
        return Response(BatchResult(results=results).model_dump_json(), media_type=JSON)

    app.include_router(api)

    return app
