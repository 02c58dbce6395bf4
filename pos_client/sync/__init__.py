"""Talking to the central loyalty API: the client, the sync engine and its loop thread."""
