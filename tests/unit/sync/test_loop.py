import random

from hypothesis import given
from hypothesis import strategies as st

from pos_client.sync.loop import BACKOFF_CAP_S, backoff_delay


@given(st.integers(0, 10_000), st.integers(0, 2**32))
def test_backoff_stays_within_zero_and_the_cap(failures: int, seed: int) -> None:
    delay = backoff_delay(failures, random.Random(seed))
    assert 0 <= delay <= min(BACKOFF_CAP_S, 2.0 ** min(failures, 32))


def test_backoff_is_jittered() -> None:
    rng = random.Random(1)
    delays = {round(backoff_delay(10, rng), 6) for _ in range(20)}
    assert len(delays) == 20
