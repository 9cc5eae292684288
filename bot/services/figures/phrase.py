"""A noun phrase before (or after) a number → its region and metric: period words, link verbs (达/为/超过…),
discourse openers (其中/数据显示…), enumeration marks and a leading region stripped; lists (`快递业务量、业务收入`)
kept as items, sharing their head (`即时通信、网络视频、短视频用户规模`); scope modifiers kept; a count named by the
activity counted (`共揽收快件…件` → 快递揽收量) and the noun after a number (`_post_noun`).

    _phrase(window) -> _Phrase(region, metric, items)

Used by naming, growth and sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.services.figures.lexicon import (
    _BREAKERS,
    _CJK_NOUN_AFTER,
    _DIGIT_RE,
    _GENERIC_HEADS,
    _LEAD_RE,
    _LIST_SEP,
    _PAREN_RE,
    _QUOTED_TERM,
    _TRAIL_RE,
    _clean_spaces,
)
from bot.services.figures.regions import _LOCAL_NAMES, place_name, split_region
from bot.text.tokenize import cut


@dataclass(slots=True)
class _Phrase:
    region: str
    metric: str
    trailing: str  # the last stripped link/verb token (to decide post-noun metrics)
    items: list[str]  # list subject split (for 分别 / 和 lists)
    #: the same list split at `、` only (`在线旅游产品和景点门票、在线文娱销售额`: 和 joins inside an item)
    major_items: list[str] = field(default_factory=list)
    #: the same list split after each commodity category (`粮油食品类、服装、鞋帽、针纺织品类`: 、 also joins the goods
    #: inside one category)
    category_items: list[str] = field(default_factory=list)

    def items_for(self, k: int) -> list[str]:
        """The list's items when there are `k` of them (a value for each), else none."""
        if len(self.items) == k:
            return self.items
        if len(self.category_items) == k:
            return self.category_items  # (before the split at 、: `体育、娱乐用品类和家具类` is two categories)
        return self.major_items if len(self.major_items) == k else []


def _strip_trailing(w: str) -> tuple[str, str]:
    last = ""
    while True:
        m = _TRAIL_RE.search(w)
        if not m or m.start() == m.end():
            return w, last
        if m.group().strip():
            last = m.group() + last if last else m.group()
        w = w[: m.start()]


def _after_breakers(w: str) -> str:
    cut = 0
    for m in _BREAKERS.finditer(w):
        cut = m.end()
    return w[cut:]


#: a modifier that restricts what is counted (`除汽车以外的`, `限额以上单位…实现的`, `可数字化交付的`) stays in the metric
_SCOPE_MODIFIER = re.compile(r"^除|以外|之外|限额以上|规模以上|通过公共网络|^可(?=[\u4e00-\u9fff]{2})")

#: who reported a category's figure, not part of the category's name: `限额以上单位通讯器材类零售额` → 通讯器材类零售额,
#: `限额以上零售业单位中的超市、便利店…零售额` → 超市零售额 …,
#: `重点零售企业4G手机销量` → 4G手机销量, `36个大中城市猪肉价格` → 猪肉价格, `重点平台网络服务消费` → 网络服务消费. The
#: surveyed population's own total keeps it (`限额以上单位消费品零售额`, `重点零售企业销售额`: a different indicator).
_REPORTER_SCOPE = re.compile(
    r"^(?:(?:限额以上(?:单位)?|限上(?:单位|企业)?)(?=[^，,；;]*?类)|限额以上(?=超市|便利店|百货店|专业店|专卖店|食杂店)|[\u4e00-\u9fff]{2,12}?(?:单位|企业|平台)中的?|重点(?:零售|流通|批发)企业|重点(?:监测)?(?:的)?平台|"
    # `相关电商平台冰雪旅游商品订单量`: the platforms reporting, not part of the indicator
    r"(?:相关|部分|一些|多家|主要)(?:电商|网购|购物|网络零售)?平台(?:的|上的?)?|"
    r"(?:[0-9]+个)?(?:大中|重点|主要)城市(?:的)?|[0-9]+个城市(?:的)?)"
)

_SCOPE_TOTALS = frozenset({"销售额", "零售额", "销售收入", "营业额", "交易额", "消费品零售额", "商品零售额"})


#: `企业共揽收快件11.2亿件`, `当天处理快件5080.86万件`: what is counted is the parcels handled — the indicator is the
#: handling volume (快递揽收量, 快件处理量), not the companies — nor the industry (`全国邮政快递业揽收快递包裹…`); both
#: activities counted together (`共揽收和投递快递包裹…件`) are one volume (快递揽收和投递量); `已累计揽收` is `累计揽收`
_PARCEL_VERB = re.compile(
    r"^(?:[\u4e00-\u9fff、]{0,10}?(?:企业|公司|网点|中心|行业|快递业|邮政业|全市|全省|我市|我省))?"
    # `农村地区揽收快递包裹…`: the part of the country the parcels are of, kept (农村地区快递揽收量)
    r"(?P<q>(?:农村|城市|城镇|乡村)地区)?(?:已|共|累计|合计|总共|当天|当日|全天)*"
    r"(?P<v>揽收(?:和|与|及|、)投递|揽投|收投|揽收|处理|派送|投递)了?(?P<o>快件|快递包裹|快递|包裹|邮件)?$"
)
#: both activities counted together (`共揽收和投递快递包裹7.49亿件`, `揽投快递包裹…`): the 揽投 volume
_BOTH_WAYS = re.compile(r"^(?:揽收.投递|揽投|收投)$")

