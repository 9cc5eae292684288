"""Regions: the names of seeds/regions.txt, the region leading a metric phrase (`split_region`), the region an
unnamed local scope (全省, 我市) stands for, and the region of an article (its title or lead) or of a publication
(`义乌商报` → 义乌).

    split_region(phrase) -> (region, rest)
    home_region(publication) -> str          used by ingest (the paper an upload was printed in)
    article_region(title, body) -> str       used by extract

Also used by phrase, naming, growth, sentence and tables."""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.services.figures.lexicon import _LEAD_RE
from bot.services.figures.numbers import fold

REGIONS_FILE = PROJECT_ROOT / "seeds" / "regions.txt"


@lru_cache(maxsize=4)
def _regions(path: Path = REGIONS_FILE) -> tuple[dict[str, str], re.Pattern[str]]:
    table: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, canon = line.partition("\t")
            table[name.strip()] = (canon or name).strip()
    alt = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True)) or "(?!)"
    pat = re.compile(
        rf"^(?P<list>(?:{alt}){{1,2}}(?:\s*[、和及与]\s*(?:{alt}){{1,2}})*)(?:[两三四五六七八九十\d]+(?:个)?(?:省市?|市|国|地区|地))?"
    )
    return table, pat


#: the whole of an unnamed province/city/county (`全省农村网络零售额`): a local scope kept as the region, never 全国
_LOCAL_SCOPE = re.compile(
    r"^(?:全省|全市(?!场)|全县|全区(?!域|间)|全州|本省|本市|我省|我市|我区(?!域)|我县|本县|该省|该市|该区(?!域|间)|该县|当地)"
    r"(?=[\u4e00-\u9fffA-Za-z0-9]{2})"
)

#: the local scopes above, replaced by the article's region when it names one (`福建…`: 全省 → 福建)
_LOCAL_NAMES = frozenset(
    {"全省", "全市", "全县", "全区", "全州", "本省", "本市", "我省", "我市", "我区", "我县", "本县", "该省", "该市", "该区", "该县",
     "当地"}
)


#: places the article itself shows to be cities (`珲春市市长…`): regions of its phrases though the gazetteer lacks them
ARTICLE_PLACES: ContextVar[frozenset[str]] = ContextVar("article_places", default=frozenset())

#: a city named by one of its offices (`珲春市市长`, `昆山市统计局`, `晋江市商务局`): a place, whatever the gazetteer says
_CITY_OFFICE = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,3})市(?=市长|委书记|人民政府|政府|统计局|商务局|邮政管理局)"
    r"|(?<=[省州盟])(?P<name2>[\u4e00-\u9fff]{2,3}?)市(?=市长|委书记|人民政府|政府|统计局|商务局|邮政管理局)"
)

#: what every match of `_CITY_OFFICE` holds
_OFFICE = re.compile(r"市(?:市长|委书记|人民政府|政府|统计局|商务局|邮政管理局)")


#: `某某全县…` / `某某全市…`: a name, then the whole of it
_WHOLE_AFTER_NAME = re.compile(r"全(?P<kind>[县市区])")


def _whole_of_named(folded: str) -> set[str]:
    """Places the text names and then takes whole (`中江全县社会消费品零售额…`) and also names with their own suffix
    (`中江县名列其中`): a county, city or district the gazetteer lacks. A name before 全县 that the text never
    writes as `…县` (`当年全县…`) is no place."""
    found: set[str] = set()
    for m in _WHOLE_AFTER_NAME.finditer(folded):
        for size in (2, 3):
            name = folded[max(m.start() - size, 0) : m.start()]
            if (
                len(name) == size
                and re.fullmatch(r"[\u4e00-\u9fff]+", name)
                and not _NOT_PLACE.match(name)
                and name + m.group("kind") in folded.replace(name + "全" + m.group("kind"), "")
            ):
                found.add(name)
    return found


#: a county named with its suffix (`文成县网络零售额…`), or a county-level city (`乐清市实现网络零售额…`)
_COUNTY_NAMED = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2})(?:县(?![域级城乡区])|市(?![场民区县级内外值面容中]))"
    r"|(?<=[，,。；;、：:（(“])(?P<name2>[\u4e00-\u9fff]{2})(?:县(?![域级城乡区])|市(?![场民区县级内外值面容中]))"
)


