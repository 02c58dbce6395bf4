"""`loyalty-hub`: serve the reference hub, seed it, register terminals and staff."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pos_client import __version__

if TYPE_CHECKING:
    from loyalty_hub.store import HubStore


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "openapi":
        return _openapi(write=args.write)
    if args.command in ("serve", "seed"):
        return _serve_or_seed(args)
    if not args.db.exists():  # the other commands work on a hub that exists
        print(
            f"loyalty-hub: no hub database at {args.db} (make one: loyalty-hub seed SEED --db"
            f" {args.db})",
            file=sys.stderr,
        )
        return 2
    from loyalty_hub.store import HubStore

    store = HubStore(args.db)
    if args.command == "token":
        return _token(store, args.member_id)
    if args.command == "staff":
        return _add_staff(store, args)
    return _terminal(store, args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loyalty-hub", description=__doc__)
    parser.add_argument("--version", action="version", version=f"loyalty-hub {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--db", type=Path, required=True, help="hub database file")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument(
        "--seed", help="'demo' or a seed JSON file, loaded before serving into a hub without one"
    )
    seed = commands.add_parser(
        "seed", help="make a hub: outlets, products, members, staff and rules (once per hub)"
    )
    seed.add_argument("seed", metavar="SEED", help="'demo' or a seed JSON file")
    seed.add_argument("--db", type=Path, required=True, help="hub database file")

    _terminal_parser(commands)
    _staff_parser(commands)

    token_command = commands.add_parser(
        "token", help="print the app code a member's phone shows now"
    )
    token_command.add_argument("member_id", metavar="MEMBER_ID")
    token_command.add_argument("--db", type=Path, required=True)

    openapi = commands.add_parser(
        "openapi", help="print the API contract the hub's code declares (OpenAPI, YAML)"
    )
    openapi.add_argument(
        "--write", action="store_true", help="write it to resources/api/openapi.yaml instead"
    )
    return parser


def _serve_or_seed(args: argparse.Namespace) -> int:
    """Load the seed into a hub without one, then serve.

    A seed is tried on an empty hub in memory first, so a bad one leaves no file behind.
    `serve --seed` on a hub that has its seed serves it as it is: the same command can start
    the hub every day."""
    from loyalty_hub.seed import AlreadySeeded, load_seed, seed_path_or_name
    from loyalty_hub.store import HubStore

    seed = None
    if args.seed:
        try:
            seed = seed_path_or_name(args.seed)
            load_seed(HubStore(Path(":memory:")), seed)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"loyalty-hub: cannot load seed {args.seed!r}: {exc}", file=sys.stderr)
            return 2
    store = HubStore(args.db)
    if seed is not None:
        try:
            load_seed(store, seed)
        except AlreadySeeded as exc:
            if args.command == "seed":
                print(f"loyalty-hub: {args.db}: {exc}", file=sys.stderr)
                return 2
            print(f"loyalty-hub: {args.db}: {exc}; serving it as it is", file=sys.stderr)
    if args.command == "seed":
        print(f"seed {args.seed!r} loaded into {args.db}")
        return 0
    import uvicorn

    from loyalty_hub.app import create_app
    from loyalty_hub.repricing_worker import RepricingProcess

    repricing = RepricingProcess(args.db)
    repricing.start()
    try:
        uvicorn.run(create_app(store), host=args.host, port=args.port, log_level="info")
    finally:
        repricing.stop()
    return 0


def _token(store: HubStore, member_id: str) -> int:
    from loyalty_hub.tokens import member_token

    try:
        print(member_token(store, member_id))
    except ValueError as exc:
        print(f"loyalty-hub: {exc}", file=sys.stderr)
        return 2
    return 0


def _terminal_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    terminal = commands.add_parser("terminal", help="manage terminals")
    terminal_commands = terminal.add_subparsers(dest="terminal_command", required=True)
    add = terminal_commands.add_parser("add", help="register a terminal; prints id and token")
    add.add_argument("--db", type=Path, required=True)
    add.add_argument("--outlet", required=True)
    add.add_argument("--terminal-id")
    revoke = terminal_commands.add_parser(
        "revoke", help="refuse a terminal's token from its next request on"
    )
    revoke.add_argument("terminal_id", metavar="TERMINAL_ID")
    revoke.add_argument("--db", type=Path, required=True)


def _terminal(store: HubStore, args: argparse.Namespace) -> int:
    try:
        if args.terminal_command == "revoke":
            store.revoke_terminal(args.terminal_id)
            print(f"terminal {args.terminal_id} revoked")
            return 0
        terminal_id, token = store.add_terminal(args.outlet, args.terminal_id)
    except ValueError as exc:
        print(f"loyalty-hub: {exc}", file=sys.stderr)
        return 2
    print(f"terminal_id = {terminal_id}\ntoken = {token}")
    return 0


def _staff_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = commands.add_parser("staff", help="manage the staff who log in at tills")
    staff_commands = staff.add_subparsers(dest="staff_command", required=True)
    staff_add = staff_commands.add_parser(
        "add", help="register a person at an outlet; the PIN is read from stdin, never an argument"
    )
    staff_add.add_argument("--db", type=Path, required=True)
    staff_add.add_argument("--outlet", required=True)
    staff_add.add_argument("--name", required=True)
    staff_add.add_argument(
        "--role", required=True, choices=("cashier", "senior_cashier", "manager")
    )
    staff_add.add_argument("--badge", default="", help="the code on the staff badge")
    staff_add.add_argument("--staff-id")


def _add_staff(store: HubStore, args: argparse.Namespace) -> int:
    from loyalty_hub.staff import add_staff

    if sys.stdin.isatty():
        import getpass

        pin = getpass.getpass("PIN (4-8 digits): ")
    else:
        pin = sys.stdin.readline().strip()
    try:
        with store.transaction() as conn:
            staff_id = add_staff(
                conn,
                outlet_id=args.outlet,
                name=args.name,
                role=args.role,
                pin=pin,
                badge=args.badge,
                staff_id=args.staff_id,
            )
    except (ValueError, sqlite3.IntegrityError) as exc:
        print(f"loyalty-hub: {exc}", file=sys.stderr)
        return 2
    print(f"staff_id = {staff_id}")
    return 0


def _openapi(*, write: bool) -> int:
    from loyalty_hub.openapi import as_yaml, contract_path, generated_document

    text = as_yaml(generated_document())
    if write:
        contract_path().write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
