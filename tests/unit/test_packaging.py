"""The bundle carries every resource folder the program reads, both specs are valid, and
the bundle's runtime hooks point pyzbar and pyusb at the libraries it ships."""

from __future__ import annotations

import ast
import ctypes.util
import os
import re
import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from bundle import (  # noqa: E402
    BUNDLED_SYSTEM_LIBRARIES,
    DATAS,
    KEPT_QT_TRANSLATIONS,
    RUNTIME_HOOK,
    TILL_LANGUAGES,
    UNUSED_RUNTIME_HOOKS,
    runtime_scripts,
)

LIBUSB = "libusb-1.0.so.0"

USE = re.compile(r"resource_path\(\s*\"([^\"]+)\"")


def test_every_resource_folder_the_code_reads_is_bundled() -> None:
    bundled = {Path(source).name for source, _ in DATAS}
    read = {
        match
        for package in ("pos_client", "loyalty_hub")
        for source in (ROOT / package).rglob("*.py")
        for match in USE.findall(source.read_text("utf-8"))
    }
    assert read, "no resource_path() calls found: the pattern is out of date"
    assert read <= bundled
    for source, target in DATAS:
        assert Path(source).is_dir()
        assert target == f"resources/{Path(source).name}"


def test_the_bundle_keeps_qt_texts_and_icu_data_for_the_languages_the_till_speaks() -> None:
    from pos_client.ui.strings import LANGUAGES

    assert set(TILL_LANGUAGES) == set(LANGUAGES)
    assert {"qtbase_ru.qm"} == KEPT_QT_TRANSLATIONS


def test_both_specs_are_python_that_uses_the_shared_choices() -> None:
    for spec in ("linux", "windows"):
        text = (ROOT / "packaging" / spec / "pos-client.spec").read_text("utf-8")
        ast.parse(text)
        assert "from bundle import" in text
        assert "excludes=UNUSED_MODULES" in text


@pytest.mark.parametrize(("name", "file_name"), [("zbar", "libzbar.so.0"), ("usb-1.0", LIBUSB)])
def test_the_bundle_hook_finds_its_own_library_first_and_the_systems_otherwise(
    name: str, file_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    system = {name: f"/usr/lib/{file_name}"}
    monkeypatch.setattr(ctypes.util, "find_library", system.get)
    runpy.run_path(RUNTIME_HOOK)
    assert ctypes.util.find_library(name) == f"/usr/lib/{file_name}"  # none in the bundle
    (tmp_path / file_name).write_bytes(b"")
    assert ctypes.util.find_library(name) == str(tmp_path / file_name)
    assert ctypes.util.find_library("crypto") is None  # any other name: the system's lookup


def test_pyusb_and_pyside6_get_the_projects_runtime_hooks_instead_of_pyinstallers() -> None:
    hooks = ROOT / "packaging" / "hooks"
    replaced = ast.literal_eval((hooks / "rthooks.dat").read_text("utf-8"))
    assert replaced == {"usb": ["rth_usb.py"], "PySide6": ["rth_pyside6.py"]}
    assert not _imports(hooks / "rthooks" / "rth_usb.py")  # nothing at start
    assert LIBUSB in BUNDLED_SYSTEM_LIBRARIES
    # Qt is imported by the commands that show a window, not before every command
    imported = {
        alias.name
        for node in _imports(hooks / "rthooks" / "rth_pyside6.py")
        for alias in node.names
    }
    assert imported == {"os", "sys"}


def test_the_pyside6_hook_points_qt_at_the_bundled_plugins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setenv("QT_PLUGIN_PATH", "")  # restored after the test, whatever the hook sets
    runpy.run_path(str(ROOT / "packaging" / "hooks" / "rthooks" / "rth_pyside6.py"))
    assert os.environ["QT_PLUGIN_PATH"] == str(tmp_path / "PySide6" / "Qt" / "plugins")


def test_the_runtime_hooks_left_out_serve_nothing_the_program_does() -> None:
    scripts = [
        ("rth_libraries", "packaging/hooks/rth_libraries.py", "PYSOURCE"),
        ("pyi_rth_inspect", "rthooks/pyi_rth_inspect.py", "PYSOURCE"),
        ("pyi_rth_multiprocessing", "rthooks/pyi_rth_multiprocessing.py", "PYSOURCE"),
        ("pyi_rth_pyside6", "rthooks/pyi_rth_pyside6.py", "PYSOURCE"),
        ("__main__", "pos_client/__main__.py", "PYSOURCE"),
    ]
    kept = [name for name, _, _ in runtime_scripts(scripts)]
    assert kept == ["rth_libraries", "pyi_rth_pyside6", "__main__"]
    # Without their hooks, child processes of a frozen program and the sources of its
    # modules are unavailable: the program must use neither.
    assert {"pyi_rth_inspect", "pyi_rth_multiprocessing"} == UNUSED_RUNTIME_HOOKS
    for source in (ROOT / "pos_client").rglob("*.py"):
        text = source.read_text("utf-8")
        tree = ast.parse(text)
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            (node.module or "").split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
        }
        assert "multiprocessing" not in imported, source
        assert "ProcessPoolExecutor" not in text, source
        assert "getsource" not in text, source


def _imports(path: Path) -> list[ast.stmt]:
    tree = ast.parse(path.read_text("utf-8"))
    return [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
