"""Reading stored articles and bulletins: lists, single articles, the newest bulletin, counts, deletion."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, delete, select, update

from bot.db.models import Article, ArticleSearch, Bulletin, Chat, Delivery, Figure, Subscription, UserPref


def article_to_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "bulletin_id": article.bulletin_id,
        "seq": article.seq,
        "section": article.section,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "body": article.body,
        "duplicate_of_id": article.duplicate_of_id,
    }


def list_articles(session: Session, *, bulletin_id: int | None = None, limit: int | None = None) -> list[Article]:
    stmt = select(Article).order_by(col(Article.bulletin_id), col(Article.seq))
    if bulletin_id is not None:
        stmt = stmt.where(Article.bulletin_id == bulletin_id)
    if limit:
        stmt = stmt.limit(limit)
    return list(session.exec(stmt))


def get_article(session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id)


def masthead(publication: str | None, issue_no: str | None) -> str:
    """A bulletin's name as sources cite it: publication and issue number ("" when it has none). A file name is
    never a source name."""
    return " ".join(p for p in (publication or "", issue_no or "") if p)


def bulletin_name(bulletin: Bulletin | None, *, file_fallback: bool = False) -> str:
    """Masthead name and issue; the file name only with `file_fallback`, where an admin identifies a file."""
    if bulletin is None:
        return ""
    return masthead(bulletin.publication, bulletin.issue_no) or (bulletin.file_name if file_fallback else "")


def article_bulletin_name(session: Session, article: Article) -> str:
    """The name of the bulletin an article came from ("" when it has none)."""
    return bulletin_name(session.get(Bulletin, article.bulletin_id))


def bulletin_summary(session: Session, bulletin_id: int) -> tuple[str, int] | None:
    """(name for an admin — the file name when it has no masthead, article count), or None when absent."""
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        return None
    count = _count(session, Article, col(Article.bulletin_id) == bulletin_id)
    return bulletin_name(bulletin, file_fallback=True), count


def latest_bulletin(session: Session) -> tuple[Bulletin, list[Article]] | None:
    """The newest bulletin (by publication date, then load time) with its articles in order."""
    stmt = select(Bulletin).order_by(
        col(Bulletin.published).desc().nulls_last(), col(Bulletin.loaded_at).desc(), col(Bulletin.id).desc()
    )
    bulletin = session.exec(stmt.limit(1)).first()
    if bulletin is None:
        return None
    return bulletin, list_articles(session, bulletin_id=bulletin.id)


def _count(session: Session, model: Any, *where: Any) -> int:
    stmt = select(func.count()).select_from(model)
    for cond in where:
        stmt = stmt.where(cond)
    return int(session.exec(stmt).one())


def store_stats(session: Session) -> dict[str, int]:
    return {
        "bulletins": _count(session, Bulletin),
        "articles": _count(session, Article),
        "figures": _count(session, Figure),
        "users": _count(session, UserPref),
        "chats": _count(session, Chat),
        "subscriptions": _count(session, Subscription, col(Subscription.active).is_(True)),
        "deliveries_pending": _count(session, Delivery, Delivery.status == "pending"),
        "deliveries_sent": _count(session, Delivery, Delivery.status == "sent"),
        "deliveries_failed": _count(session, Delivery, Delivery.status == "failed"),
    }


def delete_bulletin(session: Session, bulletin_id: int) -> int | None:
    """Remove a bulletin and everything that came from it. Returns the number of articles removed, None if absent."""
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        return None
    article_ids = list(session.exec(select(Article.id).where(Article.bulletin_id == bulletin_id)))
    if article_ids:
        # explicit deletes so both SQLite and PostgreSQL behave the same regardless of FK enforcement
        session.exec(delete(Figure).where(col(Figure.article_id).in_(article_ids)))  # type: ignore[call-overload]
        session.exec(delete(ArticleSearch).where(col(ArticleSearch.article_id).in_(article_ids)))  # type: ignore[call-overload]
        session.exec(  # type: ignore[call-overload]
            update(Article).where(col(Article.duplicate_of_id).in_(article_ids)).values(duplicate_of_id=None)
        )
        session.exec(delete(Article).where(col(Article.bulletin_id) == bulletin_id))  # type: ignore[call-overload]
    session.delete(bulletin)
    session.flush()
    return len(article_ids)