_POSTAL = re.compile(r"快递|快件|邮政|寄递|物流")


_MONEY_UNITS = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑"})
#: a phrase ending on what was done with the money (`在线消费`, `网上消费`, `线上交易`): the amount is that activity's
_SPENDING_VERB = re.compile(r"(?:在线|网上|线上|网络)(?:消费|购物|交易)$")
#: who spent it, opening the phrase (`消费者在线消费` → 在线消费)
_SPENDER = re.compile(r"^(?:消费者|居民|网民|用户|网购用户)")


def item_regions(region: str, items: list[str]) -> list[tuple[str, str]]:
    """(region, metric) of each item of a list the phrase's region opened (`铜陵市蔬菜批发交易市场、蚌埠市…市场销售额`):
    an item naming a place of its own is that place's, the others the list's."""
    out = []
    for x in items:
        r, rest = split_region(x)
        out.append((r, rest) if r and len(rest) >= 2 else (region, x))
    return out


#: trades (payments) named without their measure (`网络支付交易`, `支付`), counted in 笔
_TRADES_COUNTED = re.compile(r"(?:交易|支付)$")
#: the verb a platform's count of trades is written with (`共处理`, `累计处理了`)
_HANDLED_VERB = re.compile(r"(?:共|累计|合计)?处理(?:了)?")


def _activity_metric(metric: str, base_unit: str, t: str = "", end: int = 0) -> str:
    """Name a count by the activity counted: parcels handled (`共揽收快件` in 件 → 快递揽收量, `处理快件` → 快件处理量);
    sessions held (`电商直播超1000万场` → 电商直播场次); views (`直播观看1.3亿人次` → 直播观看人次)."""
    if base_unit == "件":
        m = _PARCEL_VERB.match(metric)
        # `派送7.9亿件` after `快递企业共揽收快件…`: a bare verb counts parcels in a sentence about post, unless a noun
        # follows the count (`共处理1200件投诉`)
        if m and (m.group("o") or (_POSTAL.search(t) and not _post_noun(t, end))):
            obj = "邮件" if m.group("o") == "邮件" else "快件" if m.group("v") == "处理" else "快递"
            return f"{m.group('q') or ''}{obj}{'揽投' if _BOTH_WAYS.match(m.group('v')) else m.group('v')}量"
    if base_unit in _MONEY_UNITS and _SPENDING_VERB.search(metric):
        # `中国消费者在线消费了1.3万亿元`: the amount spent (在线消费额); who spent it is no part of the name
        return _SPENDER.sub("", metric) + "额"
    if base_unit == "场" and "直播" in metric and not metric.endswith(("场次", "场", "次", "数", "量")):
        return metric + "场次"
    if base_unit == "笔" and _TRADES_COUNTED.search(metric):
        # `网联平台共处理网络支付交易133.92亿笔` → 网联平台网络支付交易笔数: the count of trades, without the verb
        # (`银联、网联共处理交易…亿笔`: the platforms' joint count, one name — 银联网联交易笔数)
        return _HANDLED_VERB.sub("", metric).replace("、", "") + "笔数"
    if base_unit in _MONEY_UNITS and _HANDLED_VERB.search(metric) and metric.endswith("支付交易"):
        # `网联、银联共处理网络支付交易近10万亿元` → 网联银联网络支付交易金额: the amount of the trades handled
        return _HANDLED_VERB.sub("", metric).replace("、", "") + "金额"
    if base_unit == "人次" and metric.endswith("直播观看"):
        return metric + "人次"  # `直播观看1.3亿人次` → 直播观看人次, as sessions are 场次
    return metric


def _strip_scope(w: str) -> str:
    m = _REPORTER_SCOPE.match(w)
    if not m:
        return w
    rest = w[m.end() :]
    if len(rest) < 3 or rest in _SCOPE_TOTALS or rest in _GENERIC_HEADS or rest[0] in "的和及与、,，":
        return w
    rest = _LEAD_RE.sub("", rest)  # `重点平台累计直播销售额` → 直播销售额
    return rest if len(rest) >= 2 else w


#: a kind of goods or services right before 的 (`实物商品的`, `农产品的`, `服务类的`): it names what the amount after it
#: counts, not who reported it
_KIND_BEFORE_DE = re.compile(r"(?<![\u4e00-\u9fff]{5})[\u4e00-\u9fff]{1,5}(?:商品|产品|类|型)$")
_AMOUNT_END = re.compile(r"(?:零售额|销售额|交易额|成交额|出口额|进口额|进出口额)$")
#: `全行业处理的快件量`: the activity names the volume (快件处理量), as `共处理快件…件` does
_ACTIVITY_DE_VOLUME = re.compile(r"(?P<verb>处理|揽收|投递|派送|收寄|收投|寄递)的(?P<noun>[\u4e00-\u9fff]{1,6})量$")

