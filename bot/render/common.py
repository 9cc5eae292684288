"""What every renderer needs: escaping for Telegram's HTML parse mode, arguments quoted back, plain text for the
command line, and splitting below Telegram's 4096-character limit (each part well-formed, see bot.text.split)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from bot.text import split as text_split

#: Telegram rejects messages above 4096 characters; keep a margin for entities and the page footer
MESSAGE_LIMIT = 4000

ARG_LIMIT = text_split.ARG_LIMIT
shorten = text_split.shorten

_TAG = re.compile(r"<[^<>]*>")


def esc(text: object) -> str:
    """HTML-escape anything for Telegram's HTML parse mode."""
    return html.escape(str(text), quote=False)


def esc_arg(text: str, limit: int = ARG_LIMIT) -> str:
    """A user's argument as it is quoted back in a reply: shortened, then escaped."""
    return esc(shorten(text, limit))


def plain(html_text: str) -> str:
    """Telegram HTML as plain text (the command line prints what the bot would send): tags dropped, entities read."""
    return html.unescape(_TAG.sub("", html_text))


def highlight(snippet: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape `snippet` and wrap each (start, end) span in <b>; overlapping or bad spans are merged/ignored."""
    clean: list[tuple[int, int]] = []
    for start, end in sorted((max(0, int(s)), min(len(snippet), int(e))) for s, e in spans):
        if end <= start:
            continue
        if clean and start <= clean[-1][1]:
            clean[-1] = (clean[-1][0], max(clean[-1][1], end))
        else:
            clean.append((start, end))
    out, pos = [], 0
    for start, end in clean:
        out.append(esc(snippet[pos:start]))
        out.append(f"<b>{esc(snippet[start:end])}</b>")
        pos = end
    out.append(esc(snippet[pos:]))
    return "".join(out)


def split_plain(text: str, limit: int) -> list[str]:
    """Split raw (unescaped) text into pieces of at most `limit` characters, preferring sentence ends."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind(p, 0, limit) for p in ("。", "！", "？", ". ", "；", "，", " "))
        cut = cut + 1 if cut > limit // 2 else limit
        pieces.append(text[:cut])
        text = text[cut:]
    if text:
        pieces.append(text)
    return pieces


def split_blocks(blocks: Iterable[str], limit: int = MESSAGE_LIMIT, sep: str = "\n\n") -> list[str]:
    """Pack complete HTML blocks into messages below `limit` (blocks are built so that lines carry balanced tags,
    so a cut on a line boundary keeps the HTML valid)."""
    return text_split.split_blocks(blocks, limit, sep)


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split an HTML message on paragraph (blank line) boundaries so each part is below `limit`."""
    return split_blocks(text.split("\n\n"), limit)
