"""Numbers with multipliers and units, as written in Chinese statistics (`13.8万亿元`, `10.47亿人`, `76.4%`).

Arabic digits are read as numbers; Chinese numerals only as a whole amount before a multiplier and a unit
(`两千亿元`, `_CN_AMOUNT`) and never inside words, so `零售额` stays
`零售额` (cn2an's failure mode) and `三分之一` is simply not a figure; tenths (`三成`, `一成八`) only as the rate of a
change (`增长近三成` = 30%, `_CN_TENTHS`), never as a share (`占比超六成`).

    fold(text) -> str                      full width → ASCII, traditional → simplified, length-preserving
    parse_number(text, pos) / iter_numbers(text) -> Number(s)

Used by sentence (folding and reading each sentence; `Number` also by classify and context), regions and tables
(`fold`); parse_number by the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.services.figures.script import TRAD_TO_SIMP

#: full-width ASCII → ASCII and the ideographic space → space; one character in, one out, so offsets into the
#: folded text are offsets into the original.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD[0x00A0] = 0x20
#: the small form variants (`﹔`, `﹐`: CNS 11643 punctuation in Taiwanese and some PDF text) as the marks they are
_FOLD.update({0xFE50: ord(","), 0xFE51: ord("、"), 0xFE52: ord("."), 0xFE54: ord(";"), 0xFE55: ord(":")})
_FOLD.update({0xFE56: ord("?"), 0xFE57: ord("!")})
#: and traditional characters to simplified (script.py): one character in, one out too
_FOLD.update(TRAD_TO_SIMP)


#: any character `_FOLD` changes (most sentences have none: one regex scan instead of a dict lookup per character)
_FOLD_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")


def fold(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII, traditional characters to simplified; length-preserving."""
    return text.translate(_FOLD) if _FOLD_RE.search(text) else text


MULTIPLIERS: dict[str, float] = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "千": 1e3,
    "兆": 1e12,  # Taiwan usage, before a currency only (`15.42兆元` = 15.42万亿元; 兆瓦/兆字节 are mega)
}

#: unit as written → base unit (a currency word absorbs a trailing 人民币)
UNITS: dict[str, str] = {
    "个百分点": "个百分点",
    "%": "%",
    "‰": "‰",
    "元人民币": "元",
    "美元": "美元",
    "欧元": "欧元",
    "港元": "港元",
    "港币": "港元",
    "日元": "日元",
    "英镑": "英镑",
    "韩元": "韩元",
    "卢布": "卢布",
    "迪拉姆": "迪拉姆",
    "人民币": "元",
    "元": "元",
    "人次": "人次",
    "人": "人",
    "户": "户",
    "件": "件",
    "票": "票",
    "场": "场",
    "家": "家",
    "个": "个",
    "点": "点",
    "单": "单",
    "次": "次",
    "块": "块",
    "公里": "公里",
    "千米": "公里",
    "吨": "吨",
    "标准箱": "标箱",
    "标箱": "标箱",
    "TEU": "标箱",
    "辆": "辆",
    "张": "张",
    "台": "台",
    "款": "款",
    "种": "种",
    "项": "项",
    "笔": "笔",
    "份": "份",
    "倍": "倍",
    "GB": "GB",
    "TB": "TB",
    "家次": "家次",
    "平方米": "平方米",
    "座": "座",
    "条": "条",
    "名": "名",
    "位": "位",
    "部": "部",
}
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

NUMBER_RE = re.compile(
    r"(?<![\dA-Za-z.\-/:])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?P<frac>\.\d+)?"
    r"(?P<more1>\s*(?:多|余))?"
    r"\s*(?P<mult>万亿|千亿|百亿|亿|千万|百万|万|千(?![米克瓦])|兆(?=\s*(?:元|美元|人民币|港元|新台币|日元|欧元)))?"
    r"(?P<more2>\s*(?:多|余))?"
    r"\s*(?P<unit>" + _UNIT_ALT + r")?"
)

#: units that follow a number but make it something other than a count (`6个月`, `24小时`, `第3名`...)
_NOT_AFTER_UNIT = {
    "个": re.compile(r"个\s*(?:月|小时|工作日|百分点)"),
    "名": re.compile(r"名(?:单)"),
    "位": re.compile(r"位"),
    "份": re.compile(r"份(?:额|子|数)"),
    # `12.5万部` (handsets, films) ends its phrase; `4部门`, `部委`, `部分`, `部署`, `3部电影` are no such unit
    "部": re.compile(r"部(?=\s*[\u4e00-\u9fff])"),
}


@dataclass(slots=True)
class Number:
    start: int
    end: int
    value: float
    mult: str
    unit: str  # as written, multiplier included, e.g. "万亿元"
    base_unit: str
    value_base: float
    more: bool  # 多/余 after the number ("30多个")
    text: str
    decimals: int = 0  # digits after the decimal point as written (`4.0%` → 1): the source's precision


