"""Schema migrations, in order. Migration N brings `PRAGMA user_version` from N-1 to N.

Never edit a released migration; append a new one.
"""

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE sales (
            sale_id TEXT PRIMARY KEY,
            number INTEGER NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            member_id TEXT,
            total INTEGER NOT NULL,
            points_earned INTEGER NOT NULL,
            body TEXT NOT NULL
        )""",
        """CREATE TABLE sale_lines (
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            position INTEGER NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            unit_price INTEGER NOT NULL,
            discount INTEGER NOT NULL,
            total INTEGER NOT NULL,
            PRIMARY KEY (sale_id, position)
        )""",
        """CREATE TABLE tenders (
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            amount INTEGER NOT NULL,
            received INTEGER NOT NULL,
            PRIMARY KEY (sale_id, position)
        )""",
        """CREATE TABLE points_ledger (
            entry_id INTEGER PRIMARY KEY,
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            member_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            points INTEGER NOT NULL
        )""",
        """CREATE TABLE outbox (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        )""",
        """CREATE TABLE dead_letters (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            reason TEXT NOT NULL,
            failed_at TEXT NOT NULL
        )""",
        """CREATE TABLE catalog (
            sku TEXT PRIMARY KEY,
            barcode TEXT NOT NULL UNIQUE,
            name_ru TEXT NOT NULL,
            name_en TEXT NOT NULL,
            category TEXT NOT NULL,
            price INTEGER NOT NULL
        )""",
        """CREATE TABLE members (
            member_id TEXT PRIMARY KEY,
            card TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            tier TEXT NOT NULL,
            points INTEGER NOT NULL
        )""",
        """CREATE TABLE cache_state (
            name TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            body TEXT
        )""",
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ],
]

MIGRATIONS.append(
    [
        "ALTER TABLE catalog ADD COLUMN brand TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE catalog ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
    ]
)

MIGRATIONS.append(
    [
        "ALTER TABLE members ADD COLUMN segments TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE members ADD COLUMN birthday TEXT",
        "ALTER TABLE members ADD COLUMN purchases INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE members ADD COLUMN stamps TEXT NOT NULL DEFAULT '{}'",
    ]
)

MIGRATIONS.append(
    [
        "ALTER TABLE members ADD COLUMN pending_points INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE members ADD COLUMN expiring TEXT NOT NULL DEFAULT '[]'",
    ]
)

MIGRATIONS.append(
    [
        """CREATE TABLE app_keys (
            key_id TEXT PRIMARY KEY,
            public_key TEXT NOT NULL
        )""",
        """CREATE TABLE seen_tokens (
            key_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            step INTEGER NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (key_id, member_id, step)
        )""",
    ]
)

MIGRATIONS.append(
    [
        "ALTER TABLE members ADD COLUMN phone_masked TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE members ADD COLUMN phone_hmac TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX members_phone_hmac ON members (phone_hmac) WHERE phone_hmac != ''",
    ]
)

MIGRATIONS.append(
    [
        "ALTER TABLE cache_state ADD COLUMN etag TEXT",
        "ALTER TABLE cache_state ADD COLUMN cursor TEXT",
        """CREATE TABLE conflicts (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            reason TEXT NOT NULL,
            overdraft INTEGER,
            reported_at TEXT NOT NULL
        )""",
        "ALTER TABLE sales ADD COLUMN coupons_used TEXT NOT NULL DEFAULT '[]'",
        """CREATE TABLE returns (
            return_id TEXT PRIMARY KEY,
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            created_at TEXT NOT NULL,
            member_id TEXT,
            refund INTEGER NOT NULL,
            body TEXT NOT NULL
        )""",
        """CREATE TABLE returned_lines (
            return_id TEXT NOT NULL REFERENCES returns(return_id),
            sale_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (return_id, position)
        )""",
        "CREATE INDEX returned_lines_sale ON returned_lines (sale_id, position)",
    ]
)

MIGRATIONS.append(
    [
        """CREATE TABLE staff (
            staff_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            pin_hash TEXT NOT NULL,
            badge TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX staff_badge ON staff (badge) WHERE badge != ''",
        """CREATE TABLE login_state (
            staff_id TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until TEXT
        )""",
        """CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            staff_id TEXT,
            event TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
        """CREATE TABLE shifts (
            shift_id TEXT PRIMARY KEY,
            number INTEGER NOT NULL UNIQUE,
            opened_at TEXT NOT NULL,
            opened_by TEXT NOT NULL,
            opening_float INTEGER NOT NULL,
            closed_at TEXT,
            closed_by TEXT,
            counted_cash INTEGER,
            summary TEXT
        )""",
        # At most one open shift: every open one has the same value in this index.
        "CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL))"
        " WHERE closed_at IS NULL",
        """CREATE TABLE cash_moves (
            move_id TEXT PRIMARY KEY,
            shift_id TEXT NOT NULL REFERENCES shifts(shift_id),
            at TEXT NOT NULL,
            staff_id TEXT NOT NULL,
            amount INTEGER NOT NULL,
            reason TEXT NOT NULL
        )""",
        "ALTER TABLE sales ADD COLUMN shift_id TEXT",
        "ALTER TABLE returns ADD COLUMN shift_id TEXT",
        "CREATE INDEX sales_shift ON sales (shift_id)",
        "CREATE INDEX returns_shift ON returns (shift_id)",
    ]
)

MIGRATIONS.append(
    [
        # Members who joined at this till, with the consent they gave (their phone and name
        # travel only in the outbox body, for the hub).
        """CREATE TABLE enrolments (
            enrolment_id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            terms_version TEXT NOT NULL,
            marketing INTEGER NOT NULL,
            card TEXT NOT NULL,
            cashier_id TEXT,
            shift_id TEXT
        )""",
        "ALTER TABLE members ADD COLUMN marketing_consent INTEGER",
    ]
)

MIGRATIONS.append(
    [
        # Finding a day's receipts for a return (the F5 list) without reading the whole journal.
        "CREATE INDEX sales_created_at ON sales (created_at)",
    ]
)

MIGRATIONS.append(
    [
        # A return may be of another till's sale, fetched from the hub, or of no sale at all
        # (no receipt, a manager approving): `returns` no longer points into this till's
        # `sales`. SQLite cannot drop a constraint, so both tables are rebuilt (renaming a
        # table carries the foreign keys that point at it).
        """CREATE TABLE returns_v11 (
            return_id TEXT PRIMARY KEY,
            sale_id TEXT,
            created_at TEXT NOT NULL,
            member_id TEXT,
            refund INTEGER NOT NULL,
            body TEXT NOT NULL,
            shift_id TEXT
        )""",
        "INSERT INTO returns_v11 SELECT return_id, sale_id, created_at, member_id, refund, body,"
        " shift_id FROM returns",
        """CREATE TABLE returned_lines_v11 (
            return_id TEXT NOT NULL REFERENCES returns_v11(return_id),
            sale_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (return_id, position)
        )""",
        "INSERT INTO returned_lines_v11 SELECT return_id, sale_id, position, quantity"
        " FROM returned_lines",
        "DROP TABLE returned_lines",
        "DROP TABLE returns",
        "ALTER TABLE returns_v11 RENAME TO returns",
        "ALTER TABLE returned_lines_v11 RENAME TO returned_lines",
        "CREATE INDEX returned_lines_sale ON returned_lines (sale_id, position)",
        "CREATE INDEX returns_shift ON returns (shift_id)",
    ]
)

MIGRATIONS.append(
    [
        # The member's qualifying spend for the tiers, and the codes of their personal offers.
        "ALTER TABLE members ADD COLUMN tier_spend INTEGER",
        "ALTER TABLE members ADD COLUMN offers TEXT NOT NULL DEFAULT '[]'",
    ]
)

MIGRATIONS.append(
    [
        # The push reads the oldest rows first; without this each batch sorted the whole queue,
        # so a queue of days drained in time growing with its square.
        "CREATE INDEX outbox_order ON outbox (created_at, key)",
    ]
)

MIGRATIONS.append(
    [
        # What the product search matches (core.catalog.search_text, registered by open_database
        # as an SQL function): SQLite's own LIKE folds the case of Latin letters only.
        "ALTER TABLE catalog ADD COLUMN search TEXT NOT NULL DEFAULT ''",
        "UPDATE catalog SET search = search_text(name_ru, name_en, brand, sku, barcode)",
    ]
)

MIGRATIONS.append(
    [
        # The receipt being built, kept at every change so that a crash does not lose it.
        """CREATE TABLE open_receipt (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    ]
)

