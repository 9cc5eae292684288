"""Charts of a metric over time: which figures make a comparable series (data logic), and the PNG (matplotlib).

    chart_series(entries, *, region=None) -> ChartSeries | None
        the longest comparable series among a lookup's entries (`bot.services.lookup.FigureEntry`), oldest first;
        None when fewer than two periods are comparable
    render_png(series, labels) -> bytes
        the picture (matplotlib, Agg, the bundled CJK font); blocking: call it in a worker thread

Comparable means: one region, one base unit, and one span — full years, or the same months in every year
(`1—6月` of 2021, 2022, 2023), or stocks (`截至` a date). Forecasts, undated figures and growth-only figures are not
points; a growth-only figure of a plotted period supplies that period's growth. When several values were reported
for one period (`13.8万亿元` and `13.79万亿元` for 2022), the one with the most sources (then an exact one, one with
a growth rate, the newest) is the point and the others are kept as `others`, so the caption can say so. Every point keeps its
sources (outlet, date, article id) so the caption makes each one traceable.

Nothing here knows the reader's language: labels (title, axis names, period names) come from the caller.
"""

from __future__ import annotations

import io
import threading
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from bot.services.figures import is_growth_only
from bot.services.lookup import FigureEntry, FigureSource

FONT_FILE = Path(__file__).resolve().parents[1] / "assets" / "fonts" / "DongtaiSansSC-Regular.otf"
#: the bundled font's family name (a subset of Noto Sans CJK SC, see bot/assets/fonts/README.md)
FONT_FAMILY = "Dongtai Sans SC"
#: pixels of the PNG (width, height)
SIZE = (1080, 600)
DPI = 120
#: lookup entries a chart looks at (a long series of one span, plus the other spans it leaves out)
MAX_ENTRIES = 200

#: (divisor, Chinese prefix, English word) for the value axis
_SCALES = ((1e12, "万亿", "trillion"), (1e8, "亿", "hundred million"), (1e4, "万", "ten thousand"))
_EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@dataclass(frozen=True, slots=True)
class ChartPoint:
    #: the plotted figure (its sources; the period's growth when another report of the period gave it)
    figure: FigureEntry
    #: other values reported for the same period (in the base unit), largest source count first
    others: tuple[float, ...] = ()
    #: the growth came from a separate growth-only figure of this period (its source is in `growth_sources`)
    growth_sources: tuple[FigureSource, ...] = ()


@dataclass(slots=True)
class ChartSeries:
    metric: str
    region: str
    base_unit: str
    #: "year" (full calendar years) | "span" (the same months every year) | "stock" (levels as of a date)
    kind: str
    points: list[ChartPoint] = field(default_factory=list)
    #: entries of the lookup left out (other spans, units, regions; forecasts; undated)
    left_out: int = 0

    @property
    def has_growth(self) -> bool:
        return any(p.figure.growth_pct is not None for p in self.points)

    @property
    def max_abs(self) -> float:
        return max((abs(p.figure.value_base) for p in self.points), default=0.0)


def _span_key(e: Any) -> tuple[Any, ...]:
    if e.period_start is None:
        return ("stock",)
    s, t = e.period_start, e.period_end
    return ("span", s.month, s.day, t.month, t.day, t.year - s.year)


def _kind(key: tuple[Any, ...]) -> str:
    if key[0] == "stock":
        return "stock"
    return "year" if key[1:] == (1, 1, 12, 31, 0) else "span"


def _rank(e: FigureEntry) -> tuple[int, int, int, date]:
    """Which of several values for one period is the point: the most reported, then an exact one, then one that
    also gives a growth rate, then the newest."""
    return (e.source_count or len(e.sources), int(e.qualifier == "exact"), int(e.growth_pct is not None),
            e.newest_published)


