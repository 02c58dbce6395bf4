"""The smoke test's check that Qt's collation has ICU's data for the till's languages."""

from __future__ import annotations

import pytest

from pos_client.ui.smoke import sorts_like_a_dictionary
from pos_client.ui.strings import LANGUAGES


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_qt_sorts_every_till_language_as_a_dictionary_does(language: str) -> None:
    assert sorts_like_a_dictionary(language)
