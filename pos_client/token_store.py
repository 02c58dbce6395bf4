"""Where the terminal's API token lives: the OS keyring, or a file only its owner can read.

The token is never written into the config file. With a keyring backend (Secret Service,
KWallet, Windows Credential Manager) it goes there under the service "pos-client" and the
terminal id; on a till without one, into `token` in the config directory, mode 0600.
keyring is imported on use: finding its backends takes longer than the rest of start-up's
configuration, and a till whose token is in a file never needs it.
"""

from __future__ import annotations

from pathlib import Path

from pos_client.store.secret_file import SecretFile, SecretFileError

SERVICE = "pos-client"
KEYRING = "keyring"


class TokenStoreError(Exception):
    """The token could not be stored or read; the message says where and why."""


def save_token(terminal_id: str, token: str, fallback: Path) -> str:
    """Store the token; returns where: "keyring" or the fallback file's path."""
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, terminal_id, token)
    except keyring.errors.KeyringError:
        try:
            SecretFile(fallback).write(token)
        except SecretFileError as exc:
            raise TokenStoreError(str(exc)) from exc
        return str(fallback)
    return KEYRING


def keyring_token(terminal_id: str) -> str | None:
    """The token the keyring holds for this terminal, or None (also without a backend)."""
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(SERVICE, terminal_id)
    except keyring.errors.KeyringError:
        return None
