import logging
from pathlib import Path

import pytest

from pos_client.logs import redact, setup_logging, stop_logging
from tests.conftest import LogStarter


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("card 2780000000047 found", "card ***0047 found"),
        ("phone +7 916 555-00-04", "phone ***0004"),
        ("typed 8 (916) 555-00-04", "typed ***0004"),
        ("Authorization: Bearer abc.def-123", "Authorization: Bearer ***"),
        ("code LP1.k1.M-00004.59833333.AbC_d", "code LP1.***"),
        ("sale 12 total 24160 member M-00004", "sale 12 total 24160 member M-00004"),
        ("oldest 2026-11-22T09:30:00+00:00", "oldest 2026-11-22T09:30:00+00:00"),
    ],
)
def test_numbers_a_person_is_found_by_are_masked(text: str, shown: str) -> None:
    assert redact(text) == shown


def test_the_log_file_gets_redacted_records(start_log: LogStarter) -> None:
    log_file = start_log(["s3cret-terminal-token"])
    log = logging.getLogger("pos_client.test")
    log.info("token %s phone %s sale %d", "s3cret-terminal-token", "+79165550004", 7)
    for handler in logging.getLogger("pos_client").handlers:
        handler.flush()
    text = log_file.read_text("utf-8")
    assert "token *** phone ***0004 sale 7" in text
    assert "s3cret" not in text and "9165550004" not in text


def test_a_log_folder_that_cannot_be_written_falls_back_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    assert setup_logging(blocked / "log", secrets=["s3cret-token"]) is None
    try:
        logging.getLogger("pos_client.test").warning("sync failed with s3cret-token")
    finally:
        stop_logging()
    err = capsys.readouterr().err
    assert f"cannot write logs in {blocked / 'log'}" in err
    assert "sync failed with ***" in err
