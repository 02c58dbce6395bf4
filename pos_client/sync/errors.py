"""How talking to the hub can fail; importable without the HTTP stack."""

from __future__ import annotations

from dataclasses import dataclass


class HubError(Exception):
    """Base of the hub failures; `kind` is one of unavailable, refused, bad_answer."""

    kind = "unavailable"


class HubUnavailable(HubError):
    """No answer, a timeout, a dropped connection or a 5xx: try again later."""


class HubRefused(HubError):
    """401/403: this terminal's token is not accepted. Retrying will not help."""

    kind = "refused"


class HubBadAnswer(HubError):
    """An answer that is not what the contract says; nothing of it is used."""

    kind = "bad_answer"


@dataclass(frozen=True)
class TerminalIdentity:
    terminal_id: str
    outlet_id: str

    def __str__(self) -> str:
        return f"terminal {self.terminal_id} of outlet {self.outlet_id}"


class HubWrongTerminal(HubRefused):
    """The hub knows the token as another terminal or outlet than the till's settings name.
    Nothing is sent until they agree: the sales would be filed under the wrong till."""

    kind = "wrong_terminal"

    def __init__(self, hub: TerminalIdentity, ours: TerminalIdentity) -> None:
        super().__init__(f"the hub knows this token as {hub}; this till is set up as {ours}")
        self.hub = hub
