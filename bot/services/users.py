"""Telegram users as the store knows them: first/last seen (for /stats) and the language they chose with /lang."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.db.models import Chat, UserPref, utcnow


def stored_language(session: Session, user_id: int) -> str | None:
    """The language the user chose with /lang, or None (then Telegram's language_code decides)."""
    pref = session.get(UserPref, user_id)
    return pref.language if pref is not None else None


def touch_user(session: Session, user_id: int, now: datetime | None = None) -> str | None:
    """Record that the user was seen now (a new user gets a row); returns their stored language, if any."""
    now = now or utcnow()
    pref = session.get(UserPref, user_id)
    if pref is None:
        session.add(UserPref(id=user_id, language=None, first_seen=now, last_seen=now))
        return None
    pref.last_seen = now
    session.add(pref)
    return pref.language


def set_language(session: Session, user_id: int, language: str) -> None:
    """Store the user's language, and their private chat's (digests to that chat use it) when the chat is known."""
    pref = session.get(UserPref, user_id)
    if pref is None:
        pref = UserPref(id=user_id)
    pref.language = language
    pref.last_seen = utcnow()
    session.add(pref)
    chat = session.get(Chat, user_id)  # a private chat's id is the user's id
    if chat is not None:
        chat.language = language
        session.add(chat)
