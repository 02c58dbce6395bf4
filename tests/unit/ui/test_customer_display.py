from dataclasses import replace

import pytest

from pos_client.ui.customer_display import public_name
from tests.unit.core.factories import member


@pytest.mark.parametrize(
    ("name", "shown"),
    [("Дмитрий Соколов", "Дмитрий С."), ("Anna", "Anna"), ("  Мария  Кузнецова ", "Мария К.")],
)
def test_the_customer_screen_shows_a_first_name_and_an_initial(name: str, shown: str) -> None:
    assert public_name(replace(member(), name=name)) == shown
