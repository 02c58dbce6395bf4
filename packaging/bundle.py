"""What both PyInstaller specs (packaging/linux, packaging/windows) bundle the same way.

The data folders are listed one by one (the program finds them through
pos_client.resources), and the modules the till never imports are kept out.
"""

from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent
ENTRY = str(ROOT / "pos_client" / "__main__.py")
HOOKS = str(ROOT / "packaging" / "hooks")  # QtGui without the Qt plugins a till does not use
RUNTIME_HOOK = str(ROOT / "packaging" / "hooks" / "rth_libraries.py")
BUNDLED_SYSTEM_LIBRARIES = ("libzbar.so.0", "libusb-1.0.so.0")  # Linux: from the build machine
ICON_ICO = str(ROOT / "resources" / "icons" / "pos-client.ico")
DATAS = [
    (str(ROOT / "resources" / folder), f"resources/{folder}")
    for folder in ("api", "demo", "i18n", "icons", "styles")
]
UNUSED_MODULES = [
    "tkinter", "unittest", "pydoc", "doctest", "pytest", "hypothesis", "mypy",
    "IPython", "matplotlib", "pygments",
    "numpy.fft",  # NumPy imports it only when asked; the demo camera's noise needs numpy.random
    "rich", "markdown_it",  # for httpx's command line and pydantic's debug printing only
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtPdf", "PySide6.QtSvg", "PySide6.QtSql",
    "PySide6.QtPrintSupport", "PySide6.QtDBus", "PySide6.QtConcurrent", "PySide6.QtXml",
    "PySide6.QtTest", "PySide6.QtHelp", "PySide6.QtDesigner", "PySide6.QtUiTools",
    # python-escpos needs Pillow's core and PyYAML, not the image codecs, fonts, colour
    # management or Tk of Pillow (with their libraries), nor PyYAML's C parser
    "PIL._avif", "PIL._webp", "PIL._imagingft", "PIL._imagingcms", "PIL._imagingtk",
    "PIL.ImageTk", "PIL.ImageQt", "yaml._yaml", "_yaml",
]  # fmt: skip

# PyInstaller's runtime hooks the till does not need, run before every start otherwise:
# `inspect` would import zipfile (with bz2, lzma and shutil) only to find the sources of frozen
# modules, and `multiprocessing` prepares child processes the till never starts (a test keeps
# multiprocessing out of the program's own code).
UNUSED_RUNTIME_HOOKS = {"pyi_rth_inspect", "pyi_rth_multiprocessing"}

TILL_LANGUAGES = ("en", "ru")  # those of pos_client.ui.strings (a test keeps them the same)
QT_TRANSLATIONS = PurePath("PySide6", "Qt", "translations")
# Qt's own texts the till shows, in its languages other than Qt's English
KEPT_QT_TRANSLATIONS = {f"qtbase_{language}.qm" for language in TILL_LANGUAGES if language != "en"}


def runtime_scripts(scripts):
    """The analysis' scripts (runtime hooks, then the program) without the unused hooks."""
    return [entry for entry in scripts if entry[0] not in UNUSED_RUNTIME_HOOKS]


def bundled_data(datas):
    """The collected data files without Qt's translations the till never loads (7 MB)."""
    return [
        entry
        for entry in datas
        if PurePath(entry[0]).parent != QT_TRANSLATIONS
        or PurePath(entry[0]).name in KEPT_QT_TRANSLATIONS
    ]
