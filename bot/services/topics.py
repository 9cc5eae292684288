"""Topics: the curated list in seeds/topics.toml (STUB for matching — to be implemented)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.config import PROJECT_ROOT

TOPICS_FILE = PROJECT_ROOT / "seeds" / "topics.toml"


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    en: str
    keywords: tuple[str, ...] = field(default_factory=tuple)
    sections: tuple[str, ...] = field(default_factory=tuple)

    def name(self, language: str) -> str:
        return self.en if language == "en" else self.key


@lru_cache(maxsize=4)
def load_topics(path: Path = TOPICS_FILE) -> tuple[Topic, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Topic(key=key, en=spec.get("en", key), keywords=tuple(spec.get("keywords", ())),
              sections=tuple(spec.get("sections", ())))
        for key, spec in data.items()
    )
