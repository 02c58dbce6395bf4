"""`pos-client`: run the till (configured, or in demo mode)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pos_client import __version__
from pos_client.config import LANGUAGES, ConfigError, load_config


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pos-client", description="Cashier terminal of the loyalty programme."
    )
    parser.add_argument("--version", action="version", version=f"pos-client {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="start an embedded demo hub and a demo terminal"
    )
    parser.add_argument("--config", type=Path, help="terminal config file (TOML)")
    parser.add_argument("--language", choices=LANGUAGES, help="window language")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    price = commands.add_parser("price", help="price a receipt with a ruleset and print it as JSON")
    price.add_argument("--rules", type=Path, required=True, help="ruleset JSON")
    price.add_argument("--receipt", type=Path, required=True, help="receipt JSON")
    price.add_argument("--member", type=Path, help="member JSON")
    price.add_argument("--at", help="ISO time; without an offset, the outlet's local time")
    price.add_argument("--channel", default="store", help="store, web or app")
    price.add_argument("--coupon", action="append", default=[], help="a coupon code (repeat)")
    price.add_argument("--redeem", type=int, default=0, help="points the member wants to spend")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "price":
        return _price(args)
    from pos_client.ui.app import run

    if args.demo:
        from pos_client.demo import start_demo

        demo = start_demo(language=args.language or "ru")
        print(f"pos-client demo: hub at {demo.config.api_url}, data in {demo.root}")
        try:
            return run(demo.config)
        finally:
            demo.close()
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"pos-client: {exc}", file=sys.stderr)
        return 2
    if args.language:
        from dataclasses import replace

        config = replace(config, language=args.language)
    return run(config)


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
