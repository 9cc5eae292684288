"""Issue 11 item 4: a message that is not a command is a question — figures when it names a metric (with its period
words understood), else matching articles, else a short hint; in groups only when the bot is addressed."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.fakeapi.core import BOT_USERNAME
from tests.handlers.conftest import Harness, add_bulletin, retail_figure, sent, texts

GROUP = -4242


def _store(h: Harness) -> None:
    add_bulletin(h.engine, published=date(2023, 8, 29), articles=[
        {"title": "上半年网络零售稳中向好", "outlet": "中国互联网络信息中心", "body": "网上零售额7.16万亿元，同比增长13.1%。",
         "figures": [
             retail_figure(value=7.16, value_base=7.16e12, period_start=date(2023, 1, 1),
                           period_end=date(2023, 6, 30), period_label="上半年", growth_pct=13.1,
                           quote="上半年，全国网上零售额7.16万亿元，同比增长13.1%。"),
             retail_figure()]},
        {"title": "跨境电商出口持续增长", "outlet": "海关总署", "body": "跨境电商出口增长，海外仓建设提速。"},
        {"title": "直播电商规范发展", "outlet": "电商报", "body": "直播带货行业迎来新规。"},
    ])


def group_text(h: Harness, text: str, **extra: Any) -> dict[str, Any]:
    update = h.updates.text(text, chat_id=GROUP)
    update["message"].update(extra)
    return update


async def test_a_question_naming_a_metric_and_period_gets_figures(harness: Harness) -> None:
    _store(harness)
    calls = await harness.feed(harness.updates.text("2023年上半年网上零售额是多少？"))
    assert [c.method for c in calls] == ["sendChatAction", "sendMessage"]
    text = calls[1].text or ""
    assert text.startswith("<b>2023年上半年网上零售额</b>：共 1 条数据") and "7.16万亿元（2023年上半年）" in text
    assert "15.42" not in text  # the 2023 full-year figure is another period
    [text] = texts(await harness.feed(harness.updates.text("网上零售额")))
    assert "7.16万亿元" in text and "15.42万亿元" in text
    [text] = texts(await harness.feed(harness.updates.text("What were online retail sales in H1 2023?",
                                                           language_code="en")))
    assert text.startswith("<b>online retail sales in H1 2023</b>: 1 figure") and "7.16 trillion yuan (H1 2023)" \
        in text


async def test_relative_years_and_a_period_without_figures(harness: Harness) -> None:
    _store(harness)
    last_year = date.today().year - 1
    [text] = texts(await harness.feed(harness.updates.text("去年网上零售额是多少")))
    assert text.startswith(f"没有{last_year}年的数据，以下是所有时期：\n\n<b>网上零售额</b>：共 2 条数据")
    [text] = texts(await harness.feed(harness.updates.text("online retail sales last year?", language_code="en")))
    assert text.startswith(f"No figures for {last_year}; every period instead:\n\n<b>online retail sales</b>: 2 ")
    [text] = texts(await harness.feed(harness.updates.text("网上零售额增长了多少")))
    assert text.startswith("<b>网上零售额</b>：共 2 条数据") and "同比增长13.1%" in text


async def test_a_subject_gets_articles_and_nonsense_a_hint(harness: Harness) -> None:
    _store(harness)
    [text] = texts(await harness.feed(harness.updates.text("跨境电商")))
    assert text.startswith("<b>搜索</b>：跨境电商") and "跨境电商出口持续增长" in text
    [text] = texts(await harness.feed(harness.updates.text("Cross-border e-commerce", language_code="en")))
    assert text.startswith("<b>Search</b>: Cross-border e-commerce") and "跨境电商出口持续增长" in text  # the topic, as in Chinese
    [text] = texts(await harness.feed(harness.updates.text("live streaming", language_code="en")))
    assert text.startswith("<b>Search</b>: live streaming") and "直播电商规范发展" in text
    [text] = texts(await harness.feed(harness.updates.text("火星殖民")))
    assert text == ("没有找到与“火星殖民”相关的数据或文章。\n可以直接问数据或话题，例如 <code>2023年上半年网上零售额</code> "
                    "或 <code>跨境电商</code>；/help 查看全部命令。")
    [text] = texts(await harness.feed(harness.updates.text("你好！")))
    assert text == ("可以直接问数据或话题，例如 <code>2023年上半年网上零售额</code> 或 <code>跨境电商</code>；"
                    "/help 查看全部命令。")
    [text] = texts(await harness.feed(harness.updates.text("Mars colonies?", language_code="en")))
    assert text.startswith("I found no figures or articles for “Mars colonies”.\nAsk for a figure or a subject")


async def test_a_near_miss_offers_metric_buttons(harness: Harness) -> None:
    _store(harness)
    [msg] = sent(await harness.feed(harness.updates.text("零售额")))
    assert msg.text.startswith("<b>搜索</b>：零售额")  # type: ignore[union-attr]
    assert msg.button_texts == ["数据：网上零售额"]
    calls = await harness.press(msg, "数据：网上零售额")
    assert "15.42万亿元" in texts(calls)[-1]


async def test_in_groups_only_when_mentioned_or_replied_to(harness: Harness) -> None:
    _store(harness)
    assert await harness.feed(group_text(harness, "网上零售额")) == []
    mention = f"@{BOT_USERNAME} 网上零售额是多少"
    calls = await harness.feed(group_text(harness, mention, entities=[
        {"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]))
    [text] = texts(calls)
    assert text.startswith("<b>网上零售额</b>：共 2 条数据") and calls[-1].chat_id == GROUP
    bot_message = {"message_id": 1, "date": 0, "chat": {"id": GROUP, "type": "group", "title": "g"},
                   "from": harness.api.bot_user, "text": "…"}
    [text] = texts(await harness.feed(group_text(harness, "跨境电商", reply_to_message=bot_message)))
    assert "跨境电商出口持续增长" in text
    # a mention of someone else is not for the bot
    assert await harness.feed(group_text(harness, "@someone 网上零售额", entities=[
        {"type": "mention", "offset": 0, "length": 8}])) == []


async def test_help_mentions_questions_and_channels(harness: Harness) -> None:
    [text] = texts(await harness.command("/help"))
    assert "也可以不用命令，直接提问：2023年上半年网上零售额是多少" in text and "/pause — 暂停本聊天的所有推送" in text
    assert "在私聊中发送 /subscribe @channel 跨境电商 08:30" in text
    [text] = texts(await harness.command("/help", language_code="en"))
    assert "Or just ask, without a command: 2023年上半年网上零售额是多少" in text
    assert "/resume — Resume the digests of this chat" in text and "-阿联酋 leaves out articles" in text