#: a title opening with a bare name before a period or a count (`沭阳前三季度…`, `沭阳1—8月…`, `沭阳今年…`)
_TITLE_COUNTY = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2})(?=前三季度|上半年|下半年|[一二三四]季度|前[0-9一二三四五六七八九十]|[0-9]|今年|去年|全年|全县)"
)
def _county_of_title(folded: str, title: str) -> set[str]:
    """Counties the body names with their suffix (`…，文成县网络零售额…`) and the title names bare
    (`今年文成网络零售发展劲头十足`): the title's place."""
    t = fold(title or "")
    out: set[str] = set()
    for m in _COUNTY_NAMED.finditer(folded):
        name = m.group("name") or m.group("name2")
        suffix = m.group()[-1]
        if name in t and name + suffix not in t and not _NOT_PLACE.match(name):
            out.add(name)
    return out


def article_places(text: str, title: str = "") -> frozenset[str]:
    """The places the gazetteer lacks that the text shows to be places: cities named by their offices
    (`珲春市市长张某介绍…` → 珲春), places taken whole that it also names with their suffix (`中江全县…` beside
    `中江县…` → 中江), and a county its title names bare (`文成…` over `文成县…`)."""
    folded = fold(text)
    found: set[str] = set()
    if title and ("县" in folded or "市" in folded):
        found |= _county_of_title(folded, title)
    if title and any(w in folded for w in _COUNTY_WORDS):
        lead = _TITLE_COUNTY.match(fold(title))
        if lead and not _NOT_PLACE.match(lead.group("name")) and lead.group("name") not in _regions()[0]:
            found.add(lead.group("name"))  # `沭阳前三季度网络零售额…` over `我县实现…`: the county the title names
    if _OFFICE.search(folded):  # (most articles name no office: one quick scan instead of the look-behinds)
        found |= {m.group("name") or m.group("name2") for m in _CITY_OFFICE.finditer(folded)}
    if "全" in folded:
        found |= _whole_of_named(folded)
    if not found:
        return frozenset()
    table, _ = _regions()
    return frozenset(n for n in found if n not in table and n not in _LOCAL_NAMES)


def titled_place(title: str) -> str:
    """The one place of ARTICLE_PLACES the title names (`中江上榜全国县域商业“领跑县”`), or ""."""
    t = fold(title or "")
    named = [p for p in ARTICLE_PLACES.get() if p in t]
    return named[0] if len(named) == 1 else ""


#: a county or district named with its suffix before a metric (`沭阳县进出口额`, `川汇区港口货物吞吐量`), even one the
#: gazetteer lacks
_SUFFIXED_COUNTY = re.compile(
    r"(?:(?P<name>[\u4e00-\u9fff]{2,3}?)[县区](?![域级城乡间内外块划属])"
    # a county-level city (`邳州市进出口额`): a two-character name, 市 not the start of a word (市场, 市民, 市区)
    r"|(?P<city>[\u4e00-\u9fff]{2})市(?![场民区县级内外值面容中长委政属辖域]))(?=[\u4e00-\u9fff]{2})"
)
#: names before 县/区 that make no place (`高新区`, `试点县`, `产业园区`, `老城区`, `冰雪景区`, `产粮大县`, `浦东新区`
#: read whole)
_NOT_COUNTY = re.compile(
    r"^(?:高新|经开|综保|核心|中心|主城|老城|先行|重点|试点|边境|功能|商贸|物流|产业|工业|经济|沿海|沿边|口岸|港|县|区)"
    r"|[城园大强新社达级港景街校片厂矿营小商展专分务税辖湾业住作聚集心能验范发贸保场站口点线带圈游宅居超车夜上早集股楼菜门地假放储产费老苏他]$"
)


def _county_name(name: str, city: bool = False) -> bool:
    """A name before 县/区 (or 市, `city`) that can be a county's: no zone or word (`高新`, `冰雪景`), no place the
    gazetteer knows (read by it); before 市 a leading 新 is a name's (新沂市), before 区 a new district's (新区)."""
    if _NOT_PLACE.match(name) and not (city and name[0] == "新"):
        return False
    return not _NOT_COUNTY.search(name) and name not in _regions()[0]


def suffixed_county(word: str) -> str:
    """`川汇区` → 川汇: a word that is wholly a county or district named with its suffix (not a zone, `高新区`), else ''."""
    m = _COUNTY_WORD.fullmatch(word)
    name = (m.group("name") or m.group("city")) if m else ""
    return name if m and _county_name(name, city=not m.group("name")) else ""


