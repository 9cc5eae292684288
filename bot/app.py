"""The composition root: `build_application(settings)` wires settings, store, handlers, rate limiter and scheduler
into one PTB `Application`; `run(settings)` opens the store, loads seeds, logs one start-up line and runs long
polling (or a webhook when WEBHOOK_URL is set) until SIGINT/SIGTERM.

Start-up order: store + migrations → seeds → Application (initialize → post_init: command menus, the sender, the
tick job) → polling. Shutdown order: stop polling → Application.stop (updates in hand, the tick job) → post_stop (the
sender finishes the messages on the wire, gives back the rest) → shutdown → post_shutdown → engine disposed.

Several processes on one database: migrations and seeds run under a lock (processes starting together take turns);
only one process may long-poll (a second is refused at start with `AnotherPoller`; Telegram's 409 Conflict — a
poller elsewhere with the same token — stops the bot with `PollingConflict`); webhook workers may be many. Every
process ticks; one of them sends (see bot/scheduling.py and bot/delivery.py).
"""

from __future__ import annotations

import logging
import signal
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine, make_url
from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import Conflict, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest, HTTPXRequest

import handlers
from bot import __version__, delivery, ratelimit, scheduling
from bot.config import Settings
from bot.context import ENGINE_KEY, SETTINGS_KEY, BotContext
from bot.db.engine import make_engine, session_scope
from bot.db.locks import advisory_lock, try_hold
from bot.db.store import open_store
from bot.i18n import DEFAULT_LANGUAGE, SUPPORTED, get_translator
from bot.updates import ChatOrderedProcessor

log = logging.getLogger("bot")

#: how long one getUpdates long poll waits on Telegram's side
POLL_TIMEOUT = 10
SEED_LOCK = "dongtai:seed"
POLLER_LOCK = "dongtai:poller"
CONFLICT_KEY = "polling_conflict"


class AnotherPoller(Exception):
    """Another process already long-polls Telegram for this database."""


class PollingConflict(Exception):
    """Telegram answered getUpdates with 409 Conflict: another poller (elsewhere) uses this bot token."""


class _PollingRequest(HTTPXRequest):
    """The getUpdates connection; a 409 Conflict calls `on_conflict` (the bot stops: two pollers steal each other's
    updates)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_conflict: Any = None

    async def do_request(self, url: str, method: str, request_data: Any = None, *args: Any,
                         **kwargs: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(url, method, request_data, *args, **kwargs)
        if code == 409 and self.on_conflict is not None:
            self.on_conflict()
        return code, payload


def _menu(language: str, items: list[tuple[str, str]]) -> list[BotCommand]:
    t = get_translator(language)
    return [BotCommand(name, t._(desc)[:256]) for name, desc in items]


async def set_commands(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Command menus: everyone (default + zh + en), and the admin list in each admin's private chat."""
    bot = application.bot
    settings: Settings = application.bot_data[SETTINGS_KEY]
    await bot.set_my_commands(_menu(DEFAULT_LANGUAGE, handlers.commands()), scope=BotCommandScopeDefault())
    for language in SUPPORTED:
        await bot.set_my_commands(_menu(language, handlers.commands()), scope=BotCommandScopeDefault(),
                                  language_code=language)
    for admin_id in sorted(settings.admin_id_set):
        try:
            await bot.set_my_commands(_menu(DEFAULT_LANGUAGE, handlers.admin_commands()),
                                      scope=BotCommandScopeChat(admin_id))
            await bot.set_my_commands(_menu("en", handlers.admin_commands()), scope=BotCommandScopeChat(admin_id),
                                      language_code="en")
        except TelegramError as exc:  # e.g. the admin never opened a chat with the bot
            log.warning("admin command menu for %s not set: %s", admin_id, exc)


async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """After `Application.initialize` (run_polling / run_webhook call it): menus, the sender, the tick job."""
    await set_commands(application)
    sender = delivery.start(application)
    scheduling.setup(application, on_messages=sender.wake.set)


