"""QtGui for the till: PyInstaller's own hook, minus the Qt plugins a till does not use.

Filtering here, before PyInstaller resolves the plugins' dependencies, also keeps out what
those plugins would pull in (GTK for the desktop theme, Wayland, EGL device integrations).
"""

import sys
from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# A window on X11 (or Windows), and offscreen for the smoke test and automated checks.
PLATFORMS = ("qwindows", "qoffscreen") if sys.platform == "win32" else ("libqxcb", "libqoffscreen")
# Only the platform plugins and the GL integration of the X11 window are needed: the till draws
# its own style (no platform theme), Qt's built-in PNG suffices (no image format plugins), and
# frames come from OpenCV.
KEPT_PLUGIN_TYPES = ("platforms", "xcbglintegrations")


def _wanted(source: str, destination: str) -> bool:
    parts = PurePath(destination).parts
    if "plugins" not in parts:
        return True
    plugin_type = parts[parts.index("plugins") + 1]
    if plugin_type == "platforms":
        return PurePath(source).stem.startswith(PLATFORMS)
    return plugin_type in KEPT_PLUGIN_TYPES


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [
    (source, destination) for source, destination in binaries if _wanted(source, destination)
]