_COUNTY_WORD = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})[县区]|(?P<city>[\u4e00-\u9fff]{2})市")


#: a transport service or route (`东盟公路班车`, `中亚班列`): named after the places it links
_SERVICE_NAME = re.compile(r"(?:国际)?(?:公路|铁路|海铁|铁海|陆海)?(?:联运)?(?:班车|班列|专列|航线|快线)")


def split_region(phrase: str) -> tuple[str, str]:
    """(region, rest) for a leading region (or region list) in `phrase`; ("", phrase) if none."""
    local = _LOCAL_SCOPE.match(phrase)
    if local:
        return local.group(), phrase[local.end() :]
    table, pat = _regions()
    m = pat.match(phrase)
    if not m:
        for place in ARTICLE_PLACES.get():
            rest = phrase[len(place) :]
            if rest.startswith("县") and not re.match(r"县[域级城乡]", rest) or (
                rest.startswith("市") and not re.match(r"市[场民区县级内外]", rest)
            ):
                rest = rest[1:]  # `文成县网络零售额`, `乐清市网络零售额`: the place's own suffix, not part of the metric
            if phrase.startswith(place) and len(rest) >= 2 and re.match(r"[\u4e00-\u9fffA-Za-z0-9]", rest):
                return place, _past_whole(rest)  # `中江全县社会消费品零售额`: the place, then all of it
        county = _SUFFIXED_COUNTY.match(phrase)
        name = (county.group("name") or county.group("city")) if county else ""
        if county and _county_name(name, city=not county.group("name")):
            return name, phrase[county.end() :]  # `沭阳县进出口额`: the county's, not its city's
        return "", phrase
    rest = phrase[m.end() :]
    if rest.startswith("场") and m.group().endswith("市"):
        rest = "市" + rest  # `北京市场销售额`: the market of 北京 (北京 + 市场), not 北京市 + 场…
    names = [n for n in re.split(r"\s*[、和及与]\s*", m.group("list")) if n]
    canon = []
    for n in names:
        c = table.get(n) or _city_of_province(n, table)
        if not c:
            return "", phrase  # two names run together that are no province and its city
        if c not in canon:
            canon.append(c)
    # "中国移动" / "上海盒马" are names, not regions: only split when something metric-like remains
    if len(rest) == 1 or (rest and not re.match(r"[\u4e00-\u9fffA-Za-z0-9]", rest)):
        return "", phrase
    if (
        len(canon) == 1
        and _SERVICE_NAME.match(rest)
        and canon[0] not in _province_names()
        and not _is_city(canon[0])
        and canon[0] != "全国"
    ):
        return "", phrase  # `东盟公路班车进出口`: a transport service named after a foreign region, not its trade
    if len(canon) == 1:
        rest = _past_whole(rest)  # `江苏全省快递业务量`: the place named, then all of it — the place's 快递业务量
    return "、".join(canon), rest


def place_name(name: str) -> str:
    """The region `name` is when it is wholly a place or a list of places (`东盟`, `江苏和浙江`, `我省`, a place the
    article shows), else "" (`去年同期`, `电商平台`, `机电产品`)."""
    if name in _LOCAL_NAMES:
        return name
    if name in ARTICLE_PLACES.get() or (name.endswith("县") and name[:-1] in ARTICLE_PLACES.get()):
        return name.removesuffix("县")
    table, pat = _regions()
    m = pat.match(name)
    if m is None or m.end() != len(name):
        return ""
    canon: list[str] = []
    for n in re.split(r"\s*[、和及与]\s*", m.group("list")):
        if n and table.get(n, n) not in canon:
            canon.append(table.get(n, n))
    return "、".join(canon)


def _city_of_province(name: str, table: dict[str, str]) -> str:
    """`广东潮州` → 潮州: a province written before one of its cities or counties names the place more closely
    (`广东潮州和安徽亳州快递业务量…`); '' when `name` is not a province and a place that is none."""
    provinces = _province_names()
    for k in range(2, len(name) - 1):
        head, tail = table.get(name[:k]), table.get(name[k:])
        if head in provinces and tail and tail not in provinces and tail != "全国":
            return tail
    return ""


#: `江苏全省…`, `杭州全市…`: the whole of the place just named
_WHOLE_OF_PLACE = re.compile(r"全(?:省|市|区|县)(?=[\u4e00-\u9fff])")


