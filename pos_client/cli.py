"""`pos-client`: run the till (configured, or in demo mode)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from pos_client import __version__
from pos_client.config import (
    LANGUAGES,
    THEMES,
    ConfigError,
    TerminalConfig,
    display_screen,
    load_config,
)

CONFIG_HELP = "terminal config file (TOML)"


def _config_option() -> argparse.ArgumentParser:
    """`--config` after a command too (`pos-client doctor --config F`), as store IT types it.

    SUPPRESS keeps a `--config` given before the command when none follows it."""
    option = argparse.ArgumentParser(add_help=False)
    option.add_argument("--config", type=Path, default=argparse.SUPPRESS, help=CONFIG_HELP)
    return option


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pos-client", description="Cashier terminal of the loyalty programme."
    )
    parser.add_argument("--version", action="version", version=f"pos-client {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="start an embedded demo hub and a demo terminal"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="with --demo: make one sale through the window (offscreen without a display), "
        "wait for it to sync, exit 0 if all went well",
    )
    parser.add_argument("--config", type=Path, help=CONFIG_HELP)
    parser.add_argument("--language", choices=LANGUAGES, help="window language")
    parser.add_argument(
        "--theme", choices=THEMES, help="standard, or high-contrast (white on black)"
    )
    parser.add_argument(
        "--camera",
        metavar="CAMERA",
        help="camera to read codes with: 0, /dev/video2, file:PATH or synthetic "
        "(overrides the config; the demo has none unless given)",
    )
    parser.add_argument(
        "--customer-display",
        metavar="WHERE",
        help='the customer-facing screen: "window", or "screen:2" to fill the second screen '
        "(overrides the config)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    with_config = [_config_option()]
    price = commands.add_parser("price", help="price a receipt with a ruleset and print it as JSON")
    price.add_argument("--rules", type=Path, required=True, help="ruleset JSON")
    price.add_argument("--receipt", type=Path, required=True, help="receipt JSON")
    price.add_argument("--member", type=Path, help="member JSON")
    price.add_argument("--at", help="ISO time; without an offset, the outlet's local time")
    price.add_argument("--channel", default="store", help="store, web or app")
    price.add_argument("--coupon", action="append", default=[], help="a coupon code (repeat)")
    price.add_argument("--redeem", type=int, default=0, help="points the member wants to spend")
    scan = commands.add_parser("scan", help="decode the codes in image files")
    scan.add_argument("files", type=Path, nargs="+", metavar="FILE", help="image or folder")
    scan.add_argument("--json", action="store_true", help="one JSON object per file per line")
    provision = commands.add_parser(
        "provision",
        help="set this till up for its outlet (config file + token in the keyring)",
        parents=with_config,
    )
    provision.add_argument("--api", required=True, metavar="URL", help="the loyalty hub's address")
    provision.add_argument("--outlet", required=True, metavar="ID")
    provision.add_argument("--terminal-id", required=True, metavar="ID")
    provision.add_argument("--token", required=True, help="as `loyalty-hub terminal add` printed")
    provision.add_argument("--check", action="store_true", help="test the connection first")
    provision.add_argument("--force", action="store_true", help="replace an existing config")
    config = commands.add_parser("config", help="the terminal's configuration")
    config_commands = config.add_subparsers(dest="config_command", required=True)
    show = config_commands.add_parser(
        "show", help="print the effective config, secrets hidden", parents=with_config
    )
    show.add_argument("--json", action="store_true")
    _add_operations(commands, with_config)
    return parser


def _add_operations(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    with_config: list[argparse.ArgumentParser],
) -> None:
    """The commands store IT runs on a provisioned till: health, sync, problems, backups."""
    doctor = commands.add_parser(
        "doctor",
        help="check camera, decoders, journal, disk, hub, token, clock, caches, queue",
        parents=with_config,
    )
    doctor.add_argument("--json", action="store_true", help="one JSON object")
    sync = commands.add_parser(
        "sync", help="push the queued sales and pull the caches once", parents=with_config
    )
    sync.add_argument("--once", action="store_true", required=True, help="one round, then exit")
    sync.add_argument("--json", action="store_true", help="the summary as one JSON object")
    status = commands.add_parser(
        "status",
        help="queue length, oldest unsent sale, last sync, cache versions",
        parents=with_config,
    )
    status.add_argument("--json", action="store_true", help="one JSON object")
    problems = commands.add_parser(
        "problems",
        help="what the hub rejected or settled differently, with reasons; send rejected again",
        parents=with_config,
    )
    problems.add_argument("--json", action="store_true", help="a JSON list")
    problems.add_argument("--csv", type=Path, metavar="PATH", help="also write them to a CSV file")
    again = problems.add_mutually_exclusive_group()
    again.add_argument(
        "--resend", nargs="+", metavar="KEY", help="put these rejected records back in the queue"
    )
    again.add_argument("--resend-all", action="store_true", help="every rejected record")
    backup = commands.add_parser(
        "backup", help="copy the journal (safe while the till runs)", parents=with_config
    )
    backup.add_argument("path", type=Path, metavar="PATH")
    backup.add_argument("--force", action="store_true", help="overwrite PATH")
    restore = commands.add_parser(
        "restore", help="put a journal copy back (stop the till first)", parents=with_config
    )
    restore.add_argument("path", type=Path, metavar="PATH")
    restore.add_argument("--force", action="store_true", help="even if unsent sales would be lost")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.customer_display is not None:
        try:
            display_screen(args.customer_display)
        except ValueError as exc:
            parser.error(str(exc))
    if args.command == "price":
        return _price(args)
    if args.command == "scan":
        return _scan(args)
    if args.command == "provision":
        return _provision(args)
    if args.command == "config":
        return _config_show(args)
    if args.command == "doctor":
        return _doctor(args)
    if args.command in ("backup", "restore"):
        return _backup_or_restore(args)
    if args.command == "sync":
        return _sync(args)
    if args.command == "status":
        return _status(args)
    if args.command == "problems":
        return _problems(args)
    import gc

    gc.disable()  # the start allocates much and frees little; the window's first paint enables it
    try:
        return _till(args)
    finally:
        gc.enable()


def _till(args: argparse.Namespace) -> int:
    from pos_client.logs import setup_logging, stop_logging
    from pos_client.ui.app import run

    if args.smoke_test and not args.demo:
        print("pos-client: --smoke-test runs with --demo", file=sys.stderr)
        return 2
    if args.demo:
        return _demo(args)
    config = _config_or_first_run(args)
    if config is None:
        return 2
    config = _with_options(config, args)
    setup_logging(secrets=[config.token])
    try:
        return run(config)
    finally:
        stop_logging()


def _with_options(config: TerminalConfig, args: argparse.Namespace) -> TerminalConfig:
    """The config with what the command line overrides."""
    from dataclasses import replace

    given = {
        name: getattr(args, name)
        for name in ("language", "theme", "camera", "customer_display")
        if getattr(args, name) is not None
    }
    return replace(config, **given)


def _config_or_first_run(args: argparse.Namespace) -> TerminalConfig | None:
    """The till's settings; a till with no config file shows the first-run screen for them."""
    from pos_client.config import default_config_path

    path = args.config or default_config_path()
    try:
        return load_config(path)
    except ConfigError as exc:
        if path.exists():
            print(f"pos-client: {path}: {exc}", file=sys.stderr)
            return None
    from pos_client.ui.first_run import set_up

    if not set_up(path, args.language or "ru"):
        print("pos-client: not set up; nothing was written", file=sys.stderr)
        return None
    return load_config(path)


