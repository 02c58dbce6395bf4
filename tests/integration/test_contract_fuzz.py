"""The hub fuzzed from the contract file with schemathesis: whatever a terminal (or anything
else) sends, the hub answers as the contract says and never fails with a server error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection

from loyalty_hub.openapi import contract_path
from loyalty_hub.seed import demo_seed, load_seed
from loyalty_hub.server import EmbeddedHub
from tests.conftest import OUTLET, TERMINAL

pytestmark = pytest.mark.integration

schema = schemathesis.openapi.from_path(contract_path())


@pytest.fixture(scope="module")
def fuzzed_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EmbeddedHub, str]]:
    hub = EmbeddedHub(Path(tmp_path_factory.mktemp("fuzz")) / "hub.sqlite3")
    load_seed(hub.store, demo_seed())
    _, token = hub.store.add_terminal(OUTLET, TERMINAL)
    hub.start()
    yield hub, token
    hub.close()


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_hub_keeps_its_contract(
    case: schemathesis.Case, fuzzed_hub: tuple[EmbeddedHub, str]
) -> None:
    hub, token = fuzzed_hub
    case.call_and_validate(
        base_url=hub.url,
        headers={"Authorization": f"Bearer {token}"},
        # Unknown query parameters are ignored, as HTTP services usually do; invalid bodies and
        # parameters still must get a 4xx, never a 5xx (not_a_server_error).
        excluded_checks=[negative_data_rejection],
    )
