"""English → Chinese: the words a reader writes in English mapped to those the bulletins use.

    to_chinese("live streaming in Southeast Asia") -> "直播 in 东南亚"
    has_latin(text) -> bool

The table is seeds/glossary.toml plus the English names of the curated topics (seeds/topics.toml: "Cross-border
e-commerce" → 跨境电商). Phrases are matched as whole words, case-insensitively, longest first; hyphens and spaces
are interchangeable and a plural "s"/"es" is accepted. Words the table does not know are left as they are (brand
names such as Temu or TikTok are written the same way in Chinese text).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.services.topics import load_topics

GLOSSARY_FILE = PROJECT_ROOT / "seeds" / "glossary.toml"
_LATIN = re.compile(r"[A-Za-z]")


def has_latin(text: str) -> bool:
    return _LATIN.search(text) is not None


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(w) for w in re.split(r"[\s\-]+", phrase.strip().lower()) if w]
    body = r"[\s\-]*".join(words)
    return body + r"(?:e?s)?"


@lru_cache(maxsize=2)
def _table(path: Path = GLOSSARY_FILE) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    data: dict[str, str] = {}
    if path.exists():
        data = {str(k).lower(): str(v) for k, v in tomllib.loads(path.read_text(encoding="utf-8")).items()}
    for topic in load_topics():
        data.setdefault(topic.en.lower(), topic.key)
    if not data:
        return None, {}
    phrases = sorted(data, key=len, reverse=True)
    pattern = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(_phrase_pattern(p) for p in phrases) + r")(?![A-Za-z0-9])",
                         re.IGNORECASE)
    keys = {_key(p): v for p, v in data.items()}
    return pattern, keys


def _key(phrase: str) -> str:
    return re.sub(r"[\s\-]+", "", phrase.lower())


def _lookup(found: str, keys: dict[str, str]) -> str | None:
    k = _key(found)
    for candidate in (k, k[:-1] if k.endswith("s") else k, k[:-2] if k.endswith("es") else k):
        if candidate in keys:
            return keys[candidate]
    return None


#: English words that carry no meaning in a search ("news about live streaming in the UAE")
_STOPWORDS = frozenset("a an the in on of for to and or about from with at by news article articles report reports "
                       "latest recent any some what how is are was were".split())


def to_chinese(text: str) -> str:
    """`text` with every known English word or phrase replaced by its Chinese equivalent (spaced apart); once
    something was translated, English filler words (in, the, about …) are dropped. Unchanged when nothing is
    known."""
    if not has_latin(text):
        return text
    pattern, keys = _table()
    if pattern is None:
        return text
    hits = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal hits
        found = _lookup(m.group(0), keys)
        if found is None:
            return m.group(0)
        hits += 1
        return f" {found} "

    out = pattern.sub(repl, text)
    if not hits:
        return text
    return " ".join(w for w in out.split() if w.lower() not in _STOPWORDS) or text
