"""What the layout parsers share: the output (`ParsedBulletin`, `ParsedArticle`), the input as cleaned `Line`s
(`read_lines`), wrap measurement (`wrap_width`, `wrap_len`: is the text hard-wrapped, at what width), the line
patterns (trailers, sections, issue numbers, bylines, datelines) and small title/outlet/paragraph clean-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.normalise import (
    clean_line,
    ends_paragraph,
    fold,
    is_footer,
    squeeze,
    strip_quotes,
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
    #: the issuing body's line in the front matter (`江苏省商务厅电子商务处　2023年10月30日`): where 全省 is
    issuer: str = ""


# ------------------------------------------------------------------------------------------------ patterns

_DATE = r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
TRAILER_RE = re.compile(
    r"[(（]?\s*来\s*源\s*[:：]\s*(?P<outlet>[^\n]{0,60}?)\s*"
    r"(?:编\s*选\s*[:：]\s*(?P<editor>[^\n]{0,40}?)\s*)?" + _DATE + r"\s*[)）]?\s*$"
)
#: (a bracketed credit line closing a story, `【责任编辑：赵六】`, is no section)
SECTION_RE = re.compile(r"^[【\[〖](?!\s*(?:责任编辑|编辑|责编|审核|校对)\s*[:：])(?P<name>[^】\]〗]{2,12})[】\]〗]$")
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


def to_date(m: re.Match[str]) -> date | None:
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def clean_outlet(raw: str, publication: str = "") -> str:
    text = re.sub(r"编\s*辑\s*部$", "", squeeze(raw))
    text = strip_quotes(text)
    text = re.sub(r"编\s*辑\s*部$", "", text).strip()
    return text


@dataclass(slots=True)
class Line:
    text: str  # cleaned
    raw: str
    heading: int
    blank: bool
    width: int
    web: bool = False  # a blank line that held a web page's controls (`ev.is_web_controls`): web-page evidence


def read_lines(doc: RawDocument) -> list[Line]:
    """The normalised document: every raw line cleaned (`normalise.clean_line`), with its display width and heading
    level (blank lines kept: the parsers read gaps; a line of web-page controls is one, marked `web`: the page's
    evidence of being a web page)."""
    out = []
    for line in doc.lines:
        text = ev.strip_leading_controls(clean_line(line.text))
        web = bool(text) and ev.is_web_controls(text)
        if web:
            text = ""
        out.append(Line(text, line.text, line.heading if text else 0, not text, width(text), web))
    return _aligned_tables(out) if any("  " in ln.text for ln in out) else out


#: a cell of a table set out with spaces (PDF text): words apart by two spaces or more
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
_VALUE_CELL = re.compile(r"^(?:[+-]?\d[\d,]*(?:\.\d+)?|[—–-]+|…+)$")


def _aligned_cells(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a line, in display columns."""
    return [(width(text[: m.start()]), width(text[: m.end()]), m.group()) for m in _ALIGNED_CELL.finditer(text)]


def _aligned_row(cells: list[tuple[int, int, str]]) -> bool:
    """An indicator and two values or more (`社会消费品零售总额      34395      2.5`)."""
    return (
        len(cells) >= 3
        and re.search(r"[\u4e00-\u9fff]", cells[0][2]) is not None
        and all(_VALUE_CELL.match(c[2]) for c in cells[1:])
        and any(re.match(r"^[+-]?\d", c[2]) for c in cells[1:])
    )


def _aligned_tables(lines: list[Line]) -> list[Line]:
    """Tables set out with spaces (as PDF text prints them), rewritten as `|` rows the table reader reads: the
    header cells go over the value columns they stand above (a period over its two columns spans both). A block is
    rewritten only when its rows agree on the columns and every header cell stands over one; else left as it is."""
    # (offsets on the line as printed: cleaning drops the leading spaces that set a header over its columns)
    cells = [None if ln.blank or "|" in ln.text else _aligned_cells(ln.raw.rstrip()) for ln in lines]
    k = 0
    while k < len(lines):
        row = cells[k]
        if row is None or not _aligned_row(row):
            k += 1
            continue
        n = len(row) - 1
        end = k
        while end < len(lines) and cells[end] is not None:
            r = cells[end]
            assert r is not None
            if _aligned_row(r) and len(r) - 1 != n:
                break
            if not _aligned_row(r) and (len(r) != 1 or re.search(r"[。；;，,]", r[0][2])):
                break  # (a section row names only itself: `按经营地分`)
            end += 1
        data = [cells[i] for i in range(k, end) if _aligned_row(cells[i] or [])]
        if len(data) < 2:
            k = end
            continue
        spans = [(min(r[j][0] for r in data if r), max(r[j][1] for r in data if r)) for j in range(1, n + 1)]
        name_end = max(r[0][1] for r in data if r)  # where the indicators' names end
        heads: list[int] = []
        h = k - 1
        while h >= 0 and k - h <= 3 and cells[h] is not None and not re.search(r"[。；;，,]", lines[h].text):
            heads.insert(0, h)
            h -= 1
        header_rows: list[list[str]] = []
        for i in reversed(heads):  # (from the row right above the values up: a caption above ends the header)
            out = [""] * (n + 1)
            placed: list[int | None] = []
            ok = True
            raw = lines[i].raw.rstrip()
            for m in re.finditer(r"\S+", raw):  # word by word: one space may part two column heads
                s0, e0 = width(raw[: m.start()]), width(raw[: m.end()])
                cols = [j for j, (a, b) in enumerate(spans) if s0 < b and e0 > a]
                if cols and s0 < name_end:
                    ok = False  # a line running from the indicators' side over the values: a caption, no header
                elif not cols and e0 <= spans[0][0]:
                    out[0] = out[0] + m.group()
                    placed.append(None)
                elif cols and (not placed or placed[-1] is None or placed[-1] <= cols[0]):
                    sep = "" if out[cols[0] + 1] == "" else " "
                    out[cols[0] + 1] = out[cols[0] + 1] + sep + m.group()
                    placed.append(cols[0])
                else:
                    ok = False
            if not ok or not any(out[1:]) or (out[0] and placed and placed[0] is None and len(out[0]) > 8):
                break  # a caption or a sentence over the table: no header of its columns
            header_rows.insert(0, out)
        heads = heads[len(heads) - len(header_rows) :]
        if not header_rows:
            k = end
            continue
        for i, out in zip(heads, header_rows, strict=True):
            _set_text(lines[i], " | ".join(out) + " |")
        for i in range(k, end):
            r = cells[i] or []
            vals = [c[2] for c in r[1:]] if _aligned_row(r) else [""] * n
            _set_text(lines[i], " | ".join([r[0][2]] + vals) + " |")
        k = end
    return lines


