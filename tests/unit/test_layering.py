"""DESIGN.md's layering, checked on the imports of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IO_AND_QT = {"PySide6", "sqlite3", "sqlite_utils", "httpx", "cv2", "pyzbar", "fastapi", "uvicorn"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


@pytest.mark.parametrize("path", _modules("pos_client/core"), ids=str)
def test_core_imports_no_io_no_qt_and_nothing_else_of_the_project(path: Path) -> None:
    for name in _imports(path):
        assert _top(name) not in IO_AND_QT, f"{path.name} imports {name}"
        if _top(name) in ("pos_client", "loyalty_hub"):
            assert name.startswith("pos_client.core"), f"{path.name} imports {name}"


@pytest.mark.parametrize("path", _modules("pos_client"), ids=str)
def test_only_ui_imports_pyside6(path: Path) -> None:
    if "ui" in path.relative_to(ROOT / "pos_client").parts[:1]:
        return
    assert not any(_top(name) == "PySide6" for name in _imports(path)), path


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        (
            "pos_client/store",
            ("pos_client.sync", "pos_client.scanner", "pos_client.checkout", "pos_client.ui"),
        ),
        ("pos_client/sync", ("pos_client.scanner", "pos_client.checkout", "pos_client.ui")),
        (
            "pos_client/scanner",
            ("pos_client.store", "pos_client.sync", "pos_client.checkout", "pos_client.ui"),
        ),
    ],
)
def test_lower_layers_do_not_import_upper_ones(package: str, forbidden: tuple[str, ...]) -> None:
    for path in _modules(package):
        for name in _imports(path):
            assert not name.startswith(forbidden), f"{path} imports {name}"


def test_checkout_imports_no_ui() -> None:
    assert not any(n.startswith("pos_client.ui") for n in _imports(ROOT / "pos_client/checkout.py"))


@pytest.mark.parametrize("path", _modules("loyalty_hub"), ids=str)
def test_hub_uses_only_the_core_and_resources_of_the_terminal(path: Path) -> None:
    allowed = ("pos_client.core", "pos_client.resources")
    for name in _imports(path):
        if _top(name) == "pos_client" and name != "pos_client":
            assert name.startswith(allowed), f"{path.name} imports {name}"
