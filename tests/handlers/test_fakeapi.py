"""The fake Bot API itself, driven by a real `telegram.Bot` in process and over HTTP."""

from __future__ import annotations

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import ChatMigrated, Forbidden
from telegram.request import HTTPXRequest

from tests.fakeapi import TOKEN, FakeBotAPI, FakeTelegramServer, RecordingRequest, Updates


async def _exercise(bot: Bot, api: FakeBotAPI) -> None:
    me = await bot.get_me()
    assert me.username == "dongtai_test_bot"
    kb = InlineKeyboardMarkup([[InlineKeyboardButton("下一页", callback_data="p:2")]])
    m1 = await bot.send_message(42, "你好 <b>x</b>", parse_mode="HTML", reply_markup=kb)
    m2 = await bot.send_message(42, "second")
    assert (m1.message_id, m2.message_id) == (1, 2)
    call = api.calls_to("sendMessage")[0]
    assert call.params["chat_id"] == 42 and call.text == "你好 <b>x</b>" and call.params["parse_mode"] == "HTML"
    assert call.button("下一页")["callback_data"] == "p:2"
    edited = await bot.edit_message_text("edited", chat_id=42, message_id=m1.message_id)
    assert edited.text == "edited"
    assert api.texts(42) == ["你好 <b>x</b>", "second", "edited"]

    u = Updates(api)
    upd = u.document(b"hello bulletin", file_name="a.txt", user_id=42)
    f = await bot.get_file(upd["message"]["document"]["file_id"])
    assert bytes(await f.download_as_bytearray()) == b"hello bulletin"

    api.push_update(u.command("/start", user_id=7))
    api.push_update(u.command("/help", user_id=7))
    got = await bot.get_updates(timeout=0)
    assert [x.message.text for x in got] == ["/start", "/help"]
    again = await bot.get_updates(offset=got[0].update_id + 1, timeout=0)
    assert [x.message.text for x in again] == ["/help"]
    assert await bot.get_updates(offset=got[1].update_id + 1, timeout=0) == ()

    api.blocked.add(99)
    with pytest.raises(Forbidden):
        await bot.send_message(99, "x")
    api.migrated[-5] = -1005
    with pytest.raises(ChatMigrated) as exc:
        await bot.send_message(-5, "x")
    assert exc.value.new_chat_id == -1005
    assert await bot.send_chat_action(42, "typing") is True
    assert await bot.answer_callback_query("cb1") is True


async def test_recording_request_in_process() -> None:
    api = FakeBotAPI()
    rr = RecordingRequest(api)
    async with Bot(TOKEN, request=rr, get_updates_request=rr) as bot:
        await _exercise(bot, api)


async def test_http_server_wire_format() -> None:
    with FakeTelegramServer() as server:
        bot = Bot(TOKEN, base_url=server.base_url, base_file_url=server.file_url)
        async with bot:
            await _exercise(bot, server.api)
        # long polling: a getUpdates with timeout waits until an update is pushed
        import threading

        timer = threading.Timer(0.3, lambda: server.push(server.updates.command("/late", user_id=5)))
        timer.start()
        async with Bot(TOKEN, base_url=server.base_url, request=HTTPXRequest(read_timeout=5)) as bot2:
            got = await bot2.get_updates(timeout=3, read_timeout=5)
        assert [x.message.text for x in got][-1] == "/late"


def test_wrong_token_is_unauthorized() -> None:
    api = FakeBotAPI()
    assert api.handle("getMe", {}, token="999:NOPE").status == 401
    assert api.handle("noSuchMethod", {}).status == 404