def _past_whole(rest: str) -> str:
    """What follows a place: without a leading `全省/全市/全区/全县` (all of that place) when a name of two or more
    characters remains after it."""
    whole = _WHOLE_OF_PLACE.match(rest)
    return rest[whole.end() :] if whole and len(rest) - whole.end() >= 2 else rest


_CITY_WORDS = frozenset({"全市", "本市", "我市", "该市"})

_PROVINCE_WORDS = frozenset({"全省", "本省", "我省", "该省"})

_COUNTY_WORDS = frozenset({"全县", "我县", "本县"})


def _own_region(region: str, article: str, home: str = "") -> str:
    """The sentence's region, else the article's, else 全国; an unnamed local scope (全省, 我市) is the article's
    region when it names one, else the home region of the paper it was printed in (`我市` in 义乌商报 → 义乌) when
    that is a place of the same kind (a city for 我市, a province for 我省)."""
    if region in _LOCAL_NAMES and article in _LOCAL_NAMES:
        return region  # neither names the place: the sentence's own word
    if region in _LOCAL_NAMES and article:
        if region in _COUNTY_WORDS and (article in _province_names() or _is_city(article)):
            return region  # `全县` in a story about a province or city: one county in it, never the whole place
        if region in _PROVINCE_WORDS and _is_city(article) and article not in _MUNICIPALITIES:
            # `全省` in a story about a city: the province around it — the paper's or issuer's province, if it is one,
            # else the province whose capital the city is (`杭州…，全省跨境电商进出口额…` → 浙江)
            if home in _province_names() and home not in _MUNICIPALITIES:
                return home
            return CAPITALS.get(article, region)
        if region in _CITY_WORDS and article in _province_names() and article not in _MUNICIPALITIES:
            # `“今年以来，我市…”，深圳市商务局负责人说` in a story about 广东: a city of the province, never the
            # province itself — the paper's city if it is one, else left unnamed
            return home if _is_city(home) else region
        return article
    if region in _PROVINCE_WORDS and home in CAPITALS:
        return CAPITALS[home]  # `我省` in 福州新闻网: the province the paper's capital city is the seat of
    if region in _LOCAL_NAMES and home:
        province = home in _province_names()
        if (region in _CITY_WORDS and (not province or home in _MUNICIPALITIES)) or (
            region in _PROVINCE_WORDS and province and home not in _MUNICIPALITIES
        ):
            return home
    return region or article or "全国"


_MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})

#: provincial capitals and their provinces: a story filed from one (`新华社杭州1月5日电`), or printed by a paper or
#: site named after one (`福州新闻网讯`), is about that province when it says 全省/我省 without naming it (Beijing, the
#: nation's datelines, is none of them)
CAPITALS = {
    "石家庄": "河北", "太原": "山西", "沈阳": "辽宁", "长春": "吉林", "哈尔滨": "黑龙江", "南京": "江苏", "杭州": "浙江",
    "合肥": "安徽", "福州": "福建", "南昌": "江西", "济南": "山东", "郑州": "河南", "武汉": "湖北", "长沙": "湖南",
    "广州": "广东", "海口": "海南", "成都": "四川", "贵阳": "贵州", "昆明": "云南", "西安": "陕西", "兰州": "甘肃",
    "西宁": "青海", "呼和浩特": "内蒙古", "南宁": "广西", "拉萨": "西藏", "银川": "宁夏", "乌鲁木齐": "新疆",
}


#: an unnamed local scope anywhere in a text (`我市消费市场稳步发展，实现…`, `社会消费品零售总额全省实现…`), not as the
#: field of a ranking or comparison (`位列全省第3`, `高出全省平均增幅`, `占全市的`)
_LOCAL_ANYWHERE = re.compile(
    r"(?<![占居列于出比较在])(?P<w>全省|全市(?!场)|全县|全区(?!域|间)|全州|本省|本市|我省|我市|我区(?!域)|我县|本县)"
    # (a count of the units it surveys after it, `全省54家重点监测企业…`, is the scope still)
    r"(?!第|前列|前茅|首位|平均|水平|领先|之首|的|各|(?![0-9]{1,4}\s*[家个座所户](?:重点|大型|规模以上|限额以上|主要))[0-9一二三四五六七八九十])"
)

