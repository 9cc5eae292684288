"""Buttons whose data the bot no longer knows get a clear answer, never silence (see handlers/common.py on why the
data are plain strings and not PTB's arbitrary_callback_data)."""

from __future__ import annotations

from tests.handlers.conftest import Harness, texts


async def test_a_button_no_handler_knows_is_answered_as_expired(harness: Harness) -> None:
    calls = await harness.feed(harness.updates.callback("old|42"))
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params["text"] == "此按钮已失效，请重新发送命令。"
    assert str(calls[0].params["show_alert"]).lower() == "true"


async def test_an_english_user_gets_the_english_answer(harness: Harness) -> None:
    calls = await harness.feed(harness.updates.callback("old|42", language_code="en"))
    assert calls[0].params["text"] == "This button has expired; please send the command again."


async def test_a_page_button_whose_long_query_was_lost_in_a_restart_says_expired(harness: Harness) -> None:
    # a query longer than callback data allows is kept in bot_data under a hash; a restart forgets it
    calls = await harness.feed(harness.updates.callback("m|2|#0123456789ab"))
    assert [c.method for c in calls][0] == "answerCallbackQuery"
    assert texts(calls) == ["此列表已过期，请重新发送命令。"]


async def test_a_chart_button_whose_long_query_was_lost_in_a_restart_says_expired_below_the_answer(
        harness: Harness) -> None:
    # unlike a page button, the chart button leaves the /metric answer it sits under as it is
    calls = await harness.feed(harness.updates.callback("c|1|#0123456789ab"))
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert texts(calls) == ["此列表已过期，请重新发送命令。"]
