"""How talking to the hub can fail; importable without the HTTP stack."""

from __future__ import annotations


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
