from pos_client.scanner.wedge import WedgeDetector


def _type(detector: WedgeDetector[str], text: str, start: float, gap: float) -> list[str]:
    released: list[str] = []
    for offset, char in enumerate(text):
        released += detector.key(char, char, start + offset * gap)
    return released


def test_a_fast_burst_ending_in_enter_is_a_scan() -> None:
    detector: WedgeDetector[str] = WedgeDetector(max_gap_ms=30, min_length=6)
    assert _type(detector, "4607012340016", 0, 5) == []
    code, released = detector.enter(12 * 5 + 8)
    assert (code, released) == ("4607012340016", [])
    assert not detector.holding


def test_a_person_typing_gets_every_key_back() -> None:
    detector: WedgeDetector[str] = WedgeDetector(max_gap_ms=30, min_length=6)
    released = _type(detector, "12345678", 0, 150)
    released += detector.release()  # the UI's timer fires after the last key
    assert "".join(released) == "12345678"


def test_a_short_burst_is_released_on_enter() -> None:
    detector: WedgeDetector[str] = WedgeDetector(max_gap_ms=30, min_length=6)
    _type(detector, "123", 0, 5)
    assert detector.enter(20) == (None, ["1", "2", "3"])


def test_a_late_enter_is_not_a_scan() -> None:
    detector: WedgeDetector[str] = WedgeDetector(max_gap_ms=30, min_length=6)
    _type(detector, "12345678", 0, 5)
    code, released = detector.enter(35 + 200)
    assert code is None and "".join(released) == "12345678"


def test_a_pause_splits_person_keys_from_a_following_burst() -> None:
    detector: WedgeDetector[str] = WedgeDetector(max_gap_ms=30, min_length=6)
    assert _type(detector, "ab", 0, 5) == []
    released = _type(detector, "4607012340016", 500, 5)
    assert released == ["a", "b"]
    assert detector.enter(500 + 12 * 5 + 5)[0] == "4607012340016"
