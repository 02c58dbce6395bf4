"""The high-contrast theme recolours everything the standard one colours, at 7:1 or more."""

from __future__ import annotations

import re

import pytest

from pos_client.config import THEMES
from pos_client.resources import resource_path
from pos_client.ui.theme import DISCOUNT_COLOURS, STYLESHEETS, stylesheet

RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
AAA_CONTRAST = 7.0


def rules(name: str) -> list[tuple[list[str], dict[str, str]]]:
    text = re.sub(r"/\*.*?\*/", "", resource_path("styles", name).read_text("utf-8"), flags=re.S)
    parsed = []
    for selectors, body in RULE.findall(text):
        declarations = dict(
            (key.strip(), value.strip())
            for key, _, value in (part.partition(":") for part in body.split(";"))
            if key.strip()
        )
        parsed.append(([s.strip() for s in selectors.split(",")], declarations))
    return parsed


def luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_wcag_contrast_of_known_pairs() -> None:
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_text_in_high_contrast_is_at_least_7_to_1() -> None:
    for selectors, declarations in rules("high-contrast.qss"):
        background = COLOUR.search(declarations.get("background", "#000000"))
        assert background is not None, selectors
        for key in ("color", "selection-color"):
            if key in declarations:
                behind = (
                    declarations["selection-background-color"]
                    if key == "selection-color"
                    else background.group()
                )
                ratio = contrast(declarations[key], behind)
                assert ratio >= AAA_CONTRAST, (selectors, key, round(ratio, 2))


def test_high_contrast_recolours_every_selector_the_standard_theme_colours() -> None:
    recoloured = {s for selectors, _ in rules("high-contrast.qss") for s in selectors}
    coloured = {
        selector
        for selectors, declarations in rules("till.qss")
        if any(COLOUR.search(value) for value in declarations.values())
        for selector in selectors
    }
    assert coloured - recoloured == set()


def test_the_themes_are_the_ones_the_config_accepts() -> None:
    assert set(STYLESHEETS) == set(THEMES) == set(DISCOUNT_COLOURS)
    assert stylesheet("high-contrast").startswith(stylesheet("standard"))
    with pytest.raises(ValueError, match="unknown theme"):
        stylesheet("neon")


def test_discount_rows_are_readable_in_high_contrast_on_both_row_shades() -> None:
    for row_background in ("#000000", "#1a1a1a"):
        assert contrast(DISCOUNT_COLOURS["high-contrast"], row_background) >= AAA_CONTRAST
