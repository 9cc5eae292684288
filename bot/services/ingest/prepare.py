"""The CPU-heavy, store-independent part of ingesting articles: search tokens (jieba) and figures.

`prepare_articles` is a pure, picklable function, so `bot.text.tokenize.map_batches` can run it in the worker pool
for large files; every article's text is segmented exactly once per ingest (title and body, as
`search.index_article` would), and the figures are exactly `figures.figures_for_article`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.services import figures as figures_service
from bot.services import search as search_service


@dataclass(frozen=True, slots=True)
class ArticleInput:
    title: str
    body: str
    published: date | None
    #: the region the bulletin's publication is named after (figures.home_region): what 我市/全市 mean in it
    home: str = ""


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    #: `article_search` column values (space-separated jieba search-mode tokens)
    title_tokens: str
    body_tokens: str
    #: `figure` column values without `article_id`
    figures: list[dict[str, Any]]


def prepare_article(item: ArticleInput) -> PreparedArticle:
    # search._tokens is the one definition of the stored token text (the query side relies on it)
    return PreparedArticle(
        title_tokens=search_service._tokens(item.title),  # noqa: SLF001
        body_tokens=search_service._tokens(item.body),  # noqa: SLF001
        figures=figures_service.figure_values(item.body, item.published, title=item.title, home=item.home),
    )


def prepare_articles(items: list[ArticleInput]) -> list[PreparedArticle]:
    return [prepare_article(item) for item in items]
