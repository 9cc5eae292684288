"""A reprint note closing a story dates it (session 17e) — on text written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.ingest.layout import evidence as ev


def test_a_reprint_note_closing_a_story_dates_it() -> None:
    assert ev.trailer_date("（摘自《某某日报》2021年3月9日）") == date(2021, 3, 9)
    assert ev.trailer_date("增长8%。（据某某社　2021年3月8日）") == date(2021, 3, 8)
    assert ev.trailer_date("（转自某某网 2021-03-07）") == date(2021, 3, 7)
    # a remark in brackets is none
    assert ev.trailer_date("增长5%（据测算，2021年3月为高点）") is None