MIGRATIONS.append(
    [
        # Receipts put aside to serve the next customer, taken up again later (store.parked).
        """CREATE TABLE parked_receipts (
            park_id INTEGER PRIMARY KEY AUTOINCREMENT,
            body TEXT NOT NULL,
            lines INTEGER NOT NULL,
            total INTEGER NOT NULL,
            parked_at TEXT NOT NULL
        )""",
    ]
)

MIGRATIONS.append(
    [
        # Goods sold by weight carry the code the outlet's scales print on their labels.
        "ALTER TABLE catalog ADD COLUMN plu TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX catalog_plu ON catalog (plu) WHERE plu != ''",
    ]
)

MIGRATIONS.append(
    [
        # The cash drawer opened with nothing sold ("no sale"), on a manager's approval.
        """CREATE TABLE no_sales (
            no_sale_id TEXT PRIMARY KEY,
            shift_id TEXT NOT NULL REFERENCES shifts (shift_id),
            at TEXT NOT NULL,
            staff_id TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            reason TEXT NOT NULL
        )""",
        "CREATE INDEX no_sales_shift ON no_sales (shift_id)",
    ]
)

MIGRATIONS.append(
    [
        # Sale lines and tenders kept by their primary key alone (WITHOUT ROWID): journaling a
        # sale writes one b-tree page less for each (12 pages to the WAL instead of 14).
        """CREATE TABLE sale_lines_by_key (
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            position INTEGER NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            unit_price INTEGER NOT NULL,
            discount INTEGER NOT NULL,
            total INTEGER NOT NULL,
            PRIMARY KEY (sale_id, position)
        ) WITHOUT ROWID""",
        "INSERT INTO sale_lines_by_key SELECT sale_id, position, sku, quantity, unit_price,"
        " discount, total FROM sale_lines",
        "DROP TABLE sale_lines",
        "ALTER TABLE sale_lines_by_key RENAME TO sale_lines",
        """CREATE TABLE tenders_by_key (
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            amount INTEGER NOT NULL,
            received INTEGER NOT NULL,
            PRIMARY KEY (sale_id, position)
        ) WITHOUT ROWID""",
        "INSERT INTO tenders_by_key SELECT sale_id, position, kind, amount, received FROM tenders",
        "DROP TABLE tenders",
        "ALTER TABLE tenders_by_key RENAME TO tenders",
    ]
)
