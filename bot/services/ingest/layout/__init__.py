"""Article layout: a bulletin's lines → its articles (`parse_document`), with the layout detected first.

Two specialised layouts are recognised, and everything else is read by a layout-general parser:

* **bulletin issues** (《电子商务动态》 style; `bulletin.py`): optional cover + table of contents, sections `【行业资讯】`,
  each article a title, paragraphs and a trailer `来源:<outlet> 编选:《…》编辑部 YYYY 年 MM 月 DD 日` (glued to the
  last paragraph or missing). Lines may be one paragraph each (with page-break fragments) or hard-wrapped at ~40
  characters with two-line titles and page footers in the flow.
* **newspaper pages** (中国贸易报 style; `newspaper.py`): narrow columns wrapped mid-word; headlines and bylines
  (`■ 本报记者 …`) usually come *after* the body; `本报讯` / `据新华社消息` start articles; some pages collect all
  headlines at the end, which are then matched to the bodies by character-bigram overlap.
* **general** (any other layout; `paragraphs.py` then `general.py`): digests with dated headers `【2024.08.02】标题`,
  numbered statistics digests with `发布日期` lines and indicator tables, plain newspaper pages, datelined wire
  stories, contents lists, hard-wrapped reports. Article boundaries come from scored line evidence (`evidence.py`),
  each article's date from its own header, meta line, dateline or trailer, and the container's masthead gives its
  name and date (never a title).

`lines.py` holds what they share: the output types, the line record, wrap measurement and the line patterns. This
module detects the layout, runs its parser and completes the dates (an article's dateline, else the bulletin's).

    lines = read_lines(raw_document)                        # normalised lines (clean text, width, heading level)
    parsed = split_articles(lines, has_styles=raw_document.has_styles, published=None)   # ParsedBulletin
    parsed = parse_document(raw_document, published=None)   # the two in one

Nothing here touches the database.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.layout.bulletin import BulletinParser
from bot.services.ingest.layout.general import GeneralParser
from bot.services.ingest.layout.lines import (
    BYLINE_RE,
    NEWS_START_RE,
    SECTION_RE,
    TRAILER_RE,
    Line,
    ParsedArticle,
    ParsedBulletin,
    ends_para,
    fallback_title,
    read_lines,
    wrap_width,
)
from bot.services.ingest.layout.newspaper import NewspaperParser
from bot.services.ingest.normalise import fold, is_footer, is_toc_line, width
from bot.services.ingest.readers import RawDocument

__all__ = ["Line", "ParsedArticle", "ParsedBulletin", "detect_layout", "parse_document", "read_lines", "split_articles"]


def _trailer_count(lines: list[Line]) -> int:
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


def detect_layout(lines: list[Line]) -> str:
    """`bulletin` (trailer-closed issues), `newspaper` (narrow hard-wrapped columns) or `general` (the rest:
    split from scored line evidence)."""
    texts = [ln.text for ln in lines if not ln.blank]
    trailers = _trailer_count(lines)
    # (a story's closing line, `责任编辑：…` / `编辑：…　审核：…`, is no header field of a release)
    fields = [t for t in texts if not ev.END_LINE_RE.match(t.strip())]
    sections = sum(1 for t in texts if SECTION_RE.match(t))
    if trailers >= 2 or (sections and trailers):
        return "bulletin"
    headers = sum(
        1
        for t in fields
        if ev.HEADER_DATE_RE.match(t) or ((ev.META_FIELD_RE.match(t) or ev.release_fields(t)) and ev.is_meta(t))
    )
    if headers >= 2 or _titled_release(texts[:6]):
        return "general"
    if _heads_over_datelines(lines) >= 2 and not _heads_under_stories(lines):
        return "general"  # headlines right above datelined stories: titles above bodies, however narrow
    wrapped, w = wrap_width(lines)
    news_marks = sum(1 for t in texts if BYLINE_RE.match(t) or NEWS_START_RE.match(t) or "本报记者" in t[:12])
    if news_marks and (wrapped and w <= 48):
        return "newspaper"
    if wrapped and w <= 40:
        return "newspaper"
    return "general"


def _heads_over_datelines(lines: list[Line]) -> int:
    """Story openings (`新华社北京8月7日电…`) right under a line that is no paragraph end (a headline, wrapped or
    not): pages that print headlines above their stories, even without blank lines between them."""
    count = 0
    prev: Line | None = None
    for ln in lines:
        if ln.blank:
            prev = None
            continue
        if is_footer(ln.text):
            continue
        if prev is not None and ev.starts_news(ln.text) and not ends_para(prev.text):
            if not BYLINE_RE.match(prev.text) and not ev.is_meta(prev.text):
                count += 1
        prev = ln
    return count


def _heads_under_stories(lines: list[Line]) -> bool:
    """Does the page print headlines under their stories: its first story opening (`本报北京4月26日电`) right under
    the masthead with no headline over it, and its last line a headline under a finished paragraph?"""
    # (closing lines after the headline, `（完）` / `责任编辑：…`, are no text of the page)
    text = [ln for ln in lines if not ln.blank and not is_footer(ln.text) and not ev.END_LINE_RE.match(ln.text.strip())]
    first = next((k for k, ln in enumerate(text) if ev.starts_news(ln.text)), None)
    if first is None or len(text) < 3:
        return False
    above = text[:first]
    if any(ev.is_title_like(ln.text, ln.width) and not ev.is_masthead_like(ln.text) for ln in above):
        return False
    return ends_para(text[-2].text) and ev.is_title_like(text[-1].text, text[-1].width)


def _titled_release(head: list[str]) -> bool:
    """Does the document open with a title over a meta line (`…统计公报` / `国家邮政局　2023年5月26日`)? Then it is a
    release, however narrow its hard wrap, not a newspaper column."""
    for a, b in itertools.pairwise(head):
        if ev.is_title_like(a, width(a)) and not ev.is_masthead_like(a) and ev.is_meta(b):
            return True
    return False


#: what separates the entries of a contents list run together (`◆ 标题一◆ 标题二`) and marks or closes one
#: a full date in brackets closing a title (`商务部召开例行新闻发布会（2018年4月19日）`, `…(2023-05-06)`)
_TITLE_CLOSING_DATE = re.compile(
    r"[（(]\s*(?P<y>(?:19|20)\d{2})\s*(?:年|[-./])\s*(?P<m>\d{1,2})\s*(?:月|[-./])\s*(?P<d>\d{1,2})\s*日?\s*[)）]$"
)


def _dates_closing_titles(result: ParsedBulletin) -> None:
    """An article without a date whose title ends with a full date in brackets is of that date (a transcript's
    `…新闻发布会（2018年4月19日）`); a document of that one article without a date of its own is of it too."""
    for art in result.articles:
        m = _TITLE_CLOSING_DATE.search(art.title.strip()) if art.published is None else None
        if m is None:
            continue
        try:
            art.published = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
    if result.published is None and len(result.articles) == 1:
        result.published = result.articles[0].published


_ENTRY_MARK = re.compile(r"[■□◆◇●○▲△▶►★☆◎•]")
_ENTRY_TAIL = re.compile(r"\s*(?:[.…·]{2,}\s*\.?\s*)?(?:第?\s*\d{1,3}\s*版?)?\s*$")
_ENTRY_LEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[.．、]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）])?\s*")


def _title_key(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]", "", fold(text))


def _entry_key(text: str) -> str:
    return _title_key(_ENTRY_LEAD.sub("", _ENTRY_TAIL.sub("", _ENTRY_MARK.sub("", text)), count=1))


def _contents_entries(lines: list[Line], first_title: str) -> set[str]:
    """The entries of a contents list printed before the first article (bullet-marked or with page numbers)."""
    keys: set[str] = set()
    for ln in lines:
        if ln.blank:
            continue
        marked = bool(_ENTRY_MARK.match(ln.text.lstrip())) or is_toc_line(ln.raw)
        if not marked and _title_key(ln.text) == first_title:
            break
        if marked and len(_entry_key(ln.text)) >= 6:
            keys.add(_entry_key(ln.text))
    return keys


def _drop_title_restatements(result: ParsedBulletin, lines: list[Line]) -> None:
    """A body paragraph made only of the issue's titles (contents-list entries left in the flow, `◆ 标题一◆ 标题二`,
    or the article's own title repeated over its text) is no text of the article: its headline figures would be
    read as the article's own, outside the article they belong to."""
    titles = {_title_key(a.title) for a in result.articles if len(_title_key(a.title)) >= 6}
    if not titles:
        return
    titles |= _contents_entries(lines, _title_key(result.articles[0].title))
    for art in result.articles:
        kept = []
        for para in art.paragraphs:
            entries = [e for e in _ENTRY_MARK.split(para) if e.strip()]
            # (the keys only of a paragraph short enough to be made of entries: most are not)
            if entries and len(para) <= 60 * len(entries) and all(_entry_key(e) in titles for e in entries):
                continue
            kept.append(para)
        if kept:
            art.paragraphs = kept


