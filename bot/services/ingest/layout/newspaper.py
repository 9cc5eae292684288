"""The newspaper-page parser (中国贸易报 style): narrow hard-wrapped columns whose headlines and bylines come *after*
their bodies. Lines are grouped into blocks (body, head, byline, credit), broken columns rejoined, and headlines
printed apart from their stories matched to the bodies by character-bigram overlap.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.layout.lines import (
    AUTHOR_PAREN_RE,
    BYLINE_RE,
    CREDIT_RE,
    NEWS_START_RE,
    PAPER_RE,
    SOURCE_PAREN_RE,
    Line,
    ParsedArticle,
    ParsedBulletin,
    clean_outlet,
    fallback_title,
    squeeze_para,
    wrap_width,
)
from bot.services.ingest.normalise import (
    ends_paragraph,
    fold,
    is_footer,
    join_lines,
    join_pair,
    squeeze,
)


@dataclass(slots=True)
class _Item:
    kind: str  # body | head | byline | credit
    lines: list[str]
    text: str = ""
    open_end: bool = False  # body paragraph whose last line is full-width and not terminal (column break)


class NewspaperParser:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = list(lines)
        _, self.W = wrap_width(lines)
        self.result = ParsedBulletin(layout="newspaper")

    def headlines_after(self) -> bool:
        """Is this the page this parser is for: narrow columns whose headlines come *after* their bodies? Not when
        it opens with a headline block over its story, nor when no block ends with a headline under a finished
        paragraph (a hard-wrapped report or digest: the general parser reads it)."""
        if self.titles_above():
            return False
        return any(_tail_lines(block) for block in self._blocks())

    def titles_above(self) -> bool:
        """Does the page open (below its masthead) with a headline block over its story? Then headlines stand
        above their bodies and the general parser reads it; this parser is for headlines printed after bodies."""
        self._masthead()
        blocks = self._blocks()
        if len(blocks) < 2:
            return False
        first = blocks[0]
        return (
            self._is_head_block(first) and not NEWS_START_RE.match(first[0].text) and not BYLINE_RE.match(first[0].text)
        )

    def _blocks(self) -> list[list[Line]]:
        blocks: list[list[Line]] = []
        cur: list[Line] = []
        close_after = -1  # the last line of a headline printed under a story its end mark closed
        for k, ln in enumerate(self.lines):
            if ln.blank:
                if cur:
                    blocks.append(cur)
                    cur = []
                continue
            if is_footer(ln.text):
                continue
            if 0 <= close_after < k:
                # the story closed by `（完）` has its headline under it: what follows opens another story, blank
                # line or not
                if cur:
                    blocks.append(cur)
                    cur = []
                close_after = -1
            if ev.END_LINE_RE.match(ln.text.strip()):
                # a story's closing line (`（完）`, `编辑：…　审核：…`): the block ends there, the line is no text —
                # unless the story's headline follows it, printed under the story (`…。` / `值班主任：…` / headline)
                nxt = self.lines[k + 1] if k + 1 < len(self.lines) else None
                if (
                    cur
                    and ends_paragraph(cur[-1].text)
                    and nxt is not None
                    and not nxt.blank
                    and ev.is_title_like(nxt.text, nxt.width)
                    and not _story_opening(nxt)
                ):
                    # (one headline line, or two when the second is no story's indented opening and the two read
                    # as one headline)
                    two = self.lines[k + 2] if k + 2 < len(self.lines) else None
                    two_lines = (
                        two is not None
                        and not two.blank
                        and ev.is_title_like(two.text, two.width)
                        and not _opens_story(two)
                        and ev.is_title_like(nxt.text + two.text, nxt.width + two.width)
                    )
                    close_after = k + (2 if two_lines else 1)
                    continue
                if cur:
                    blocks.append(cur)
                    cur = []
                continue
            cur.append(ln)
        if cur:
            blocks.append(cur)
        return blocks

    def _items(self) -> list[_Item]:
        items: list[_Item] = []
        full_global = self.W - 6
        blocks = self._blocks()
        # a page whose blocks mostly end with a headline under a finished paragraph prints headlines after bodies
        tailed = sum(1 for bl in blocks if _tail_lines(bl))
        tail_page = tailed >= 2 and tailed * 2 >= sum(1 for bl in blocks if len(bl) >= 2)
        # a page closing on a headline under a finished paragraph prints its headlines under its stories: there a
        # headline line between a finished paragraph and an indented opening is one too, whatever that opening
        closes_on_head = bool(blocks) and _tail_lines(blocks[-1]) > 0
        for b, block in enumerate(blocks):
            after = blocks[b + 1][0] if b + 1 < len(blocks) else None
            # split bylines / photo credits out of the block
            groups: list[tuple[str, list[Line]]] = []
            cur: list[Line] = []
            skip = -1
            for k, ln in enumerate(block):
                if k <= skip:
                    continue
                kind = "credit" if CREDIT_RE.match(ln.text) else "byline" if BYLINE_RE.match(ln.text) else ""
                if (
                    not kind
                    and closes_on_head
                    and 0 < k < len(block) - 2
                    and _head_between(block[k - 1], ln, block[k + 2], loose=True)
                    and _head_between(block[k - 1], block[k + 1], block[k + 2], loose=True)
                    and ev.is_title_like(ln.text + block[k + 1].text, ln.width + block[k + 1].width)
                    and not _opens_story(block[k + 1])
                ):
                    # a two-line headline between a finished paragraph and the next story's indented opening
                    if cur:
                        groups.append(("text", cur))
                        cur = []
                    groups.append(("tail", [ln, block[k + 1]]))
                    skip = k + 1
                    continue
                if not kind and 0 < k < len(block) - 1 and _head_between(
                    block[k - 1], ln, block[k + 1], loose=closes_on_head
                ):
                    # a headline under its story with no blank line around it: the next story opens right below
                    if cur:
                        groups.append(("text", cur))
                        cur = []
                    groups.append(("tail", [ln]))
                    continue
                if kind:
                    if cur:
                        groups.append(("text", cur))
                        cur = []
                    groups.append((kind, [ln]))
                else:
                    cur.append(ln)
            if cur:
                # a headline printed under its story, at the bottom of the block (headline-after-body pages)
                if (
                    len(cur) >= 2
                    and ends_paragraph(cur[-2].text)
                    and ev.is_title_like(cur[-1].text, cur[-1].width)
                    and not NEWS_START_RE.match(cur[-1].text)
                    and (after is None or tail_page or _opens_story(after))
                ):
                    groups.append(("text", cur[:-1]))
                    groups.append(("tail", cur[-1:]))
                elif (tail_page or after is None) and _tail_lines(cur) == 2:
                    # a two-line headline under its story (on a page of such stories, or closing the page)
                    groups.append(("text", cur[:-2]))
                    groups.append(("tail", cur[-2:]))
                else:
                    groups.append(("text", cur))
            for kind, group in groups:
                if kind == "tail":
                    items.append(_Item(kind, [g.text for g in group], squeeze(join_lines([g.text for g in group]))))
                    continue
                if kind != "text":
                    items.append(_Item(kind, [group[0].text], group[0].text))
                    continue
                if self._is_head_block(group) or (
                    # a headline line set apart between a finished paragraph and the next story's opening line
                    # (`新华社…电`, `相关链接　…`), however wide: a headline, not text running on over a column gap
                    len(block) == 1
                    and b > 0
                    and ends_paragraph(blocks[b - 1][-1].text)
                    and after is not None
                    and _story_opening(after)
                    and ev.is_title_like(block[0].text, block[0].width)
                    and not NEWS_START_RE.match(block[0].text)
                ):
                    items.append(_Item("head", [g.text for g in group], squeeze(join_lines([g.text for g in group]))))
                    continue
                local_max = max(g.width for g in group)
                full = (min(local_max, self.W) - 6) if len(group) > 1 else full_global
                para: list[Line] = []
                for g in group:
                    para.append(g)
                    if ends_paragraph(g.text):
                        items.append(_Item("body", [p.text for p in para], join_lines([p.raw for p in para])))
                        para = []
                if para:
                    last = para[-1]
                    items.append(
                        _Item(
                            "body",
                            [p.text for p in para],
                            join_lines([p.raw for p in para]),
                            open_end=last.width >= full,
                        )
                    )
        # join paragraphs broken across a column / page gap
        merged: list[_Item] = []
        for it in items:
            if it.kind == "body" and merged and merged[-1].kind == "body" and merged[-1].open_end:
                prev = merged[-1]
                prev.text = join_pair(prev.text, it.text)
                prev.lines += it.lines
                prev.open_end = it.open_end
                continue
            merged.append(it)
        return merged

    def _is_head_block(self, group: list[Line]) -> bool:
        if len(group) > 3 or any(ends_paragraph(g.text) for g in group):
            return False
        if NEWS_START_RE.match(group[0].text):
            return False
        first = group[0].width
        return first < self.W - 6 or any(g.width > self.W + 4 for g in group)

    def _masthead(self) -> None:
        """Masthead lines at the top of the page (`人民日报海外版　2020年4月27日　第3版`, `中国邮政快递报` / a date):
        the publication and its date, blanked out of the flow (never a title, never body text)."""
        seen = 0
        for k, ln in enumerate(self.lines):
            if ln.blank:
                continue
            t = ln.text
            if seen >= 3 or ln.width > 70 or ends_paragraph(t) or not ev.is_masthead_like(t):
                return
            seen += 1
            name = ev.masthead_name(t)
            if name and not self.result.publication:
                self.result.publication = name
            if self.result.published is None:
                self.result.published = ev.find_date(t)
            self.lines[k] = Line("", ln.raw, 0, True, 0)

    def parse(self) -> ParsedBulletin:
        self._masthead()
        text_all = [ln.text for ln in self.lines if not ln.blank]
        papers = Counter(m.group("pub") for t in text_all for m in PAPER_RE.finditer(t))
        if papers and not self.result.publication:
            self.result.publication = papers.most_common(1)[0][0]
        items = self._items()

        articles: list[dict] = []
        cur: dict = {"paras": [], "title": None, "kicker": [], "outlet": "", "byline": ""}
        heads: list[_Item] = []
        last_body: _Item | None = None

        def close(title_item: _Item | None, kicker: list[_Item]) -> None:
            nonlocal cur
            if title_item is not None:
                cur["title"] = title_item
                cur["kicker"] = kicker
            if cur["paras"] or cur["title"] is not None:
                articles.append(cur)
            cur = {"paras": [], "title": None, "kicker": [], "outlet": "", "byline": ""}

        def ends_with_attribution() -> bool:
            if not cur["paras"]:
                return False
            last = cur["paras"][-1]
            return bool(SOURCE_PAREN_RE.search(last) or AUTHOR_PAREN_RE.search(last))

        for it in items:
            if it.kind == "tail":
                if cur["paras"] and not heads:
                    close(it, [])  # the headline closes the story above it
                else:
                    heads.append(_Item("head", it.lines, it.text))
                continue
            if it.kind == "head":
                heads.append(it)
                continue
            if it.kind == "byline":
                if (
                    not heads
                    and last_body is not None
                    and len(last_body.lines) <= 2
                    and cur["paras"]
                    and (
                        not ends_paragraph(last_body.text)
                        and last_body.text == cur["paras"][-1]
                        and len(cur["paras"]) > 1
                    )
                ):
                    # a headline as wide as the column, directly above its byline
                    cur["paras"].pop()
                    heads = [_Item("head", last_body.lines, last_body.text)]
                if heads:
                    close(heads[-1], heads[:-1])
                    heads = []
                    articles[-1]["byline"] = it.text
                elif cur["paras"]:
                    close(None, [])
                    cur["byline"] = it.text
                else:
                    cur["byline"] = it.text
                continue
            if it.kind == "credit":
                # a photo with its caption: whatever untitled text precedes the credit is the caption
                if heads:
                    close(heads[-1], heads[:-1])
                    heads = []
                if cur["paras"] and cur["title"] is None:
                    self.result.dropped.append("photo: " + cur["paras"][0][:30])
                cur = {"paras": [], "title": None, "kicker": [], "outlet": "", "byline": ""}
                continue
            # body paragraph
            last_body = it
            starts_news = bool(NEWS_START_RE.match(it.text))
            if heads:
                # (a boxed item, `相关链接　…`, under a headline opens a piece of its own, like a dateline)
                if ends_with_attribution() or starts_news or _BOX_RE.match(it.text) or not cur["paras"]:
                    close(heads[-1], heads[:-1])
                else:  # sub-heads inside the article
                    cur["paras"].extend(h.text for h in heads)
                heads = []
            elif starts_news and cur["paras"]:
                close(None, [])
            cur["paras"].append(it.text)
        # end of page: trailing headline group
        if heads:
            untitled = [a for a in articles if a["title"] is None]
            if cur["paras"]:
                untitled.append(cur)
                articles.append(cur)
            if len(untitled) <= 1 and cur["paras"]:
                cur["title"] = heads[-1]
                cur["kicker"] = heads[:-1]
            elif untitled:
                self._assign_pool(untitled, [line for h in heads for line in h.lines])
        elif cur["paras"]:
            articles.append(cur)

        for a in articles:
            if not a["paras"]:
                continue
            title = a["title"]
            if title is None:
                title_text = fallback_title(a["paras"][0])
            elif isinstance(title, str):
                title_text = title
            else:
                title_text = title.text
            paras = [k.text for k in a["kicker"]] + a["paras"]
            self.result.articles.append(
                ParsedArticle(
                    title=squeeze(title_text), outlet=_news_outlet(a), paragraphs=[squeeze_para(p) for p in paras]
                )
            )
        return self.result

    # -- headline pool ------------------------------------------------------------------------------------
    def _assign_pool(self, untitled: list[dict], lines: list[str]) -> None:
        """Cut the page-end headline lines into one title per untitled article, maximising bigram overlap."""
        k = len(untitled)
        text = ""
        line_cuts: set[int] = set()
        for i, line in enumerate(lines):
            if i:
                line_cuts.add(len(text))
            text += line
        positions = sorted(line_cuts)
        interior = [p for p in range(3, len(text) - 2) if p not in line_cuts]
        bodies = [_bigrams(fold("".join(a["paras"]))) for a in untitled]
        n_cuts = k - 1
        candidates = positions + interior
        if n_cuts > len(candidates):
            n_cuts = len(candidates)
        combos: itertools.combinations[tuple[int, ...]] | list[tuple[int, ...]]
        from math import comb

        if comb(len(candidates), n_cuts) > 20000:
            combos = itertools.combinations(positions, min(n_cuts, len(positions)))
        else:
            combos = itertools.combinations(sorted(candidates), n_cuts)
        cache: dict[tuple[int, int, int], float] = {}

        def score(a: int, b: int, j: int) -> float:
            key = (a, b, j)
            if key not in cache:
                grams = _bigram_list(fold(text[a:b]))
                hit = sum(1 for g in grams if g in bodies[j])
                cache[key] = hit - (len(grams) - hit)
            return cache[key]

        best: tuple[float, tuple[int, ...], tuple[int, ...]] | None = None
        for cuts in combos:
            cuts = tuple(sorted(cuts))
            bounds = [0, *cuts, len(text)]
            segs = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
            if any(b - a < 2 for a, b in segs):
                continue
            penalty = 0.5 * sum(1 for c in cuts if c not in line_cuts)
            for perm in itertools.permutations(range(k), len(segs)):
                total = sum(score(a, b, perm[i]) for i, (a, b) in enumerate(segs)) - penalty
                if best is None or total > best[0]:
                    best = (total, cuts, perm)
        if best is None:
            return
        _, cuts, perm = best
        bounds = [0, *cuts, len(text)]
        for i in range(len(bounds) - 1):
            untitled[perm[i]]["title"] = squeeze(text[bounds[i] : bounds[i + 1]])


def _tail_lines(block: list[Line]) -> int:
    """How many lines (1 or 2) at the bottom of a block form a headline under a finished paragraph (0: none)."""
    if len(block) >= 2 and ends_paragraph(block[-2].text) and ev.is_title_like(block[-1].text, block[-1].width):
        return 1
    if (
        len(block) >= 3
        and ends_paragraph(block[-3].text)
        and all(ev.is_title_like(g.text, g.width) for g in block[-2:])
        and ev.is_title_like(block[-2].text + block[-1].text, block[-2].width + block[-1].width)
    ):
        return 2
    return 0


def _head_between(above: Line, ln: Line, below: Line, *, loose: bool = False) -> bool:
    """Is `ln` a headline printed under the finished paragraph `above`, with the next story (or a boxed item,
    `相关链接　…`) opening on `below` — or, `loose` (a page closing on a headline under its story), any indented
    opening?"""
    return (
        ends_paragraph(above.text)
        and ev.is_title_like(ln.text, ln.width)
        and not NEWS_START_RE.match(ln.text)
        and not ln.raw.startswith(("\u3000", "  "))
        and (_story_opening(below) or (loose and _opens_story(below)))
    )


_BOX_RE = re.compile(r"^(?:相关链接|新闻链接|链接|背景链接|延伸阅读|小贴士|记者手记|短评)(?:\s|[:：])")


def _story_opening(ln: Line) -> bool:
    """Does this line's text open a story (a dateline, `本报讯`, a boxed item such as `相关链接　…`)?"""
    return bool(ev.starts_news(ln.text) or NEWS_START_RE.match(ln.text) or _BOX_RE.match(ln.text))