#: `邮件（快件）量`: a bracketed second name of the same things counted, kept beside the first
_ALT_NOUN_BEFORE_VOLUME = re.compile(r"(?<=[\u4e00-\u9fff])[（(](?P<alt>[\u4e00-\u9fff]{1,3})[)）](?=量)")


_DEFINED_TERM = re.compile(r"的\s*[“\"「‘]")


def _apply_de(w: str, *, defined: bool = False) -> str:
    """Keep the head after the last 的 unless it is a generic head (then keep one more modifier)."""
    if "的" not in w:
        return w
    act = _ACTIVITY_DE_VOLUME.search(w)
    if act:
        return act.group("noun") + act.group("verb") + "量"
    before, _, after = w.rpartition("的")
    if _SCOPE_MODIFIER.search(before) and len(after) >= 2:
        return w  # `除汽车以外的消费品零售额`: the modifier changes what is counted
    if _BARE_AGGREGATE.fullmatch(after) and _CONDITION_BEFORE_DE.search(before):
        # `能效等级为1级和2级的商品零售额`: a condition on the goods counted — the head alone (商品零售额) is the
        # aggregate of all goods, another indicator
        return w
    if not defined and len(after) >= 2 and _THRESHOLD_BEFORE_DE.search(before):
        # `农产品销售额超过500万元的淘宝村`, `年交易额过亿元的淘宝村`: only the things over a threshold are counted —
        # the head alone (淘宝村) is all of them, another indicator
        return w
    if len(after) < 2:
        return before if len(before) >= 2 else w
    kind = _KIND_BEFORE_DE.search(before)
    if kind and _AMOUNT_END.search(after):
        return kind.group() + after  # `实物商品的网上零售额` → 实物商品网上零售额: the kind counted is the indicator's
    if after in _GENERIC_HEADS or len(after) <= 2:
        mod = before.rpartition("的")[2]
        return f"{mod}的{after}" if mod else after
    if after in ("客流量", "营业额") and len(mod := before.rpartition("的")[2].removeprefix("个")) >= 2:
        return mod + after  # `60个重点商圈的客流量`: whose footfall is the indicator (重点商圈客流量), never bare
    return after


#: an aggregate retail or sales amount, which a modifier before 的 may restrict (`…的商品零售额`)
_BARE_AGGREGATE = re.compile(r"(?:商品|消费品)?(?:零售|销售)(?:总)?额")
#: a threshold closing a modifier (`超过500万元`, `过亿元`, `1000万元以上`): it restricts what is counted
_THRESHOLD_BEFORE_DE = re.compile(
    r"(?:超过|超出|超|过|突破|达到|高于|不低于|不少于)\s*[0-9.]*\s*[十百千万亿]*\s*(?:元|美元|件|单|人|个)(?:以上|及以上)?$"
    r"|[0-9.]+\s*[十百千万亿]*\s*(?:元|美元|件|单|人|个)\s*(?:以上|及以上)$"
)
#: a condition in a modifier (`能效等级为1级和2级`, `售价在5000元以上`): it restricts what is counted
_CONDITION_BEFORE_DE = re.compile(r"等级|[0-9一二三四五六七八九十]级|在[^的]{1,12}?(?:以上|以下|之间)")

#: a clause opening on a comparison with an indicator's amount (`超过外商投资企业进出口额的`)
_COMPARED_LEAD = re.compile(
    r"^[\s，,]*(?:超过|超出|高于|低于|多于|少于)(?=[\u4e00-\u9fffA-Za-z0-9]{2,16}(?:额|总值|总额|业务量|收入)的?\s*$)"
)
#: `进、出口`: imports and exports written with the 口 they share once
_SHARED_TAIL_LIST = re.compile(r"(?<![\u4e00-\u9fff、])进\s*、\s*出口")
#: who monitors how many businesses (`省商务厅重点监测的15个`, `省级重点监测的8个`), before the businesses' name
MONITORED_LEAD = re.compile(r"^[\u4e00-\u9fff]{0,8}?重点监测的\s*[0-9]{1,5}\s*(?:多|余)?(?:个|家)(?=[\u4e00-\u9fff]{2})")

_INNER_VERB = re.compile(
    # `重点监测企业共实现销售额`: how many together (共) is no part of the name either
    r"(?<=[\u4e00-\u9fff]{2})(?:共计|合计|一共|总共|共)?(?:要|将|力争|争取)*(?:分别|均)?(?:共计|合计|一共|总共|共)?(?:实现了?|完成了?)(?!的)"
    r"(?=[\u4e00-\u9fff]{2})"
)

#: `三家基础电信企业发展蜂窝物联网终端用户26.42亿户`: the firms that signed the users up are no part of the users'
#: name (发展 here is "signed up", not "development")
_FIRMS_GAINED = re.compile(r"^[^，,；;]*?(?:企业|公司|运营商)(?:累计|共|共计)?发展(?=[\u4e00-\u9fffA-Za-z0-9]{1,14}用户$)")