def parse_document(doc: RawDocument, *, published: date | None = None) -> ParsedBulletin:
    """A read document's articles: its lines normalised (`read_lines`), then split (`split_articles`)."""
    return split_articles(read_lines(doc), has_styles=doc.has_styles, published=published)


def _split_wire_stories(articles: list[ParsedArticle]) -> list[ParsedArticle]:
    """A second dated lead inside an article (`…主渠道。”` then `中新网10月22日电　海关总署…`) opens another story: on a
    wire page, stories without headlines follow one another, each with its own dateline. The new story is named by its
    first sentence, like an untitled story."""
    out: list[ParsedArticle] = []
    for art in articles:
        cur = art
        led = False  # a dated lead opened the current story
        paras = list(art.paragraphs)
        cur.paragraphs = []
        for k, para in enumerate(paras):
            lead = ev.dateline(para) is not None
            if lead and led and k and ends_para(paras[k - 1]):
                out.append(cur)
                opening = ev.DATELINE_RE.sub("", para.strip(), count=1)
                opening = ev.LEAD_DATE_RE.sub("", opening, count=1)
                opening = NEWS_START_RE.sub("", opening).strip()
                opening = re.sub(r"^[（(][^（）()]{1,30}[)）]\s*", "", opening)  # `（记者 …）`
                cur = ParsedArticle(title=fallback_title(opening), section=art.section)
            led = led or lead
            cur.paragraphs.append(para)
        out.append(cur)
    return out


