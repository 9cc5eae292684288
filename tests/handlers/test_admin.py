"""Admin uploads (real ingestion of a seed bulletin), refusals, /stats, /delete_bulletin, the error handler."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import func, select
from telegram import Update
from telegram.ext import CommandHandler

from bot.context import BotContext
from bot.db.models import Article, Bulletin, Figure
from tests.handlers.conftest import ADMIN, USER, Harness, add_bulletin, sent, texts

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SMALL_SEED = sorted(SEEDS.glob("003_*.txt"))[0]


def _count(h: Harness, model: type) -> int:
    with h.session() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


async def test_admin_upload_is_ingested_with_a_summary(harness: Harness) -> None:
    content = SMALL_SEED.read_bytes()
    calls = await harness.feed(harness.updates.document(content, file_name="动态第3期.txt", user_id=ADMIN))
    assert [c.method for c in calls] == ["sendChatAction", "getFile", "sendMessage"]
    assert calls[0].params == {"chat_id": ADMIN, "action": "typing"}
    text = calls[-1].text
    assert text.startswith("已添加“动态第3期.txt”，简报编号 1。")
    articles, figures = _count(harness, Article), _count(harness, Figure)
    assert articles > 0
    assert f"文章 {articles} 篇，数据 {figures} 条，跳过重复文章 0 篇。" in text and "用时" in text
    with harness.session() as s:
        b = s.exec(select(Bulletin)).one()
        assert b.loaded_by == ADMIN
    # the same bulletin again: says so, nothing added
    again = await harness.feed(harness.updates.document(content, file_name="again.txt", user_id=ADMIN))
    assert texts(again) == ["“again.txt”已收录（简报 1），未添加任何内容。"]
    assert _count(harness, Article) == articles


async def test_admin_upload_in_english(harness: Harness) -> None:
    calls = await harness.feed(harness.updates.document(SMALL_SEED.read_bytes(), file_name="b.txt", user_id=ADMIN,
                                                        language_code="en"))
    assert texts(calls)[0].startswith("Added “b.txt” as bulletin 1.\nArticles: ")


async def test_bad_file_gets_the_ingest_error_translated(harness: Harness) -> None:
    calls = await harness.feed(harness.updates.document(b"\x00\x01\x02\xff" * 200, file_name="x.txt", user_id=ADMIN))
    [text] = texts(calls)
    assert text.startswith("x.txt：") and "Traceback" not in text
    assert _count(harness, Bulletin) == 0
    calls = await harness.feed(harness.updates.document(b"hello", file_name="x.exe", user_id=ADMIN,
                                                        language_code="en"))
    assert texts(calls) == ["x.exe: unsupported file type .exe; send a .txt, .pdf or .docx file"]


async def test_too_big_is_refused_before_download(harness: Harness) -> None:
    calls = await harness.feed(harness.updates.document(b"x", file_name="big.pdf", user_id=ADMIN,
                                                        file_size=25 * 1024 * 1024))
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].text == "“big.pdf”大小为 25 MB，上限为 20 MB。"


async def test_non_admin_upload_is_refused_and_nothing_stored(harness: Harness) -> None:
    calls = await harness.feed(harness.updates.document(SMALL_SEED.read_bytes(), file_name="a.txt", user_id=USER))
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].text.startswith("抱歉，只有机器人管理员可以添加简报。")
    assert _count(harness, Bulletin) == 0


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
