"""The region and metric of a run of levels: the phrase before the number, else the noun after it (after 完成,
发放…), a colon's subject, the previous figure's metric, a second 分别-list taking the first list's items, a list of
regions before the number; parts of a whole (`其中农村网络零售额…`) and generic heads (`该指标`) named in full.

    _level_metrics(...) -> [(region, metric)] | None      one per level of the run, None when it names none
    _name_parts(t, figs, fig_pos)                         parts named after their whole
    _expand_generic, _colon_subject, _same_metric, _part_name

Used by sentence, growth and extract (`_part_name`)."""

from __future__ import annotations

import os
import re

from bot.services.figures.classify import _Item
from bot.services.figures.context import _Ctx
from bot.services.figures.lexicon import _CLAUSE_BOUNDARY, _DIGIT_RE, _GENERIC_HEADS, _POST_VERBS
from bot.services.figures.model import ExtractedFigure, is_growth_only, normalise_metric
from bot.services.figures.numbers import MILESTONE_VERB
from bot.services.figures.periods import find_periods
from bot.services.figures.phrase import _POST_STOP, _PRED_CUT, _Phrase, _phrase, _post_noun, item_regions
from bot.services.figures.regions import _region_list_before, split_region, suffixed_county

#: a rank or superlative closing a subject clause (`…快递业务量居全国第一`, `…最多`, `…连续5年位居全国首位`)
_RANK_TAIL = re.compile(
    r"(?:连续[^\s，,]{0,4}?)?(?:稳居|位居|位列|居于|居|排名|排在|列)(?:全国|全省|全市|全区|全球|世界)?(?:各省[区市]*|各市)?"
    r"(?:第[一二三四五六七八九十\d]{1,3}(?:位|名)?|首位|榜首|前列|前[一二三四五六七八九十\d]{1,2}(?:位|名)?)$|最(?:多|高|大|快)$"
)
#: how the subject of a clause changed, without a number (`…用户规模增长较快`, `…网上零售额保持较快增长`,
#: `…用户规模持续扩大`, `…网民持续增加`, `民间投资活力增强`), or turned (`社零额止跌回升`, `…由降转升`, `…由负转正`, `…增速转正`): the
#: level or rate in the next clause (`，达5.27亿人`, `，同比增长2.1%`) is that subject's
_CHANGE_TAIL = re.compile(
    r"(?:活力|势头)?(?:增速|增幅)?(?:保持|实现|继续|持续|稳步|快速|大幅|较快|迅速|不断|明显|两位数|高速)*"
    r"(?:增长|扩大|提升|上升|攀升|增加|增强)"
    r"(?:较快|迅速|明显|迅猛|强劲|显著)?(?:态势)?$"
    r"|(?:增速|增幅)?(?:明显|持续|稳步|逐步|快速)?(?:(?:止跌|止降|企稳|触底)?回升|(?:由|从)(?:降|负|跌)转(?:升|增|正)"
    r"|扭(?:负|降|亏)为(?:正|增|升)|(?:年内)?(?:首次)?转正|恢复(?:正)?增长|实现正增长)$"
)
#: an age range naming a population (`60岁及以上网民`, `10-19岁网民`): part of the subject's name, no figure of it
AGE_RANGE = re.compile(
    r"[0-9]{1,3}\s*(?:岁|周岁)\s*(?:及以上|以上|及以下|以下|以内)?|[0-9]{1,3}\s*(?:-|—|–|至|到|~)\s*[0-9]{1,3}\s*(?:岁|周岁)"
)
#: a round milestone written in Chinese numerals, which are not read as numbers (`…网民规模突破一亿`,
#: `…首次迈上十万亿元大关`): the exact level in the next clause (`，达1.03亿人`) is that subject's
_MILESTONE_TAIL = re.compile(
    r"(?:首次|首度|已经?|正式)*" + MILESTONE_VERB + r"[一二三四五六七八九十两百千万亿]+[万亿]?"
    r"(?:元|人|户|件|美元)?(?:大关|关口)?$"
)
#: a clause comparing the subject with something else, no number in it (`首次超过网民总数的一半`, `高于全国平均水平`)
_COMPARED_ASIDE = re.compile(r"(?:首次|首度|已经?|远远|明显)?(?:超过|超出|高于|快于)[^\d\x00]{1,14}")
#: the next place of a ranking: `其次是浙江`, `紧随其后的是江苏`, `排在第二位的是上海`
_NEXT_PLACE = re.compile(r"^(?:其次(?:是|为)|其后(?:是|为)|紧随其后的?(?:是|为)|排在?第[二三四五六七八九十]位?的?是)(?P<p>[\u4e00-\u9fff]{2,8})$")
#: a clause ending with a list of places (`…省份为广东、浙江`): figures listed after it are theirs
_REGION_LIST_END = re.compile(r"(?:为|是|包括|：|:)[\u4e00-\u9fff]{2,8}(?:[、和及与][\u4e00-\u9fff]{2,8})+$")


def _metric_ahead(t: str, masked: str, pos: int) -> str:
    """The metric of the clause after `pos` that names one before its verb (`…，5年间，我国跨境电商进出口增长了…`)."""
    for m in re.finditer(r"[^，,。；;]+", masked[pos:]):
        clause = m.group()
        verb = re.search(r"增长|增加|上升|提高|下降|减少|达到?|为|实现|完成", clause)
        ph = _phrase(clause[: verb.start()] if verb else clause)
        if ph.metric and len(ph.metric) >= 2 and not _DIGIT_RE.search(ph.metric):
            return ph.metric
    return ""


#: a name that ends in what is measured (an amount, a count, a rate, a price…); `线上旅游`, `吃类商品`, `进口` do not
_MEASURE_END = re.compile(
    r"(?:额|量|收入|规模|数|率|指数|价格|消费|票房|支出|次|值|比重|占比|份额|用户|人数|利润|费用|资金|里程|长度|面积|"
    r"总量|总值|产值|投资|GMV|场|户|家|笔|人)$"
)

#: a part named after its whole: `其中`, `X中，` / `X当中，` (`实物商品网上零售额中，吃类、穿类和用类商品分别增长…`)
_PART_OF = re.compile(r"其中|(?:当中|之中|中)\s*[，,]")

_WHOLE_BEFORE = re.compile(r"(?P<w>[\u4e00-\u9fffA-Za-z0-9]{2,18}?)(?:当中|之中|中)\s*[，,]\s*$")


#: a geographic scope of an activity (`同城业务量`, `国际及港澳台业务收入` under 快递业务量/快递业务收入)
_ACTIVITY_SCOPE = re.compile(r"^(同城|异地|国际(?:及|和|与|/|、)港澳台|国际|港澳台|国内|省内|省际|跨省|城市|农村|乡村)业务")
#: a whole that is itself one scope (`同城快递业务量`): a sibling of the next scope, not what it is a part of
_ACTIVITY_SCOPE_WORD = re.compile(r"^(?:同城|异地|国际(?:及|和|与|/|、)港澳台|国际|港澳台|省内|省际|跨省)")

#: heads a part can take from its whole (longest first)
_PART_HEADS = ("网上零售额", "网络零售额", "商品零售额", "零售额", "销售额", "交易额", "成交额", "消费", "支出", "业务量", "收入")

#: populations a part of a total belongs to (`农村网络零售额…，其中实物型网络零售额…` → 农村实物型网络零售额)
_PART_POPULATION = re.compile(r"^(?:农村|乡村|城镇|城市|农村地区|县域|(?:国家级)?贫困县|脱贫县|贫困地区|脱贫地区)$")
#: populations of places (counties) whose total a kind of goods is a part of: `农村` is none — 农产品网络零售额 is an
#: indicator of its own beside 农村网络零售额, not a part of it
_AREA_POPULATION = re.compile(r"^(?:县域|(?:国家级)?贫困县|脱贫县|贫困地区|脱贫地区)$")
#: kinds of goods a population's total breaks into (`农产品`, `实物商品`)
_GOODS_KINDS = frozenset({"农产品", "农特产品", "生鲜农产品", "实物商品", "实物", "服务", "工业品"})

#: the nation named as a scope — not as what a figure is compared with (`增速比全国高4.5个百分点`) or ranked in
#: (`升至全国第7`, `居全国首位`)
_NATIONAL_WORD = re.compile(
    r"(?<![比较于居占])(?:全国|我国|中国|国内)(?!第|前列|前茅|首位|平均|水平|领先|之首)"
)


def _activity_part(part: str, whole: str) -> str:
    """`同城业务量` under 快递业务量 → 同城快递业务量: a geographic scope of the activity the whole measures."""
    scope = _ACTIVITY_SCOPE.match(part)
    act = _ACTIVITY_SUBJECT.match(whole)
    sib = _ACTIVITY_SCOPE_WORD.match(whole)
    if sib:
        # `同城快递业务量…；异地业务量…`: a sibling scope, not the whole it is a part of (no 异地同城业务量); it
        # measures the same activity (异地快递业务量)
        rest = whole[sib.end() :]
        if scope and rest.endswith(part[len(scope.group(1)) :]):
            return scope.group(1) + rest
        return part
    if scope and act and part == scope.group(1) + whole[len(act.group(1)) :]:
        # the firms doing the activity name the activity (`快递服务企业业务量` → 同城快递业务量)
        return scope.group(1) + re.sub(r"(?:服务)?企业$", "", act.group(1)) + part[len(scope.group(1)) :]
    return part


def _name_bare_scopes(figs: list[ExtractedFigure], article_metrics: set[str], whole: str = "") -> None:
    """`10月份，同城业务量完成449.48万件` (no whole in its sentence) in a story whose one activity measured so far is 快递
    (`全省快递服务企业业务量完成…`): a bare geographic scope of 业务量/业务收入 is of that activity (同城快递业务量).
    Nothing changes when the story measures several activities (邮政寄递服务 and 快递) or none — unless the sentence
    goes on with the whole just stated (`whole`: `快递服务企业业务收入…。其中，同城业务收入…`), whose activity it is."""
    if whole:
        for f in figs:
            scope = _ACTIVITY_SCOPE.match(f.metric)
            if scope and f.metric[scope.end(1) :] in ("业务量", "业务收入", "业务总量"):
                f.metric = _activity_part(f.metric, whole)
    wholes: dict[str, list[str]] = {}
    for m in sorted(article_metrics):
        act = _ACTIVITY_SUBJECT.match(m)
        if act and not _ACTIVITY_SCOPE.match(m) and not re.search(r"[/／、]", act.group(1)):
            wholes.setdefault(re.sub(r"(?:服务)?企业$", "", act.group(1)), []).append(m)
    if len(wholes) != 1:
        return
    (named,) = wholes.values()
    for f in figs:
        scope = _ACTIVITY_SCOPE.match(f.metric)
        if scope and f.metric[scope.end(1) :] in ("业务量", "业务收入", "业务总量"):
            f.metric = next((p for w in named if (p := _activity_part(f.metric, w)) != f.metric), f.metric)


