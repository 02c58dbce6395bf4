"""The hub's SQLite database: outlets, catalog, members, rules, terminals and transactions."""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS outlets (
    outlet_id TEXT PRIMARY KEY, name TEXT NOT NULL, format TEXT NOT NULL,
    city TEXT NOT NULL, has_cafe INTEGER NOT NULL, timezone TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS products (
    sku TEXT PRIMARY KEY, barcode TEXT NOT NULL UNIQUE, name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL, category TEXT NOT NULL, price INTEGER NOT NULL,
    brand TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]',
    plu TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS members (
    member_id TEXT PRIMARY KEY, card TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    tier TEXT NOT NULL, points INTEGER NOT NULL, segments TEXT NOT NULL DEFAULT '[]',
    birthday TEXT, purchases INTEGER NOT NULL DEFAULT 0, stamps TEXT NOT NULL DEFAULT '{}',
    phone TEXT UNIQUE);
CREATE TABLE IF NOT EXISTS rules (
    rule_id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terminals (
    terminal_id TEXT PRIMARY KEY, outlet_id TEXT NOT NULL REFERENCES outlets(outlet_id),
    token_sha256 TEXT NOT NULL UNIQUE, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS transactions (
    key TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, kind TEXT NOT NULL,
    body_sha256 TEXT NOT NULL, body TEXT NOT NULL, result TEXT NOT NULL,
    received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS transactions_receipt
    ON transactions (terminal_id, json_extract(body, '$.number')) WHERE kind = 'sale';
CREATE TABLE IF NOT EXISTS pricing_mismatches (
    transaction_key TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, details TEXT NOT NULL,
    recorded_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS repricing_queue (
    transaction_key TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, outlet_id TEXT NOT NULL,
    ruleset_version TEXT NOT NULL, products TEXT NOT NULL, member TEXT,
    received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ruleset_documents (
    outlet_id TEXT NOT NULL, version TEXT NOT NULL, document TEXT NOT NULL,
    PRIMARY KEY (outlet_id, version));
CREATE TABLE IF NOT EXISTS signing_keys (
    key_id TEXT PRIMARY KEY, private_key TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS phone_keys (
    outlet_id TEXT PRIMARY KEY, key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS points_ledger (
    entry_id INTEGER PRIMARY KEY, member_id TEXT NOT NULL, transaction_key TEXT NOT NULL,
    points INTEGER NOT NULL, kind TEXT NOT NULL, created_on TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS points_ledger_member ON points_ledger (member_id, kind, created_on);
CREATE TABLE IF NOT EXISTS points_by_day (
    member_id TEXT NOT NULL, created_on TEXT NOT NULL, earned INTEGER NOT NULL,
    burned INTEGER NOT NULL, PRIMARY KEY (member_id, created_on));

CREATE TABLE IF NOT EXISTS member_visits (
    outlet_id TEXT NOT NULL, member_id TEXT NOT NULL, visits INTEGER NOT NULL,
    last_visit TEXT NOT NULL, PRIMARY KEY (outlet_id, member_id));
CREATE TABLE IF NOT EXISTS outlet_member_cache (
    outlet_id TEXT NOT NULL, member_id TEXT NOT NULL, entered_seq INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, member_id));
CREATE TABLE IF NOT EXISTS outlet_member_removed (
    outlet_id TEXT NOT NULL, member_id TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, member_id));
CREATE TABLE IF NOT EXISTS coupon_uses (
    code TEXT NOT NULL, member_id TEXT NOT NULL, transaction_key TEXT NOT NULL,
    PRIMARY KEY (code, member_id));
CREATE TABLE IF NOT EXISTS coupon_reservations (
    code TEXT NOT NULL, member_id TEXT NOT NULL, terminal_id TEXT NOT NULL,
    expires_at TEXT NOT NULL, PRIMARY KEY (code, member_id));
CREATE TABLE IF NOT EXISTS staff (
    staff_id TEXT PRIMARY KEY, outlet_id TEXT NOT NULL REFERENCES outlets(outlet_id),
    name TEXT NOT NULL, role TEXT NOT NULL, pin_hash TEXT NOT NULL,
    badge TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1);
CREATE UNIQUE INDEX IF NOT EXISTS staff_badge ON staff (badge) WHERE badge != '';
CREATE TABLE IF NOT EXISTS consents (
    member_id TEXT PRIMARY KEY, terms_version TEXT NOT NULL, given_at TEXT NOT NULL,
    marketing INTEGER NOT NULL, channel TEXT NOT NULL, outlet_id TEXT NOT NULL,
    terminal_id TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_entries (
    terminal_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, staff_id TEXT,
    event TEXT NOT NULL, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
    received_at TEXT NOT NULL, PRIMARY KEY (terminal_id, seq));
CREATE TABLE IF NOT EXISTS member_spend (
    member_id TEXT NOT NULL, month TEXT NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (member_id, month));
CREATE TABLE IF NOT EXISTS member_offers (
    member_id TEXT NOT NULL, code TEXT NOT NULL, until TEXT NOT NULL,
    PRIMARY KEY (member_id, code));
CREATE TABLE IF NOT EXISTS returned_quantities (
    sale_key TEXT NOT NULL, position INTEGER NOT NULL, quantity INTEGER NOT NULL,
    PRIMARY KEY (sale_key, position));
"""


# The ledger summed per member and day, kept by triggers: a member's points are read from a few
# rows per day however long their history (earned = opening + earn, burned = burn).
POINTS_BY_DAY_TRIGGERS = (
    """
CREATE TRIGGER IF NOT EXISTS points_by_day_insert AFTER INSERT ON points_ledger BEGIN
    INSERT INTO points_by_day VALUES (NEW.member_id, NEW.created_on,
        IIF(NEW.kind IN ('opening', 'earn'), NEW.points, 0), IIF(NEW.kind = 'burn', NEW.points, 0))
    ON CONFLICT (member_id, created_on) DO UPDATE
        SET earned = earned + excluded.earned, burned = burned + excluded.burned;
END""",
    """
CREATE TRIGGER IF NOT EXISTS points_by_day_delete AFTER DELETE ON points_ledger BEGIN
    UPDATE points_by_day
        SET earned = earned - IIF(OLD.kind IN ('opening', 'earn'), OLD.points, 0),
            burned = burned - IIF(OLD.kind = 'burn', OLD.points, 0)
        WHERE member_id = OLD.member_id AND created_on = OLD.created_on;
END""",
    """
CREATE TRIGGER IF NOT EXISTS points_by_day_update AFTER UPDATE ON points_ledger BEGIN
    UPDATE points_by_day
        SET earned = earned - IIF(OLD.kind IN ('opening', 'earn'), OLD.points, 0),
            burned = burned - IIF(OLD.kind = 'burn', OLD.points, 0)
        WHERE member_id = OLD.member_id AND created_on = OLD.created_on;
    INSERT INTO points_by_day VALUES (NEW.member_id, NEW.created_on,
        IIF(NEW.kind IN ('opening', 'earn'), NEW.points, 0), IIF(NEW.kind = 'burn', NEW.points, 0))
    ON CONFLICT (member_id, created_on) DO UPDATE
        SET earned = earned + excluded.earned, burned = burned + excluded.burned;
END""",
)


@dataclass(frozen=True, slots=True)
class TerminalAuth:
    terminal_id: str
    outlet_id: str


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def unknown_outlet(conn: sqlite3.Connection, outlet_id: str) -> str | None:
    """Why an outlet id is refused (with the ones the hub has), or None when it exists."""
    known = [row[0] for row in conn.execute("SELECT outlet_id FROM outlets ORDER BY outlet_id")]
    if outlet_id in known:
        return None
    if not known:
        return f"unknown outlet {outlet_id!r}: the hub has none yet (load them: loyalty-hub seed)"
    return f"unknown outlet {outlet_id!r} (the hub has {', '.join(known)})"


class HubStore:
    """One connection guarded by a lock: the reference hub favours correctness over throughput."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.executescript(SCHEMA)
        self._add_missing_columns()
        self._add_points_by_day()
        # Tokens are checked on their own connection: a WAL reader waits for no batch.
        self._tokens_lock: threading.Lock | threading.RLock = threading.Lock()
        self._tokens = self._conn
        if str(path) == ":memory:":
            self._tokens_lock = self._lock
        else:
            self._tokens = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )

    def _add_missing_columns(self) -> None:
        """Bring a database made by an older hub up to this schema."""
        columns = {row["name"] for row in self._conn.execute("PRAGMA table_info(members)")}
        if "phone" not in columns:
            self._conn.execute("ALTER TABLE members ADD COLUMN phone TEXT")
            self._conn.execute("CREATE UNIQUE INDEX members_phone ON members (phone)")
        if "seq" not in columns:
            self._conn.execute("ALTER TABLE members ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
        columns = {row["name"] for row in self._conn.execute("PRAGMA table_info(products)")}
        if "seq" not in columns:
            self._conn.execute("ALTER TABLE products ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
            self._conn.execute("ALTER TABLE products ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0")
        if "plu" not in columns:  # goods sold by weight (contract 1.10)
            self._conn.execute("ALTER TABLE products ADD COLUMN plu TEXT NOT NULL DEFAULT ''")

    def _add_points_by_day(self) -> None:
        """Sum a ledger written before the per-day table existed, then let triggers keep it."""
        with self.transaction() as conn:
            has_triggers = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger'"
                " AND name = 'points_by_day_insert'"
            ).fetchone()
            if has_triggers is None:
                conn.execute(
                    "INSERT INTO points_by_day SELECT member_id, created_on,"
                    " SUM(IIF(kind IN ('opening', 'earn'), points, 0)),"
                    " SUM(IIF(kind = 'burn', points, 0)) FROM points_ledger"
                    " GROUP BY member_id, created_on"
                )
                for trigger in POINTS_BY_DAY_TRIGGERS:
                    conn.execute(trigger)

    def close(self) -> None:
        with self._tokens_lock:
            self._tokens.close()  # the main connection itself for a database in memory
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def setting(self, key: str, default: str) -> str:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else default

    def put_product(self, product: dict[str, Any]) -> None:
        """Add or change a catalog product (stamped with a new change number)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO products (sku, barcode, name_ru, name_en, category, price,"
                " brand, tags, plu, seq, deleted) VALUES (:sku, :barcode, :name_ru, :name_en,"
                " :category, :price, :brand, :tags, :plu, :seq, 0)",
                {
                    **product,
                    "tags": json.dumps(sorted(product.get("tags", []))),
                    "brand": product.get("brand", ""),
                    "plu": product.get("plu", ""),
                    "seq": next_seq(conn),
                },
            )

    def delete_product(self, sku: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE products SET deleted = 1, seq = ? WHERE sku = ?", (next_seq(conn), sku)
            )

    # -- terminals ---------------------------------------------------------------------

    def add_terminal(self, outlet_id: str, terminal_id: str | None = None) -> tuple[str, str]:
        """Register a terminal for an outlet; returns (terminal id, token). Shown once."""
        with self._lock:
            unknown = unknown_outlet(self._conn, outlet_id)
        if unknown:
            raise ValueError(unknown)
        terminal_id = terminal_id or f"{outlet_id}-T{secrets.randbelow(10**4):04d}"
        token = secrets.token_urlsafe(32)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO terminals (terminal_id, outlet_id, token_sha256) VALUES (?, ?, ?)",
                (terminal_id, outlet_id, token_digest(token)),
            )
        return terminal_id, token

    def revoke_terminal(self, terminal_id: str) -> None:
        """Refuse the terminal's token from the next request on (a till stolen or retired)."""
        with self.transaction() as conn:
            if not conn.execute(
                "UPDATE terminals SET revoked = 1 WHERE terminal_id = ?", (terminal_id,)
            ).rowcount:
                raise ValueError(f"unknown terminal {terminal_id!r}")

    def authenticate(self, token: str) -> TerminalAuth | None:
        """The terminal a token belongs to, unless it is unknown or revoked. Never waits for a
        batch being written, so it can run on the server's event loop."""
        with self._tokens_lock:
            row = self._tokens.execute(
                "SELECT terminal_id, outlet_id FROM terminals"
                " WHERE token_sha256 = ? AND revoked = 0",
                (token_digest(token),),
            ).fetchone()
        return TerminalAuth(row[0], row[1]) if row else None


def next_seq(conn: sqlite3.Connection) -> int:
    """The next number of the hub's change counter; catalog and member deltas follow it."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'change_seq'").fetchone()
    seq = (int(row["value"]) if row else 0) + 1
    conn.execute("INSERT OR REPLACE INTO settings VALUES ('change_seq', ?)", (str(seq),))
    return seq


def member_row(row: sqlite3.Row) -> dict[str, Any]:
    """A members row with its JSON columns decoded."""
    data = dict(row)
    return {**data, "segments": json.loads(data["segments"]), "stamps": json.loads(data["stamps"])}
