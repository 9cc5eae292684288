"""Plain questions: what a message that is not a command asks for.

    understand(session, text) -> Understood(kind, query, suggestions)

`kind` is "metric" when the text names a stored metric (exactly or by an alias, in Chinese or English, with any
period words: `2023年上半年网上零售额是多少`, `online retail sales in H1 2023?`), "search" when articles match
(`跨境电商`, `live streaming`), else "hint"; `suggestions` holds the closest metric names, if any. Question words
(是多少, 请问, what were …) are taken off first; `query` is what the bot then looks up or searches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from bot.services.lookup import lookup, parse_query
from bot.services.search import search
from bot.services.topics import find_topic

#: longest text treated as a question (a pasted paragraph is not a lookup)
MAX_QUESTION = 200

_ZH_PREFIX = re.compile(r"^(?:请问一下|请问|请告诉我|告诉我|帮我查一下|帮我查查|帮我查|查一下|查查|查询|查|我想知道|想知道|看看|看一下|"
                        r"指标|搜索|metric|search)\s*", re.IGNORECASE)
_ZH_SUFFIX = re.compile(
    r"(?:(?:是|有|为|达到|达|共|一共|总共)?(?:多少|几何|什么(?:情况)?)(?:钱|人|家|件|元|亿)?|怎么样|如何|的情况|的数据|的统计|"
    r"(?:的|是)?(?:增长了|增速|增幅|增长率)(?:是|为)?|呢|吗|嘛|啊|呀)+$"
)
_EN_PREFIX = re.compile(
    r"^(?:please\s+)?(?:what\s+(?:is|was|were|are|'s)|how\s+(?:much|many|big|large)\s+(?:is|was|were|are)?|"
    r"how\s+(?:much|many)|show\s+me|tell\s+me|give\s+me|find|look\s+up|search(?:\s+for)?)\s+(?:the\s+)?",
    re.IGNORECASE)
_EN_SUFFIX = re.compile(r"\s+(?:please|now|(?:are|is|were|was)\s+there)$", re.IGNORECASE)
_PUNCT = "？?！!。.，,、；;：:“”\"'‘’ \t\n"


@dataclass(slots=True)
class Understood:
    kind: str  # metric | search | hint
    query: str
    suggestions: list[str] = field(default_factory=list)
    #: the metric has no figures for the period asked: `query` is the metric alone, `period` what was asked
    period: str = ""


_RELATIVE_YEARS = ((re.compile(r"今年|本年"), 0, "{year}年"), (re.compile(r"去年|上年"), -1, "{year}年"),
                   (re.compile(r"前年"), -2, "{year}年"),
                   (re.compile(r"\b(?:in\s+)?the\s+year\s+before\s+last\b", re.IGNORECASE), -2, "{year}"),
                   (re.compile(r"\b(?:in\s+)?this\s+year\b", re.IGNORECASE), 0, "{year}"),
                   (re.compile(r"\b(?:in\s+)?last\s+year\b", re.IGNORECASE), -1, "{year}"))


def resolve_relative_years(text: str, today: date) -> str:
    """今年 / 去年 / 前年 (this year, last year) → the year they mean today (`去年网上零售额` → `2025年网上零售额`)."""
    for pattern, delta, form in _RELATIVE_YEARS:
        text = pattern.sub(form.format(year=today.year + delta), text)
    return text


def clean_question(text: str, *, today: date | None = None) -> str:
    """The lookup words of a question: mentions, question words and punctuation removed; relative years made
    explicit."""
    text = resolve_relative_years(unicodedata.normalize("NFKC", text), today or date.today())
    text = re.sub(r"@\w+", " ", text)
    text = " ".join(text.split()).strip(_PUNCT)
    for _ in range(2):
        text = _ZH_PREFIX.sub("", text).strip(_PUNCT)
        text = _EN_PREFIX.sub("", text).strip(_PUNCT)
        text = _ZH_SUFFIX.sub("", text).strip(_PUNCT)
        text = _EN_SUFFIX.sub("", text).strip(_PUNCT)
    return text


#: small talk: answered with the hint alone (no "nothing found for 你好")
_GREETINGS = frozenset({"你好", "您好", "嗨", "哈喽", "在吗", "在么", "谢谢", "多谢", "好的", "ok", "hi", "hello", "hey",
                        "thanks", "thank you", "help", "帮助", "start"})


def understand(session: Session, text: str) -> Understood:
    """Decide how to answer a plain message (see the module docstring)."""
    query = clean_question(text)[:MAX_QUESTION]
    if not query or query.casefold() in _GREETINGS:
        return Understood("hint", "")
    if find_topic(query) is not None:  # a curated topic (跨境电商, "Cross-border e-commerce"): its articles
        return Understood("search", query)  # (search reads English words as the Chinese ones)
    found = lookup(session, query, limit=1)
    if found.match in ("exact", "alias"):
        return Understood("metric", query)
    if found.matched and found.match != "fuzzy" and found.period is not None:
        # the metric exists, only not for that period: all its periods, saying so
        metric, _period = parse_query(query)
        return Understood("metric", metric, period=found.period.text)
    suggestions = list(found.matched if found.match == "fuzzy" else found.suggestions)[:4]
    if search(session, query, limit=1):
        return Understood("search", query, suggestions)
    return Understood("hint", query, suggestions)
