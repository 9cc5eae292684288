"""Line evidence for layout-general reading: what a single line (or paragraph) says about article structure.

Pure string work, no state: header lines (`【2024.08.02】标题`, `一、…`), meta lines (`发布日期:2020-12-15　来源:国家统计局`),
datelines (`新华社北京1月22日电（记者 …）`, `本报讯`), end marks (`(新京报)`, `（完）`), table rows (`指　标 | 3月 |`),
masthead lines (`新京报 2024年3月22日 B03版`), and the dates each of them carries. The layout parsers (`general.py`,
`paragraphs.py`) score these to find article boundaries; nothing here is tied to one publication.
"""

from __future__ import annotations

import re
from datetime import date

from bot.services.figures.script import to_simplified
from bot.services.ingest.normalise import ends_paragraph

# ------------------------------------------------------------------------------------------------ dates

#: a full date in any common notation: 2024年8月2日, 2024-08-02, 2024.08.02, 2024/8/2
YMD = r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日?|[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2})(?!\d))"
YMD_RE = re.compile(YMD)


def ymd(m: re.Match[str]) -> date | None:
    """The date of a `YMD_RE`-style match (None when it is not a calendar date)."""
    month = m.group("m1") or m.group("m2")
    day = m.group("d1") or m.group("d2")
    try:
        return date(int(m.group("y")), int(month), int(day))
    except (TypeError, ValueError):
        return None


def find_date(text: str) -> date | None:
    """The first full calendar date in `text`."""
    for m in YMD_RE.finditer(text):
        d = ymd(m)
        if d is not None:
            return d
    return None


def month_day(year_of: date | None, month: int, day: int) -> date | None:
    """A `M月D日` date in the year of `year_of` (the bulletin's date); a month after it means the year before.
    Without a reference year there is no date (never invented)."""
    if year_of is None:
        return None
    year = year_of.year
    if month > year_of.month + 1:  # a December dateline in a January bulletin
        year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------------ headers

#: a time of day after a header's date: `【07-17 08:50】`, `2023年1月30日 21:00　标题`, `2013年04月15日 10时45分`
_CLOCK = r"(?:\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}\s*时\s*\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?))?"
#: `【2024.08.02】标题`, `[2024-08-02] 标题`, `〖2024年8月2日〗标题`, `【2024-08-02 10:30】标题`
HEADER_DATE_RE = re.compile(r"^[【\[〖［(（]\s*" + YMD + _CLOCK + r"\s*[】\]〗］)）]\s*(?P<title>.*)$")
#: list numbering in front of a title: `一、`, `（一）`, `1.`, `1、`, `第一条`
#: an item's ordinal word with its separator: `第一则　`, `第1条｜`, `NO.1｜`, `No. 2:`, `#3 `
ORDINAL = (
    r"(?:第\s*[一二三四五六七八九十百\d]{1,4}\s*[则条篇项件]|(?:NO|No|no)\s*\.?\s*\d{1,3}|#\s*\d{1,3})"
    r"(?:\s*[｜|丨:：、.．]\s*|\s+)(?=\S)"
)
_ORDINAL_AT_START_RE = re.compile(r"^\s*" + ORDINAL)
NUMBERED_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*(?:[、．]|\.(?!\d))|"
    r"[（(]\s*\d{1,2}\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|"
    # `【1】标题`, `1) 标题`, `01 标题`: a number in brackets, before a closing bracket, or zero-padded
    r"[【\[〔［]\s*\d{1,2}\s*[】\]〕］]|\d{1,2}\s*[)）](?!\d)|0[1-9](?=[\s\u3000])|" + ORDINAL + r")\s*"
)
#: a bullet mark in front of a sub-head: `■ 网点下沉带动农产品进城`, `◆ 跨境电商`, `▍快递业务量增长`
SUBHEAD_MARK_RE = re.compile(r"^[■□◆◇●○▲△▶►★☆◎▍▌▎]\s*")

#: a headline line opening on its predicate, without a subject of its own (`累计完成3210.5万件，同比增长18.2%`,
#: `同比增长…`): a subtitle continuing the line above it
PREDICATE_OPEN_RE = re.compile(r"^(?:累计|同比|环比|实现|完成|达到|突破|增长|增幅|位居|位列|比上年|比去年|较上年|较去年)")
TOP_NUMBERED_RE = re.compile(r"^[一二三四五六七八九十百]{1,3}\s*[、．.]\s*")
#: a headline line that is only a span of time (`11月11日至11月20日双“11”期间`, `今年1—10月`): a kicker (引题) over the
#: headline, never the headline itself, however wide
PERIOD_ONLY_RE = re.compile(
    r"^(?:今年|去年|(?:19|20)\d{2}\s*年|\d{1,2}\s*月(?:份|底|末|初)?|\d{1,2}(?=\s*[至到—\-－~～]\s*\d)|\d{1,2}\s*[日号]|[上下]半年|前三季度|[一二三四1-4]季度|"
    r"双\s*[“\"「]?(?:11|12|十一|十二)[”\"」]?|[至到—\-－~～、“”\"「」\s　])+(?:期间|以来|前后)?$"
)
#: meta fields that sit right under a title (or close an article): 发布日期 / 来源 / 作者 / 编辑 ... / 原标题 (a reprint's
#: original headline: a restatement, never a figure of its own)
META_FIELD_RE = re.compile(
    r"^(?:发布日期|发布时间|发稿时间|发文日期|更新时间|日期|时间|(?:信息|文章|稿件|本文)?来源于?|稿源|出处|作者|"
    r"编辑|责任编辑|责编|记者|撰稿|撰文|审核|校对|编选|浏览次数|阅读次数|点击数|原标题|原题)\s*[:：]|"
    r"^[【\[［]\s*(?:原标题|原题)\s*[】\]］]"  # (`【原标题】…`, the bracketed form)
)
#: a reprint's line quoting the original headline (`原标题：…`, `【原标题】…`)
ORIGINAL_TITLE_RE = re.compile(r"^(?:(?:原标题|原题)\s*[:：]|[【\[［]\s*(?:原标题|原题)\s*[】\]］])")
META_ANY_RE = re.compile(r"(?:发布日期|发布时间|发稿时间|信息来源|文章来源|来源于?|责任编辑|编辑|作者|编选)\s*[:：]")
#: (an empty field is no outlet: `文章来源：　作者：` names no source, the next field's key is not one)
SOURCE_FIELD_RE = re.compile(
    r"(?:信息来源|文章来源|稿件来源|来源|稿源|出处)于?\s*[:：]\s*(?P<outlet>[^\s:：|]{2,30})(?!\s*[:：])"
)
#: keys of a release/source line's fields (`发布日期`, `发稿`, `稿源`, ...), longest first
_RELEASE_KEYS = (
    "发布日期|发布时间|发稿时间|发稿日期|发文日期|更新时间|信息来源|文章来源|稿件来源|本文来源|责任编辑|发布者|发稿|日期|时间|"
    "来源|稿源|出处|作者|编辑|责编|记者"
)
_RELEASE_KEY_RE = re.compile(r"(?:^|(?<=[\s|｜/／;；,，、\]】〕）)【\[〔（(]))(?P<key>" + _RELEASE_KEYS + r"|发布)\s*[:：]\s*")
#: `【发布】2018-03-14　【来源】国家统计局`: a bracketed key, the bare 发布 too (as after a colon or a mark)
_BRACKET_KEY_RE = re.compile(r"[【\[〔［〖]\s*(?P<key>" + _RELEASE_KEYS + r"|发布)\s*[】\]〕］〗]\s*")
#: a field behind a bullet mark, colon or not: `▲发布 2025-12-03 10:51　▲来源 国际商报`, `●稿源：新华社`
_MARK_KEY_RE = re.compile(r"[▲△●○◆◇■□★☆►▶]\s*(?P<key>" + _RELEASE_KEYS + r"|发布)(?:\s*[:：]\s*|\s+)(?=\S)")
_OPEN, _CLOSE = "【[〔［〖(（", "】]〕］〗)）"
_SOURCE_FROM_RE = re.compile(r"((?:信息|文章|稿件|本文)?来源)于\s*[:：]")
#: a reprint's credit closing a story: `（原载《经济日报》2019年1月5日）`, `——摘自《某某报》2019年1月5日第6版`
_REPRINT_CREDIT_RE = re.compile(
    r"^(?P<open>[（(]?)\s*(?:[—－-]{1,2}\s*)?(?:原载|摘自|转载自|转自|选自|刊于|刊发于)\s*"
    r"(?P<o>《[^》]{2,20}》|[\u4e00-\u9fff]{2,12}?)\s*(?P<date>" + YMD + r")(?:\s*第?\s*[0-9A-Z]{1,3}\s*版)?\s*(?P<close>[)）]?)$"
)
_FIELD_TRIM = " \t\u3000|｜/／;；,，、" + _OPEN + _CLOSE


