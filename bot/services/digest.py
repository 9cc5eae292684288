"""Digests and the delivery outbox (STUB — to be implemented)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session


def preview_text(session: Session, topic: str, *, since: date | None = None, language: str = "zh") -> str:
    return ""