def parse_number(text: str, pos: int = 0) -> Number | None:
    """The number (with multiplier and unit) starting at `pos` in folded text, or None."""
    m = NUMBER_RE.match(text, pos)
    return _from_match(text, m) if m else None


def _from_match(text: str, m: re.Match[str]) -> Number | None:
    num = m.group("num").replace(",", "")
    frac = m.group("frac") or ""
    try:
        value = float(num + frac)
    except ValueError:  # pragma: no cover - regex guarantees digits
        return None
    mult = m.group("mult") or ""
    unit = m.group("unit") or ""
    end = m.end()
    if unit in ("份", "部") and not mult:
        # `报纸业务累计完成82.0亿份` is a volume of copies; `发放问卷2000份` counts forms, no indicator (so
        # `出版专著3部`)
        unit, end = "", (m.end("frac") if frac else m.end("num"))
    if unit in _NOT_AFTER_UNIT and _NOT_AFTER_UNIT[unit].match(text, m.start("unit")):
        if unit == "个" and text.startswith("百分点", m.end("unit")):
            unit, end = "个百分点", m.end("unit") + 3
        else:
            unit, end = "", (m.end("mult") if mult else m.end("frac") if frac else m.end("num"))
    if unit == "个百分点":
        pass
    elif unit == "" and text.startswith("个百分点", end - 0):
        unit, end = "个百分点", end + 4
    if not unit and not mult:
        end = m.end("frac") if frac else m.end("num")
    elif not unit:
        end = m.end("mult")
    factor = MULTIPLIERS.get(mult, 1.0)
    base = UNITS.get(unit, "")
    if base in ("%", "‰", "个百分点", "倍") and mult:
        return None  # "5万%" is not a thing
    more = bool(m.group("more1") or m.group("more2"))
    written = (mult + unit) if unit != "元人民币" else mult + "元"
    if unit == "人民币":
        written = mult + "元"
    decimals = max(len(frac) - 1, 0)
    return Number(m.start(), end, value, mult, written, base, value * factor, more, text[m.start() : end], decimals)


#: a round milestone written as a word after a bound (`突破千亿件`, `将超万亿元`, `破百亿元`): one unit of the multiplier
_WORD_MILESTONE = re.compile(
    r"(?<=破|超|过|逾)\s*(?P<mult>万亿|千亿)\s*(?P<unit>元|件|人|美元|元人民币)(?![\u4e00-\u9fff]{0,2}(?:级|级别|俱乐部))"
)


#: a Taiwan/Malaysia trillion written with its remainder in 亿 (`8兆8800亿人民币` = 8.88万亿元)
_ZHAO_YI = re.compile(r"(?<![\d.])(?P<zhao>\d+)\s*兆\s*(?=\d+(?:\.\d+)?\s*亿)")


def _zhao_compounds(text: str, out: list[Number]) -> list[Number]:
    """`N兆M亿…` read as one number of N万亿 + M亿 (the parts alone are not figures)."""
    for m in _ZHAO_YI.finditer(text):
        rest = parse_number(text, m.end())
        if rest is None or rest.mult != "亿":
            continue
        value = int(m.group("zhao")) + rest.value / 1e4
        decimals = len(f"{value:.10f}".rstrip("0").split(".")[1])
        written = "万亿" + rest.unit[len("亿"):]
        combined = Number(m.start(), rest.end, round(value, decimals), "万亿", written, rest.base_unit,
                          value * 1e12, rest.more, text[m.start() : rest.end], decimals)
        out = [n for n in out if not (m.start() <= n.start < rest.end)] + [combined]
    return sorted(out, key=lambda n: n.start)


#: a whole amount in Chinese numerals with a multiplier and a count or currency unit (`一百四十亿件`, `两千亿元`,
#: `三点五万亿元`, `八百万人`); never after another numeral word (`数十万人`, `第一万`, `之一`) nor a bare `千万人`
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_AMOUNT = re.compile(
    r"(?<![\d.零一二三四五六七八九十百千万亿两数几第之统唯单同初周])"
    r"(?P<num>[一二三四五六七八九十两][零一二三四五六七八九十百千两]*(?:点[零一二三四五六七八九]+)?)"
    r"(?P<mult>万亿|亿|万)(?P<unit>元人民币|美元|欧元|港元|元|人次|人(?!民)|户|件|吨|辆|台|笔|单|张|票)"
)


def cn_integer(text: str) -> int | None:
    """`一百四十` → 140, `两千零五` → 2005, `十` → 10 (below ten thousand; None when not a well-formed numeral)."""
    total, digit, last_place = 0, None, 10_000
    for c in text:
        if c == "零":
            continue
        if c in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row (`一二`): a list, not a number
            digit = _CN_DIGITS[c]
            continue
        place = {"十": 10, "百": 100, "千": 1000}[c]
        if place >= last_place or (digit is None and not (place == 10 and total == 0)):
            return None
        total += (1 if digit is None else digit) * place
        digit, last_place = None, place
    return total + (digit or 0)


