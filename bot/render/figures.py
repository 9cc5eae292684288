"""Figures → text, in the reader's language: `figure_parts()` is the one place that turns a figure (a lookup entry,
a digest's headline figure, a chart point, an alert item) into its words — name, value, period, growth, forecast —
and every renderer lays those parts out (`bot.render.lookup`, `.digest`, `.charts`, `.alerts`, the CLI).

Numbers and dates are formatted with Babel for the reader's locale; the value keeps the digits the source wrote
(`4.0%`, `13.80`), growth says 同比/环比 only where the source does, and a growth-only figure (a change stated
without a level) is shown as the change, never as an amount. Plain text here: callers escape.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from babel.numbers import format_decimal

from bot.errors import N_
from bot.i18n import Translator
from bot.render.common import esc
from bot.services.figures import is_growth_only
from bot.services.lookup import FigureEntry, english_name


class Named(Protocol):
    """Anything named by a metric and a region (a figure, a chart series, a watch)."""

    @property
    def metric(self) -> str: ...
    @property
    def region(self) -> str: ...


#: what `figure_parts` reads: a lookup entry (lookups, alerts, charts, digests and /article all hand entries over),
#: its fields those of every figure (`bot.services.figures.model.FigureValue`) and the growth basis
FigureData = FigureEntry


#: English names of the base units figures are normalised to: (singular, plural); "" = a bare number
_EN_UNITS: dict[str, tuple[str, str]] = {
    "元": ("yuan", "yuan"), "人民币": ("yuan", "yuan"), "迪拉姆": ("dirham", "dirhams"),
    "件": ("parcel", "parcels"), "人": ("person", "people"), "名": ("person", "people"),
    "人次": ("visit", "visits"), "个": ("", ""), "家": ("company", "companies"), "吨": ("tonne", "tonnes"),
    "单": ("order", "orders"), "次": ("time", "times"), "户": ("household", "households"), "平方米": ("m²", "m²"),
    "台": ("unit", "units"), "辆": ("vehicle", "vehicles"), "笔": ("transaction", "transactions"),
    "款": ("product", "products"), "场": ("session", "sessions"), "项": ("item", "items"),
    "票": ("shipment", "shipments"), "种": ("kind", "kinds"), "块": ("piece", "pieces"), "张": ("card", "cards"),
    "公里": ("km", "km"), "点": ("point", "points"), "亿": ("", ""), "万": ("", ""),
}
#: currencies written before the number in English: US$1.2 billion
_EN_CURRENCY_PREFIX = {"美元": "US$", "欧元": "€", "港元": "HK$", "英镑": "£", "日元": "¥"}
_PERCENT_UNITS = {"%", "％"}
_PP_UNITS = {"个百分点", "pp"}


# ---------------------------------------------------------------------------------------------- numbers


def _trim(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _fixed(t: Translator, value: float, decimals: int | None, default: str | None = None) -> str:
    """`value` with exactly the decimals the source wrote (`4.0`, `13.80`); without them (figures stored before the
    precision was kept), trailing zeros dropped as before."""
    if decimals is not None and 0 <= decimals <= 9:
        return format_decimal(round(value, decimals), format="#,##0" + ("." + "0" * decimals if decimals else ""),
                              locale=t.locale)
    if default is None:
        return format_decimal(_trim(value), locale=t.locale)
    return format_decimal(_trim(value), format=default, locale=t.locale)


@dataclass(frozen=True, slots=True)
class Scale:
    """One unit scale for every figure of a metric in a list: 12.3456万亿元 next to 7.16万亿元, never 123,456亿元
    next to 7.16万亿元 (Chinese: `factor` and its prefix; English: `en_factor` and its word)."""

    factor: float = 1.0
    prefix: str = ""
    en_factor: float = 1.0
    en_word: str = ""


_ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"), (1.0, ""))
_EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _own_factor(value: float, value_base: float) -> float | None:
    """The scale a figure was written in (亿元 → 1e8), when it is one of the Chinese scales."""
    if not value or not value_base:
        return None
    ratio = abs(value_base / value)
    for factor, _prefix in _ZH_SCALES:
        if abs(ratio / factor - 1) < 1e-6:
            return factor
    return None


def list_scales(entries: Iterable[FigureData]) -> dict[tuple[str, str], Scale]:
    """(metric, base unit) → the scale its figures are shown in, for metrics whose figures in `entries` were
    written in different scales (or would read in different English magnitudes). The scale suits the median value:
    the largest one in which it is at least 1."""
    groups: dict[tuple[str, str], list[FigureData]] = {}
    for e in entries:
        if e.unit in _PERCENT_UNITS or e.unit in _PP_UNITS or is_growth_only(e) or e.value_base is None:
            continue
        groups.setdefault((e.metric, e.base_unit), []).append(e)
    out: dict[tuple[str, str], Scale] = {}
    for key, items in groups.items():
        if len(items) < 2:
            continue
        bases = sorted(abs(e.value_base) for e in items)
        median = bases[len(bases) // 2]
        factor, prefix = next(((f, p) for f, p in _ZH_SCALES if median >= f), (1.0, ""))
        en_factor, en_word = next(((f, w) for f, w in _EN_SCALES if median >= f), (1.0, ""))
        own = {_own_factor(e.value, e.value_base) for e in items}
        magnitudes = {next((f for f, _w in _EN_SCALES if abs(e.value_base) >= f), 1.0) for e in items}
        if len(own) > 1 or None in own or len(magnitudes) > 1:
            out[key] = Scale(factor, prefix, en_factor, en_word)
    return out


def _scaled(value_base: float, factor: float) -> Decimal:
    """`value_base / factor` with every digit the source gave and no float noise."""
    return (Decimal(repr(float(value_base))) / Decimal(repr(float(factor)))).quantize(Decimal("1E-9")).normalize()


def format_value(t: Translator, value: float, unit: str, value_base: float | None = None,
                 base_unit: str | None = None, decimals: int | None = None, *, scale: Scale | None = None) -> str:
    """`13.8万亿元` in Chinese (the unit as the source wrote it, or in the list's `scale`), `13.8 trillion yuan` or
    `US$1.2 billion` in English; `decimals` (the source's, when known) keeps `4.0%` as `4.0%` and `13.80` as
    `13.80`."""
    if unit in _PERCENT_UNITS:
        return f"{_fixed(t, value, decimals)}%"
    if unit in _PP_UNITS:
        return t._("{value} percentage points").format(value=_fixed(t, value, decimals))
    if t.language == "zh":
        if scale is not None and value_base is not None and base_unit is not None \
                and _own_factor(value, value_base) != scale.factor:
            number = format_decimal(_scaled(value_base, scale.factor), format="#,##0.#########", locale=t.locale)
            return f"{number}{scale.prefix}{base_unit}"
        return f"{_fixed(t, value, decimals, '#,##0.####')}{unit}"
    base = value_base if value_base is not None else value
    bunit = base_unit if base_unit is not None else unit
    number = _english_magnitude(t, base, scale, _scaled_decimals(value, base, decimals))
    if bunit in _EN_CURRENCY_PREFIX:
        return f"{_EN_CURRENCY_PREFIX[bunit]}{number}"
    singular, plural = _EN_UNITS.get(bunit, (bunit, bunit))
    return f"{number} {singular if base == 1 else plural}".strip()


def _scaled_decimals(value: float, base: float, decimals: int | None) -> int | None:
    """Decimals of `base` in English scales for a value written with `decimals` (`28.60亿` → `2.860 billion`)."""
    if not decimals or not value or not base:
        return None  # an integer as written (`1100亿件`): `110 billion`, no invented trailing zero
    return decimals - round(math.log10(abs(base / value)))


def _english_magnitude(t: Translator, base: float, scale: Scale | None = None, decimals: int | None = None) -> str:
    """`1.079 billion`: every significant digit the source gave is kept (never rounded to a different number);
    in the list's `scale` when given (`0.716 trillion` next to `15.42 trillion`)."""
    if scale is not None:
        if scale.en_factor == 1.0:
            return format_decimal(_scaled(base, 1.0), format="#,##0.#########", locale=t.locale)
        number = format_decimal(_scaled(base, scale.en_factor), format="#,##0.#########", locale=t.locale)
        return f"{number} {scale.en_word}"
    for factor, word in _EN_SCALES:
        if abs(base) >= factor:
            mantissa = round(base / factor, 9)  # drop float noise only
            d = None if decimals is None else decimals + round(math.log10(factor))
            if d is not None and d > 0:
                return f"{_fixed(t, mantissa, d)} {word}"
            return f"{format_decimal(_trim(mantissa), format='#,##0.#########', locale=t.locale)} {word}"
    if decimals is not None and decimals > 0:
        return _fixed(t, base, decimals)
    return format_decimal(_trim(round(base, 9)), format="#,##0.#########", locale=t.locale)


_GROWTH_MSGIDS = {
    # basis → (up %, down %, unchanged, up pp, down pp)
    None: (N_("up {pct}%"), N_("down {pct}%"), N_("unchanged"), N_("up {pp} percentage points"),
           N_("down {pp} percentage points")),
    "yoy": (N_("up {pct}% year on year"), N_("down {pct}% year on year"), N_("unchanged year on year"),
            N_("up {pp} percentage points year on year"), N_("down {pp} percentage points year on year")),
    "mom": (N_("up {pct}% month on month"), N_("down {pct}% month on month"), N_("unchanged month on month"),
            N_("up {pp} percentage points month on month"), N_("down {pp} percentage points month on month")),
}


def format_growth(t: Translator, growth_pct: float | None, growth_pp: float | None,
                  basis: str | None = None, *, decimals: int | None = None) -> str:
    """Growth in the source's terms: "up 13.1% year on year" (同比增长13.1%) where the source says 同比 (`basis`
    "yoy"), "month on month" for 环比, else neutral ("up 13.1%"): the store does not guess the base."""
    up, down, same, up_pp, down_pp = _GROWTH_MSGIDS.get(basis, _GROWTH_MSGIDS[None])
    parts = []
    if growth_pct is not None:
        pct = _fixed(t, abs(growth_pct), decimals)
        if growth_pct > 0:
            parts.append(t._(up).format(pct=pct))
        elif growth_pct < 0:
            parts.append(t._(down).format(pct=pct))
        else:
            parts.append(t._(same))
    if growth_pp is not None:
        pp = _fixed(t, abs(growth_pp), decimals)
        if growth_pct is not None:  # the basis was said once
            up_pp, down_pp = _GROWTH_MSGIDS[None][3:]
        parts.append(t._(up_pp if growth_pp >= 0 else down_pp).format(pp=pp))
    return t._(", ").join(parts)


_QUALIFIERS = {
    "approx": N_("about {value}"),
    "lower_bound": N_("over {value}"),
    "upper_bound": N_("under {value}"),
}


_ZH_QUARTERS = {3: "一季度", 6: "二季度", 9: "三季度", 12: "四季度"}


def _month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


def format_period(t: Translator, label: str, start: date | None, end: date | None) -> str:
    """The period in the reader's language, built from the resolved dates (so "上半年" shows its year);
    the source's own label only when the dates are unknown or irregular."""
    zh = t.language == "zh"
    if end is None:
        return label
    if start is None:  # a stock "as of" a date
        when = (f"{end.year}年{end.month}月" if zh else t.date(end, fmt="MMM y")) if _month_end(end) else (
            f"{end.year}年{end.month}月{end.day}日" if zh else t.date(end))
        return f"截至{when}" if zh else f"as of {when}"
    if start.day != 1 or not _month_end(end) or start.year != end.year:
        if start == end:
            return f"{end.year}年{end.month}月{end.day}日" if zh else t.date(end)
        return label or f"{t.date(start)} – {t.date(end)}"
    year, first, last = start.year, start.month, end.month
    if zh:
        if (first, last) == (1, 12):
            return f"{year}年"
        if (first, last) == (1, 6):
            return f"{year}年上半年"
        if (first, last) == (7, 12):
            return f"{year}年下半年"
        if (first, last) == (1, 9):
            return f"{year}年前三季度"
        if last - first == 2 and last in _ZH_QUARTERS:
            return f"{year}年{_ZH_QUARTERS[last]}"
        if first == last:
            return f"{year}年{first}月"
        return f"{year}年{first}—{last}月"
    if (first, last) == (1, 12):
        return str(year)
    if (first, last) in ((1, 6), (7, 12)):
        return f"H{1 if first == 1 else 2} {year}"
    if last - first == 2 and last % 3 == 0:
        return f"Q{last // 3} {year}"
    if first == last:
        return t.date(start, fmt="MMMM y")
    return f"{t.date(start, fmt='MMM')}–{t.date(end, fmt='MMM')} {year}"



# ---------------------------------------------------------------------------------------------- one figure


def regional_name(metric: str, region: str) -> str:
    """The metric with its region in front (`上海快递业务量`): nothing for the whole country, and never the region
    twice when the stored name already starts with it. The only place the two are joined."""
    if not region or region == "全国" or metric.startswith(region):
        return metric
    return f"{region}{metric}"


def figure_name(t: Translator, named: Named) -> str:
    """The metric as a reader sees it (plain text): `上海网上零售额` in Chinese; in English with the English name
    from the alias table first when there is one: `Online retail sales (上海网上零售额)`."""
    name = regional_name(named.metric, named.region)
    if t.language != "zh":
        english = english_name(named.metric)
        if english and english != named.metric:
            return f"{english} ({name})"
    return name


@dataclass(frozen=True, slots=True)
class FigureParts:
    """A figure's words (plain text, unescaped); every renderer lays these out."""

    name: str
    #: the value with its qualifier (`约15万亿元`, `about 15 trillion yuan`); for a growth-only figure the change
    value: str
    #: `2023年上半年`, `H1 2023`; "" when unknown
    period: str
    #: `同比增长13.1%`; "" when none, and for a growth-only figure (its change is the value)
    growth: str
    is_forecast: bool
    growth_only: bool


def figure_parts(t: Translator, fig: FigureData, *, scale: Scale | None = None) -> FigureParts:
    """The words of one figure for a reader of `t`'s language; `scale` is the list's unit scale (`list_scales`)."""
    growth = format_growth(t, fig.growth_pct, fig.growth_pp, fig.growth_basis, decimals=fig.growth_decimals)
    growth_only = is_growth_only(fig)
    if growth_only:
        value, growth = growth, ""
    else:
        value = _with_qualifier(t, format_value(t, fig.value, fig.unit, fig.value_base, fig.base_unit,
                                                fig.value_decimals, scale=scale), fig.qualifier)
    return FigureParts(name=figure_name(t, fig), value=value,
                       period=format_period(t, fig.period_label, fig.period_start, fig.period_end),
                       growth=growth, is_forecast=fig.is_forecast, growth_only=growth_only)


def figure_line(t: Translator, parts: FigureParts, *, html: bool = True) -> str:
    """`网上零售额：约7.1万亿元（2024年上半年），下降2.5% ［预测］` — one figure on one line, the name in bold in HTML
    (every part escaped), as /metric, inline results, /article and digests show it."""
    def e(text: str) -> str:
        return esc(text) if html else text

    shown = e(parts.value)
    if parts.period:
        shown = t._("{value} ({period})").format(value=shown, period=e(parts.period))
    name = f"<b>{esc(parts.name)}</b>" if html else parts.name
    line = t._("{name}: {value}").format(name=name, value=shown)
    if parts.growth:
        line += t._(", ") + e(parts.growth)
    if parts.is_forecast:
        line += " " + t._("[forecast]")
    return line


def _with_qualifier(t: Translator, value: str, qualifier: str) -> str:
    """`about 15 trillion yuan`, `over …`, `under …` as the source qualified the value."""
    return t._(_QUALIFIERS[qualifier]).format(value=value) if qualifier in _QUALIFIERS else value
