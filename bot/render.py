"""Data → Telegram HTML. Every piece of stored text passes `html.escape`; numbers and dates are formatted with Babel
for the reader's language; long replies are split below Telegram's 4096-character limit on paragraph boundaries.

No `telegram` imports here: handlers turn the strings into messages and buttons.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from bot.errors import N_
from bot.i18n import Translator
from bot.services.figures import is_growth_only
from bot.services.lookup import english_name, growth_basis
from bot.text import split as text_split

#: Telegram rejects messages above 4096 characters; keep a margin for entities and the page footer
MESSAGE_LIMIT = 4000

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


def esc(text: object) -> str:
    """HTML-escape anything for Telegram's HTML parse mode."""
    return html.escape(str(text), quote=False)


ARG_LIMIT = text_split.ARG_LIMIT
shorten = text_split.shorten


def esc_arg(text: str, limit: int = ARG_LIMIT) -> str:
    """A user's argument as it is quoted back in a reply: shortened, then escaped."""
    return esc(shorten(text, limit))


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


def list_scales(entries: Iterable[Any]) -> dict[tuple[str, str], Scale]:
    """(metric, base unit) → the scale its figures are shown in, for metrics whose figures in `entries` were
    written in different scales (or would read in different English magnitudes). The scale suits the median value:
    the largest one in which it is at least 1."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for e in entries:
        unit = getattr(e, "unit", "")
        if unit in _PERCENT_UNITS or unit in _PP_UNITS or is_growth_only(e) or getattr(e, "value_base", None) is None:
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


# ---------------------------------------------------------------------------------------------- figures


def figure_name(t: Translator, entry: Any) -> str:
    """The metric as a reader sees it (plain text): `上海网上零售额` in Chinese; in English with the English name
    from the alias table first when there is one: `Online retail sales (上海网上零售额)`."""
    region = getattr(entry, "region", "") or ""
    metric = entry.metric
    name = metric if not region or region == "全国" or metric.startswith(region) else f"{region}{metric}"
    if t.language != "zh":
        english = english_name(metric)
        if english and english != metric:
            return f"{english} ({name})"
    return name


#: sources listed under a figure; the rest are counted
SHOWN_SOURCES = 3


def entry_basis(entry: Any) -> str | None:
    """同比/环比 as the source says it: a lookup entry carries it; a `Figure` row is read from its quote."""
    if hasattr(entry, "growth_basis"):
        return entry.growth_basis  # type: ignore[no-any-return]
    quote = getattr(entry, "quote", None)
    if quote and (getattr(entry, "growth_pct", None) is not None or getattr(entry, "growth_pp", None) is not None):
        return growth_basis(quote, getattr(entry, "span_start", 0) or 0, getattr(entry, "span_end", 0) or 0)
    return None


def _value_text(t: Translator, entry: Any, scale: Scale | None = None) -> str:
    """The value with its qualifier (about / over / under), or the change for a growth-only figure (plain)."""
    if is_growth_only(entry):
        return format_growth(t, entry.growth_pct, entry.growth_pp, entry_basis(entry),
                             decimals=getattr(entry, "growth_decimals", None))
    value = format_value(t, entry.value, entry.unit, getattr(entry, "value_base", None),
                         getattr(entry, "base_unit", None), getattr(entry, "value_decimals", None), scale=scale)
    qualifier = getattr(entry, "qualifier", "exact")
    if qualifier in _QUALIFIERS:
        value = t._(_QUALIFIERS[qualifier]).format(value=value)
    return value


def _period_text(t: Translator, entry: Any) -> str:
    return format_period(t, getattr(entry, "period_label", ""), getattr(entry, "period_start", None),
                         getattr(entry, "period_end", None))


def render_figure(t: Translator, entry: Any, *, with_source: bool = True, scale: Scale | None = None) -> str:
    """One figure entry (`bot.services.lookup.FigureEntry`, or a `Figure` row) as a short HTML block: the value
    (in the list's `scale`), its period and growth, and its sources — each with the value it reported when that
    was rounded differently."""
    growth = "" if is_growth_only(entry) else format_growth(t, getattr(entry, "growth_pct", None),
                                                              getattr(entry, "growth_pp", None), entry_basis(entry),
                                                              decimals=getattr(entry, "growth_decimals", None))
    value = _value_text(t, entry, scale)
    name = figure_name(t, entry)
    period = _period_text(t, entry)
    shown = esc(value)
    if period:
        shown = t._("{value} ({period})").format(value=shown, period=esc(period))
    head = t._("{name}: {value}").format(name=f"<b>{esc(name)}</b>", value=shown)
    if growth:
        head += t._(", ") + esc(growth)
    if getattr(entry, "is_forecast", False):
        head += " " + t._("[forecast]")
    lines = [head]
    if with_source:
        lines.extend(_source_lines(t, entry, scale))
    return "\n".join(lines)


def _source_lines(t: Translator, entry: Any, scale: Scale | None) -> list[str]:
    sources = list(getattr(entry, "sources", []) or [])
    lines = [render_source(t, src, entry=entry, scale=scale) for src in sources[:SHOWN_SOURCES]]
    more = len(sources) - SHOWN_SOURCES
    if more > 0:
        lines.append("<i>" + esc(t.ngettext("and {count} more source", "and {count} more sources", more).format(
            count=t.number(more))) + "</i>")
    return lines


def _same_period(entry: Any) -> tuple[Any, ...] | None:
    if getattr(entry, "period_end", None) is None or is_growth_only(entry):
        return None
    return (entry.metric, entry.region, entry.period_start, entry.period_end, bool(entry.is_forecast),
            getattr(entry, "base_unit", ""))


def render_figures(t: Translator, entries: Sequence[Any]) -> list[str]:
    """A list of figure entries as HTML blocks in one unit scale per metric; entries that report different values
    for the same metric, region and period (a real disagreement between sources) are one block, side by side."""
    scales = list_scales(entries)
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for e in entries:
        key = _same_period(e)
        if key is not None:
            groups.setdefault(key, []).append(e)
    blocks: list[str] = []
    done: set[tuple[Any, ...]] = set()
    for e in entries:
        scale = scales.get((e.metric, getattr(e, "base_unit", "")))
        key = _same_period(e)
        if key is None or len(groups[key]) < 2:
            blocks.append(render_figure(t, e, scale=scale))
            continue
        if key in done:
            continue
        done.add(key)
        period = _period_text(t, e)
        head = t._("{name} ({period}): the sources differ").format(name=f"<b>{esc(figure_name(t, e))}</b>",
                                                                   period=esc(period))
        if e.is_forecast:
            head += " " + t._("[forecast]")
        lines = [head]
        for other in groups[key]:
            growth = format_growth(t, other.growth_pct, other.growth_pp, entry_basis(other),
                                   decimals=getattr(other, "growth_decimals", None))
            lines.append("• " + esc(_value_text(t, other, scale)) + (t._(", ") + esc(growth) if growth else ""))
            lines.extend("  " + line for line in _source_lines(t, other, scale))
        blocks.append("\n".join(lines))
    return blocks


def render_source(t: Translator, src: Any, *, entry: Any = None, scale: Scale | None = None) -> str:
    """`— 中国商务新闻网 · 电商周报 第12期 · 2024年3月1日 · /article 12` (plus `报道为13.8万亿元` when this source
    reported the entry's value rounded differently)."""
    outlet, bulletin = getattr(src, "outlet", "") or "", getattr(src, "bulletin", "") or ""
    if outlet and bulletin.startswith(outlet):  # the bulletin's own item: name it once
        outlet = ""
    bits = [b for b in (outlet, bulletin) if b]
    published = getattr(src, "published", None)
    if published:
        bits.append(t.date(published))
    reported = getattr(src, "value", None)
    if entry is not None and reported is not None and (
            reported, getattr(src, "unit", ""), getattr(src, "qualifier", "exact")) != (
            entry.value, entry.unit, getattr(entry, "qualifier", "exact")):
        value = format_value(t, reported, src.unit, getattr(src, "value_base", None), getattr(entry, "base_unit", None))
        if getattr(src, "qualifier", "exact") in _QUALIFIERS:
            value = t._(_QUALIFIERS[src.qualifier]).format(value=value)
        bits.append(t._("reported as {value}").format(value=value))
    text = " · ".join(esc(b) for b in bits)
    link = f"/article {int(src.article_id)}"
    return f"<i>— {text}</i> · {link}" if text else f"<i>—</i> {link}"


# ---------------------------------------------------------------------------------------------- search


def highlight(snippet: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape `snippet` and wrap each (start, end) span in <b>; overlapping or bad spans are merged/ignored."""
    clean: list[tuple[int, int]] = []
    for start, end in sorted((max(0, int(s)), min(len(snippet), int(e))) for s, e in spans):
        if end <= start:
            continue
        if clean and start <= clean[-1][1]:
            clean[-1] = (clean[-1][0], max(clean[-1][1], end))
        else:
            clean.append((start, end))
    out, pos = [], 0
    for start, end in clean:
        out.append(esc(snippet[pos:start]))
        out.append(f"<b>{esc(snippet[start:end])}</b>")
        pos = end
    out.append(esc(snippet[pos:]))
    return "".join(out)


def render_hit(t: Translator, rank: int, hit: Any) -> str:
    date_text = f" · {esc(t.date(hit.published))}" if getattr(hit, "published", None) else ""
    snippet = highlight(hit.snippet or "", getattr(hit, "highlights", None) or [])
    return f"{rank}. <b>{esc(hit.title)}</b>{date_text}\n{snippet}\n/article {int(hit.article_id)}"


# ---------------------------------------------------------------------------------------------- articles


def render_article(t: Translator, article: Any, *, bulletin_name: str = "", figures: Sequence[Any] = ()) -> list[str]:
    """A whole article as HTML blocks (title, source line, paragraphs, its figures) ready for `split_blocks`."""
    meta = [b for b in (article.outlet, bulletin_name, t.date(article.published) if article.published else "",
                        article.section) if b]
    blocks = [f"<b>{esc(article.title)}</b>"]
    if meta:
        blocks.append("<i>" + " · ".join(esc(m) for m in meta) + "</i>")
    for para in (article.body or "").split("\n"):
        para = para.strip()
        if para:
            blocks.extend(esc(chunk) for chunk in split_plain(para, MESSAGE_LIMIT // 2))
    if getattr(article, "duplicate_of_id", None):
        blocks.append(t._("The same story appeared earlier: {command}").format(
            command=f"/article {article.duplicate_of_id}"))
    if figures:
        heading = t._("Figures in this article")
        lines = [f"<b>{esc(heading)}</b>"]
        scales = list_scales(figures)
        lines.extend("• " + render_figure(t, f, with_source=False,
                                          scale=scales.get((f.metric, getattr(f, "base_unit", ""))))
                     for f in figures)
        blocks.append("\n".join(lines))
    return blocks


# ---------------------------------------------------------------------------------------------- splitting


def split_plain(text: str, limit: int) -> list[str]:
    """Split raw (unescaped) text into pieces of at most `limit` characters, preferring sentence ends."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind(p, 0, limit) for p in ("。", "！", "？", ". ", "；", "，", " "))
        cut = cut + 1 if cut > limit // 2 else limit
        pieces.append(text[:cut])
        text = text[cut:]
    if text:
        pieces.append(text)
    return pieces


def split_blocks(blocks: Iterable[str], limit: int = MESSAGE_LIMIT, sep: str = "\n\n") -> list[str]:
    """Pack complete HTML blocks into messages below `limit` (blocks are built so that lines carry balanced tags,
    so a cut on a line boundary keeps the HTML valid)."""
    return text_split.split_blocks(blocks, limit, sep)


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split an HTML message on paragraph (blank line) boundaries so each part is below `limit`."""
    return split_blocks(text.split("\n\n"), limit)
