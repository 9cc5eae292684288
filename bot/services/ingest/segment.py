"""Layout detection and article segmentation.

Two specialised layouts are recognised, and everything else is read by a layout-general parser:

* **bulletin issues** (《电子商务动态》 style): optional cover + table of contents, sections `【行业资讯】`, each article a
  title, paragraphs and a trailer `来源:<outlet> 编选:《…》编辑部 YYYY 年 MM 月 DD 日` (glued to the last paragraph
  or missing). Lines may be one paragraph each (with page-break fragments) or hard-wrapped at ~40 characters with
  two-line titles and page footers in the flow.
* **newspaper pages** (中国贸易报 style): narrow columns wrapped mid-word; headlines and bylines (`■ 本报记者 …`)
  usually come *after* the body; `本报讯` / `据新华社消息` start articles; some pages collect all headlines at the
  end, which are then matched to the bodies by character-bigram overlap.

* **general** (any other layout: digests with dated headers `【2024.08.02】标题`, numbered statistics digests with
  `发布日期` lines and indicator tables, plain newspaper pages, datelined wire stories, contents lists, hard-wrapped
  reports): article boundaries come from scored line evidence (`evidence.py`), each article's date from its own
  header, meta line, dateline or trailer, and the container's masthead gives its name and date (never a title).

The output is a `ParsedBulletin`: publication, issue, date and `ParsedArticle`s (title, section, outlet, date,
paragraphs). Nothing here touches the database.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from bot.services.ingest import evidence as ev
from bot.services.ingest.normalise import (
    clean_line,
    ends_paragraph,
    fold,
    is_address,
    is_footer,
    is_toc_line,
    join_lines,
    join_pair,
    squeeze,
    strip_quotes,
    toc_title,
    width,
)
from bot.services.ingest.readers import RawDocument


@dataclass(slots=True)
class ParsedArticle:
    title: str
    section: str = ""
    outlet: str = ""
    published: date | None = None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(slots=True)
class ParsedBulletin:
    layout: str  # bulletin | newspaper
    publication: str = ""
    issue_no: str | None = None
    published: date | None = None
    articles: list[ParsedArticle] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # what was recognised as non-article (ads, captions)


# ------------------------------------------------------------------------------------------------ patterns

_DATE = r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
TRAILER_RE = re.compile(
    r"[(（]?\s*来\s*源\s*[:：]\s*(?P<outlet>[^\n]{0,60}?)\s*"
    r"(?:编\s*选\s*[:：]\s*(?P<editor>[^\n]{0,40}?)\s*)?" + _DATE + r"\s*[)）]?\s*$"
)
SECTION_RE = re.compile(r"^[【\[〖](?P<name>[^】\]〗]{2,12})[】\]〗]$")
ISSUE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*第\s*(?P<n>\d{1,4})\s*期(?:\s*[(（]\s*总\s*第?\s*(?P<t>\d{1,5})\s*期\s*[)）])?"
)
DATE_RE = re.compile(_DATE)
EDITOR_RE = re.compile(r"编\s*选\s*[:：]\s*《(?P<pub>[^》]{2,20})》")
PAPER_RE = re.compile(r"《(?P<pub>[^》]{2,10}报)》\s*记者")
BYLINE_RE = re.compile(r"^(?:[■□◆●▲]\s*\S.{0,30}|(?:本报|特约)?记者\s*\S{2,4}(?:\s+\S{2,4}){0,3}|通讯员\s*\S{2,4})$")
CREDIT_RE = re.compile(
    r"^(?:\S{0,8}记者|摄影|图/|图：|图:)?\s*\S{2,4}(?:\s+\S{2,4}){0,2}\s*摄$|^\S{0,8}记者\s*\S{2,4}\s*摄\s*$"
)
NEWS_START_RE = re.compile(
    r"^(?:本报讯|本报[^\s，,。]{0,6}电|据新华社消息|新华社[^\s，,。]{0,8}电|据\S{2,8}消息|【[^】]{2,10}】)"
)
SOURCE_PAREN_RE = re.compile(r"[(（]\s*来\s*源\s*[:：]\s*(?P<outlet>.+?)\s*[)）]$")
AUTHOR_PAREN_RE = re.compile(r"[(（]\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,2}\s*[)）]$")
AD_RE = re.compile(r"内容简介|^本书|ISBN|定\s*价\s*[:：]|作者简介|出版社")
SECTION_NAMES_AD = ("悦读", "书讯", "新书", "荐书", "读书")

TITLE_MAX_WIDTH = 120


def _to_date(m: re.Match[str]) -> date | None:
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def clean_outlet(raw: str, publication: str = "") -> str:
    text = re.sub(r"编\s*辑\s*部$", "", squeeze(raw))
    text = strip_quotes(text)
    text = re.sub(r"编\s*辑\s*部$", "", text).strip()
    return text


# ------------------------------------------------------------------------------------------------ layout


@dataclass(slots=True)
class _Line:
    text: str  # cleaned
    raw: str
    heading: int
    blank: bool
    width: int


def _prepare(doc: RawDocument) -> list[_Line]:
    out = []
    for line in doc.lines:
        text = clean_line(line.text)
        out.append(_Line(text, line.text, line.heading if text else 0, not text, width(text)))
    return out


def _wrap_width(lines: list[_Line]) -> tuple[bool, int]:
    """(hard-wrapped?, wrap width). Wrapped text has most lines within a few columns of the same width."""
    widths = sorted(ln.width for ln in lines if not ln.blank and "|" not in ln.text)
    if len(widths) < 8:
        return False, 0
    p80 = widths[int(len(widths) * 0.8)]
    near = sum(1 for w in widths if p80 - 8 <= w <= p80 + 2) / len(widths)
    return (near >= 0.4 and p80 <= 140), p80


def _wrap_len(lines: list[_Line]) -> tuple[bool, int]:
    """Like `_wrap_width` but counting characters: text wrapped every N characters whatever their width (digits
    and ASCII punctuation make display widths of full lines vary by more than `_wrap_width` allows)."""
    # short lines (page numbers, heads, titles, a paragraph's last line) say nothing about the wrap
    lens = sorted(
        n
        for ln in lines
        if not ln.blank and "|" not in ln.text and (n := _raw_len(ln)) >= 8 and not is_footer(ln.text)
    )
    if len(lens) < 8:
        return False, 0
    p80 = lens[int(len(lens) * 0.8)]
    near = sum(1 for n in lens if p80 - 3 <= n <= p80 + 1)
    over = sum(1 for n in lens if n > p80 + 1)  # a hard wrap is a ceiling: (almost) no line is longer
    return (near >= 4 and near / len(lens) >= 0.3 and over * 10 <= len(lens) and 10 <= p80 <= 70), p80


def _raw_len(ln: _Line) -> int:
    """Characters on the line as printed, a paragraph's indent included (the wrap counted it)."""
    return len(ln.raw.rstrip().lstrip("\ufeff")) if ln.raw[:1] in (" ", "\u3000") else len(ln.text)