#: the amount of a cross-border trade named as its turnover (`跨境电商交易额`, `跨境电子商务交易规模`)
_TRADED = re.compile(r"(?:交易|成交)(?:额|规模|总额)$")


def _county_part(f: ExtractedFigure, whole: str) -> bool:
    """`全市快递业务量2.1亿件，其中川汇区9500万件`: a part that is wholly a county or district named with its suffix is
    the whole's measure of that county (快递业务量 of 川汇), never `川汇区业务量` of the city. True when applied."""
    county = suffixed_county(f.metric)
    if not county or not whole or "占" in whole:
        return False
    f.metric, f.region = whole, county
    return True


def _name_county_items(figs: list[ExtractedFigure], before: str = "", before_unit: str = "") -> None:
    """`全市快递业务量2.1亿件，川汇区、沈丘县分别完成9500万件、3000万件`: amounts named only by a county or district
    (its suffix written) are each that county's amount of the measure stated before them in the sentence — else of
    the sentence before's last (`before`) — when counted in the same unit."""
    for k, f in enumerate(figs):
        if not suffixed_county(f.metric):
            continue
        whole = next(
            (
                w.metric
                for w in reversed(figs[:k])
                if not suffixed_county(w.metric) and w.metric and "占" not in w.metric and w.base_unit == f.base_unit
            ),
            before if before_unit == f.base_unit else "",
        )
        if whole and f.base_unit:
            _county_part(f, whole)
    counties = [f.region for f in figs if f.region and suffixed_county(f.region + "县")]
    for k, f in enumerate(figs):
        # `沭阳县网络零售额210亿元，全县快递业务量3亿件`: 全县 is the county the sentence just named
        named = {g.region for g in figs[:k] if g.region in counties}
        if f.region in ("全县", "我县", "本县") and len(named) == 1:
            f.region = named.pop()


def _part_name(part: str, whole: str) -> str:
    """The full name of `part`, named inside `whole` (`其中进口…` under 跨境电商零售进出口商品总额 → 跨境电商零售进口额);
    `part` unchanged when nothing safe applies."""
    if len(part) < 2 or not whole or "占" in whole or part == whole:
        return part
    if part in ("进口", "出口", "进口额", "出口额") and whole in ("进出口总值", "进出口总额"):
        return part[:2] + whole[3:]  # `进出口总值3.76万亿元。其中，出口2.74万亿元`: the exports' value (出口总值)
    if part in ("进口", "出口", "进口额", "出口额") and "进出口" in whole:
        return whole[: whole.find("进出口")] + part[:2] + "额"
    if part in ("进口", "出口", "进口额", "出口额") and "跨境" in whole and (t := _TRADED.search(whole)):
        # `跨境电商交易额568亿元，其中出口额512亿元`: the cross-border trade's exports (跨境电商出口额), never a bare
        # 出口额 that reads as the place's goods exports
        return whole[: t.start()] + part[:2] + "额"
    if len(whole) > len(part) and whole.endswith(part):
        return whole  # `电影票房…，其中2月份票房近69亿元`: the whole's own name
    flow = _GOODS_FLOW.fullmatch(whole)
    if flow is not None and _BARE_GOODS.fullmatch(part):
        # `机电产品出口3.39万亿元…；其中，电脑及其零部件、汽车、船舶分别增长…`: goods within the goods exported are
        # exported too (电脑及其零部件出口)
        return part + flow.group("f")
    if not _MEASURE_END.search(part):
        if part.endswith("商品") and "商品" in whole and not whole.endswith("商品"):
            return part + whole[whole.rfind("商品") + 2 :]  # 吃类商品 under 实物商品网上零售额
        head = next((h for h in _PART_HEADS if whole.endswith(h) and len(whole) > len(h)), "")
        if not head or part.endswith(head[:1]):
            return part
        # `限额以上文化办公用品零售额…，其中计算机及其配套产品增长…`: the part is of the whole's surveyed population
        # (a commodity category `…类` is named without it: the population reports it)
        scope = _SURVEY_SCOPE.match(whole)
        lead = scope.group() if scope and not _SURVEY_SCOPE.match(part) and not part.endswith("类") else ""
        return lead + part + head
    if _activity_part(part, whole) != part:
        return _activity_part(part, whole)
    return _population_part(part, whole)


#: a flow of goods named by the goods (`机电产品出口`, `劳动密集型产品出口`), not by a partner (`对美国出口`)
_GOODS_FLOW = re.compile(r"(?!对|自|向|从)[\u4e00-\u9fff]{2,12}?(?P<f>出口|进口)")
#: goods named bare (`汽车`, `电脑及其零部件`), no flow, measure or partner of their own
_BARE_GOODS = re.compile(r"(?!对|自|向|从|其中)(?:(?!出口|进口|进出口)[\u4e00-\u9fff]){2,10}")


def _population_part(part: str, whole: str) -> str:
    """`实物型网络零售额` under 农村网络零售额 → 农村实物型网络零售额: a kind of a population's total is that
    population's (the whole stated in the sentence before, too: `…农村网络零售额超过3100亿元。其中，实物型…`)."""
    for h in _PART_HEADS:
        if whole.endswith(h) and part.endswith(h) and len(part) > len(h):
            pop = whole[: -len(h)]
            kind = part[: -len(h)]
            # (a kind of goods too: `…县域网络零售额…。其中，农产品网络零售额…` → 县域农产品网络零售额)
            if (
                _PART_POPULATION.match(pop)
                and (kind.endswith(("型", "类")) or (kind in _GOODS_KINDS and _AREA_POPULATION.match(pop)))
                and not part.startswith(pop)
            ):
                return pop + part
            break
    return part


def _name_parts(t: str, figs: list[ExtractedFigure], fig_pos: list[int]) -> None:
    """Parts of a whole take the whole's name where they name only the part (see _part_name)."""
    wholes: dict[int, str] = {}
    for k, f in enumerate(figs):
        start = min(fig_pos[k], f.span_start)
        whole = ""
        # the whole as a figure earlier in the sentence, with `其中` between; a sibling part after a part (`其中实物型
        # 网络零售额…，服务型网络零售额…`, `其中线上旅游和线上餐饮分别增长…`) has the same whole
        for x in range(k - 1, -1, -1):
            w = figs[x]
            if "占" in w.metric:
                continue
            gap = t[w.span_end : start]
            if x in wholes and not _PART_OF.search(gap):
                whole = wholes[x]
            elif _PART_OF.search(gap) and w.metric != f.metric:
                whole = w.metric
                if f.region == "全国" and w.region != "全国" and not _NATIONAL_WORD.search(gap):
                    f.region = w.region  # `全市社会消费品零售总额…，其中汽车类…`: a part of a local whole is local
            break
        if not whole:
            pm = _PART_OF.search(t, 0, start)
            lead = t[: pm.end()] if pm and pm.group() != "其中" else ""
            m = _WHOLE_BEFORE.search(lead) if lead else None
            if m and not _DIGIT_RE.search(t[m.end() : start].split("分别")[0]):
                named = m.group("w")
                whole = _phrase(named[1:] if named.startswith("在") else named).metric  # `在实物商品网上零售额中，`
        if whole and f.region != "全国" and whole != f.metric and whole.endswith(f.metric):
            # `中部地区网络零售额增长15%，其中河南网络零售额3000亿元`: a place named as the part is measured as
            # written — the whole's name (`中部地区…`) is no part of its own
            src = next((figs[x] for x in range(k - 1, -1, -1) if figs[x].metric == whole), None)
            if src is not None and src.region != f.region:
                whole = ""
        if whole:
            wholes[k] = whole
            if not _county_part(f, whole):
                f.metric = _part_name(f.metric, whole)


#: `…分别实现1119.2亿元、720.5亿元，在实物型网络零售额中分别占27%、17.4%`: the whole a list of amounts is a share of,
#: named in the clause right after the list
_WHOLE_AFTER_LIST = re.compile(r"\s*[，,]\s*(?:在|占)?([\u4e00-\u9fffA-Za-z0-9]{2,18}?)(?:当中|之中|中)")


def _name_listed_amounts(t: str, figs: list[ExtractedFigure], fig_pos: list[int], ctx: _Ctx) -> None:
    """Amounts of a list of bare kinds (`食品、3C数码、服装鞋包分别实现1119.2亿元、720.5亿元、520.4亿元`) are parts of
    the whole the next clause names them in (`在实物型网络零售额中分别占…`): 食品网络零售额 …; a list in the clause after
    the `；` (`在线旅游、在线餐饮分别为994.1亿元、921亿元`) is read against the same whole."""
    bare = [
        k
        for k, f in enumerate(figs)
        if f.base_unit == "元" and f.growth_pct is None and not _MEASURE_END.search(f.metric) and "占" not in f.metric
    ]
    if len(bare) < 2:
        if not ctx.carry:
            ctx.list_whole = ""
        return
    last = figs[bare[-1]]
    m = _WHOLE_AFTER_LIST.match(t, last.span_end)
    whole = _phrase(m.group(1)).metric if m else ""
    if whole and not _MEASURE_END.search(whole):
        whole = ""
    if not whole and ctx.carry:
        whole = ctx.list_whole
    ctx.list_whole = whole
    for k in bare if whole else []:
        figs[k].metric = _part_name(figs[k].metric, whole)


