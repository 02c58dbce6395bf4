"""Bundle runtime hook: pyzbar loads the zbar library shipped in the bundle, not the system's."""

import ctypes.util
import os
import sys

_system_find_library = ctypes.util.find_library


def _find_library(name: str) -> str | None:
    bundled = os.path.join(sys._MEIPASS, "libzbar.so.0")  # type: ignore[attr-defined]
    if name == "zbar" and os.path.isfile(bundled):
        return bundled
    return _system_find_library(name)


ctypes.util.find_library = _find_library