#: `与居民生活密切相关的超市销售额`: what the counted things relate to describes them, it names nothing counted
_RELATED_TO = re.compile(r"^(?:与|和|同)?[\u4e00-\u9fff]{2,12}?(?:密切|紧密|直接)?(?:相关|有关)的(?=[\u4e00-\u9fff]{3})")

_ENUM_LEAD = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．](?![一二三四五六七八九十两])|[0-9]{1,2}\s*[、．]|[（(]\s*[一二三四五六七八九十0-9]{1,3}\s*[)）]"
    # `一是网络零售额保持较快增长`: a point of a spoken list (一是…，二是…)
    r"|(?:[一二三四五六七八九]|第[一二三四五六七八九十])是(?=[\u4e00-\u9fff]{2}))\s*"
)

_UNOPENED_CLOSE = re.compile(r"^[^（(]*[)）]\s*")


_NET_RETAIL_TOTAL = re.compile(r"(网络|网上)零售总额$")
_NET_RETAIL_BARE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(网络|网上)零售$")
_RELATED_MARKET = re.compile(r"(?<=[\u4e00-\u9fff]{2})相关(?=(?:市场|产业|行业)规模$)")

_EXAMPLES_OF_CLASS = re.compile(
    r"^[^，,；;]{1,40}?、[^，,；;]{1,40}?等(?=[一二三四五六七八九十两0-9]{1,3}(?:大|个|多)?(?:类|种|项)[\u4e00-\u9fff]{2})"
    # `手套等防疫类物资出口`: one example before the class it belongs to (a `…类` noun) is not its name either
    r"|^[\u4e00-\u9fff]{1,8}?等(?=[\u4e00-\u9fff]{1,6}类[\u4e00-\u9fff]{2})"
)

#: `农产品以跨境电商模式出口8436.2万元`: goods traded by a channel — the channel's trade in those goods
#: (农产品跨境电商出口额)
_BY_CHANNEL = re.compile(r"^(?P<goods>[\u4e00-\u9fff]{1,10}?)(?:以|通过|经由?)(?P<way>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)"
                         r"(?:模式|方式|形式|渠道)(?P<flow>进出口|出口|进口)$")


_CUMULATIVE_INSIDE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})累计(?=(?:业务量|业务收入|网络零售额|网上零售额|零售额|交易额|进出口额|销售额)$)"
    # `陕西水果累计直播观看`: what the goods were sold by (直播); a platform's `累计直播场次` keeps its running count
    r"|(?<=[\u4e00-\u9fff]{2})(?<!平台)累计(?=直播)"
    # `对“一带一路”沿线国家合计进出口`, `4个保税物流中心共进出口`: how the trade was summed, not part of its name
    r"|(?<=[\u4e00-\u9fff]{2})(?:合计|共计|共)(?=(?:进出口|出口|进口)(?:额|总额|总值|值)?$)"
)
_YEARLY_LEAD = re.compile(r"^年(?!货|轻|终|末|底|均|初|中|内|度|龄|报|会|夜|节|俗|画|味|前|后|代|份|头|收入)(?=[\u4e00-\u9fff]{4})")


#: a rank before the place holding it (`排第二的`, `位居第三的`, `排名第一的`)
_RANK_OF_PLACE = re.compile(r"(?:^|(?<=[，,、]))(?:排名?|位居|位列|居)第[一二三四五六七八九十\d]{1,2}(?:位|名)?的(?=[\u4e00-\u9fff]{2})")


#: `使用网上支付的用户规模`: the number of users of a service, named as the reports name it (网上支付用户规模)
_USERS_OF_SERVICE = re.compile(r"使用(?P<service>[\u4e00-\u9fff]{2,8}?)的(?P<who>用户规模|网民规模)")


#: `购买互联网理财产品的网民规模`: the number of buyers of a kind of product, named as the reports name it
#: (互联网理财用户规模) — never the population it is drawn from (网民规模)
_BUYERS_OF_PRODUCT = re.compile(r"购买(?:过)?(?P<goods>[\u4e00-\u9fff]{2,8}?)(?:产品|服务)?的(?:用户|网民|人群)规模")

#: `通过海关跨境电子商务管理平台零售进出口商品总额`: trade through the customs platform for cross-border e-commerce is
#: what the releases count as 跨境电商 trade (跨境电商零售进出口商品总额), the platform is no part of the name
_CUSTOMS_EC_PLATFORM = re.compile(r"^(?:通过|经由?)?海关跨境电子?商务(?:管理|监管|服务)?平台(?:验放)?")


