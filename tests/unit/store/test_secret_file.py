import stat
from pathlib import Path

import pytest

from pos_client.store.secret_file import SecretFile, SecretFileError


def test_no_secret_yet(tmp_path: Path) -> None:
    assert SecretFile(tmp_path / "phone.key").read() is None


def test_written_for_the_owner_only_and_replaced_whole(tmp_path: Path) -> None:
    secret = SecretFile(tmp_path / "terminal" / "phone.key")
    secret.write("first")
    secret.write("second")
    assert secret.read() == "second"
    assert stat.S_IMODE(secret.path.stat().st_mode) == 0o600
    assert [p.name for p in secret.path.parent.iterdir()] == ["phone.key"]


def test_an_unreadable_secret_names_its_file(tmp_path: Path) -> None:
    path = tmp_path / "phone.key"
    path.mkdir()
    with pytest.raises(SecretFileError, match=r"phone\.key"):
        SecretFile(path).read()
    with pytest.raises(SecretFileError, match=r"phone\.key"):
        SecretFile(path).write("x")
