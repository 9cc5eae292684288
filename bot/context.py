"""`BotContext`: the `CallbackContext` every handler receives (`ContextTypes(context=BotContext)`).

    context.settings     the Settings the Application was built with
    context.engine       the SQLAlchemy engine (store opened by `bot.app.run`)
    context.session()    a unit of work: `with context.session() as s:` commits on success, rolls back on error
    context.i18n         the Translator for the user of this update (their stored /lang choice, else Telegram's
                         language_code, else Chinese)
    context.is_admin     whether the update's user is in ADMIN_IDS

Long-lived objects live in `application.bot_data` under the keys below (set by `bot.app.build_application`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.db.engine import session_scope
from bot.i18n import Translator, get_translator, negotiate
from bot.services.users import stored_language

SETTINGS_KEY = "settings"
ENGINE_KEY = "engine"
#: user_data key caching the user's language for the life of the process (the DB row is the truth)
LANGUAGE_KEY = "language"


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """Typed access to settings, the store and the user's translator."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any], chat_id: int | None = None,
                 user_id: int | None = None) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self._language: str | None = None
        self._language_code: str | None = None

    @classmethod
    def from_update(cls, update: object, application: Application[Any, Any, Any, Any, Any, Any]) -> BotContext:
        context = super().from_update(update, application)
        if isinstance(update, Update) and update.effective_user is not None:
            context._language_code = update.effective_user.language_code
        return context  # type: ignore[return-value]

    @property
    def settings(self) -> Settings:
        return self.bot_data[SETTINGS_KEY]  # type: ignore[no-any-return]

    @property
    def engine(self) -> Engine:
        return self.bot_data[ENGINE_KEY]  # type: ignore[no-any-return]

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.engine) as session:
            yield session

    @property
    def language(self) -> str:
        if self._language is None:
            self._language = self._resolve_language()
        return self._language

    @language.setter
    def language(self, value: str) -> None:
        self._language = value
        if self._user_id is not None and self.user_data is not None:
            self.user_data[LANGUAGE_KEY] = value

    def _resolve_language(self) -> str:
        if self._user_id is None:
            return negotiate(self._language_code)
        cached = self.user_data.get(LANGUAGE_KEY) if self.user_data is not None else None
        if cached:
            return str(cached)
        with self.session() as s:
            stored = stored_language(s, self._user_id)
        language = stored or negotiate(self._language_code)
        if stored and self.user_data is not None:
            self.user_data[LANGUAGE_KEY] = stored
        return language

    @property
    def i18n(self) -> Translator:
        return get_translator(self.language)

    @property
    def is_admin(self) -> bool:
        return self._user_id is not None and self._user_id in self.settings.admin_id_set