def split_articles(lines: list[Line], *, has_styles: bool, published: date | None = None) -> ParsedBulletin:
    """Normalised lines → articles: the layout detected, its parser run, every article's date completed (its own
    dateline, else the bulletin's). `has_styles`: the lines carry heading styles (`.docx`); `published` gives the
    year of month-and-day dates when the document has no date of its own."""
    layout = detect_layout(lines)
    if layout == "general" and has_styles and any(ln.heading for ln in lines):
        layout = "bulletin"  # heading styles mark the titles: the bulletin parser reads them
    if layout == "newspaper" and not NewspaperParser(lines).headlines_after():
        layout = "general"
    if layout == "newspaper":
        result = NewspaperParser(lines).parse()
    elif layout == "general":
        result = GeneralParser(lines, published=published).parse()
    else:
        result = BulletinParser(lines, has_styles=has_styles).parse()
    _drop_title_restatements(result, lines)
    _dates_closing_titles(result)
    if result.published is None:
        result.published = published
        if result.published is None and layout == "bulletin":
            # no cover date: an issue is compiled right after its newest item
            dates = [a.published for a in result.articles if a.published]
            result.published = max(dates) if dates else None
    result.articles = _split_wire_stories(result.articles)
    reference = result.published or published  # the year of a `3月22日电` dateline
    for art in result.articles:
        # the dateline opens the story, under any subtitle (`——…`), kicker line or photo caption (`图为…（记者 张三
        # 摄）`) kept above it
        for para in art.paragraphs[:3] if art.published is None else ():
            if ev.dateline(para) is not None:
                if not ev.own_lead(para, result.publication):
                    art.published = ev.dateline_date(para, reference)
                break
            caption = ev.credit_only(para) and len(para) <= 80
            if not (para.startswith(("—", "－－", "--")) or ev.is_title_like(para, width(para)) or caption):
                break
        if art.published is None and art.paragraphs:
            # or it closes the story (`…。新华社北京12月8日电（记者 …）`)
            art.published = ev.dateline_date(art.paragraphs[-1], reference, trailing=True)
            if art.published is None:  # or release fields close it (`…。（来源：商务部网站　2020-07-30）`)
                art.published = ev.trailer_date(art.paragraphs[-1])
        if art.published is None:
            art.published = result.published
    return result
