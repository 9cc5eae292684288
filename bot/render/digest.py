"""Digests → message parts for a reader's language: Telegram HTML below 4096 characters for the tick (outbox rows
are stored rendered) and /digest, plain text for `python -m bot digest`. Every piece of article text is escaped;
headline figures are worded by `bot.render.figures.figure_parts`, as /metric words them."""

from __future__ import annotations

from bot.i18n import Translator, get_translator
from bot.render.common import MESSAGE_LIMIT, esc, plain, split_blocks
from bot.render.figures import figure_line, figure_parts
from bot.services.digest import Digest


def render_digest(t: Translator, digest: Digest, *, limit: int = MESSAGE_LIMIT) -> list[str]:
    """HTML message parts of `digest` (each ≤ `limit` characters): the header, one block per article, the headline
    figures."""
    header = "<b>" + esc(t._("Digest: {topic}").format(topic=digest.topic.name(t.language))) + "</b>"
    header += "\n" + esc(t.ngettext("{count} new article", "{count} new articles", len(digest.items)).format(
        count=t.number(len(digest.items))))
    blocks: list[str] = []
    for n, item in enumerate(digest.items, 1):
        meta = " · ".join(p for p in (item.outlet, t.date(item.published) if item.published else "") if p)
        lines = [f"<b>{n}. {esc(item.title)}</b>"]
        if meta:
            lines.append(esc(meta))
        if item.line:
            lines.append(esc(item.line))
        lines.append(f"/article {item.article_id}")
        blocks.append("\n".join(lines))
    if digest.figures:
        lines = ["<b>" + esc(t._("Headline figures")) + "</b>"]
        lines += [f"• {figure_line(t, figure_parts(t, h.figure), html=True)} — /article {h.article_id}"
                  for h in digest.figures]
        blocks.append("\n".join(lines))
    return split_blocks([header, *blocks], limit)


def digest_parts(digest: Digest, language: str | None) -> list[str]:
    """The tick's and /digest's renderer: the HTML parts of `digest` for a reader of `language` (None → the
    default, Chinese)."""
    return render_digest(get_translator(language), digest)


def digest_text(digest: Digest, language: str | None) -> str:
    """The digest as plain text (the command line's preview); says so when there is nothing new."""
    t = get_translator(language)
    if not digest:
        return t._("No new articles for {topic}.").format(topic=digest.topic.name(t.language))
    return "\n\n".join(plain(part) for part in render_digest(t, digest))
