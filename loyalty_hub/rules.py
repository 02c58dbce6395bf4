"""Building an outlet's ruleset document from the hub's rules, with the terminal's own parser."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from loyalty_hub.store import HubStore
from pos_client.core.offline import OfflinePolicy
from pos_client.core.ruleset import parse_ruleset


def outlet_ruleset(store: HubStore, outlet_id: str) -> dict[str, Any]:
    """The versioned document for one outlet: only the rules whose outlet conditions hold."""
    outlet = store.query("SELECT * FROM outlets WHERE outlet_id = ?", (outlet_id,))[0]
    rules = [
        json.loads(row["body"]) for row in store.query("SELECT body FROM rules ORDER BY rule_id")
    ]
    document: dict[str, Any] = {
        "version": int(store.setting("ruleset_version", "1")),
        "outlet": {
            "id": outlet["outlet_id"],
            "name": outlet["name"],
            "format": outlet["format"],
            "city": outlet["city"],
            "has_cafe": bool(outlet["has_cafe"]),
            "timezone": outlet["timezone"],
        },
        "categories": json.loads(store.setting("categories", "{}")),
        "earning": json.loads(store.setting("earning", '{"default_per_100": 1}')),
        "points": json.loads(store.setting("points", "{}")),
        "offline": _offline_policy(json.loads(store.setting("offline", "{}"))),
        "programme": json.loads(store.setting("programme", "{}")),
        "rules": rules,
    }
    parsed = parse_ruleset(document)
    for_outlet = {r.rule_id for r in parsed.rules if r.conditions.outlet_matches(parsed.outlet)}
    document["rules"] = [rule for rule in rules if rule["id"] in for_outlet]
    return document


def _offline_policy(settings: dict[str, Any]) -> dict[str, Any]:
    """The configured offline policy, with the programme's defaults for what it leaves out."""
    return {**asdict(OfflinePolicy()), **settings}