#: the verb of a mark passed (`首次突破`, `迈上了`, `超`): one list for the digit and the Chinese-numeral readers
MILESTONE_VERB = r"(?:突破|超过|迈上|迈过|跨越|跨过|站上|越过|冲破|超|破|逾)了?"
#: a mark passed (`首次迈上两千亿元大关`, `突破三亿`): a milestone, read by the milestone rules, not as an amount
_CN_MILESTONE_BEFORE = re.compile(MILESTONE_VERB + r"\s*$")
_CN_MILESTONE_AFTER = re.compile(r"\s*(?:大关|关口|台阶)")
#: an amount in digits later in the same clause run (`…大关，达到2087亿元`)
_EXACT_AFTER = re.compile(r"[^。；;]{0,16}?[0-9]")


def _cn_amounts(text: str, out: list[Number]) -> list[Number]:
    """Amounts in Chinese numerals (`_CN_AMOUNT`) read as numbers; the quote stays as written. A mark passed
    (`迈上两千亿元大关`) before the exact amount in digits is left to the milestone rules."""
    for m in _CN_AMOUNT.finditer(text):
        milestone = _CN_MILESTONE_BEFORE.search(text, max(0, m.start() - 4), m.start()) or _CN_MILESTONE_AFTER.match(
            text, m.end()
        )
        if milestone and _EXACT_AFTER.match(text, m.end()):
            continue  # `首次迈上两千亿元大关，达到2087亿元`: the exact level follows; the mark restates it
        whole, _, frac = m.group("num").partition("点")
        value = cn_integer(whole)
        if value is None or any(n.start <= m.start() < n.end for n in out):
            continue
        if frac:
            if any(c in "十百千" for c in whole):
                continue  # `一百点五万` is not how amounts are written: don't guess
            number = float(f"{value}." + "".join(str(_CN_DIGITS[c]) for c in frac))
        else:
            number = float(value)
        mult, unit = m.group("mult"), m.group("unit")
        written = mult + ("元" if unit == "元人民币" else unit)
        out.append(Number(m.start(), m.end(), number, mult, written, UNITS[unit], number * MULTIPLIERS[mult], False,
                          text[m.start() : m.end()], len(frac)))
    return sorted(out, key=lambda n: n.start)


#: tenths written 成 (`三成` = 30%, `一成八` = 18%, `二成五` = 25%) as the rate of a change — after a verb of change
#: and its bound (`同比增长近三成`, `增幅超两成`), and ending there (`七成商品类值`, `完成`, `成为` are no rates); a share
#: in 成 (`占比超六成`, `占全省的六成`: mostly of surveyed people or of a part, no indicator) is not read
_CN_TENTHS = re.compile(
    r"(?<=[\u4e00-\u9fff])(?P<t>[一二两三四五六七八九])成(?P<u>[一二三四五六七八九](?![\u4e00-\u9fff]))?"
    r"(?=\s*(?:以上|左右|多|有余)?(?:[^\u4e00-\u9fff]|$))"
)
_TENTHS_BEFORE = re.compile(
    r"(?:增长|下降|增加|减少|提高|提升|上升|回落|下滑|增幅|增速|降幅|涨幅)"
    r"了?\s*(?:均|分别|都)?\s*(?:达到?|为|是|约为?|近|接近|将近|超过?|逾|不到|不足|大约|达)?\s*$"
)


def _cn_tenths(text: str, out: list[Number]) -> list[Number]:
    for m in _CN_TENTHS.finditer(text):
        if not _TENTHS_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue
        value = float(_CN_DIGITS[m.group("t")] * 10 + (_CN_DIGITS[m.group("u")] if m.group("u") else 0))
        out.append(Number(m.start(), m.end(), value, "", "%", "%", value, False, text[m.start() : m.end()]))
    return sorted(out, key=lambda n: n.start)


_COUNTED_BEFORE = re.compile(r"[0-9一二三四五六七八九十两几多]\s*(?:家|个|款|名|座|只|位)")


def iter_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    for m in NUMBER_RE.finditer(text):
        n = _from_match(text, m)
        if n is not None:
            out.append(n)
    if "亿" in text:
        for m in _WORD_MILESTONE.finditer(text):
            clause = max(text.rfind(c, 0, m.start()) for c in "，,。；;") + 1
            if _COUNTED_BEFORE.search(text, clause, m.start()):
                continue  # `3家企业筹资额过千亿元`: how many passed a threshold, not a level
            mult, unit = m.group("mult"), m.group("unit")
            written = mult + ("元" if unit == "元人民币" else unit)
            out.append(
                Number(m.start("mult"), m.end(), 1.0, mult, written, UNITS.get(unit, ""), MULTIPLIERS[mult], False,
                       text[m.start("mult") : m.end()])
            )
        out.sort(key=lambda n: n.start)
    if "兆" in text:
        out = _zhao_compounds(text, out)
    if "亿" in text or "万" in text:
        out = _cn_amounts(text, out)
    if "成" in text:
        out = _cn_tenths(text, out)
    return out
