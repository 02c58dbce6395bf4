"""The hub's OpenAPI document, as the contract in resources/api/openapi.yaml states it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from loyalty_hub.app import create_app
from loyalty_hub.store import HubStore
from pos_client.resources import resource_path


def contract_path() -> Path:
    return resource_path("api", "openapi.yaml")


def generated_document() -> dict[str, Any]:
    """What the hub's code declares (FastAPI builds it from the routes and models)."""
    store = HubStore(Path(":memory:"))
    try:
        return create_app(store).openapi()
    finally:
        store.close()


def as_yaml(document: dict[str, Any]) -> str:
    text: str = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    return text


def contract_document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(contract_path().read_text("utf-8"))
    return loaded
