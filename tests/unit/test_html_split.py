"""Property test of the HTML-aware splitter: over many random, HTML-escaped texts with nested Telegram tags, every
part is at most `limit` characters, parses as balanced Telegram HTML on its own (no cut inside a tag or an entity),
and the parts together carry exactly the original text."""

from __future__ import annotations

import html
import random
import re
from html.parser import HTMLParser

import pytest

from bot.render import MESSAGE_LIMIT, split_blocks
from bot.text.split import split_html

#: Telegram's HTML tags (https://core.telegram.org/bots/api#html-style)
TAGS = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "tg-spoiler", "blockquote"]
ALPHABET = list("abcxyz 0123") + list("网上零售额跨境电商。，") + ["&", "<", ">", '"', "\n", "\n", " "]


class TelegramHTML(HTMLParser):
    """Collects text and checks nesting; raises AssertionError on anything Telegram would refuse."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in TAGS or tag in ("a", "span"), tag
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


_MARKUP = re.compile(r"<[^<>]+>|&(?:amp|lt|gt|quot|#\d+);")


def check_part(part: str, limit: int) -> str:
    """Assert `part` is well-formed Telegram HTML of at most `limit` characters; return its text content."""
    assert len(part) <= limit, (len(part), limit)
    bare = _MARKUP.sub("", part)
    assert "<" not in bare and ">" not in bare and "&" not in bare, f"cut inside a tag or an entity: {part!r}"
    parser = TelegramHTML()
    parser.feed(part)
    parser.close()
    assert parser.stack == [], f"unclosed {parser.stack} in {part!r}"
    return "".join(parser.text)


def random_html(rng: random.Random, size: int, depth: int = 0, in_link: bool = False) -> str:
    """Escaped random text with randomly nested tags (balanced, as the render layer builds them)."""
    out: list[str] = []
    while size > 0:
        roll = rng.random()
        if roll < 0.12 and depth < 3:
            inner = rng.randint(1, max(1, size))
            if rng.random() < 0.2 and not in_link:  # Telegram does not nest links
                href = html.escape(f"https://example.com/{rng.randint(1, 999)}?a=1&b={rng.random():.3f}")
                out.append(f'<a href="{href}">{random_html(rng, inner, depth + 1, True)}</a>')
            elif rng.random() < 0.1:
                out.append(f'<span class="tg-spoiler">{random_html(rng, inner, depth + 1, in_link)}</span>')
            else:
                tag = rng.choice(TAGS)
                out.append(f"<{tag}>{random_html(rng, inner, depth + 1, in_link)}</{tag}>")
            size -= inner
        else:
            run = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12)))
            out.append(html.escape(run, quote=rng.random() < 0.5))
            size -= len(run)
    return "".join(out)


def text_of(markup: str) -> str:
    return check_part(markup, len(markup))


@pytest.mark.parametrize("seed", range(8))
def test_every_part_is_balanced_short_enough_and_keeps_the_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(250):
        source = random_html(rng, rng.randint(1, 900))
        limit = rng.randint(160, 500)
        parts = split_html(source, limit)
        assert all(parts), "no empty part"
        content = "".join(check_part(p, limit) for p in parts)
        # a cut at a line break drops that one "\n"; every other character survives, in order
        assert content.replace("\n", "") == text_of(source).replace("\n", "")


@pytest.mark.parametrize("seed", range(4))
def test_split_blocks_parts_are_balanced_and_keep_the_text(seed: int) -> None:
    rng = random.Random(1000 + seed)
    for _ in range(60):
        blocks = [random_html(rng, rng.randint(1, 400)) for _ in range(rng.randint(1, 12))]
        limit = rng.randint(200, 600)
        parts = split_blocks(blocks, limit)
        content = "".join(check_part(p, limit) for p in parts)
        assert content.replace("\n", "") == "".join(text_of(b) for b in blocks).replace("\n", "")


def test_a_long_bold_argument_is_closed_and_reopened() -> None:
    """The /metric case: `<b>{4096 characters}</b>: …` used to leave a part with an unclosed <b>."""
    block = f"<b>{html.escape('网上零售额&' * 700)}</b>: 0 figures"
    parts = split_blocks([block])
    assert len(parts) > 1
    for p in parts:
        check_part(p, MESSAGE_LIMIT)
    assert parts[0].startswith("<b>") and parts[0].endswith("</b>")
    assert parts[1].startswith("<b>")
    assert "".join(text_of(p) for p in parts) == text_of(block)


def test_a_cut_never_falls_inside_an_entity_or_a_tag() -> None:
    for limit in range(60, 80):
        text = '<a href="https://example.com/?a=1&amp;b=2">' + "&amp;" * 30 + "</a>"
        for p in split_html(text, limit):
            check_part(p, limit)
            assert p.startswith('<a href="https://example.com/?a=1&amp;b=2">')


def test_line_breaks_are_preferred_and_tags_reopened_with_their_attributes() -> None:
    text = '<blockquote expandable>first line\nsecond line that is long</blockquote>'
    parts = split_html(text, 70)
    assert parts == ["<blockquote expandable>first line</blockquote>",
                     "<blockquote expandable>second line that is long</blockquote>"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_digest_parts_with_an_enormous_title_are_well_formed(language: str) -> None:
    """Digests go through the same splitter: a bold title longer than a message is closed and reopened."""
    from datetime import date

    from bot.render.digest import digest_parts
    from bot.services.digest import Digest, DigestItem
    from bot.services.topics import resolve_topic

    rng = random.Random(7)
    titles = ["".join(rng.choice("跨境电商&<>ab ") for _ in range(6000 if i == 2 else 40)) for i in range(1, 6)]
    items = [DigestItem(article_id=i, title=title, outlet="新华网", published=date(2026, 3, 5),
                        line="跨境电商 & <海外仓>", bulletin_id=1) for i, title in enumerate(titles, 1)]
    parts = digest_parts(Digest(topic=resolve_topic("跨境电商"), items=items), language)
    assert len(parts) > 1
    content = "".join(check_part(p, MESSAGE_LIMIT) for p in parts).replace("\n", "")
    for title in titles:
        assert title in content