#: the nation named as the scope of a text (`全国`, `我国`; not `居全国第三`)
_NATION_ANYWHERE = re.compile(
    r"(?<![比较于居占列])(?:全国|我国|中国|国内|国家)(?!第|前列|前茅|首位|平均|水平|领先|之首)"
    # (not a designation the nation confers, `被列为国家电子商务进农村综合示范县`)
    r"(?<!国家(?=[\u4e00-\u9fff]{0,12}?示范(?:县|区|市|基地|城市|园区|企业)))"
)


def local_scope(text: str) -> str:
    """The unnamed local scope (全省, 我市 …) a text is about, or "" when it names none or also names the nation
    (`我市快递业务量…，全国快递业务量…`: two scopes, none of them the text's)."""
    t = fold(text or "")
    m = _LOCAL_ANYWHERE.search(t)
    if m is None or _NATION_ANYWHERE.search(t):
        return ""
    return m.group("w")


def titled_home(title: str, home: str) -> str:
    """The home region when the title is about an unnamed local scope of its kind (`前三季度全省社会消费品零售总额
    增长8.4%` released by 河北省统计局 → 河北): every figure of the article is that place's unless its sentence
    names another — also those of a paragraph that names no scope (`限额以上单位粮油食品类增长…`)."""
    if not home:
        return ""
    t = fold(title or "")
    for word in sorted(_LOCAL_NAMES, key=len, reverse=True):
        if word in t and _own_region(word, "", home) == home:
            return home
    return ""


def _is_city(region: str) -> bool:
    return region in _MUNICIPALITIES or region in _section_names("# cities")


def _province_names() -> frozenset[str]:
    """Canonical names listed in the provinces section of seeds/regions.txt."""
    return _section_names("# provinces")


@lru_cache(maxsize=4)
def _section_names(heading: str, path: Path = REGIONS_FILE) -> frozenset[str]:
    """Canonical names listed under the comment line starting with `heading` in seeds/regions.txt."""
    out: set[str] = set()
    section = ""
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("#"):
                section = line
                continue
            if line and section.startswith(heading):
                name, _, canon = line.partition("\t")
                out.add((canon or name).strip())
    return frozenset(out)


def home_region(publication: str) -> str:
    """The one place a publication is named after (`义乌商报` → 义乌, `浙江日报` → 浙江), or "" (national or none)."""
    found = {c for _s, _e, c in _region_mentions(fold(publication or ""))}
    if len(found) != 1:
        return ""
    (only,) = found
    return "" if only in _NATIONAL else only


#: a holiday and the days of it opening a sentence (`十一假期前四天，`), before the place it is about
_HOLIDAY_LEAD = re.compile(
    r"^(?:春节|国庆|中秋|元旦|五一|端午|清明|十一)(?:假期|期间|黄金周|长假)?(?:前|头|首|最后)?"
    r"(?:\d{1,2}|[一二三四五六七八九十两])?[天日]?[,，]?"
)


#: a scene opening a story (`在福州街头，`): 在, a place, then where in it
_SCENE_LEAD = re.compile(r"(?:记者)?(?:在|走进|来到)(?=[\u4e00-\u9fff])")
#: a national authority or scope cited (`国家邮政局监测数据显示`, `商务部`, `全国`): a scene set in a city opens a story
#: about the nation's figures
NATIONAL_SOURCE = re.compile(r"国家|商务部|海关总署|全国|我国|中国|国务院|央行|人民银行")
_SCENE_WORD = re.compile(r"(?:市)?(?:的)?[\u4e00-\u9fff]{0,4}?(?:街头|街道|街上|大街小巷|街巷|市区|城区|各大商场|商场|商圈|步行街|夜市|景区|超市)")


def paragraph_place(para: str) -> str:
    """The one place a paragraph's first sentence opens with (`广东省作为经济大省，…`, `北京春节期间…`), else ''."""
    head = _LEAD_RE.sub("", _HOLIDAY_LEAD.sub("", para.lstrip(" 　,，")))
    _, pat = _regions()
    lead = _SCENE_LEAD.match(head) if not NATIONAL_SOURCE.search(para) else None
    at = pat.match(head[lead.end() :]) if lead is not None else None
    if lead is not None and at is not None and _SCENE_WORD.match(head, lead.end() + at.end()):
        # `在福州街头，市民纷纷…`, `走进杭州湖滨步行街，…`: the city a story's opening scene is set in (not
        # `在北京举行的…`)
        head = head[lead.end() :]
    m = pat.match(head)
    if m is None or m.group() != m.group("list") or re.match(r"\s*[、和及与等]", head[m.end() :]):
        return ""
    table, _ = _regions()
    place = table.get(m.group("list"), "")
    rest = head[m.end() :]
    if not place or place == "全国" or re.match(r"(?:市场|市民|省内|人|企业|公司|大学|海关|籍)", rest):
        return ""
    if re.match(r"[^，,。]{0,6}?(?:报|讯|网|台|社|电|消息)", rest):
        return ""  # `北京商报讯（记者…）`: the paper or agency, not what the paragraph is about
    return place


