"""Load the demo data set (outlets, catalog, members, staff, rules) into a hub database.

The demo staff's PINs are in the seed's `demo_pin` fields, for the demo only; the hub keeps
their scrypt hashes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from loyalty_hub.store import HubStore, next_seq
from pos_client.core.catalog import Product
from pos_client.core.loyalty import Member
from pos_client.core.phone import normalize_phone
from pos_client.core.staff import StaffMember
from pos_client.resources import resource_path

OPENING_DAY = "2026-03-01"  # when the demo members' opening balances were earned


def demo_seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("demo", "seed.json").read_text("utf-8"))
    return data


class AlreadySeeded(ValueError):
    """The hub holds a seed: a second one would reset the members and count their opening
    points twice."""


def load_seed(store: HubStore, seed: dict[str, Any], opened: date | None = None) -> None:
    """Insert the seed into a hub that holds none; validates products and members with the
    terminal's own core types. Raises AlreadySeeded when the hub has one.

    The members' opening spend counts towards their tiers from the month of `opened` (the
    day the seed is loaded), so the demo's tiers stay consistent however late it runs.
    """
    opened = opened or datetime.now(UTC).date()
    products = [Product.from_dict(p) for p in seed["products"]]
    members = [Member.from_dict(m) for m in seed["members"]]
    staff = [StaffMember.from_dict(person) for person in seed.get("staff", [])]
    ruleset = seed["ruleset"]
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM outlets LIMIT 1").fetchone():  # only a seed adds outlets
            raise AlreadySeeded("the hub already holds a seed, and a seed is loaded only once")
        conn.executemany(
            "INSERT OR REPLACE INTO outlets VALUES (?, ?, ?, ?, ?, ?)",
            [
                (o["id"], o["name"], o["format"], o["city"], int(o["has_cafe"]), o["timezone"])
                for o in seed["outlets"]
            ],
        )
        seq = next_seq(conn)
        conn.executemany(
            "INSERT OR REPLACE INTO products (sku, barcode, name_ru, name_en, category, price,"
            " brand, tags, plu, seq) VALUES (:sku, :barcode, :name_ru, :name_en,"
            " :category, :price, :brand, :tags, :plu, :seq)",
            [
                {**p.to_dict(), "tags": json.dumps(sorted(p.tags)), "plu": p.plu, "seq": seq}
                for p in products
            ],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO members (member_id, card, name, tier, points, segments,"
            " birthday, purchases, stamps, phone, seq) VALUES (:member_id, :card, :name, :tier,"
            " :points, :segments, :birthday, :purchases, :stamps, :phone, :seq)",
            [
                {**_member_row(m, raw), "seq": seq}
                for m, raw in zip(members, seed["members"], strict=True)
            ],
        )
        conn.executemany(
            "INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
            " VALUES (?, 'opening', ?, 'opening', ?)",
            [(m.member_id, m.points, seed.get("points_since", OPENING_DAY)) for m in members],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO member_spend VALUES (?, ?, ?)",
            [
                (m.member_id, opened.strftime("%Y-%m"), raw["opening_spend"])
                for m, raw in zip(members, seed["members"], strict=True)
                if raw.get("opening_spend")
            ],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO member_offers VALUES (?, ?, ?)",
            [
                (m.member_id, offer["code"], offer["until"])
                for m, raw in zip(members, seed["members"], strict=True)
                for offer in raw.get("personal_offers", ())
            ],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO staff (staff_id, outlet_id, name, role, pin_hash, badge)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (s.staff_id, raw["outlet"], s.name, s.role.value, s.pin_hash, s.badge)
                for s, raw in zip(staff, seed.get("staff", []), strict=True)
            ],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO rules VALUES (?, ?)",
            [(r["id"], json.dumps(r, ensure_ascii=False)) for r in ruleset["rules"]],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO settings VALUES (?, ?)",
            [
                ("ruleset_version", str(ruleset["version"])),
                ("earning", json.dumps(ruleset["earning"])),
                ("points", json.dumps(ruleset.get("points", {}))),
                ("categories", json.dumps(ruleset.get("categories", {}))),
                ("offline", json.dumps(ruleset.get("offline", {}))),
                ("programme", json.dumps(ruleset.get("programme", {}))),
            ],
        )


def seed_path_or_name(value: str) -> dict[str, Any]:
    """`--seed demo` takes the bundled demo set; anything else is a path to a seed JSON."""
    if value == "demo":
        return demo_seed()
    loaded: dict[str, Any] = json.loads(Path(value).read_text("utf-8"))
    return loaded


def _member_row(member: Member, raw: dict[str, Any]) -> dict[str, Any]:
    """The row of a seed member; a phone number is stored normalised (E.164)."""
    row = member.to_dict()
    phone = normalize_phone(raw["phone"]) if raw.get("phone") else None
    return {
        **row,
        "segments": json.dumps(row["segments"]),
        "stamps": json.dumps(row["stamps"]),
        "phone": phone,
    }
