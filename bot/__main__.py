"""Command line: `python -m bot run | ingest | articles | metric | export | search | digest | seed | migrate | stats | health`.

Thin over the services: parse arguments, open the store, call a service, print. Errors users can cause print one
line on stderr and exit non-zero; no tracebacks for them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import ValidationError

from bot.config import Settings, get_settings
from bot.errors import UserError
from bot.i18n import DEFAULT_LANGUAGE, SUPPORTED


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _name(value: str) -> str:
    name = " ".join(value.split())
    if not 2 <= len(name) <= 60:
        raise argparse.ArgumentTypeError(f"a publication name has 2-60 characters: {value!r}")
    return name


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


class _JsonReport(Protocol):
    def to_json(self) -> dict[str, Any]: ...


_Reported = TypeVar("_Reported", bound=_JsonReport)


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.has_real_token:
        print(
            "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather (https://t.me/BotFather, /newbot) "
            "and put TELEGRAM_BOT_TOKEN=<token> in .env or the environment.",
            file=sys.stderr,
        )
        return 2
    from telegram.error import InvalidToken, NetworkError

    from bot.app import AnotherPoller, PollingConflict, run

    try:
        run(settings)
    except AnotherPoller as exc:
        print(f"another Dongtai process is already polling Telegram with this database ({exc}): run one poller, "
              "or several workers in webhook mode (WEBHOOK_URL).", file=sys.stderr)
        return 4
    except PollingConflict:
        print("Telegram refused polling (409 Conflict): another process polls with this bot token; stop it, or run "
              "several workers in webhook mode (WEBHOOK_URL).", file=sys.stderr)
        return 4
    except InvalidToken:
        print("TELEGRAM_BOT_TOKEN was rejected by the Bot API (401): check the token @BotFather gave you.",
              file=sys.stderr)
        return 2
    except NetworkError as exc:
        print(f"cannot reach the Telegram Bot API at {settings.telegram_api_base_url}: {exc}", file=sys.stderr)
        return 3
    return 0


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.store import open_store

    open_store(settings.database_url)
    print("migrations applied")
    return 0


def cmd_seed(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.store import open_store
    from bot.services.ingest import load_seeds

    engine = open_store(settings.database_url)
    for result in load_seeds(engine, settings.seeds_dir):
        print(result.summary())
    return 0


def _report_each(outcomes: Iterable[_Reported | UserError], as_json: bool, text: Callable[[_Reported], str]) -> int:
    """Print each outcome as it comes (`text`), or all of them as one JSON list at the end; an error as one line on
    stderr. Exit code 1 when any file failed, the others reported all the same."""
    failed = 0
    done: list[_Reported] = []
    for outcome in outcomes:
        if isinstance(outcome, UserError):
            failed += 1
            print(f"error: {outcome}", file=sys.stderr)
            continue
        done.append(outcome)
        if not as_json:
            print(text(outcome))
    if as_json:
        _print_json([d.to_json() for d in done])
    return 1 if failed else 0


def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.store import open_store
    from bot.services.ingest import ingest_files

    engine = open_store(settings.database_url)
    if args.dry_run:
        return _ingest_dry_run(engine, args)
    # one transaction per file: a bad file is reported and changes nothing; the others still go in
    files = [Path(name) for name in args.files]
    outcomes = (outcome for _path, outcome in ingest_files(engine, files, published=args.published,
                                                           publication=args.name, require_bulletin=True))
    return _report_each(outcomes, args.json, lambda r: r.summary())


def _ingest_dry_run(engine: Any, args: argparse.Namespace) -> int:
    """`ingest --dry-run`: what each file would add (the preview an admin sees on upload); nothing is stored."""
    from bot.db.engine import session_scope
    from bot.services.ingest.preview import Preview, preview_file

    def preview(name: str) -> Preview | UserError:
        try:
            with session_scope(engine) as session:
                return preview_file(session, Path(name), published=args.published, publication=args.name)
        except UserError as exc:
            return exc

    return _report_each((preview(name) for name in args.files), args.json, lambda p: p.to_text())


def cmd_articles(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.engine import session_scope
    from bot.db.store import open_store
    from bot.services.articles import article_to_json, list_articles

    engine = open_store(settings.database_url)
    with session_scope(engine) as session:
        articles = list_articles(session, bulletin_id=args.bulletin, limit=args.limit)
        if args.json:
            _print_json([article_to_json(a) for a in articles])
        else:
            for a in articles:
                print(f"{a.id:>5}  {str(a.published or ''):<10}  [{a.section or '-'}] {a.title}  ({a.outlet or '-'})")
    return 0


def cmd_metric(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.engine import session_scope
    from bot.db.store import open_store
    from bot.i18n import get_translator
    from bot.render.lookup import lookup_text
    from bot.services.lookup import lookup

    engine = open_store(settings.database_url)
    with session_scope(engine) as session:
        result = lookup(session, " ".join(args.query), limit=args.limit)
        if args.json:
            _print_json(result.to_json())
        else:
            print(lookup_text(get_translator(args.lang), result))
    return 0 if result.entries else 1


def cmd_search(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.engine import session_scope
    from bot.db.store import open_store
    from bot.services.search import search

    engine = open_store(settings.database_url)
    with session_scope(engine) as session:
        hits = search(session, " ".join(args.query), limit=args.limit)
        if args.json:
            _print_json([h.to_json() for h in hits])
        else:
            for h in hits:
                print(h.to_text())
            if not hits:
                print("no match")
    return 0 if hits else 1


def cmd_digest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.engine import session_scope
    from bot.db.store import open_store
    from bot.render.digest import digest_text
    from bot.services.digest import compose

    since = args.since or date(1970, 1, 1)
    engine = open_store(settings.database_url)
    with session_scope(engine) as session:
        digest = compose(session, args.topic, since=datetime(since.year, since.month, since.day, tzinfo=UTC))
        print(digest_text(digest, args.lang))
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.engine import session_scope
    from bot.db.store import open_store
    from bot.services.export import export_figures

    engine = open_store(settings.database_url)
    with session_scope(engine) as session:
        result = export_figures(session, " ".join(args.query))
    if not result.rows:
        if result.matched:
            print(f"error: no figures of {result.metric} match {' '.join(args.query)!r}", file=sys.stderr)
        else:
            hint = f" (did you mean: {', '.join(result.suggestions)})" if result.suggestions else ""
            print(f"error: no figures found for {' '.join(args.query)!r}{hint}", file=sys.stderr)
        return 1
    if args.json:
        _print_json(result.rows)
        return 0
    data = result.to_csv()
    if args.output and args.output != "-":
        Path(args.output).write_bytes(data)
        print(f"{len(result.rows)} figures of {result.metric} written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def cmd_stats(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db.engine import session_scope
    from bot.db.store import open_store
    from bot.services.articles import store_stats

    engine = open_store(settings.database_url)
    with session_scope(engine) as session:
        _print_json(store_stats(session))
    return 0


def cmd_health(settings: Settings, args: argparse.Namespace) -> int:
    """Exit 0 when the store answers, the tick ran recently and the outbox is moving; 1 otherwise."""
    from sqlalchemy.engine import make_url

    from bot.db.engine import make_engine, normalise_url
    from bot.db.models import utcnow
    from bot.services.health import Check, HealthReport, check

    url = make_url(normalise_url(settings.database_url))
    where = url.render_as_string(hide_password=True)
    max_tick_age = args.max_tick_age if args.max_tick_age is not None else 3 * settings.tick_seconds + 60
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") and not Path(
            str(url.database)).is_file():
        report = HealthReport({"database": Check(False, f"{where}: no database file (has the bot started?)")})
    else:
        engine = make_engine(settings.database_url, connect_timeout=5)
        try:
            report = check(engine, utcnow(), max_tick_age=max_tick_age, max_outbox_wait=args.max_outbox_wait,
                           where=where)
        finally:
            engine.dispose()
    if args.json:
        _print_json(report.to_json())
    else:
        print(report.to_text())
    return 0 if report.healthy else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Dongtai (动态) bulletin bot")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("run", help="start the Telegram bot (migrations and seeds applied first)").set_defaults(
        func=cmd_run
    )
    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)
    sub.add_parser("seed", help="load the seed bulletins (idempotent)").set_defaults(func=cmd_seed)

    p = sub.add_parser("ingest", help="ingest bulletin files (.txt, .pdf, .docx)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--published", type=_date, help="publication date when the file does not say (YYYY-MM-DD)")
    p.add_argument("--name", type=_name, help="publication name (source name) when the file has no masthead; "
                                             "a file name is never used as one")
    p.add_argument("--dry-run", action="store_true", help="print what would be stored (the upload preview); "
                                                          "store nothing")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("articles", help="list stored articles")
    p.add_argument("--bulletin", type=int, help="only this bulletin id")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("metric", help="every stored figure for a metric, newest period first")
    p.add_argument("query", nargs="+", help="metric name, optionally a period: 网上零售额 2023")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--lang", default=DEFAULT_LANGUAGE, choices=SUPPORTED, help="language of the text output")
    p.set_defaults(func=cmd_metric)

    p = sub.add_parser("search", help="full-text search over titles and bodies")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("digest", help="preview the digest a topic would get")
    p.add_argument("topic")
    p.add_argument("--since", type=_date, help="articles ingested since this date (default: all)")
    p.add_argument("--lang", default=DEFAULT_LANGUAGE, choices=SUPPORTED)
    p.set_defaults(func=cmd_digest)

    p = sub.add_parser("export", help="every stored figure of a metric as CSV (UTF-8 with BOM, for Excel)")
    p.add_argument("query", nargs="+", help="metric name, optionally a period: 网上零售额 2023")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="CSV (the default)")
    fmt.add_argument("--json", action="store_true", help="JSON instead of CSV")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_export)

    sub.add_parser("stats", help="counts of bulletins, articles, figures, users, deliveries").set_defaults(
        func=cmd_stats
    )

    p = sub.add_parser("health", help="store reachable, last tick age, outbox backlog; exit 0 healthy, 1 not")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--max-tick-age", type=float, metavar="SECONDS",
                   help="oldest acceptable last tick (default: 3 × TICK_SECONDS + 60)")
    p.add_argument("--max-outbox-wait", type=float, default=900.0, metavar="SECONDS",
                   help="longest a due digest message may wait unsent (default: 900)")
    p.set_defaults(func=cmd_health)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as exc:  # one line per problem, no traceback
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']).upper()}: {err['msg'].removeprefix('Value error, ')}"
            for err in exc.errors()
        )
        print(f"configuration error: {problems}", file=sys.stderr)
        return 2
    try:
        return int(args.func(settings, args))
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
