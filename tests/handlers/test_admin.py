"""Admin commands: /stats, /delete_bulletin, the error handler (uploads: test_upload.py)."""

from __future__ import annotations

from sqlmodel import func, select
from telegram import Update
from telegram.ext import CommandHandler

from bot.context import BotContext
from bot.db.models import Article, Bulletin
from tests.handlers.conftest import ADMIN, USER, Harness, add_bulletin, sent, texts


def _count(h: Harness, model: type) -> int:
    with h.session() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


async def test_stats_for_admins_only(harness: Harness) -> None:
    add_bulletin(harness.engine, articles=[{"title": "t", "body": "b"}])
    await harness.command("/start")
    assert texts(await harness.command("/stats"))[-1] == "此命令仅供机器人管理员使用。"
    [text] = texts(await harness.command("/stats", user_id=ADMIN))
    assert text.startswith("<b>统计</b>\n简报: 1\n文章: 1\n数据: 0\n用户: 2")


async def test_delete_bulletin_with_confirm_button(harness: Harness) -> None:
    b = add_bulletin(harness.engine, articles=[{"title": "t1", "body": "b"}, {"title": "t2", "body": "b"}])
    assert texts(await harness.command("/delete_bulletin 1"))[-1] == "此命令仅供机器人管理员使用。"
    assert texts(await harness.command("/delete_bulletin x", user_id=ADMIN))[-1].startswith("用法：")
    assert texts(await harness.command("/delete_bulletin 7", user_id=ADMIN))[-1] == "没有编号为 7 的简报。"
    [ask] = sent(await harness.command(f"/delete_bulletin {b.id}", user_id=ADMIN))
    assert ask.text == "确定删除简报 1“电子商务动态 第12期”及其 2 篇文章和相关数据吗？"
    assert ask.button_texts == ["删除", "取消"]
    # someone else pressing the button is refused
    refused = await harness.press(ask, "删除", user_id=USER)
    assert refused[-1].method == "answerCallbackQuery" and refused[-1].params["show_alert"] is True
    assert _count(harness, Bulletin) == 1
    calls = await harness.press(ask, "删除", user_id=ADMIN)
    assert texts(calls) == ["已删除简报 1 及其 2 篇文章。"]
    assert _count(harness, Bulletin) == 0 and _count(harness, Article) == 0


async def test_delete_cancel(harness: Harness) -> None:
    add_bulletin(harness.engine, articles=[{"title": "t1", "body": "b"}])
    [ask] = sent(await harness.command("/delete_bulletin 1", user_id=ADMIN))
    assert texts(await harness.press(ask, "取消", user_id=ADMIN)) == ["未删除任何内容。"]
    assert _count(harness, Bulletin) == 1


async def test_errors_apologise_to_the_user_and_tell_admins(harness: Harness, caplog) -> None:  # type: ignore[no-untyped-def]
    async def boom(update: Update, context: BotContext) -> None:
        raise RuntimeError("database on fire <now>")

    harness.app.add_handler(CommandHandler("boom", boom), group=-1)
    calls = await harness.command("/boom")
    msgs = sent(calls)
    assert msgs[0].params["chat_id"] == USER and msgs[0].text == "抱歉，我们这边出了点问题，请稍后再试。"
    admin_note = msgs[1]
    assert admin_note.params["chat_id"] == ADMIN
    assert admin_note.text.startswith("<b>⚠️ RuntimeError: database on fire &lt;now&gt;</b>")
    assert "<pre>" in admin_note.text and len(admin_note.text) < 4096
    assert "Traceback" not in msgs[0].text
    assert any("exception while handling update" in r.getMessage() for r in caplog.records)
