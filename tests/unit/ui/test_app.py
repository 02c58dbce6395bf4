"""What the till's start imports: only what the first paint needs (the start-up benchmark's
figures depend on it)."""

from __future__ import annotations

import json
import subprocess
import sys

# Each of these costs a good part of a bare Qt window's start and is first needed later: the
# sync thread (HTTP, answer models, cache swaps), a camera, a phone number, the keyring, an
# app code.
LOADED_LATER = (
    "sqlite_utils",
    "numpy",
    "httpx",
    "pydantic",
    "cv2",
    "phonenumbers",
    "keyring",
    "cryptography",
)
START_PATH = "import pos_client.cli, pos_client.config, pos_client.logs, pos_client.ui.app"


def test_the_window_start_path_leaves_heavy_libraries_for_later() -> None:
    probe = f"{START_PATH}; import json, sys; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        ).stdout
    )
    assert [name for name in LOADED_LATER if name in loaded] == []