def release_fields(text: str) -> dict[str, str] | None:
    """The fields of a release/source line in any bracket style and key order: `〔稿源：北京日报｜发稿：2015年09月22日
    07:24〕`, `【发布日期】2017年10月10日【来源】中国新闻社`, `(发布时间: 2023-07-21 来源: 商务部)` → {key: value}.
    None when the line is anything else (a sentence, a title mentioning 来源). Traditional characters (`來源`, `發佈時間`)
    are read as simplified (values too)."""
    text = _SOURCE_FROM_RE.sub(r"\1：", to_simplified(text))  # `本文来源于：…` is the 本文来源 field
    credit = _REPRINT_CREDIT_RE.match(text.strip())
    if credit is not None:
        text = f"{credit.group('open')}来源：{credit.group('o').strip('《》')}　日期：{credit.group('date')}{credit.group('close')}"
    t = _MARK_KEY_RE.sub(lambda m: f" {m.group('key')}：", text).strip()
    if not t or len(t) > 90 or "。" in t or not any(c in t for c in "：:】]〕］〗"):
        return None
    t = _BRACKET_KEY_RE.sub(lambda m: f" {m.group('key')}：", t).strip()
    while t and t[0] in _OPEN and t[-1] == _CLOSE[_OPEN.index(t[0])]:
        t = t[1:-1].strip()  # the whole line in one bracket pair
    keys = list(_RELEASE_KEY_RE.finditer(t))
    if not keys or keys[0].start() != 0:
        return None
    out: dict[str, str] = {}
    for k, m in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(t)
        value = t[m.end() : end].strip(_FIELD_TRIM)
        if not value or len(value) > 40:
            return None
        out.setdefault(m.group("key"), value)
    return out


#: a line that is only a date (and maybe a time): `2024-08-02 10:30`, `2024年8月2日 星期五`
DATE_LINE_RE = re.compile(r"^[(（]?\s*" + YMD + _CLOCK + r"\s*(?:星期.|周.)?\s*[)）]?$")


#: a page's field where a title would be (`2013年04月15日 10时45分　来源：统计局网站` is a release line, no header)
_FIELD_AHEAD = r"(?:来源|來源|稿源|出处|作者|编辑|责任编辑)\s*[:：]"
#: `2020.07.30 | 标题`, `2024-08-02　标题`, `■ 2024年10月24日　标题` (a date column in front of the title)
HEADER_DATE_PLAIN_RE = re.compile(
    r"^(?:[■□◆◇●○▲△▶►★☆◎]\s*)?" + YMD + _CLOCK + r"(?:\s*(?:星期|周)[一二三四五六日天])?"
    + r"(?:\s*[|｜丨]\s*|\s+)(?!\d{1,2}:\d{2}|\d{1,2}时\d{1,2}分|" + _FIELD_AHEAD + r")(?P<title>\S.{5,})$"
)
#: `标题（2024-10-18）`, `标题　2024年11月2日`: a digest item's date printed after its title
HEADER_DATE_AFTER_RE = re.compile(
    r"^(?P<title>\S.{5,}?)(?P<open>\s*[（(]\s*|[ \u3000]{1,3})" + YMD + r"\s*(?P<close>[)）]?)\s*$"
)


#: a name in a byline: two to five characters, or a two-character name padded to three (`王　珂`, as pages set them)
_BYLINE_NAME = r"(?:[\u4e00-\u9fff·]{2,5}|[\u4e00-\u9fff]\s{1,2}[\u4e00-\u9fff](?![\u4e00-\u9fff]))"
#: the outlet in front of a byline's 记者: `本报`, `新华社`, `总台央视`, `南方日报`, `澎湃新闻`, `封面新闻客户端`
_BYLINE_OUTLET = r"(?:本报|新华社|中新社|总台央视|总台|央视|[\u4e00-\u9fff]{1,8}?(?:报|社|电视台|网|新闻|客户端)|每经|界面|红星)"
#: a byline on its own line: `本报记者 张三`, `■ 本报记者 李四 王五`, `本报记者　王　珂`, `文/张三`, `记者 张三 通讯员 李四`
BYLINE_LINE_RE = re.compile(
    r"^(?:[■□◆●▲]\s*)?(?:" + _BYLINE_OUTLET + r"?(?:首席|特约|见习)?记者|通讯员|文\s*/|撰文)\s*" + _BYLINE_NAME
    # `每经记者　张三　每经编辑　李四`: the outlet's editor named after its reporter
    + r"(?:\s+(?:通讯员\s*|(?:[\u4e00-\u9fff]{1,6}?)?编辑\s*)?" + _BYLINE_NAME + r"){0,3}"
    # `本报记者　冯其予　文/图`: who wrote and photographed it
    + r"(?:\s+(?:文\s*[/／]\s*图|图\s*[/／]\s*文|摄影?|报道))?$"
)


#: a bare outlet or authority name (`国家统计局`, `新华网`, `经济日报`): a source, not a title
_OUTLET_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:网|社|报|台|部|局|署|委|厅|中心|办|杂志)$")
#: a one-word Latin name after a date (`2005年07月21日 15:05　ChinaByte`): a site's name, no headline of a Chinese story
_LATIN_NAME_ONLY = re.compile(r"^[A-Za-z][A-Za-z0-9.\-]{1,23}$")