def _opens_story(ln: Line) -> bool:
    """Does this line open a new story (a dateline, an indented first line, a boxed item) rather than continue
    a sentence broken by a column gap?"""
    return bool(
        ev.starts_news(ln.text)
        or NEWS_START_RE.match(ln.text)
        or _BOX_RE.match(ln.text)
        or ln.raw[:1] in ("\u3000",)
        or ln.raw.startswith("  ")
    )


def _bigram_list(s: str) -> list[str]:
    return [s[i : i + 2] for i in range(len(s) - 1)]


def _bigrams(s: str) -> set[str]:
    return set(_bigram_list(s))


def _news_outlet(a: dict) -> str:
    for p in reversed(a["paras"][-2:]):
        m = SOURCE_PAREN_RE.search(p)
        if m:
            return clean_outlet(m.group("outlet"))
    first = a["paras"][0] if a["paras"] else ""
    m = re.match(r"^据(?P<o>\S{2,8}?)(?:消息|报道)", first)
    if m:
        return clean_outlet(m.group("o"))
    m = re.match(r"^(?P<o>新华社|中新社|人民网|央视网)\S{0,8}电", first)
    if m:
        return m.group("o")
    if first.startswith("本报") or "本报" in a.get("byline", "") or a.get("byline", "").startswith(("■", "□")):
        return "本报"
    return ""
