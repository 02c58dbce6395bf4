"""Qt's ICU data is cut down to the till's languages, and Qt answers for them as before."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from icu_data import IcuDataError, is_kept, read_package, trim_icu_data  # noqa: E402

TILL_LANGUAGES = ("en", "ru")

# Collation, case mapping, time-zone names and the codecs Qt offers, in three languages:
# Swedish is not one the till speaks, and sorts "ö" after "z" only with its own ICU data.
PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
words = ["яблоко", "ёж", "еда", "жук", "zebra", "öl", "ost", "Apple", "apple"]
moscow = QTimeZone(b"Europe/Moscow")
for language in ("ru", "en", "sv"):
    locale = QLocale(language)
    print(language, sorted(words, key=QCollator(locale).sortKey), locale.toUpper("ёж straße"))
    print(language, moscow.displayName(QTimeZone.StandardTime, QTimeZone.LongName, locale))
print(len(QStringDecoder.availableCodecs()))
"""


def qt_library(name: str) -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    for folder in spec.submodule_search_locations or () if spec else ():
        if (Path(folder) / "Qt" / "lib" / name).exists():
            return Path(folder) / "Qt" / "lib" / name
    return None


def probe(preload: Path | None = None) -> dict[str, list[str]]:
    """What Qt answers in each language, with `preload` standing in for PySide6's ICU data."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    assert done.stderr == ""
    answers: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        key, _, answer = line.partition(" ")
        answers.setdefault(key if answer else "codecs", []).append(answer or key)
    return answers


@pytest.mark.parametrize(
    "item",
    [
        "ru.res", "en_US_POSIX.res", "root.res", "coll/ru.res", "zone/en_GB.res",
        "pool.res", "zoneinfo64.res", "coll/ucadata.icu", "cnvalias.icu", "windows-1251.cnv",
        "zone/tzdbNames.res", "brkitr/cjdict.dict", "nfkc.nrm",
    ],
)  # fmt: skip
def test_the_till_languages_data_and_all_data_that_is_no_locales_is_kept(item: str) -> None:
    assert is_kept(item, TILL_LANGUAGES)


@pytest.mark.parametrize("item", ["sv.res", "coll/sv.res", "zone/de_CH.res", "fil.res"])
def test_other_locales_data_is_dropped(item: str) -> None:
    assert not is_kept(item, TILL_LANGUAGES)


needs_tools = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("icupkg", "gcc", "nm")),
    reason="needs icupkg (icu-devtools), gcc and binutils",
)


@needs_tools
def test_trimmed_icu_data_answers_as_before_in_the_till_languages(tmp_path: Path) -> None:
    original = qt_library("libicudata.so.73")
    if original is None:
        pytest.skip("this PySide6 has no libicudata.so.73 of its own")
    library = tmp_path / original.name
    shutil.copyfile(original, library)
    symbol, package = read_package(library)

    saved = trim_icu_data(library, TILL_LANGUAGES)

    assert saved > 10_000_000
    assert library.stat().st_size == original.stat().st_size - saved
    trimmed_symbol, trimmed_package = read_package(library)
    assert trimmed_symbol == symbol
    assert len(trimmed_package) < len(package) - saved + 100_000
    before, after = probe(), probe(preload=library)
    assert after["ru"] == before["ru"]
    assert after["en"] == before["en"]
    assert after["codecs"] == before["codecs"]
    assert "['еда', 'ёж', 'жук', 'яблоко'" in after["ru"][0]  # ё sorts with е, not after я
    assert after["sv"] != before["sv"]  # Swedish fell back to the root locale: trimmed data ran
    assert trim_icu_data(library, TILL_LANGUAGES) == 0  # nothing left to drop


@needs_tools
def test_a_library_without_icu_data_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "answer.c").write_text("int answer(void) { return 42; }\n")
    library = tmp_path / "libanswer.so"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(library), str(tmp_path / "answer.c")], check=True
    )
    content = library.read_bytes()
    with pytest.raises(IcuDataError, match="exports no ICU data symbol"):
        trim_icu_data(library, TILL_LANGUAGES)
    assert library.read_bytes() == content
