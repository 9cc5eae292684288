"""The second half of layout-general reading: classified paragraphs → articles (`GeneralParser`).

Decides which title-like paragraphs start an article (strong evidence: a dated header, a meta line or dateline
under it, a TOC entry; weak: the story before has ended), reorders pages that print headlines under their stories,
assembles the articles with their section, outlet and date, and takes the container's front matter (masthead,
issue, date). The paragraphs come from `paragraphs.ParagraphReader`.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.layout.lines import (
    EDITOR_RE,
    ISSUE_RE,
    SECTION_RE,
    TRAILER_RE,
    ParsedArticle,
    ParsedBulletin,
    clean_outlet,
    clean_title,
    ends_para,
    fallback_title,
    squeeze_para,
    title_key,
)
from bot.services.ingest.layout.paragraphs import BARE_NAME_RE, Para, ParagraphReader
from bot.services.ingest.normalise import (
    squeeze,
    width,
)

#: a shopping festival's name holding digits (`“双11”`, `双12`, `618`): no figure of a headline
_FESTIVAL_NAME_RE = re.compile(r"[“\"「]?\s*双\s*[“\"「]?\s*1[12]\s*[”\"」]?|(?<!\d)618(?!\d)")
#: clause punctuation: a line holding it is a wrapped sentence's fragment rather than a headline
_CLAUSE_RE = re.compile(r"[，,；;]")
#: a slogan of parallel phrases set apart by spaces, no figure (`全力以赴拼经济 勇挑大梁争出彩`, `稳外贸 促发展·奋战二季度`)
_SLOGAN_RE = re.compile(r"[\u4e00-\u9fff“”·]{3,}(?:[ \u3000]+[\u4e00-\u9fff“”·]{3,})+$")


#: a front-matter line naming the issuing body (`江苏省商务厅电子商务处`, `市商务局电子商务科编`)
_ISSUER_LINE = re.compile(r"(?:厅|局|委员会|委|办公室)(?:[\u4e00-\u9fff]{0,8}?(?:处|科|室|司|中心))?(?:编印|编|印发|主办)?(?:\s|$)")


class GeneralParser(ParagraphReader):
    """Articles from scored line evidence, for any layout the two specialised parsers above do not claim.

    Every paragraph is classified (table row, meta line, dated header, section, end mark, title-like, body); a
    title-like paragraph starts an article on *strong* evidence (a dated header `【2024.08.02】…`, a meta line
    `发布日期`/`来源` or a dateline `新华社北京1月22日电` right under it, a table-of-contents entry) or, in documents
    that have such evidence, when the story before it has ended (an end mark `(新京报)`, a trailer, a wider blank
    gap, a title block of 引题/title/副题 lines). Title-like lines elsewhere are sub-heads and stay in the article
    (bulleted `■ …` lines under an unbulleted title; on pages closing every story with an end mark, lines after
    unended text). Documents without any strong evidence, or a container with only one piece of it, fall back to
    "every title-like line followed by body text starts an article"; of a block of title lines the headline is the
    one that is no `——` subtitle and no shorter kicker. Lines before the first article are the container's front
    matter: its masthead (publication), issue and date, never an article title."""

    # -- evidence -----------------------------------------------------------------------------------------
    @staticmethod
    def _lone_news_story(paras: list[Para], i: int) -> bool:
        """Does the story titled at paras[i] open on a dateline or a news lead (below its meta lines), under front
        matter that names no bulletin (no masthead like `电商动态`, whose page holds several stories)?"""
        if any(ev.is_masthead_like(p.text) for p in paras[:i]):
            return False
        for q in paras[i + 1 :]:
            if q.kind in ("meta", "furniture"):
                continue
            return q.kind == "body" and not q.tlike and ev.starts_news(q.text)
        return False

    @staticmethod
    def _reposted_story(paras: list[Para], strong_at: set[int]) -> bool:
        """A reposted web page: its headline first, a dated meta line under it (`2026-03-21 10:07:09　来源：…`), then
        its text, and no other strong evidence — one story, whose later title-like lines are sub-heads (other stories
        reposted on the page would have date lines of their own)."""
        if strong_at != {0} or paras[0].kind == "header":
            return False
        k = 1
        while k < len(paras) and paras[k].kind == "meta":
            k += 1
        dated = any(ev.find_date(q.text) is not None for q in paras[1:k])
        return dated and k < len(paras) and paras[k].kind == "body" and not paras[k].tlike

    @staticmethod
    def _block_under(paras: list[Para], i: int) -> tuple[int, Para | None]:
        """The last line of the title block at paras[i] (title-like lines with no gap) and the paragraph under it."""
        j = i
        while j + 1 < len(paras) and paras[j + 1].tlike and paras[j + 1].gap == 0:
            j += 1
        return j, (paras[j + 1] if j + 1 < len(paras) else None)

    @classmethod
    def _text_under(cls, paras: list[Para], i: int) -> Para | None:
        """The paragraph under the title block at paras[i], past the byline lines printed under it."""
        j, q = cls._block_under(paras, i)
        while (
            q is not None
            and q.kind == "meta"
            and q.gap == 0
            and (ev.BYLINE_LINE_RE.match(q.text) or BARE_NAME_RE.match(q.text))
        ):
            j += 1
            q = paras[j + 1] if j + 1 < len(paras) else None
        return q

    def _starts(self, paras: list[Para]) -> set[int]:
        n = len(paras)
        gaps = sorted(p.gap for p in paras[1:] if p.kind == "body") or [0]
        typical = gaps[len(gaps) // 2]

        def nxt(i: int) -> Para | None:
            return paras[i + 1] if i + 1 < n else None

        def body_next(i: int) -> bool:
            q = nxt(i)
            return q is not None and (q.kind in ("body", "table", "meta") and not q.tlike)

        last_body = max((k for k, r in enumerate(paras) if r.kind in ("body", "table") and not r.tlike), default=-1)
        first_body = next((k for k, r in enumerate(paras) if r.kind in ("body", "table") and not r.tlike), n)
        spaced_titles = any(paras[k].tlike and paras[k].gap > typical for k in range(first_body, n))

        def strong(i: int) -> bool:
            p = paras[i]
            if p.kind == "header":
                return True
            if not p.tlike:
                return False
            q = nxt(i)
            if self.toc and title_key(p.text) in self.toc:
                return True
            if q is None:
                return False
            if q.kind == "meta":
                if i > last_body:
                    return False  # a name over a date after the last text: the signature, not an article
                if ev.BYLINE_LINE_RE.match(q.text) and not ev.is_masthead_like(p.text):
                    return True  # a byline under it: a headline (a sub-head has none)
                if ev.is_masthead_like(p.text) and not ev.META_FIELD_RE.match(q.text):
                    return False  # a masthead over its date line
                after = paras[i + 2] if i + 2 < n else None
                if i == 0 and ev.DATE_LINE_RE.match(q.text) and after is not None and after.kind == "section":
                    return False  # the page's name over its bare date, a section heading next: a masthead
                prev = paras[i - 1] if i else None
                return (
                    p.gap > 0
                    or prev is None
                    or prev.kind != "body"
                    or prev.tlike
                    or bool(ev.TOP_NUMBERED_RE.match(p.text))
                    or ev.find_date(q.text) is not None
                )
            if q.kind == "body" and not q.tlike and ev.starts_news(q.text):
                return True
            return q.kind == "body" and not q.tlike and self._own_dateline_below(paras, i)

        def ended(i: int) -> bool:
            if i == 0:
                return False
            prev = paras[i - 1]
            if prev.kind in ("end", "section"):
                return True
            if prev.kind == "meta":  # trailer lines under body text or its end mark (not meta lines under a title)
                k = i - 1
                while k > 0 and paras[k].kind == "meta":
                    k -= 1
                above = paras[k] if paras[k].kind != "meta" else None
                return above is not None and (above.kind == "end" or above.kind in ("body", "table") and not above.tlike)
            if prev.kind != "body" or not ev.ends_article(prev.text):
                return False
            # a photo credit closes the picture's caption, which may sit anywhere in a story: on a page that sets
            # its titles apart with blank lines, a line right under one (no wider gap) is the story's sub-head
            if not ev.credit_only(prev.text):
                return True
            if spaced_titles and paras[i].gap <= typical:
                return False
            # (a caption right under story text that has not ended, on a page of one masthead and one headline
            # so far: the picture sits inside that story, the title-like line after it is its sub-head)
            # (the caption may also close the story's own paragraph, wrapped on with it)
            caption_only = prev.text.count("。") <= 1
            above = (paras[i - 2] if i >= 2 else None) if caption_only else prev
            return not (
                self.wrapped
                and above is not None
                and above.kind == "body"
                and not above.tlike
                and (not caption_only or not ev.ends_article(above.text))
                and sum(1 for q in paras[:i] if q.tlike) <= 2
            )

        # pages that indent body paragraphs and not titles: an indented title-like line is a sub-head
        bodies = [p for p in paras if p.kind == "body" and not p.tlike]
        indented = bool(bodies) and sum(p.indent for p in bodies) * 3 >= len(bodies) * 2
        flush_titles = any(p.tlike and not p.indent for p in paras)

        def weak_ok(i: int) -> bool:
            p = paras[i]
            q = nxt(i)
            if not p.tlike or q is None or q.kind == "table" or p.width < 6 or i > last_body:
                return False  # (no text after it: a signature or an imprint, not an article)
            return not (indented and flush_titles and p.indent)

        def title_in(i: int, j: int) -> int:
            """The headline of a block of title lines i..j: not a `——` subtitle; of two lines, a shorter first
            one is a kicker (引题) over it, a shorter second one a subtitle (副题) under it."""
            t = j
            while t > i and paras[t].text.startswith(("—", "－－", "--")):
                t -= 1
            if t == i + 2:
                return i + 1  # 引题, 主题, 副题 (a subtitle without its `——`): the middle line
            # (a first line stating a figure of its own is the headline, a second figure under it its 副题, however
            # wide; a first one stating none, or only a comparison `比2023年…提前71天`, and no wider is a kicker)
            if t == i + 1 and ev.PERIOD_ONLY_RE.match(paras[i].text.strip()):
                return t  # (a first line that is only a span of time, `…双“11”期间`, is a kicker however wide)
            if t == i + 1 and t < j and not any(c.isdigit() for c in paras[i].text):
                # 引题 / 主题 / `——` 副题: the line right over the dashed subtitle is the headline, the first line its
                # kicker however wide (`新时代 新征程·全力拼经济` over `前两个月…加快恢复` over `——拼抢开局…`)
                return t
            if (
                t == i + 1
                and _SLOGAN_RE.match(paras[i].text.strip())
                and not re.search(r"[\s\d]", paras[t].text.strip())
                and not ev.PREDICATE_OPEN_RE.match(paras[t].text)
            ):
                # (a first line of parallel phrases set apart by spaces, `全力以赴拼经济 勇挑大梁争出彩`, over a plain
                # line is a slogan kicker (引题), however wide)
                return t
            if t == i + 1 and (
                paras[i].width > paras[t].width
                or (
                    # (a festival's name, `“双11”快递业务高峰来临`, states no figure)
                    any(c.isdigit() for c in _FESTIVAL_NAME_RE.sub("", paras[i].text))
                    and not re.match(r"(?:比|较|与|同比|环比)", paras[i].text)
                    and not ev.PREDICATE_OPEN_RE.match(paras[i].text)
                )
                or ev.PREDICATE_OPEN_RE.match(paras[t].text)
            ):
                t = i  # (a second line opening on a predicate, `累计完成…万件`, continues the first: a 副题)
            return t

        strong_at = {i for i in range(n) if strong(i)}
        # a web page (breadcrumb, 返回/顶部, 分享到 lines around the text, its controls read as blank lines) carries one
        # story
        web_page = self.web_controls or any(p.kind == "furniture" and ev.is_web_furniture(p.text) for p in paras)
        ended_at = {i for i in range(n) if paras[i].tlike and ended(i) and weak_ok(i)}
        starts: set[int] = set(strong_at)
        # pages that close every story with an end mark (`（新京报）`, the last one included): a title-like line
        # after text that has not ended is a sub-head
        closing = len(ended_at) >= 2 and last_body >= 0 and ev.ends_article(paras[last_body].text)
        first_text = next((k for k, r in enumerate(paras) if r.kind in ("body", "table") and not r.tlike), n)
        # one story under a site's header lines (a web page's, or one opening on a dateline): its title-like lines
        # set apart by wider gaps are its sub-heads, not stories
        lone = len(strong_at) == 1 and (web_page or self._lone_news_story(paras, min(strong_at)))
        if lone and typical == 0:
            # one story printed without blank lines: a photo caption's credit closes the picture, not the story,
            # and the title-like line under it is the story's sub-head
            ended_at = {i for i in ended_at if not (paras[i - 1].kind == "body" and ev.credit_only(paras[i - 1].text))}
        if self._reposted_story(paras, strong_at):
            lone, typical = True, max(typical, 1)  # its sub-heads are the lines set apart, not stories
        # a page whose every headline carries a byline under it (`本报记者　王　某`): a title-like line without one is
        # a sub-head inside the story above it, however it is set
        bylined = len(strong_at) >= 2 and all(
            i + 1 < n and paras[i + 1].kind == "meta" and bool(ev.BYLINE_LINE_RE.match(paras[i + 1].text))
            for i in strong_at
        )
        if strong_at or len(ended_at) >= 2:
            starts |= ended_at
            for i in range(1, n):
                p = paras[i]
                if lone and typical > 0:
                    break  # (a page that spaces its paragraphs sets sub-heads wider; one spacing only its stories
                    # apart, `typical` 0, holds several)
                if p.tlike and weak_ok(i) and body_next(i) and p.gap > typical and paras[i - 1].kind != "header":
                    if not closing or i < first_text or i in strong_at:
                        starts.add(i)
                elif (
                    # a page of several stories (two or more with strong evidence) that indents its text and not
                    # its titles: a flush title over indented text, after a finished paragraph and spaced no closer
                    # than the paragraphs are, is set apart as a wider blank line would set it (a lone story's
                    # flush lines are its sub-heads)
                    # (several stories: two or more titles known by strong evidence or by the story before ending,
                    # `【电子商务】` over its first title)
                    len(strong_at | ended_at) >= 2
                    and not lone
                    and p.gap >= typical
                    and indented
                    and not p.indent
                    and p.tlike
                    and weak_ok(i)
                    and body_next(i)
                    and paras[i + 1].indent
                    and paras[i - 1].kind == "body"
                    and not paras[i - 1].tlike
                    and ends_para(paras[i - 1].text)
                    and not _CLAUSE_RE.search(p.text)
                    and not closing
                    and not bylined
                ):
                    starts.add(i)
            if (
                len(strong_at) == 1
                and min(strong_at) > 0
                and not ended_at
                and not self.wrapped
                and not lone
            ):
                # (a web page's story, or a story opening on a dateline `新华社北京5月6日电` under a site's header
                # lines and no masthead: one story, whose title-like lines are its sub-heads)
                # in a container (front matter above its first title), one piece of strong evidence sets no
                # convention: the other titles over text start articles too (unindented, after a finished
                # paragraph; not in hard-wrapped text, where short lines are fragments); a lone story keeps its
                # sub-heads; a page that sets its titles apart with blank lines prints its sub-heads without them
                spaced = any(paras[k].tlike and paras[k].gap > typical for k in range(first_text, n))
                for i in range(first_text, n):
                    if spaced and paras[i].gap <= typical:
                        continue
                    p = paras[i]
                    prev = paras[i - 1]
                    if p.tlike and weak_ok(i) and body_next(i) and prev.kind in ("body", "table") and not prev.tlike:
                        if (
                            (ends_para(prev.text) or prev.kind == "table")
                            and not _CLAUSE_RE.search(p.text)
                            and not p.indent
                        ):
                            starts.add(i)
            # a title block set apart after body text (引题, title, `——` subtitle: two or three title-like lines,
            # then text) opens an article at its title; a sub-head inside an article is a single line
            for i in range(1, n if not (lone and typical > 0) else 1):
                j = i
                while j + 1 < n and paras[j + 1].tlike and paras[j + 1].gap == 0:
                    j += 1
                # (set apart by a wider gap; or, where every paragraph has the same gap, closed by a `——` subtitle)
                dashed = any(paras[k].text.startswith(("——", "－－", "--")) for k in range(i + 1, j + 1))
                # (or, on a page that indents its text and not its titles, a flush block of two or three lines after
                # a finished paragraph, over indented text: 引题 and title set off as a blank line would set them; a
                # sub-head is one line)
                flush_block = (
                    indented
                    and not lone
                    # (a page of two or more stories opening on datelines sets its stories apart by them: a block over
                    # text without one is a sub-head, `超4万亿元` / `网上零售额再创新高`)
                    and len(strong_at) <= 1
                    and j + 1 < n
                    and paras[j + 1].indent
                    and not any(paras[k].indent for k in range(i, j + 1))
                    and paras[i - 1].kind == "body"
                    and ends_para(paras[i - 1].text)
                    and not any(_CLAUSE_RE.search(paras[k].text) for k in range(i, j + 1))
                )
                apart = paras[i].gap > typical or (dashed and paras[i].gap == typical) or flush_block
                if not (paras[i].tlike and apart and 1 <= j - i <= 2 and body_next(j)):
                    continue
                prev = paras[i - 1]
                closed = prev.kind == "meta" and i in ended_at  # (after a trailer `编辑：…` closing the story before)
                if (prev.kind not in ("body", "table", "end") and not closed) or prev.tlike:
                    continue
                t = title_in(i, j)
                if weak_ok(t) or t < j:
                    starts.add(t)
                    if closed and t != i and i not in strong_at:
                        starts.discard(i)  # the kicker over the title, not a headline of its own
        elif web_page:
            # a web page without evidence: its first title over text is the story's, later ones its sub-heads
            first = next((i for i in range(n) if paras[i].tlike and weak_ok(i) and body_next(i)), None)
            if first is not None:
                starts.add(first)
        else:
            # no explicit structure: every run of title-like lines followed by body text starts an article; at the
            # top of the page, masthead lines (name, date, edition) lead the first run
            i = 0
            first_run = True
            while i < n:
                if paras[i].tlike and weak_ok(i):
                    j = i
                    while j + 1 < n and paras[j + 1].tlike:
                        j += 1
                    if body_next(j):
                        k = title_in(i, j) if not first_run and j - i <= 2 else i
                        if first_run:
                            # the container's name and date lead the page: masthead-like lines, and lines set
                            # apart by a blank from the title group just above the body
                            while k < j and ev.is_masthead_like(paras[k].text):
                                k += 1
                            last_group = max((m for m in range(k, j + 1) if paras[m].gap > 0), default=k)
                            if not paras[last_group].text.startswith(("—", "－－", "--")):
                                k = last_group
                            if j - k <= 2 and not ev.is_masthead_like(paras[k].text):
                                k = title_in(k, j)  # under its kicker, over its subtitle
                            if ev.is_masthead_like(paras[k].text) and paras[j + 1].kind == "meta":
                                k = -1  # only the masthead and its date line: no article yet
                        if k >= 0:
                            starts.add(k)
                    first_run = False
                    i = j + 1
                else:
                    if paras[i].kind in ("body", "table"):
                        first_run = False
                    i += 1
        # a page that sets its headlines apart from their stories by a blank line (every title block with strong
        # evidence over a gap, then text) prints its sub-heads glued to the paragraph they head: a single title-like
        # line right over text that opens no story of its own is a sub-head there, not a headline
        # (the text under a headline's byline, `本报记者　王　珂`, when a byline sits between them)
        heads = [self._text_under(paras, i) for i in sorted(strong_at) if paras[i].kind != "header"]
        if heads and all(q is not None and q.kind == "body" and not q.tlike and q.gap > 0 for q in heads):
            for i in sorted(starts - strong_at):
                j, q = self._block_under(paras, i)
                if j == i and q is not None and q.kind == "body" and not q.tlike and q.gap == 0:
                    if not ev.starts_news(q.text):
                        starts.discard(i)
        # numbered (`一、业务总量`) or bulleted (`■ 网点下沉…`) lines under a title without that mark are its
        # sections and sub-heads, unless they carry evidence
        ordered = sorted(starts)
        for mark in (ev.NUMBERED_RE, ev.SUBHEAD_MARK_RE):
            if ordered and not mark.match(paras[ordered[0]].text):
                for i in ordered[1:]:
                    if i not in strong_at and mark.match(paras[i].text):
                        starts.discard(i)
        # after `附注` / `注：` come the notes of the same release
        notes = False
        for i in range(n):
            if i in strong_at:
                notes = False
            elif ev.NOTES_RE.match(paras[i].text):
                notes = True
            elif notes:
                starts.discard(i)
        # a heading right over a release's definitions (`社会消费品零售` then `统计范围：` / `指标解释：`) heads its notes
        for i in sorted(starts):
            if i not in strong_at and i + 1 < n and ev.NOTE_FIELD_RE.match(paras[i + 1].text):
                starts.discard(i)
        # weak evidence never opens an article while the one before it has no body text yet (title, meta, sub-head)
        body_since = True
        for i in range(n):
            if i in starts:
                if i not in strong_at and not body_since:
                    starts.discard(i)
                else:
                    body_since = False
                    continue
            if paras[i].kind in ("body", "table") and not paras[i].tlike:
                body_since = True
        # a subtitle (`——商务部介绍…`) carries the evidence of the title right above it
        for i in sorted(starts):
            if i and paras[i].text.startswith(("—", "－－", "--")) and paras[i - 1].tlike:
                starts.discard(i)
                starts.add(i - 1)
        # a kicker (`农村电商`) set apart above a title that opens an article belongs to that article, not to the
        # end of the one before
        for i in sorted(starts):
            k = i - 1
            if (
                k > 0
                and k not in starts
                and paras[i].gap == 0
                and paras[k].gap > 0
                and paras[k].tlike
                and paras[k].width <= min(40, paras[i].width)
                and not paras[k].text.startswith(("—", "－－", "--"))
                and paras[k - 1].kind in ("body", "table", "end")
                and not paras[k - 1].tlike
                and any(j < k for j in starts)
            ):
                starts.add(k)
        no_blanks = all(p.gap == 0 for p in paras[first_text:])
        # a story opening under a block of title lines set apart above it (引题, 主题, 副题, no `——` on the
        # subtitle): the opening's evidence marks the last line, but the headline is the block's 主题 — the middle
        # of three lines, the wider of two (`去年哈市快递增幅居第二位` over `累计完成…万件，同比增长14.4%`)
        for i in sorted(starts):
            if i not in strong_at or paras[i].kind == "header" or paras[i].gap > 0:
                continue
            b = i
            while (
                b > 0
                and i - b < 2
                and paras[b].gap == 0
                and paras[b - 1].tlike
                and paras[b - 1].kind == "body"
                and not ev.is_masthead_like(paras[b - 1].text)
            ):
                b -= 1
            # (set apart by a blank line, or, on pages printed without blank lines, right under the masthead or
            # right after a finished paragraph of the story before)
            apart = (
                paras[b].gap > 0
                or (b > 0 and ev.is_masthead_like(paras[b - 1].text) and b - 1 < first_text)
                or (
                    no_blanks
                    and b > first_text
                    and paras[b - 1].kind in ("body", "table")
                    and not paras[b - 1].tlike
                    and ends_para(paras[b - 1].text)
                )
            )
            if b == i or not apart or any(ev.is_masthead_like(paras[k].text) for k in range(b, i + 1)):
                continue
            if any(paras[k].text.startswith(("—", "－－", "--")) for k in range(b, i)):
                continue
            t = b + 1 if i - b == 2 else title_in(b, i)
            if t < i and t in starts and not any(k in starts for k in range(t + 1, i)) and not _CLAUSE_RE.search(
                paras[t].text.replace("：", "，").replace(":", ",")
            ):
                # the block's headline already opens the story (set apart after text): the line under it is its
                # 副题, not a second title (a statement with a colon or comma over it stays a kicker, 引题)
                starts.discard(i)
                continue
            if any(k in starts for k in range(b, i)):
                if t == i or not (i + 1 < n and paras[i + 1].kind == "meta"):
                    continue
                # a line of the block opened an article already (set apart after text), and a meta line closes
                # the block (`标题`, `副题`, `来源：…`): one headline still, its source line under the whole block
                starts.difference_update(range(b, i))
            if t != i:
                starts.discard(i)
                starts.add(t)
                if b < t:
                    starts.add(b)  # the kicker, read as such when the title follows it at once
        # a page that heads its stories with title blocks (the headline over a `——` subtitle, two or more of them
        # opening stories) prints its sub-heads as lines narrower than its headlines (one line, or a short kicker
        # over one) without a subtitle: where the spacing does not tell them apart, they open no story unless they
        # carry evidence of their own
        dash = ("——", "－－", "--")
        blocks, others = [], []
        for i in sorted(starts):
            if paras[i].kind == "header":
                continue
            top = i
            while top > 0 and i - top < 2 and paras[top].gap == 0 and paras[top - 1].tlike:
                top -= 1
            j, _ = self._block_under(paras, i)
            if j > i and any(paras[k].text.startswith(dash) for k in range(i + 1, j + 1)):
                blocks.append((top, i))
            else:
                others.append((top, j))
        if len(blocks) >= 2:
            narrowest = min(paras[i].width for _, i in blocks)
            spacing = min(paras[top].gap for top, _ in blocks)
            for top, j in others:
                lines = range(top, j + 1)
                if (
                    paras[top].gap <= spacing
                    and top > 0
                    and paras[top - 1].kind == "body"
                    and not paras[top - 1].tlike  # (inside a story's text, not after its closing line)
                    and all(paras[k].width < narrowest and k not in strong_at for k in lines)
                    and not any(paras[k].text.startswith(dash) for k in lines)
                ):
                    starts.difference_update(lines)
        # the first "article" holding no text before the next one (a name over its date line, then the first
        # item's title and release line) is the container's front matter: its masthead, not an article
        ordered = sorted(starts)
        if len(ordered) >= 2 and ordered[1] > ordered[0] + 1 and paras[ordered[0]].kind != "header":
            between = paras[ordered[0] + 1 : ordered[1]]
            if not any(q.kind in ("body", "table") and not q.tlike for q in between):
                starts.discard(ordered[0])
        return starts

    @staticmethod
    def _own_dateline_below(paras: list[Para], i: int) -> bool:
        """Is title-like line `i` (under a finished paragraph) the headline of a wire story of its own: the text
        under it, up to the next title-like line, closes on a dateline (`…。新华社北京12月8日电（记者…）`) while the
        text above it, back to the previous one, opened on its own (`新华社1月28日电…`)? One story carries one
        dateline, so the two are different stories, even on a page printed without blank lines."""
        prev = paras[i - 1] if i else None
        if prev is None or prev.kind != "body" or prev.tlike or not ends_para(prev.text):
            return False
        j = i + 1
        while j < len(paras) and paras[j].kind in ("body", "table") and not paras[j].tlike:
            j += 1
        if j == i + 1 or ev.trailing_dateline(paras[j - 1].text) is None:
            return False
        k = i - 1
        while k > 0 and paras[k - 1].kind in ("body", "table") and not paras[k - 1].tlike:
            k -= 1
        return ev.dateline(paras[k].text) is not None and ev.trailing_dateline(paras[i - 1].text) is None

    @staticmethod
    def _headlines_after(paras: list[Para]) -> tuple[list[Para], set[int]] | None:
        """Pages that print each headline *under* its story (the last line of a block, body right above it, a
        blank after it): reordered title-first, with the starts. None for any other page."""
        n = len(paras)

        def body(p: Para) -> bool:
            return p.kind in ("body", "table") and not p.tlike

        tails = [
            i
            for i in range(1, n)
            if paras[i].tlike and paras[i].gap == 0 and body(paras[i - 1]) and (i + 1 == n or paras[i + 1].gap > 0)
        ]
        heads = sum(
            1
            for i in range(n - 1)
            if paras[i].tlike and paras[i + 1].gap == 0 and body(paras[i + 1]) and (i == 0 or paras[i].gap > 0)
        )
        first_body = next((i for i, p in enumerate(paras) if body(p)), None)
        first_title = next((i for i, p in enumerate(paras) if p.tlike and not ev.is_masthead_like(p.text)), None)
        if len(tails) < 2 or heads >= len(tails) or first_body is None:
            return None
        if first_title is not None and first_title < first_body:
            return None
        order = paras[:first_body]
        starts: set[int] = set()
        prev = first_body
        for t in tails:
            starts.add(len(order))
            order.append(paras[t])
            order.extend(paras[prev:t])
            prev = t + 1
        order.extend(paras[prev:])
        return order, starts

    @staticmethod
    def _headline_under_story(paras: list[Para]) -> int | None:
        """The index of the one title-like line right under a story's last paragraph (which ends a sentence),
        followed only by an end mark and trailer lines: a single story printed with its headline under it. None
        when the page has more than one such line, or body text after it."""
        cands = [
            i
            for i in range(1, len(paras))
            if paras[i].tlike
            and paras[i].kind == "body"
            and paras[i - 1].kind == "body"
            and not paras[i - 1].tlike
            and ends_para(paras[i - 1].text)
            and len(paras[i - 1].text) >= 60
        ]
        if len(cands) != 1:
            return None
        i = cands[0]
        if any(p.kind in ("body", "table") for p in paras[i + 1 :]):
            return None
        return i

    # -- assembly -----------------------------------------------------------------------------------------
    def parse(self) -> ParsedBulletin:
        paras = self._join_title_lines(self._paragraphs())
        self._mark_toc(paras)
        after = self._headlines_after(paras)
        if after is not None:
            paras, starts = after
        else:
            starts = self._starts(paras)
        first = min(starts) if starts else len(paras)
        front = paras[:first]
        # front matter holding body text: the title-like line just above it starts an article after all
        body_at = next(
            (
                k
                for k, p in enumerate(front)
                if p.kind in ("body", "table")
                and not p.tlike
                # (a short item's text closed by its source line: `…增长12.4%。` / `（来源：…　2024-05-17）`)
                and (len(p.text) >= 30 or (k + 1 < len(front) and front[k + 1].kind == "meta" and "。" in p.text))
                and not ev.EDITOR_NOTE_RE.match(p.text)
            ),
            None,
        )
        headed = sum(
            1 for i in starts if paras[i].kind == "header" or (i + 1 < len(paras) and paras[i + 1].kind == "meta")
        )
        if body_at is not None and headed < 2:
            cands = [k for k in range(body_at) if front[k].tlike]
            if cands and not (len(cands) == 1 and cands[0] == 0 and ev.is_masthead_like(front[0].text)):
                # leading masthead-like lines stay front matter
                k = cands[-1] if len(cands) > 1 and ev.is_masthead_like(front[cands[0]].text) else cands[0]
                if k == cands[0] and len(cands) > 1 and ev.is_masthead_like(front[k].text):
                    k = cands[1]
                while k - 1 in cands and front[k].text.startswith(("—", "－－", "--")) and k - 1 > cands[0]:
                    k -= 1  # a `——` subtitle (副题) under the headline: the headline above it titles the story
                starts.add(k)
                first = k
                front = paras[:first]
        elif starts and len(front) == 0:
            pass
        self._front_matter(front)
        if not starts:
            under = self._headline_under_story(paras)
            if under is not None:
                # one story whose headline is printed under it (its trailer lines after): the headline titles it
                story = ParsedArticle(title=paras[under].text.strip())
                story.paragraphs = [p.text for p in paras[:under] if p.kind in ("body", "table") and not p.tlike]
                self._front_matter([p for p in paras[:under] if p.kind == "meta"])
                self._finish([(story, {})])
                return self.result
            # an untitled news story (a dateline, then text): one article named by its first sentence
            lead = next((p for p in paras if p.kind == "body" and not p.tlike), None)
            if lead is None or not ev.starts_news(lead.text):
                return self.result
            opening = ev.DATELINE_RE.sub("", lead.text, count=1)
            opening = re.sub(r"^\s*[（(][^（）()]{1,30}[)）]\s*", "", opening)  # `（记者 …）`
            story = ParsedArticle(title=fallback_title(opening))
            story.paragraphs = [p.text for p in paras[paras.index(lead) :] if p.kind in ("body", "table")]
            self._finish([(story, {})])
            return self.result
        art: ParsedArticle | None = None
        facts: dict[str, object] = {}
        section = ""
        for p in front:  # a section heading above the first article
            name = SECTION_RE.match(p.text) if p.kind == "section" else None
            if name:
                section = squeeze(name.group("name"))
        articles: list[tuple[ParsedArticle, dict[str, object]]] = []
        lost = next((k for k, p in enumerate(front) if p.kind == "body" and not p.tlike and ev.starts_news(p.text)), None)
        if lost is not None:
            # a datelined story above the first title found (its own headline not title-like, `…完成480.5亿件。`):
            # an article of its own, headed by the short line over it, else by its first sentence — never lost
            above = front[lost - 1] if lost else None
            if above is not None and above.kind == "body" and above.nlines == 1 and len(above.text.strip()) <= 40:
                title = above.text.rstrip("。.")
            else:
                opening = ev.DATELINE_RE.sub("", front[lost].text, count=1)
                title = fallback_title(re.sub(r"^\s*[（(][^（）()]{1,30}[)）]\s*", "", opening))
            story = ParsedArticle(title=clean_title(title), section=section)
            story.paragraphs = [p.text for p in front[lost:] if p.kind in ("body", "table")]
            articles.append((story, {}))
        need_title = False
        for i in range(first, len(paras)):
            p = paras[i]
            if p.kind == "section":
                name = SECTION_RE.match(p.text)
                section = squeeze(name.group("name")) if name else section
                if art is not None:
                    articles.append((art, facts))
                art, need_title = None, False
                continue
            if i in starts:
                kicker: list[str] = []
                if art is not None and not art.paragraphs and art.title and i - 1 in starts:
                    kicker = [art.title]  # two title lines, no text between: the first is a kicker (引题)
                elif art is not None:
                    articles.append((art, facts))
                facts = facts if kicker else {}
                title = p.text
                if p.kind == "header":
                    title, source = ev.title_source(p.htitle)
                    facts["date"] = p.hdate or (ev.month_day(self.reference(), *p.hmd) if p.hmd else None)
                    if ev.tag_outlet(p.htag) or source:
                        facts["outlet"] = ev.tag_outlet(p.htag) or source
                art = ParsedArticle(title=clean_title(title), section=section, paragraphs=kicker)
                need_title = not art.title
                continue
            if art is None or p.kind in ("toc", "furniture"):
                continue
            if need_title and p.tlike:
                art.title = clean_title(p.text)
                need_title = False
                continue
            if p.kind == "meta":
                d = ev.find_date(p.text)
                paper = ev.PAPER_ISSUE_RE.match(ev.to_simplified(p.text.strip()))
                if paper is not None:
                    # `《 人民日报 》（ 2024年03月08日 第 02 版）`: the paper's issue, the container's date; the
                    # story's own dateline (`本报北京3月7日电`) dates it in that year
                    self.result.published = self.result.published or d
                    self.result.publication = self.result.publication or re.sub(
                        r"\s", "", p.text.split("》")[0].lstrip("《 ")
                    )
                    continue
                if d is not None and "date" not in facts:
                    facts["date"] = d
                outlet = ev.meta_outlet(p.text) or ("本报" if p.text.lstrip("■□◆●▲ ").startswith("本报记者") else "")
                if outlet and "outlet" not in facts:
                    facts["outlet"] = outlet
                tm = TRAILER_RE.search(p.text)
                if tm and "outlet" not in facts:
                    facts["outlet"] = clean_outlet(tm.group("outlet"))
                continue
            if p.kind == "end":
                continue
            if p.kind == "body" and ev.ends_article(p.text):
                outlet = ev.end_outlet(p.text)
                if outlet and "end_outlet" not in facts:
                    facts["end_outlet"] = outlet
            art.paragraphs.append(p.text)
        if art is not None:
            articles.append((art, facts))
        self._finish(articles)
        return self.result

    def _front_matter(self, front: list[Para]) -> None:
        for p in front:
            t = p.text
            if self.result.issue_no is None:
                m = ISSUE_RE.search(t)
                if m:
                    self.result.issue_no = squeeze(m.group(0)).replace("（", "(").replace("）", ")")
            if self.result.published is None and (p.tlike or p.kind in ("meta", "section") or len(p.text) <= 40):
                self.result.published = ev.find_date(t)
            if not self.result.issuer and p.kind not in ("header", "section", "table") and _ISSUER_LINE.search(t):
                self.result.issuer = t
            if not self.result.publication and p.kind not in ("header", "section", "table"):
                yearbook = ev.YEARBOOK_HEAD.match(t)
                if yearbook:
                    name = yearbook.group("pub")  # a yearbook page's running head: the yearbook is the container
                elif p.kind == "meta":
                    name = ev.name_date(t)
                else:
                    name = ev.masthead_name(t) if (p.tlike or ev.is_masthead_like(t)) else ""
                if name and not ISSUE_RE.fullmatch(t):
                    self.result.publication = name

    def _finish(self, articles: list[tuple[ParsedArticle, dict[str, object]]]) -> None:
        if not self.result.publication:
            editors = Counter(m.group("pub") for ln in self.lines for m in EDITOR_RE.finditer(ln.text))
            if editors:
                self.result.publication = editors.most_common(1)[0][0].strip()
        news = 0
        for art, facts in articles:
            art.paragraphs = [
                p for p in (p if ev.is_table(p) else squeeze_para(p) for p in art.paragraphs) if p.strip()
            ]
            if not art.title or not any(not ev.is_title_like(p, width(p)) for p in art.paragraphs):
                self.result.dropped.append(art.title)
                continue
            d = facts.get("date")
            art.published = d if isinstance(d, date) else None
            first = art.paragraphs[0]
            outlet = facts.get("outlet") or facts.get("end_outlet") or ""
            if not outlet:
                outlet = ev.lead_outlet(first) or ("本报" if first.startswith("本报") else "")
            if ev.starts_news(first) or (facts.get("end_outlet") and "来源" not in art.paragraphs[-1][-16:]):
                news += 1  # a dateline or a paper's end mark `(新京报)`: a news page
            art.outlet = str(outlet)
            self.result.articles.append(art)
        if self.result.articles and news * 2 > len(self.result.articles):
            self.result.layout = "newspaper"
        if len(self.result.articles) == 1:
            # a single release or story: its own source line and date are the container's
            only = self.result.articles[0]
            if not self.result.publication:
                self.result.publication = ev.issuer(only.outlet) if only.outlet != "本报" else ""
            if self.result.published is None:
                self.result.published = only.published
