"""The ``drawdown`` command (also ``python -m drawdown``): run, check-feeds, analyze, doctor,
db upgrade, db backup, db prune, db reindex."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from bot.render import messages as format
from drawdown.analysis_text import render_text
from drawdown.config import Config, config_path, load_config
from drawdown.errors import ConfigError, DrawdownError, StorageError
from drawdown.ops import doctor, logs
from drawdown.service import Service, install_signal_handlers, matcher_for, utcnow
from storage import maintenance
from storage.db import (
    BUSY_TIMEOUT_MS,
    create_engine,
    current_revision,
    database_locked,
    redacted,
    sqlite_file,
    upgrade,
)
from watchers import analyze as analysis
from watchers.feeds.fetch import make_session
from watchers.feeds.probe import probe
from watchers.stories.similar import codec

log = logging.getLogger("drawdown")

EXIT_OK, EXIT_ERROR, EXIT_CONFIG = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C
LOCKED = (
    "error: {url} stayed locked by another writer (a running service?) for more than {s:g} "
    "seconds; the step that waited wrote nothing, and what the command did before it is kept: "
    "run the command again"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip() or None
    logs.setup(secrets=[token] if token else [])
    if getattr(args, "reads_config_itself", False):
        try:
            return int(args.func(args, token))
        except Exception:  # through the log, whose formatter removes the token
            log.exception("command.crashed")
            return EXIT_ERROR
    try:
        config = load_config(args.config)
    except ConfigError as e:
        for line in str(e).splitlines():
            print(f"error: {line}", file=sys.stderr)
        print("error: the configuration is invalid; nothing was started", file=sys.stderr)
        return EXIT_CONFIG
    try:
        code: int = args.func(args, config, token)
    except StorageError as e:  # the database the configuration names cannot be used
        print(f"error: {config_path(args.config)}: storage.url: {e}", file=sys.stderr)
        return EXIT_CONFIG
    except DrawdownError as e:
        log.error("service.failed error=%s", e)
        return EXIT_ERROR
    except KeyboardInterrupt:  # Ctrl-C before the service's own handlers were in place
        log.info("service.interrupted")
        return EXIT_INTERRUPTED
    except Exception as e:  # through the log, whose formatter removes the token
        if database_locked(e) and args.func in _DB_COMMANDS:
            return _locked(config)  # a `db` command waited for a running service too long
        log.exception("service.crashed")
        return EXIT_ERROR
    return code


def _locked(config: Config) -> int:
    url = redacted(config.storage.url)
    print(LOCKED.format(url=url, s=BUSY_TIMEOUT_MS / 1000), file=sys.stderr)
    return EXIT_ERROR


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

    doctor_command = commands.add_parser(
        "doctor",
        help="check the config, database, Telegram and every feed; say how to fix problems",
    )
    doctor_command.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    doctor_command.set_defaults(func=_doctor, reads_config_itself=True)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    db_upgrade = db_commands.add_parser("upgrade", help="create the database or apply migrations")
    db_upgrade.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    db_upgrade.set_defaults(func=_db_upgrade)
    db_backup = db_commands.add_parser(
        "backup",
        help="copy the SQLite database while the service runs (PostgreSQL: pg_dump)",
        description="Writes a consistent, self-contained copy of the SQLite database to PATH "
        "(a folder gets a file named after the time). Restore: see the README.",
    )
    db_backup.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    db_backup.add_argument("path", metavar="PATH", type=Path, help="file or folder to write")
    db_backup.set_defaults(func=_db_backup)
    db_prune = db_commands.add_parser(
        "prune",
        help="empty old article bodies and delete delivered outbox rows now ([retention])",
    )
    db_prune.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    db_prune.set_defaults(func=_db_prune)
    db_reindex = db_commands.add_parser(
        "reindex",
        help="write the stored articles' story index rows again (after an upgrade that asks)",
    )
    db_reindex.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    db_reindex.set_defaults(func=_db_reindex)
    return parser


def _run(args: argparse.Namespace, config: Config, token: str | None) -> int:
    async def serve() -> None:
        stop = asyncio.Event()
        install_signal_handlers(stop)
        file = config_path(args.config).absolute()
        await Service(config, token=token, config_file=file).run(stop)

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
    print(analysis.render_json(results) if args.json else render_text(results))
    return EXIT_OK


@contextlib.contextmanager
def _database(config: Config) -> Iterator[sa.Engine]:
    """An engine on the configured database for one ``db`` command, disposed of after."""
    engine = create_engine(config.storage.url)
    try:
        yield engine
    finally:
        engine.dispose()


def _db_upgrade(args: argparse.Namespace, config: Config, token: str | None) -> int:
    with _database(config) as engine:
        upgrade(engine)
        print(f"{redacted(config.storage.url)} is at migration {current_revision(engine)}")
    return EXIT_OK


def _doctor(args: argparse.Namespace, token: str | None) -> int:
    logging.getLogger().setLevel(logging.WARNING)  # stdout is the report
    findings = asyncio.run(doctor.diagnose(args.config, token))
    print(doctor.render(findings))
    return doctor.exit_code(findings)


def _db_backup(args: argparse.Namespace, config: Config, token: str | None) -> int:
    with _database(config) as engine:
        if sqlite_file(engine) is None:
            url = redacted(config.storage.url)
            print(f"error: {url} is not a SQLite file.", file=sys.stderr)
            print(maintenance.PG_DUMP_ADVICE.format(path=args.path, url=url), file=sys.stderr)
            return EXIT_ERROR
        report = maintenance.backup(engine, args.path, now=utcnow())
    rows = ", ".join(f"{count} {table}" for table, count in report.rows.items())
    print(f"backed up to {report.path} ({report.bytes:,} bytes: {rows})")
    return EXIT_OK


def _db_prune(args: argparse.Namespace, config: Config, token: str | None) -> int:
    retention = config.retention
    with _database(config) as engine:
        report = maintenance.prune(
            engine,
            utcnow(),
            article_bodies=timedelta(seconds=retention.article_bodies),
            sent_deliveries=timedelta(seconds=retention.sent_deliveries),
        )
    print(
        f"emptied {report.bodies} article bodies older than {retention.article_bodies / 86400:g} "
        f"days; deleted {report.deliveries} delivered outbox rows older than "
        f"{retention.sent_deliveries / 86400:g} days"
    )
    return EXIT_OK


def _db_reindex(args: argparse.Namespace, config: Config, token: str | None) -> int:
    with _database(config) as engine:
        report = maintenance.reindex(engine, codec.stored_slots)
    print(
        f"read the index rows of {report.read} stored articles; wrote {report.written} again. "
        "Start the service to load them (a running one keeps what it loaded: restart it)."
    )
    if report.unreadable:
        print(
            f"error: kept the index rows of {report.unreadable} stored articles whose evidence "
            "this version cannot read (damaged, or written by a later version)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return EXIT_OK


_DB_COMMANDS = (_db_upgrade, _db_backup, _db_prune, _db_reindex)
