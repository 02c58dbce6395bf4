from datetime import UTC, datetime

import pytest

from pos_client.core.enrolment import EnrolmentError, clean_name, consent

AT = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "name"),
    [("  Ольга   Петрова ", "Ольга Петрова"), ("Anne-Marie O'Neil", "Anne-Marie O'Neil")],
)
def test_names_are_tidied(typed: str, name: str) -> None:
    assert clean_name(typed) == name


@pytest.mark.parametrize("typed", ["", "  ", "Я", "12345", "Ольга<script>", "x" * 81])
def test_what_is_not_a_name_is_refused(typed: str) -> None:
    with pytest.raises(EnrolmentError, match="name"):
        clean_name(typed)


def test_no_consent_without_the_programme_terms() -> None:
    with pytest.raises(EnrolmentError, match="no_terms_consent"):
        consent(terms_accepted=False, marketing=True, terms_version="2026-03", at=AT)


def test_marketing_is_a_separate_choice_kept_with_the_time_and_terms_version() -> None:
    given = consent(terms_accepted=True, marketing=False, terms_version="2026-03", at=AT)
    assert given.to_dict() == {
        "terms_version": "2026-03",
        "given_at": "2026-11-22T10:00:00+00:00",
        "marketing": False,
    }
