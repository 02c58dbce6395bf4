"""Bundle runtime hook: pyzbar and pyusb load the libraries shipped in the bundle, and the
system's only when the bundle has none (both find them through ctypes.util.find_library)."""

import ctypes.util
import os
import sys

BUNDLED = {
    "zbar": ("libzbar.so.0",),
    "usb-1.0": ("libusb-1.0.so.0", "libusb-1.0.dll"),
}
_system_find_library = ctypes.util.find_library


def _find_library(name: str) -> str | None:
    for file_name in BUNDLED.get(name, ()):
        bundled = os.path.join(sys._MEIPASS, file_name)  # type: ignore[attr-defined]
        if os.path.isfile(bundled):
            return bundled
    return _system_find_library(name)


ctypes.util.find_library = _find_library
