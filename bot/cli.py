"""The ``drawdown`` command (also ``python -m bot``): run, check-feeds, analyze, db upgrade."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence

from bot import analyze as analysis
from bot import format, logs
from bot.service import Service, install_signal_handlers, matcher_for, utcnow
from drawdown.config import Config, load_config
from drawdown.errors import ConfigError, DrawdownError
from storage.db import create_engine, current_revision, redacted, upgrade
from watchers.fetch import make_session
from watchers.probe import probe

log = logging.getLogger("drawdown")

EXIT_OK, EXIT_ERROR, EXIT_CONFIG = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip() or None
    logs.setup(secrets=[token] if token else [])
    try:
        config = load_config(args.config)
    except ConfigError as e:
        for line in str(e).splitlines():
            print(f"error: {line}", file=sys.stderr)
        print("error: the configuration is invalid; nothing was started", file=sys.stderr)
        return EXIT_CONFIG
    try:
        code: int = args.func(args, config, token)
    except DrawdownError as e:
        log.error("service.failed error=%s", e)
        return EXIT_ERROR
    except Exception:  # through the log, whose formatter removes the token
        log.exception("service.crashed")
        return EXIT_ERROR
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drawdown",
        description="Watch the news about troops leaving Iraq and alert Telegram subscribers.",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="configuration file (default: $DRAWDOWN_CONFIG or ./config.toml)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the service until SIGTERM/SIGINT")
    run.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    run.set_defaults(func=_run)

    check = commands.add_parser("check-feeds", help="fetch every feed once and print a table")
    check.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    check.set_defaults(func=_check_feeds)

    analyze = commands.add_parser(
        "analyze",
        help="read article files as if they came from feeds: topic, figures, changes",
        description="Each PATH is a text file: a title line, then the body. Files are read in "
        "order against a fresh in-memory store, so later files are compared with earlier ones.",
    )
    analyze.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    analyze.add_argument("--json", action="store_true", help="one JSON object per file and line")
    analyze.add_argument(
        "--manifest",
        metavar="FILE.jsonl",
        help='lines of {"path", "published", "url", "source"}; paths relative to the manifest',
    )
    analyze.add_argument("paths", nargs="*", metavar="PATH", help="article files, after those of "
                         "the manifest")  # fmt: skip
    analyze.set_defaults(func=_analyze)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    db_upgrade = db_commands.add_parser("upgrade", help="create the database or apply migrations")
    db_upgrade.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    db_upgrade.set_defaults(func=_db_upgrade)
    return parser


def _run(args: argparse.Namespace, config: Config, token: str | None) -> int:
    async def serve() -> None:
        stop = asyncio.Event()
        install_signal_handlers(stop)
        await Service(config, token=token).run(stop)

    asyncio.run(serve())
    return EXIT_OK


def _check_feeds(args: argparse.Namespace, config: Config, token: str | None) -> int:
    matcher = matcher_for(config)

    async def check_all() -> list[list[str]]:
        schedule = config.schedule
        async with make_session(
            max_connections=schedule.concurrency, per_host=schedule.per_host
        ) as client:
            reports = await asyncio.gather(
                *(probe(client, f.name, f.url, config.schedule, matcher) for f in config.feeds)
            )
        return [
            [
                r.name,
                r.status,
                str(r.items),
                str(r.matched),
                f"{r.seconds * 1000:.0f} ms",
                r.error or "",
            ]
            for r in reports
        ]

    rows = asyncio.run(check_all())
    print(format.table([["FEED", "STATUS", "ITEMS", "MATCHES", "TIME", "ERROR"], *rows]))
    failed = sum(1 for row in rows if row[1] == "error")
    print(f"\n{len(rows) - failed} of {len(rows)} feeds answered.")
    return EXIT_OK if not failed else EXIT_ERROR


def _analyze(args: argparse.Namespace, config: Config, token: str | None) -> int:
    logging.getLogger().setLevel(logging.WARNING)  # stdout is the output; stderr only problems
    try:
        documents = analysis.load_documents(args.paths, args.manifest)
        if not documents:
            print("error: give article files, or --manifest FILE.jsonl", file=sys.stderr)
            return EXIT_CONFIG
        results = analysis.analyze(documents, matcher_for(config), now=utcnow())
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_ERROR
    print(analysis.render_json(results) if args.json else analysis.render_text(results))
    return EXIT_OK


def _db_upgrade(args: argparse.Namespace, config: Config, token: str | None) -> int:
    engine = create_engine(config.storage.url)
    try:
        upgrade(engine)
        print(f"{redacted(config.storage.url)} is at migration {current_revision(engine)}")
    finally:
        engine.dispose()
    return EXIT_OK