def header_date(text: str) -> tuple[date | None, str] | None:
    """`【2024.08.02】标题` → (date, `标题`); None when the line is no dated header."""
    text = _unnumbered(text)
    m = HEADER_DATE_PLAIN_RE.match(text)
    if m and (_OUTLET_ONLY.match(m.group("title").strip()) or _LATIN_NAME_ONLY.match(m.group("title").strip())):
        return None  # `2024-07-15 | 国家统计局`: a release line (date and source), no dated header
    head = title_source(m.group("title"))[0] if m else ""  # (a source field after the title is no meta line)
    if (
        m
        and "|" not in head
        and not META_ANY_RE.search(head)
        and not EDITION_RE.search(head)
        and is_title_like(head, (len(head.encode()) + len(head)) // 2)
    ):
        return ymd(m), m.group("title").strip()
    m = HEADER_DATE_RE.match(text)
    if m and not (text[0] in "(（" and not m.group("title").strip()):  # `（2024年8月5日）` is a date line
        return ymd(m), m.group("title").strip()
    return None


#: a headline announcing a notice (`烟台上半年邮政行业运行情况通报`): long, and about a state of affairs — no masthead
_NOTICE_HEADLINE = re.compile(r"^[\u4e00-\u9fff“”]{4,}(?:情况|形势|数据|结果)通报$")


def date_after_title(text: str) -> tuple[date | None, str] | None:
    """`前三季度网上零售额增长8.6%（2024-10-18）` → (date, title): a headline with its date after it (a header when
    the page prints several). Not a masthead (`中国邮政快递报 2023年5月5日`: a publication's name), an issuer's line
    with a right-aligned date, an edition line or a sentence."""
    m = HEADER_DATE_AFTER_RE.match(text.strip())
    if m is None or m.group("title") != m.group("title").rstrip():
        return None  # (a date set far right, after a run of spaces: an issuer's or a masthead's line)
    title = m.group("title").strip()
    if (
        _OUTLET_ONLY.match(title)
        or (MASTHEAD_WORD_RE.search(title.strip("《》")) and not _NOTICE_HEADLINE.search(title))
        or EDITION_RE.search(title)
        or YMD_RE.search(title)
        or META_ANY_RE.search(title)
        or not re.search(r"[\u4e00-\u9fff]{4}", title)
        or not is_title_like(title, (len(title.encode()) + len(title)) // 2)
    ):
        return None
    if bool(m.group("close")) != bool(re.search(r"[（(]", m.group("open"))):
        return None  # an unclosed or an unopened bracket
    d = ymd(m)
    return (d, title) if d is not None else None


#: `【08.02】标题`, `[8月2日] 标题`: a header with month and day (the year is the bulletin's)
MD_HEADER_RE = re.compile(
    r"^[【\[〖［(（]\s*(?P<m>\d{1,2})\s*(?:[.\-/]|月)\s*(?P<d>\d{1,2})\s*日?" + _CLOCK
    + r"\s*[】\]〗］)）]\s*(?P<title>\S.*)$"
)
#: `【人民网】标题`, `[数据] 标题`: a bracketed tag in front of a title
TAG_HEADER_RE = re.compile(r"^[【\[〖［]\s*(?P<tag>[^】\]〗］\d]{1,14}?)\s*[】\]〗］]\s*(?P<title>\S.{3,})$")
_AGENCY_TAG_RE = re.compile(r"(?:网|社|报|台|部|局|署|委|厅|中心|办)$")


#: `08-02　标题`, `◆ 08.02 10:30 | 标题`: an unbracketed month-day column (zero-padded, as date columns are printed)
MD_PLAIN_HEADER_RE = re.compile(
    r"^(?:[■□◆◇●○▲△▶►★☆◎]\s*)?(?P<m>[01]\d)[-./](?P<d>[0-3]\d)(?![\d.])" + _CLOCK
    + r"(?:\s*[|｜丨]\s*|\s+)(?P<title>\S.{5,})$"
)


#: `11月12日　标题`, `◆ 8月2日 10:30 | 标题`: an unbracketed month-day column written in characters
MD_CN_HEADER_RE = re.compile(
    r"^(?:[■□◆◇●○▲△▶►★☆◎]\s*)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日" + _CLOCK
    # a column gap, not one space (`8月2日 国家统计局发布…` is a wrapped sentence)
    + r"(?:\s*[|｜丨]\s*|\s*\u3000\s*|\s{2,})(?P<title>\S.{5,})$"
)


def _unnumbered(text: str) -> str:
    """`1.【2023.10.18】标题`, `（二）[10-25] 标题`: a list number in front of a date header is no part of it."""
    m = NUMBERED_RE.match(text)
    if m and re.match(r"[【\[〖［(（]\s*\d|(?:19|20)\d{2}\s*[年.\-/]", text[m.end() :]):
        return text[m.end() :]
    return text


def md_header(text: str) -> tuple[int, int, str] | None:
    text = _unnumbered(text)
    m = MD_HEADER_RE.match(text)
    if m is None:
        m = MD_PLAIN_HEADER_RE.match(text) or MD_CN_HEADER_RE.match(text)
        if m is not None and not is_title_like(m.group("title"), (len(m.group("title").encode()) + len(m.group("title"))) // 2):
            return None  # `08-02 商务部发布数据显示，…`: a sentence after the date, no header
    if not m or not (1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31):
        return None
    return int(m.group("m")), int(m.group("d")), m.group("title").strip()


#: the cue marks of a video story's script (`【解说】…`, `【同期】国家统计局新闻发言人　付凌晖`): a narration or a
#: speaker's caption inside the story, never a tag over a headline
CUE_TAGS = frozenset({"解说", "同期", "同期声", "现场", "现场声", "采访", "画面", "字幕", "导语", "口播", "主持人", "正文"})


def tag_header(text: str) -> tuple[str, str] | None:
    """`【人民网】标题` → (`人民网`, `标题`)."""
    m = TAG_HEADER_RE.match(text)
    if not m or release_fields(text) is not None:
        return None  # `【发布日期】2017年10月10日【来源】…` is a release line
    if m.group("tag").strip() in CUE_TAGS:
        return None  # `【同期】发言人　某某`: a speaker's caption in a video script
    return m.group("tag").strip(), m.group("title").strip()


#: `标题（证券日报）`, `标题(新华网)`, `标题（综合）`: a digest item's source printed after its title
_TITLE_SOURCE_RE = re.compile(r"\s*[（(]\s*(?P<o>[^（）()\s]{2,12})\s*[)）]\s*$")
_COMPILED_SOURCES = frozenset({"综合", "综述", "综合报道", "综合消息"})


#: `标题　来源：国家统计局`: a source field after a header's title, on the same line
_TITLE_SOURCE_FIELD_RE = re.compile(
    r"(?:\s+|\s*[|｜丨]\s*)(?:信息来源|文章来源|稿件来源|来源|稿源|出处)\s*[:：]\s*(?P<o>[^\s:：|｜]{2,20})\s*$"
)


def title_source(title: str) -> tuple[str, str]:
    """(title, outlet) of a header title closed by its source in brackets or in a source field: `商务部发布数据（证券
    日报）` or `商务部发布数据　来源：证券日报` → (`商务部发布数据`, `证券日报`); `（综合）` is dropped with no outlet. Any
    other bracket (`（图）`, `（上）`, `（2023）`) stays."""
    f = _TITLE_SOURCE_FIELD_RE.search(to_simplified(title))
    if f and f.start() >= 4:
        return title[: f.start()].rstrip(), f.group("o")
    m = _TITLE_SOURCE_RE.search(title)
    if not m or m.start() < 4:
        return title, ""
    name = to_simplified(m.group("o"))
    if name in _COMPILED_SOURCES:
        return title[: m.start()], ""
    if _OUTLET_ONLY.match(name):
        return title[: m.start()], name
    return title, ""


def tag_outlet(tag: str) -> str:
    return tag if _AGENCY_TAG_RE.search(tag) else ""


def _bar_to_space(text: str) -> str:
    """`2024-07-15 | 国家统计局` (a date and its source, a bar between) read as `2024-07-15 国家统计局`."""
    m = YMD_RE.match(text)
    if m and re.match(r"\s*[|｜丨]\s*", text[m.end() :]):
        rest = re.sub(r"^\s*[|｜丨]\s*", "", text[m.end() :])
        if _OUTLET_ONLY.match(rest.strip()):
            return text[: m.end()] + " " + rest
    return text


#: a web page's controls copied with its text (`【纠错】　分享到：`, `打印本页　关闭窗口`, `点击查看大图`, `【字号：大 中 小】`,
#: `返回顶部`): a line holding nothing else reads as a blank line (`lines.read_lines`), and is web-page furniture
_CONTROL = (
    r"[【\[]?\s*(?:我要)?纠错\s*[】\]]?|分享到?|[【\[]?\s*(?:打印|关闭|收藏)(?:本页|此页|本文|窗口)?\s*[】\]]?"
    r"|返回(?:顶部|首页|列表|目录)|(?:点击)?查看(?:大图|原图|全文)|扫一扫|"
    r"[【\[]?\s*字[号体]\s*[:：]?\s*大\s*中\s*小\s*[】\]]?|[【\[]?\s*(?:上一篇|下一篇)\s*[】\]]?"
)
_CONTROLS = r"(?:" + _CONTROL + r")(?:[\s|｜/:：]*(?:" + _CONTROL + r"))*[\s|｜/:：]*"
WEB_CONTROLS_RE = re.compile(r"^" + _CONTROLS + r"$")
#: controls opening a page's date line (`【字体：大 中 小】 2023-05-12 10:21 来源：央视网`): no part of it
_LEADING_CONTROLS_RE = re.compile(r"^" + _CONTROLS + r"(?=(?:19|20)\d{2}\s*[-年./／])")
#: the heading of a list of links to other pages (`相关新闻`, `推荐阅读：`)
_RELATED = r"相关阅读|相关新闻|相关文章|相关链接|延伸阅读|推荐阅读|热点推荐|猜你喜欢"
RELATED_HEADING_RE = re.compile(r"^(?:" + _RELATED + r")\s*[:：]?$")
#: a web page's navigation and sharing furniture: a line of its controls (WEB_CONTROLS_RE), a breadcrumb
#: (`首页 > 热点 > 正文`, `今天看啥  ›  专栏  ›  某公众号`), `返回` / `顶部`, `分享到: 微信`, `相关热词: …`, `专栏名称: …`,
#: `文章预览`, `原文地址: …`, a repost's `原标题：…` line, the heading of a list of links (`相关新闻`)
WEB_FURNITURE_RE = re.compile(
    r"^" + _CONTROLS + r"$|"
    r"^(?:[^\s>›»＞。，]{1,16}\s*[>›»＞]{1,2}\s*){2,}[^\s>›»＞。，]{1,16}$|"
    r"^(?:返回|顶部|回到顶部|文章预览|发表评论(?:\s*取消回复)?|" + _RELATED + r")\s*[:：]?$|"
    r"^(?:分享到|相关热词|热词|标签|专栏名称|原文地址|快照地址|总结与预览地址|字号|字体|原标题|原题|上一篇|下一篇)\s*[:：]|"
    r"^[【\[［]\s*(?:原标题|原题)\s*[】\]］]"
)
#: a platform's byline with the date, fields set off by spaced dots: `某某邮政管理局  · 公众号  ·  · 2025-02-21 11:18`
DOT_BYLINE_DATE_RE = re.compile(
    r"^(?:[\u4e00-\u9fffA-Za-z]{2,16}\s*[·•]\s*)+(?:[·•]\s*)*" + YMD + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?$"
)


def _credit_date(t: str) -> bool:
    """A byline or credit line carrying the story's date (see _CREDIT_DATE_RE): short, no clause punctuation."""
    return len(t) <= 60 and not re.search(r"[，,；;！？。]", t) and bool(_CREDIT_DATE_RE.match(t) and YMD_RE.search(t))


#: a page's font-size toggles closing its date line (`三江都市报 2020-10-13 08:47 大字`): no part of it
_TRAILING_CONTROLS_RE = re.compile(
    r"(?:\s+(?:大字|小字|中字|[【\[]?\s*字[号体]\s*[:：]?\s*大\s*中\s*小\s*[】\]]?))+$"
)


def _without_trailing_controls(t: str) -> str:
    """A date line without the font-size toggles after it (see _TRAILING_CONTROLS_RE), when a date comes before."""
    m = _TRAILING_CONTROLS_RE.search(t)
    return t[: m.start()] if m and YMD_RE.search(t, 0, m.start()) else t


def strip_leading_controls(text: str) -> str:
    """A date line with a web page's controls before it, without them (see _LEADING_CONTROLS_RE)."""
    m = _LEADING_CONTROLS_RE.match(text)
    return text[m.end() :] if m and m.end() > 0 else text


def is_web_controls(text: str) -> bool:
    """A line of nothing but a web page's controls (see WEB_CONTROLS_RE): read as a blank line."""
    t = to_simplified(text.strip())
    return len(t) <= 40 and bool(WEB_CONTROLS_RE.match(t))


def is_web_furniture(text: str) -> bool:
    """A web page's navigation or sharing line (see WEB_FURNITURE_RE): never a title, a masthead or story text."""
    t = to_simplified(text.strip())
    return len(t) <= 60 and "。" not in t and bool(WEB_FURNITURE_RE.match(t))


def is_meta(text: str) -> bool:
    """A short metadata line (`发布日期:2020-12-15　来源:国家统计局`, `来源：商务部网站`, `2024-08-02 10:30`), in simplified or
    traditional characters (`來源：每日經濟新聞`)."""
    t = _without_trailing_controls(_bar_to_space(to_simplified(text.strip())))
    if release_fields(t) is not None:
        return True
    if not t or len(t) > 90 or "。" in t:
        return False
    if _credit_date(t):
        return True  # `界面新闻记者 | 张三 2025-12-05 10:20`, `每经记者：张三　每经编辑：李四　2025-12-05 10:20`
    if "|" in t:
        # `2024年01月19日 10:00 | 来源：中国新闻网`: a date, then the page's fields, bars between
        m = YMD_RE.match(t)
        return bool(m and META_ANY_RE.search(t, m.end())) or bool(_DATE_BAR_META.match(t))
    if PAPER_ISSUE_RE.match(t):
        return True
    if META_FIELD_RE.match(t) or DATE_LINE_RE.match(t) or BYLINE_LINE_RE.match(t):
        return True
    if t[0] in "(（" and t[-1] in ")）" and META_FIELD_RE.match(t[1:-1].strip()):
        return True  # `(发布日期: 2023-07-21)`
    # `2024-08-02 10:30:00　来源：人民网`, `2017-03-17 联商网`, `国家邮政局　2023年5月26日`
    m = YMD_RE.match(t)
    if m and (META_ANY_RE.search(t, m.end()) or NAME_RE.fullmatch(_TIME_RE.sub("", t[m.end() :]).strip())):
        return True
    return bool(NAME_DATE_RE.match(t) or DOT_BYLINE_DATE_RE.match(t))


_TIME_RE = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?")
#: a byline or credit opening a line that carries the story's date (`记者 张三 2025年12月5日`, `发布于：北京市 2025-12-05`):
#: an outlet's short name may come first (`界面新闻记者`, `每经记者：`)
_CREDIT_DATE_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{0,8}?(?:首席|特约|见习)?(?:记者|编辑|作者|责编|通讯员|发布于)")
#: an issuer's name: a few CJK (or Latin) words, no punctuation
NAME_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,16}(?:\s[\u4e00-\u9fffA-Za-z]{2,16})?")
#: `国家邮政局　2023年5月26日`, `中国互联网络信息中心　　2023年8月28日 10:00`
#: (a report's cover line may give the month only: `某某省商务厅　　2020年3月`)
NAME_DATE_RE = re.compile(
    r"^(?P<name>[\u4e00-\u9fffA-Za-z]{2,16})\s+(?:" + YMD + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:份)?)$"
)