def _demo(args: argparse.Namespace) -> int:
    from pos_client.demo import start_demo
    from pos_client.logs import setup_logging, stop_logging

    if args.smoke_test and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    demo = start_demo(language=args.language or "ru", camera=args.camera or "")
    demo.config = _with_options(demo.config, args)
    log_file = setup_logging(demo.root / "logs", secrets=[demo.config.token])
    logs = log_file or "on stderr"
    print(f"pos-client demo: hub at {demo.config.api_url}, data in {demo.root}, log {logs}")
    try:
        if args.smoke_test:
            from pos_client.ui.smoke import run_smoke_test

            return run_smoke_test(demo.config)
        from pos_client.ui.app import run
        from pos_client.ui.member_phone import open_member_phone

        return run(
            demo.config,
            after_start=lambda till: open_member_phone(till, demo.members(), demo.app_code),
        )
    finally:
        stop_logging()
        demo.close()


def _provision(args: argparse.Namespace) -> int:
    from pos_client.config import default_config_path
    from pos_client.provisioning import ProvisionError, Settings, provision

    settings = Settings(args.api, args.outlet, args.terminal_id, args.token, args.language or "ru")
    path = args.config or default_config_path()
    try:
        done = provision(settings, path, force=args.force, check=args.check)
    except ProvisionError as exc:
        print(f"pos-client provision: {exc}", file=sys.stderr)
        return 2
    where = "the OS keyring" if done.token_stored == "keyring" else done.token_stored
    print(f"config written to {done.config_path}; token stored in {where}")
    return 0