def _sentence_region(masked: str) -> str:
    """A foreign/provincial region opening the sentence (`日本位居第三,发货量91亿件`, `广州方面，…`) applies to its
    figures."""
    head = _LEAD_RE.sub("", _HOLIDAY_LEAD.sub("", masked.replace("\x00", "").lstrip(" ,，")))
    table, _ = _regions()
    m = re.match(
        r"(?:在)?([\u4e00-\u9fff]{2,8}?)(?:以|位居|居|的|方面[,，]|[,，]|[“\"「](?=[^，,。]{0,8}(?:期间|假期|节))"
        # `上海春节期间共接待游客…`, `…上海市共接待游客…`: the place whose holiday, or whose total, the sentence gives;
        # `京津冀地区同240余个国家和地区保持贸易往来，进出口…`: the place trading with its partners
        r"|(?=(?:春节|国庆|中秋|元旦|五一|端午|清明|十一)(?:假期|期间|黄金周|长假))|(?=共计?|累计)"
        r"|(?=[同与][^，,。]{0,16}(?:国家|地区|经济体|贸易伙伴)))",
        head,
    )
    if not m:
        return _acting_place(head)
    region = table.get(m.group(1), "") or suffixed_county(m.group(1))  # (`在沭阳县，进出口额…`: a county)
    return "" if region in ("", "全国") else region


#: what a place does, written right after its name opening a sentence (`河南大力发展农村电商，…`)
_PLACE_ACTS = re.compile(
    r"(?:省|市)?(?:大力|积极|全力|持续|不断|加快|深入|着力|坚持|扎实|主动|全面|进一步)?"
    r"(?:推进|推动|发展|实施|打造|培育|建设|促进|依托|围绕|抢抓|立足|聚焦|深化|开展)"
)


def _acting_place(head: str) -> str:
    """`河南大力发展农村电商，全年农村网络零售额…`: a province or city opening the sentence as the subject of what it
    does (its first clause holds no number) — the figures of the sentence are that place's."""
    clause = re.split(r"[，,。；;：:]", head, maxsplit=1)[0]
    if _DIGITS.search(clause):
        return ""
    mentions = _region_mentions(clause)
    if not mentions or mentions[0][0] != 0:
        return ""
    end, region = mentions[0][1], mentions[0][2]
    inner = ""
    if len(mentions) > 1 and mentions[1][0] == end:
        # `河北沧州大力推进…`, `江苏沭阳大力发展…`: the city or county written right after its province
        inner = _city_of_province(clause[mentions[0][0] : mentions[1][1]], _regions()[0])
        if inner and inner not in _MUNICIPALITIES:
            end, region = mentions[1][1], inner
    if region in _NATIONAL or not (region == inner or _is_city(region) or region in _province_names()):
        return ""
    return region if _PLACE_ACTS.match(clause, end) else ""


_DIGITS = re.compile(r"[0-9０-９]")


_LIST_INTRO = re.compile(r"^[\u4e00-\u9fff]*?(?:依次为|分别为|分别是|包括|为|是|有)(?P<first>[\u4e00-\u9fff]{2,8})$")


def _region_list_before(t: str, clause_start: int, n: int) -> list[str]:
    """`美国、荷兰、英国为前三大出口市场,出口额分别为…` → the n regions of a 、-list earlier in the sentence."""
    table, _ = _regions()
    for m in re.finditer(r"[\u4e00-\u9fff]{2,8}(?:[、和及与][\u4e00-\u9fff]{2,8})+", t[:clause_start]):
        names = [x for x in re.split(r"[、和及与]", m.group()) if x]
        # `排名前三的省份为广东、浙江、江苏`: the list begins after what introduces it (为/是/包括/依次为/：)
        lead = _LIST_INTRO.match(names[0]) if names else None
        if lead is not None:
            names[0] = lead.group("first")
        resolved = []
        for x in names:
            hit = next((table[r] for r in sorted(table, key=len, reverse=True) if x.startswith(r)), None)
            if hit is None:
                break
            resolved.append(hit)
        if len(resolved) == n == len(names):
            return resolved
    return []