#: trade with a partner (`我国与东盟贸易总值`, `与欧盟进出口`, `广东同东盟、日本双边贸易额`): who trades, then the
#: partners, then the trade
_WITH_PARTNER = re.compile(
    r"^(?P<who>[\u4e00-\u9fff]{0,8}?)(?P<prep>与|同)"
    r"(?P<partners>[\u4e00-\u9fff]{2,8}?(?:[、和及][\u4e00-\u9fff]{2,8}?)*)(?=(?:双边|之间的?|间的?)?(?:贸易|进出口|经贸))"
)
#: a group of partner countries named as such (`与“一带一路”相关国家进出口总值`, `与RCEP成员国贸易`)
_PARTNER_GROUP = re.compile(r"^(?:共建)?一带一路(?:沿线|相关|共建)?国家(?:和地区)?$|^(?:RCEP|金砖)(?:成员国|国家|贸易伙伴)?$")
#: the nation, as a trader names itself (`我国与…`, `我与…`, `中国同…`)
_NATION_SELF = frozenset({"我", "我国", "中国", "全国"})


def _trade_with_partner(w: str) -> tuple[str, str]:
    """(the trader's region, the name kept with its partner) for trade with a partner: `我国与东盟贸易总值` → (全国,
    与东盟贸易总值), `与欧盟进出口` → ("", 与欧盟进出口) — the partner is no region of the figure (欧盟's own trade is
    another indicator). ("", "") when `w` names no trade with a place."""
    m = _WITH_PARTNER.match(w)
    if m is None:
        return "", ""
    partners = [p for p in re.split(r"[、和及]", m.group("partners")) if p]
    if not all(place_name(p) or _PARTNER_GROUP.match(p) for p in partners):
        return "", ""  # `与去年同期相比…`, `与电商平台合作…`: no place traded with
    who = m.group("who")
    if who in _NATION_SELF:
        trader = "全国"
    elif who:
        trader = place_name(who)
        if not trader:
            return "", ""  # something else before 与 (`机电产品与…`): not a trader's name
    else:
        trader = ""
    return trader, w[m.start("prep") :]


#: `在政策推动下`, `在疫情影响下`: the circumstances a change came about in, no part of a name
_CIRCUMSTANCE = re.compile(
    r"(?:^|(?<=[，,；;]))在[\u4e00-\u9fff]{1,12}?(?:推动|带动|拉动|影响|冲击|支撑|作用|背景|形势|情况|带领)下"
)