def _trailer_count(lines: list[_Line]) -> int:
    """`来源：… 2020年7月31日` lines closing a story (after its text), not meta lines right under a title."""
    count = 0
    prev = ""
    for ln in lines:
        if ln.blank:
            continue
        if TRAILER_RE.search(ln.text) and not (prev and ev.is_title_like(prev, width(prev))):
            count += 1
        prev = ln.text
    return count


def detect_layout(lines: list[_Line]) -> str:
    """`bulletin` (trailer-closed issues), `newspaper` (narrow hard-wrapped columns) or `general` (the rest:
    segmented from scored line evidence)."""
    texts = [ln.text for ln in lines if not ln.blank]
    trailers = _trailer_count(lines)
    sections = sum(1 for t in texts if SECTION_RE.match(t))
    if trailers >= 2 or (sections and trailers):
        return "bulletin"
    headers = sum(1 for t in texts if ev.HEADER_DATE_RE.match(t) or (ev.META_FIELD_RE.match(t) and ev.is_meta(t)))
    if headers >= 2 or _titled_release(texts[:6]):
        return "general"
    if _heads_over_datelines(lines) >= 2:
        return "general"  # headlines right above datelined stories: titles above bodies, however narrow
    wrapped, w = _wrap_width(lines)
    news_marks = sum(1 for t in texts if BYLINE_RE.match(t) or NEWS_START_RE.match(t) or "本报记者" in t[:12])
    if news_marks and (wrapped and w <= 48):
        return "newspaper"
    if wrapped and w <= 40:
        return "newspaper"
    return "general"


def _heads_over_datelines(lines: list[_Line]) -> int:
    """Story openings (`新华社北京8月7日电…`) right under a line that is no paragraph end (a headline, wrapped or
    not): pages that print headlines above their stories, even without blank lines between them."""
    count = 0
    prev: _Line | None = None
    for ln in lines:
        if ln.blank:
            prev = None
            continue
        if is_footer(ln.text):
            continue
        if prev is not None and ev.starts_news(ln.text) and not _ends_para(prev.text):
            if not BYLINE_RE.match(prev.text) and not ev.is_meta(prev.text):
                count += 1
        prev = ln
    return count


def _titled_release(head: list[str]) -> bool:
    """Does the document open with a title over a meta line (`…统计公报` / `国家邮政局　2023年5月26日`)? Then it is a
    release, however narrow its hard wrap, not a newspaper column."""
    for a, b in itertools.pairwise(head):
        if ev.is_title_like(a, width(a)) and not ev.is_masthead_like(a) and ev.is_meta(b):
            return True
    return False


def parse_document(doc: RawDocument, *, published: date | None = None) -> ParsedBulletin:
    lines = _prepare(doc)
    layout = detect_layout(lines)
    if layout == "general" and doc.has_styles and any(ln.heading for ln in lines):
        layout = "bulletin"  # heading styles mark the titles: the bulletin parser reads them
    if layout == "newspaper" and not _NewspaperParser(lines).headlines_after():
        layout = "general"
    if layout == "newspaper":
        result = _NewspaperParser(lines).parse()
    elif layout == "general":
        result = _GeneralParser(lines, published=published).parse()
    else:
        result = _BulletinParser(lines, has_styles=doc.has_styles).parse()
    if result.published is None:
        result.published = published
        if result.published is None and layout == "bulletin":
            # no cover date: an issue is compiled right after its newest item
            dates = [a.published for a in result.articles if a.published]
            result.published = max(dates) if dates else None
    reference = result.published or published  # the year of a `3月22日电` dateline
    for art in result.articles:
        # the dateline opens the story, under any subtitle (`——…`) or kicker line kept above it
        for para in art.paragraphs[:3] if art.published is None else ():
            dl = ev.dateline(para)
            if dl is not None:
                art.published = ev.month_day(reference, dl[1], dl[2])
                break
            if not (para.startswith(("—", "－－", "--")) or ev.is_title_like(para, width(para))):
                break
        if art.published is None:
            art.published = result.published
    return result


