"""Pure domain of the terminal: no Qt, no SQLite, no HTTP, no clock of its own."""