def name_date(text: str) -> str:
    """The issuer of a `name date` / `date name` line ('' when the line is not one)."""
    t = _without_trailing_controls(_bar_to_space(text.strip()))
    m = NAME_DATE_RE.match(t)
    if m:
        return "" if _ROLE_NAME.fullmatch(m.group("name")) else m.group("name")
    m = YMD_RE.match(t)
    if m:
        rest = _TIME_RE.sub("", t[m.end() :]).strip()
        if NAME_RE.fullmatch(rest) and not _ROLE_NAME.fullmatch(rest):
            return rest
    return ""


#: a poster's role printed where a portal puts the source (`创始人　2026-03-21 10:07:09`, `小编 2025-01-05`): a person,
#: not a publication
_ROLE_NAME = re.compile(r"创始人|作者|编辑|小编|管理员|站长|网友|用户|匿名|admin|佚名", re.IGNORECASE)


def meta_outlet(text: str) -> str:
    text = to_simplified(text)
    fields = release_fields(text)
    if fields is not None:
        src = next((fields[k] for k in ("来源", "稿源", "信息来源", "文章来源", "稿件来源", "本文来源", "出处")
                    if k in fields), "")
        src = src.split()[0].strip("《》“”\"' ") if src.split() else ""
        return re.sub(r"(?:编辑部)$", "", src) if 2 <= len(src) <= 30 else ""
    m = SOURCE_FIELD_RE.search(text)
    if not m:
        return name_date(text)
    out = m.group("outlet").strip("《》“”\"' ")
    return re.sub(r"(?:编辑部)$", "", out)


