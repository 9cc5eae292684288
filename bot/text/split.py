"""Splitting text into Telegram-sized messages on paragraph and line boundaries (used by bot.render and the digest
service alike)."""

from __future__ import annotations

from collections.abc import Iterable


def split_blocks(blocks: Iterable[str], limit: int, sep: str = "\n\n") -> list[str]:
    """Pack complete blocks into messages of at most `limit` characters. A block never straddles two messages unless
    it alone exceeds the limit; then it is cut on line boundaries, and a single over-long line is cut hard, in
    place (the text keeps its order)."""
    return _pack((piece for block in blocks for piece in _fit(block, limit)), limit, sep)


def _fit(block: str, limit: int) -> list[str]:
    if len(block) <= limit:
        return [block]
    lines = (line[i:i + limit] for line in block.split("\n") for i in range(0, max(len(line), 1), limit))
    return _pack(lines, limit, "\n")


def _pack(pieces: Iterable[str], limit: int, sep: str) -> list[str]:
    """Greedily join pieces (each at most `limit` long) with `sep` into as few chunks below `limit` as possible."""
    out: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{sep}{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
            out.append(current)
            current = piece
    if current:
        out.append(current)
    return out
