"""The terminal's SQLite database: journal, outbox and caches (through sqlite-utils)."""