# ------------------------------------------------------------------------------------------------ datelines

_AGENCY = (
    r"新华社|中新社|中新网|人民网[-－—]人民日报(?:海外版)?|人民网|新华网|央视网|央广网|光明网|中国新闻网|国际在线|澎湃新闻|"
    r"财新网|路透社?|彭博社?|"
    # financial outlets whose names end in no 网/社/报: `第一财经1月17日讯`, `证券时报e公司讯`, `21世纪经济报道`
    r"第一财经|央视财经|证券时报e公司|e公司|21世纪经济报道|每经|"
    r"[\u4e00-\u9fff]{2,8}?(?:网|社|报|台|新闻|客户端)"
)
#: `新华社北京1月22日电`, `人民网北京3月22日电`, `本报北京3月21日讯`, `中新网上海3月5日电（记者 …）`,
#: `顶端新闻郑州2月26日讯` (a news app's name)
#: any outlet's name right before a date and `电` with nothing after but a bracket or a space (`中新经纬1月4日电`):
#: the wire form itself marks a dateline, whatever the name ends in (never a time phrase, `今年1月5日电商…`)
_WIRE_NAMED = (
    r"(?!今年|去年|明年|前年|同年|当年|截至|截止|自|从|到|至|于|在|全年|上半年)[\u4e00-\u9fff]{2,6}"
    r"(?=\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|電)(?:[\s（(【\u3000]|$))"
)
DATELINE_RE = re.compile(
    r"^[■□◆●]?\s*(?:[（(【\[]\s*)?据?\s*(?P<agency>" + _AGENCY + r"|本报|" + _WIRE_NAMED + r")\s*(?:[\u4e00-\u9fff]{1,8}?)?\s*"
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:电|讯|消息|電|訊)"
)
#: starts that mark the lead of a news story without a date: `本报讯`, `新京报讯（记者 …）`, `据新华社消息`, `据《某某报》报道`
_KNOWN_AGENCY = r"新华社|中新社|中新网|人民网|新华网|央视网|央视新闻|央广网|光明网|中国新闻网|国际在线|澎湃新闻|财新网|经济日报|人民日报"
NEWS_LEAD_RE = re.compile(
    r"^(?:[（(【\[]\s*)?(?:本报讯|本报[\u4e00-\u9fff]{2,4}电|[\u4e00-\u9fff]{2,6}讯\s*[(（]\s*记者|"
    # (a news app's or site's `讯` set off by a space before the day it reports: `交汇点讯　8月14日，`, `潮新闻讯 3月2日，`)
    r"[\u4e00-\u9fff]{2,6}(?<![通资简])讯[ \u3000]+\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]|"
    r"[\u4e00-\u9fff]{1,6}(?:报|网|社|台|刊)讯|[【\[]\s*[\u4e00-\u9fff]{1,8}讯\s*[】\]]|"
    r"据(?:[\u4e00-\u9fff]{2,8}|《[\u4e00-\u9fff]{2,10}》)(?:消息|报道)|(?:" + _KNOWN_AGENCY + r")[\u4e00-\u9fff]{0,4}电|"
    # `央视网消息（新闻联播）：`, `证券时报e公司讯，`, `人民网-人民日报海外版讯`, `澎湃新闻记者 王五 1月17日，`
    r"(?:" + _KNOWN_AGENCY + r")消息|(?:证券时报)?e公司讯|人民网[-－—]人民日报(?:海外版)?讯|"
    r"(?:" + _KNOWN_AGENCY + r"|第一财经|界面新闻|每经|21世纪经济报道)记者\s*[\u4e00-\u9fff]{2,4}\s+(?:\d{1,2}\s*月|[\u4e00-\u9fff]{2,4}报道))"
)


