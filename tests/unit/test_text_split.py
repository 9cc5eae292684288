"""bot.text.split: the one message splitter behind bot.render (replies, digests, alerts, captions)."""

from __future__ import annotations

from bot.text.split import split_blocks


def test_blocks_are_packed_whole_below_the_limit() -> None:
    assert split_blocks(["aaa", "bbb", "ccc"], 8) == ["aaa\n\nbbb", "ccc"]
    assert all(len(p) <= 8 for p in split_blocks(["a" * 8, "b", "c" * 3], 8))


def test_an_oversized_block_is_cut_in_place_keeping_the_text_order() -> None:
    block = "head\n" + "x" * 25 + "\ntail"
    parts = split_blocks(["intro", block], 10)
    assert all(len(p) <= 10 for p in parts)
    assert "".join(parts).replace("\n", "") == ("intro" + block).replace("\n", "")
    assert parts == ["intro", "head", "x" * 10, "x" * 10, "x" * 5 + "\ntail"]