#: a commodity category of retail statistics, alone or with its measure (`粮油食品类`, `体育、娱乐用品类零售额`)
_CATEGORY = re.compile(r"^(?P<cat>[\u4e00-\u9fff、]{1,16}?类)(?P<measure>(?:商品)?(?:零售|销售)额)?$")
#: the retail survey's population (`限额以上单位`, `限额以上批发和零售业单位`, `限上单位`)
_RETAIL_SCOPE = r"限额以上(?:单位)?|限上单位"
#: the surveyed population whose commodity categories a release lists, anywhere before them: only the retail survey's
#: (commodity categories are retail sales; `规模以上` units, of the industrial survey, list none), and the short `限上`
#: only with its `单位` (in running text it is also the middle of `无限上涨`)
_CATEGORY_SCOPE = re.compile(_RETAIL_SCOPE)


def _name_categories(t: str, figs: list[ExtractedFigure], fig_pos: list[int]) -> None:
    """Commodity categories in a list after the population that reports them (`限额以上单位粮油食品类增长8.5%，饮料类
    增长12.4%…`, `…商品零售额中，服装、鞋帽类增长7.8%`) name the categories' retail sales: a bare category is its
    商品零售额 (the population reports it, it is not part of the name: phrase._REPORTER_SCOPE); a category written
    with enumeration commas inside (`体育、娱乐用品类`) is one category, named without them."""
    listed = ""  # the measure a category before it in the sentence was written with (`粮油、食品类商品销售额`)
    for k, f in enumerate(figs):
        m = _CATEGORY.match(f.metric)
        if not m:
            continue
        cat = m.group("cat").replace("、", "")
        measure = m.group("measure")
        if measure is None and listed:
            measure = listed  # `…粮油、食品类商品销售额同比增长9.7%，…烟酒类增长14.6%`: the list's measure
        elif measure is None and (
            _CATEGORY_SCOPE.search(t, 0, min(fig_pos[k], f.span_start)) or _RETAIL_WORD.search(t)
        ):
            # (`智能手机零售增长27.5%，家具类增长16.2%`: a bare category in a sentence about retail sales)
            measure = "商品零售额"
        elif measure is not None:
            listed = measure
        f.metric = cat + (measure or "")


#: a sentence about retail sales (`零售`, not a named retail format: `即时零售`, `新零售`)
_RETAIL_WORD = re.compile(r"(?<!即时)(?<!新)零售")


#: `全市各县市区邮件、快件处理量均在40万件以上，…依次为：A区95.99万件、B县68.69万件…`: the measure each place of the
#: list after the colon is counted by, named with the places' kind (各县市区) before it and a bound shared by all
_EACH_PLACE = re.compile(
    r"各(?:县（市、区）|县\(市、区\)|县市区|县区|区县|市县|县市|市州|地市|市|县|区)"
    r"(?P<m>[\u4e00-\u9fff、]{2,16}?)(?:均|都|全部)(?P<bound>[^：:。；;]*)[^：:。；;]*[：:]"
)
_PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,5}$")


def _name_place_list(t: str, figs: list[ExtractedFigure], fig_pos: list[int]) -> None:
    """The items of a list of places after a colon (`…各县市区邮件、快件处理量均在40万件以上，依次为：川汇区95.99万件、
    项城68.69万件`) are each place's amount of the measure named before it (the place is the region, 川汇区 → 川汇); the
    bound all of them pass (`均在40万件以上`) is no figure."""
    m = _EACH_PLACE.search(t)
    if m is None:
        return
    measure = m.group("m")
    for k, f in enumerate(figs):
        pos = min(fig_pos[k], f.span_start)
        if m.start() <= pos < m.end():
            f.metric = ""  # the bound every place passes
            continue
        before = t[: f.span_start]
        if (
            pos >= m.end()
            and _PLACE_NAME.match(f.metric)
            and not _MEASURE_END.search(f.metric)
            and before.endswith(f.metric)
            and before[: -len(f.metric)].rstrip()[-1:] in ("：", ":", "、", "，", ",", "）", ")")
        ):
            name = f.metric
            f.region = name[:-1] if len(name) > 2 and name[-1] in "区县市" else name
            f.metric = measure


#: the parcels a count is of (`快递`, `邮件、快件`: one object, named without the comma)
_PARCEL_OBJ = r"快递|快件|邮件[、和及]?快件|邮件|包裹|邮政快递|邮快件"
_PARCEL_ACT = r"(?:揽收|投递|派送|处理|进港|出港)量"
#: a parcel count named by its activity (`快递揽收量`, `邮件、快件处理量`), and the bare activity of a sibling (`投递量`)
_PARCEL_COUNT = re.compile(r"^(?P<o>" + _PARCEL_OBJ + r")" + _PARCEL_ACT + r"$")
#: the whole trade or network as the scope of a parcel count (`全行业邮快件揽收量`): nationwide, no part of its name
_TRADE_SCOPE = re.compile(r"^(?:全行业|全网|全国邮政快递业|全行业邮政快递)(?=(?:" + _PARCEL_OBJ + r")?" + _PARCEL_ACT + r"$)")
#: the firms reporting a parcel count (`各寄递企业邮件、快件处理量`): its population, no part of its name
_PARCEL_FIRMS = re.compile(
    r"^(?:各|全部|主要)?(?:寄递|快递|邮政快递|邮政、快递)(?:服务)?企业(?=(?:" + _PARCEL_OBJ + r")" + _PARCEL_ACT + r"$)"
)
_BARE_PARCEL_COUNT = re.compile(r"^" + _PARCEL_ACT + r"$")
#: a parcel count of a part of the country (`农村地区快递揽收量`), and words naming a scope of their own between it and
#: a sibling count
_PART_OF_COUNTRY = re.compile(r"^(?P<q>(?:农村|城市|城镇|乡村)地区)(?:" + _PARCEL_OBJ + r")" + _PARCEL_ACT + r"$")
_OWN_SCOPE = re.compile(r"全国|全行业|全网|农村|城市|城镇|乡村|全省|全市|其中|[。；;]")
_BARE_PARCEL_VERB = re.compile(r"^(?:揽收|投递|派送|处理)$")


def _name_parcel_siblings(figs: list[ExtractedFigure], before: str = "") -> None:
    """`快递揽收量约25.3亿件，投递量约24.7亿件`: a bare activity count after a sibling naming the parcels counts the
    same parcels (快递投递量); `before`: the metric of the clause before a `；` (or a `其中，`) this sentence goes on
    from."""
    prev = _PARCEL_COUNT.match(before)
    obj = prev.group("o").replace("、", "").replace("和", "").replace("及", "") if prev else ""
    part: ExtractedFigure | None = None  # the last count of a part of the country (`农村地区快递揽收量`)
    for f in figs:
        if (
            part is not None
            and _PARCEL_COUNT.match(f.metric)
            and f.region == part.region
            and f.quote == part.quote
            and part.span_end <= f.span_start
            and not _OWN_SCOPE.search(f.quote, part.span_end, f.span_start)
        ):
            # `农村地区揽收快递包裹2.2亿件，投递快递包裹3.6亿件`: the sibling count of the same part
            f.metric = _PART_OF_COUNTRY.match(part.metric).group("q") + f.metric  # type: ignore[union-attr]
        part = f if _PART_OF_COUNTRY.match(f.metric) else part
        scope = _TRADE_SCOPE.match(f.metric)
        if scope and f.region == "全国":
            f.metric = f.metric[scope.end() :]
        firms = _PARCEL_FIRMS.match(f.metric)
        if firms:
            f.metric = f.metric[firms.end() :]
        m = _PARCEL_COUNT.match(f.metric)
        if m:
            obj = m.group("o")
            if len(obj) > 3:  # `邮件、快件处理量` → 邮件快件处理量
                obj = obj.replace("、", "").replace("和", "").replace("及", "")
                f.metric = obj + f.metric[m.end("o") :]
        elif obj and _BARE_PARCEL_COUNT.match(f.metric):
            f.metric = obj + f.metric
        elif obj and f.base_unit == "件" and _BARE_PARCEL_VERB.match(f.metric):
            f.metric = obj + f.metric + "量"  # `…揽收快递包裹19.2亿件…。其中，10月22日揽收7.29亿件`


#: the surveyed population a total is restricted to, opening its name (`限额以上单位消费品零售额`, `限上…`, `规模以上…`):
#: the retail survey's (_RETAIL_SCOPE; here the short `限上` too) or the industrial survey's
_SURVEY_SCOPE = re.compile(r"^(?:" + _RETAIL_SCOPE + r"|限上|规模以上(?:单位)?)")


def _scope_breakdown(figs: list[ExtractedFigure], whole: str, sibling: str = "") -> str:
    """The levels of a breakdown (`按消费类型分，商品零售…；餐饮收入…`) are of the surveyed population their whole
    (the paragraph's `限额以上单位消费品零售额…`) or their first sibling (`分城乡看，限额以上城镇消费品零售额…；乡村
    消费品零售额…`) is restricted to: a parallel clause does not repeat the qualifier. `sibling`: the scope of the
    breakdown's clauses before this one (after `；`). Returns the scope applied, "" for none."""
    levels = [f for f in figs if not is_growth_only(f)]
    if not levels:
        return sibling
    own = _SURVEY_SCOPE.match(levels[0].metric)
    of_whole = _SURVEY_SCOPE.match(whole)
    scope = own.group() if own else sibling or (of_whole.group() if of_whole else "")
    for f in levels if scope else []:
        if not _SURVEY_SCOPE.match(f.metric) and f.metric != whole and len(f.metric) >= 2:
            f.metric = scope + f.metric
    return scope


#: a count of provinces/cities/countries/aspects is the scope of something, not a figure
_SCOPE_AFTER = re.compile(
    r"\s*(?:多|余)?\s*(?:个|条|项)?\s*(?:(?:主要)?方面|领域|梯队|举措|措施|省(?:份|区市|市)?|(?:国家|地区|城市)(?:[和及与或](?:地区|城市))?"
    r"(?=[^\u4e00-\u9fff]|$|和|及|与|或|开设|覆盖|全面|实现|的|中|里|内|设立|开通|分别|均|都|先后|已|共))"
)

#: a head standing for the indicator the sentence just named (`…，总规模达…`)
_STAND_IN_HEADS = frozenset({"总规模", "规模", "总量", "总体规模", "整体规模", "体量"})
_MEASURED = re.compile(r"(?:额|量|规模)$")

#: an amount an event or policy drove (`带动…网络零售额超过…`): named as driven, never the indicator's level
_DRIVEN_BEFORE = re.compile(r"带动|拉动|撬动|促成")
_DRIVEN_MEASURE = re.compile(r"(?:零售额|交易额|成交额|销售额|进出口额|出口额|进口额|业务量|消费额)$")