def _phrase(w: str) -> _Phrase:
    """Region + metric from the text of a clause before a number (periods already masked out)."""
    w = w.replace("\x00", "").replace("*", "")
    w = _CIRCUMSTANCE.sub("", w)
    w = w.rpartition("|")[2]  # `2020.07.30 | 标题…`: a header's date cell is no part of a name
    w = _SHARE_MODIFIER_LEAD.sub("", w)  # `占比7.9%的服装类`: the share describes the subject, it is not its name
    w = _PAREN_RE.sub("", _ALT_NOUN_BEFORE_VOLUME.sub(r"\g<alt>", w))
    # `省商务厅重点监测的15个超市共实现销售额`: the monitored businesses (重点监测超市), without who monitors or how many
    w = MONITORED_LEAD.sub("重点监测", w)
    # `进、出口分别增长4%和7%`: imports and exports, written with the 口 they share once
    w = _SHARED_TAIL_LIST.sub("进口、出口", w)
    # `民营企业进出口7462.2亿元，超过外商投资企业进出口额的7097.5亿元`: the amount is of what it is compared with
    w = _COMPARED_LEAD.sub("", w)
    w = _KIND_THEN_NAME.sub(r"\g<name>\g<kind>\g<measure>", w)
    # `年交易额超过3000万元的“淘宝镇”`: a quoted term after 的 is the term the clause defines, not a part of it
    defined = _DEFINED_TERM.search(w) is not None
    w = _QUOTED_TERM.sub(r"\1", w)
    w = _USERS_OF_SERVICE.sub(r"\g<service>\g<who>", w)
    # `排第二的绵阳为2902.09亿元`: the rank a place holds is no part of its name or of the measure
    w = _RANK_OF_PLACE.sub("", w)
    w = _BUYERS_OF_PRODUCT.sub(r"\g<goods>用户规模", w)
    # `电工器材、汽车及其零配件分别出口…`: a trade flow after 分别 is the measure of every item listed before it
    flow = _LISTED_FLOW.search(w)
    if flow:
        w = w[: flow.start()]
    w, trailing = _strip_trailing(w)
    # `外贸进出口规模在历史同期首次突破…`: where or when the measure stands (`在历史同期`, `在全国`) is no part of its name
    w = _MEASURE_THEN_WHERE.sub("", w)
    share = ""
    m = re.search(r"占(?!据|领|有)", w)
    if m:
        share = re.split(r"由|从", w[m.start() :])[0]
        share, _ = _strip_trailing(share)
        w = w[: m.start()]
        w, _ = _strip_trailing(w)
    if not share:
        w = _WHOLE_ADVERB_END.sub("", w)  # `线上服务消费整体增长22%`: how it grew, not part of the name
    w = _after_breakers(w)
    # `二、我国网民规模达…` (a numbered point), `…储蓄银行直接营业收入）完成…` (the end of an aside begun before)
    w = _UNOPENED_CLOSE.sub("", _ENUM_LEAD.sub("", w))
    trader, with_partner = _trade_with_partner(w)
    w = with_partner or _LEAD_RE.sub("", w)
    w = _clean_spaces(w)
    # `国家级贫困县实现网络零售额`, `农村实现网络零售额`: the verb is not part of the indicator's name
    w = _INNER_VERB.sub("", w)
    w = _FIRMS_GAINED.sub("", w)
    w = _RELATED_TO.sub("", w)
    region, rest = split_region(w)
    if region:
        w = _LEAD_RE.sub("", rest)
    region = region or trader
    # `全国快递累计业务量`: counted cumulatively, the indicator is still 快递业务量 (`移动互联网累计流量` keeps its word)
    w = _CUMULATIVE_INSIDE.sub("", w)
    # `义乌市年跨境电商进口量`, `全省年快递业务量`: 年 (yearly) before the name is how often, not part of it
    w = _YEARLY_LEAD.sub("", w)
    w = _strip_scope(w)
    items: list[str] = []
    major_items: list[str] = []
    category_items: list[str] = []
    if _LIST_SEP.search(w) and not share:
        parts = [p for p in _LIST_SEP.split(w) if p]
        if len(parts) >= 2:
            items = _share_heads(parts)
        majors = [p for p in re.split(r"\s*、\s*", w) if p]
        if 2 <= len(majors) < len(parts):
            major_items = _share_heads(majors)
        runs = _category_runs(parts)
        if 2 <= len(runs) < len(parts):
            category_items = _share_heads(runs)
    if not share:
        w = _strip_scope(_apply_de(w, defined=defined))
        if not region:
            # `支付端大数据监测的全市线下实物消费`: an unnamed local scope after the last 的 is the figure's region
            late, rest = split_region(w)
            if late in _LOCAL_NAMES:
                region, w = late, _LEAD_RE.sub("", rest)
    if share:
        w = w + _clean_spaces(share)
    w = w.strip(" ,，、:：")
    # `国家级贫困县网络零售总额`: the total of network retail sales is its 网络零售额 (one indicator, alias table)
    w = _NET_RETAIL_TOTAL.sub(r"\1零售额", w)
    # `浙江实现农产品网络零售842亿元`: an amount of online retail named by the trade alone is its retail sales
    w = _NET_RETAIL_BARE.sub(r"\1零售额", w)
    # `即时零售相关市场规模`: the market related to a trade is that trade's market (即时零售市场规模)
    w = _RELATED_MARKET.sub("", w)
    w = _BY_CHANNEL.sub(r"\g<goods>\g<way>\g<flow>额", w)
    w = _CUSTOMS_EC_PLATFORM.sub("跨境电商", w)
    # `纺织品、服装、箱包等七大类劳动密集型产品出口`: the examples listed before a counted class are not its name
    w = _EXAMPLES_OF_CLASS.sub("", w)
    # `快递日处理能力最高超过3000万件`: 最 cut from 最高/最多 is no part of the name; `105个县（市、区）共建成…配送中心
    # 98个`: what is left of the units that built them before 共建成 is no part of what was built
    w = _CUT_SUPERLATIVE.sub("", w)
    w = _BUILT_BY_UNITS.sub("", w)
    if flow:
        verb = flow.group("v")
        items = [x if x.endswith(verb) else x + verb for x in items]
        major_items = [x if x.endswith(verb) else x + verb for x in major_items]
        category_items = [x if x.endswith(verb) else x + verb for x in category_items]
        w = w + verb
    return _Phrase(region, w, trailing, items, major_items, category_items)


_CUT_SUPERLATIVE = re.compile(r"(?<=[\u4e00-\u9fff]{3})最$")
_BUILT_BY_UNITS = re.compile(r"^[\u4e00-\u9fff]{0,3}?(?:共|累计)建成(?=[\u4e00-\u9fff]{2})")


#: the end of a commodity category, alone or with its measure (`针纺织品类`, `针纺织品类商品零售额`)
_CATEGORY_END = re.compile(r"类(?:商品)?(?:零售额|销售额|零售|销售)?$")


def _category_runs(parts: list[str]) -> list[str]:
    """`粮油食品类`, `服装`, `鞋帽`, `针纺织品类` → 粮油食品类, 服装鞋帽针纺织品类: the goods listed up to each category
    word are one category (its commas dropped); none when the list does not close with a category."""
    runs: list[str] = []
    run = ""
    for p in parts:
        run += p
        if _CATEGORY_END.search(p):
            runs.append(run)
            run = ""
    return runs if not run else []


#: a share describing the subject after it (`占比7.9%的`, `占限上单位消费品零售额比重14.3%的`)
_SHARE_MODIFIER_LEAD = re.compile(r"^[^，,；;。]*?(?:占比|比重|所占比例)\s*(?:为|达到?|约|是)?\s*[0-9.]+\s*%\s*的")

_MEASURE_THEN_WHERE = re.compile(
    r"(?<=[额量模数])在(?:历史同期|同期|全国|全球|全省|全市|国内)(?:首次|再次|继续|均|都)?$"
    r"|(?<=[额量模数])历史同期(?:首次|再次)?$"
)

