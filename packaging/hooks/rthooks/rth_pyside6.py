"""Bundle runtime hook for PySide6, in place of PyInstaller's own, which imports QtCore before
the program starts (a tenth of a second for `pos-client --version`, `doctor` and the other
commands that show no window). Qt finds its plugins here; its translations and the rest come
from the qt.conf that PySide6's QtCore embeds, relative to itself, as in the wheel."""

import os
import sys

QT = ("PySide6",) if sys.platform == "win32" else ("PySide6", "Qt")  # as in the wheels
os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, *QT, "plugins")