_SUMMED = re.compile(r"合计|总计|共计|加起来|之和|总和")

#: a rate per second, day or head (`每秒钟`, `每天`, `每人`)
_PER_TIME = r"每(?:秒钟?|分钟|小时|天|日|人)"
#: a rate per unit of time or per head: an average (`日均`, `平均每天`, `人均`) or a rate (`每秒钟`)
_PER_UNIT = r"[日月周年户场]均|日平均|月平均|平均每[天日月周年人户家个]|每[天日月周年人户]平均|人均|单日平均|" + _PER_TIME
#: a rate written before its number (`支撑日均超3亿件包裹流转`, `人均使用快递93件`): a number of its own, never a
#: level of the metric the clause would otherwise carry from the figure before
_PER_UNIT_BEFORE = re.compile(_PER_UNIT)
#: a rate right before its number (`平均每天有7亿人次收发快递`, `每秒钟约…`): it illustrates a scale, no level, whatever
#: metric the clause names
_PER_UNIT_AT = re.compile(r"(?:" + _PER_UNIT + r")(?:有|约|超过?|近|达到?)?\s*$")


#: `N个(大中)城市` followed, in its clause, by the figures about them
#: a count of the units a survey monitors (`重点监测的15个超市`, `省级重点监测的8个农产品批发市场`)
_MONITORED = re.compile(r"监测(?:的)?$")


def _clause_end_at(t: str, pos: int) -> int:
    m = re.compile(r"[。；;！!？?]").search(t, pos)
    return m.start() if m else len(t)


_SURVEYED_AFTER = re.compile(r"\s*个?(?:大中|重点|主要|大)?城市(?P<rest>[^，,；;。]*)")

#: a share whose subject or whole the name lost (`…的比重达23.6%`, `占比较上年提升3.2个百分点`, `…出口增长17.5%，占30.1%`),
#: an investment of something the name does not say (`在建项目超过25项，总投资500多亿元`): no indicator
SUBJECTLESS_SHARE = re.compile(r"^(?:比重|占比|份额|比例|总投资|总投资额)$|占$")

#: what is left of a clause that names no metric: a duration (`从39天破100亿件`), a bare verb
_JUNK_METRIC = re.compile(
    r"(?:量|额|数)(?:日|月)$|"  # `快递业务量日均超过5亿件`: an average per day, not the indicator's level
    # (`对其他9个金砖国家进出口`: how many partners a flow is with names the flow)
    r"[0-9](?:\.[0-9]+)?\s*(?:万亿|亿|万|千)?(?:元|件|人|个(?![\u4e00-\u9fffA-Z]{0,8}?(?:国家|成员国|经济体|贸易伙伴))|家|%)|"
    r"\d\s*(?:天|个月|年|小时|周)|^(?:仅用|用了|每人|增加至|增长至|上升至|提高至)$|^(?:前|第)\s*\d+\s*(?:名|位|强)|"
    # `每秒钟有超过3000个快件…`, `平均每天有7亿人次…`, `相当于全国每人至少收到71件`: a rate per second, day or
    # head, or an illustration, is no indicator's level
    + _PER_TIME
    + r"|^相当于|"
    # `日均揽收量达6.34亿件，是日常业务量的117.8%`: a ratio to a baseline the clause names, no level of it
    r"^是[\u4e00-\u9fff]{2,12}$|"
    r"(?:什么|多少|几何)$|"  # `1000亿件意味着什么`: a question (a sub-head) states no figure
    r"^(?:全省|全市|全区|全县|全国|我省|我市|我区|本省|本市)$|"  # `全省11个设区市中`: a place, not an indicator
    r"^这一?(?:数字|数据|数值)|"  # `这一数字较2022年的1105.8亿件增长了19.4%`: a figure referred to, not named
    # `自2019年首次突破5000亿元以来`: a time clause; `增长率连续三年超过10%`: a rate of change named alone (no
    # subject) or cut at an adverb; `较上年分别加快3.2个…`: a comparison, not an indicator
    r"以来$|连续$|^(?:增长率|增速|增幅|增长速度)|^(?:较|比(?!重|例|率))|"
    # `…分别较上年同期加快2.4、1.1和0.7%`, `高出限额以上7.2%`: a difference between two rates, named by the comparison
    r"(?:较|比)[^，,；;。]{0,8}(?:加快|放缓|回落|收窄|扩大|提高|提升)$|^(?:高出|低于|高于|快于|慢于)|"
    # `商务部对5000家…`: cut at a preposition; `这是继…`: a figure referred back to; `综合逾20家机构预测`: the
    # sources counted; `呈现10%的两位数增长`: the kind of a rate, no indicator
    r"[对向]$|(?:与|同|和)(?:相关|有关)?$|^这是|综合$|^(?:双位数|两位数|个位数)|"
    # `直播电商、即时零售增幅均高于30%`: a bound on several rates of change, no level and no one rate
    r"(?:增幅|增速|涨幅|增长率|增长速度)(?:均|都|皆)?(?:高于|低于|超过|不低于|不少于|在)$|"
    # `主要有以下4个特点`: what a list introduces; `春节假期湖北省600多家…`, `中心城区20个重点商圈…`: a holiday or
    # a place left over where the name was cut at the number, no indicator; `在…115个项目中`: what a count is among
    r"(?:以下|如下)$|^(?:春节|国庆|中秋|元旦|五一|端午|清明|十一|节日|节假日)?(?:假期|期间|黄金周|长假|小长假)"
    r"(?:[\u4e00-\u9fff]{1,6}?[省市区县])?$|^(?:中心|主)?城区$|(?<![集空初高其])中$|"
    # `对越南增长1.3倍`: a partner named without the trade (进出口? 出口?); `三国合计进出口占…`: partners referred to
    r"^对(?!外)(?![\u4e00-\u9fff]*(?:进|出口|贸易|投资|额|值|量|顺差|逆差))[\u4e00-\u9fff]{1,8}$|"
    r"^(?:[两二三四五六七八九十]{1,2}(?:国|省|市|地)|上述|这些)|"
    # `从1亿件增至两亿件，用了两年时间`: an amount written in characters inside the name, or a span `从…到…`, tells a
    # story, names no indicator; `节前发放了第一期200万元…`, `首轮投放160万份`, `按每份50元额度发放4万份`: a tranche or
    # a per-piece amount of what is handed out, the thing itself unnamed; `服务33亿人次`, `组织137家企业`: a bare verb
    r"[两二三四五六七八九十]+[百千]?(?:万亿|亿|万)(?:元|件|人|个)|从[^，,]{1,8}?到|"
    r"第[一二三四五六七八九十0-9]+(?:期|轮|批)$|每(?:份|张|笔|单)$|^额度|(?:投放|发放)了?$|"
    r"^(?:服务|零售|组织|企业|消费)$|"
    # `…寄递企业复工率为62%，返岗率为70%`, `从业人员累计返岗4.2万人`: a resumption rate or count named without whose
    # work resumes (an industry's, stored under the place, would read as the place's all-industry rate)
    r"^(?:整体|总体|平均|累计)?(?:从业人员|员工|职工|人员|工人|企业)?(?:累计)?(?:复工复产|复工|复产|返岗|到岗|开工)"
    r"(?:率|人数|人员)?$|"
    # `其余各市均在90%以上`, `除武汉外其他市州复工率为95%`, `其他城市合计完成1.2亿件`: the rest of the places, a part
    # with no place of its own (stored under the whole's, it would read as the whole's figure)
    r"^(?:除[^，,]{1,10}?外)?(?:其他|其它|其余|余)(?:各)?(?:[\u4e00-\u9fff]{0,2}?)"
    r"(?:市州|地市|城市|省份|省区|地区|市县|区县|国家|市|省|县|州)|"
    r"^(?:以外|之外)的?(?:其他|其余)?(?:地区|城市|市州|各市|地市|市县|区县|省份)|"  # `成都以外地区实现40亿元`
    # `…，为去年同期的57.5%`: a ratio to the level of the year before, neither a level nor a growth; `占全市年度计划的
    # 28.6%`: a share of a plan cut before the plan (read as a share of the place's whole)
    r"^为(?:去年|上年|上年度)?同期|(?:为|恢复至|恢复到|恢复|相当于|达到?)(?:去年|上年|上年度)?同期$|"
    r"占[^占，,]{0,8}(?:年度|全年)$|" + SUBJECTLESS_SHARE.pattern
)


#: a clause stating a subject of its own (`东盟为我国第一大贸易伙伴`) between a figure and a share clause after it
_NEW_SUBJECT_STATED = re.compile(r"[，,][\u4e00-\u9fff]{2,10}(?:为|是|成为)[\u4e00-\u9fff]{2,}[，,]\s*$")


#: a sentence opening `其中，` with only periods before its numbers (`其中，一季度、二季度分别达到…`)
_PART_BY_PERIOD = re.compile(
    r"^[\s，,]*其中[\s，,]*\x00+(?:[\s、和及与，,]*\x00+)*[\s，,]*(?:同比)?(?:分别|均)?\s*(?:达到?|为|是|实现|完成|累计)*\s*$"
)


