"""kill -9 of a terminal in the middle of scanning a receipt, again and again: every scan it
made before it died is on the receipt the next start takes up, and none twice."""

from __future__ import annotations

import pytest

from tests.integration.crash_harness import Terminal, kill_mid_receipt

pytestmark = pytest.mark.integration

RUNS = 40


def test_a_receipt_killed_mid_scan_is_taken_up_whole(killable: Terminal) -> None:
    seen = kill_mid_receipt(killable, RUNS, seed=11)
    assert len(seen) == RUNS
    # a scan reported was committed; one more may have committed unreported before the kill
    assert all(found in (reported, reported + 1) for reported, found in seen), seen
    assert seen[-1][1] > RUNS  # the receipt grew across the kills: nothing was started over