# ------------------------------------------------------------------------------------------------ bulletin


class _BulletinParser:
    def __init__(self, lines: list[_Line], *, has_styles: bool) -> None:
        self.lines = lines
        self.has_styles = has_styles and any(ln.heading for ln in lines)
        self.wrapped, self.W = _wrap_width(lines)
        self.full = (self.W - 8) if self.wrapped else 60
        self.result = ParsedBulletin(layout="bulletin")
        self.toc: set[str] = set()
        self.section = ""
        self.article: ParsedArticle | None = None
        self.pending_title: list[str] = []
        self.expect_title = True
        self.articles: list[ParsedArticle] = []

    # -- front matter -------------------------------------------------------------------------------------
    def _front_matter(self) -> int:
        """Parse cover / TOC metadata; return the index where the article flow starts."""
        first_section = next((i for i, ln in enumerate(self.lines) if SECTION_RE.match(ln.text)), None)
        head_end = first_section if first_section is not None else 0
        scan = self.lines[: max(head_end, 60)]
        for ln in scan[:80]:
            m = ISSUE_RE.search(ln.text)
            if m and self.result.issue_no is None:
                self.result.issue_no = squeeze(m.group(0)).replace("（", "(").replace("）", ")")
                d = DATE_RE.search(ln.text, m.end())
                if d:
                    self.result.published = _to_date(d)
        front = self.lines[:head_end]
        for ln in front:
            if is_toc_line(ln.raw):
                title = toc_title(ln.raw)
                if len(title) >= 6:
                    self.toc.add(fold(title))
            if self.result.published is None and self.result.issue_no:
                d = DATE_RE.search(ln.text)
                if d:
                    self.result.published = _to_date(d)
        if first_section is None:
            # no sections: skip leading cover/TOC lines (issue line, TOC entries, short lines before the 1st title)
            i = 0
            while i < len(self.lines) and (
                self.lines[i].blank
                or is_toc_line(self.lines[i].raw)
                or ISSUE_RE.search(self.lines[i].text)
                or is_address(self.lines[i].text)
                or self._masthead_at(i)
            ):
                i += 1
            return i
        return first_section

    def _masthead_at(self, i: int) -> bool:
        """The container's name over its issue or date line (`电子商务信息摘编` / `2024年第8期`): front matter."""
        t = self.lines[i].text
        nxt = next((ln.text for ln in self.lines[i + 1 : i + 3] if not ln.blank), "")
        if not (ev.is_masthead_like(t) and nxt and (ISSUE_RE.search(nxt) or ev.DATE_LINE_RE.match(nxt))):
            return False
        name = ev.masthead_name(t)
        if name and not self.result.publication:
            self.result.publication = name
        return True

    def _publication(self, text_lines: list[str]) -> None:
        if self.result.publication:
            return
        editors = Counter(m.group("pub") for t in text_lines for m in EDITOR_RE.finditer(t))
        if editors:
            self.result.publication = editors.most_common(1)[0][0].strip()
            return
        for t in text_lines[:40]:
            if re.fullmatch(r"[\u4e00-\u9fff]{2,12}(动态|简报|周刊|月刊|快讯|参考|通讯|资讯)", t):
                self.result.publication = t
                return

    # -- article flow -------------------------------------------------------------------------------------
    def _close(self, trailer: re.Match[str] | None = None) -> None:
        art = self.article
        if self.pending_title and art is None:
            art = ParsedArticle(title=self._title_text(self.pending_title), section=self.section)
        self.pending_title = []
        if art is not None:
            if trailer is not None:
                art.outlet = clean_outlet(trailer.group("outlet"))
                art.published = _to_date(trailer)
            if art.title:
                self.articles.append(art)
        self.article = None
        self.expect_title = True

    def _title_text(self, parts: list[str]) -> str:
        return _clean_title(join_lines(parts))  # list numbering (`（二）`) is no part of a title

    def _is_title_like(self, ln: _Line) -> bool:
        if self.has_styles:
            return ln.heading == 1
        t = ln.text
        if ends_paragraph(t) or ln.width > TITLE_MAX_WIDTH or "。" in t:
            return False
        if self.wrapped and ln.width >= self.full:
            return False
        return True

    def _start_article(self) -> None:
        self.article = ParsedArticle(title=self._title_text(self.pending_title), section=self.section)
        self.pending_title = []
        self.expect_title = False

    def _add_body(self, text: str, *, join: bool) -> None:
        if self.article is None:
            if not self.pending_title:
                return  # stray text before any title (cover remnants)
            self._start_article()
        assert self.article is not None
        if join and self.article.paragraphs:
            self.article.paragraphs[-1] = join_pair(self.article.paragraphs[-1], text, left_had_space=self._had_space)
        else:
            self.article.paragraphs.append(text)

    def parse(self) -> ParsedBulletin:
        start = self._front_matter()
        self._publication([ln.text for ln in self.lines if not ln.blank])
        self._had_space = False
        prev: _Line | None = None  # previous body line (for joining)
        for ln in self.lines[start:]:
            if ln.blank:
                continue
            t = ln.text
            sec = SECTION_RE.match(t)
            if sec:
                self._close()
                self.section = squeeze(sec.group("name"))
                prev = None
                continue
            if is_footer(t) or (is_address(t) and len(t) < 80):
                continue
            tm = TRAILER_RE.search(t)
            if tm:
                before = t[: tm.start()].strip()
                if before:
                    self._body_line(before, ln, prev)
                self._close(tm)
                prev = None
                continue
            if self.expect_title:
                if not self.pending_title:
                    if self.has_styles and ln.heading == 0 and not self._is_title_like(ln):
                        # styled file without a heading here: treat as continuation of nothing → skip stray text
                        pass
                    self.pending_title = [t]
                    self._had_space = ln.raw != ln.raw.rstrip()
                    continue
                # a second title line: wrapped (or styled) titles span two lines
                if (self.wrapped or self.has_styles) and len(self.pending_title) < 3 and self._is_title_like(ln):
                    if not self.has_styles or ln.heading:
                        self.pending_title.append(t)
                        continue
                self._start_article()
                self._body_line(t, ln, None)
                prev = ln
                continue
            # in the body: a heading line (styled files) or a TOC title starts a new article (trailer missing)
            if (self.has_styles and ln.heading == 1) or (
                fold(t) in self.toc and self._is_title_like(ln) and self.article and self.article.paragraphs
            ):
                self._close()
                self.pending_title = [t]
                prev = None
                continue
            self._body_line(t, ln, prev)
            prev = ln
        self._close()
        self._finish()
        return self.result

    def _body_line(self, text: str, ln: _Line, prev: _Line | None) -> None:
        if ev.is_table(text):  # indicator-table rows stay exactly as written (cells, full-width spaces)
            text = ln.raw.replace("\ufeff", "").replace("\u200b", "").strip()
        join = prev is not None and not ends_paragraph(prev.text) and prev.width >= self.full
        if join and prev is not None and (ev.is_table(text) or ev.is_table(prev.text)):
            join = False  # indicator-table rows stay lines of their own
        if self.has_styles and prev is not None and prev.heading != ln.heading:
            join = False
        self._add_body(text, join=join)
        self._had_space = ln.raw != ln.raw.rstrip()

    def _finish(self) -> None:
        kept = []
        for art in self.articles:
            art.paragraphs = [p for p in (p if ev.is_table(p) else squeeze_para(p) for p in art.paragraphs) if p]
            if _is_ad(art) or any(k in art.section for k in SECTION_NAMES_AD) and _is_ad(art, loose=True):
                self.result.dropped.append(art.title)
                continue
            if not art.paragraphs:
                self.result.dropped.append(art.title)
                continue
            if not art.outlet:
                art.outlet = ""
            kept.append(art)
        if self.result.publication:
            for art in kept:
                if fold(art.outlet) == fold(self.result.publication):
                    art.outlet = self.result.publication
        self.result.articles = kept


