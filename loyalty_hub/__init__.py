"""Reference central loyalty API: the hub terminals sync with (demo, development, tests)."""
