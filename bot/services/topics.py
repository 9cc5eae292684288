"""Topics: the curated list in seeds/topics.toml, custom keyword topics, and matching articles to them.

An article matches a topic when one of its keywords is among the jieba (search-mode) tokens of the article's
title or body, or is a substring of the title, or when the article's section is one of the topic's sections.
Keywords are compared case-folded (``ai`` finds ``AI``). A keyword that jieba splits into several tokens (a custom
phrase such as ``数字人民币``) matches when all its tokens occur and the phrase itself occurs in the text. A custom
topic with spaces (``直播 农产品``) needs every part.

An article's tokens are those the search index stored at ingest (`article_text_from_tokens`, read by the digest
`Composer`); `article_text` segments afresh only for an article without them.
"""

from __future__ import annotations

import re
import tomllib
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.text.tokenize import cut_for_search

TOPICS_FILE = PROJECT_ROOT / "seeds" / "topics.toml"
MAX_TOPIC_LENGTH = 100

_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    en: str
    keywords: tuple[str, ...] = field(default_factory=tuple)
    sections: tuple[str, ...] = field(default_factory=tuple)
    #: a free keyword/phrase rather than a curated topic; all whitespace-separated parts must match
    custom: bool = False

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


def normalise_topic(name: str) -> str:
    return _WS.sub(" ", name).strip()[:MAX_TOPIC_LENGTH]


def find_topic(name: str) -> Topic | None:
    """A curated topic by its key or English name (case-insensitive), else None."""
    wanted = normalise_topic(name).casefold()
    for topic in load_topics():
        if wanted in (topic.key.casefold(), topic.en.casefold()):
            return topic
    return None


@lru_cache(maxsize=4096)
def resolve_topic(name: str) -> Topic:
    """The curated topic called `name`, or a custom keyword topic for any other word or phrase."""
    found = find_topic(name)
    if found is not None:
        return found
    key = normalise_topic(name)
    from bot.services.glossary import has_latin, to_chinese  # glossary reads the topics

    if has_latin(key) and (chinese := normalise_topic(to_chinese(key))) != key:
        # English words for a Chinese topic: `live streaming` → 直播 → the curated topic 直播电商
        found = find_topic(chinese) or next((t for t in load_topics() if chinese in t.keywords), None)
        if found is not None:
            return found
        key = chinese
    return Topic(key=key, en=key, keywords=(key,), custom=True)


# --------------------------------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What matching needs of an article: its token set and case-folded, space-free title and body."""

    tokens: frozenset[str]
    title: str
    body: str
    section: str


def compact(text: str) -> str:
    return _WS.sub("", text).casefold()


def article_text(title: str, body: str, section: str = "") -> ArticleText:
    tokens = frozenset(t.casefold() for t in cut_for_search(title + "\n" + body))
    return ArticleText(tokens=tokens, title=compact(title), body=compact(body), section=section)


def article_text_from_tokens(title_tokens: str, body_tokens: str, title: str, body: str,
                             section: str = "") -> ArticleText:
    """`article_text` from the tokens the search index stored for the article (`ArticleSearch`: the same search-mode
    segmentation, space-joined): no jieba on the way."""
    tokens = frozenset(t.casefold() for t in f"{title_tokens} {body_tokens}".split(" ") if t)
    return ArticleText(tokens=tokens, title=compact(title), body=compact(body), section=section)


class ArticleTextCache:
    """Token sets per article id (segmenting is the expensive part of matching; do it once per article)."""

    def __init__(self, maxsize: int = 4096) -> None:
        self._data: OrderedDict[int, ArticleText] = OrderedDict()
        self.maxsize = maxsize

    def __contains__(self, article_id: int) -> bool:
        return article_id in self._data

    def put(self, article_id: int, text: ArticleText) -> None:
        self._data[article_id] = text
        self._data.move_to_end(article_id)
        if len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def get(self, article_id: int, title: str, body: str, section: str = "") -> ArticleText:
        hit = self._data.get(article_id)
        if hit is not None:
            self._data.move_to_end(article_id)
            return hit
        value = article_text(title, body, section)
        self.put(article_id, value)
        return value


@lru_cache(maxsize=8192)
def _keyword_tokens(keyword: str) -> tuple[str, frozenset[str]]:
    kw = compact(keyword)
    return kw, frozenset(t.casefold() for t in cut_for_search(keyword))


def keyword_matches(keyword: str, text: ArticleText) -> bool:
    kw, parts = _keyword_tokens(keyword)
    if not kw:
        return False
    if kw in text.tokens or kw in text.title:
        return True
    # a keyword jieba splits: every token present and the phrase itself in the body
    return bool(parts) and parts <= text.tokens and kw in text.body


def matches(topic: Topic, text: ArticleText) -> bool:
    if topic.sections and text.section in topic.sections:
        return True
    if topic.custom:
        parts = topic.key.split(" ")
        return all(keyword_matches(p, text) for p in parts if p)
    return any(keyword_matches(k, text) for k in topic.keywords)