def _config_show(args: argparse.Namespace) -> int:
    import json

    from pos_client.config import default_config_path
    from pos_client.provisioning import shown_config

    path = args.config or default_config_path()
    try:
        config = load_config(path)
    except ConfigError as exc:
        print(f"pos-client: {exc}", file=sys.stderr)
        return 2
    shown = shown_config(config, path)
    if args.json:
        print(json.dumps(shown, ensure_ascii=False))
    else:
        for key, value in shown.items():
            print(f"{key:18} {value}")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from pos_client.doctor import BROKEN, EXIT_CODES, Check, overall, run_checks

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        checks = [Check("config", BROKEN, str(exc))]
    else:
        checks = [Check("config", "ok", f"terminal {config.terminal_id} of {config.outlet_id}")]
        checks += run_checks(config)
    status = overall(checks)
    if args.json:
        print(json.dumps({"status": status, "checks": [asdict(c) for c in checks]}))
    else:
        for check in checks:
            print(f"{check.status:9} {check.name:16} {check.detail}")
        print(f"overall: {status}")
    return EXIT_CODES[status]


def _sync(args: argparse.Namespace) -> int:
    """Exit 0 when the round completed, 1 when the hub could not be reached or refused."""
    import json

    from pos_client.store.db import StoreError
    from pos_client.sync.errors import HubError
    from pos_client.sync.status import clock_is_off, skew_text
    from pos_client.sync_command import sync_once

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"pos-client sync: {exc}", file=sys.stderr)
        return 2
    try:
        report = sync_once(config, lambda: datetime.now(UTC))
    except (HubError, StoreError) as exc:
        print(f"pos-client sync: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return 0
    print(
        f"sent {report.sent}: applied {report.applied}, duplicate {report.duplicate}, "
        f"rejected {report.rejected}, conflicts {report.conflicts}"
    )
    pulled = ", ".join(f"{name} {version}" for name, version in report.pulled.items())
    print(f"pulled: {pulled}")
    if report.clock_skew_s is not None:
        print(f"clock: {report.clock_skew_s:+.0f} s against the hub")
    if clock_is_off(report.clock_skew_s):
        print(f"warning: {skew_text(report.clock_skew_s or 0.0)}: set the clock right")
    for warning in report.warnings:
        print(f"warning: {warning}")
    return 0


def _status(args: argparse.Namespace) -> int:
    import json

    from pos_client.sync_command import terminal_status

    try:
        state = terminal_status(load_config(args.config).db_path)
    except (ConfigError, OSError) as exc:
        print(f"pos-client status: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(state, ensure_ascii=False))
        return 0
    now = datetime.now(UTC)
    print(f"waiting to sync  {state['waiting']}")
    print(f"oldest unsent    {_moment(state['oldest_unsent'], now) or '-'}")
    print(f"last sync        {_moment(state['last_sync'], now) or 'never'}")
    print(f"dead letters     {state['dead_letters']}")
    print(f"conflicts        {state['conflicts']}")
    for name, cache in state["caches"].items():
        updated = _moment(cache["updated_at"], now)
        print(f"cache {name:10} version {cache['version']}, updated {updated}")
    return 0


def _problems(args: argparse.Namespace) -> int:
    """Exit 0 when done, 2 when refused (nothing changed)."""
    import json

    from pos_client.problems_command import ProblemsError, list_problems, problem_lines, resend
    from pos_client.problems_export import problem_row, write_csv
    from pos_client.store.db import StoreError

    try:
        db_path = load_config(args.config).db_path
        if args.resend or args.resend_all:
            count = resend(db_path, None if args.resend_all else args.resend)
            print(f"{count} back in the queue: they go with the till's next sync")
            return 0
        found = list_problems(db_path)
        if args.csv:
            write_csv(found, args.csv)
    except (ConfigError, ProblemsError, StoreError, OSError) as exc:
        print(f"pos-client problems: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([problem_row(problem) for problem in found], ensure_ascii=False))
    else:
        print("\n".join(problem_lines(found)))
    return 0


def _moment(iso: str | None, now: datetime) -> str | None:
    """A stored UTC time as the till's local time and how long ago it was."""
    if not iso:
        return None
    at = datetime.fromisoformat(iso)
    seconds = max((now - at).total_seconds(), 0.0)
    if seconds < 120:
        ago = f"{seconds:.0f} s"
    elif seconds < 7200:
        ago = f"{seconds / 60:.0f} min"
    elif seconds < 172800:
        ago = f"{seconds / 3600:.1f} h"
    else:
        ago = f"{seconds / 86400:.1f} days"
    return f"{at.astimezone():%Y-%m-%d %H:%M:%S %z} ({ago} ago)"


def _backup_or_restore(args: argparse.Namespace) -> int:
    from pos_client.store.backup import BackupError, backup, restore

    try:
        db_path = load_config(args.config).db_path
        if args.command == "backup":
            summary = backup(db_path, args.path, force=args.force)
            done = f"journal copied to {args.path}"
        else:
            summary = restore(args.path, db_path, force=args.force)
            done = f"journal restored from {args.path}"
    except (ConfigError, BackupError) as exc:
        print(f"pos-client {args.command}: {exc}", file=sys.stderr)
        return 2
    print(f"{done}: {summary.sales} sales, {summary.waiting} waiting to sync")
    return 0


def _price(args: argparse.Namespace) -> int:
    from pos_client.price_command import InputError, price_files

    try:
        print(
            price_files(
                rules=args.rules,
                receipt=args.receipt,
                member=args.member,
                at=args.at,
                channel=args.channel,
                coupons=args.coupon,
                redeem=args.redeem,
            )
        )
    except InputError as exc:
        print(f"pos-client price: {exc}", file=sys.stderr)
        return 2
    return 0


def _scan(args: argparse.Namespace) -> int:
    from pos_client.core.catalog import is_valid_ean
    from pos_client.scan_command import scan_files

    try:
        config = load_config(args.config)
    except ConfigError:
        config = None  # no terminal here: judge numbers by their check digit alone
    if config is None or not config.db_path.exists():
        return scan_files(args.files, as_json=args.json, is_product=is_valid_ean)
    from pos_client.store.caches import Caches
    from pos_client.store.db import open_database

    caches = Caches(open_database(config.db_path))
    return scan_files(
        args.files,
        as_json=args.json,
        is_product=lambda code: caches.product_by_barcode(code) is not None,
        is_weighed=lambda plu: caches.product_by_plu(plu) is not None,
        rules=config.identity_rules,
    )
