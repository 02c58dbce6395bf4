"""The bundle carries every resource folder the program reads, and both specs are valid."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from bundle import DATAS  # noqa: E402

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


def test_both_specs_are_python_that_uses_the_shared_choices() -> None:
    for spec in ("linux", "windows"):
        text = (ROOT / "packaging" / spec / "pos-client.spec").read_text("utf-8")
        ast.parse(text)
        assert "from bundle import" in text
        assert "excludes=UNUSED_MODULES" in text
