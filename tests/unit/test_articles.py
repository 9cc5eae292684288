"""bot.services.articles on real ingested seeds (SQLite and PostgreSQL): listing, the newest bulletin, counts,
and deleting a bulletin with everything that came from it while other bulletins stay intact."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.engine import session_scope
from bot.db.models import Article, ArticleSearch, Bulletin, Figure
from bot.services import articles
from bot.services.ingest import ingest_file
from bot.services.search import search

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
S001 = SEEDS / "001_702a40341f70cc14.txt"
S002 = SEEDS / "002_85eb7a58db5daab1.txt"


def _ingest(engine: Engine, path: Path) -> int:
    with session_scope(engine) as s:
        result = ingest_file(s, path)
    assert result.bulletin_id is not None
    return result.bulletin_id


def _count(s: Session, model: type, *where: object) -> int:
    stmt = select(func.count()).select_from(model)
    for cond in where:
        stmt = stmt.where(cond)  # type: ignore[arg-type]
    return int(s.exec(stmt).one())


def test_latest_bulletin_and_stats(engine: Engine) -> None:
    older = _ingest(engine, S002)
    newer = _ingest(engine, S001)
    with Session(engine) as s:
        latest = articles.latest_bulletin(s)
        assert latest is not None
        bulletin, items = latest
        assert bulletin.id == newer != older
        assert bulletin.published is not None and bulletin.published.isoformat() == "2023-09-05"
        assert [a.seq for a in items] == sorted(a.seq for a in items) and len(items) == 45
        stats = articles.store_stats(s)
        assert stats["bulletins"] == 2 and stats["articles"] == 45 + 53
        assert stats["figures"] == _count(s, Figure) > 0


def test_delete_bulletin_removes_its_articles_figures_and_index_only(engine: Engine, tmp_path: Path) -> None:
    first = _ingest(engine, S001)
    # a later bulletin reprinting one of the first bulletin's stories (near-duplicate) plus a new story
    lines = S001.read_text(encoding="utf-8").split("\n")
    reprint = "\n".join([
        "【行业资讯】", "", "国务院专题学习：促进数字技术与实体经济深度融合", "", lines[33], "", lines[35], "", lines[37], "",
        "来源:《人民日报》 编选:《电子商务动态》编辑部 2023 年 09 月 08 日", "",
        "杭州新开跨境电商体验店", "",
        "杭州新开了一家跨境电商体验店，吸引了众多市民前来参观购物，开业首日客流超过5000人次。", "",
        "来源:《文汇报》 编选:《电子商务动态》编辑部 2023 年 09 月 10 日",
    ])
    later_file = tmp_path / "later.txt"
    later_file.write_text(reprint, encoding="utf-8")
    second = _ingest(engine, later_file)
    with Session(engine) as s:
        copy = s.exec(select(Article).where(Article.bulletin_id == second, Article.title.startswith("国务院"))).one()
        assert copy.duplicate_of_id is not None
        first_ids = list(s.exec(select(Article.id).where(Article.bulletin_id == first)))
        assert copy.duplicate_of_id in first_ids
        assert any(h.article_id in first_ids for h in search(s, "盒马"))

    with session_scope(engine) as s:
        assert articles.delete_bulletin(s, first) == 45
        assert articles.delete_bulletin(s, 999_999) is None

    with Session(engine) as s:
        assert s.get(Bulletin, first) is None
        assert _count(s, Article, Article.bulletin_id == first) == 0
        assert _count(s, Figure, Figure.article_id.in_(first_ids)) == 0  # type: ignore[union-attr]
        assert _count(s, ArticleSearch, ArticleSearch.article_id.in_(first_ids)) == 0  # type: ignore[attr-defined]
        assert search(s, "盒马") == []  # the full-text index forgot them too
        # the other bulletin is intact; its reprint is now the only copy of the story
        kept = list(s.exec(select(Article).where(Article.bulletin_id == second)))
        assert len(kept) == 2 and all(a.duplicate_of_id is None for a in kept)
        assert [h.article_id for h in search(s, "体验店")] == [a.id for a in kept if a.title.startswith("杭州")]