#: a date or period opening a title (`2022 年`, `今年前7个月`, `1—3月`) before the region it names
_TITLE_LEAD = re.compile(
    r"^(?:\s|(?:19|20)\d{2}\s*年?(?:度)?|今年|去年|上半年|下半年|前三季度|[一二三四1-4]季度|前\s*\d{1,2}\s*个?月|"
    r"\d{1,2}\s*(?:[-—–至]\s*\d{1,2})?\s*月份?|[:：,，、|])+"
)

#: an authority or place named with its administrative suffix in the lead (`上海市邮政管理局`, `广东省商务厅`)
_LEAD_AUTHORITY = re.compile(
    r"(?:省|市|自治区)?(?:人民政府|政府|商务厅|商务局|商务委员会|商务委|统计局|邮政管理局|通信管理局|海关|发展和改革委员会|"
    r"发改委|市场监督管理局|网信办|工业和信息化厅|工信厅|调查总队)"
)

_NATIONAL = frozenset({"全国", "全球", "海外"})

#: a title opening with a district or county named with its suffix (`龙岗区社会消费品零售总额`, `饶河县农产品…`)
_PLACE_TITLE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3}?)[区县](?![域间块内外级])(?=[\u4e00-\u9fff]{3})")
#: words ending in 区/县 that are no place (`全区`, `城区`, `地区`, `各县`, `贫困县`)
_NOT_PLACE = re.compile(r"^(?:全|本|我|各|该|城|地|社|园|片|郊|新|市|景|矿|灾|山|库|牧|林|农|贫困|脱贫|试验|示范|开发|自贸|保税|综试|城市|东部|西部|中部|东北|民族|边疆|偏远)")


#: a place naming an outlet or a dateline, not the scope of the figures (`台州日报`, `北京4月21日电`)
_OUTLET_AFTER = re.compile(
    r"(?:市|省)?(?:日报|晚报|商报|早报|都市报|青年报|经济报|报社|报|电视台|广播电视台|"
    r"(?:新闻)?网(?=$|[^\u4e00-\u9fff]|讯|消息|报道|记者|评论)|发布)"
    r"|\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*(?:电|讯)"
)

#: `居全国第三`, `全国前列`, `全国首位`: the nation as the field of a ranking, not the scope of the figures
_RANK_IN = re.compile(r"\s*(?:第|前列|前茅|首位|首|领先|之首|平均|水平|增速)")