#: `A、B分别出口` / `A和B分别进口了`: the flow each listed item is measured by
_LISTED_FLOW = re.compile(r"(?<=[\u4e00-\u9fff])\s*分别\s*(?P<v>进出口|出口|进口)(?:了|额)?(?:达到?|为|约|超过?)*\s*$")


_WHOLE_ADVERB_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:整体|总体)(?:上)?$")

_LIST_CLASSIFIER_END = re.compile(r"(?:领域|方面|板块)$")

#: the last item of a list closed by 等 and a category noun: `智能机器人` + `等数字产品` + `线上零售额`
_ETC_CATEGORY = re.compile(
    r"(?P<item>[^等]{1,12})等(?:[\u4e00-\u9fff]{0,6}?(?:品类|品种|品|领域|行业|业态|应用|服务))?(?P<rest>.*)$"
)

#: a measure of trade or sales (`出口额`, `进口额`, `零售额`): an item of a list that may name only it
_TRADE_MEASURE = re.compile(r"(?:进出口|出口|进口|零售|销售|交易)额$")


#: `国家顶级域名“.CN”数量为2013万个`: a quoted name after the kind it is one of — the count is of that name's kind,
#: named the way a reader asks (.CN域名数量); the kind's descriptive words before its last noun (国家顶级) are dropped
_KIND_THEN_NAME = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?P<kind>域名|网站|品牌|商标|平台|网店|店铺|企业)[“\"「](?P<name>[^“”\"「」，,。]{1,12})[”\"」]"
    r"(?P<measure>数量|总数|数)"
)

#: words that form one compound with the word after them (互联网医疗, 在线教育, 网络视频, 手机购物)
_CHANNEL_WORDS = frozenset({"互联网", "网络", "在线", "线上", "移动", "手机", "数字", "网上"})


#: a preposition opening a list of trade partners (`对东盟、欧盟进出口`, `自日本、韩国进口`): every partner's
_PARTNER_PREP = re.compile(r"^[对向自](?=[\u4e00-\u9fff]{2})")


