"""Admin uploads through the real Application: a preview of what was read (nothing stored), then Confirm / Cancel /
Set date / Set name buttons; bad files and non-bulletins refused in one line with the store unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import func, select

from bot.app import build_application
from bot.config import Settings
from bot.db.models import Article, Bulletin, Figure
from bot.services.ingest import parse_file
from tests.fakeapi import Call, RecordingRequest
from tests.handlers.conftest import ADMIN, USER, Harness, sent, texts

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ISSUE = sorted(SEEDS.glob("001_*.txt"))[0]  # 《电子商务动态》 with masthead and date
PAGE = sorted(SEEDS.glob("003_*.txt"))[0]  # a newspaper page: no masthead, no date

BUTTONS_ZH = ["✅ 确认收录", "❌ 取消", "📅 设置日期", "✏️ 设置名称"]
# what the reader finds in them (the segmenter improves over time: the preview must show whatever it finds)
ISSUE_ARTICLES = parse_file(ISSUE)[1].articles
N_ISSUE, N_PAGE = len(ISSUE_ARTICLES), len(parse_file(PAGE)[1].articles)


def _count(h: Harness, model: type) -> int:
    with h.session() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def _pending_dirs(settings: Settings) -> list[Path]:
    root = settings.pending_uploads_dir
    return [p for p in root.iterdir() if p.is_dir()] if root.is_dir() else []


def _kept_files(settings: Settings) -> list[Path]:
    return [f for d in _pending_dirs(settings) for f in d.glob("upload*")]


async def _upload(h: Harness, path: Path | bytes, name: str = "动态.txt", *, user_id: int = ADMIN,
                  language_code: str = "zh-hans", caption: str | None = None) -> list[Call]:
    content = path.read_bytes() if isinstance(path, Path) else path
    return await h.feed(h.updates.document(content, file_name=name, user_id=user_id, language_code=language_code,
                                           caption=caption))


def _preview(calls: list[Call]) -> tuple[str, Call]:
    """The whole preview text (all parts) and the part carrying the buttons."""
    msgs = sent(calls)
    assert msgs and msgs[-1].buttons, [m.text for m in msgs]
    return "\n".join(m.text or "" for m in msgs), msgs[-1]


async def _type(h: Harness, text: str, *, language_code: str = "zh-hans") -> list[Call]:
    return await h.feed(h.updates.text(text, user_id=ADMIN, language_code=language_code))


async def test_upload_previews_then_confirm_stores_exactly_that(harness: Harness, settings: Settings) -> None:
    calls = await _upload(harness, ISSUE)
    assert [c.method for c in calls[:2]] == ["sendChatAction", "getFile"]
    assert _count(harness, Bulletin) == 0 and _count(harness, Article) == 0  # nothing stored yet
    text, ask = _preview(calls)
    assert text.startswith("<b>“动态.txt”预览</b>（确认前不会收录）")
    assert "名称：电子商务动态 2023年第17期(总294期)" in text and "日期：2023年9月5日" in text
    first = ISSUE_ARTICLES[0]
    assert first.published is not None
    assert f"<b>{first.section}</b>\n1. {first.title} · {first.published.year}年{first.published.month}月" in text
    assert "<b>数据观察</b>" in text and "· 数据 " in text
    head = text.split("\n")[3]
    assert head.startswith(f"文章 {N_ISSUE} 篇，数据 ")
    preview_figures = int(head.removeprefix(f"文章 {N_ISSUE} 篇，数据 ").split(" ")[0].replace(",", ""))
    assert ask.button_texts == BUTTONS_ZH
    assert "请核对" not in text  # a clean issue: no warnings

    done = await harness.press(ask, "确认", user_id=ADMIN)
    [result] = texts(done)
    assert result.startswith("已添加“动态.txt”，简报编号 1。")
    assert _count(harness, Article) == N_ISSUE and _count(harness, Figure) == preview_figures  # what the preview said
    assert any(c.method == "editMessageReplyMarkup" and c.params.get("reply_markup") is None for c in done)
    with harness.session() as s:
        b = s.exec(select(Bulletin)).one()
        assert (b.publication, b.published, b.loaded_by, b.file_name) == ("电子商务动态", date(2023, 9, 5), ADMIN,
                                                                          "动态.txt")
    assert _kept_files(settings) == []  # the kept file is gone

    # a second press of the same button: says so, adds nothing
    again = await harness.press(ask, "确认", user_id=ADMIN)
    assert texts(again) == ["“动态.txt”已作为简报 1 添加，未再收录任何内容。"]
    assert _count(harness, Bulletin) == 1 and _count(harness, Article) == N_ISSUE

    # the same bulletin uploaded again: the preview warns, confirming adds nothing
    text2, ask2 = _preview(await _upload(harness, ISSUE, "again.txt"))
    assert "⚠️ 已收录为简报 1：确认也不会添加内容。" in text2
    assert texts(await harness.press(ask2, "确认", user_id=ADMIN)) == ["“again.txt”已收录（简报 1），未添加任何内容。"]
    assert _count(harness, Bulletin) == 1 and _count(harness, Article) == N_ISSUE


async def test_cancel_stores_nothing_and_later_presses_say_so(harness: Harness, settings: Settings) -> None:
    text, ask = _preview(await _upload(harness, ISSUE, "a.txt"))
    calls = await harness.press(ask, "取消", user_id=ADMIN)
    assert texts(calls) == ["已取消：“a.txt”的内容均未收录。"]
    assert _count(harness, Bulletin) == 0
    assert _kept_files(settings) == []
    late = await harness.press(ask, "确认", user_id=ADMIN)
    assert texts(late) == ["已取消：“a.txt”的内容均未收录。"]
    assert _count(harness, Bulletin) == 0


async def test_page_without_masthead_asks_for_a_name_and_takes_the_admins_date(harness: Harness) -> None:
    text, ask = _preview(await _upload(harness, PAGE, "003_34539ccfcc6b3203.txt"))
    assert "名称：未找到" in text and "日期：未知" in text
    assert "⚠️ 文件中没有找到刊名：请点“设置名称”（不会用文件名作刊名）。" in text
    assert f"⚠️ 没有日期的文章：{N_PAGE} 篇中有 {N_PAGE} 篇。" in text
    assert "⚠️ 时期无法确定日期的数据：" in text
    assert ask.button_texts == BUTTONS_ZH[1:]  # no Confirm until it has a name

    prompt = sent(await harness.press(ask, "设置日期", user_id=ADMIN))
    assert prompt[-1].text == "请发送简报日期，格式为 YYYY-MM-DD，例如 2024-03-01。"
    assert prompt[-1].params["reply_markup"]["force_reply"] is True
    assert texts(await _type(harness, "2024-13-01")) == ["这不是日期：请按 YYYY-MM-DD 格式发送，例如 2024-03-01。"]
    calls = await _type(harness, "2024-03-01")
    text2, ask2 = _preview(calls)
    assert "日期：2024年3月1日（由你设置）" in text2
    # the older preview loses its buttons
    [strip] = [c for c in calls if c.method == "editMessageReplyMarkup"]
    assert strip.params["message_id"] == ask.response["result"]["message_id"] and not strip.params.get("reply_markup")
    # the articles and their periods follow the date
    assert "没有日期" not in text2 and "无日期" not in text2 and "时期无法确定日期" not in text2

    await harness.press(ask2, "设置名称", user_id=ADMIN)
    assert texts(await _type(harness, "news.txt")) == [
        "请发送刊名（来源中显示的名称，2–60 个字符，不能是文件名）。"]
    text3, ask3 = _preview(await _type(harness, "中国贸易报"))
    assert "名称：中国贸易报（由你设置）" in text3 and "日期：2024年3月1日（由你设置）" in text3
    assert ask3.button_texts == BUTTONS_ZH

    # an older preview's buttons never change or store what that preview did not show
    assert texts(await harness.press(ask, "设置日期", user_id=ADMIN)) == ["此预览已过期：请使用最新的预览，或重新发送文件。"]
    stored = await harness.press(ask3, "确认", user_id=ADMIN)
    assert texts(stored)[0].startswith("已添加“003_34539ccfcc6b3203.txt”，简报编号 1。")
    with harness.session() as s:
        b = s.exec(select(Bulletin)).one()
        assert (b.publication, b.published) == ("中国贸易报", date(2024, 3, 1))
        assert {a.published for a in s.exec(select(Article))} == {date(2024, 3, 1)}


async def test_caption_gives_date_and_name(harness: Harness) -> None:
    text, ask = _preview(await _upload(harness, PAGE, "page.txt", caption="2023-08-25 《中国贸易报》"))
    assert "名称：中国贸易报（由你设置）" in text and "日期：2023年8月25日（由你设置）" in text
    await harness.press(ask, "确认", user_id=ADMIN)
    with harness.session() as s:
        b = s.exec(select(Bulletin)).one()
        assert (b.publication, b.published) == ("中国贸易报", date(2023, 8, 25))


async def test_upload_in_english(harness: Harness) -> None:
    calls = await _upload(harness, ISSUE, "b.txt", language_code="en")
    text, ask = _preview(calls)
    assert text.startswith("<b>Preview of “b.txt”</b> (nothing is stored until you confirm)\n"
                           f"Name: 电子商务动态 2023年第17期(总294期)\nDate: Sep 5, 2023\nArticles: {N_ISSUE}, figures: ")
    assert ask.button_texts == ["✅ Confirm", "❌ Cancel", "📅 Set date", "✏️ Set name"]
    done = await harness.press(ask, "Confirm", user_id=ADMIN, language_code="en")
    assert texts(done)[0].startswith(f"Added “b.txt” as bulletin 1.\nArticles: {N_ISSUE}, figures: ")

    text2, ask2 = _preview(await _upload(harness, PAGE, "page.txt", language_code="en"))
    assert "Name: not found" in text2
    assert "⚠️ No publication name found in the file: press “Set name” (a file name is never used)." in text2
    await harness.press(ask2, "Set date", user_id=ADMIN, language_code="en")
    assert texts(await _type(harness, "soon", language_code="en")) == [
        "Not a date: send it as YYYY-MM-DD, e.g. 2024-03-01."]
    await _type(harness, "2024-03-01", language_code="en")
    assert texts(await harness.press(ask2, "Set name", user_id=ADMIN, language_code="en")) == [
        "This preview is out of date: use the newest preview, or send the file again."]


async def test_preview_survives_a_restart(harness: Harness, settings: Settings, engine: Any) -> None:
    _text, ask = _preview(await _upload(harness, ISSUE, "c.txt"))
    # a new process (same settings, same store): the button still works
    app = build_application(settings, engine=engine, request=RecordingRequest(harness.api))
    await app.initialize()
    await app.start()
    try:
        other = Harness(harness.api, app, engine)
        done = await other.press(ask, "确认", user_id=ADMIN)
        assert texts(done)[0].startswith("已添加“c.txt”，简报编号 1。")
    finally:
        await app.stop()
        await app.shutdown()
    assert _count(harness, Article) == N_ISSUE


async def test_not_a_bulletin_is_refused_in_one_line(harness: Harness, settings: Settings) -> None:
    cases = {
        "hello.txt": (b"hello world\n", "hello.txt：不是简报：没有找到带标题和完整句子正文的文章"),
        "list.txt": ("购物清单\n苹果 3斤\n牛奶 2盒\n鸡蛋 一打\n面包 两个\n".encode(),
                     "list.txt：不是简报："),
        "note.txt": ("今天天气很好，我们去公园散步。".encode(), ""),
        "lorem.txt": (("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40).encode(),
                      "lorem.txt：不是简报："),
    }
    for name, (content, expected) in cases.items():
        calls = await _upload(harness, content, name)
        [text] = texts(calls)
        assert "\n" not in text and text.startswith(name + "：不是简报：")
        assert text.startswith(expected), text
    assert _count(harness, Bulletin) == 0
    assert _pending_dirs(settings) == []


async def test_bad_files_get_one_line_and_change_nothing(harness: Harness, settings: Settings) -> None:
    cases = [
        (b"\x00\x01\x02\xff" * 200, "x.txt", "zh-hans", "x.txt："),
        (b"hello", "x.exe", "en", "x.exe: unsupported file type .exe; send a .txt, .pdf or .docx file"),
        (b"", "empty.txt", "en", "empty.txt: the file is empty"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "cut.pdf", "en", "cut.pdf: the PDF is damaged or truncated"),
        ("电子商务".encode("utf-16-le") * 50, "u16.txt", "en", "u16.txt: "),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "pic.txt", "en", "pic.txt: this is a PNG image, not a text file"),
    ]
    for content, name, lang, expected in cases:
        calls = await _upload(harness, content, name, language_code=lang)
        [text] = texts(calls)
        assert text.startswith(expected) and "\n" not in text and "Traceback" not in text, text
    assert _count(harness, Bulletin) == 0
    assert _pending_dirs(settings) == []


async def test_too_big_is_refused_before_download(harness: Harness, settings: Settings) -> None:
    calls = await harness.feed(harness.updates.document(b"x", file_name="big.pdf", user_id=ADMIN,
                                                        file_size=25 * 1024 * 1024))
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].text == "“big.pdf”大小为 25 MB，上限为 20 MB。"
    assert _pending_dirs(settings) == []


async def test_non_admins_can_neither_upload_nor_press(harness: Harness, settings: Settings) -> None:
    calls = await _upload(harness, ISSUE, "a.txt", user_id=USER)
    assert [c.method for c in calls] == ["sendMessage"]
    assert calls[0].text.startswith("抱歉，只有机器人管理员可以添加简报。")
    assert _pending_dirs(settings) == []
    _text, ask = _preview(await _upload(harness, ISSUE, "a.txt"))
    refused = await harness.press(ask, "确认", user_id=USER)
    assert refused[-1].method == "answerCallbackQuery" and refused[-1].params["show_alert"] is True
    assert _count(harness, Bulletin) == 0
    # a non-admin's text is never taken as an upload's date or name
    await harness.press(ask, "设置日期", user_id=ADMIN)
    await harness.feed(harness.updates.text("2024-03-01", user_id=USER))
    _text2, ask2 = _preview(await _type(harness, "2024-03-01"))
    assert "（由你设置）" in _text2 and ask2.button_texts == BUTTONS_ZH