#: another outlet's `讯` lead followed by the day it reports (`中国质量新闻网讯　8月14日，…`, `新京报讯（记者 张三）
#: 8月27日，…`): the story's date, as a dateline's. The page's own `本报讯　1月21日，` (or its masthead's `新京报讯` in
#: 新京报) reports an event of the issue, whose date stands: see `own_lead`.
LEAD_DATE_RE = re.compile(
    # (`证券时报e公司讯，9月8日，`, `21世纪经济报道记者王五　北京报道　9月7日，`: a comma, a place reported from)
    r"^[■□◆●]?\s*(?P<agency>" + _AGENCY + r")\s*(?:讯|訊|记者\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}报道)?\s)"
    r"\s*[，,]?\s*(?:[（(][^（）()]{0,20}[)）])?\s*"
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?=[，,、\s])"
)


def _lead_match(text: str) -> re.Match[str] | None:
    t = to_simplified(text.strip())  # `本報香港1月5日電`, `香港文匯報訊`: read as simplified (same length)
    return DATELINE_RE.match(t) or LEAD_DATE_RE.match(t)


def own_lead(text: str, publication: str) -> bool:
    """Is this a `…讯 M月D日，` lead of the page's own paper (`新京报讯　8月22日，` in 新京报)?"""
    m = LEAD_DATE_RE.match(to_simplified(text.strip()))
    return bool(m and publication and m.group("agency") in to_simplified(publication))


def dateline(text: str) -> tuple[str, int, int] | None:
    """(agency, month, day) of a dateline at the start of a paragraph (or of a `…讯 8月14日，` lead)."""
    m = _lead_match(text)
    if not m:
        return None
    return m.group("agency"), int(m.group("m")), int(m.group("d"))


#: a dateline printed at the end of a story (`…送达农村。新华社北京12月8日电（记者戴小河）`)
TRAIL_DATELINE_RE = re.compile(
    r"(?:^|(?<=[。！？!?”’」）)]))\s*[（(]?\s*(?P<agency>" + _AGENCY + r"|本报)\s*(?:[\u4e00-\u9fff]{1,8}?)?\s*"
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:电|讯|電|訊)\s*(?:[（(][^（）()]{0,30}[)）])?\s*[)）]?\s*$"
)


def dateline_date(text: str, year_of: date | None, *, trailing: bool = False) -> date | None:
    """The date of a story's dateline (its start, or with `trailing` its end): `新华社北京2024年3月22日电` as
    printed, `人民网北京3月22日电` in the year of `year_of` (the bulletin's date); None without one."""
    m = TRAIL_DATELINE_RE.search(to_simplified(text.strip())) if trailing else _lead_match(text)
    if not m:
        return None
    if m.group("y"):
        try:
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
    return month_day(year_of, int(m.group("m")), int(m.group("d")))


def trailing_dateline(text: str) -> tuple[str, int, int] | None:
    """(agency, month, day) of a dateline closing a story's last paragraph."""
    m = TRAIL_DATELINE_RE.search(to_simplified(text.strip()))
    if not m:
        return None
    return m.group("agency"), int(m.group("m")), int(m.group("d"))


_TRAIL_BRACKET_RE = re.compile(r"[（(〔【\[][^（）()〔〕【】\[\]]{2,60}[)）〕】\]]\s*$")


#: a reprint note closing a story: `（摘自《经济日报》2022年7月16日）`, `（据新华社　2022年7月14日）`
_REPRINT_NOTE_RE = re.compile(r"^[（(]\s*(?:摘自|转自|转载自|据)\s*[^（）()。，,]{2,30}[)）]$")


def trailer_date(text: str) -> date | None:
    """The date of release fields closing a story's last paragraph: `…增长5%。（来源：商务部网站　2020-07-30）`, or of
    a reprint note (`（摘自《经济日报》2022年7月16日）`)."""
    m = _TRAIL_BRACKET_RE.search(text.strip())
    if not m or (release_fields(m.group(0)) is None and not _REPRINT_NOTE_RE.match(m.group(0).strip())):
        return None
    return find_date(m.group(0))


_BRACKET_LEAD_RE = re.compile(r"^[【\[]\s*(?P<o>[\u4e00-\u9fff]{1,8}?(?:报|网|社|台|刊))讯\s*[】\]]")


def lead_outlet(text: str) -> str:
    """The outlet a story's lead names: `【大公报讯】…` → 大公报, `新华社北京1月22日电` → 新华社."""
    m = _BRACKET_LEAD_RE.match(to_simplified(text.strip()))
    if m:
        return m.group("o")
    dl = dateline(text)
    return dl[0] if dl and dl[0] != "本报" else ""


def starts_news(text: str) -> bool:
    t = to_simplified(text.strip())
    return bool(DATELINE_RE.match(t) or NEWS_LEAD_RE.match(t))


# ------------------------------------------------------------------------------------------------ end marks

#: `(新京报)`, `（完）`, `（记者 张三）`, `（来源：人民网）`, `（责任编辑：李四）` closing a story
_END_PAREN = r"[（(]\s*(?:完|终|[^（）()\d%％]{2,24})\s*[)）]"
END_MARK_RE = re.compile(r"(?:[。！？!?”’….]\s*)" + _END_PAREN + r"\s*$")
#: the staff roles of a portal's closing credit line (`责任编辑：李四`, `值班主任：王五`, `终审：赵六`)
_EDITOR_ROLE = r"(?:责任编辑|编辑|责编|审核|校对|责任校对|值班主任|值班编辑|值班总编|初审|复审|终审|编审|监制)"
END_LINE_RE = re.compile(
    r"^(?:" + _END_PAREN + r"|" + _EDITOR_ROLE + r"\s*[:：]\s*\S{1,20}(?:\s+\S{1,20}){0,3}"
    # (a portal's bracketed credit line closing a story: `【责任编辑：赵六】`, `[编辑：王五]` — no section heading)
    r"|[【\[〖]\s*" + _EDITOR_ROLE + r"\s*[:：]\s*[^】\]〗]{1,30}[】\]〗]"
    # (`【完】`, `[完]`, `〔完〕`: the end of a story in any bracket)
    r"|[【\[〖〔［]\s*(?:完|终)\s*[】\]〗〕］])$"
)
_END_OUTLET_RE = re.compile(r"[（(]\s*(?:来源\s*[:：]\s*)?(?P<o>[^（）()\s:：]{2,12})\s*[)）]\s*$")
_NOT_OUTLET = re.compile(r"完|终|记者|编辑|通讯员|摄|供图|图|据|译|作者|撰文|审核|校对")


#: a photo caption's credit: `图为…。　本报记者 王五 摄`, `（新华社记者 李某 摄）`
PHOTO_CREDIT_RE = re.compile(
    r"(?:记者|通讯员|摄影)?\s*[\u4e00-\u9fff·]{2,5}(?:\s+[\u4e00-\u9fff·]{2,5}){0,2}\s*摄\s*[)）]?$"
)


