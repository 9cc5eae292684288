"""Metric lookup (STUB — to be implemented). Contract:

    lookup(session, query, *, limit=50) -> LookupResult  (.entries, .suggestions, .to_json(), .to_text())
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session


@dataclass
class LookupResult:
    query: str
    entries: list[Any] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)

    def to_json(self) -> list[dict[str, Any]]:
        return []

    def to_text(self) -> str:
        return "no figures"


def lookup(session: Session, query: str, *, limit: int = 50) -> LookupResult:
    return LookupResult(query=query)
