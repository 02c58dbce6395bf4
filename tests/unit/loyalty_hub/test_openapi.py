"""resources/api/openapi.yaml is the contract: the hub's code must declare exactly it."""

from __future__ import annotations

import json

from loyalty_hub.cli import main
from loyalty_hub.openapi import as_yaml, contract_document, generated_document


def test_the_contract_file_is_what_the_hub_declares() -> None:
    generated = json.loads(json.dumps(generated_document()))
    assert contract_document() == generated, (
        "resources/api/openapi.yaml and the hub differ: change the contract on purpose, then "
        "run `loyalty-hub openapi --write`"
    )


def test_the_contract_names_every_result_a_terminal_must_handle() -> None:
    schemas = contract_document()["components"]["schemas"]
    statuses = schemas["ItemResult"]["properties"]["status"]["enum"]
    assert set(statuses) == {"applied", "duplicate", "rejected", "conflict"}
    assert set(schemas["TransactionItem"]["properties"]["kind"]["enum"]) == {
        "sale",
        "return",
        "return_without_receipt",
        "audit",
        "enrolment",
    }
    assert "304" in contract_document()["paths"]["/v1/ruleset"]["get"]["responses"]


def test_openapi_command_prints_the_contract(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["openapi"]) == 0
    assert capsys.readouterr().out == as_yaml(generated_document())