def chart_series(entries: list[FigureEntry], *, region: str | None = None) -> ChartSeries | None:
    """The longest comparable series in `entries` (see the module doc), or None below two periods."""
    dated = [e for e in entries if e.period_end is not None and not e.is_forecast]
    growth_only = [e for e in dated if is_growth_only(e)]
    levels = [e for e in dated if not is_growth_only(e)]
    if region is not None:
        levels = [e for e in levels if e.region == region]
    groups: dict[tuple[Any, ...], list[FigureEntry]] = defaultdict(list)
    for e in levels:
        groups[(e.region, e.base_unit, _span_key(e))].append(e)
    if not groups:
        return None

    def score(item: tuple[tuple[Any, ...], list[FigureEntry]]) -> tuple[int, int, int, date]:
        (reg, _unit, span), members = item
        periods = len({e.period_end for e in members})
        newest = max(e.period_end or date.min for e in members)
        return (periods, int(reg == "全国"), int(_kind(span) == "year"), newest)

    (reg, base_unit, span), members = max(groups.items(), key=score)
    by_period: dict[date, list[FigureEntry]] = defaultdict(list)
    for e in members:
        assert e.period_end is not None
        by_period[e.period_end].append(e)
    if len(by_period) < 2:
        return None
    growth_by_period: dict[date, FigureEntry] = {}
    for e in growth_only:
        if e.region == reg and _span_key(e) == span and e.period_end is not None:
            old = growth_by_period.get(e.period_end)
            if old is None or _rank(e) > _rank(old):
                growth_by_period[e.period_end] = e
    points = []
    for end in sorted(by_period):
        ranked = sorted(by_period[end], key=_rank, reverse=True)
        best = ranked[0]
        growth_sources: tuple[FigureSource, ...] = ()
        grown = next((e for e in ranked if e.growth_pct is not None), None)
        if grown is None and end in growth_by_period:
            grown = growth_by_period[end]
            growth_sources = tuple(grown.sources[:1])
        figure = best
        if grown is not None and grown is not best:  # the period's growth as that report gave it
            figure = replace(best, growth_pct=grown.growth_pct, growth_pp=None, growth_basis=grown.growth_basis,
                             growth_decimals=grown.growth_decimals)
        others = tuple(dict.fromkeys(e.value_base for e in ranked[1:] if e.value_base != best.value_base))
        points.append(ChartPoint(figure=figure, others=others, growth_sources=growth_sources))
    used = sum(len(v) for v in by_period.values())
    return ChartSeries(metric=members[0].metric, region=reg, base_unit=base_unit, kind=_kind(span), points=points,
                       left_out=len(entries) - used - sum(1 for p in points if p.growth_sources))


def zh_scale(max_abs: float, base_unit: str) -> tuple[float, str]:
    """(divisor, axis unit) in Chinese: 15.42 with `万亿元` rather than 15420000000000 with `元`."""
    if base_unit in ("%", "个百分点"):
        return 1.0, base_unit
    for divisor, prefix, _en in _SCALES:
        if max_abs >= divisor:
            return divisor, prefix + base_unit
    return 1.0, base_unit


def en_scale(max_abs: float) -> tuple[float, str]:
    """(divisor, scale word) in English: `trillion`, `billion`, `million` ('' below a million)."""
    for divisor, word in _EN_SCALES:
        if max_abs >= divisor:
            return divisor, word
    return 1.0, ""


# --------------------------------------------------------------------------------------------------- the picture


@dataclass(frozen=True, slots=True)
class ChartLabels:
    """Everything written on the picture, in the reader's language."""

    title: str
    subtitle: str
    value_axis: str
    value_legend: str
    growth_axis: str
    growth_legend: str
    #: one per point, oldest first (`2023年上半年`, `H1 2023`)
    periods: tuple[str, ...]
    #: value printed above each point (as formatted for the reader)
    value_texts: tuple[str, ...]
    footer: str = ""
    #: divisor applied to `value_base` for the value axis
    divisor: float = 1.0


_render_lock = threading.Lock()
_font_ready = False


def setup_font() -> str:
    """Register the bundled CJK font with matplotlib (once) and make it the default, DejaVu Sans as the fallback
    for anything it lacks; returns the font file. matplotlib is imported here, not at module import."""
    global _font_ready
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import font_manager

    if not _font_ready:
        font_manager.fontManager.addfont(str(FONT_FILE))
        matplotlib.rcParams["font.family"] = [FONT_FAMILY, "DejaVu Sans"]
        matplotlib.rcParams["axes.unicode_minus"] = False  # U+2212 is not in every font; "-" is
        _font_ready = True
    return str(FONT_FILE)


def missing_glyphs(text: str) -> set[str]:
    """The characters of `text` the bundled font has no glyph for (whitespace ignored)."""
    cmap = _font_cmap()
    return {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}


_cmap: set[int] | None = None


