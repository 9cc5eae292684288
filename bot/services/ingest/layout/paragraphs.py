"""The first half of layout-general reading: lines → classified paragraphs (`ParagraphReader`).

Hard-wrapped lines are joined into paragraphs (by display width, or by character count for text wrapped every N
characters), page furniture (page numbers, running heads) and table-of-contents entries are taken out, and every
paragraph is classified (`Para.kind`: table, meta, header, section, end, furniture, body; `tlike`: could be a title)
from the line evidence in `evidence.py`. `general.GeneralParser` builds on it to find where articles start.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.layout.lines import (
    SECTION_RE,
    TITLE_MAX_WIDTH,
    TRAILER_RE,
    Line,
    ParsedBulletin,
    ends_para,
    raw_len,
    title_key,
    wrap_len,
    wrap_width,
)
from bot.services.ingest.normalise import (
    fold,
    is_address,
    is_footer,
    is_toc_line,
    join_pair,
    toc_title,
    width,
)


@dataclass(slots=True)
class Para:
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
    hafter: date | None = None  # the date after a `标题（2024-10-18）` line (a header if the page has several)


_PROSE_RE = re.compile(r"[，,。、；;]")

#: a story's last sentence signed by its reporter on the same line (`…增长。　记者　王某`, `…。（通讯员 李某）`, `….
#: 本报记者 张三 李四`): the paragraph, and the story, end there
_SIGNED_END_RE = re.compile(
    r"[。！？!?”」]\s*[（(]?\s*(?:本报)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,2}"
    r"\s*[）)]?$"
)

#: a short line ending with a question or exclamation mark and no other sentence end inside
_ASKING_HEADLINE = re.compile(r"[^。？！?!；;：:]{4,38}[？！?!]{1,2}")
#: a numbered item or section opening a line (`（一）`, `二、`, `3．`)
_NUMBERED_OPENING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．])")
_HEAD_PAGE_RE = re.compile(
    r"^(?:(?P<a>[^\d\s][^\d]{1,30}?)\s+(?:第\s*)?\d{1,3}\s*页?|(?:第\s*)?\d{1,3}\s*页?\s+(?P<b>[^\d\s][^\d]{1,30}))$"
)
_INDENTS = (" ", "\u3000", "\t")
_SET_APART = re.compile(r"\S(?:[ \t]{4,}|\u3000{3,})\S")
#: a subtitle line opens with a double dash (`——聚焦…`)
_SUBTITLE_DASHES = ("——", "－－", "--")
_KICKER_PUNCT_RE = re.compile(r"[：:，,“”\"'‘’!！?？·•‧]")  # (`新时代 新征程·全力拼经济`: a column's kicker)
#: a verb stating a line's own predicate (`…双双实现两位数增长`, `数量居温州第一`, `…同比增长24.2%`)
_OWN_PREDICATE_RE = re.compile(
    r"增长|下降|实现|完成|突破|居[^，,。]{0,6}?(?:第[一二三四五六七八九十\d]|首位|前列)|[达超]到?\s*\d|翻番|上榜|入选|创新高|创历史"
)
#: a person's name alone on its line (`康梅`, `王　珂`, `欧阳 小明`)
BARE_NAME_RE = re.compile(r"^[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}$")
_HEADER_OPENERS = frozenset("【[〖［(（0123456789")
_TOC_HEAD_RE = re.compile(r"^(?:目\s*录|本期要目|本期目录|本期导读|要\s*目|内容提要|CONTENTS)$", re.IGNORECASE)


#: a headline ending on a question or an exclamation mark (`…为何首次发布“…”指标？`), closing quotes allowed
_ASKED_END_RE = re.compile(r"[？?！!][”’」』\"]?$")


_ISSUE_MARK_RE = re.compile(r"第\s*[\d一二三四五六七八九十]{1,4}\s*[期版辑]|总第?\s*\d+\s*期")


def _masthead_line(text: str) -> bool:
    """The container's name with its issue or date (`某某信息摘编　　2023年第5期`), or its issue and date alone, in the
    front matter: a line of its own, never wrapped onto the headline under it."""
    if re.search(r"[，,。；;：:]", text) or not (ev.EDITION_RE.search(text) or ev.YMD_RE.search(text)):
        return False
    if _ISSUE_MARK_RE.search(text):
        return True  # an issue or page mark (`2023年第10期`, `总第88期`, `第4版`): the container's line
    # (the name, or only the issue and its date: `第12期　　　　2024年1月15日`)
    rest = re.sub(r"\s+", "", ev._MARKS_RE.sub("", text))
    name = ev.masthead_name(text)
    return (len(name) >= 2 and bool(ev.MASTHEAD_WORD_RE.search(name))) or not rest


def _asked_headline(p: Para) -> bool:
    """A short line ending `？`/`！` with no full stop, clause break or list inside: a headline written as a question
    or an exclamation, never a sentence of text (which the caller knows by the meta line under it)."""
    t = p.text.strip()
    return (
        p.kind == "body"
        and 8 <= p.width <= 80
        and bool(_ASKED_END_RE.search(t))
        and not any(c in t for c in "。；;：:")
        and ev.is_title_like(_ASKED_END_RE.sub("", t), width(_ASKED_END_RE.sub("", t)))
    )


class ParagraphReader:
    """Paragraphs of a layout-general document and what each one is (see the module docstring); the state
    `GeneralParser` parses on: wrap width, the TOC titles seen, the result being filled."""

    def __init__(self, lines: list[Line], *, published: date | None = None) -> None:
        self.lines = lines
        self.published = published
        self.wrapped, self.W = wrap_width(lines)
        if self.wrapped:  # hard-wrapped prose: the full-width lines are sentences, not a column of short titles
            near = [ln.text for ln in lines if not ln.blank and self.W - 8 <= ln.width <= self.W + 2]
            self.wrapped = sum(1 for t in near if _PROSE_RE.search(t)) * 2 >= len(near)
        self.full = (self.W - 8) if self.wrapped else 10**6
        self.full_len = 10**6  # wrapped every N characters (digits, ASCII punctuation): full lines by count
        by_len, n = wrap_len(lines)
        if by_len and self.wrapped:
            # wrapped by width and by count alike (CJK text): a line full by count is full too, though ASCII in it
            # (`[2022-08-03] 标题…`) makes it narrower
            self.full_len = n - 1
        elif by_len:
            near = [ln.text for ln in lines if not ln.blank and n - 3 <= raw_len(ln) <= n + 1]
            if sum(1 for t in near if _PROSE_RE.search(t)) * 2 >= len(near):
                self.wrapped, self.full_len = True, n - 1
        self.result = ParsedBulletin(layout="bulletin")
        self.toc: set[str] = set()
        # pages that indent paragraph openings (and only those): an indented line starts a paragraph
        texts = [ln for ln in lines if not ln.blank]
        self.indents = 0 < sum(1 for ln in texts if ln.raw[:1] in _INDENTS) * 2 < len(texts)
        # a line of web-page controls (`分享到：`, `打印本页　关闭窗口`), read as a blank line, tells a web page; the same
        # controls printed again (after every story, under every photo) tell several pages copied one after another
        controls = Counter(ln.raw.strip() for ln in lines if ln.web)
        self.web_controls = bool(controls) and max(controls.values()) == 1

    def reference(self) -> date | None:
        """The date whose year completes a month-and-day date: the bulletin's, else `--published`."""
        return self.result.published or self.published

    # -- paragraphs ---------------------------------------------------------------------------------------
    def _paragraphs(self) -> list[Para]:
        paras: list[Para] = []
        gap = 0
        cur: Para | None = None
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
                and not ends_para(t)  # (a sentence's last character wrapped onto a line alone, `。`, is no running head)
                and self.wrapped
                and cur is not None
                and cur.kind == "body"
                and gap == 0
                and (cur.last_width >= self.full or cur.last_len >= self.full_len)
                and not ends_para(cur_last)
            ):
                broke = True  # a repeated line cutting a sentence in two: a running head at a page top
                continue
            in_break = False
            page_break, broke = broke, False
            if is_toc_line(ln.raw) and not self._marked_item(t) or _TOC_HEAD_RE.match(t):
                title = toc_title(ln.raw)
                if len(title) >= 4 and not _TOC_HEAD_RE.match(t):
                    self.toc.add(title_key(title))
                gap = 0
                continue
            if (
                cur is not None
                and self.wrapped
                and (gap == 0 or (gap == 1 and (cur.nlines >= 2 or page_break)))
                # a header's title wraps too — not onto a line that ends a sentence (the item's text under it), and
                # its rest shorter than a line (a full line under it is the story's)
                and (
                    cur.kind == "body"
                    # a reprint's `【原标题】…` line wraps like text (the headline it quotes runs on to the next line)
                    or (cur.kind == "meta" and gap == 0 and ev.ORIGINAL_TITLE_RE.match(cur.text) is not None)
                    or (
                        cur.kind == "header"
                        and gap == 0
                        and not ends_para(t)
                        and ln.width < self.full
                        and raw_len(ln) < self.full_len  # (wrapped by count: a full line is the story's too)
                    )
                )
                and not (cur.nlines == 1 and cur.hafter is not None)  # a date closes the headline before it
                and (
                    cur.last_width >= self.full
                    or cur.last_len >= self.full_len
                    # a page that indents paragraph openings: in a paragraph opened by an indent, a short line ending
                    # no sentence, then a line not indented, is a wrap of uneven width (PDF text), not its end
                    or self._uneven_wrap(cur, ln, gap)
                )
                and (
                    not (ends_para(cur_last) or _SIGNED_END_RE.search(cur_last.rstrip()))
                    # (a `；` closes a clause, not the paragraph, when the next line is not indented)
                    or (self._uneven_wrap(cur, ln, gap) and cur_last.rstrip()[-1:] in "；;")
                    or self._sentence_at_line_end(cur, ln, gap, cur_last, self.lines[k + 1 : k + 2])
                )
                and not ev.is_table(t)
                # (a line set out in parts far apart, `某某管理局　　　　　行业简报`, is a masthead or a running head:
                # no text runs on from it or onto it)
                and not _SET_APART.search(cur_last.strip())
                and not _SET_APART.search(ln.raw.strip())
                and not self._starts_block(t)
                and not (self.indents and ln.raw[:1] in _INDENTS)
                and not (cur.nlines == 1 and cur.tlike and t.startswith(_SUBTITLE_DASHES))  # a title's `——` 副题
                and not (
                    cur.nlines == 1
                    and _masthead_line(cur.text)
                    and not any(q.kind == "body" and not q.tlike for q in paras)
                )
            ):
                cur.text = join_pair(cur.text, t, left_had_space=cur_last != cur_last.rstrip())
                cur.width = width(cur.text)
                cur.last_width = ln.width
                cur.last_len = raw_len(ln)
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
                body = Para(t[: tm.start()].strip(), width(t[: tm.start()].strip()), gap, ln.heading, ln.width)
                self._classify(body)
                paras.append(body)
                t, gap = t[tm.start() :], 0
            cur = Para(t, width(t), gap, ln.heading, ln.width)
            cur.last_len = raw_len(ln)
            cur.indent = ln.raw[:1] in (" ", "\u3000", "\t")
            self._classify(cur)
            cur_last = ln.raw
            paras.append(cur)
            gap = 0
        for i, p in enumerate(paras[:-1]):  # `…何以起势？` over its date/来源 line: a headline asking a question
            if paras[i + 1].kind == "meta" and (i == 0 or p.gap > 0 or paras[i - 1].kind != "body"):
                p.tlike = p.tlike or _asked_headline(p)
        dated_after = [p for p in paras if p.hafter is not None]
        # (or one in brackets, `标题（2021年1月25日）`, on a page whose other stories are dated by their own lines)
        dated_meta = sum(1 for p in paras if p.kind == "meta" and ev.find_date(p.text) is not None)
        # (or one on a digest whose other items are headed by dated headers of another style: `【5月8日】标题` …
        # `标题 2023-04-28`)
        headed = sum(1 for p in paras if p.kind == "header" and (p.hdate is not None or p.hmd))
        for p in dated_after:  # `标题（2024-10-18）` lines are headers when the page has several of them
            if (
                len(dated_after) >= 2
                or (dated_meta >= 2 and p.text.rstrip().endswith(("）", ")")))
                or (headed >= 2 and p.gap > 0)
            ):
                p.kind, p.tlike, p.hdate = "header", False, p.hafter
            else:
                p.hafter, p.htitle = None, ""
        related = False
        for p in paras:
            # under a web page's `相关新闻` / `推荐阅读` heading, the titles listed are links to other pages
            if p.kind == "furniture" and ev.RELATED_HEADING_RE.match(p.text.strip()):
                related = True
            elif related and p.tlike:
                p.kind, p.tlike = "furniture", False
            elif related and p.kind in ("body", "table"):
                related = False
        tagged = [p for p in paras if p.htag]
        for p in tagged:  # `【人民网】标题` lines are headers when the page has several of them
            if len(tagged) >= 2:
                p.kind, p.tlike = "header", False
            else:
                p.htag = p.htitle = ""
        for i, p in enumerate(paras[:-1]):
            # `快递业务量为何能逆势增长？`, `…快递小哥已经忙起来了！`: a headline asking or exclaiming, set off above a
            # dateline (or the page line under a title) — a title, though it ends like a sentence
            q = paras[i + 1]
            if (
                p.kind == "body"
                and not p.tlike
                and _ASKING_HEADLINE.fullmatch(p.text.strip())
                and q.gap == 0
                and (ev.starts_news(q.text) or q.kind == "meta")
                and (i == 0 or p.gap > 0 or paras[i - 1].kind in ("end", "meta"))
            ):
                p.tlike = True
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
                        or echoes(fold(ln.text), long_title)
                    ):
                        out.add(content[near])
        return out

    @staticmethod
    def _marked_item(t: str) -> bool:
        """A line a TOC entry's pattern mistakes (`●来源 国家统计局 ●时间 2020-12-15`, `◆ 2023.02.14 标题 2`): a
        table row, a release line or a dated header, not a contents entry with its page number."""
        return ev.is_table(t) or ev.release_fields(t) is not None or ev.header_date(t) is not None

    def _uneven_wrap(self, cur: Para, ln: Line, gap: int) -> bool:
        """A page that indents paragraph openings, a prose paragraph opened by an indent, and a line right under
        it neither indented nor numbered (`（一）…`): that line goes on with the paragraph, however short the line
        before it (PDF text wrapped at uneven widths)."""
        return (
            self.indents
            and cur.indent
            and cur.kind == "body"
            and gap == 0
            and ln.raw[:1] not in _INDENTS
            and _PROSE_RE.search(cur.text) is not None
            and _NUMBERED_OPENING.match(ln.text) is None
            # (a closed bracket, `…（记者 某某 摄）`, then a line without punctuation: a headline under it)
            and not (cur.text.rstrip()[-1:] in "）)」』”" and _PROSE_RE.search(ln.text) is None)
        )

    def _sentence_at_line_end(self, cur: Para, ln: Line, gap: int, cur_last: str, after: list[Line]) -> bool:
        """On a page that indents paragraph openings, a sentence ending right at the end of a full line (`…分别为78.3%、
        14.3%和7.4%。`), then a full line not indented: the paragraph goes on (PDF text wrapped mid-paragraph), it
        did not end there — a new paragraph would open indented, a sub-head would be short; a headline filling the
        line has its text open indented right under it (`after`: the line after `ln`), a wrapped text goes on."""
        return (
            self.indents
            and cur.indent
            and cur.kind == "body"
            and gap == 0
            and cur_last.rstrip()[-1:] in "。！？!?"
            and (cur.last_width >= self.full or cur.last_len >= self.full_len)  # (the sentence filled the line)
            and ln.raw[:1] not in _INDENTS
            and (ln.width >= self.full or raw_len(ln) >= self.full_len)
            and _NUMBERED_OPENING.match(ln.text) is None
            and bool(after)
            and not after[0].blank
            and after[0].raw[:1] not in _INDENTS
        )

    @staticmethod
    def _starts_block(t: str) -> bool:
        return bool(ev.HEADER_DATE_RE.match(t) or ev.is_meta(t) or SECTION_RE.match(t) or ev.starts_news(t))

    def _classify(self, p: Para) -> None:
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
        after = ev.date_after_title(t)
        if after is not None:
            p.hafter, p.htitle = after  # a header if the page uses them consistently (see _paragraphs)
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
        if (is_address(t) and len(t) < 80) or ev.is_web_furniture(t) or ev.is_photo_source(t) or ev.LEAD_LABEL_RE.match(t):
            p.kind = "furniture"
            return
        p.tlike = ev.is_title_like(t, p.width)

    def _join_title_lines(self, paras: list[Para]) -> list[Para]:
        """A headline printed over two lines is one title: a line ending with its colon (`…超10万亿元：` over
        `实物商品…增长7.9%`), or a title line filling the wrap width (or, unwrapped, a long plain one) over a shorter
        rest. A kicker over a headline (`快手副总裁：短视频渗透率已超94%` over `让直播电商“热”到海外`) is a statement
        of its own: shorter than the column, or punctuated."""
        out: list[Para] = []
        for p in paras:
            prev = out[-1] if out else None
            if (
                prev is not None
                # (a page break may come between the two lines of a broken headline: `…进出口额同比增长` / page number,
                # running head / `15.8%`)
                and (p.gap == 0 or (p.gap <= 1 and self.wrapped and prev.tlike and ev.title_continues(prev.text, p.text)))
                and p.tlike
                and prev.kind == "body"
                and prev.nlines == 1
                and not p.text.startswith(("—", "－", "-", "【", "[", "(", "（"))
                and not ev.NUMBERED_RE.match(p.text)
                and not ev.SUBHEAD_MARK_RE.match(p.text)  # a bullet (`◆ …`) opens an entry of its own
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
                # (unwrapped, a long headline over a line opening on its predicate, `同比增15.15%`, is a 副题
                # under it, not its rest: a hard wrap breaks at the column, a plain text only where a line ends)
                # (nor one stating a predicate of its own, `数量居温州第一`, `进口、出口双双实现两位数增长`: a 副题 printed
                # without its `——`; the rest of a wrapped headline is the phrase its first line left open)
                full = (self.wrapped and (prev.width >= self.full or len(prev.text) >= self.full_len)) or (
                    prev.width >= 36
                    # (a line of clauses set apart by a space, `出口额增长18.2%　进口额增长10.6%`, is a 副题)
                    and not re.search(r"\S(?:\u3000|\s{2,})\S", p.text)
                    and not _KICKER_PUNCT_RE.search(prev.text)
                    and not ev.PREDICATE_OPEN_RE.match(p.text)
                    and not _OWN_PREDICATE_RE.search(p.text)
                )
                wrapped = prev.tlike and full and prev.width >= p.width + 8
                # (or a break neither line can stand alone with: `…进出口额增长` over `三成以上`)
                broken = prev.tlike and ev.title_continues(prev.text, p.text)
                if colon or wrapped or broken:
                    text = prev.text + p.text
                    merged = Para(text, width(text), prev.gap, prev.heading, p.last_width)
                    merged.indent, merged.kind, merged.tlike = prev.indent, "body", True
                    out[-1] = merged
                    continue
            out.append(p)
        # a bare name right under a `——` subtitle, over the text (`——《…报告》发布` / `康梅` / `日前，…`): the
        # story's byline printed without `记者`, not a line of its headline
        for k in range(1, len(out) - 1):
            p, above, below = out[k], out[k - 1], out[k + 1]
            if (
                p.tlike
                and p.gap == 0
                and BARE_NAME_RE.match(p.text)
                and above.tlike
                and above.text.startswith(_SUBTITLE_DASHES)
                and below.kind == "body"
                and not below.tlike
            ):
                p.kind, p.tlike = "meta", False
        return out

    def _mark_toc(self, paras: list[Para]) -> None:
        """Title lines listed once up front and again later (a table of contents without page numbers): the
        first listing is furniture, the later occurrences are strong title evidence."""
        later: dict[str, list[int]] = {}
        for i, p in enumerate(paras):
            if p.tlike:
                later.setdefault(title_key(p.text), []).append(i)
        i = 0
        while i < len(paras):
            run: list[int] = []
            bridges: list[int] = []  # section names listed between the entries (`【行业动态】` in the contents)
            j = i
            while j < len(paras):
                if run and paras[j].kind == "section":
                    bridges.append(j)
                    j += 1
                    continue
                if not (paras[j].tlike and len(later.get(title_key(paras[j].text), [])) >= 2):
                    break
                key = title_key(paras[j].text)
                if later[key][0] != j or key in (title_key(paras[k].text) for k in run):
                    break
                run.append(j)
                j += 1
            if len(run) >= 2:
                for k in run:
                    paras[k].kind = "toc"
                    paras[k].tlike = False
                    self.toc.add(title_key(paras[k].text))
                for k in bridges:
                    if k < run[-1]:
                        paras[k].kind = "toc"
                i = run[-1] + 1
            else:
                i += 1


def echoes(head: str, title: str) -> bool:
    """Is a running head a shortened form of the document's title (`互联网发展状况统计报告` over
    `第53次《中国互联网络发展状况统计报告》…`): nearly all its characters, in order, inside the title."""
    if len(head) < 4:
        return False
    blocks = difflib.SequenceMatcher(None, head, title, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= 0.85 * len(head)