def _share_heads(parts: list[str]) -> list[str]:
    """`即时通信、网络视频、短视频用户规模` → each item gets the last item's head noun."""
    prep = _PARTNER_PREP.match(parts[0])
    if prep:
        # `对东盟、欧盟、美国分别进出口…`: 对 belongs to every partner listed (对欧盟进出口, not 欧盟进出口 — the
        # EU's own trade)
        parts = [p if k == 0 or _PARTNER_PREP.match(p) else prep.group() + p for k, p in enumerate(parts)]
    last = parts[-1]
    if "的" in last:
        mod, _, head = last.rpartition("的")
        # `纺织品与药品领域的交易额`: the classifier closing the list (领域) is shared, no part of the last item
        shared_word = _LIST_CLASSIFIER_END.search(mod)
        if shared_word and len(mod) > len(shared_word.group()) and not any(p.endswith(shared_word.group()) for p in parts[:-1]):
            mod = mod[: shared_word.start()]
        return [p + head for p in parts[:-1]] + [mod + head]
    if len(last) > 2 and all(len(p) == 1 for p in parts[:-1]):
        # `东、中、西部地区网络零售额`, `大、中城市`: one-character items share all after the last item's first one
        return [p + last[1:] for p in parts[:-1]] + [last]
    etc = _ETC_CATEGORY.match(last)
    if etc and etc.group("rest"):
        # `手机与智能机器人等数字产品线上零售额`: the items end at 等; the category after it (数字产品) is what they
        # are, the measure after that (线上零售额) is each item's
        return [p + etc.group("rest") for p in parts[:-1]] + [etc.group("item") + etc.group("rest")]
    first = parts[0]
    # `快递业务量和业务收入`: a later item naming only a head takes the first item's scope (快递业务收入)
    parts = [
        p
        if k == 0 or not p.startswith(("业务", "收入", "用户")) or p[:2] not in first or first.startswith(p[:2])
        else first[: first.find(p[:2])] + p
        for k, p in enumerate(parts)
    ]
    # `跨境电商出口额、进口额`: a later item naming only a trade measure takes the first item's subject (跨境电商进口额)
    lead = _TRADE_MEASURE.search(first)
    if lead and lead.start() >= 2:
        subject = first[: lead.start()]
        parts = [subject + p if k and _TRADE_MEASURE.fullmatch(p) else p for k, p in enumerate(parts)]
    # `邮政行业寄递业务量和业务收入`: the revenue is the industry's (邮政行业业务收入); 寄递 names the volume's kind only
    parts = [
        p[: p.find("寄递业务收入")] + "业务收入" if k and p.endswith("寄递业务收入") and len(p) > 6 else p
        for k, p in enumerate(parts)
    ]
    last = parts[-1]
    heads = (
        # compound heads first: `农村和农产品网络零售额` → 农村网络零售额, not 农村额
        "网络零售额",
        "网上零售额",
        "零售额",
        "销售额",
        "成交额",
        "进出口额",
        "出口额",
        "进口额",
        # `塑料制品、箱包、家具出口` → 塑料制品出口: the trade flow is every item's
        "进出口",
        "出口",
        "进口",
        "业务收入",
        # `汽车制造业、电子信息工业增加值` → 汽车制造业增加值; `工业、民间投资` → 工业投资
        "增加值",
        "投资",
        "用户规模",
        "用户数",
        # `即时通信、网络视频用户使用率` → 即时通信用户使用率, not 即时通信率
        "用户使用率",
        "使用率",
        "普及率",
        "交易规模",
        "交易额",
        "业务量",
        "数量",
        "规模",
        "金额",
        "总额",
        "收入",
        "额",
        "量",
        # `即时通信、网络视频、短视频用户使用率` → 即时通信用户使用率, not 即时通信率
        "用户使用率",
        "使用率",
        "普及率",
        "渗透率",
        "率",
        "数",
        "指数",
        "价格",
        "类商品",
        "商品",
    )
    head = next((h for h in heads if last.endswith(h) and len(last) > len(h)), "")
    n0 = len(parts[0])
    if (
        not any(h in last for h in heads)
        and 2 <= n0 <= 3
        and all(len(p) == n0 for p in parts[:-1])
        and len(last) >= n0 + 2
        and last[n0] not in "及和与并或"  # `柑橘及坚果`: a last item of two joined, not a shared tail
    ):
        # `警邮、税邮合作网点`: items as long as the last item's first word, naming no measure, share what follows it
        # (警邮合作网点)
        return [p + last[n0:] for p in parts[:-1]] + [last]
    bare = [p for p in parts[:-1] if not any(p.endswith(h) for h in heads)]
    if head and bare and all(len(p) <= 4 for p in bare):
        # `城镇和乡村消费品零售额`: the items parallel the last item's first word (乡村), the rest is shared
        first = cut(last)[0]
        shared = last[len(first) :]
        # (`在线旅游、在线餐饮销售额`: items starting with that same word vary after it — only the head is shared)
        if (
            len(first) >= 2
            # (`游戏话费、生活服务网络零售额`: an item longer than that word is a whole name, sharing the head only)
            and all(len(p) <= len(first) for p in bare)
            and len(shared) > len(head)
            and shared.endswith(head)
            and not any(p.startswith(first) for p in bare)
            # (`网约车、互联网医疗用户规模`: a channel word forms one compound with the word after it — 互联网医疗 —
            # so the item parallels that compound and shares the head only)
            and first not in _CHANNEL_WORDS
        ):
            head = shared
    out = [
        p if (not head or any(p.endswith(h) for h in heads)) else p + (head[1:] if p.endswith(head[0]) else head)
        for p in parts[:-1]
    ]
    # `粮油食品、饮料、烟酒类商品零售额`: the category word (类) of the last item is every item's — each is a category
    # of the same measure (饮料类商品零售额, not 饮料零售额)
    kind_at = last.find("类", 1)
    if head and 0 < kind_at < len(last) - len(head) and last.endswith(head) and "类" not in last[:kind_at]:
        out = [
            p + last[kind_at:] if p in bare and "类" not in p and not any(p.endswith(h) for h in heads) else o
            for p, o in zip(parts[:-1], out, strict=True)
        ]
    # `家居类、建材类商品零售额`: an item ending like the last item's category word (类/型) shares all after it
    for k, p in enumerate(parts[:-1]):
        if p[-1:] in ("类", "型") and len(p) >= 2 and not any(p.endswith(h) for h in heads):
            cut_at = last.find(p[-1], 1)
            if 0 < cut_at < len(last) - 1:
                out[k] = p + last[cut_at + 1 :]
    return out + [last]


_POST_STOP = re.compile(
    r"^(?:省|省份|省区市|省市|省\(区、市\)|城市|国家|国家和地区|国家或地区|地区|方面|领域|行业|梯队|"
    r"部门|主要方面|项目|月|年|天|小时|倍|国家级|以上|以下|左右|举措|措施|条举措|条措施)"
)

_PRED_CUT = re.compile(
    r"稳居|位居|居于?|排名|排在|分列|依次|持续|保持|继续|呈现|实现|均|都|遥遥|领先|紧随|首发|上市|参加|先后|上线"
    # `网络支付、网络购物用户规模较2021年12月分别增长…`: the comparison with a base (its date masked) follows the name
    r"|(?:较|比)(?=\x00|上年|去年|同期|年初|$)"
)

_STOP_PREFIX_ONLY = frozenset({"月", "年", "天", "小时", "倍", "以上", "以下", "左右"})


def _post_noun(t: str, pos: int) -> str:
    m = _CJK_NOUN_AFTER.match(t, pos)
    if not m:
        return ""
    noun = _clean_spaces(m.group("n"))
    cut = _PRED_CUT.search(noun)
    if cut:
        noun = noun[: cut.start()]
    if len(noun) < 2:
        return ""
    if _DIGIT_RE.search(noun):
        return ""
    if noun.startswith("在") and place_name(noun[1:]):
        return ""  # `有6个在浙江`: a location, not a noun
    stop = _POST_STOP.match(noun)
    if stop and (stop.end() == len(noun) or stop.group() in _STOP_PREFIX_ONLY):
        return ""  # `国家` alone is a scope; `国家顶级节点` is a noun
    return noun