#: a picture's source line standing alone (`图自某某官网`, `图片来源：某网`, `图源：某某`, `某某供图`, `（资料图）`): part of a
#: photo's caption, never a title
PHOTO_SOURCE_RE = re.compile(
    r"^[(（]?\s*(?:(?:图片?(?:自|来自|源|来源|由)|图片提供|配图)\s*[:：]?\s*\S{2,24}|\S{2,16}\s*供图|"
    r"(?:相关|新闻|网络)?资料图(?:片)?)\s*[)）]?$"
)


def is_photo_source(text: str) -> bool:
    """A line naming only where a picture comes from (see PHOTO_SOURCE_RE)."""
    t = text.strip()
    return len(t) <= 30 and "。" not in t and bool(PHOTO_SOURCE_RE.match(t))


def ends_article(text: str) -> bool:
    """Does this paragraph close a story (an end mark after its last sentence, a line that is one, a photo
    caption's credit)?"""
    t = text.strip()
    return bool(END_MARK_RE.search(t) or END_LINE_RE.match(t) or PHOTO_CREDIT_RE.search(t))


def credit_only(text: str) -> bool:
    """Does this paragraph end on a photo caption's credit (`…。（记者 张三 摄）`) rather than on a story's end mark?"""
    return bool(PHOTO_CREDIT_RE.search(text.strip()))


def end_outlet(text: str) -> str:
    """`…增长。(新京报)` → 新京报, `（新华社发）` → 新华社; `（完）`, `（记者 张三）` → ''."""
    m = _END_OUTLET_RE.search(text.strip())
    if not m or _NOT_OUTLET.search(m.group("o")):
        return ""
    out = m.group("o")
    return out[:-1] if out.endswith("发") and len(out) >= 3 else out  # `（新华社发）`: released by 新华社


# ------------------------------------------------------------------------------------------------ tables, titles


def _md_column_title(text: str) -> bool:
    """`09-27 15:30 | 标题`, `8月2日 | 标题`: a month-day column and a title behind one bar (a header, no table
    row)."""
    m = MD_PLAIN_HEADER_RE.match(text.strip()) or MD_CN_HEADER_RE.match(text.strip())
    return bool(m and "|" not in m.group("title") and _CJK_RUN_RE.search(m.group("title")))


_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{4}")


def is_table(text: str) -> bool:
    """An indicator-table row (`指　标 | 3月 | | 1—3月 |`): kept as its own line, never a title, never joined. The
    bar after an item's ordinal (`NO.1|标题`, `第2条|标题`) is no cell border."""
    m = _ORDINAL_AT_START_RE.match(text)
    cells = text[m.end() :] if m else text
    return (
        ("|" in cells or cells.count("\t") >= 2)
        and header_date(text) is None
        and not _md_column_title(text)
        and release_fields(text) is None
        and _bar_to_space(text.strip()) == text.strip()
        and not _DATE_BAR_META.match(to_simplified(text.strip()))
        and not _credit_date(to_simplified(text.strip()))
    )


#: `2024年01月19日 10:00 | 来源：中国新闻网`, `新华网 | 2024-03-08 10:00:00`: a page's date and fields with bars
#: between, not a table row
_DATE_BAR_META = re.compile(
    "^" + YMD + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[|｜]\s*(?:来源|作者|编辑|责任编辑|稿源|出处)\s*[:：][^|｜]{1,30}"
    r"(?:[|｜]\s*(?:来源|作者|编辑|责任编辑|稿源|出处)\s*[:：][^|｜]{1,30})*$|"
    r"^[\u4e00-\u9fffA-Za-z]{2,16}\s*[|｜]\s*" + YMD.replace("?P<", "?P<b_") + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?$"
)
#: `《 人民日报 》（ 2024年03月08日   第 02 版）`: a paper's name with its issue date (and page)
PAPER_ISSUE_RE = re.compile(
    r"^《\s*[\u4e00-\u9fff]{2,16}\s*》\s*[（(]\s*" + YMD + r"\s*(?:第\s*[\d一二三四五六七八九十A-Z]{1,4}\s*版)?\s*[)）]$"
)


_TITLE_END_BAD = frozenset("：:，,、；;（([【")
#: a sentence ended with an ASCII full stop (`…平稳.1-2月,…`), not a decimal point
_ASCII_STOP_RE = re.compile(r"[\u4e00-\u9fff%）)”]\.(?!\d)|\.$")
#: a notes block inside a release (`附注`, `注：`): what follows belongs to the release
#: a field of a release's definitions (`统计范围：`, `指标解释：`, `数据来源：`, `调查方法：`)
NOTE_FIELD_RE = re.compile(r"^[一二三四五六七八九十0-9]*[、.．]?\s*(?:统计范围|指标解释|主要指标解释|调查范围|调查对象|调查方法|统计口径)\s*[:：]")
NOTES_RE = re.compile(r"^(?:附\s*注|注\s*释|注|备\s*注|说\s*明|名词解释|指标解释)\s*(?:[:：].*)?$")
#: a separator line (`------`, `＊＊＊`): ends a story, never a title
SEPARATOR_RE = re.compile(r"^[\W_]{3,}$")
#: an editor's note, not an article
EDITOR_NOTE_RE = re.compile(r"^(?:编者按|编者的话|编辑说明|说明)\s*[:：]")


#: the label of a newspaper's lead box or reading note, alone on its line (`核心阅读`, `阅读提示`, `【导读】`): the
#: paragraphs under it are the story's own lead, the label is no headline
LEAD_LABEL_RE = re.compile(r"^[【\[〖]?\s*(?:核心阅读|阅读提示|内容提要|内容摘要|本文导读|导读|提要|摘要)\s*[】\]〗]?\s*[:：]?$")


#: a short headline closed by a question or exclamation mark (`网购节“火”了谁？`, `快递跑出“加速度”！`): no clause
#: inside it, no quoted speech or question-and-answer line (`“太方便了！”`, `问：…？`, `记者：…？`)
_ASKING_HEADLINE_RE = re.compile(r"^(?![“\"「『‘问答]|.*[：:，,；;。])[^\s].{2,20}[？！?!]$")


def is_title_like(text: str, width: int) -> bool:
    """Could this paragraph be a title: short, not a sentence, not furniture?"""
    t = text.strip()
    if not t or width < 4 or width > 100 or is_table(t) or LEAD_LABEL_RE.match(t):
        return False
    if (ends_paragraph(t) and not _ASKING_HEADLINE_RE.match(t)) or t[-1] in _TITLE_END_BAD or "。" in t:
        return False
    if _ASCII_STOP_RE.search(t):
        return False
    if is_meta(t) or starts_news(t) or END_LINE_RE.match(t) or PHOTO_CAPTION_RE.match(t):
        return False
    return True