def _font_cmap() -> set[int]:
    global _cmap
    if _cmap is None:
        from fontTools.ttLib import TTFont

        with TTFont(str(FONT_FILE), lazy=True) as font:
            _cmap = set(font.getBestCmap())
    return _cmap


def render_png(series: ChartSeries, labels: ChartLabels) -> bytes:
    """The series as a PNG of `SIZE` pixels: values as bars (levels as a line for stocks), and below them, where
    known, the growth in % the sources reported, on the same periods. Blocking (~0.1 s; the first call in a
    process ~0.5 s): run it with `asyncio.to_thread`."""
    with _render_lock:  # matplotlib's font cache and text layout are not made for concurrent use
        setup_font()
        from matplotlib.figure import Figure

        fig = Figure(figsize=(SIZE[0] / DPI, SIZE[1] / DPI), dpi=DPI)
        growth = [(x, float(p.figure.growth_pct)) for x, p in enumerate(series.points) if p.figure.growth_pct is not None]
        if growth:  # values above, growth below on the same periods: nothing drawn over anything else
            ax, ax2 = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.25], "hspace": 0.12})
        else:
            ax, ax2 = fig.add_subplot(1, 1, 1), None
        xs = list(range(len(series.points)))
        ys = [p.figure.value_base / labels.divisor for p in series.points]
        colour, growth_colour = "#2f6db3", "#d9822b"
        if series.kind == "stock":
            ax.plot(xs, ys, marker="o", color=colour, linewidth=2, label=labels.value_legend, zorder=3)
        else:
            ax.bar(xs, ys, width=0.6, color=colour, alpha=0.85, label=labels.value_legend, zorder=2)
        for x, y, text in zip(xs, ys, labels.value_texts, strict=False):
            ax.annotate(text, (x, y), textcoords="offset points", xytext=(0, 4), ha="center", va="bottom",
                        fontsize=9, color="#1f3f66")
        top = max(ys + [0.0])
        ax.set_ylim(min(0.0, min(ys)) * 1.15, top * 1.18 if top > 0 else 1.0)
        ax.set_ylabel(labels.value_axis)
        ax.grid(axis="y", color="#dddddd", zorder=0)
        ax.spines[["top", "right"]].set_visible(False)
        bottom = ax
        if ax2 is not None:
            gx, gy = [g[0] for g in growth], [g[1] for g in growth]
            ax2.plot(gx, gy, marker="s", linestyle="--", color=growth_colour, linewidth=1.6,
                     label=labels.growth_legend, zorder=3)
            ax2.axhline(0, color="#999999", linewidth=0.8, zorder=1)
            for x, y in zip(gx, gy, strict=True):
                ax2.annotate(f"{y:g}%", (x, y), textcoords="offset points", xytext=(0, 6 if y >= 0 else -6),
                             ha="center", va="bottom" if y >= 0 else "top", fontsize=8, color=growth_colour)
            lo, hi = min(gy + [0.0]), max(gy + [0.0])
            pad = max(1.0, (hi - lo) * 0.35)
            ax2.set_ylim(lo - (pad if lo < 0 else pad * 0.3), hi + pad)
            ax2.set_ylabel(labels.growth_axis)
            ax2.grid(axis="y", color="#eeeeee", zorder=0)
            ax2.spines[["top", "right"]].set_visible(False)
            bottom = ax2
        handles, names = ax.get_legend_handles_labels()
        if ax2 is not None:
            h2, n2 = ax2.get_legend_handles_labels()
            handles, names = handles + h2, names + n2
        ax.legend(handles, names, loc="upper left", fontsize=9, frameon=False, ncol=2)
        bottom.set_xticks(xs)
        bottom.set_xticklabels(labels.periods, rotation=30 if len(xs) > 6 else 0,
                               ha="right" if len(xs) > 6 else "center", fontsize=9)
        bottom.set_xlim(-0.6, len(xs) - 0.4)
        fig.text(0.02, 0.965, labels.title, fontsize=14, ha="left", va="top")
        fig.text(0.02, 0.905, labels.subtitle, fontsize=10, ha="left", va="top", color="#555555")
        if labels.footer:
            fig.text(0.02, 0.015, labels.footer, fontsize=8, color="#777777", ha="left", va="bottom")
        fig.subplots_adjust(left=0.08, right=0.97, top=0.84, bottom=0.2 if len(xs) > 6 else 0.13)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI)
        return buf.getvalue()

