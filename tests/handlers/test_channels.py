"""Issue 11 item 6: subscribing a channel from a private chat (getChat/getChatMember checks), /pause and /resume
for all of a chat's subscriptions, and words a keyword subscription leaves out — through the real Application,
in Chinese and English, with the outbox written by the real tick."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from bot.db.models import Chat, Delivery, Subscription
from bot.render.digest import digest_parts
from bot.services.outbox import claim_pending, enqueue_due
from tests.handlers.conftest import USER, Harness, add_bulletin, texts

CHANNEL = -1001234567
OTHER_ADMIN = 3003


def subs_of(h: Harness, chat_id: int) -> list[Subscription]:
    with Session(h.engine) as s:
        return list(s.exec(select(Subscription).where(Subscription.chat_id == chat_id,
                                                      Subscription.active == True)))  # noqa: E712


def tick(h: Harness, *, later: timedelta = timedelta(days=2)) -> list[Delivery]:
    """Run the real tick as if `later` had passed; the outbox rows it wrote."""
    with Session(h.engine) as s:
        enqueue_due(s, datetime.now(UTC) + later, render=digest_parts)
        s.commit()
        return list(s.exec(select(Delivery).order_by(Delivery.id)))  # type: ignore[arg-type]


def channel(h: Harness, **over: Any) -> None:
    spec: dict[str, Any] = {"username": "ecnews", "title": "电商观察", "owner": USER, "admins": [OTHER_ADMIN],
                            "posters": [h.api.bot_id]}
    spec.update(over)
    h.api.add_channel(CHANNEL, **spec)


def age_subscriptions(h: Harness) -> None:
    with Session(h.engine) as s:
        for sub in s.exec(select(Subscription)):
            sub.covered_until = datetime.now(UTC) - timedelta(days=1)
            s.add(sub)
        s.commit()


async def test_channel_subscribed_from_private_chat_zh_and_en(harness: Harness) -> None:
    channel(harness)
    calls = await harness.command("/subscribe @ecnews 跨境电商 08:30")
    asked = [(c.method, c.params.get("user_id")) for c in calls if c.method.startswith("getChat")]
    assert asked == [("getChat", None), ("getChatMember", harness.api.bot_id), ("getChatMember", USER)]
    [text] = texts(calls)
    assert text.startswith("@ecnews：已订阅 <b>跨境电商</b>：每天 08:30（Asia/Shanghai）。")
    assert [s.topic for s in subs_of(harness, CHANNEL)] == ["跨境电商"] and subs_of(harness, USER) == []
    with Session(harness.engine) as s:
        chat = s.get(Chat, CHANNEL)
        assert chat is not None and chat.kind == "channel" and chat.title == "电商观察" and chat.language == "zh"
    [text] = texts(await harness.command("/subscribe @ecnews 直播电商 -阿联酋 20:00", language_code="en"))
    assert text.startswith("@ecnews: Subscribed to <b>Live-streaming e-commerce</b>: daily at 20:00")
    assert "Leaving out articles that mention 阿联酋." in text
    [listing] = texts(await harness.command("/subscriptions @ecnews", language_code="en"))
    assert "Subscriptions · @ecnews" in listing and "without: 阿联酋" in listing
    # the channel's digest goes through the outbox like any other
    add_bulletin(harness.engine, articles=[{"title": "跨境电商出口增长", "body": "跨境电商出口增长明显。"}])
    age_subscriptions(harness)
    [preview] = texts(await harness.command("/digest @ecnews", language_code="en"))
    assert preview.startswith("<b>Digest: Cross-border e-commerce</b>\n1 new article") and "跨境电商出口增长" in preview
    assert texts(await harness.command("/digest")) == ["还没有订阅。试试 /subscribe 跨境电商，或查看 /topics。"]
    rows = tick(harness)
    assert [r.chat_id for r in rows] == [CHANNEL] and "跨境电商出口增长" in rows[0].text


async def test_channel_commands_in_both_languages(harness: Harness) -> None:
    channel(harness)
    await harness.command("/subscribe @ecnews 跨境电商")
    [listing] = texts(await harness.command("/subscriptions @ecnews"))
    assert listing.startswith("<b>订阅 · @ecnews</b>\n• <b>跨境电商</b> — 每天 08:00; 下次：")
    assert texts(await harness.command("/pause @ecnews", language_code="en")) == [
        "@ecnews: Paused 1 subscription. /resume starts it again; nothing is lost meanwhile."]
    assert "已暂停" in texts(await harness.command("/subscriptions @ecnews"))[0]
    [text] = texts(await harness.command("/resume @ecnews"))
    assert text.startswith("@ecnews：已恢复 1 个订阅。下次推送：")
    assert texts(await harness.command("/unsubscribe @ecnews 跨境电商", language_code="en")) == [
        "@ecnews: Unsubscribed from Cross-border e-commerce."]
    assert texts(await harness.command("/unsubscribe @ecnews 跨境电商")) == ["@ecnews：这里没有订阅 跨境电商。"]
    assert texts(await harness.command("/subscriptions @ecnews", language_code="en")) == [
        "@ecnews: No subscriptions yet. Try /subscribe 跨境电商 or see /topics."]
    # someone else cannot look at or change the channel's subscriptions
    out = texts(await harness.command("/pause @ecnews", user_id=4004, language_code="en"))
    assert out == ["Only administrators of @ecnews who may post there can manage its digests."]
    assert texts(await harness.command("/resume")) == ["这里的推送没有暂停。"]
    assert texts(await harness.command("/resume 多余")) == ["用法：/resume；频道管理员可用 /resume @频道。"]


async def test_channel_refusals_say_what_is_missing(harness: Harness) -> None:
    out = texts(await harness.command("/subscribe @nosuchchannel 跨境电商"))
    assert out == ["我看不到 @nosuchchannel。请先把本机器人加为该频道的管理员并允许发布消息，然后再试。"]
    out = texts(await harness.command("/subscribe @nosuchchannel 跨境电商", language_code="en"))
    assert out == ["I cannot see @nosuchchannel. Add this bot to it as an administrator allowed to post messages, "
                   "then try again."]
    channel(harness, owner=None)  # the user is not an administrator
    out = texts(await harness.command("/subscribe @ecnews 跨境电商", language_code="en"))
    assert out == ["Only administrators of @ecnews who may post there can manage its digests."]
    out = texts(await harness.command("/subscribe @ecnews 跨境电商"))
    assert out == ["只有能在 @ecnews 发布消息的管理员才能管理它的推送。"]
    channel(harness, posters=[], admins=[harness.api.bot_id])  # the bot is an admin but may not post
    out = texts(await harness.command("/subscribe @ecnews 跨境电商", language_code="en"))
    assert out == ["I may not post in @ecnews: make this bot an administrator with the right to post messages, "
                   "then try again."]
    out = texts(await harness.command("/subscribe @ecnews 跨境电商"))
    assert out == ["我无法在 @ecnews 发布消息：请把本机器人设为有权发布消息的管理员，然后再试。"]
    channel(harness, owner=None, admins=[USER], posters=[harness.api.bot_id])  # admin without the right to post
    assert texts(await harness.command("/subscribe @ecnews 跨境电商", language_code="en")) == [
        "Only administrators of @ecnews who may post there can manage its digests."]
    out = texts(await harness.command("/subscribe @x 跨境电商", language_code="en"))
    assert out == ["“@x” is not a channel: write its public username (@name) or its numeric id (-100…)."]
    assert subs_of(harness, CHANNEL) == []
    # another administrator who may post can subscribe it
    channel(harness, owner=None, admins=[], posters=[USER, harness.api.bot_id])
    assert "已订阅" in texts(await harness.command("/subscribe @ecnews 跨境电商"))[0]
    assert "已取消订阅" in texts(await harness.command("/unsubscribe @ecnews 跨境电商"))[0]
    assert subs_of(harness, CHANNEL) == []


async def test_a_public_group_subscribed_from_a_private_chat(harness: Harness) -> None:
    group = -1009876543
    harness.api.add_channel(group, username="ecgroup", title="电商群", kind="supergroup", admins=[OTHER_ADMIN])
    # the bot is an ordinary member there (it may post); the user is not an administrator
    assert texts(await harness.command("/subscribe @ecgroup 跨境电商", language_code="en")) == [
        "Only administrators of @ecgroup who may post there can manage its digests."]
    [text] = texts(await harness.command("/subscribe @ecgroup 跨境电商", user_id=OTHER_ADMIN, language_code="en"))
    assert text.startswith("@ecgroup: Subscribed to <b>Cross-border e-commerce</b>")
    with Session(harness.engine) as s:
        chat = s.get(Chat, group)
        assert chat is not None and chat.kind == "supergroup" and chat.title == "电商群"


async def test_pause_and_resume_all_of_a_chats_digests(harness: Harness) -> None:
    await harness.command("/subscribe 跨境电商")
    await harness.command("/subscribe 直播电商")
    add_bulletin(harness.engine, articles=[{"title": "跨境电商与直播电商", "body": "跨境电商直播带货。"}])
    age_subscriptions(harness)
    [text] = texts(await harness.command("/pause"))
    assert text == "已暂停 2 个订阅。发送 /resume 即可恢复，期间的文章不会丢失。"
    assert texts(await harness.command("/pause", language_code="en")) == [
        "Digests here are already paused. /resume starts them again."]
    [listing] = texts(await harness.command("/subscriptions", language_code="en"))
    assert "Paused: no digests until /resume." in listing
    assert tick(harness) == []  # paused: the tick writes nothing
    [text] = texts(await harness.command("/resume", language_code="en"))
    assert text.startswith("Resumed 2 subscriptions. Next digest: ") and "added while paused" in text
    assert texts(await harness.command("/resume")) == ["这里的推送没有暂停。"]
    rows = tick(harness)
    assert {r.chat_id for r in rows} == {USER} and len({r.subscription_id for r in rows}) == 2
    # one subscription: singular in English
    await harness.command("/unsubscribe 直播电商")
    assert texts(await harness.command("/pause", language_code="en")) == [
        "Paused 1 subscription. /resume starts it again; nothing is lost meanwhile."]
    assert texts(await harness.command("/resume extra", language_code="en")) == [
        "Usage: /resume, or /resume @channel for a channel you administer."]
    assert texts(await harness.command("/pause extra")) == ["用法：/pause；频道管理员可用 /pause @频道。"]


async def test_pause_holds_unsent_digest_messages_until_resume(harness: Harness) -> None:
    await harness.command("/subscribe 跨境电商")
    add_bulletin(harness.engine, articles=[{"title": "跨境电商新政", "body": "跨境电商新政出台。"}])
    age_subscriptions(harness)
    [row] = tick(harness)
    assert row.status == "pending"
    await harness.command("/pause", language_code="en")
    with Session(harness.engine) as s:
        assert claim_pending(s, datetime.now(UTC)) == []  # held: the sender finds nothing to send
    await harness.command("/resume", language_code="en")
    with Session(harness.engine) as s:
        assert [p.id for p in claim_pending(s, datetime.now(UTC) + timedelta(seconds=1))] == [row.id]


async def test_pause_in_a_group_is_for_its_administrators(harness: Harness) -> None:
    group = -4242
    harness.api.chat_admins[group] = {OTHER_ADMIN}
    out = texts(await harness.command("/pause", chat_id=group, language_code="en"))
    assert out == ["Only this group's administrators can change its subscriptions."]
    out = texts(await harness.command("/pause", user_id=OTHER_ADMIN, chat_id=group, language_code="en"))
    assert out == ["Paused 0 subscriptions. /resume starts them again; nothing is lost meanwhile."]


async def test_exclude_words_leave_articles_out_of_the_digest(harness: Harness) -> None:
    [text] = texts(await harness.command("/subscribe 直播电商 -阿联酋 -迪拜"))
    assert "不推送提到阿联酋或迪拜的文章。" in text
    add_bulletin(harness.engine, articles=[
        {"title": "直播电商走进阿联酋", "body": "直播带货在阿联酋兴起。"},
        {"title": "直播电商新规", "body": "直播电商行业迎来新规。"},
    ])
    age_subscriptions(harness)
    [preview] = texts(await harness.command("/digest"))
    assert "直播电商新规" in preview and "阿联酋" not in preview
    rows = tick(harness)
    assert rows and all("阿联酋" not in r.text for r in rows) and "直播电商新规" in rows[0].text
    # re-timing keeps the words; new words replace them; unsubscribing forgets them
    [text] = texts(await harness.command("/subscribe 直播电商 20:00"))
    assert "每天 20:00" in text and "不推送提到阿联酋或迪拜的文章。" in text
    [text] = texts(await harness.command("/subscribe 直播电商 -沙特", language_code="en"))
    assert "Leaving out articles that mention 沙特." in text
    await harness.command("/unsubscribe 直播电商")
    assert "Leaving out" not in texts(await harness.command("/subscribe 直播电商", language_code="en"))[0]
    # bad exclusions are explained
    assert texts(await harness.command("/subscribe 直播电商 -", language_code="en")) == [
        "Write the words to leave out after a minus sign, e.g. /subscribe 直播电商 -阿联酋 (at most 10 words)."]
