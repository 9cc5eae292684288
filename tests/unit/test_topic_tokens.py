"""Topic matching reads the tokens the search index stored at ingest (no jieba per article on a button press), and
matches exactly as segmenting the article again would."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from bot.config import PROJECT_ROOT
from bot.db.models import Article, ArticleSearch, utcnow
from bot.services import digest as dg
from bot.services import topics
from bot.services.ingest import ingest_file
from bot.services.topics import article_text, article_text_from_tokens, load_topics, matches, resolve_topic

SEED = PROJECT_ROOT / "seeds" / "000_d505d10c10052e7c.txt"
CUSTOM = ["农产品", "数字人民币", "直播 农产品", "AI", "海外仓", "跨境电商"]


def test_stored_tokens_match_like_a_fresh_segmentation(session: Session) -> None:
    ingest_file(session, SEED)
    session.commit()
    rows = {r.article_id: r for r in session.exec(select(ArticleSearch))}
    articles = list(session.exec(select(Article)))
    assert articles and set(rows) == {a.id for a in articles}
    wanted = [*load_topics(), *(resolve_topic(c) for c in CUSTOM)]
    hits = 0
    for a in articles:
        fresh = article_text(a.title, a.body, a.section)
        stored = article_text_from_tokens(rows[a.id].title_tokens, rows[a.id].body_tokens, a.title, a.body,
                                          a.section)
        assert {t for t in fresh.tokens if t.strip()} == stored.tokens
        for topic in wanted:
            assert matches(topic, fresh) == matches(topic, stored), (a.title, topic.key)
            hits += matches(topic, stored)
    assert hits > 0


def test_composing_a_preview_segments_nothing(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_file(session, SEED)
    session.commit()
    now = utcnow()
    expected = dg.Composer(session).compose(resolve_topic("跨境电商"), now - dg.PREVIEW_WINDOW, now)
    assert expected.items

    def no_jieba(text: str) -> list[str]:
        raise AssertionError("an article was segmented again")

    # the topic's keywords were segmented (and cached) by the first compose; a new Composer must not segment any
    # article again
    monkeypatch.setattr(topics, "cut_for_search", no_jieba)
    again = dg.Composer(session).compose(resolve_topic("跨境电商"), now - dg.PREVIEW_WINDOW, now)
    assert [i.article_id for i in again.items] == [i.article_id for i in expected.items]
    # the window bounds the preview: articles stored before it are not read
    assert not dg.Composer(session).compose(resolve_topic("跨境电商"), now + timedelta(seconds=1),
                                            now + timedelta(days=1)).items
