"""Full-text search (STUB — to be implemented). Contract:

    index_article(session, article) -> None      # called by ingest after the article is flushed
    search(session, query, *, limit=20, offset=0) -> list[SearchHit]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session

from bot.db.models import Article, ArticleSearch
from bot.text.segment import cut_for_search


@dataclass(slots=True)
class SearchHit:
    article_id: int
    title: str
    snippet: str
    published: date | None
    score: float

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "snippet": self.snippet,
            "published": self.published.isoformat() if self.published else None,
            "score": self.score,
        }

    def to_text(self) -> str:
        return f"{self.article_id:>5}  {self.published or ''}  {self.title}\n       {self.snippet}"


def index_article(session: Session, article: Article) -> None:
    assert article.id is not None
    session.add(
        ArticleSearch(
            article_id=article.id,
            title_tokens=" ".join(cut_for_search(article.title)),
            body_tokens=" ".join(cut_for_search(article.body)),
        )
    )


def search(session: Session, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    return []
