"""Issue 11 item 7: English parity — English topic and search words map to the Chinese ones, plurals through
ngettext ("1 article"), numbers and units as English writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session, select

from bot.db.models import Subscription
from bot.i18n import Translator
from bot.render.digest import digest_parts
from bot.services.digest import compose
from tests.handlers.conftest import ADMIN, Harness, add_bulletin, texts


def _store(h: Harness) -> None:
    add_bulletin(h.engine, published=date(2024, 3, 1), articles=[
        {"title": "直播电商规范发展", "outlet": "电商报", "body": "直播带货行业迎来新规，主播须实名。"}])


async def test_search_in_english_finds_chinese_articles(harness: Harness) -> None:
    _store(harness)
    [text] = texts(await harness.command("/search live streaming", language_code="en"))
    assert text.startswith("<b>Search</b>: live streaming") and "直播电商规范发展" in text and "/article 1" in text
    [text] = texts(await harness.command("/search live streaming"))
    assert text.startswith("<b>搜索</b>：live streaming") and "直播电商规范发展" in text
    [text] = texts(await harness.command("/search quantum teleportation", language_code="en"))
    assert text == "No articles found for “quantum teleportation”."


async def test_english_topic_words_subscribe_the_chinese_topic(harness: Harness) -> None:
    [text] = texts(await harness.command("/subscribe live streaming 09:00", language_code="en"))
    assert text.startswith("Subscribed to <b>Live-streaming e-commerce</b>: daily at 09:00")
    [text] = texts(await harness.command("/subscribe overseas warehouses", language_code="en"))
    assert "<b>Cross-border e-commerce</b>" in text
    [text] = texts(await harness.command("/subscribe digital yuan", language_code="en"))
    assert "Custom topic: articles whose title or text contains “数字人民币”." in text
    with Session(harness.engine) as s:
        assert sorted(x.topic for x in s.exec(select(Subscription))) == ["数字人民币", "直播电商", "跨境电商"]
    # time errors in English and Chinese
    assert texts(await harness.command("/subscribe live streaming 8pm", language_code="en")) == [
        "“8pm” is not a time I can read: write it as HH:MM on the 24-hour clock. "
        "Example: /subscribe live streaming 20:00"]
    assert texts(await harness.command("/subscribe 跨境电商 明早八点")) == [
        "无法识别时间“明早八点”：请用 24 小时制的 HH:MM 书写。例如：/subscribe 跨境电商 08:00"]
    assert texts(await harness.command("/subscribe 跨境电商 25:99")) == [
        "“25:99”不是有效的时间：小时为 00–23，分钟为 00–59。例如：/subscribe 跨境电商 08:30"]


async def test_plurals(harness: Harness) -> None:
    _store(harness)
    [text] = texts(await harness.command("/latest", language_code="en"))
    assert "\n1 article\n" in text + "\n"
    [text] = texts(await harness.command("/latest"))
    assert "共 1 篇文章" in text
    with Session(harness.engine) as s:
        digest = compose(s, "直播电商", since=datetime(2000, 1, 1, tzinfo=UTC))
    assert "1 new article\n" in digest_parts(digest, "en")[0] and "1 篇新文章" in digest_parts(digest, "zh")[0]
    en = Translator("en")
    assert en.ngettext("{count} article", "{count} articles", 2).format(count=2) == "2 articles"
    calls = await harness.command("/delete_bulletin 1", user_id=ADMIN, language_code="en")
    assert "and its 1 article and its figures?" in texts(calls)[-1]
