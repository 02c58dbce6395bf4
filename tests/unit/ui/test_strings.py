"""The Qt Linguist files are complete, in step with the source table, and compiled."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from pos_client.resources import resource_path
from pos_client.ui import strings
from pos_client.ui.strings import LANGUAGES, SOURCE_LANGUAGE, has_text, set_language, tr

TOOLS = Path(sys.executable).parent
SOURCE = Path(strings.__file__)
TRANSLATED = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(TOOLS)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_is_translated_with_the_same_placeholders(language: str) -> None:
    messages = _messages(resource_path("i18n", f"pos_client_{language}.ts"))
    assert set(messages) == set(strings._TEXTS.values())
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), text


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_ts_file_is_what_lupdate_makes_from_the_source(language: str, tmp_path: Path) -> None:
    committed = resource_path("i18n", f"pos_client_{language}.ts")
    updated = tmp_path / committed.name
    shutil.copy(committed, updated)
    options = ["-no-obsolete", "-locations", "none", "-source-language", SOURCE_LANGUAGE]
    subprocess.run(
        [_tool("pyside6-lupdate"), str(SOURCE), "-ts", str(updated), *options],
        check=True,
        capture_output=True,
    )
    assert updated.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        "run `make translations`"
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_qm_file_is_compiled_from_the_ts_file(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"pos_client_{language}.qm"
    source = resource_path("i18n", compiled.with_suffix(".ts").name)
    subprocess.run(
        [_tool("pyside6-lrelease"), str(source), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == Path(strings.translation_file(language)).read_bytes(), (
        "run `make translations`"
    )


def test_the_language_switches_at_run_time() -> None:
    set_language("ru")
    assert tr("total") == "К оплате"
    assert tr("pay_change", change=1234_50) == "Сдача: 1\u00a0234,50\u00a0₽"
    set_language("en")
    assert tr("total") == "Total"
    assert tr("pay_change", change=1234_50) == "Change: 1\u00a0234,50\u00a0₽"


def test_an_unknown_language_is_refused_and_changes_nothing() -> None:
    set_language("en")
    with pytest.raises(ValueError, match="unknown language"):
        set_language("de")
    assert tr("total") == "Total"


def test_has_text_names_only_keys_of_the_table() -> None:
    assert has_text("total")
    assert not has_text("reason_no_such_reason")


@pytest.mark.usefixtures("qapp")
def test_qts_own_texts_follow_the_language() -> None:
    set_language("ru")
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Копировать"
    set_language("en")
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Copy"
