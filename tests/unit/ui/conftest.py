from collections.abc import Iterator

import pytest

from pos_client.ui.strings import Language, set_language


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    """The window language is process-wide; each test leaves it as it found it."""
    before = Language.current
    yield
    set_language(before)