def _level_metrics(
    t: str,
    masked: str,
    ph: _Phrase,
    group: list[_Item],
    carried: ExtractedFigure | None,
    cb: int,
    post_mode: bool,
    ctx: _Ctx,
    prev_group: list[tuple[str, str]],
) -> list[tuple[str, str]] | None:
    """(region, metric) per number of a level group, or None when the numbers belong to no metric."""
    k = len(group)
    if _SCOPE_AFTER.match(t, group[-1].num.end):
        return None
    surveyed = _SURVEYED_AFTER.match(t, group[-1].num.end)
    if surveyed and _DIGIT_RE.search(surveyed.group("rest")):
        return None  # `36个大中城市猪肉价格上涨24.3%`: how many cities were surveyed, not a figure
    if ph.metric.startswith("在") and split_region(ph.metric[1:] + "xx")[1] == "xx":
        return None  # `前10名有6个在浙江`: where things are, not a metric
    if _MONITORED.search(ph.metric) and _DIGIT_RE.search(t, group[-1].num.end, _clause_end_at(t, group[-1].num.end)):
        return None  # `省商务厅重点监测的15个超市…实现销售额1.9亿元`: how many units are monitored, not a figure
    post = _post_noun(t, group[-1].num.end)
    metric = ph.metric
    if metric and post_mode and carried is not None and metric == carried.metric and post:
        return [(ph.region, post)] * k  # "13项二级指标和40余项三级指标"
    if (
        (ph.trailing and _POST_VERBS.search(ph.trailing))
        or metric.endswith("等")
        or (metric and _POST_VERBS.search(metric))
    ):
        if post:
            return [(ph.region, post)] * k
        if metric.endswith("等"):
            return None
    if (
        not metric
        and k > 1
        and ph.region.count("、") == k - 1
        and carried is not None
        and "分别" in masked[cb : group[0].num.start]
        and all(g.num.base_unit == carried.base_unit for g in group)
    ):
        # `全省快递业务量完成120亿件…，其中杭州、宁波分别完成50亿件和20亿件`: the same metric, region by region
        return [(r, carried.metric) for r in ph.region.split("、")]
    if (
        not metric
        and k > 1
        and ph.region.count("、") == k - 1
        and carried is None
        and ctx.metrics
        and "分别" in masked[cb : group[0].num.start]
        and not _DIGIT_RE.search(masked[:cb])
        and _unit_fits(ctx.metrics[-1], group[0].num.base_unit)
    ):
        # `…全省快递业务量完成52亿件。深圳、广州分别完成15亿件和12亿件`: the paragraph's metric, region by region
        return [(r, ctx.metrics[-1]) for r in ph.region.split("、")]
    if (
        not metric
        and k == 1
        and ph.region
        and "、" not in ph.region
        and carried is None
        and ctx.metrics
        and ctx.prev_region
        and ctx.prev_region != ph.region
        and not _DIGIT_RE.search(masked[:cb])
        and re.search(r"(?:额|收入|量|数)$", _last_measure(ctx))
        and _unit_fits(_last_measure(ctx), group[0].num.base_unit)
    ):
        # `…广东网络零售额2.52万亿元，同比增长10%；浙江2.7万亿元，增长8%`: place by place, the metric just given
        # (`…，占全国的25%。其中，义乌完成15亿件`: a share stated after it is no measure a place completes)
        return [(ph.region, _last_measure(ctx))]
    if not metric and "分别" in masked[cb : group[0].num.start] and len(prev_group) == k:
        return list(prev_group)
    if not metric and "分别" in masked[cb : group[0].num.start]:
        # "即时通信、网络视频、短视频用户规模稳居前三,分别达10.47亿人、10.44亿人和10.26亿人"
        pb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, max(cb - 1, 0))), default=0)
        subj = masked[pb : max(cb - 1, pb)]
        subj = re.split(r"\d", subj)[0]
        cut = _PRED_CUT.search(subj)
        if cut:
            subj = subj[: cut.start()]
        sp = _phrase(subj)
        if sp.items and len(sp.items) == k:
            return item_regions(sp.region, sp.items)
        if sp.metric:
            # `全国快递业务量排名前三的省份为广东、浙江、江苏，分别完成…`: the regions listed before, one each
            regions = _region_list_before(t, cb, k) if k > 1 else []
            if regions:
                return [(r, sp.metric) for r in regions]
            if k > 1 and _REGION_LIST_END.search(masked[pb : max(cb - 1, pb)]):
                return None  # a list of places of another length: whose figure is whose is unclear
            if not all(_unit_fits(sp.metric, g.num.base_unit) for g in group):
                return None  # `快递业务量…、业务收入…，分别达到30亿件和300亿元`: an amount is no level of a volume
            return [(sp.region, sp.metric)] * k
    if not metric and re.fullmatch(r"[\s,，]*(?:达到?|为|是|有|超过|突破|完成|实现)?\s*", masked[cb : group[0].num.start]):
        # `金华快递业务量最多，达130亿件`, `广东快递业务量居全国第一，为337亿件`: a ranked subject, then its level
        pb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, max(cb - 1, 0))), default=0)
        head = masked[pb : max(cb - 1, pb)]
        prev = _RANK_TAIL.search(head) or _CHANGE_TAIL.search(head) or _MILESTONE_TAIL.search(head)
        if prev is None and pb > 1 and _COMPARED_ASIDE.fullmatch(head.strip()):
            # `宽带上网人数增长迅猛，首次超过网民总数的一半，达到5300万人`: an aside comparing the subject with
            # something else, between its change and its level
            pb2 = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, pb - 1)), default=0)
            prev = _CHANGE_TAIL.search(masked[pb2 : pb - 1])
        nxt_place = _NEXT_PLACE.match(masked[pb : max(cb - 1, pb)].strip(" ，,"))
        last = carried.metric if carried is not None else (ctx.metrics[-1] if ctx.metrics else "")
        if nxt_place is not None and last and _unit_fits(last, group[0].num.base_unit):
            region, rest = split_region(nxt_place.group("p"))
            if region and not rest:
                return [(region, last)] * k  # `…广东…达337亿件；其次是浙江，为280亿件`: the next place's level
        subject = prev.string[: prev.start()] if prev is not None else ""
        if (
            prev is not None
            and not _DIGIT_RE.search(AGE_RANGE.sub("", subject))
            and not re.search(r"占|比重|比例|份额", subject)
        ):
            rp = _phrase(subject)
            if rp.metric and len(rp.metric) >= 2 and "、" not in rp.region and _unit_fits(rp.metric, group[0].num.base_unit):
                return [(rp.region, rp.metric)] * k
    if _DRIVEN_BEFORE.search(masked, cb, group[0].num.start) and _DRIVEN_MEASURE.search(metric):
        # `双品网购节带动全国网络零售额超过2100亿元`: what an event drove, not the indicator's level
        tail = metric.rpartition("带动")[2] or metric
        region, rest = split_region(tail)
        return [(ph.region or region, "带动" + (rest or tail))] * k
    if (not metric or len(metric) < 2) and _PER_UNIT_BEFORE.search(masked, cb, group[0].num.start):
        return None  # `…增长11.5%，支撑日均超3亿件包裹流转`: an average, not the carried metric's level
    if (
        not metric
        and carried is None
        and ctx.metrics
        and _last_measure(ctx)
        and _PART_BY_PERIOD.match(masked[: group[0].num.start])
        and _unit_fits(_last_measure(ctx), group[0].num.base_unit)
    ):
        # `上半年外贸进出口规模达20.1万亿元。其中，一季度、二季度分别达到9.76万亿和10.34万亿元`: the parts by
        # period of the whole the sentence before measured (its region is set with the other parts')
        return [("", _last_measure(ctx))] * k
    if not metric or len(metric) < 2:
        colon = _colon_subject(t, masked, cb)
        if colon is not None:
            return [(colon.region or ph.region, colon.metric)] * k
    if metric.startswith("占"):
        if carried is None:
            return None
        if carried.span_end <= cb and _NEW_SUBJECT_STATED.search(t, carried.span_end, cb):
            return None  # `…，其中，东盟为第一大贸易伙伴，占外贸总值的14.6%`: the share of the subject just stated
        return [(ph.region or carried.region, carried.metric.split("占")[0] + metric)] * k
    if metric in ("创汇", "创汇额"):
        # `农产品出口24.9万吨，创汇5.7亿美元`: the earnings of the export just measured; with none, of nothing named
        if carried is not None and re.search(r"出口(?:量|额)?$", carried.metric):
            return [(ph.region or carried.region, re.sub(r"(?:量|额)$", "", carried.metric) + "创汇")] * k
        return None
    if not metric or len(metric) < 2:
        if carried is not None and _SUBJECT_OF_CLAUSE.match(t, group[-1].num.end):
            return None  # `用户达6.38亿，其中1亿多人当过主播`: a count of people doing something, not the level carried
        if carried is not None:
            return [(ph.region or carried.region, carried.metric)] * k
        if post:
            return [(ph.region, post)] * k
        if (
            k == 1
            and ctx.prev_metric
            and group[0].num.base_unit == ctx.prev_unit
            and _PART_OF_PERIOD.fullmatch(masked, 0, group[0].num.start)
        ):
            # `1-7月，快递业务量累计完成950亿件…。其中，7月份完成145亿件`: the whole's indicator, for the part of its
            # period the sentence names
            return [(ph.region or ctx.prev_region, ctx.prev_metric)]
        if (
            k == 1
            and ctx.after_semicolon
            and ctx.prev_metric
            and group[0].num.base_unit == ctx.prev_unit
            and _PERIOD_THEN_LEVEL.fullmatch(masked, 0, group[0].num.start)
        ):
            # `2018年销售额为558.84亿元；2019年达755.75亿元`: a clause after `；` giving only another period's level
            # goes on with the indicator of the clause before
            return [(ph.region or ctx.prev_region, ctx.prev_metric)]
        return None
    if (
        metric in _STAND_IN_HEADS
        and carried is not None
        and _MEASURED.search(carried.metric)
        and (carried.base_unit == "%" or all(g.num.base_unit == carried.base_unit for g in group))
    ):
        # `网络零售额同比增长27.8%，总规模超过1万亿元，达10251亿元`: the scale of the indicator just named
        return [(ph.region or carried.region, carried.metric)] * k
    if _POST_STOP.fullmatch(metric):
        return None
    if k > 1 and ph.items_for(k):
        return item_regions(ph.region, ph.items_for(k))
    if k > 1 and ph.region.count("、") == k - 1:
        return [(r, metric) for r in ph.region.split("、")]  # `杭州、金华电商发展指数分别为327.55和251`
    if k > 1:
        regions = _region_list_before(t, cb, k)
        if regions:
            return [(r, metric) for r in regions]
        if "分别" in masked[cb : group[0].num.start]:
            items = _items_listed_before(masked, cb, k) if _BARE_MEASURE.fullmatch(metric) else []
            if items:
                # `网上外卖、在线教育、网约车等应用…，用户规模分别达4.09亿、3.81亿、3.40亿`: each item's measure
                return [(ph.region, x + metric) for x in items]
            return _distribute_list(ph.region, metric, prev_group, k)
    if _USERS_MEASURE.fullmatch(metric) and cb > 0:
        # `截至2014年6月，互联网理财产品推出仅一年，用户规模已达6383万`: the users of the product or service an
        # earlier clause of the sentence opens with (互联网理财用户规模)
        bounds = [0, *(m.end() for m in _CLAUSE_BOUNDARY.finditer(masked, 0, max(cb - 1, 0)))]
        for a in reversed(bounds):
            lead = _SERVICE_LEAD.match(masked, a, max(cb - 1, a))
            if lead is not None:
                return [(ph.region, lead.group("s") + metric)] * k
            if _DIGIT_RE.search(masked, a, max(cb - 1, a)):
                break
    if k == 1 and _BARE_MEASURE.fullmatch(metric) and cb > 0:
        # `通讯器材类势头良好，实现零售额4.6亿元`: a commodity category opening the clause before, then how it fared,
        # is what the bare measure measures
        pb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, max(cb - 1, 0))), default=0)
        cat = _CATEGORY_LEAD.match(masked, pb, max(cb - 1, pb))
        if cat is not None:
            return [(ph.region, cat.group("cat") + metric)]
    if k == 1 and cb > 0 and _SALES_MEASURE.fullmatch(metric):
        # `据对29家大中型百货商场销售情况的统计，10月6日零售额为7447.06万元`, `超市方面，10月6日共实现销售5078.47万元`:
        # the surveyed businesses the clause before names are what the bare sales measure measures
        pb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, max(cb - 1, 0))), default=0)
        pop = _SURVEYED_LEAD.match(t, pb, max(cb - 1, pb))
        if pop is not None:
            measure = metric if metric.endswith("额") else metric + "额"
            name = pop.group("pop") or pop.group("side") or "重点监测" + pop.group("mon")
            return [(ph.region, name + measure)]
    return [(ph.region, metric)] * k