async def post_stop(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """After `Application.stop` (the bot can still send): the sender stops gracefully."""
    await delivery.stop(application)


async def post_shutdown(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """PTB calls post_stop only if the application was running: a start-up that failed after post_init ends here."""
    await delivery.stop(application)


def build_application(
    settings: Settings,
    *,
    engine: Engine | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The bot. `engine` defaults to one for DATABASE_URL (migrations are `run`'s job); `request` /
    `get_updates_request` replace the HTTP layer (tests pass a recording fake)."""
    updates_request = get_updates_request or request or _PollingRequest(read_timeout=POLL_TIMEOUT + 5)
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.tz,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .context_types(ContextTypes(context=BotContext))
        .request(request or HTTPXRequest(connection_pool_size=32, read_timeout=15, write_timeout=30))
        .get_updates_request(updates_request)
        .rate_limiter(ratelimit.build_rate_limiter(settings))
        # chats in parallel, each chat's updates in order; a flooding chat is throttled (bot/updates.py)
        .concurrent_updates(ChatOrderedProcessor(exempt_users=settings.admin_id_set))
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data[SETTINGS_KEY] = settings
    application.bot_data[ENGINE_KEY] = engine if engine is not None else make_engine(settings.database_url)
    if isinstance(updates_request, _PollingRequest):

        def on_conflict() -> None:
            if not application.bot_data.get(CONFLICT_KEY):
                application.bot_data[CONFLICT_KEY] = True
                log.error("another process is polling Telegram with this bot token (409 Conflict): stopping")
                application.stop_running()

        updates_request.on_conflict = on_conflict
    handlers.register(application, admin_ids=settings.admin_id_set)
    return application


def _safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL SQLAlchemy cannot parse: show nothing secret
        return url.split("@")[-1]


class _BootstrapWithoutStack(logging.Filter):
    """PTB logs a failed start-up (bad token, Bot API unreachable) with a stack trace; `python -m bot run` reports
    those in one line, so keep PTB's message and drop the stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and (record.getMessage().startswith("Network Retry Loop (Bootstrap")
                                or isinstance(record.exc_info[1], Conflict)):
            exc = record.exc_info[1]
            record.msg = f"{record.getMessage()} ({type(exc).__name__}: {exc})"
            record.args = None
            record.exc_info = None
        return True


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("telegram.ext").addFilter(_BootstrapWithoutStack())
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def run(settings: Settings) -> None:
    """Open the store, load seeds, start the bot; returns after SIGINT/SIGTERM once everything is shut down."""
    configure_logging(settings)
    engine = open_store(settings.database_url)  # migrations under a lock: processes starting together take turns
    poller = None
    if not settings.webhook_url:
        poller = try_hold(engine, POLLER_LOCK)
        if poller is None:
            engine.dispose()
            raise AnotherPoller(_safe_url(settings.database_url))
    if settings.load_seeds:
        from bot.services.ingest import load_seeds

        with advisory_lock(engine, SEED_LOCK):
            load_seeds(engine, settings.seeds_dir)
    from bot.services.articles import store_stats

    with session_scope(engine) as session:
        counts = store_stats(session)
    mode = "webhook " + settings.webhook_url if settings.webhook_url else "long polling"
    log.info("Dongtai %s starting (%s): store %s, %d articles, %d figures", __version__, mode,
             _safe_url(settings.database_url), counts["articles"], counts["figures"])
    application = build_application(settings, engine=engine)
    stop_signals = (signal.SIGINT, signal.SIGTERM)
    try:
        if settings.webhook_url:
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret or None,
                allowed_updates=Update.ALL_TYPES,
                stop_signals=stop_signals,
            )
        else:
            application.run_polling(allowed_updates=Update.ALL_TYPES, timeout=POLL_TIMEOUT,
                                    stop_signals=stop_signals)
    finally:
        if poller is not None:
            poller.release()
        engine.dispose()
        log.info("Dongtai stopped")
    if application.bot_data.get(CONFLICT_KEY):
        raise PollingConflict()


__all__ = ["BotContext", "build_application", "run", "set_commands"]
