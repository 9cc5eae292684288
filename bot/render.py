"""Data → Telegram HTML. Every piece of stored text passes `html.escape`; numbers and dates are formatted with Babel
for the reader's language; long replies are split below Telegram's 4096-character limit on paragraph boundaries.

No `telegram` imports here: handlers turn the strings into messages and buttons.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from babel.numbers import format_decimal

from bot.errors import N_
from bot.i18n import Translator
from bot.services.figures import is_growth_only
from bot.services.metrics import english_name
from bot.text import split as text_split

#: Telegram rejects messages above 4096 characters; keep a margin for entities and the page footer
MESSAGE_LIMIT = 4000

#: English names of the base units figures are normalised to
_EN_UNITS = {
    "元": "yuan", "美元": "US dollars", "人民币": "yuan", "欧元": "euros", "件": "parcels", "人": "people",
    "人次": "person-times", "个": "", "家": "companies", "吨": "tonnes", "单": "orders", "次": "times",
    "户": "households", "平方米": "m²", "台": "units", "辆": "vehicles", "笔": "transactions", "款": "products",
    "场": "sessions", "项": "items", "票": "shipments", "亿": "", "万": "",
}
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


def format_value(t: Translator, value: float, unit: str, value_base: float | None = None,
                 base_unit: str | None = None, decimals: int | None = None) -> str:
    """`13.8万亿元` in Chinese (the unit as the source wrote it), `13.8 trillion yuan` in English; `decimals` (the
    source's, when known) keeps `4.0%` as `4.0%` and `13.80` as `13.80`."""
    if unit in _PERCENT_UNITS:
        return f"{_fixed(t, value, decimals)}%"
    if unit in _PP_UNITS:
        return t._("{value} percentage points").format(value=_fixed(t, value, decimals))
    if t.language == "zh":
        return f"{_fixed(t, value, decimals, '#,##0.####')}{unit}"
    base = value_base if value_base is not None else value
    bunit = base_unit if base_unit is not None else unit
    number = _english_magnitude(t, base, _scaled_decimals(value, base, decimals))
    name = _EN_UNITS.get(bunit, bunit)
    return f"{number} {name}".strip()


_EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _scaled_decimals(value: float, base: float, decimals: int | None) -> int | None:
    """Decimals of `base` in English scales for a value written with `decimals` (`28.60亿` → `2.860 billion`)."""
    if not decimals or not value or not base:
        return None  # an integer as written (`1100亿件`): `110 billion`, no invented trailing zero
    return decimals - round(math.log10(abs(base / value)))


def _english_magnitude(t: Translator, base: float, decimals: int | None = None) -> str:
    """`1.079 billion`: every significant digit the source gave is kept (never rounded to a different number);
    `decimals` (of `base` in units) keeps written trailing zeros (`13.80 trillion`)."""
    for scale, word in _EN_SCALES:
        if abs(base) >= scale:
            mantissa = round(base / scale, 9)  # drop float noise only
            d = None if decimals is None else decimals + round(math.log10(scale))
            if d is not None and d > 0:
                return f"{_fixed(t, mantissa, d)} {word}"
            return f"{format_decimal(_trim(mantissa), format='#,##0.#########', locale=t.locale)} {word}"
    if decimals is not None and decimals > 0:
        return _fixed(t, base, decimals)
    return format_decimal(_trim(round(base, 9)), format="#,##0.#########", locale=t.locale)


def format_growth(t: Translator, growth_pct: float | None, growth_pp: float | None,
                  decimals: int | None = None) -> str:
    """Growth in neutral words ("up 13.1%"): the store does not record whether a change is year on year, month on
    month or over several years, so the wording never claims which (the quote does)."""
    parts = []
    if growth_pct is not None:
        pct = _fixed(t, abs(growth_pct), decimals)
        if growth_pct > 0:
            parts.append(t._("up {pct}%").format(pct=pct))
        elif growth_pct < 0:
            parts.append(t._("down {pct}%").format(pct=pct))
        else:
            parts.append(t._("unchanged"))
    if growth_pp is not None:
        pp = _fixed(t, abs(growth_pp), decimals)
        if growth_pp >= 0:
            parts.append(t._("up {pp} percentage points").format(pp=pp))
        else:
            parts.append(t._("down {pp} percentage points").format(pp=pp))
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


def render_figure(t: Translator, entry: Any, *, with_source: bool = True) -> str:
    """One figure entry (`bot.services.metrics.FigureEntry`, or a `Figure` row) as a short HTML block."""
    growth = format_growth(t, getattr(entry, "growth_pct", None), getattr(entry, "growth_pp", None),
                           getattr(entry, "growth_decimals", None))
    growth_only = is_growth_only(entry)
    if growth_only:
        value, growth = growth, ""
    else:
        value = format_value(t, entry.value, entry.unit, getattr(entry, "value_base", None),
                             getattr(entry, "base_unit", None), getattr(entry, "value_decimals", None))
    qualifier = getattr(entry, "qualifier", "exact")
    if qualifier in _QUALIFIERS:
        value = t._(_QUALIFIERS[qualifier]).format(value=value)
    name = figure_name(t, entry)
    period = format_period(t, getattr(entry, "period_label", ""), getattr(entry, "period_start", None),
                           getattr(entry, "period_end", None))
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
        for src in list(getattr(entry, "sources", []) or [])[:2]:
            lines.append(render_source(t, src))
    return "\n".join(lines)


def render_source(t: Translator, src: Any) -> str:
    """`— 中国商务新闻网 · 电商周报 第12期 · 2024年3月1日 · /article 12`"""
    outlet, bulletin = getattr(src, "outlet", "") or "", getattr(src, "bulletin", "") or ""
    if outlet and bulletin.startswith(outlet):  # the bulletin's own item: name it once
        outlet = ""
    bits = [b for b in (outlet, bulletin) if b]
    published = getattr(src, "published", None)
    if published:
        bits.append(t.date(published))
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
        lines.extend("• " + render_figure(t, f, with_source=False) for f in figures)
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
