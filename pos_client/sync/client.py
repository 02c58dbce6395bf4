"""The central loyalty API client (httpx). Every answer is validated before it is used."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from pos_client.core.loyalty import Member, MemberError
from pos_client.core.sale import Sale
from pos_client.store.journal import DeliveryResult, OutboxItem, SaleForReturn
from pos_client.sync.errors import (
    HubBadAnswer,
    HubRefused,
    HubUnavailable,
    HubWrongTerminal,
    TerminalIdentity,
)
from pos_client.sync.models import BatchResult, HealthAnswer, ReceiptAnswer, TerminalAnswer

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)
M = TypeVar("M", bound=BaseModel)


def tcp_transport() -> httpx.HTTPTransport:
    """Connections with Nagle's algorithm off: a request's headers and body go out at once
    instead of the body waiting for the hub's delayed ACK."""
    return httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])


class NetworkSwitch(httpx.BaseTransport):
    """A transport that can be cut off, as if the cable were pulled (the "work offline" toggle)."""

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self._inner = inner or tcp_transport()
        self.connected = True

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.connected:
            raise httpx.ConnectError("the terminal is set to work offline", request=request)
        return self._inner.handle_request(request)

    def close(self) -> None:
        """Clients sharing the switch come and go; the connections stay until `shutdown`."""

    def shutdown(self) -> None:
        self._inner.close()


@dataclass(frozen=True, slots=True)
class Fetched:
    """A JSON object from the hub, or None when the terminal's copy is current (304)."""

    data: dict[str, Any] | None
    etag: str | None