def _region_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of each region name in `text`, longest first, non-overlapping, in order."""
    table, _ = _regions()
    names = _region_names()
    out: list[tuple[int, int, str]] = []
    first = names.get
    i, n = 0, len(text)
    while i < n:
        candidates = first(text[i])  # most characters start no region name
        if candidates is not None:
            hit = next((c for c in candidates if text.startswith(c, i)), None)
            if hit is not None:
                out.append((i, i + len(hit), table[hit]))
                i += len(hit)
                continue
        i += 1
    return out


@lru_cache(maxsize=1)
def _region_names() -> dict[str, tuple[str, ...]]:
    table, _ = _regions()
    by_first: dict[str, list[str]] = {}
    for n in sorted(table, key=len, reverse=True):
        by_first.setdefault(n[0], []).append(n)
    return {k: tuple(v) for k, v in by_first.items()}


#: a line of the title block left at the top of the body (a `——` subtitle, `同比增15.15%`): short, no sentence
_HEAD_LINE = re.compile(r"^[^。！？!?；;，,：:]{1,24}$")


def _lead_line(body: str) -> str:
    """The story's first sentence line: below the subtitle or kicker lines (short, unpunctuated) a page prints
    between its headline and its text (at most two of them)."""
    lines = [fold(x).strip() for x in body.strip().split("\n") if x.strip()]
    k = 0
    while k < min(2, len(lines) - 1) and _HEAD_LINE.match(lines[k]):
        k += 1
    return lines[k] if lines else ""


def article_region(title: str, body: str = "") -> str:
    """The one region an article is about, or "" (national, several regions, or none named).

    From the title: the region it names (`2022年上海市快递业务量完成28.6亿件` → 上海; `上海浦东…` → 上海); a title
    naming the nation (全国/中国/我国) or two unrelated regions gives "". Failing a title region, the lead's
    first sentence: an authority named with its region (`上海市邮政管理局发布…`, `据广东省商务厅统计`)."""
    t = fold(title or "")
    mentions = [
        m
        for m in _region_mentions(t)
        if not (m[2] == "全国" and (_RANK_IN.match(t, m[1]) or t[max(m[0] - 1, 0) : m[0]] in ("占", "居")))
        and not _OUTLET_AFTER.match(t, m[1])
        and not _office_of_other_scope(t, m[1], m[2])
    ]
    if mentions:
        canon = [c for _, _, c in mentions]
        if any(c in _NATIONAL for c in canon):
            return ""
        first = canon[0]
        # `上海浦东`: a place inside the first region, written right after it
        rest = [m for m in mentions[1:] if m[2] != first]
        if rest and not (len(mentions) == 2 and mentions[1][0] == mentions[0][1]):
            return ""
        return first
    opening = _TITLE_LEAD.match(t)
    place = _PLACE_TITLE.match(t, opening.end() if opening else 0)
    if place and not _NOT_PLACE.match(place.group("name")):
        return place.group("name")  # `2015年3月龙岗区社会消费品零售总额`: a district or county the gazetteer lacks
    lead = _lead_line(body)
    lead = re.split(r"[。！？!?；;]", lead, maxsplit=1)[0]
    found: list[str] = []
    for _s, e, c in _region_mentions(lead):
        if c in _NATIONAL:
            return ""
        if _LEAD_AUTHORITY.match(lead, e) and c not in found:
            if lead.startswith("海关", e) and c in CAPITALS and c != "广州" and _speaks_of_province(body):
                # `据太原海关统计，今年前10个月，我省进出口…`: the customs district of a provincial capital reports
                # the province's trade
                c = CAPITALS[c]
            elif _office_of_other_scope(lead, e, c):
                continue
            found.append(c)
    return found[0] if len(found) == 1 else ""


def _office_of_other_scope(text: str, end: int, region: str) -> bool:
    """`福州海关…`, `厦门市统计局…，一季度我省…`: a city below a province named only by its office, where the office is a
    customs district (it covers more than its city) or the text speaks of the province (全省/我省) — not the city's
    figures."""
    authority = _LEAD_AUTHORITY.match(text, end)
    if authority is None or not _is_city(region) or region in _MUNICIPALITIES or region in _province_names():
        return False
    return authority.group().endswith("海关") or any(w in text for w in _PROVINCE_WORDS)


def _speaks_of_province(body: str) -> bool:
    """A text that says 全省/我省 and never 全市/我市: its unnamed scope is a province."""
    folded = fold(body)
    return any(w in folded for w in _PROVINCE_WORDS) and not any(w in folded for w in _CITY_WORDS)


#: a province named only as the one another is measured against (`仅次于广东，居全国第二`, `超过江苏`)
_RIVAL_BEFORE = re.compile(r"(?:仅次于|次于|超过|超越|高于|低于|落后于|领先于)$")


def province_over_city_home(home: str, text: str) -> str:
    """A city outlet's article (`来源：温州网`) that speaks only of 全省/我省 (never 全市/我市) and names exactly one
    province: its unnamed scope is that province, not the outlet's city (a capital's outlet already speaks for its
    province: `福州日报`'s 我省 is 福建 whatever rival it names)."""
    if not _is_city(home) or home in _MUNICIPALITIES or home in CAPITALS or not _speaks_of_province(text):
        return home
    return sole_province(text) or home


def sole_province(text: str) -> str:
    """`浙江电商…。今年上半年，全省实现网络零售额2332亿元`: an article that says 全省/我省 without naming its province,
    and names exactly one province (and no municipality, no second province) — that province is what its unnamed
    全省/我省 refers to. Cities and the nation (`占全国…的比重`) may be named beside it, and so may a province it is
    only measured against (`仅次于广东`, `超过江苏`); anything else gives ""."""
    folded = fold(text)
    if not any(w in folded for w in _PROVINCE_WORDS):
        return ""
    provinces = _province_names()
    named = {
        c for s, _, c in _region_mentions(folded) if c in provinces and not _RIVAL_BEFORE.search(folded, 0, s)
    }
    if len(named) != 1 or named & _MUNICIPALITIES:
        return ""
    return next(iter(named))