#: a sales measure named bare (`零售额`, `营业额`, `实现销售…万元`)
_SALES_MEASURE = re.compile(r"(?:零售|销售|营业|成交|交易)额|销售")
#: a clause naming the businesses surveyed (`据对29家大中型百货商场销售情况的统计`, `据对29家餐饮企业132家门店的统计`)
#: or the kind of business a passage turns to (`超市方面`)
_SURVEYED_LEAD = re.compile(
    r"[\s，,]*(?:另外[\s，,]*)?(?:据对(?:全市|全省)?\d+(?:多|余)?家(?P<pop>[\u4e00-\u9fff]{2,10}?)(?:\d+家门店)?"
    r"(?:的?(?:销售|经营)情况)?的(?:销售)?统计(?:显示)?|(?P<side>[\u4e00-\u9fff]{2,6}?)方面"
    # `省级重点监测的8个农产品批发市场，前4天共实现交易额…`: the monitored businesses the clause before names
    r"|[\u4e00-\u9fff]{0,8}?重点监测的\s*[0-9]{1,5}\s*(?:多|余)?(?:个|家)(?P<mon>[\u4e00-\u9fff]{2,10}))[\s，,]*$"
)


#: a count followed by what its members do (`1亿多人当过主播`, `300余家来自外省`): the subject of a new clause
_SUBJECT_OF_CLAUSE = re.compile(
    r"\s*(?:多|余)?(?:人|名|位|户|家|个)?(?:次)?\s*(?:曾经?|已经?|还|都|均|也)?"
    r"(?:当过|当上|做过|成为|担任|来自|表示|认为|选择|参与|使用过|购买过|拥有)"
)


#: the users of something, named without it (`用户规模`, `使用率`)
_USERS_MEASURE = re.compile(r"用户(?:规模|数量|数)|(?:用户)?使用率")
#: a product or service opening a clause, then what happened to it (`互联网理财产品推出仅一年`, `在线医疗服务快速普及`)
_SERVICE_LEAD = re.compile(
    r"[\s\x00，,]*(?:我国|中国|全国)?(?P<s>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:产品|应用|服务)(?![\u4e00-\u9fff]*(?:用户|网民))"
)


#: a commodity category opening a clause, then a short predicate of how it fared (`汽车类商品保持稳定增长`)
_CATEGORY_LEAD = re.compile(r"[\s，,]*(?P<cat>[\u4e00-\u9fff]{1,10}?类)(?:商品)?[\u4e00-\u9fff]{2,8}[\s，,]*$")


#: a measure named without what it measures (`用户规模`, `交易额`, `进出口额`)
_BARE_MEASURE = re.compile(r"(?:用户|交易|市场|销售|零售|进出口|出口|进口|业务)?(?:规模|额|量|总额)|(?:用户)?使用率")
#: a 、-list of names ending before `等`, `和…`-less, or the clause's end: `网上外卖、在线教育、网约车等`
#: (or before `作为…`: `微信朋友圈、QQ空间作为社交服务，用户使用率分别为…`, the list is what the appositive describes)
_NAME_LIST = re.compile(r"(?P<l>[\u4e00-\u9fffA-Za-z0-9]{2,10}(?:、[\u4e00-\u9fffA-Za-z0-9]{2,10}?)+)(?=等|作为|$)")


#: the measure closing the last item of a list (`短视频用户使用率`): the list's head, no part of the item
_LISTED_MEASURE_END = re.compile(r"(?:用户)?(?:使用率|普及率|规模)$")


def _items_listed_before(masked: str, cb: int, k: int) -> list[str]:
    """The k names of a 、-list in an earlier clause of the sentence (the nearest one with exactly k items)."""
    bounds = [0, *(m.end() for m in _CLAUSE_BOUNDARY.finditer(masked, 0, max(cb - 1, 0))), cb]
    for a, b in reversed(list(zip(bounds, bounds[1:], strict=False))):
        clause = masked[a:b].rstrip("，,；; ")
        for m in _NAME_LIST.finditer(clause):
            names = m.group("l").split("、")
            if len(names) != k:
                continue
            names[0] = _phrase(names[0]).metric or names[0]
            # `即时通信、短视频用户使用率分别为…，用户规模分别达…`: the last item without the earlier list's measure
            tail = _LISTED_MEASURE_END.search(names[-1])
            if tail is not None and tail.start() >= 2:
                names[-1] = names[-1][: tail.start()]
            if all(2 <= len(x) <= 10 and not _DIGIT_RE.search(x) for x in names):
                return names
        if _DIGIT_RE.search(masked[a:b]):
            return []  # a list only from the clauses since the last number
    return []


_COLON_METRIC_END = re.compile(_MEASURE_END.pattern[:-2] + r"|进出口|出口|进口)$")


def _last_measure(ctx: _Ctx) -> str:
    """The paragraph's last metric that is a measure of its own, not a share of another (`快递业务量占全国`)."""
    return next((m for m in reversed(ctx.metrics) if not _A_SHARE.search(m)), "")


_A_SHARE = re.compile(r"占|比重|比例|份额|渗透率")


def _unit_fits(metric: str, base_unit: str) -> bool:
    """Could a number in `base_unit` be a level of `metric` (an amount of money for …额/…收入, a count for …量)?"""
    money = base_unit in ("元", "美元", "欧元", "港元", "日元", "英镑")
    if re.search(r"(?:额|收入)$", metric):
        return money
    if re.search(r"(?:量|数|用户|网民)$", metric):
        return not money and base_unit != "%"
    return True


def _colon_subject(t: str, masked: str, cb: int) -> _Phrase | None:
    """`网上零售额:1-11月累计105374亿元`, `快递业务量：全年完成1320亿件`: a clause naming no metric right after a colon
    takes the metric named before the colon (a short noun phrase ending in what is measured)."""
    if cb <= 1 or t[cb - 1] not in "：:":
        return None
    pb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, cb - 1)), default=0)
    subj = masked[pb : cb - 1]
    if _DIGIT_RE.search(subj) or not subj.strip():
        return None
    ph = _phrase(subj)
    if not (2 <= len(ph.metric) <= 14) or not _COLON_METRIC_END.search(ph.metric) or ph.items:
        return None
    return ph