#: paired marks a headline may break inside (`《中国…农产` / `品电商报告（2020）》`)
_PAIRED_MARKS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("「", "」"), ("‘", "’"))
#: a headline line ending on a word that needs what follows: a conjunction, 的, 同比, or an indicator's verb of amount
#: (`…跨境电商进出口额达` / `1.2万亿元`; not `…如期而至`, `…送达`)
_DANGLING_END_RE = re.compile(
    r"(?:的|和|与|及|或|同比|环比|(?<=[量额值模数入率计])(?:达|为|占|超|逾|近|约|比|较|达到|超过|突破))$"
)
#: a headline line that is only an amount or its complement (`三成以上`, `超千亿元`, `18.3%`, `两位数`): no headline
#: of its own, the rest of the line above
_AMOUNT_ONLY_RE = re.compile(
    r"^(?:超|逾|近|约|达|超过|突破)?[\d.一二三四五六七八九十百千两半]+\s*(?:万亿|千亿|百亿|亿|万|千)?"
    r"(?:个百分点|%|成|倍|元|件|人|户|家|位数)?(?:以上|左右|多)?$"
)
#: a line opening inside the word the line above broke: a unit, or a closing mark
_CONTINUED_OPEN_RE = re.compile(
    r"^(?:[》”）)」’]|(?:(?:万亿|千亿|亿|万)?(?:元|件|人次|人|户|家)|%|个百分点)(?=$|[\s，,、；;（(]|同比|增长|下降))"
)
_GROWTH_END_RE = re.compile(r"(?:增长|增加|提高|提升|下降|减少|增|降|扩大|翻)了?$")
#: a headline line that is only its subject, an indicator named without a predicate (`8月份全省快递业务量`)
_SUBJECT_END_RE = re.compile(r"(?:业务量|揽收量|投递量|处理量|零售额|销售额|交易额|进出口额|进出口总值|总额|总值|规模|收入|用户数|人数)$")
_PREDICATE_WORD_RE = re.compile(r"增|降|达|破|超|创|居|为|是|迎|升|跃|翻|实现|完成|保持|来临|回暖|提升|提高|减少|上涨|下跌|走强|领跑")
#: the predicate a headline's second line opens on after a subject-only first line (`达6.2亿件`, `同比增长两成`)
_PREDICATE_START_RE = re.compile(r"^(?:同比|环比|累计|达|超|逾|破|突破|首破|首超|增长|增|下降|降|实现|完成|创|跃居|位居|居)")


def title_continues(first: str, second: str) -> bool:
    """Is `second` the rest of a headline broken after `first` (not a subtitle or a headline of its own)? Scored on
    what neither line can do alone: a mark opened on the first line and closed on the second (`…《中国…农产` /
    `品电商报告（2020）》`), a second line opening inside a word (a unit, a closing mark: `…2563.1亿` / `元　同比增长…`),
    a first line ending on a word that needs its object (`…进出口额达` / `412.6亿元`), a first line that is only the
    subject of a predicate the second opens on (`8月份全省快递业务量` / `达6.2亿件`), or a second line that is only
    an amount completing the first's growth (`…进出口额增长` / `三成以上`)."""
    a, b = first.strip(), second.strip()
    if not a or not b:
        return False
    for o, c in _PAIRED_MARKS:
        if a.count(o) > a.count(c) and b.count(c) > b.count(o):
            return True
    if _CONTINUED_OPEN_RE.match(b):
        return True
    if _DANGLING_END_RE.search(a) and not PREDICATE_OPEN_RE.match(b):
        return True
    if _SUBJECT_END_RE.search(a) and not _PREDICATE_WORD_RE.search(_SUBJECT_END_RE.sub("", a)) and _PREDICATE_START_RE.match(b):
        return True  # `8月份全省快递业务量` over `达6.2亿件`: a subject alone is no headline, its predicate under it
    return bool(_AMOUNT_ONLY_RE.match(b)) and bool(_GROWTH_END_RE.search(a) or _DANGLING_END_RE.search(a))


#: a photo's caption (`图为某地电商直播基地（资料图）`, `上图：分拣中心`): part of the story around it, never a title
PHOTO_CAPTION_RE = re.compile(r"^[(（]?\s*(?:[上下左右]{1,2})?图\s*(?:为|[:：])")


#: words a masthead (the container's own name) ends with
MASTHEAD_WORD_RE = re.compile(
    r"(?:报|讯|动态|简报|周刊|月刊|旬刊|快讯|参考|通讯|资讯|摘编|汇编|要闻|周报|专刊|文摘|选编|精选|速递|一览|集锦|"
    r"专报|信息|观察|导刊|期刊|digest|weekly|daily)$",
    re.IGNORECASE,
)
#: a yearbook's running head: its name and edition year (`中国统计年鉴—2012　　运输、邮电和软件业`, `广东统计年鉴2024`)
YEARBOOK_HEAD = re.compile(r"^(?P<pub>[\u4e00-\u9fff]{2,12}年鉴)\s*[—－\-]{0,2}\s*(?:19|20)\d{2}(?:\s|$)")
EDITION_RE = re.compile(r"第\s*[\d一二三四五六七八九十]{1,4}\s*[版期辑号]|[A-Z]\d{1,2}\s*版?|星期.|总第?\s*\d+\s*期")


def masthead_name(text: str) -> str:
    """The publication name in a masthead line (`新京报 2024年3月22日 星期五 B03版` → 新京报): the part before any
    date, issue or edition mark; '' when nothing name-like is left."""
    cut = len(text)
    for rx in (YMD_RE, EDITION_RE, re.compile(r"(?:19|20)\d{2}\s*年")):
        m = rx.search(text)
        if m:
            cut = min(cut, m.start())
    name = re.sub(r"\s*[(（][^()（）]{1,12}[)）]\s*$", "", text[:cut])  # `(内部参考)`
    name = name.strip(" \t\u3000-—|·•:：,，（(【[")
    name = name.strip("《》“”\"'")
    name = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", name)  # `商　务　动　态`
    if not name and cut < len(text):  # `2024年第5期　电商简讯`: the name after the issue and date marks
        rest = _MARKS_RE.sub(" ", text).split()
        named = [w for w in rest if MASTHEAD_WORD_RE.search(w) and not re.search(r"\d", w)]
        name = named[0] if named else ""
    if not name or len(name) > 20 or re.search(r"[。！？]", name):
        return ""
    return name


def issuer(outlet: str) -> str:
    """The body a release comes from, as a container's name: a source line names the medium (`国家统计局网站`,
    `商务部官网`) where the publisher is the body itself (国家统计局, 商务部); other outlets as given."""
    name = re.sub(r"(?:官方网站|门户网站|官网|网站)$", "", outlet)
    return name if len(name) >= 2 else outlet


_MARKS_RE = re.compile(
    YMD
    + r"|(?:19|20)\d{2}\s*年\s*第\s*\d{1,4}\s*[期辑号](?:\s*[(（][^()（）]*[)）])?|第\s*[\d一二三四五六七八九十]{1,4}\s*[版期辑号]"
    r"|星期.|总第?\s*\d+\s*期|[A-Z]\d{1,2}\s*版?"
)


def is_masthead_like(text: str) -> bool:
    t = text.strip()
    if YMD_RE.search(t) or EDITION_RE.search(t):
        return True
    # a name, not a headline: no figures in it
    return not re.search(r"\d", t) and bool(MASTHEAD_WORD_RE.search(t.strip("《》")))