def _set_text(ln: Line, text: str) -> None:
    ln.text = ln.raw = text
    ln.width = width(text)


def wrap_width(lines: list[Line]) -> tuple[bool, int]:
    """(hard-wrapped?, wrap width). Wrapped text has most lines within a few columns of the same width."""
    widths = sorted(ln.width for ln in lines if not ln.blank and "|" not in ln.text)
    if len(widths) < 8:
        return False, 0
    p80 = widths[int(len(widths) * 0.8)]
    near = sum(1 for w in widths if p80 - 8 <= w <= p80 + 2) / len(widths)
    return (near >= 0.4 and p80 <= 140), p80


def wrap_len(lines: list[Line]) -> tuple[bool, int]:
    """Like `wrap_width` but counting characters: text wrapped every N characters whatever their width (digits
    and ASCII punctuation make display widths of full lines vary by more than `wrap_width` allows)."""
    # short lines (page numbers, heads, titles, a paragraph's last line) say nothing about the wrap
    lens = sorted(
        n for ln in lines if not ln.blank and "|" not in ln.text and (n := raw_len(ln)) >= 8 and not is_footer(ln.text)
    )
    if len(lens) < 8:
        return False, 0
    p80 = lens[int(len(lens) * 0.8)]
    near = sum(1 for n in lens if p80 - 3 <= n <= p80 + 1)
    over = sum(1 for n in lens if n > p80 + 1)  # a hard wrap is a ceiling: (almost) no line is longer
    return (near >= 4 and near / len(lens) >= 0.3 and over * 10 <= len(lens) and 10 <= p80 <= 70), p80


def raw_len(ln: Line) -> int:
    """Characters on the line as printed, a paragraph's indent included (the wrap counted it)."""
    return len(ln.raw.rstrip().lstrip("\ufeff")) if ln.raw[:1] in (" ", "\u3000") else len(ln.text)


def squeeze_para(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def is_ad(art: ParsedArticle, *, loose: bool = False) -> bool:
    head = " ".join([art.title, *art.paragraphs[:2]])
    if AD_RE.search(head):
        return True
    return loose and any(p.startswith("本书") for p in art.paragraphs)


def fallback_title(first_para: str) -> str:
    text = NEWS_START_RE.sub("", first_para).strip()
    text = re.sub(r"^[，,、：:；;\s]+", "", text)  # `财联社12月3日电，国家邮政局…`: the comma after the dateline
    text = re.sub(r"^题\s*[:：]\s*(?=\S)", "", text)  # `新华社北京1月17日电　题：…`: the title the wire gives
    cut = re.split(r"[。！？；]", text, maxsplit=1)[0]
    return cut[:40]


# (a page typeset in full width ends its ASCII-style sentences on `．`, no decimal point after a figure either)
_ASCII_END_RE = re.compile(r"(?:[^\d.．\s][.．]|[!?;][\"')”]?)\s*$")


def ends_para(text: str) -> bool:
    """A paragraph end, ASCII punctuation included (`…增长3.3%.`, `…增长3.3%．`; not a decimal point `增长5` /
    `.9%`)."""
    return ends_paragraph(text) or bool(_ASCII_END_RE.search(text))


def title_key(text: str) -> str:
    """Comparison form of a title (TOC entry vs heading): numbering and a contents page number dropped, folded."""
    return fold(_TOC_PAGE_RE.sub("", clean_title(text)))


_TOC_PAGE_RE = re.compile(r"(?:\s+|[.…·]{2,}\s*)(?:第\s*)?\d{1,3}\s*页?$")


def clean_title(text: str) -> str:
    t = ev.SUBHEAD_MARK_RE.sub("", text, count=1)  # `◆商务部：…` (a digest's bullet)
    t = ev.NUMBERED_RE.sub("", t, count=1) if ev.NUMBERED_RE.match(t) else t
    t = re.sub(r"^题\s*[:：]\s*(?=\S)", "", t)  # `新华社北京1月17日电　题：网购市场持续升温`: the wire's title field
    # `【新华社】快递业务量再创新高`: the agency's tag is no part of the headline
    t = _TITLE_AGENCY.sub("", t) if len(_TITLE_AGENCY.sub("", t)) >= 4 else t
    return squeeze(t)


_TITLE_AGENCY = re.compile(
    r"^[【\[]\s*(?:" + ev._KNOWN_AGENCY + r")\s*[】\]]\s*"
)
