"""Article- and text-level entry points: text → paragraphs → sentences (each read by sentence.py, the context
carried as the trust rules of the package docstring say), indicator tables, `附注` notes skipped, headline
restatements merged into the exact figure, trade parts named; then the values ingest stores.

    extract_figures(text, published, *, title="", home="") -> list[ExtractedFigure]
    merge_restatements(figs) -> list[ExtractedFigure]
    figure_values(body, published, *, title="", home="") -> list[dict]   used by ingest (prepare, preview)
    figures_for_article(article) -> list[Figure]                           used by ingest and tests

Re-exported by the package (`bot.services.figures`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bot.db.models import Article, Figure
from bot.services.figures.context import _OWN_TIME, NAMED_SPAN, _Ctx
from bot.services.figures.lexicon import _ASCII_STOP, _DIGIT_RE, _SENT_RE
from bot.services.figures.model import FIGURE_FIELDS, ExtractedFigure, is_growth_only, normalise_metric
from bot.services.figures.naming import SUBJECTLESS_SHARE, _part_name
from bot.services.figures.numbers import MULTIPLIERS, fold
from bot.services.figures.periods import find_periods
from bot.services.figures.regions import (
    _CITY_WORDS,
    _LOCAL_NAMES,
    _MUNICIPALITIES,
    _OUTLET_AFTER,
    ARTICLE_PLACES,
    CAPITALS,
    NATIONAL_SOURCE,
    _is_city,
    _own_region,
    _region_mentions,
    article_places,
    article_region,
    local_scope,
    paragraph_place,
    place_name,
    province_over_city_home,
    sole_province,
    split_region,
    titled_home,
    titled_place,
)
from bot.services.figures.script import to_simplified
from bot.services.figures.sentence import _FLOW, _MONEY, FIXED_HOLIDAY, _extract_sentence
from bot.services.figures.tables import _is_period_cell, _table_figures, find_tables, split_glued_rows
from bot.services.figures.wraps import repair_wraps

#: a speaker's attribution between two quotations: `”浙江省邮政管理局局长某某在发布会上说，` (before `“`)
_ATTRIBUTION_OPEN = re.compile(
    r"(?<=[”」])[^“”「」。！？；;\n]{2,40}?(?:说|表示|介绍|指出|称|坦言|透露|强调)[，,：:](?=[“「])"
)

#: a sentence that refers back to the one before (`其中，…`, `同期，…`, `在实物商品网上零售额中，…`): it may take the
#: period of the sentence before; any other sentence without a period of its own has none
_REFERS_BACK = re.compile(
    r"^[\s,，、“「]*(?:(?:此外|另外|同时|而|数据显示|统计显示)[,，]?\s*)?"
    # (not `在商务部最新公布的115个…项目中，`: among a list just published, no part of the account before)
    r"(?:其中|同期|当年|当月|当季|同一时期|这一时期|此期间|期间|在(?![^，,。；;]{0,24}?(?:最新|公布|发布|名单))[^，,。；;]{2,24}?中[,，]"
    # `出口商品中，机电产品出口22.9亿美元`: the goods of the trade just stated
    r"|(?:进出口|出口|进口)(?:商品|产品)中[,，]"
    # `在这个最长的春节假期里，…`: the span of days just stated, named again with a demonstrative
    r"|在?(?:这个|这一|这次|此次|本次)[^，,。；;\d]{0,8}?(?:假期|长假|黄金周|小长假|节日|时期)(?:里|中|内|期间)?[,，])"
)

#: a sentence announcing a list of points (`主要呈现以下五个方面的特点：`, `呈现三个特点`)
_ANNOUNCE = re.compile(
    r"(?:呈现|具有|表现出|体现在|主要有|有)[^。；;]{0,8}?(?:以下|如下|[一二三四五六七八九十两]个|几个)(?:方面的?)?(?:特点|特征|亮点|方面)"
)
#: a point's own time (a stock now, a plan, the years so far): not the announced period
_POINT_OWN_TIME = re.compile(r"目前|当前|现在|如今|未来|近年|过去|此前|预计|计划|有望|力争|将(?!近)|累计|截至|截止")
#: a point of a spoken list (`一是…`, `第二，…`)
_POINT_LEAD = re.compile(r"^[\s　]*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]\s*[，,、])")


def _read_points(para: str, ctx: _Ctx, before: str = "") -> None:
    """`今年一季度…。具体来看，主要呈现以下五个方面的特点：` / `一是…` / `二是…`: a list of points announced over a
    period (the announcing sentence's own, else the one just stated) — each point that names no period is over it.
    A paragraph that neither announces nor makes a point ends the list."""
    ann = _ANNOUNCE.search(para)
    if ann is not None:
        sent_start = max(para.rfind(c, 0, ann.start()) for c in "。；;") + 1
        own = [p for p in find_periods(fold(para[sent_start : ann.start()]), ctx.published) if not p.comparison]
        own = [p for p in own if p.kind not in ("now", "yearrange")]
        carried = ctx.period if ctx.period is not None and not ctx.period_forecast else None
        if not own and sent_start == 0 and before:
            # `今年一季度，我国经济运行…。` / `具体来看，主要呈现以下五个方面的特点：`: the period the paragraph before
            # the announcement closed on (a sentence of no figures still states it)
            prior = [p for p in find_periods(fold(before), ctx.published) if not p.comparison and p.kind not in ("now", "yearrange")]
            own = prior[-1:]
        ctx.points_period = own[0] if own else carried
    elif ctx.points_period is not None and _POINT_LEAD.match(para) is None:
        ctx.points_period = None


#: a sentence adding a further item to the paragraph's account (`此外，…`, `另外，…`)
_FURTHER = re.compile(r"^[\s,，、“「]*(?:此外|另外)[,，]")
#: a stock of things built or held such an item states (`此外，全省已建成…个`): no period carried to it
_FURTHER_STOCK = re.compile(r"建成|设立|拥有|共有|开通|覆盖|入驻|培育|认定|获批|网点|站点|企业数|店铺数")

#: anywhere in a sentence: a change on the same period a year before (同比 = 与上年同期相比)
_REFERS_BACK_ANY = re.compile(r"同比|按年|(?:上年|去年)同期")

#: a running total of money (`电影票房累计超过112亿元`, `平台累计直播销售额1.27万亿元`): a flow over the period the
#: paragraph just stated — unlike a count of things built or held to date (`累计建成5G基站…个`), a stock
#: an amount or volume completed (`业务量完成643.34万件`, `业务收入完成0.06亿元`): a flow over some period
_COMPLETED_FLOW = re.compile(
    r"完成[了约近超过逾]*\s*[0-9０-９][0-9０-９.,．]*\s*(?:万亿|千亿|亿|万|千)?\s*(?:元|美元|件|笔|吨|单|票)"
)
_RUNNING_TOTAL = re.compile(
    r"累计[^，,。；;0-9０-９]{0,10}?[0-9０-９][0-9０-９.,．]*\s*(?:万亿|千亿|亿|万|千)?\s*(?:元|美元|欧元)"
)

#: a paragraph framed by its period (`从2021年全省电商运行结构看，…`): the structure it goes on to describe is that
#: period's, in every later sentence of the paragraph that names no time of its own
_FRAME_LEAD = re.compile(
    r"^[\s　]*从(?:(?:19|20)[0-9]{2}\s*年|今年|去年|上半年|前三季度|[一二三四]季度)[^，,。；;0-9]{0,16}?(?:来看|看)[，,]"
)

#: a paragraph opening with a breakdown (`从商品类别看，`, `分地区看，`, `按消费类型分，`) that names no time
_UNDATED_BREAKDOWN = re.compile(
    r"^[\s　]*(?:从[^，,。；;0-9年月季]{2,16}?(?:来看|看)|分[\u4e00-\u9fff]{1,6}?(?:来看|看)|按[\u4e00-\u9fff]{2,8}?分)[，,]"
)

#: a sentence that may hold a figure: digits, or tenths written 成 (`同比增长近三成`, numbers._CN_TENTHS)
_NUMBER_HINT = re.compile(r"[0-9０-９]|[一二两三四五六七八九]成")

#: a rank continuing the ranking of the sentence before in its paragraph (`美国以213亿件发货量位居第二`)
_RANK_CONTINUES = re.compile(r"(?:位居|居|位列|排名|排)第[二三四五六七八九十2-9２-９]")


#: a period named without digits (`今年上半年网络零售保持增长。`): it may date a quotation that follows
_PERIOD_WORDS = re.compile(r"上半年|下半年|[一二三四]季度|前三季度|全年|去年|今年|上年")
_SPEECH_QUOTE = re.compile(r"[。！？]\s*[“「]")


#: a sentence opening with a 、-list of places and 分别 (`深圳、广州分别完成…`)
_LISTED_PLACES = re.compile(r"^[\s，,]*(?P<l>[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+?)(?:两地|三地|等地)?分别")


def _place_part_paragraph(para: str, metrics: list[str], article_region: str) -> bool:
    """Does the paragraph open with a place other than the article's, then a flow the paragraph before stated
    (`金华市实现网络零售额2453.6亿元…` after `全省实现网络零售额…`): that place's part of the same account."""
    if not metrics:
        return False
    place, rest = split_region(para.lstrip(" \u3000"))
    if not place or place in ("全国", article_region) or place in _LOCAL_NAMES:
        return False
    rest = re.sub(r"^(?:实现|完成|共实现|累计实现|的)", "", rest)
    return any(len(mt) >= 3 and _FLOW_NAME.search(mt) is not None and rest.startswith(mt) for mt in metrics)


def _region_breakdown(quote: str) -> bool:
    m = _LISTED_PLACES.match(quote)
    if not m:
        return False
    region, rest = split_region(m.group("l") + "xx")
    return bool(region) and rest == "xx"


def _kind_of_stated_flow(quote: str, metrics: list[str]) -> bool:
    """Does the sentence name a kind of a flow its paragraph stated (`农产品网络零售额` after `网络零售额`): the
    stated name with a qualifier of two or more characters in front of it."""
    return any(
        len(m) >= 3 and _FLOW_NAME.search(m) is not None and re.search(r"[\u4e00-\u9fff]{2}" + re.escape(m), quote)
        for m in metrics
    )


#: a story's opening dateline (`新华社北京12月31日电`, `人民网南宁3月2日电`): the month and day it was filed
_FILED_RE = re.compile(r"^\s*[^\s，,。；;：:、“”]{0,16}?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:电|讯|電|訊)")


#: a year named relative to the writer's now (`今年上半年`): what a dateline's filing day dates
_REL_NOW = re.compile(r"今年|本年|去年|上年")


def _filed_on(lead: str, published: date | None, text: str = "") -> date | None:
    """`新华社北京12月31日电 …今年我国快递业务量突破1700亿件` reposted on 2 January: the story was filed the year before,
    and its 今年 is that year — the reference date for its relative periods is the filing day. Only a dateline in an
    earlier year (a month after the publication's, within two months of it) moves the reference. `lead`: the story's
    first line, folded (see _lead)."""
    if published is None:
        return None
    m = _FILED_RE.match(lead)
    if m is None or int(m.group("m")) <= published.month:
        return published
    try:
        filed = date(published.year - 1, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return published
    if (published - filed).days <= 62:
        return filed
    # `人民网北京7月20日电 …今年上半年…` reposted the next January: a story that names its year relative to when it
    # was written (今年) was written on its dateline's day, however late the repost (a dateline far from the page's
    # date that the story does not lean on changes nothing)
    return filed if _REL_NOW.search(text[:400]) else published


_CAPITAL_DATELINE_RE = re.compile(
    r"^\s*[^\s，,。；;：:、“”\d]{0,10}?(?P<city>" + "|".join(CAPITALS) + r")\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯)"
)


def _lead(text: str) -> str:
    """A story's first line (its first 40 characters), folded: where a dateline stands."""
    return fold(text.lstrip().split("\n", 1)[0][:40])


def _dateline_province(lead: str) -> str:
    """`新华社杭州1月5日电 …2024年全省快递业务量完成290亿件`: the province whose capital the story was filed from — what
    an unnamed 全省/我省 is in it (an unnamed 全市 stays unnamed: the story may be about another city)."""
    m = _CAPITAL_DATELINE_RE.match(lead)
    return CAPITALS[m.group("city")] if m else ""


#: the one-character names of provinces a headline uses (`闽11月快件量超5548万件`)
_PROVINCE_ABBR = {
    "冀": "河北", "晋": "山西", "辽": "辽宁", "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建", "赣": "江西",
    "鲁": "山东", "豫": "河南", "鄂": "湖北", "湘": "湖南", "粤": "广东", "琼": "海南", "川": "四川", "蜀": "四川",
    "黔": "贵州", "滇": "云南", "陕": "陕西", "陇": "甘肃",
}
#: such a name standing as a headline's subject: at a word's start, right before when its figure is of
_TITLE_ABBR_RE = re.compile(
    r"(?:^|(?<=[\s　，,：:！!？?“”\"]))(?P<a>[" + "".join(_PROVINCE_ABBR) + r"])"
    r"(?=\d|今年|去年|前|上半年|下半年|全年|[一二三四]季度|[一二三四五六七八九十]{1,2}月)"
)


def _title_abbreviation(title: str, text: str) -> str:
    """`闽11月快件量超5548万件` over a story that says 我省 without naming it: the province the headline names by its
    one-character name (only one such name, standing before a period)."""
    if not any(w in text for w in ("我省", "全省", "本省")):
        return ""
    found = {_PROVINCE_ABBR[m.group("a")] for m in _TITLE_ABBR_RE.finditer(title)}
    return found.pop() if len(found) == 1 else ""


def extract_figures(
    text: str, published: date | None, *, title: str = "", home: str = "", outlet: str = ""
) -> list[ExtractedFigure]:
    """Every figure in `text` (normalised article text, paragraphs separated by newlines), in text order.

    `title`: the article's title; a region it names (`上海市快递业务量…`) — or, failing that, the region of an
    authority in the lead (`上海市邮政管理局发布…`) — is the region of every figure whose sentence names none.
    `home`: the region the publication is named after (see home_region): what an unnamed 我市/全省 refers to when
    the article names no region.
    `outlet`: the article's source as its release line names it (`来源：市统计局` → 市统计局), when known."""
    lead = _lead(text)
    published = _filed_on(lead, published, text)
    home = home or _dateline_province(lead) or sole_province(text) or _title_abbreviation(title, text)
    home = province_over_city_home(home, text)
    # traditional characters are read as simplified (same length: the wrap repair joins the same lines of both)
    written = repair_wraps(text)
    text = to_simplified(written)
    token = ARTICLE_PLACES.set(article_places(text, title))
    try:
        return _extract(text, written, published, title, home, outlet)
    finally:
        ARTICLE_PLACES.reset(token)


def _local_article(title: str, home: str) -> str:
    """An article titled about an unnamed local scope (`上半年我市消费市场运行情况`): its figures are that scope's (the
    publication's place when it is of that kind), never the nation's."""
    word = local_scope(title)
    return _own_region(word, "", home) if word else ""


#: a release line naming its issuer as an unnamed local office (`2022-09-19　来源：市统计局`, `发布机构：省统计局`)
_LOCAL_ISSUER = re.compile(
    r"(?:来源|发布机构|发布单位|信息来源)\s*[:：]\s*(?P<lvl>[省市区县])"
    r"(?:统计局|商务厅|商务局|邮政管理局|人民政府|政府|发展和改革委员会|发改委)(?![\u4e00-\u9fff])"
)
_ISSUER_SCOPE = {"省": "我省", "市": "我市", "区": "我区", "县": "全县"}


def _locally_issued(text: str, home: str, outlet: str = "") -> str:
    """An article released by an unnamed local office (`来源：市统计局`) of the publication's place (上海市统计局's
    site): its figures are that place's, when the place is of the office's kind (a city for 市, a province for 省)."""
    if not home:
        return ""
    lines = [x for x in text.split("\n") if x.strip()]
    for line in ([f"来源：{outlet.split()[0]}"] if outlet.strip() else []) + lines[:4] + lines[-2:]:
        m = _LOCAL_ISSUER.search(fold(line))
        if m:
            place = _own_region(_ISSUER_SCOPE[m.group("lvl")], "", home)
            return place if place == home else ""
    return ""


def _sole_city(title: str, text: str) -> str:
    """The one city an article names, when it speaks of `全市`/`我市` and names no other place nor the nation
    (`作为杭州首创的…` … `全市线下消费…`): the city its unnamed city scope is."""
    whole = fold(f"{title}\n{text}")
    if local_scope(whole) not in _CITY_WORDS:
        return ""
    # (the nation or the world as a word inside a name, `新世界百货`: local_scope has ruled the nation out)
    # (a place naming an outlet or a dateline, `长沙2月20日电`, is where the story was filed, not its scope)
    mentions = [m for m in _region_mentions(whole) if not _OUTLET_AFTER.match(whole, m[1])]
    places = {c for _s, _e, c in mentions if c not in ("全国", "全球")}
    if len(places) != 1:
        return ""
    (place,) = places
    return place if _is_city(place) or place in _MUNICIPALITIES else ""


def _sole_scope(title: str, text: str, home: str) -> str:
    """An article that speaks only of an unnamed local scope (`前三季度，全省网络零售额…` … `“国庆”期间，重点平台网络零售额…`),
    naming neither the nation nor any place: its figures named without a place are that scope's, never the nation's."""
    whole = fold(f"{title}\n{text}")
    word = local_scope(whole)
    if not word:
        return ""
    if any(c != "全球" for _s, _e, c in _region_mentions(whole)):
        return ""  # (a place named anywhere, a dateline's city too, `长沙2月20日电`: the other rules read it)
    return _own_region(word, "", home)  # (the publication's place when it is of that kind)


#: a paragraph that is a part of the whole the paragraph before measured
_PART_PARAGRAPH = re.compile(r"^[\s\u3000“「]*其中[，,：:]")


#: a name of an amount of money (`销售额`, `交易额`, `网络零售额`) — not a count named with 额 (`名额`, `份额`)
_AMOUNT_NAME = re.compile(r"(?<![名份配限])额$")


def _amount_in_a_count(f: ExtractedFigure) -> bool:
    """`家电下乡产品销售额` given in 万台, `交易额` in 亿件: an amount of money counted in things is a misread (the
    sentence's count was given the amount's name); unsure, it is not stored. Growth-only figures (in %) are kept."""
    if not _AMOUNT_NAME.search(f.metric) or f.unit in ("%", "‰", "倍", "个百分点"):
        return False
    return f.base_unit not in _MONEY and f.base_unit != ""  # (a bare 亿/万: its currency unwritten, not a count)


def _scene_city(text: str) -> str:
    """`在福州街头，市民纷纷…`: the city a story's first lines set its scene in, when nothing else names the story's
    place (its figures are that city's, not the nation's)."""
    if NATIONAL_SOURCE.search(text):
        return ""  # (`在义乌街头，…。国家邮政局监测数据显示，…`: the nation's figures, a city's scene)
    lines = [ln.strip(" 　\t") for ln in text.split("\n") if ln.strip(" 　\t")][:3]
    for ln in lines:
        if ln.startswith(("在", "走进", "来到", "记者在", "记者走进", "记者来到")):
            place = paragraph_place(ln)
            if place and _is_city(place):
                return place
    return ""


def _extract(
    text: str, written: str, published: date | None, title: str, home: str, outlet: str = ""
) -> list[ExtractedFigure]:
    out: list[ExtractedFigure] = []
    # (a place the gazetteer lacks that the title names, `乐清…上榜…`, before an authority in the lead, `浙江省商务厅
    # 公布…名单`: the story is the place's)
    region = (
        (titled_place(title) if not _region_mentions(fold(title)) else "")
        or article_region(title, text)
        or titled_place(title)
        or titled_home(title, home)
        or _local_article(title, home)
        or _locally_issued(text, home, outlet)
        or _sole_city(title, text)
        or _sole_scope(title, text, home)
        or _scene_city(text)
    )
    lines = text.split("\n")
    ctx = _Ctx(published, region=region, home=home)
    if "|" in text:
        lines = split_glued_rows(lines)
    tables = find_tables(lines, _is_period_cell) if "|" in text else []
    in_table = {k for tb in tables for k in range(tb.start_index, tb.end_index)}
    notes = False
    for li, para in enumerate(lines):
        head = para.strip()
        if _NOTES_HEAD.match(head):
            # `附注` / `注：`: definitions and survey scope (`限额以上单位是指年主营业务收入2000万元及以上…`), not
            # figures; a bare `附注` line starts the notes that close a release
            notes = notes or _NOTES_ALONE.match(head) is not None
            continue
        if not notes and li not in in_table:
            _read_points(para, ctx, lines[li - 1] if li > 0 else "")
        if notes or li in in_table or not _NUMBER_HINT.search(para):
            continue
        # a year resolves month-only periods within its paragraph; a period carries to a later sentence of the
        # article only when that sentence refers back (see _Ctx.carry)
        place_part = _place_part_paragraph(para, ctx.metrics, region)
        if not ((_PART_PARAGRAPH.match(para) or place_part) and ctx.metrics):
            # (a paragraph opening with `其中，` goes on with the one before: one sentence a paragraph, as web pages
            # print wire stories, `…广东跨境电商进出口额820.5亿元。` / `其中，出口额为610.2亿元…` is one account)
            ctx.year, ctx.metrics, ctx.prev_region, ctx.month, ctx.list_whole = None, [], "", 0, ""
            ctx.prev_metric = ctx.prev_unit = ""
            ctx.breakdown_scope = ""
        ctx.para_place = paragraph_place(para)
        follows_semicolon = False
        para_period = False  # a period was stated earlier in this paragraph
        frame = _FRAME_LEAD.match(para)
        framed = False
        if frame is not None:
            # the frame's period (`从2021年…看`: 2021) is the paragraph's, though `从` reads as a span's start
            lead = [p for p in find_periods(fold(frame.group().lstrip(" 　从")), ctx.published) if p.kind != "now"]
            if lead:
                ctx.period, ctx.whole_period, ctx.period_forecast = lead[0], lead[0], False
                ctx.year = lead[0].year if lead[0].year is not None else ctx.year
                framed = para_period = True
        elif ctx.whole_period is not None and not ctx.period_forecast and _UNDATED_BREAKDOWN.match(para):
            # `从限额以上商品分类销售看，…。通讯器材类实现零售额4.6亿元…`: a paragraph breaking down the whole stated
            # before, dated by no period of its own, is over that whole's period, sentence by sentence
            ctx.period = ctx.whole_period
            framed = para_period = True
        # ASCII full stops (`…增长10.2%.全国…`) end sentences too; found on a same-length copy, quotes keep the text
        marked = _ASCII_STOP.sub("。", para) if "." in para or "．" in para else para
        if "”" in marked or "」" in marked:
            # `“…。”局长某某说，“其中，农村地区…”`: the attribution between two quotations ends a sentence, so the
            # second quotation opens its own (and refers back to the first)
            marked = _ATTRIBUTION_OPEN.sub(lambda m: m.group(0)[:-1] + "。", marked)
        frame_back = False  # a sentence without figures just referred back (`出口商品中，机电产品…大幅增加。`)
        for m in _SENT_RE.finditer(marked):
            quote = para[m.start() : m.end()].strip()
            if quote and not _DIGIT_RE.search(quote) and _REFERS_BACK.match(quote):
                frame_back = True  # the sentence after it goes on with the same account
            if quote and not _DIGIT_RE.search(quote) and (h := FIXED_HOLIDAY.search(quote)) is not None:
                # `国庆长假期间，全市消费旺盛。前3天，…`: a sentence without figures names the holiday its days are of
                ctx.holiday_month = 10 if h.group("oct") else 5
            point = ctx.points_period is not None and _POINT_LEAD.match(quote) is not None
            if point:
                ctx.period = ctx.points_period  # `一是…`: a point of the list announced, over the announced period
            if quote and (_NUMBER_HINT.search(quote) or (_SPEECH_QUOTE.search(para) and _PERIOD_WORDS.search(quote))):
                ctx.carry = (
                    follows_semicolon
                    # (`创6个季度以来新高` does not date the point; `目前`, `预计` do)
                    or (point and _POINT_OWN_TIME.search(quote) is None)
                    or frame_back
                    # `…全省实现网络零售额12578.2亿元…。` / `金华市实现网络零售额2453.6亿元…`: a place's share of the
                    # whole the paragraph before stated, over its period
                    or (place_part and m.start() == 0 and _OWN_TIME.search(quote) is None)
                    or _REFERS_BACK.match(quote) is not None
                    or _REFERS_BACK_ANY.search(quote) is not None
                    or (para_period and _RANK_CONTINUES.search(quote) is not None)
                    # `一季度，…对东盟进出口1.6万亿元…。此外，对欧盟、美国…分别进出口…`: a further item of the account
                    or (
                        para_period
                        and _FURTHER.match(quote) is not None
                        and _OWN_TIME.search(quote) is None
                        and _FURTHER_STOCK.search(quote) is None
                    )
                    or (framed and not ctx.period_forecast and _OWN_TIME.search(quote) is None)
                    # `深圳、广州分别完成15亿件和12亿件`: the whole just stated, region by region
                    or (bool(ctx.metrics) and _region_breakdown(quote))
                    # `…介绍，上半年网络零售保持增长。“全国网上零售额达7.16万亿元…”`: a quotation goes on with the
                    # speaker's account of the period just stated
                    or (para_period and not ctx.period_forecast and quote.lstrip().startswith(("“", "「", '"')))
                    # a flow continuing its paragraph's account (`1—2月份，全国网上零售额8580亿元…。实物商品网上零售额
                    # 为6419亿元，增长25.5%`): a change or a running total is over the period just stated; a stock
                    # (`目前已设立165个`) is not, nor anything after a forecast
                    or (
                        para_period
                        and not ctx.period_forecast
                        and (
                            _FLOW.search(quote) is not None
                            or ("累计" in quote and _RUNNING_TOTAL.search(quote) is not None)
                            # `6月份，全市邮政服务业务总量完成0.90亿元。全市邮政寄递服务业务量完成643.34万件`: what
                            # was completed goes on with the account of the period just stated
                            or _COMPLETED_FLOW.search(quote) is not None
                            # `…网络零售额58.2亿元，同比增长6.7%。农产品网络零售额12.4亿元。`: a kind of the flow
                            # just stated (its name ending with the whole's), level only
                            or _kind_of_stated_flow(quote, ctx.metrics)
                        )
                        and _OWN_TIME.search(quote.replace("累计", "")) is None
                    )
                )
                frame_back = False
                ctx.after_semicolon = follows_semicolon
                before = ctx.period
                n_before = len(out)
                _extract_sentence(quote, ctx, out)
                for f in out[n_before:]:
                    _name_designation(f, quote)
                out[n_before:] = [
                    f
                    for f in _without_contradictions(out[n_before:])
                    if not SUBJECTLESS_SHARE.search(f.metric)
                    and not _threshold_lost(f, quote)
                    and not _of_an_example(f, quote)
                    and not _rate_on_other_years(f, quote)
                    and not _amount_in_a_count(f)
                    and not _names_only_a_place(f)
                    and not _criterion(f, quote)
                ]
                _name_local_scope(out[n_before:], para[: m.start()], quote)
                para_period = para_period or ctx.period is not before
            follows_semicolon = quote.endswith(("；", ";"))
    _name_trade_parts(out)
    _name_whole_industry(out)
    _date_by_annual_title(out, title)
    for tb in tables:
        _table_figures(tb, published, title, region, out)
    out = merge_restatements(out)
    if written != text:
        _quotes_as_written(out, text, written)
    return out


#: a macro-region opening a name (`中部地区湖南`, `东部`, `中部和西部`): no indicator
_ETC_PLACES = re.compile(r"等?(?:省份|省区市|省市|地区|城市|地市|省|市|地)")
_MACRO_REGION = re.compile(r"^(?:东部|中部|西部|东北|中西部)(?:地区)?[和、及与]?")


def _names_only_a_place(f: ExtractedFigure) -> bool:
    """`东部降低1.6个百分点`, `中部地区湖南以34%的增速领跑中部`: a number whose name is only a place (a macro-region,
    a province) measures nothing the sentence names — not stored under the place's name as its metric."""
    name = f.metric
    if not name or _TOWN.fullmatch(name) or _ETC_PLACES.fullmatch(name):
        # `柳市镇有31个`; `新疆、贵州、广西、甘肃和重庆等省份增速超过20%`: the list's remnant, no indicator
        return True
    while (m := _MACRO_REGION.match(name)) is not None and m.end() > 0:
        name = name[m.end() :]
    # `乐清39个淘宝村入选…` → 乐清 (what the place has is unnamed), `中部地区湖南`
    return not name or bool(place_name(name))


#: a threshold restricting what follows it (`使用100Mbps以上速率的`, `年收入500万元及以上的`)
_THRESHOLD_OF = re.compile(
    r"[0-9][0-9.]*\s*[A-Za-z万亿元]*\s*(?:及)?(?:以上|以下|以内)[\u4e00-\u9fff]{0,6}的$"
    # `农产品销售额超过500万元的淘宝村达287个`, `年交易额过亿元的淘宝村`: a lower bound restricting what is counted
    r"|(?:超过|超|逾|高于|不低于|不少于|过)\s*(?:[0-9][0-9.]*|[一二三四五六七八九十百千]+)?\s*[万亿]*[元件个人户]的$"
)


#: a town or township named as such (`柳市镇`, `北白象镇`, `城关乡`, `东湖街道`)
_TOWN = re.compile(r"(?![\u4e00-\u9fff]*?(?:淘宝|电商|示范|特色|专业|重点|名|强|小)镇$)[\u4e00-\u9fff]{1,4}(?:镇|乡|街道)")


#: a count of things a place has that entered a designation (`乐清39个淘宝村入选省级电子商务示范村`): the designation
_DESIGNATION_AFTER = re.compile(
    r"\s*[个家座所]?[\u4e00-\u9fff]{0,8}?(?:入选|上榜|获评|被评为|被认定为|列入)(?:为)?"
    r"(?P<d>[\u4e00-\u9fff]{2,14}?(?:村|镇|县|基地|园区|企业|示范区|示范点))(?![\u4e00-\u9fff])"
)


def _name_designation(f: ExtractedFigure, quote: str) -> None:
    """`乐清39个淘宝村入选省级电子商务示范村`: a place alone before the count names no metric; what the counted things
    entered (省级电子商务示范村) does."""
    if not _names_only_a_place(f) or f.span_end <= 0:
        return
    m = _DESIGNATION_AFTER.match(to_simplified(quote), f.span_end)
    if m is not None:
        f.metric = m.group("d")


#: a sentence stating what qualifies (`参评的淘宝村须…全村网络销售额在1500万元以上`, `淘宝村是指…交易额达到1000万元以上`)
_QUALIFIES = re.compile(r"须|需(?!求)|应当|条件|门槛|是指|指的是|认定|参评|评选标准|标准(?:为|是)")
_BOUND_AFTER = re.compile(r"\s*(?:及|或)?\s*(?:以上|以下|以内)")


def _criterion(f: ExtractedFigure, quote: str) -> bool:
    """A bound in a sentence stating what qualifies (`…网络销售额在1500万元以上且网店数量超过50家`): a condition, not
    a figure of anything."""
    text = to_simplified(quote)
    if not _QUALIFIES.search(text):
        return False
    end = f.span_end if 0 < f.span_end <= len(text) else -1
    if end < 0:
        return False
    return bool(_BOUND_AFTER.match(text, end)) or bool(re.search(r"(?:超过|不低于|不少于|达到)\s*$", text[: f.span_start]))


def _threshold_lost(f: ExtractedFigure, quote: str) -> bool:
    """`使用100Mbps以上速率的宽带用户总数达1039.6万户，占…的91.5%`: the name as written follows a threshold the
    figure's name dropped — the part would be stored as the whole (宽带用户总数), so the figure is not stored."""
    text = to_simplified(quote)
    # (the name as written: the metric, or its opening words when the name was composed — `…占固定宽带接入用户`;
    # its last writing before the number, and its first, where a share's subject is)
    name = next((f.metric[:n] for n in range(len(f.metric), 2, -1) if f.metric[:n] in text[: f.span_start]), "")
    if not name:
        return False
    for at in {text.find(name), text.rfind(name, 0, f.span_start)}:
        if at > 0 and _THRESHOLD_OF.search(re.split(r"[，,；;。：:]", text[:at])[-1]):
            return True
    return False


#: a clause giving an example (`…快速发展，如某某集团将商城搬上网，短短几个月，线上交易额就达200亿元`)
_EXAMPLE_CLAUSE = re.compile(r"[，,：:]\s*(?:如|比如|例如|譬如)(?![期今果何此同实])")


def _of_an_example(f: ExtractedFigure, quote: str) -> bool:
    """A figure inside an example (`如` + a company or project) is the example's, not the region's: not stored,
    unless the example is a place the sentence names (`如杭州增长12%`)."""
    text = to_simplified(quote)
    example = None
    for m in _EXAMPLE_CLAUSE.finditer(text, 0, f.span_start):
        example = m
    return example is not None and not _region_mentions(fold(text[example.end() : f.span_start]))


#: a rate named as a level (`进出口增速也有20%左右`), and the years a sentence compares with (`与2019年同期相比`)
_RATE_LEVEL = re.compile(r"(?:增速|增长率|增幅|增长速度)$")
_YEAR_NAMED = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


def _rate_on_other_years(f: ExtractedFigure, quote: str) -> bool:
    """`与正常年份相比，比如2018、2019年同期，今年前两个月进出口增速也有20%左右`: a rate over another base than the
    year before is not the period's growth rate — not stored as its level."""
    if f.unit != "%" or f.growth_pct is not None or not _RATE_LEVEL.search(f.metric) or f.period_end is None:
        return False
    if not re.search(r"相比|相较|比较", quote):
        return False
    own = {f.period_end.year, f.period_end.year - 1}
    return any(int(y) not in own for y in _YEAR_NAMED.findall(quote))


def _without_contradictions(figs: list[ExtractedFigure]) -> list[ExtractedFigure]:
    """One sentence giving one metric named as a 、-list two different exact values for one region and period
    (`东、中、西和东北地区网络零售额占全国比重分别为84.1%、8.3%…` read as one name): the list was not told apart, so
    none of them is stored — a reader would get a number that belongs to another item."""
    seen: dict[tuple[object, ...], set[float]] = {}
    for f in figs:
        # `…而7月份为下降1.1%和1.3%`: two changes of one period carried to the last metric named
        if f.qualifier == "exact" and ("、" in f.metric or is_growth_only(f)):
            key = (f.metric, f.region, f.period_start, f.period_end, f.base_unit, f.growth_pct is None, f.is_forecast)
            seen.setdefault(key, set()).add(f.value_base)
    clash = {k for k, v in seen.items() if len(v) > 1}
    if not clash:
        return figs
    return [
        f
        for f in figs
        if f.qualifier != "exact"
        or (f.metric, f.region, f.period_start, f.period_end, f.base_unit, f.growth_pct is None, f.is_forecast)
        not in clash
    ]


#: the nation, or a national body, named as the scope of a text (`国内贸易` is a section's subject, not a scope)
_NATION_NAMED = re.compile(
    r"全国|我国|中国|国内(?!贸易)|国家|全球|世界|商务部|海关总署|国务院|工信部|工业和信息化部|CNNIC|国新办|新华社|人民网"
)

#: the aggregates of a regional account (retail sales and their breakdowns, online retail, parcels, cross-border
#: trade): published by the nation and by every province and city alike
_REGIONAL_AGGREGATE = re.compile(
    r"消费品零售|商品零售|餐饮收入|网上零售额|网络零售额|快递业务|邮政业务|寄递业务|跨境电商进出口|跨境电子商务进出口|"
    r"类(?:商品)?零售额$"
)


#: retail sales per month no province's account reaches (the largest province sells under 5,000亿元 a month; the
#: nation has sold more than 6,000亿元 a month since 2006), in 元
_NATION_RETAIL_PER_MONTH = 6e11


#: the title of a year's statistical bulletin (`2015年邮政行业发展统计公报`, `2023年国民经济和社会发展统计公报（摘要）`)
_ANNUAL_BULLETIN_TITLE = re.compile(r"^[^\d]{0,12}?(?P<y>(?:19|20)\d{2})年(?:度)?[^\d]{2,24}?(?:统计公报|年度报告|年报)")


def _date_by_annual_title(figs: list[ExtractedFigure], title: str) -> None:
    """A year's statistical bulletin counts its year: a figure its sentence gives no period (`年人均快递使用量为15件`,
    `人均函件量为3.3件`) is the titled year's."""
    m = _ANNUAL_BULLETIN_TITLE.match(fold(title).strip())
    if m is None or len(re.findall(r"(?:19|20)\d{2}年", title)) != 1:
        return
    year = int(m.group("y"))
    for f in figs:
        if f.period_start is None and f.period_end is None and not f.is_forecast:
            f.period_start, f.period_end, f.period_label = date(year, 1, 1), date(year, 12, 31), f"{year}年"


def _nation_sized(figs: list[ExtractedFigure]) -> bool:
    """An account whose 社会消费品零售总额 runs above any province's (`10月份，社会消费品零售总额18934亿元` with no place
    named): the nation's, so its aggregates are placed after all."""
    for f in figs:
        if "社会消费品零售总额" not in f.metric or f.period_start is None or f.period_end is None:
            continue
        unit = f.unit[:-1] if f.unit.endswith("元") else None
        if unit is None or (unit and unit not in MULTIPLIERS) or is_growth_only(f):
            continue
        months = max(1, round(((f.period_end - f.period_start).days + 1) / 30.44))
        if f.value * MULTIPLIERS.get(unit, 1.0) / months >= _NATION_RETAIL_PER_MONTH:
            return True
    return False


def _scopeless(title: str, text: str) -> bool:
    """Neither the title nor the text names a place or the nation: no figure of it can be placed."""
    whole = fold(f"{title}\n{text}")
    places = [c for _s, _e, c in _region_mentions(whole) if c != "全国"]  # (the nation: _NATION_NAMED)
    return _NATION_NAMED.search(whole) is None and not places and not local_scope(whole)


def _quotes_as_written(figs: list[ExtractedFigure], text: str, written: str) -> None:
    """Each quote as the source wrote it (`text` is `written` read as simplified, character for character)."""
    for f in figs:
        pos = text.find(f.quote)
        if pos >= 0:
            f.quote = written[pos : pos + len(f.quote)]


#: `在黑龙江省饶河县，…全县农林产品电商销售额达10.34亿元`: the county (city) the paragraph just named, by its
#: province — what an unnamed 全县 (全市) of a later sentence is
_PLACE_NAMED = {
    # `…省江永县`, or a county opening a clause (`今年以来，江永县坚持…`)
    "县": re.compile(r"(?:省|自治区|^|[，。；：、\s])([\u4e00-\u9fff]{2,3}?)县(?!城|域|级|区|乡|委|政府)"),
    "市": re.compile(r"(?:省|自治区)([\u4e00-\u9fff]{2,3}?)市"),
}
#: kinds of county or city named before 县/市 that are no place (`贫困县`, `示范县`, `百强县`, `地级市`)
_NOT_A_PLACE = re.compile(r"贫困|脱贫|示范|试点|重点|百强|先进|山区|农业|地级|县级|城市|各|全|本|我|该|此")
_SCOPE_KIND = {"全县": "县", "本县": "县", "我县": "县", "该县": "县", "全市": "市", "本市": "市", "我市": "市", "该市": "市"}


#: the city whose office speaks in the sentence (`“今年以来，我市…”，深圳市商务局负责人说`): what its 我市 is
_SPEAKING_CITY = re.compile(
    r"([\u4e00-\u9fff]{2,3}?)市(?:商务局|统计局|邮政管理局|发改委|商务委|人民政府|政府|市长|副市长)(?:[\u4e00-\u9fff]{0,6}?)"
    r"(?:说|表示|介绍|称|指出|透露)"
)


#: a place named only as what another is measured against (`高于温州全市平均增速`, `占杭州的`)
_MEASURED_AGAINST = re.compile(r"(?:高于|低于|超过|超出|次于|比|较|占|居|领先)$")


def _name_local_scope(figs: list[ExtractedFigure], before: str, sentence: str = "") -> None:
    for f in figs:
        kind = _SCOPE_KIND.get(f.region)
        if kind is None:
            continue
        named = [n for n in _PLACE_NAMED[kind].findall(before) if not _NOT_A_PLACE.search(n)]
        if not named and kind == "市":
            named = _SPEAKING_CITY.findall(to_simplified(sentence))
        if not named and kind == "市":
            # `近年来，河北沧州大力推进…，全市已有…`: the one city the paragraph names before the figure (not an
            # outlet, `沧州日报`) is the city its 全市 is
            text = fold(to_simplified(before + sentence[: max(f.span_start, 0)]))
            cities = {
                c
                for b, e, c in _region_mentions(text)
                if _is_city(c)
                and not _OUTLET_AFTER.match(text, e)
                and not _MEASURED_AGAINST.search(text, 0, b)
                and not text.startswith(("全市", "市平均"), e)
            }
            named = list(cities) if len(cities) == 1 and not cities & _MUNICIPALITIES else []
        if named:
            f.region = named[-1]



#: `全行业业务收入完成1086.5亿元` in an account of 邮政行业业务收入: the industry the text reports on
_WHOLE_INDUSTRY = re.compile(r"^(?:全|整个|该|本)?行业(?P<rest>[\u4e00-\u9fff]{2,8})$")


def _name_whole_industry(figs: list[ExtractedFigure]) -> None:
    """`全行业X` (or a bare `行业X`) is `Y行业X` when the text names exactly one industry `Y行业` with that measure X."""
    for f in figs:
        m = _WHOLE_INDUSTRY.match(f.metric)
        if m is None:
            continue
        rest = m.group("rest")
        named = {g.metric for g in figs if g.metric.endswith("行业" + rest) and _WHOLE_INDUSTRY.match(g.metric) is None}
        if len(named) == 1:
            f.metric = named.pop()


def _name_trade_parts(figs: list[ExtractedFigure]) -> None:
    """`跨境电商零售进出口商品总额达717.3亿元…;其中进口441.7亿元…;出口275.6亿元…`: a bare 进口/出口 right after the
    total of imports and exports (or after its sibling) is that total's part, in the same period and region."""
    whole: ExtractedFigure | None = None
    for f in figs:
        bare = f.metric in ("进口", "出口", "进口额", "出口额")
        if (
            bare
            and whole is not None
            and (f.period_start, f.period_end, f.region)
            == (
                whole.period_start,
                whole.period_end,
                whole.region,
            )
        ):
            f.metric = _part_name(f.metric, whole.metric)
            continue
        if whole is not None and f.metric.startswith(whole.metric + "占"):
            continue  # `…进出口1500亿元，占服务进出口总额的比重达43.2%。其中，出口…`: the share says nothing of the parts
        whole = f if "进出口" in f.metric and "占" not in f.metric and not is_growth_only(f) else None


_NOTES_HEAD = re.compile(
    r"^(?:附\s*注|注\s*释|注)\s*(?:[:：]|$)|^[0-9０-９]+\s*[.．、]\s*(?:指标解释|统计范围|调查方法|统计口径)"
    r"|^(?:[一二三四五六七八九十]+\s*[、.．]\s*)?(?:主要)?(?:指标解释|统计范围|调查方法|调查对象|统计口径)\s*[:：]\s*$"
)

#: a bare `附注` line, or a definitions field alone on its line (`统计范围：`, `三、指标解释：`): the notes closing a release
_NOTES_ALONE = re.compile(
    r"^(?:附\s*注|注\s*释)\s*[:：]?\s*$"
    r"|^(?:[一二三四五六七八九十]+\s*[、.．]\s*)?(?:主要)?(?:指标解释|统计范围|调查方法|调查对象|统计口径)\s*[:：]\s*$"
)


#: how far a rounded restatement may be from the exact figure it restates (`突破9亿` for 9.2亿: 2%; `超5万亿元`
#: for 5.3万亿元: 6%)
_RESTATE_MAX = {"lower_bound": 1.2, "approx": 1.1, "upper_bound": 1.2}


def merge_restatements(figs: list[ExtractedFigure]) -> list[ExtractedFigure]:
    """Drop a rounded restatement (`网民规模突破9亿`, `网上零售额超5万亿元`, `约2万亿元`) of an exact figure of
    the same article (stated in another sentence: a headline or lead): same metric, region and unit (`9亿` matches
    `9.04亿人`), the same period (or none stated), and the exact value on the
    side of the bound the words say, within `_RESTATE_MAX`. The exact figure is the one a reader wants."""
    exact = [f for f in figs if f.qualifier == "exact" and not is_growth_only(f)]
    if len(figs) < 2 or not exact:
        return figs
    key = {id(f): normalise_metric(f.metric) for f in figs}
    levels = {
        (key[id(e)], e.region, e.period_start, e.period_end, e.growth_pct, e.growth_pp)
        for e in exact
        if e.period_end is not None
    }
    by_metric: dict[str, list[ExtractedFigure]] = {}
    for e in exact:
        by_metric.setdefault(key[id(e)], []).append(e)
    keep: list[ExtractedFigure] = []
    for f in figs:
        only = is_growth_only(f)
        if (
            only
            and f.period_end is not None
            and (key[id(f)], f.region, f.period_start, f.period_end, f.growth_pct, f.growth_pp) in levels
        ):
            continue  # `2020年11月份社会消费品零售总额增长5.0%` over `…为39514亿元，同比增长5.0%`
        if (
            f.qualifier == "exact"
            and not only
            and f.period_end is None
            and any(
                e.quote != f.quote
                and e.period_end is not None
                and e.region == f.region
                and e.base_unit == f.base_unit
                and abs(e.value_base - f.value_base) <= 1e-9 * max(abs(f.value_base), 1.0)
                for e in by_metric.get(key[id(f)], ())
            )
        ):
            continue  # a headline `我国网民规模达10.79亿人` over the body's `截至6月，…达10.79亿人`
        limit = _RESTATE_MAX.get(f.qualifier)
        if limit is not None and _MILESTONE.search(f.quote) and any(
            e.quote == f.quote and e.region == f.region and e.period_end == f.period_end
            for e in by_metric.get(key[id(f)], ())
        ):
            # `首次突破15万亿元，达15.42万亿元`: a milestone stated with its own level, kept even when another
            # sentence (a lead, a recap) gives that level again
            keep.append(f)
            continue
        if limit is not None and not only and f.value_base > 0:
            for e in by_metric.get(key[id(f)], ()):
                if (
                    # `超过20万亿元，达到20.8万亿元`: the round number restated; but `首次突破2万亿元关口、达2.1万亿元`
                    # states a milestone and a level, both kept
                    (e.quote != f.quote or not _MILESTONE.search(f.quote))
                    and e is not f
                    and e.region == f.region
                    and (e.base_unit == f.base_unit or (f.base_unit == "" and f.unit in MULTIPLIERS))
                    and f.period_end in (None, e.period_end)
                    and f.period_start in (None, e.period_start)
                    and e.value_base > 0
                    and _restates(f.qualifier, f.value_base, e.value_base, limit)
                ):
                    if e.growth_pct is None and f.growth_pct is not None:
                        e.growth_pct, e.growth_decimals = f.growth_pct, f.growth_decimals
                    break
            else:
                keep.append(f)
            continue
        keep.append(f)
    return keep


_MILESTONE = re.compile(r"首次|首度|关口|大关|历史|纪录|记录|里程碑|迈上|跨过|站上")


def _restates(qualifier: str, bound: float, exact: float, limit: float) -> bool:
    if qualifier == "lower_bound":
        return bound <= exact <= bound * limit
    if qualifier == "upper_bound":
        return bound / limit <= exact <= bound
    return bound / limit <= exact <= bound * limit


#: an amount over time (a flow: 零售额, 进出口额, 业务量 …), as opposed to a stock or a rate
_FLOW_NAME = re.compile(r"(?:额|业务量|处理量|揽收量|派送量|投递量|交易规模|市场规模|进出口|出口|进口)$")


#: a firm named in a metric (`…股份有限公司营业额`, `同庆楼集团…`): its own account, not an indicator of a place
_FIRM_NAMED = re.compile(r"有限(?:责任)?公司|股份公司|集团(?!采购|消费|客户)")


def _undated_flow(f: ExtractedFigure) -> bool:
    """A flow given no period in an article that dates its other figures (`“618”期间，重点平台网络零售额超过5000亿元`
    for an undated event): no reader can tell what it measures, so it is not stored. (extract_figures, which reads
    sentences without the article's verdict, still returns it.)"""
    return (
        f.period_start is None
        and f.period_end is None
        # (an amount of money, or of parcels and orders, is over some time: `带动农产品销售8.6亿元`)
        and (_FLOW_NAME.search(f.metric) is not None or (f.base_unit in _FLOW_UNITS and not is_growth_only(f)))
    )


#: units only flows are counted in
_FLOW_UNITS = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑", "件", "票", "单", "笔"})


def figure_values(
    body: str, published: date | None, *, title: str = "", home: str = "", scope: str | None = None
) -> list[dict[str, Any]]:
    """Column values (all but `id` and `article_id`) of every figure in an article body, ready for a bulk INSERT:
    exactly what `figures_for_article` stores, without building ORM objects (pure: safe in a worker process).

    `scope`: the article's outlet and its bulletin's masthead and issuer, when known (an upload). When neither it,
    the title nor the body names a place or the nation, a regional account's aggregate (`全年社会消费品零售总额
    9205.55亿元` in a section of some province's communique) is not stored as the nation's: every province and
    city publishes one, and nothing says whose it is."""
    rows: list[dict[str, Any]] = []
    outlet = (scope or "").split(" ")[0] if scope else ""
    figs = extract_figures(body, published, title=title, home=home, outlet=outlet)
    if scope is not None and not home and _scopeless(title, f"{body}\n{scope}") and not _nation_sized(figs):
        figs = [f for f in figs if not (f.region == "全国" and _REGIONAL_AGGREGATE.search(f.metric))]
    dated = any(f.period_end is not None for f in figs)
    # places the article names (not the nation, not an unnamed scope): with one, a scope the reader could not name
    # (`全省` in a story about 南通, a city whose province it cannot tell) is some other place — not stored, so that it
    # is never listed as a figure of an unknown region beside the named ones
    named = any(f.region not in _LOCAL_NAMES and f.region not in ("全国", "") for f in figs)
    # metrics the article dates: an undated figure of one of them (`淘宝村61个` beside `截至2020年6月，…5425个淘宝村`)
    # is of a time no reader can tell, next to figures that say theirs
    dated_metrics = {normalise_metric(f.metric) for f in figs if f.period_end is not None}
    for f in figs:
        if _undated_flow(f) and (dated or NAMED_SPAN.search(fold(f.quote))):
            # (an article dating nothing keeps its undated flows — they are of its own time — unless the sentence
            # names a span of days the reader could not date: `2022年中秋假期，…共揽收快递包裹8.52亿件`)
            continue
        if f.period_end is None and f.period_start is None and normalise_metric(f.metric) in dated_metrics:
            continue
        if named and f.region in _LOCAL_NAMES:
            continue
        if _FIRM_NAMED.search(f.metric):
            continue  # `安徽金满楼酒店发展股份有限公司4天累计营业额增幅…22%`: one firm's, no place's indicator
        data: dict[str, Any] = {k: getattr(f, k) for k in FIGURE_FIELDS}
        data["metric"] = f.metric[:200]
        data["region"] = f.region[:100]
        data["period_label"] = f.period_label[:100]
        data["metric_norm"] = normalise_metric(f.metric)[:200]
        rows.append(data)
    return rows


def figures_for_article(article: Article) -> list[Figure]:
    """ORM rows for every figure in the article body (article must be flushed: id set)."""
    assert article.id is not None
    return [
        Figure(article_id=article.id, **data)
        for data in figure_values(article.body, article.published, title=article.title)
    ]
