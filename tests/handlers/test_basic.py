"""/start, /help, /lang, /topics, unknown commands, user tracking."""

from __future__ import annotations

from bot.db.models import UserPref
from tests.handlers.conftest import ADMIN, USER, Harness, add_bulletin, sent, texts


async def test_start_in_chinese_with_examples_and_topic_buttons(harness: Harness) -> None:
    calls = await harness.command("/start")
    msgs = sent(calls)
    assert len(msgs) == 1
    msg = msgs[0]
    assert msg.method == "sendMessage" and msg.params["chat_id"] == USER and msg.params["parse_mode"] == "HTML"
    assert "欢迎" in msg.text and "/metric 网上零售额" in msg.text and "/search 直播电商" in msg.text
    assert msg.button("网上零售额")["callback_data"] == "m|1|网上零售额"
    assert "跨境电商" in msg.button_texts and "数据观察" in msg.button_texts
    with harness.session() as s:
        assert s.get(UserPref, USER) is not None  # tracked for /stats


async def test_start_in_english_for_english_users(harness: Harness) -> None:
    [msg] = sent(await harness.command("/start", user_id=2002, language_code="en-US"))
    assert msg.text.startswith("Welcome to <b>Dongtai</b>")
    assert "Cross-border e-commerce" in msg.button_texts


async def test_unknown_language_defaults_to_chinese(harness: Harness) -> None:
    [msg] = sent(await harness.command("/help", user_id=2003, language_code="fr"))
    assert "命令" in msg.text and "/metric" in msg.text


async def test_lang_buttons_store_the_choice(harness: Harness) -> None:
    [msg] = sent(await harness.command("/lang"))
    assert msg.button_texts == ["✓ 中文", "English"]
    calls = await harness.press(msg, "English")
    assert [c.method for c in calls if c.method != "getUpdates"] == ["answerCallbackQuery", "editMessageText"]
    assert texts(calls) == ["Language set to English."]
    with harness.session() as s:
        assert s.get(UserPref, USER).language == "en"
    # the stored choice beats Telegram's language_code from now on
    [msg] = sent(await harness.command("/help", language_code="zh-hans"))
    assert msg.text.startswith("<b>Commands</b>")


async def test_help_shows_admin_commands_to_admins_only(harness: Harness) -> None:
    [user_help] = texts(await harness.command("/help"))
    [admin_help] = texts(await harness.command("/help", user_id=ADMIN))
    assert "/stats" not in user_help and "/stats" in admin_help and "/delete_bulletin" in admin_help


async def test_topics_lists_topics_with_buttons(harness: Harness) -> None:
    [msg] = sent(await harness.command("/topics", language_code="en"))
    assert "Cross-border e-commerce (跨境电商)" in msg.text and "/subscribe 跨境电商" in msg.text
    assert len(msg.button_texts) >= 10


async def test_unknown_command_gets_help(harness: Harness) -> None:
    [text] = texts(await harness.command("/frobnicate"))
    assert text.startswith("我不认识这个命令") or "I don't know that command." in text
    assert "/metric" in text


async def test_command_menus_in_chinese_and_english(harness: Harness) -> None:
    from bot.app import set_commands

    await set_commands(harness.app)
    calls = harness.api.calls_to("setMyCommands")
    by_scope = {(c.params["scope"]["type"], c.params.get("scope", {}).get("chat_id"), c.params.get("language_code")):
                c.params["commands"] for c in calls}
    zh = by_scope[("default", None, "zh")]
    en = by_scope[("default", None, "en")]
    assert by_scope[("default", None, None)] == zh
    assert [c["command"] for c in zh] == [c["command"] for c in en]
    assert {"start", "metric", "search", "article", "latest", "topics", "lang", "help"} <= {c["command"] for c in zh}
    assert dict((c["command"], c["description"]) for c in zh)["latest"] == "最新一期简报目录"
    assert dict((c["command"], c["description"]) for c in en)["latest"] == "The newest bulletin's contents"
    admin_menu = by_scope[("chat", ADMIN, None)]
    assert {"stats", "delete_bulletin"} <= {c["command"] for c in admin_menu}


async def test_topic_button_previews_and_explains_subscribing(harness: Harness) -> None:
    [welcome] = sent(await harness.command("/start"))
    calls = await harness.press(welcome, "跨境电商")
    assert calls[0].method == "answerCallbackQuery"
    [msg] = sent(calls)
    assert msg.text.startswith("<b>跨境电商</b>") and msg.text.endswith("订阅：/subscribe 跨境电商")


async def test_example_button_runs_the_lookup_in_place(harness: Harness) -> None:
    [welcome] = sent(await harness.command("/start"))
    calls = await harness.press(welcome, "直播电商")
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    assert "直播电商" in calls[1].text


def test_caption_gives_the_publication_date() -> None:
    from datetime import date

    from bot.services.ingest.preview import caption_name, parse_date_text

    assert parse_date_text("2024-03-01") == date(2024, 3, 1)
    assert parse_date_text("第12期 2024年3月1日") == date(2024, 3, 1)
    assert parse_date_text("2024-13-01") is None and parse_date_text(None) is None
    assert caption_name("2024-03-01 《中国贸易报》") == "中国贸易报" and caption_name("2024-03-01") is None


def test_application_wiring(settings) -> None:  # type: ignore[no-untyped-def]
    from telegram.ext import AIORateLimiter, BaseRateLimiter

    from bot.app import _safe_url, build_application
    from bot.context import BotContext

    custom = settings.model_copy(update={"telegram_api_base_url": "http://127.0.0.1:9/bot",
                                         "telegram_api_file_url": "http://127.0.0.1:9/file/bot"})
    app = build_application(custom)
    assert app.bot.base_url == "http://127.0.0.1:9/bot123:TEST"
    assert app.bot.base_file_url == "http://127.0.0.1:9/file/bot123:TEST"
    assert app.bot.defaults.parse_mode == "HTML" and str(app.bot.defaults.tzinfo) == "Asia/Shanghai"
    assert app.context_types.context is BotContext
    assert isinstance(app.bot.rate_limiter, (BaseRateLimiter, AIORateLimiter))
    assert _safe_url("postgresql+psycopg://bot:s3cret@db:5432/dongtai") == "postgresql+psycopg://bot:***@db:5432/dongtai"


async def test_topic_button_previews_escaped_articles_in_the_users_language(harness: Harness) -> None:
    add_bulletin(harness.engine, articles=[
        dict(section="行业资讯", title="跨境电商 <新规> & 海外仓", outlet="新华网",
             body="跨境电商企业在海外仓布局加快。<script>不应执行</script>"),
        dict(section="行业资讯", title="与主题无关的文章", outlet="文汇报", body="本文讨论城市绿化。"),
    ])
    [start] = sent(await harness.command("/start"))
    calls = await harness.press(start, "跨境电商")
    [msg] = [c for c in sent(calls) if "跨境电商" in (c.text or "")]
    assert msg.params["parse_mode"] == "HTML"
    assert "跨境电商 &lt;新规&gt; &amp; 海外仓" in msg.text  # article text is escaped
    assert "<script>" not in msg.text and "<新规>" not in msg.text
    assert "与主题无关的文章" not in msg.text
    assert "/subscribe 跨境电商" in msg.text
    assert "/article " in msg.text