def _distribute_list(region: str, metric: str, prev_group: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """`即时通信、网络视频、短视频用户规模…分别达…,用户使用率分别为97.1%、96.8%和95.2%`: the second list takes the
    first list's items (即时通信用户使用率 …) when the previous level group has as many figures of a common head."""
    k = len(prev_group)
    if k != n:
        return [(region, metric)] * n
    names = [m for _, m in prev_group]
    rev = [m[::-1] for m in names]
    suffix_len = len(os.path.commonprefix(rev)) if k > 1 else 0
    prefixes = [m[: len(m) - suffix_len] for m in names]
    if (
        suffix_len >= 2
        and all(len(p) >= 2 for p in prefixes)
        and len(set(prefixes)) == k
        and not any(metric.startswith(p) for p in prefixes)
    ):
        return [(region or r, p + metric) for (r, _), p in zip(prev_group, prefixes, strict=True)]
    return [(region, metric)] * n


_ANAPHORA = re.compile(
    r"^(该|这一|此|这个|上述|前述)(指标|数据|数值|数字|指数|规模|比例|比重|增速|[\u4e00-\u9fff]{0,2})$"
)


#: a generic indicator of an activity named without it (`业务收入` after `快递业务量…`)
_BARE_ACTIVITY = ("业务收入", "业务量", "业务总量")

#: the subject of an activity's indicator (`快递业务量` → 快递, `邮政行业业务收入` → 邮政行业)
#: (a scope written with a slash or a comma, `国际/港澳台快递业务量`, is part of the subject)
_ACTIVITY_SUBJECT = re.compile(r"^([\u4e00-\u9fff][\u4e00-\u9fff/／、]{1,10}?)业务(?:量|收入|总量)$")


#: what an absolute change counted, in the clause before a bare `总数` (`网商较上年底增加105万家，总数达…`)
_CHANGED_SUBJECT = re.compile(
    r"(?P<s>[\u4e00-\u9fff]{2,12}?)(?:较|比)[^，,。；;]{0,16}?(?:增加|增长|新增|净增|减少)[^，,。；;]*[，,]\s*(?:总数|总量)"
)

#: `其中，7月份完成…`: a part of the period just stated (masked), with a verb of completion and nothing else
#: a clause that is a period and a verb before its number (`2019年达`, `2020年为`)
_PERIOD_THEN_LEVEL = re.compile(
    r"[\s,，]*\x00+[\s,，]*(?:当月|单月|当季)?\s*(?:完成|实现|达到?|为|增至|增加至|增长至|升至)\s*(?:约|近)?\s*"
)

_PART_OF_PERIOD = re.compile(r"[\s,，]*其中[\s,，]*\x00+[\s,，]*(?:当月|单月)?\s*(?:完成|实现|达到?|为|共)\s*(?:约|近)?\s*")

#: a share of a population followed by its scale (`网民中农村网民占比为27.9%，规模达1.86亿`)
_SHARE_THEN_SCALE = re.compile(
    r"(?P<s>[\u4e00-\u9fff]{2,12}?)(?:占比|所占比例|所占比重|比例|比重)\s*(?:为|达到?|是|约)?\s*[0-9.]+\s*%\s*[，,]\s*"
    r"(?:其|总)?(?:规模|总量|数量)"
)
#: the total of a place's trade in goods, named with what it is (`货物贸易进出口总值`, `外贸进出口`)
_TRADE_TOTAL = re.compile(r"(?:货物贸易|外贸|货物)进出口(?:总值|总额|额|规模)?|进出口(?:总值|总额)")

#: an amount named without its activity (`交易规模`, `进出口额`)
_SUBJECTLESS = ("交易规模", "交易额", "进出口额", "市场规模", "销售额", "零售额")
#: an activity and what is measured of it (`网络购物用户规模`, `跨境电子商务规模`)
_MEASURE_SUBJECT = re.compile(
    r"^(?P<s>[\u4e00-\u9fff]{2,10}?)(?P<h>用户规模|交易规模|市场规模|交易额|进出口额|零售额|销售额|规模)$"
)
#: a count of trades named without its market (`交易总次数`, `交易笔数`)
_BARE_TRADE_COUNT = re.compile(r"交易(?:总)?(?:次数|笔数|订单数|单量)")
#: a market the sentence names (`中国网络购物市场交易活跃度…`): its activity, without the country
_MARKET_NAMED = re.compile(r"(?:中国|我国|全国)?(?P<a>[\u4e00-\u9fff]{2,6}?)市场")
#: a population counted, not an activity (`网民规模`, `网商规模`): it has no amount of its own
_POPULATION_WORD = re.compile(r"网民|人口|用户|居民|人数|主体|企业|网店|网商|主播")


#: an indicator of a named industry (`邮政行业业务收入` → 邮政行业)
_INDUSTRY_NAMED = re.compile(r"^([\u4e00-\u9fff]{2,4}(?:行业|业))(?=(?:寄递)?业务)")
#: the whole industry, unnamed (`全行业业务收入`, `行业业务总量`)
_WHOLE_INDUSTRY = re.compile(r"^全?行业(?=业务)")


#: a partner the place trades with (`对东盟进出口`, `与欧盟贸易`)
_PARTNER_TRADE = re.compile(r"[对与同](?P<p>[\u4e00-\u9fff]{2,8}?)(?:的)?(?:进出口|贸易)")


#: a bare scale, perhaps after the part of the year it is of (`规模`, `上半年规模`)
_BARE_SCALE = re.compile(r"(?:上半年|下半年|全年|前三季度|[一二三四]季度)?规模")
#: an amount's name (`…进出口`, `…交易额`, `…零售总额`)
_AMOUNT_NAMED = re.compile(r"(?:进出口|出口|进口|额|总值|交易规模|市场规模)$")

#: one side of a service trade (`服务出口`, `知识密集型服务进口额`, `服务贸易出口`)
_TRADE_SIDE = re.compile(r"^(?P<p>[\u4e00-\u9fff]{0,8}服务(?:贸易)?)(?:出口|进口)(?:额)?$")

#: amounts a paragraph's units made (see _expand_generic)
_UNIT_AMOUNTS = ("交易额", "销售额", "营业额", "成交额", "零售额", "销售收入", "营业收入")
#: the units themselves: firms, shops, markets (`重点监测企业`, `农产品批发市场`, `大型商超`)
_UNITS_NOUN = re.compile(r"(?:企业|商场|超市|商超|市场|门店|商户|商家|网店|店铺|酒店|饭店|综合体)$")


#: a part of the population (town or country) a name opens with, and the other part of the pair
_POPULATION_LEAD = re.compile(r"城镇|乡村|农村|城市")
_POPULATION_SIBLING = {"城镇": "乡村", "乡村": "城镇", "城市": "农村", "农村": "城市"}


def _expand_generic(metric: str, ctx: _Ctx) -> str:
    """`交易规模` after `直播电商交易规模` earlier in the paragraph → 直播电商交易规模; `该指数`/`这一指标` → the
    indicator named before (or nothing: a pronoun is no metric)."""
    whole_industry = _WHOLE_INDUSTRY.match(metric)
    if whole_industry and len(metric) > len(whole_industry.group()) + 1:
        # `邮政行业业务收入累计完成…。4月份，全行业业务收入完成…；行业业务总量…`: the whole industry is the one just
        # named in the paragraph, else the only one the article named
        rest = metric[whole_industry.end() :]
        for prev in reversed(ctx.metrics):
            industry = _INDUSTRY_NAMED.match(prev)
            if industry:
                return industry.group(1) + rest
        industries = {m.group(1) for prev in ctx.article_metrics if (m := _INDUSTRY_NAMED.match(prev))}
        if len(industries) == 1:
            return industries.pop() + rest
    if metric in ("贸易总值", "贸易额", "贸易总额"):
        # `重庆对东盟进出口大幅增长，贸易总值788.1亿元`: the trade with the partner the clause before names, never the
        # place's whole trade
        at = ctx.sentence.find(metric)
        partners = list(_PARTNER_TRADE.finditer(ctx.sentence, 0, at if at >= 0 else len(ctx.sentence)))
        if partners:
            partner = partners[-1]
            return "对" + partner.group("p") + metric
    ana = _ANAPHORA.match(metric)
    if ana:
        rest = ana.group(2)
        for prev in reversed(ctx.metrics):
            if rest in ("", "指标", "数据", "数值", "数字") or prev.endswith(rest):
                return prev
        return ""
    if metric in _BARE_ACTIVITY and ctx.metrics:
        # `快递业务量完成115.4亿件…；业务收入完成1033.2亿元`: a bare 业务收入/业务量 is the activity just named
        sub = _ACTIVITY_SUBJECT.match(ctx.metrics[-1])
        if sub:
            subject = sub.group(1)
            if metric == "业务收入" and subject.endswith("寄递") and len(subject) > 4:
                # `邮政快递业寄递业务量…；业务收入实现1630亿元`: the revenue is the industry's (邮政快递业业务收入); 寄递
                # names the volume's kind only
                subject = subject[: -len("寄递")]
            return subject + metric
    if metric == "收入" and ctx.metrics and ctx.metrics[-1] in ctx.sentence:
        # `邮政行业业务总量突破7000亿元，收入突破5000亿元`: a bare 收入 after an activity's volume in the sentence is
        # that activity's revenue (邮政行业业务收入)
        sub = _ACTIVITY_SUBJECT.match(ctx.metrics[-1])
        if sub and not ctx.metrics[-1].endswith("收入"):
            return sub.group(1) + "业务收入"
    if metric == "收入" and ctx.metrics:
        # `快递企业累计完成业务量4.24亿件，占全省总量的50.52%…；收入累计完成51.8亿元`: the activity the sentence
        # measured (its share after it aside), its subject written before the verb, is whose revenue it is
        volume = next((m for m in reversed(ctx.metrics) if "占" not in m), "")
        sub = _ACTIVITY_SUBJECT.match(volume)
        if sub and not volume.endswith("收入") and (ctx.after_semicolon or sub.group(1) in ctx.sentence):
            return sub.group(1) + "业务收入"
    counted = next((m for m in reversed(ctx.metrics) if m.endswith("网民规模")), None) if metric == "普及率" else None
    if counted is not None:
        # `我国网民规模达8.02亿，普及率为57.7%`: the internet's reach among the population just counted
        # (`农村网民规模…，普及率为36.5%` → 农村互联网普及率)
        return counted[: -len("网民规模")] + "互联网普及率"
    if metric in ("总数", "总量"):
        # `农村网商较上年底增加105万家，总数达1900万家`: the total of what the change just before counted
        m = _CHANGED_SUBJECT.search(ctx.sentence)
        return _phrase(m.group("s")).metric if m else metric
    if _BARE_TRADE_COUNT.fullmatch(metric):
        # `网络购物市场交易活跃度提升，全年交易总次数256亿次`: the count of trades of the market the sentence names
        market = None
        for m in _MARKET_NAMED.finditer(ctx.sentence):
            if m.end() <= ctx.sentence.find(metric):
                market = m
        if market is not None:
            return market.group("a") + metric
    if _BARE_SCALE.fullmatch(metric) and ctx.metrics and _AMOUNT_NAMED.search(ctx.metrics[-1]) and "占" not in ctx.metrics[-1]:
        # `2024年可数字化交付的服务进出口4067.2亿美元…；2025年上半年规模为1.5万亿元`: the scale of what was just measured
        return ctx.metrics[-1]
    side = _TRADE_SIDE.match(ctx.metrics[-1]) if ctx.metrics else None
    if side is not None and metric in ("进口", "出口", "进口额", "出口额", "逆差", "顺差"):
        # `服务出口25835亿元…；进口28211.1亿元…；逆差2376.2亿元`: the other side, and the balance, of the same trade
        # (服务进口, 服务贸易逆差), never the goods trade a bare 进口/逆差 reads as
        who = side.group("p")
        if metric in ("逆差", "顺差"):
            return who + ("" if who.endswith("贸易") else "贸易") + metric
        return who + metric
    if metric in ("进口", "出口") and ctx.metrics and ctx.metrics[-1].endswith(("出口额", "进口额")):
        metric += "额"  # `…出口额1.55万亿元，同比增长11.7%，进口同比增长4.9%`: the bare flow is the other part's amount
    if len(metric) > 4 or "占" in metric or (len(metric) < 3 and metric not in _GENERIC_HEADS):
        return metric
    if metric in _STAND_IN_HEADS:
        # `网民中农村网民占比为27.9%，规模达1.86亿`: the scale of what the share just before was of — never the
        # indicator of an earlier sentence (手机网民规模)
        share = _SHARE_THEN_SCALE.search(ctx.sentence)
        if share is not None:
            subject = share.group("s").rsplit("中", 1)[-1]
            if len(subject) >= 2:
                return subject + "规模"
    if metric in ("进出口", "进出口额"):
        # `山西省货物贸易进出口总值983.1亿元…。第三季度山西省进出口430.3亿元`: a bare total of trade is the total of
        # trade the story already measured (the paragraph's last, else the article's only one)
        total = next((m for m in reversed(ctx.metrics) if _TRADE_TOTAL.fullmatch(m)), None)
        totals = {m for m in ctx.article_metrics if _TRADE_TOTAL.fullmatch(m)}
        if total is None and len(totals) == 1:
            total = totals.pop()
        if total is not None:
            return total
    if metric in ("进口额", "出口额") and ctx.metrics and (
        "进出口" in ctx.metrics[-1] or ("跨境" in ctx.metrics[-1] and _TRADED.search(ctx.metrics[-1]))
    ):
        # `…进出口额210亿元。其中，出口额150亿元`: a part of the total just stated, never the total itself
        return _part_name(metric, ctx.metrics[-1])
    if metric in ("进口额", "出口额") and ctx.metrics and ctx.metrics[-1].endswith(("出口额", "进口额")):
        # `…其中，出口额为610亿元…；进口额为210亿元`: the other part of the same total (跨境电商出口额 → 跨境电商进口额)
        sibling = ctx.metrics[-1][:-3]
        if (
            sibling + "进出口额" in ctx.metrics
            or any(m.startswith(sibling + "进出口") for m in ctx.metrics)
            or ("跨境" in sibling and any(m.startswith(sibling) and _TRADED.search(m) for m in ctx.metrics))
        ):
            return sibling + metric
    for prev in reversed(ctx.metrics):
        if len(prev) > len(metric) and prev.endswith(metric) and "占" not in prev and not prev.endswith("进" + metric):
            part = _POPULATION_LEAD.match(prev)
            parts = list(_POPULATION_LEAD.finditer(ctx.sentence))
            if part and parts and parts[-1].group() != part.group() and ctx.sentence.rfind(prev) < parts[-1].start():
                # `其中城镇实现零售额4300亿元，乡村消费增长相对较慢，实现零售额900亿元`: the sibling part the clause
                # names is whose amount it is (乡村零售额), never the part before it
                other = _POPULATION_SIBLING.get(part.group(), "")
                return other + metric if other == parts[-1].group() else ""
            return prev
        # `…8个农产品批发市场共实现交易额4.2亿元。仅4日当天成交额…`: the same trade's amount by its other word
        twin = _AMOUNT_TWINS.get(metric)
        if twin and len(prev) > len(twin) + 1 and prev.endswith(twin) and "占" not in prev:
            return prev[: -len(twin)] + metric
    if metric in _UNIT_AMOUNTS and ctx.metrics:
        # `8个农产品批发市场，…共实现交易额4.2亿元…。仅4日当天成交额就高达1.1亿元`: a bare amount right after the
        # amount a paragraph's units made is those units' (农产品批发市场成交额)
        last = ctx.metrics[-1]
        head = next((h for h in _UNIT_AMOUNTS if last.endswith(h) and len(last) > len(h)), "")
        if head and _UNITS_NOUN.search(last[: -len(head)]):
            return last[: -len(head)] + metric
    if metric in _SUBJECTLESS and ctx.metrics:
        # `网络购物用户规模达7.10亿，2019年交易规模达10.63万亿元`: the amount of the activity just measured
        sub = _MEASURE_SUBJECT.match(ctx.metrics[-1])
        if sub and (sub.group("h") == "用户规模" or not _POPULATION_WORD.search(sub.group("s"))):
            return sub.group("s") + metric
    if metric in _GENERIC_HEADS or metric in ("交易额", "销售额", "零售额", "业务量") or metric in _BARE_TOTALS:
        # `我国电子商务交易额在2008、2009两年连创新高，2009年交易额达3.8万亿元`: named earlier in the sentence
        found = None
        # only a name written before the bare one's own number (`…133.92亿笔、金额7.23万亿元，日均交易金额…` is
        # no name of the 7.23万亿元: it comes after it)
        own = _BARE_BEFORE_NUMBER(metric).search(ctx.sentence)
        limit = own.start() + len(metric) if own is not None else len(ctx.sentence)
        # (not the tail of a word a number cut, `前4天共实现交易额` → `天共…`)
        for m in re.compile(r"(?<![0-9.０-９])[\u4e00-\u9fff]{2,10}?" + re.escape(metric)).finditer(ctx.sentence, 0, limit):
            found = m
        if found is not None:
            named = _phrase(_without_periods(found.group())).metric
            if len(named) > len(metric) and named.endswith(metric) and "占" not in named:
                return named
        if metric in ("交易额", "销售额", "零售额") or metric in _BARE_TOTALS:
            # `2017年我国网络零售正由高速增长转向高质量发展，零售额达到7.18万亿元`: the activity the clause before
            # names (网络零售) is what the amount is of (`社会消费品零售保持增长，零售总额…` → 社会消费品零售总额)
            act = metric[:2]
            tail = metric[2:]
            found = None
            for m in re.finditer(r"(?:^|[^\u4e00-\u9fff]|年|月|季度)([\u4e00-\u9fff]{2,8}?" + act + r")(?![额量])", ctx.sentence):
                found = m
            if found is not None:
                named = _phrase(found.group(1).lstrip("年月")).metric
                framed = named.startswith(("从", "在", "按", "据", "对", "就")) or "的" in named
                if len(named) > len(act) and named.endswith(act) and "占" not in named and not framed:
                    return named + tail
    if metric in ("交易额", "销售额", "零售额") and not ctx.metrics:
        # `…去年我省电子商务交易额达32986.9亿元。` / `从各市州看，成都遥遥领先，交易额23259.91亿元`: a bare amount opening
        # a later paragraph is of the one indicator the article measured with it
        named_before = {m for m in ctx.article_metrics if len(m) > len(metric) and m.endswith(metric) and "占" not in m}
        named_before = {m for m in named_before if not m.endswith(("进" + metric, "出" + metric))}
        if len(named_before) == 1:
            return named_before.pop()
    return metric


def _BARE_BEFORE_NUMBER(metric: str) -> re.Pattern[str]:
    """A bare measure written right before its number (`金额7.23万亿元`, `交易额达3.8万亿元`)."""
    return re.compile(re.escape(metric) + r"\s*(?:为|达到?|约|超过?|近|共计?|累计)?\s*[0-9０-９]")


#: two words for the amount of one trade (`交易额` / `成交额`)
_AMOUNT_TWINS = {"成交额": "交易额", "交易额": "成交额"}


#: the first days of a span (`前4天`, `头三天`) or a count of days (`4天`), read as a time, not a name
_DAYS_COUNT = re.compile(r"(?:前|头)?(?:[0-9]{1,2}|[一二三四五六七八九十两])\s*(?:天|日)")


def _without_periods(text: str) -> str:
    """`前三季度共实现交易额`, `前4天共实现交易额` → `共实现交易额`: the times a sentence states are no part of a name
    (the sentence's own reading masks them; a name looked up again in the raw sentence must drop them too)."""
    for p in reversed(find_periods(text, None)):
        text = text[: p.start] + text[p.end :]
    return _DAYS_COUNT.sub("", text)


#: a total named by its activity only (`零售总额`), standing for the activity the sentence named before it
_BARE_TOTALS = frozenset({"零售总额", "销售总额", "交易总额"})


def _same_metric(a: str, b: str) -> bool:
    a, b = normalise_metric(a), normalise_metric(b)
    return a == b or a.endswith(b) or b.endswith(a)


#: a rate right after `占…的` (`占全国5.38亿网民的39%`): a share of the whole named in between
_SHARE_OF = re.compile(r"占(?!据|领|有)(?P<w>[^，,。；;：:]{1,30}?)的\s*$")
_SHARE_LIST = re.compile(r"(?:分别)?占(?!据|领|有)(?:约|达|为)?\s*(?:[0-9.]+\s*%\s*[、和及与]\s*)*$")
_IN_WHOLE = re.compile(r"在([\u4e00-\u9fffA-Za-z0-9]{2,20}?)(?:当中|之中|中)")
_SHARE_OPEN = re.compile(r"占(?!据|领|有)[^，,。；;：:0-9]{0,12}$")
_WHOLE_AFTER = re.compile(r"\s*([\u4e00-\u9fff]{1,10}?)的\s*[0-9]")
_NUMBER_IN = re.compile(r"[0-9][0-9.]*\s*(?:万亿|千亿|亿|万|千)?\s*(?:元|人|户|家|个|件)?")


def _name_shares(t: str, figs: list[ExtractedFigure], fig_pos: list[int]) -> None:
    """A percentage written as `占<whole>的N%` is a share of that whole: named as the relation (`网络购物用户规模占
    全国网民的比重`), never as the whole itself (`网民`)."""
    for k, f in enumerate(figs):
        if f.unit == "个百分点" and f.metric.startswith("占"):
            # `集成电路进口770.9亿元，占同期进口总值的比重提升4.5个百分点`: the change of the share of what the
            # sentence just measured; no subject: not stored
            subject = next((g.metric for g in reversed(figs[:k]) if "占" not in g.metric and g.unit != "个百分点"), "")
            f.metric = subject + f.metric if subject else ""
            continue
        if f.unit != "%" and "占" in f.metric:
            # `占全国5.38亿网民的39%`: the whole's own level, named by the noun after its number
            noun = _WHOLE_AFTER.match(t, f.span_end)
            inside = _SHARE_OPEN.search(t, 0, fig_pos[k])
            f.metric = _phrase(noun.group(1)).metric if noun and inside else f.metric
            continue
        if f.unit != "%" or "占" in f.metric:
            continue
        m = _SHARE_OF.search(t, 0, fig_pos[k])
        if not m:
            # `在实物型网络零售额中分别占27%、17.4%`: each item's share of the whole the clause is in
            cs = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(t, 0, fig_pos[k])), default=0)
            listed = _SHARE_LIST.search(t, cs, fig_pos[k])
            if listed:
                inside = _IN_WHOLE.search(t, cs, listed.start())
                named = _phrase(inside.group(1)).metric if inside else ""
                f.metric = f"{f.metric}占{named}的比重" if named else ""
            continue
        whole = _NUMBER_IN.sub("", m.group("w")).strip()
        subject = next((g.metric for g in reversed(figs[:k]) if g.span_end <= m.start() and "占" not in g.metric), "")
        f.metric = f"{subject}占{whole}的比重" if subject and whole else ""  # no subject: not stored