class HubClient:
    """Talks to the hub; `clock_skew_s` is the hub's clock minus ours, from its Date header."""

    def __init__(
        self,
        base_url: str,
        token: str,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        self._http = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "pos-client"},
            transport=transport or tcp_transport(),
            timeout=timeout,
        )
        self.clock_skew_s: float | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def health(self) -> HealthAnswer:
        return self._parse(self._request("GET", "/v1/health"), HealthAnswer)

    def confirm_terminal(self, expected: TerminalIdentity) -> None:
        """Raises HubWrongTerminal unless the hub knows this token as `expected` (HubRefused
        when it does not know the token at all)."""
        answer = self._parse(self._request("GET", "/v1/terminal"), TerminalAnswer)
        known = TerminalIdentity(answer.terminal_id, answer.outlet_id)
        if known != expected:
            raise HubWrongTerminal(known, expected)

    def get_json(self, path: str, **params: str | int) -> dict[str, Any]:
        """A JSON object from the hub; anything else is a bad answer."""
        data = self.fetch(path, params=params).data
        assert data is not None  # only an If-None-Match request can be answered 304
        return data

    def fetch(
        self, path: str, *, params: dict[str, str | int] | None = None, etag: str | None = None
    ) -> Fetched:
        """GET a JSON object; with `etag`, a 304 answer gives `data=None`."""
        headers = {"If-None-Match": etag} if etag else {}
        response = self._request("GET", path, params=params or {}, headers=headers)
        if response.status_code == 304:
            return Fetched(None, etag)
        data = self._json(response)
        if not isinstance(data, dict):
            raise HubBadAnswer(f"{path}: expected a JSON object")
        return Fetched(data, response.headers.get("ETag"))

    def reserve_coupon(self, code: str, member_id: str) -> str | None:
        """Hold a member's coupon for this till's receipt: None when held, else why not."""
        response = self._request(
            "POST",
            "/v1/coupons/reserve",
            allow=(404, 409),
            json={"code": code, "member_id": member_id},
        )
        if response.status_code == 200:
            return None
        if response.status_code == 404:
            return "unknown_member"
        detail = self._json(response).get("detail")
        return detail if isinstance(detail, str) else "coupon_refused"

    def release_coupon(self, code: str, member_id: str) -> None:
        self._request("POST", "/v1/coupons/release", json={"code": code, "member_id": member_id})

    def member_by_card(self, card: str) -> Member | None:
        return self._member_or_none(
            self._request("GET", f"/v1/members/by-card/{card}", allow=(404,))
        )

    def member_by_phone(self, e164: str) -> Member | None:
        """The member with this number; sent in the body, so it stays out of URLs and logs."""
        return self._member_or_none(
            self._request("POST", "/v1/members/by-phone", allow=(404,), json={"phone": e164})
        )

    def receipt(self, terminal_id: str, number: int) -> SaleForReturn | None:
        """Another till's sale by the code on its receipt, with what came back of it so far
        (`returned_on_hub`); None when the hub has no such receipt."""
        path = f"/v1/receipts/{quote(terminal_id, safe='')}/{number}"
        response = self._request("GET", path, allow=(404,))
        if response.status_code == 404:
            return None
        answer = self._parse(response, ReceiptAnswer)
        try:
            sale = Sale.from_dict(answer.sale)
        except (KeyError, TypeError, ValueError) as exc:
            raise HubBadAnswer(f"{path}: the sale cannot be read: {exc!r}") from exc
        returned = {r.position: r.quantity for r in answer.returned}
        problem = _receipt_problem(sale, terminal_id, number, returned)
        if problem:
            raise HubBadAnswer(f"{path}: {problem}")
        return SaleForReturn(sale, returned, returned_on_hub=returned)

    def _member_or_none(self, response: httpx.Response) -> Member | None:
        if response.status_code == 404:
            return None
        try:
            return Member.from_dict(self._json(response))
        except MemberError as exc:
            raise HubBadAnswer(str(exc)) from exc

    def push(self, items: Sequence[OutboxItem]) -> list[DeliveryResult]:
        # The journal keeps each body as JSON text; it goes out as written, not parsed again.
        entries = ",".join(
            f'{{"key":{json.dumps(i.key)},"kind":{json.dumps(i.kind)},"body":{i.body}}}'
            for i in items
        )
        response = self._request(
            "POST",
            "/v1/transactions",
            content=f'{{"items":[{entries}]}}'.encode(),
            headers={"Content-Type": "application/json"},
        )
        answer = self._parse(response, BatchResult)
        return [
            DeliveryResult(
                key=r.key,
                status=r.status,
                reason=r.reason,
                first_status=r.first_status,
                overdraft=r.overdraft,
                member_id=r.member_id,
                member_points=r.member_points,
                member_pending=r.member_pending,
            )
            for r in answer.results
        ]

    def _request(
        self, method: str, path: str, allow: tuple[int, ...] = (), **kwargs: Any
    ) -> httpx.Response:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise HubUnavailable(f"{type(exc).__name__}: {exc}") from exc
        self._note_clock(response)
        if response.status_code in (401, 403):
            raise HubRefused(f"the hub refused this terminal's token ({response.status_code})")
        if response.status_code >= 500 or response.status_code == 429:
            raise HubUnavailable(f"the hub answered {response.status_code}")
        if response.status_code in allow or response.status_code == 304:
            return response
        if response.status_code != 200:
            raise HubBadAnswer(f"{method} {path}: unexpected status {response.status_code}")
        return response

    def _note_clock(self, response: httpx.Response) -> None:
        """The hub's clock against ours (its Date header has whole seconds)."""
        try:
            hub_time = parsedate_to_datetime(response.headers["Date"]).timestamp()
        except (KeyError, TypeError, ValueError):
            return
        self.clock_skew_s = hub_time - time.time()

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise HubBadAnswer(f"{response.request.url.path}: not JSON") from exc

    @staticmethod
    def _parse(response: httpx.Response, model: type[M]) -> M:
        path = response.request.url.path
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            first = exc.errors()[0]
            if first["type"] == "json_invalid":
                raise HubBadAnswer(f"{path}: not JSON") from exc
            where = ".".join(str(p) for p in first["loc"])
            raise HubBadAnswer(f"{path}: {where}: {first['msg']}") from exc


def _receipt_problem(
    sale: Sale, terminal_id: str, number: int, returned: dict[int, int]
) -> str | None:
    """Why the hub's answer cannot be the receipt asked for, or None."""
    if (sale.terminal_id, sale.number) != (terminal_id, number):
        return f"asked for {terminal_id}-{number}, got {sale.terminal_id}-{sale.number}"
    for position, line in enumerate(sale.lines):
        paid = line.unit_price * line.quantity - line.discount - line.points_paid
        if line.quantity < 1 or line.total < 0 or paid != line.total:
            return f"line {position + 1} does not add up"
    if not sale.lines or not sale.tenders or sum(t.amount for t in sale.tenders) != sale.total:
        return "the sale's tenders do not add up to its total"
    for position, quantity in returned.items():
        if position >= len(sale.lines) or quantity > sale.lines[position].quantity:
            return f"line {position + 1}: more returned than sold"
    return None
