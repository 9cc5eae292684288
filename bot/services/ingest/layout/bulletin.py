"""The bulletin-issue parser (《电子商务动态》 style): front matter (cover, issue, TOC), sections `【行业资讯】`, and
articles closed by their trailer `来源:… 编选:《…》编辑部 YYYY年MM月DD日`; also files whose heading styles mark the
titles (`.docx`). See the package docstring for the layouts.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.layout.lines import (
    DATE_RE,
    EDITOR_RE,
    ISSUE_RE,
    SECTION_NAMES_AD,
    SECTION_RE,
    TITLE_MAX_WIDTH,
    TRAILER_RE,
    Line,
    ParsedArticle,
    ParsedBulletin,
    clean_outlet,
    clean_title,
    is_ad,
    squeeze_para,
    to_date,
    wrap_width,
)
from bot.services.ingest.normalise import (
    ends_paragraph,
    fold,
    is_address,
    is_footer,
    is_toc_line,
    join_lines,
    join_pair,
    squeeze,
    toc_title,
)

#: an issue number without its year (`第12期`, `总第156期`)
_YEARLESS_ISSUE = re.compile(r"第\s*\d{1,4}\s*期")


#: an article's staff line (`编辑：刘某　审核：陈某`, `责任编辑：王某`)
_STAFF_LINE = re.compile(r"^[（(]?\s*(?:责任编辑|编辑|责编|审核|审校|校对|撰稿|供稿|整理|排版|签发)\s*[:：]")



class BulletinParser:
    def __init__(self, lines: list[Line], *, has_styles: bool) -> None:
        self.lines = lines
        self.has_styles = has_styles and any(ln.heading for ln in lines)
        self.wrapped, self.W = wrap_width(lines)
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
        first_section = next(
            (i for i, ln in enumerate(self.lines) if SECTION_RE.match(ln.text) and not self._lists_contents(i)), None
        )
        head_end = first_section if first_section is not None else 0
        scan = self.lines[: max(head_end, 60)]
        for ln in scan[:80]:
            m = ISSUE_RE.search(ln.text)
            if m and self.result.issue_no is None:
                self.result.issue_no = squeeze(m.group(0)).replace("（", "(").replace("）", ")")
                d = DATE_RE.search(ln.text, m.end())
                if d:
                    self.result.published = to_date(d)
        front = self.lines[:head_end]
        for ln in front:
            if is_toc_line(ln.raw):
                title = toc_title(ln.raw)
                if len(title) >= 6:
                    self.toc.add(fold(title))
            if self.result.published is None and self.result.issue_no:
                d = DATE_RE.search(ln.text)
                if d:
                    self.result.published = to_date(d)
        if self.result.published is None:
            # `第12期（总第156期）` names no year: the cover's own date line (`市商务局办公室　2021年11月20日`), before
            # the contents — not the newest item's date
            for ln in front[:12]:
                d = DATE_RE.search(ln.text) if len(squeeze(ln.text)) <= 40 and not is_toc_line(ln.raw) else None
                if d and (_YEARLESS_ISSUE.search(" ".join(x.text for x in front[:12])) or self.result.issue_no):
                    self.result.published = to_date(d)
                    break
        if first_section is None:
            # no sections: skip leading cover/TOC lines (issue line, TOC entries, short lines before the 1st title)
            i = 0
            while i < len(self.lines) and (
                self.lines[i].blank
                or is_toc_line(self.lines[i].raw)
                or ISSUE_RE.search(self.lines[i].text)
                or is_address(self.lines[i].text)
                or self._masthead_at(i)
                or self._cover_line(i)
            ):
                i += 1
            cover = self.lines[:i]
            if self.result.published is None and _YEARLESS_ISSUE.search(" ".join(x.text for x in cover)):
                # the cover's own bare date line under a yearless issue number (`第11期` / `2020年6月8日`)
                d = next((DATE_RE.search(x.text) for x in cover if ev.DATE_LINE_RE.match(squeeze(x.text))), None)
                if d:
                    self.result.published = to_date(d)
            return i
        return first_section

    def _cover_line(self, i: int) -> bool:
        """A cover line before the first title: a yearless issue line (`第11期（总第203期）`), the issue's bare date
        line, or a section name inside the contents (`【消费市场】` over `标题 ……… 1`)."""
        t = squeeze(self.lines[i].text)
        if len(t) <= 24 and "。" not in t and _YEARLESS_ISSUE.search(t) and not re.search(r"[，,；;]", t):
            return True
        if ev.DATE_LINE_RE.match(t):
            return True
        return bool(SECTION_RE.match(self.lines[i].text)) and self._lists_contents(i)

    def _lists_contents(self, i: int) -> bool:
        """A section header inside the table of contents (`目　录` / `【行业动态】` / `标题 ……… 1`): the next
        non-blank line is a contents entry with its page number — the section's articles come later."""
        nxt = next((ln for ln in self.lines[i + 1 : i + 4] if not ln.blank), None)
        return nxt is not None and is_toc_line(nxt.raw) and not SECTION_RE.match(nxt.text)

    def _masthead_at(self, i: int) -> bool:
        """The container's name over its issue or date line (`电子商务信息摘编` / `2024年第8期`): front matter."""
        t = self.lines[i].text
        nxt = next((ln.text for ln in self.lines[i + 1 : i + 3] if not ln.blank), "")
        yearless = len(squeeze(nxt)) <= 24 and _YEARLESS_ISSUE.search(nxt) is not None
        # (a spaced-out name, `商　贸　信　息`, read as written together)
        if not (ev.is_masthead_like(re.sub(r"\s+", "", t)) and nxt and (ISSUE_RE.search(nxt) or ev.DATE_LINE_RE.match(nxt) or yearless)):
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
        for t in text_lines[:3]:
            # a yearbook page's running head (`中国统计年鉴—2012　　　运输、邮电和软件业`): the yearbook is the container
            m = ev.YEARBOOK_HEAD.match(t)
            if m:
                self.result.publication = m.group("pub")
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
                art.published = to_date(trailer)
            if art.title:
                self.articles.append(art)
        self.article = None
        self.expect_title = True

    def _title_text(self, parts: list[str]) -> str:
        return clean_title(join_lines(parts))  # list numbering (`（二）`) is no part of a title

    def _is_title_like(self, ln: Line) -> bool:
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
        prev: Line | None = None  # previous body line (for joining)
        blank_after_title = False  # a blank line under the pending title
        for ln in self.lines[start:]:
            if ln.blank:
                blank_after_title = bool(self.pending_title)
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
            if self.article is None and not self.pending_title and is_toc_line(ln.raw) and not self.articles:
                continue  # a contents entry before the first story (the contents under a section name)
            if self.pending_title and ev.is_meta(t) and not TRAILER_RE.search(t):
                # `本文来源：经济日报` right under the headline: the title is complete, the line is no text of it
                self._start_article()
                assert self.article is not None
                self.article.outlet = self.article.outlet or clean_outlet(ev.meta_outlet(t))
                prev = None
                continue
            if self.expect_title:
                if not self.pending_title and _STAFF_LINE.match(t) and len(t) <= 60 and "。" not in t:
                    continue  # `编辑：刘某　审核：陈某` after an article's trailer: its staff, not the next title
                if not self.pending_title and (
                    ev.END_LINE_RE.match(t) or ev.SEPARATOR_RE.match(t) or ev.is_web_furniture(t)
                ):
                    continue  # `（完）`, `——————`, `打印本页　关闭窗口` after a trailer: no title
                if not self.pending_title:
                    if self.has_styles and ln.heading == 0 and not self._is_title_like(ln):
                        # styled file without a heading here: treat as continuation of nothing → skip stray text
                        pass
                    self.pending_title = [t]
                    self._had_space = ln.raw != ln.raw.rstrip()
                    blank_after_title = False
                    continue
                if (
                    blank_after_title
                    and not self.articles
                    and not self.has_styles
                    and len(self.pending_title) == 1
                    and self._is_title_like(ln)
                    and ev.is_title_like(t, ln.width)
                ):
                    # `电商快讯` / blank / `前两周网络零售额增长`: the page's name set apart above the first story's
                    # headline is the container's, not a headline over a one-line story
                    if not self.result.publication and ev.is_masthead_like(self.pending_title[0]):
                        self.result.publication = self.pending_title[0]
                    self.pending_title = [t]
                    blank_after_title = False
                    continue
                # a second title line: wrapped (or styled) titles span two lines
                # (unwrapped too when the first line breaks off mid-phrase: `…进出口额达` over `412.6亿元`)
                if (
                    self.wrapped or self.has_styles or ev.title_continues(self.pending_title[-1], t)
                ) and len(self.pending_title) < 3 and self._is_title_like(ln):
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

    def _body_line(self, text: str, ln: Line, prev: Line | None) -> None:
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
            if is_ad(art) or any(k in art.section for k in SECTION_NAMES_AD) and is_ad(art, loose=True):
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
