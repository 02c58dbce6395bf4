from pathlib import Path

import pytest

from pos_client.config import ConfigError, display_screen, load_config


def test_file_then_environment(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("s3cret\n")
    path = tmp_path / "config.toml"
    path.write_text(
        f'api_url = "http://hub:8700/"\noutlet_id = "spb-nevsky"\nterminal_id = "T1"\n'
        f'token_file = "{token}"\ndata_dir = "{tmp_path}"\n'
    )
    config = load_config(
        path, env={"POS_CLIENT_LANGUAGE": "en", "POS_CLIENT_THEME": "high-contrast"}
    )
    assert (config.api_url, config.token, config.language) == ("http://hub:8700", "s3cret", "en")
    assert config.theme == "high-contrast"
    assert config.db_path == tmp_path / "terminal.sqlite3"


def test_missing_settings_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="api_url, outlet_id, terminal_id, token missing") as e:
        load_config(tmp_path / "absent.toml", env={})
    assert "`pos-client provision --api URL --outlet ID" in str(e.value)  # how to set it up


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("api_url = ", "cannot read"),
        ('language = "fr"', "language must be one of"),
        ('theme = "dark"', "theme must be one of standard, high-contrast, not 'dark'"),
        ('phone_region = "XX"', "phone_region must be a two-letter country code"),
        ("wedge_max_gap_ms = 0", r"wedge_max_gap_ms must be a number from 1 to 500, not '0'"),
        ('wedge_min_length = "six"', "wedge_min_length must be a whole number from 1 to 64"),
        ("camera_width = 1280.5", "camera_width must be a whole number"),
        ("sync_interval_s = -1", "sync_interval_s must be a number from 1 to 86400"),
        ('printer = "lp0"', "printer must be file:PATH, network:HOST"),
        ('customer_display = "screen:0"', 'customer_display must be "window" or "screen:N"'),
        ('scale_prefixes = ["31"]', "a scale prefix is two digits from 20 to 29, not '31'"),
        ('scale_prefixes = ["2"]', "a scale prefix is two digits from 20 to 29, not '2'"),
        ('scale_prefixes = ["27"]', "scale prefix 27 is where the programme's cards begin"),
        ("scale_prefixes = 22", "scale_prefixes must be a list"),
    ],
)
def test_bad_config_is_explained(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    env = {f"POS_CLIENT_{k}": "x" for k in ("API_URL", "OUTLET_ID", "TERMINAL_ID", "TOKEN")}
    with pytest.raises(ConfigError, match=message):
        load_config(path, env=env)


def test_scanner_and_phone_settings(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('phone_region = "kz"\nwedge_max_gap_ms = 45\nwedge_min_length = 8\n')
    env = {f"POS_CLIENT_{k}": "x" for k in ("API_URL", "OUTLET_ID", "TERMINAL_ID", "TOKEN")}
    config = load_config(path, env=env)
    assert (config.phone_region, config.wedge_max_gap_ms, config.wedge_min_length) == (
        "KZ",
        45.0,
        8,
    )
    assert config.phone_key_path.parent == config.db_path.parent


def test_receipt_printer_and_customer_display(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('printer = "network:10.0.0.7"\ncustomer_display = "screen:2"\n')
    env = {f"POS_CLIENT_{k}": "x" for k in ("API_URL", "OUTLET_ID", "TERMINAL_ID", "TOKEN")}
    config = load_config(path, env={**env, "POS_CLIENT_PRINTER": "usb:04b8:0e15"})
    assert str(config.printer) == "usb:04b8:0e15"  # the environment wins, as for the rest
    assert display_screen(config.customer_display) == 1
    assert display_screen("window") is None


@pytest.mark.parametrize(
    ("text", "env", "drawer"),
    [
        ('printer = "network:10.0.0.7"\ncash_drawer = true\n', {}, True),
        ('printer = "network:10.0.0.7"\n', {"POS_CLIENT_CASH_DRAWER": "yes"}, True),
        (
            'printer = "network:10.0.0.7"\ncash_drawer = true\n',
            {"POS_CLIENT_CASH_DRAWER": "0"},
            False,
        ),
        ('printer = "network:10.0.0.7"\n', {}, False),
    ],
)
def test_a_cash_drawer_on_the_printer(
    tmp_path: Path, text: str, env: dict[str, str], drawer: bool
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    base = {f"POS_CLIENT_{k}": "x" for k in ("API_URL", "OUTLET_ID", "TERMINAL_ID", "TOKEN")}
    assert load_config(path, env={**base, **env}).cash_drawer is drawer


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cash_drawer = true\n", "cash_drawer needs a printer"),
        (
            'printer = "network:10.0.0.7"\ncash_drawer = "maybe"\n',
            "cash_drawer must be true or false",
        ),
    ],
)
def test_a_cash_drawer_without_a_printer_or_a_yes_or_no_is_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    base = {f"POS_CLIENT_{k}": "x" for k in ("API_URL", "OUTLET_ID", "TERMINAL_ID", "TOKEN")}
    with pytest.raises(ConfigError, match=message):
        load_config(path, env=base)


def test_the_scales_label_prefixes_from_the_file_or_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    env = {f"POS_CLIENT_{k}": "x" for k in ("API_URL", "OUTLET_ID", "TERMINAL_ID", "TOKEN")}
    assert "27" not in load_config(path, env=env).scale_prefixes  # the cards' own range
    path.write_text('scale_prefixes = ["21", "22"]\n')
    config = load_config(path, env=env)
    assert config.identity_rules.scale_prefixes == ("21", "22")
    assert load_config(path, env={**env, "POS_CLIENT_SCALE_PREFIXES": " 23 ,"}).scale_prefixes == (
        "23",
    )