def squeeze_para(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _is_ad(art: ParsedArticle, *, loose: bool = False) -> bool:
    head = " ".join([art.title, *art.paragraphs[:2]])
    if AD_RE.search(head):
        return True
    return loose and any(p.startswith("本书") for p in art.paragraphs)


# ------------------------------------------------------------------------------------------------ newspaper


@dataclass(slots=True)
class _Item:
    kind: str  # body | head | byline | credit
    lines: list[str]
    text: str = ""
    open_end: bool = False  # body paragraph whose last line is full-width and not terminal (column break)


class _NewspaperParser:
    def __init__(self, lines: list[_Line]) -> None:
        self.lines = list(lines)
        _, self.W = _wrap_width(lines)
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

    def _blocks(self) -> list[list[_Line]]:
        blocks: list[list[_Line]] = []
        cur: list[_Line] = []
        for ln in self.lines:
            if ln.blank:
                if cur:
                    blocks.append(cur)
                    cur = []
                continue
            if is_footer(ln.text):
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
        for b, block in enumerate(blocks):
            after = blocks[b + 1][0] if b + 1 < len(blocks) else None
            # split bylines / photo credits out of the block
            groups: list[tuple[str, list[_Line]]] = []
            cur: list[_Line] = []
            for ln in block:
                kind = "credit" if CREDIT_RE.match(ln.text) else "byline" if BYLINE_RE.match(ln.text) else ""
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
                elif tail_page and _tail_lines(cur) == 2:  # a two-line headline under its story
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
                if self._is_head_block(group):
                    items.append(_Item("head", [g.text for g in group], squeeze(join_lines([g.text for g in group]))))
                    continue
                local_max = max(g.width for g in group)
                full = (min(local_max, self.W) - 6) if len(group) > 1 else full_global
                para: list[_Line] = []
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

    def _is_head_block(self, group: list[_Line]) -> bool:
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
            self.lines[k] = _Line("", ln.raw, 0, True, 0)

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
                if ends_with_attribution() or starts_news or not cur["paras"]:
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
                title_text = _fallback_title(a["paras"][0])
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


def _tail_lines(block: list[_Line]) -> int:
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


_BOX_RE = re.compile(r"^(?:相关链接|新闻链接|链接|背景链接|延伸阅读|小贴士|记者手记|短评)(?:\s|[:：])")


def _opens_story(ln: _Line) -> bool:
    """Does this line open a new story (a dateline, an indented first line, a boxed item) rather than continue
    a sentence broken by a column gap?"""
    return bool(
        ev.starts_news(ln.text)
        or NEWS_START_RE.match(ln.text)
        or _BOX_RE.match(ln.text)
        or ln.raw[:1] in ("\u3000",)
        or ln.raw.startswith("  ")
    )


def _echoes(head: str, title: str) -> bool:
    """Is a running head a shortened form of the document's title (`互联网发展状况统计报告` over
    `第53次《中国互联网络发展状况统计报告》…`): nearly all its characters, in order, inside the title."""
    if len(head) < 4:
        return False
    blocks = difflib.SequenceMatcher(None, head, title, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= 0.85 * len(head)


def _bigram_list(s: str) -> list[str]:
    return [s[i : i + 2] for i in range(len(s) - 1)]


def _bigrams(s: str) -> set[str]:
    return set(_bigram_list(s))


def _fallback_title(first_para: str) -> str:
    text = NEWS_START_RE.sub("", first_para).strip()
    cut = re.split(r"[。！？；]", text, maxsplit=1)[0]
    return cut[:40]


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


# ------------------------------------------------------------------------------------------------ general


@dataclass(slots=True)
class _Para:
    """A paragraph of a layout-general document: one line, or hard-wrapped lines joined."""

    text: str
    width: int
    gap: int  # blank lines before it
    heading: int
    last_width: int
    kind: str = "body"  # body | table | meta | header | section | end | toc | furniture
    tlike: bool = False
    indent: bool = False  # the line is indented (as body paragraphs of many pages are, titles not)
    nlines: int = 1
    last_len: int = 0  # characters in its last line
    hdate: date | None = None  # the date of a `【2024.08.02】` header
    hmd: tuple[int, int] | None = None  # month and day of a `【08.02】` header
    htitle: str = ""  # a header's title text (its date or tag removed)
    htag: str = ""  # the tag of a `【人民网】标题` header


_PROSE_RE = re.compile(r"[，,。、；;]")
_HEAD_PAGE_RE = re.compile(
    r"^(?:(?P<a>[^\d\s][^\d]{1,30}?)\s+(?:第\s*)?\d{1,3}\s*页?|(?:第\s*)?\d{1,3}\s*页?\s+(?P<b>[^\d\s][^\d]{1,30}))$"
)
_INDENTS = (" ", "\u3000", "\t")
_KICKER_PUNCT_RE = re.compile(r"[：:，,“”\"'‘’!！?？]")
_HEADER_OPENERS = frozenset("【[〖［(（0123456789")
_TOC_HEAD_RE = re.compile(r"^(?:目\s*录|本期要目|本期目录|本期导读|要\s*目|内容提要|CONTENTS)$", re.IGNORECASE)


class _GeneralParser:
    """Articles from scored line evidence, for any layout the two specialised parsers above do not claim.

    Every paragraph is classified (table row, meta line, dated header, section, end mark, title-like, body); a
    title-like paragraph starts an article on *strong* evidence (a dated header `【2024.08.02】…`, a meta line
    `发布日期`/`来源` or a dateline `新华社北京1月22日电` right under it, a table-of-contents entry) or, in documents
    that have such evidence, when the story before it has ended (an end mark `(新京报)`, a trailer, a wider blank
    gap). Title-like lines elsewhere are sub-heads and stay in the article. Documents without any strong evidence
    fall back to "every title-like line followed by body text starts an article". Lines before the first article
    are the container's front matter: its masthead (publication), issue and date, never an article title."""

    def __init__(self, lines: list[_Line], *, published: date | None = None) -> None:
        self.lines = lines
        self.published = published
        self.wrapped, self.W = _wrap_width(lines)
        if self.wrapped:  # hard-wrapped prose: the full-width lines are sentences, not a column of short titles
            near = [ln.text for ln in lines if not ln.blank and self.W - 8 <= ln.width <= self.W + 2]
            self.wrapped = sum(1 for t in near if _PROSE_RE.search(t)) * 2 >= len(near)
        self.full = (self.W - 8) if self.wrapped else 10**6
        self.full_len = 10**6  # wrapped every N characters (digits, ASCII punctuation): full lines by count
        by_len, n = _wrap_len(lines)
        if by_len and not self.wrapped:
            near = [ln.text for ln in lines if not ln.blank and n - 3 <= _raw_len(ln) <= n + 1]
            if sum(1 for t in near if _PROSE_RE.search(t)) * 2 >= len(near):
                self.wrapped, self.full_len = True, n - 1
        self.result = ParsedBulletin(layout="bulletin")
        self.toc: set[str] = set()
        # pages that indent paragraph openings (and only those): an indented line starts a paragraph
        texts = [ln for ln in lines if not ln.blank]
        self.indents = 0 < sum(1 for ln in texts if ln.raw[:1] in _INDENTS) * 2 < len(texts)

    def reference(self) -> date | None:
        """The date whose year completes a month-and-day date: the bulletin's, else `--published`."""
        return self.result.published or self.published

    # -- paragraphs ---------------------------------------------------------------------------------------
    def _paragraphs(self) -> list[_Para]:
        paras: list[_Para] = []
        gap = 0
        cur: _Para | None = None
        cur_last = ""
        furniture = self._page_furniture()
        # short lines printed more than once (running heads without a page number: `2024年1月17日　国家统计局`)
        counts = Counter(ln.text for ln in self.lines if not ln.blank and len(ln.text) <= 40)
        repeated = {t for t, c in counts.items() if c >= 2}
        in_break = False  # between the last text line of a page and the first of the next
        broke = False  # page furniture came between the previous text line and this one
        for k, ln in enumerate(self.lines):
            if ln.blank:
                gap += 0 if in_break else 1  # blanks around a page number are no paragraph break
                continue
            t = ln.text
            if k in furniture:
                in_break = broke = True
                continue
            if (
                t in repeated
                and self.wrapped
                and cur is not None
                and cur.kind == "body"
                and gap == 0
                and (cur.last_width >= self.full or cur.last_len >= self.full_len)
                and not _ends_para(cur_last)
            ):
                broke = True  # a repeated line cutting a sentence in two: a running head at a page top
                continue
            in_break = False
            page_break, broke = broke, False
            if is_toc_line(ln.raw) and not ev.is_table(t) or _TOC_HEAD_RE.match(t):
                title = toc_title(ln.raw)
                if len(title) >= 4 and not _TOC_HEAD_RE.match(t):
                    self.toc.add(_title_key(title))
                gap = 0
                continue
            if (
                cur is not None
                and self.wrapped
                and (gap == 0 or (gap == 1 and (cur.nlines >= 2 or page_break)))
                and (cur.kind == "body" or (cur.kind == "header" and gap == 0))  # a header's title wraps too
                and (cur.last_width >= self.full or cur.last_len >= self.full_len)
                and not _ends_para(cur_last)
                and not ev.is_table(t)
                and not self._starts_block(t)
                and not (self.indents and ln.raw[:1] in _INDENTS)
            ):
                cur.text = join_pair(cur.text, t, left_had_space=cur_last != cur_last.rstrip())
                cur.width = width(cur.text)
                cur.last_width = ln.width
                cur.last_len = _raw_len(ln)
                cur.nlines += 1
                if cur.width <= 200:  # a wrapped title is judged whole (its first line may end `，` or `1.`)
                    cur.kind, cur.tlike = "body", False
                    self._classify(cur)
                cur_last = ln.raw
                gap = 0
                continue
            if ev.is_table(t):  # indicator-table rows stay exactly as written (cells, full-width spaces)
                t = ln.raw.replace("\ufeff", "").replace("\u200b", "").strip("\r\n").rstrip()
            tm = TRAILER_RE.search(t) if "源" in t else None
            if tm and t[: tm.start()].strip() and not ev.is_table(t):  # a trailer glued to the last paragraph
                body = _Para(t[: tm.start()].strip(), width(t[: tm.start()].strip()), gap, ln.heading, ln.width)
                self._classify(body)
                paras.append(body)
                t, gap = t[tm.start() :], 0
            cur = _Para(t, width(t), gap, ln.heading, ln.width)
            cur.last_len = _raw_len(ln)
            cur.indent = ln.raw[:1] in (" ", "\u3000", "\t")
            self._classify(cur)
            cur_last = ln.raw
            paras.append(cur)
            gap = 0
        tagged = [p for p in paras if p.htag]
        for p in tagged:  # `【人民网】标题` lines are headers when the page has several of them
            if len(tagged) >= 2:
                p.kind, p.tlike = "header", False
            else:
                p.htag = p.htitle = ""
        return paras

    def _page_furniture(self) -> set[int]:
        """Indices of page numbers (`— 1 —`) and of the running heads beside them (a title-like line next to a page
        number that recurs or echoes the document's title): not text, and no paragraph break either."""
        texts = [ln.text for ln in self.lines if not ln.blank]
        seen = Counter(texts)
        doc_title = fold(texts[0]) if texts else ""
        long_title = fold("".join(texts[:3]))  # a title wrapped over up to three lines
        out: set[int] = set()
        content = [k for k, ln in enumerate(self.lines) if not ln.blank]
        # running heads carrying the page number (`电商数据札记　2`, `3  某某周报`): the same name on several pages,
        # or the masthead's name
        named: dict[str, list[int]] = {}
        for k in content:
            m = _HEAD_PAGE_RE.match(self.lines[k].text)
            if m and len(self.lines[k].text) <= 40:
                named.setdefault(fold(m.group("a") or m.group("b")), []).append(k)
        folded = {fold(t) for t in texts[:6]}
        for key, ks in named.items():
            if len(key) >= 2 and (len(ks) >= 2 or key in folded):
                out.update(ks)
        for pos, k in enumerate(content):
            if not is_footer(self.lines[k].text):
                continue
            out.add(k)
            for near in (pos - 1, pos + 1):
                if 0 < near < len(content) and near != 0:
                    ln = self.lines[content[near]]
                    if ev.is_title_like(ln.text, ln.width) and (
                        seen[ln.text] >= 2
                        or difflib.SequenceMatcher(None, fold(ln.text), doc_title).ratio() >= 0.8
                        or _echoes(fold(ln.text), long_title)
                    ):
                        out.add(content[near])
        return out

    @staticmethod
    def _starts_block(t: str) -> bool:
        return bool(ev.HEADER_DATE_RE.match(t) or ev.is_meta(t) or SECTION_RE.match(t) or ev.starts_news(t))

    def _classify(self, p: _Para) -> None:
        t = p.text
        if ev.is_table(t):
            p.kind = "table"
            return
        if p.width > 180 and t[0] not in _HEADER_OPENERS:
            return  # a long paragraph: too long for a title, a meta line or a header (the common case, kept fast)
        hd = ev.header_date(t)
        if hd is not None:
            p.kind, p.hdate, p.htitle = "header", hd[0], hd[1]
            return
        md = ev.md_header(t)
        if md is not None:
            p.kind, p.hmd, p.htitle = "header", md[:2], md[2]
            return
        tag = ev.tag_header(t)
        if tag is not None and ev.is_title_like(tag[1], width(tag[1])):
            p.htag, p.htitle = tag  # a header if the page uses them consistently (see _paragraphs)
        if SECTION_RE.match(t):
            p.kind = "section"
            return
        if ev.is_meta(t) or (len(t) < 90 and "源" in t and "。" not in t and TRAILER_RE.search(t)):
            p.kind = "meta"
            return
        if ev.END_LINE_RE.match(t) or ev.SEPARATOR_RE.match(t):
            p.kind = "end"
            return
        if is_address(t) and len(t) < 80:
            p.kind = "furniture"
            return
        p.tlike = ev.is_title_like(t, p.width)

    def _join_title_lines(self, paras: list[_Para]) -> list[_Para]:
        """A headline printed over two lines is one title: a line ending with its colon (`…超10万亿元：` over
        `实物商品…增长7.9%`), or a title line filling the wrap width (or, unwrapped, a long plain one) over a shorter
        rest. A kicker over a headline (`快手副总裁：短视频渗透率已超94%` over `让直播电商“热”到海外`) is a statement
        of its own: shorter than the column, or punctuated."""
        out: list[_Para] = []
        for p in paras:
            prev = out[-1] if out else None
            if (
                prev is not None
                and p.gap == 0
                and p.tlike
                and prev.kind == "body"
                and prev.nlines == 1
                and not p.text.startswith(("—", "－", "-", "【", "[", "(", "（"))
                and not ev.NUMBERED_RE.match(p.text)
                and not ev.is_masthead_like(prev.text)
                and not ev.is_masthead_like(p.text)
                and prev.width + p.width <= TITLE_MAX_WIDTH
            ):
                colon = (
                    not prev.tlike
                    and prev.text[-1] in "：:"
                    and not _PROSE_RE.search(prev.text)
                    and ev.is_title_like(prev.text[:-1], prev.width - 1)
                )
                full = (self.wrapped and (prev.width >= self.full or len(prev.text) >= self.full_len)) or (
                    prev.width >= 36 and not _KICKER_PUNCT_RE.search(prev.text)
                )
                wrapped = prev.tlike and full and prev.width >= p.width + 8
                if colon or wrapped:
                    text = prev.text + p.text
                    merged = _Para(text, width(text), prev.gap, prev.heading, p.last_width)
                    merged.indent, merged.kind, merged.tlike = prev.indent, "body", True
                    out[-1] = merged
                    continue
            out.append(p)
        return out

    def _mark_toc(self, paras: list[_Para]) -> None:
        """Title lines listed once up front and again later (a table of contents without page numbers): the
        first listing is furniture, the later occurrences are strong title evidence."""
        later: dict[str, list[int]] = {}
        for i, p in enumerate(paras):
            if p.tlike:
                later.setdefault(_title_key(p.text), []).append(i)
        i = 0
        while i < len(paras):
            run: list[int] = []
            j = i
            while j < len(paras) and paras[j].tlike and len(later.get(_title_key(paras[j].text), [])) >= 2:
                key = _title_key(paras[j].text)
                if later[key][0] != j or key in (_title_key(paras[k].text) for k in run):
                    break
                run.append(j)
                j += 1
            if len(run) >= 2:
                for k in run:
                    paras[k].kind = "toc"
                    paras[k].tlike = False
                    self.toc.add(_title_key(paras[k].text))
                i = j
            else:
                i += 1

    # -- evidence -----------------------------------------------------------------------------------------
    def _starts(self, paras: list[_Para]) -> set[int]:
        n = len(paras)
        gaps = sorted(p.gap for p in paras[1:] if p.kind == "body") or [0]
        typical = gaps[len(gaps) // 2]

        def nxt(i: int) -> _Para | None:
            return paras[i + 1] if i + 1 < n else None

        def body_next(i: int) -> bool:
            q = nxt(i)
            return q is not None and (q.kind in ("body", "table", "meta") and not q.tlike)

        last_body = max((k for k, r in enumerate(paras) if r.kind in ("body", "table") and not r.tlike), default=-1)

        def strong(i: int) -> bool:
            p = paras[i]
            if p.kind == "header":
                return True
            if not p.tlike:
                return False
            q = nxt(i)
            if self.toc and _title_key(p.text) in self.toc:
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
            return q.kind == "body" and not q.tlike and ev.starts_news(q.text)

        def ended(i: int) -> bool:
            if i == 0:
                return False
            prev = paras[i - 1]
            if prev.kind in ("end", "section"):
                return True
            if prev.kind == "meta":  # a trailer under body text (not the meta line under a title)
                return i >= 2 and paras[i - 2].kind in ("body", "table") and not paras[i - 2].tlike
            return prev.kind == "body" and ev.ends_article(prev.text)

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

        strong_at = {i for i in range(n) if strong(i)}
        ended_at = {i for i in range(n) if paras[i].tlike and ended(i) and weak_ok(i)}
        starts: set[int] = set(strong_at)
        if strong_at or len(ended_at) >= 2:
            starts |= ended_at
            for i in range(1, n):
                p = paras[i]
                if p.tlike and weak_ok(i) and body_next(i) and p.gap > typical and paras[i - 1].kind != "header":
                    starts.add(i)
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
                        k = i
                        if first_run:
                            # the container's name and date lead the page: masthead-like lines, and lines set
                            # apart by a blank from the title group just above the body
                            while k < j and ev.is_masthead_like(paras[k].text):
                                k += 1
                            last_group = max((m for m in range(k, j + 1) if paras[m].gap > 0), default=k)
                            if not paras[last_group].text.startswith(("—", "－－", "--")):
                                k = last_group
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
        # numbered lines under an unnumbered title are its sections (`一、业务总量`), unless they carry evidence
        ordered = sorted(starts)
        if ordered and not ev.NUMBERED_RE.match(paras[ordered[0]].text):
            for i in ordered[1:]:
                if i not in strong_at and ev.NUMBERED_RE.match(paras[i].text):
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
            if i and paras[i].text.startswith(("—", "－－", "--")) and paras[i - 1].tlike and i - 1 not in starts:
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
        return starts

    @staticmethod
    def _headlines_after(paras: list[_Para]) -> tuple[list[_Para], set[int]] | None:
        """Pages that print each headline *under* its story (the last line of a block, body right above it, a
        blank after it): reordered title-first, with the starts. None for any other page."""
        n = len(paras)

        def body(p: _Para) -> bool:
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
                and len(p.text) >= 30
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
                starts.add(k)
                first = k
                front = paras[:first]
        elif starts and len(front) == 0:
            pass
        self._front_matter(front)
        if not starts:
            # an untitled news story (a dateline, then text): one article named by its first sentence
            lead = next((p for p in paras if p.kind == "body" and not p.tlike), None)
            if lead is None or not ev.starts_news(lead.text):
                return self.result
            opening = ev.DATELINE_RE.sub("", lead.text, count=1)
            opening = re.sub(r"^\s*[（(][^（）()]{1,30}[)）]\s*", "", opening)  # `（记者 …）`
            story = ParsedArticle(title=_fallback_title(opening))
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
                    title = p.htitle
                    facts["date"] = p.hdate or (ev.month_day(self.reference(), *p.hmd) if p.hmd else None)
                    if ev.tag_outlet(p.htag):
                        facts["outlet"] = ev.tag_outlet(p.htag)
                art = ParsedArticle(title=_clean_title(title), section=section, paragraphs=kicker)
                need_title = not art.title
                continue
            if art is None or p.kind in ("toc", "furniture"):
                continue
            if need_title and p.tlike:
                art.title = _clean_title(p.text)
                need_title = False
                continue
            if p.kind == "meta":
                d = ev.find_date(p.text)
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

    def _front_matter(self, front: list[_Para]) -> None:
        for p in front:
            t = p.text
            if self.result.issue_no is None:
                m = ISSUE_RE.search(t)
                if m:
                    self.result.issue_no = squeeze(m.group(0)).replace("（", "(").replace("）", ")")
            if self.result.published is None and (p.tlike or p.kind in ("meta", "section") or len(p.text) <= 40):
                self.result.published = ev.find_date(t)
            if not self.result.publication and p.kind not in ("header", "section", "table"):
                if p.kind == "meta":
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
                self.result.publication = only.outlet if only.outlet != "本报" else ""
            if self.result.published is None:
                self.result.published = only.published


_ASCII_END_RE = re.compile(r"(?:[^\d.\s]\.|[!?;][\"')”]?)\s*$")


def _ends_para(text: str) -> bool:
    """A paragraph end, ASCII punctuation included (`…增长3.3%.`; not a decimal point `增长5` / `.9%`)."""
    return ends_paragraph(text) or bool(_ASCII_END_RE.search(text))


def _title_key(text: str) -> str:
    """Comparison form of a title (TOC entry vs heading): numbering and a contents page number dropped, folded."""
    return fold(_TOC_PAGE_RE.sub("", _clean_title(text)))


_TOC_PAGE_RE = re.compile(r"(?:\s+|[.…·]{2,}\s*)(?:第\s*)?\d{1,3}\s*页?$")


def _clean_title(text: str) -> str:
    t = ev.NUMBERED_RE.sub("", text, count=1) if ev.NUMBERED_RE.match(text) else text
    return squeeze(t)
