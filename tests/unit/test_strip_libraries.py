"""The bundle's libraries are stripped only where the loader would map the same image."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from strip_libraries import loaded_image, strip_all, strip_safely  # noqa: E402

pytestmark = pytest.mark.skipif(
    not (shutil.which("gcc") and shutil.which("strip")), reason="needs gcc and binutils"
)

SOURCE = "int answer(void) { return 42; }\n"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A shared library built with debug information and a symbol table."""
    (tmp_path / "answer.c").write_text(SOURCE)
    built = tmp_path / "libanswer.so"
    subprocess.run(
        ["gcc", "-g", "-shared", "-fPIC", "-o", str(built), str(tmp_path / "answer.c")],
        check=True,
    )
    return built


def test_a_library_is_stripped_and_loads_as_before(library: Path, tmp_path: Path) -> None:
    image = loaded_image(library)
    size = library.stat().st_size
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    saved = strip_safely(library, scratch)
    assert saved > 0
    assert library.stat().st_size == size - saved
    assert loaded_image(library) == image
    assert ctypes.CDLL(str(library)).answer() == 42
    assert strip_safely(library, scratch) == 0  # nothing left to strip


def test_a_strip_that_would_change_what_is_loaded_leaves_the_library_as_it_was(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A `strip` that also changes a byte the loader maps, as strip does to some libraries
    # patchelf rewrote: the library must stay as it was.
    tools = tmp_path / "tools"
    tools.mkdir()
    fake = tools / "strip"
    fake.write_text(
        "#!/bin/sh\n"
        "for f; do :; done\n"
        f'{shutil.which("strip")} --strip-unneeded "$f"\n'
        'printf "\\377" | dd of="$f" bs=1 seek=1024 conv=notrunc status=none\n'
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:{Path(shutil.which('sh') or '/bin/sh').parent}")
    first_load = next(segment for segment in loaded_image(library) or () if segment.kind == 1)
    assert len(first_load.content) > 1024  # the byte changed is one the loader maps
    original = library.read_bytes()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert strip_safely(library, scratch) == 0
    assert library.read_bytes() == original


def test_files_that_are_not_elf_libraries_are_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "qtbase_ru.qm"
    data.write_bytes(b"<\xb8d\x18" + bytes(100))
    assert loaded_image(data) is None
    assert strip_all([data]) == 0
    assert data.read_bytes() == b"<\xb8d\x18" + bytes(100)
